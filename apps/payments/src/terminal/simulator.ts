import type { PaymentTerminal, TerminalResult } from './terminal';

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
  /** By default read from localStorage at each start, so a test can switch it between payments. */
  mode?: () => SimulatorMode;
  /** How long a "timeout" takes to report (the real terminal waits much longer). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A terminal for development and tests. A timeout is the awkward case done faithfully: the card
 * was charged but the answer got lost, so `status()` afterwards reports it approved — which is
 * what reconciliation must find out.
 */
export function createSimulatorTerminal(options: SimulatorOptions = {}): PaymentTerminal {
  const mode = options.mode ?? (() => parseSimulatorMode(readSetting()));
  const sleep = options.sleep ?? wait;
  const timeoutMs = options.timeoutMs ?? 400;
  /** What the "card network" knows, by transaction reference; one transaction per idempotency key. */
  const transactions = new Map<string, TerminalResult>();
  const byKey = new Map<string, string>();
  let seq = 0;

  const approved = (ref: string): TerminalResult => ({ outcome: 'approved', transactionRef: ref, maskedCard: '•••• 4242', scheme: 'visa' });

  return {
    kind: 'simulator',
    async start({ idempotencyKey }) {
      const known = byKey.get(idempotencyKey);
      if (known) return transactions.get(known) as TerminalResult;
      const ref = `SIM-${Date.now().toString(36).toUpperCase()}-${++seq}`;
      byKey.set(idempotencyKey, ref);
      const m = mode();
      switch (m.kind) {
        case 'decline': {
          const result: TerminalResult = { outcome: 'declined', transactionRef: ref, reason: 'Insufficient funds' };
          transactions.set(ref, result);
          await sleep(150);
          return result;
        }
        case 'timeout':
          transactions.set(ref, approved(ref));
          await sleep(timeoutMs);
          return { outcome: 'timeout', transactionRef: ref, reason: 'No answer from the terminal' };
        case 'delay':
          transactions.set(ref, approved(ref));
          await sleep(m.ms);
          return approved(ref);
        case 'approve':
          transactions.set(ref, approved(ref));
          await sleep(150);
          return approved(ref);
      }
    },
    async status(transactionRef) {
      await sleep(100);
      return transactions.get(transactionRef) ?? { outcome: 'declined', transactionRef, reason: 'Unknown transaction' };
    },
    async cancel(transactionRef) {
      const known = transactions.get(transactionRef);
      if (known) transactions.set(transactionRef, { outcome: 'declined', transactionRef, reason: 'Cancelled' });
    },
  };
}
