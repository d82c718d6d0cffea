import { TERMINAL_OUTCOMES } from '@pos/contracts';
import type { PaymentTerminal, TerminalResult } from './terminal';

/**
 * What the tablet's native app injects as `window.PosNativeBridge` (see the README). Every call
 * takes and answers JSON strings, so the bridge works over any WebView message channel.
 */
export interface PosNativeBridge {
  /** `{ amount, currency, idempotencyKey }` → a TerminalResult as JSON. */
  startPayment(request: string): Promise<string>;
  /** `{ transactionRef, idempotencyKey }` → a TerminalResult as JSON. */
  paymentStatus(request: string): Promise<string>;
  /** `{ transactionRef, idempotencyKey }` → anything (ignored). */
  cancelPayment(request: string): Promise<string | void>;
}

declare global {
  interface Window {
    PosNativeBridge?: PosNativeBridge;
  }
}

/** Reads the bridge's answer defensively: anything unexpected is a timeout (the state is unknown). */
export function parseTerminalResult(json: string): TerminalResult {
  try {
    const raw = JSON.parse(json) as Partial<Record<keyof TerminalResult, unknown>>;
    const outcome = TERMINAL_OUTCOMES.find((o) => o === raw.outcome);
    if (!outcome) return { outcome: 'timeout', reason: 'Unreadable terminal answer' };
    const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
    return {
      outcome,
      transactionRef: text(raw.transactionRef),
      maskedCard: text(raw.maskedCard),
      scheme: text(raw.scheme) as TerminalResult['scheme'],
      reason: text(raw.reason),
    };
  } catch {
    return { outcome: 'timeout', reason: 'Unreadable terminal answer' };
  }
}

export function createNativeBridgeTerminal(bridge: PosNativeBridge): PaymentTerminal {
  return {
    kind: 'native',
    start: async (request) => parseTerminalResult(await bridge.startPayment(JSON.stringify(request))),
    status: async (transactionRef, idempotencyKey) => parseTerminalResult(await bridge.paymentStatus(JSON.stringify({ transactionRef, idempotencyKey }))),
    cancel: async (transactionRef, idempotencyKey) => {
      await bridge.cancelPayment(JSON.stringify({ transactionRef, idempotencyKey }));
    },
  };
}
