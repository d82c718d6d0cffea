import type { PaymentStatus } from '@pos/contracts';
import type { HostStorage } from '@pos/plugin-sdk';
import { useEffect, useSyncExternalStore } from 'react';
import { createStoredEntries } from '../../storage/stored-entries';
import { newOperationKey } from '../../terminal';

/** The host storage key of this tablet's unfinished card operations. */
export const PENDING_CARD_OPS_KEY = 'payments.pending-card-ops';

/**
 * A terminal operation of a card payment that has not ended in a known outcome yet, written down
 * before the terminal is called: with it a reloaded page, or the next cashier on this tablet,
 * can ask the terminal what happened and record it with the same keys — never charging twice.
 */
export interface PendingCardOp {
  paymentId: string;
  orderId: string;
  /** `start`: tap to pay (a sale) or a pre-authorization; `capture`: the capture of a deferred hold. */
  operation: 'start' | 'capture';
  mode: 'now' | 'deferred';
  /** Of the order, without the tip (minor units); the terminal is asked for amount + tip. */
  amount: number;
  tip: number;
  currency: string;
  /** The terminal operation's idempotency key: the start key, or the capture's own key. */
  terminalKey: string;
  /** The terminal's transaction: the sale / pre-authorization once it answered, or the hold captured. */
  transactionRef?: string;
  /** The terminal confirmed it stopped the start (Cancel while it waited): no money can have moved. */
  isStopped?: boolean;
  /** One clientRequestId per server step, the same for every retry of that step. */
  requestIds: { hold: string; capture: string; reconcile: string; cancel: string };
  startedAt: string;
}

const newRequestIds = (): PendingCardOp['requestIds'] => ({ hold: newOperationKey(), capture: newOperationKey(), reconcile: newOperationKey(), cancel: newOperationKey() });

export function newStartOp(input: Pick<PendingCardOp, 'paymentId' | 'orderId' | 'mode' | 'amount' | 'tip' | 'currency'>): PendingCardOp {
  return { ...input, operation: 'start', terminalKey: newOperationKey(), requestIds: newRequestIds(), startedAt: new Date().toISOString() };
}

export function newCaptureOp(input: Pick<PendingCardOp, 'paymentId' | 'orderId' | 'amount' | 'tip' | 'currency'> & { transactionRef: string }): PendingCardOp {
  return { ...input, operation: 'capture', mode: 'deferred', terminalKey: newOperationKey(), requestIds: newRequestIds(), startedAt: new Date().toISOString() };
}

/** The terminal request a capture operation sends (and sends again, same key, to learn its outcome). */
export const captureRequestOf = (op: PendingCardOp) => ({ transactionRef: op.transactionRef ?? '', amount: op.amount + op.tip, currency: op.currency, idempotencyKey: op.terminalKey });

/**
 * Whether the payment, in `status`, has nothing left to ask the terminal about this operation:
 * a start while `created` or `unknown` (and a tap to pay whose capture was not recorded yet) still
 * has; a capture while the hold is `authorized` or `unknown` still has.
 */
export function isSettled(op: PendingCardOp, status: PaymentStatus): boolean {
  if (op.operation === 'capture') return status !== 'authorized' && status !== 'unknown';
  if (status === 'created' || status === 'unknown') return false;
  return !(op.mode === 'now' && status === 'authorized');
}

/** Storage outlives app versions and may hold anything: only well-formed entries are read. */
function isPendingCardOp(v: unknown): v is PendingCardOp {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const ids = o.requestIds as Record<string, unknown> | undefined;
  return (
    typeof o.paymentId === 'string' &&
    typeof o.orderId === 'string' &&
    (o.operation === 'start' || o.operation === 'capture') &&
    (o.mode === 'now' || o.mode === 'deferred') &&
    typeof o.amount === 'number' &&
    typeof o.tip === 'number' &&
    typeof o.currency === 'string' &&
    typeof o.terminalKey === 'string' &&
    typeof o.startedAt === 'string' &&
    typeof ids === 'object' &&
    ids !== null &&
    ['hold', 'capture', 'reconcile', 'cancel'].every((k) => typeof ids[k] === 'string')
  );
}

export interface PendingCardOpsSnapshot {
  /** By payment id; null until read from storage. */
  ops: Readonly<Record<string, PendingCardOp>> | null;
  /** Payments a flow of this tablet session is working on right now (not to be touched twice). */
  running: ReadonlySet<string>;
}

/**
 * The tablet's unfinished card operations, kept in the host storage (IndexedDB), one per payment,
 * plus which payments a flow is running now. Writes go one after another, so two flows never
 * overwrite each other's entries.
 */
export function createPendingCardOps(storage: HostStorage) {
  const stored = createStoredEntries(storage, PENDING_CARD_OPS_KEY, isPendingCardOp);
  let snapshot: PendingCardOpsSnapshot = { ops: null, running: new Set() };
  const listeners = new Set<() => void>();
  const publish = (next: Partial<PendingCardOpsSnapshot>) => {
    snapshot = { ...snapshot, ...next };
    listeners.forEach((l) => l());
  };
  stored.subscribe(() => publish({ ops: stored.entries() }));

  return {
    snapshot: () => snapshot,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Reads the list from storage (once); the snapshot has it afterwards. */
    load: stored.load,
    get: stored.get,
    /** Writes the operation down (replacing an earlier one of the payment). */
    save: (op: PendingCardOp) => stored.save(op.paymentId, op),
    /** Adds what became known (e.g. the transaction reference); a forgotten operation stays forgotten. */
    update: (paymentId: string, patch: Partial<Omit<PendingCardOp, 'paymentId'>>) => stored.update(paymentId, patch),
    /** The operation ended in a known outcome: nothing is left to ask the terminal. */
    forget: stored.forget,
    isRunning: (paymentId: string) => snapshot.running.has(paymentId),
    /** Runs `work` on the payment, marked as running meanwhile. */
    async running<T>(paymentId: string, work: () => Promise<T>): Promise<T> {
      publish({ running: new Set(snapshot.running).add(paymentId) });
      try {
        return await work();
      } finally {
        const running = new Set(snapshot.running);
        running.delete(paymentId);
        publish({ running });
      }
    },
  };
}

export type PendingCardOps = ReturnType<typeof createPendingCardOps>;

const byStorage = new WeakMap<HostStorage, PendingCardOps>();
/** The one list of the tablet session (per host storage), shared by every pay dialog it opens. */
export function tabletCardOps(storage: HostStorage): PendingCardOps {
  let ops = byStorage.get(storage);
  if (!ops) byStorage.set(storage, (ops = createPendingCardOps(storage)));
  return ops;
}

/**
 * The list, live: re-renders when an operation is written, forgotten, started or finished. It is
 * read from storage once `isNeeded` (the pay dialog online: offline there is nothing to do with it).
 */
export function usePendingCardOps(store: PendingCardOps, isNeeded: boolean): PendingCardOpsSnapshot {
  useEffect(() => {
    if (isNeeded) void store.load();
  }, [store, isNeeded]);
  return useSyncExternalStore(store.subscribe, store.snapshot);
}
