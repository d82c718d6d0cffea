import type { PaymentTerminal, TerminalReferencedRequest, TerminalResult } from './terminal';

/** Where e2e tests and developers choose what the simulator answers. */
export const SIMULATOR_SETTING_KEY = 'pos.terminal.simulator';

export type SimulatorMode = { kind: 'approve' } | { kind: 'decline' } | { kind: 'timeout' } | { kind: 'delay'; ms: number };

/** 'approve' | 'decline' | 'timeout' | 'delay:<ms>' (a slow approval); anything else approves. */
export function parseSimulatorMode(value: string | null | undefined): SimulatorMode {
  if (value === 'decline' || value === 'timeout') return { kind: value };
  const delay = /^delay:(\d{1,6})$/.exec(value ?? '');
  if (delay) return { kind: 'delay', ms: Number(delay[1]) };
  return { kind: 'approve' };
}

const readSetting = (): string | null => {
  try {
    return globalThis.localStorage?.getItem(SIMULATOR_SETTING_KEY) ?? null;
  } catch {
    return null;
  }
};

export interface SimulatorOptions {
  /** By default read from localStorage at each operation, so a test can switch it between payments. */
  mode?: () => SimulatorMode;
  /** How long a "timeout" takes to report (the real terminal waits much longer). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const CARD = { maskedCard: '•••• 4242', scheme: 'visa' } as const;

/**
 * A terminal for development and tests. A timeout is the awkward case done faithfully: the
 * operation went through but the answer got lost, so `status()` (for a start) or the same
 * request again (capture, refund) afterwards reports it approved — what reconciliation must find.
 */
export function createSimulatorTerminal(options: SimulatorOptions = {}): PaymentTerminal {
  const mode = options.mode ?? (() => parseSimulatorMode(readSetting()));
  const sleep = options.sleep ?? wait;
  const timeoutMs = options.timeoutMs ?? 400;
  /** What the "card network" knows of each sale or pre-authorization, by transaction reference. */
  const transactions = new Map<string, TerminalResult>();
  /** Money of each approved transaction: what it took (or may take, for a hold) and gave back. */
  const ledger = new Map<string, { amount: number; refunded: number; isHold: boolean }>();
  /** One transaction per start key; one answer per capture or refund key. */
  const byKey = new Map<string, string>();
  const answers = new Map<string, TerminalResult>();
  let seq = 0;
  const nextRef = (prefix: string) => `${prefix}-${Date.now().toString(36).toUpperCase()}-${++seq}`;

  const approved = (ref: string): TerminalResult => ({ outcome: 'approved', transactionRef: ref, ...CARD });
  const declined = (ref: string | undefined, reason: string): TerminalResult => ({ outcome: 'declined', ...(ref ? { transactionRef: ref } : {}), reason });

  /**
   * Capture and refund share one shape: answered once per key, in the configured mode. `perform`
   * checks the transaction and books the money; what it refuses is declined in every mode.
   */
  const referenced = async (request: TerminalReferencedRequest, perform: () => TerminalResult): Promise<TerminalResult> => {
    const known = answers.get(request.idempotencyKey);
    if (known) {
      await sleep(100);
      return known;
    }
    const m = mode();
    if (m.kind === 'decline') {
      const result = declined(undefined, 'Declined by the issuer');
      answers.set(request.idempotencyKey, result);
      await sleep(150);
      return result;
    }
    const result = perform();
    answers.set(request.idempotencyKey, result);
    if (m.kind === 'timeout' && result.outcome === 'approved') {
      await sleep(timeoutMs);
      return { outcome: 'timeout', reason: 'No answer from the terminal' };
    }
    await sleep(m.kind === 'delay' ? m.ms : 150);
    return result;
  };

  return {
    kind: 'simulator',
    async start({ idempotencyKey, amount, authorizeOnly }) {
      const known = byKey.get(idempotencyKey);
      if (known) return transactions.get(known) as TerminalResult;
      const ref = nextRef('SIM');
      byKey.set(idempotencyKey, ref);
      const m = mode();
      if (m.kind === 'decline') {
        transactions.set(ref, declined(ref, 'Insufficient funds'));
        await sleep(150);
        return transactions.get(ref) as TerminalResult;
      }
      transactions.set(ref, approved(ref));
      ledger.set(ref, { amount, refunded: 0, isHold: Boolean(authorizeOnly) });
      await sleep(m.kind === 'timeout' ? timeoutMs : m.kind === 'delay' ? m.ms : 150);
      if (m.kind === 'timeout') return { outcome: 'timeout', transactionRef: ref, reason: 'No answer from the terminal' };
      // A cancel while the card was awaited wins over the approval.
      return transactions.get(ref) as TerminalResult;
    },
    capture(request) {
      return referenced(request, () => {
        const hold = ledger.get(request.transactionRef);
        const state = transactions.get(request.transactionRef);
        if (state && state.outcome !== 'approved') return declined(request.transactionRef, 'The authorization is no longer valid');
        if (hold && !hold.isHold) return declined(request.transactionRef, 'Already captured');
        // A hold from before this tablet session (a reload) is unknown here: the simulator takes it.
        ledger.set(request.transactionRef, { amount: request.amount, refunded: 0, isHold: false });
        return { ...approved(request.transactionRef), ...(state?.maskedCard ? { maskedCard: state.maskedCard } : {}) };
      });
    },
    refund(request) {
      return referenced(request, () => {
        const sale = ledger.get(request.transactionRef);
        const state = transactions.get(request.transactionRef);
        if (state && state.outcome !== 'approved') return declined(undefined, 'The original transaction was not approved');
        if (sale?.isHold) return declined(undefined, 'The authorization was never captured');
        if (sale && sale.refunded + request.amount > sale.amount) return declined(undefined, 'More than the original transaction');
        if (sale) sale.refunded += request.amount;
        return { ...approved(nextRef('SIM-R')), ...(state?.maskedCard ? { maskedCard: state.maskedCard } : {}) };
      });
    },
    async status(transactionRef) {
      await sleep(100);
      return transactions.get(transactionRef) ?? declined(transactionRef, 'Unknown transaction');
    },
    async cancel(target) {
      const ref = 'transactionRef' in target ? target.transactionRef : byKey.get(target.startKey);
      if (ref && transactions.has(ref)) {
        transactions.set(ref, declined(ref, 'Cancelled'));
        ledger.delete(ref);
      }
    },
  };
}
