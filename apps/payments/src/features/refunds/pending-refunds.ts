import type { HostStorage } from '@pos/plugin-sdk';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createStoredEntries } from '../../storage/stored-entries';
import type { RefundAttempt, RefundFlowState, RefundStage } from './refund-flow';

/** The host storage key of this tablet's unfinished refunds. */
export const PENDING_REFUNDS_KEY = 'payments.pending-refunds';

/**
 * A refund not ended in a known outcome yet, written down before the terminal (or, for cash and
 * external cards, the server) is asked: the payment, order, amount, reason, the terminal's key, the
 * sale's reference, the server's `clientRequestId` and how far it got. A reloaded page resumes it
 * with the same keys, so the guest is never refunded twice and no refund goes unrecorded.
 */
export interface PendingRefund extends RefundAttempt {
  stage: RefundStage;
  /** Why the last record failed, when it did. */
  message?: string;
}

export type UnfinishedRefund = Extract<RefundFlowState, { kind: 'unknown' | 'failed' }>;

/** Where a stored refund stands: the terminal's answer is unknown (check), or the record is (retry). */
export function resumedState({ stage, message, ...attempt }: PendingRefund): UnfinishedRefund {
  return stage === 'terminal' ? { kind: 'unknown', attempt } : { kind: 'failed', attempt, ...(message ? { message } : {}) };
}

const isOptionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** Storage outlives app versions and may hold anything: only well-formed entries are read. */
function isPendingRefund(v: unknown): v is PendingRefund {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  const answer = o.terminalAnswer as Record<string, unknown> | undefined;
  return (
    typeof o.paymentId === 'string' &&
    typeof o.orderId === 'string' &&
    typeof o.method === 'string' &&
    (o.transactionRef === null || typeof o.transactionRef === 'string') &&
    typeof o.amount === 'number' &&
    o.amount > 0 &&
    typeof o.reason === 'string' &&
    typeof o.currency === 'string' &&
    typeof o.terminalKey === 'string' &&
    typeof o.clientRequestId === 'string' &&
    typeof o.startedAt === 'string' &&
    (o.stage === 'terminal' || o.stage === 'recording') &&
    isOptionalString(o.message) &&
    (answer === undefined || (typeof answer === 'object' && answer !== null && answer.outcome === 'approved'))
  );
}

/**
 * The tablet's unfinished refunds, kept in the host storage (IndexedDB), one per payment: the
 * refund dialog of an order resumes the one of its payment, after a reload too.
 */
export function createPendingRefunds(storage: HostStorage) {
  const stored = createStoredEntries(storage, PENDING_REFUNDS_KEY, isPendingRefund);
  return {
    /** By payment id; null until read from storage. */
    snapshot: stored.entries,
    subscribe: stored.subscribe,
    load: stored.load,
    get: stored.get,
    save: (refund: PendingRefund) => stored.save(refund.paymentId, refund),
    update: (paymentId: string, patch: Partial<Omit<PendingRefund, 'paymentId'>>) => stored.update(paymentId, patch),
    /** The refund ended in a known outcome: recorded, declined by the terminal, or refused. */
    forget: stored.forget,
  };
}

export type PendingRefunds = ReturnType<typeof createPendingRefunds>;

const byStorage = new WeakMap<HostStorage, PendingRefunds>();
/** The one list of the tablet session (per host storage), shared by every row and dialog. */
export function tabletPendingRefunds(storage: HostStorage): PendingRefunds {
  let refunds = byStorage.get(storage);
  if (!refunds) byStorage.set(storage, (refunds = createPendingRefunds(storage)));
  return refunds;
}

/**
 * The list, live (`refunds`: null until read), read from storage once `isNeeded`; `isRead` once
 * that read is over (an unreadable storage leaves `refunds` null).
 */
export function usePendingRefunds(store: PendingRefunds, isNeeded: boolean) {
  const [isRead, setRead] = useState(false);
  useEffect(() => {
    if (!isNeeded) return;
    let isLive = true;
    void store.load().then(() => isLive && setRead(true));
    return () => void (isLive = false);
  }, [store, isNeeded]);
  const refunds: Readonly<Record<string, PendingRefund>> | null = useSyncExternalStore(store.subscribe, store.snapshot);
  return { refunds, isRead };
}
