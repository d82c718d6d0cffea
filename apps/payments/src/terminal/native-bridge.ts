import { TERMINAL_OUTCOMES } from '@pos/contracts';
import type { PaymentTerminal, TerminalResult } from './terminal';

/**
 * What the tablet's native app injects as `window.PosNativeBridge` (see the README). Every call
 * takes and answers JSON strings, so the bridge works over any WebView message channel.
 */
export interface PosNativeBridge {
  /** `{ amount, currency, idempotencyKey, authorizeOnly? }` → a TerminalResult as JSON. */
  startPayment(request: string): Promise<string>;
  /** `{ transactionRef, idempotencyKey }` → a TerminalResult as JSON. */
  paymentStatus(request: string): Promise<string>;
  /** `{ transactionRef, idempotencyKey }` or `{ startKey, idempotencyKey }` → anything (ignored). */
  cancelPayment(request: string): Promise<string | void>;
  /** `{ transactionRef, amount, currency, idempotencyKey }` → a TerminalResult as JSON. Optional: older apps lack it. */
  capturePayment?(request: string): Promise<string>;
  /** `{ transactionRef, amount, currency, idempotencyKey }` → a TerminalResult as JSON. Optional: older apps lack it. */
  refundPayment?(request: string): Promise<string>;
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

/**
 * A bridge call that fails (the message channel broke) may or may not have reached the terminal:
 * like an unreadable answer it is a timeout, so the operation is checked, never guessed.
 */
async function ask(call: () => Promise<string>): Promise<TerminalResult> {
  try {
    return parseTerminalResult(await call());
  } catch {
    return { outcome: 'timeout', reason: 'The terminal app did not answer' };
  }
}

/** An app without the method cannot have done the operation: declined, nothing to record. */
const unsupported = (what: string): TerminalResult => ({ outcome: 'declined', reason: `The terminal app cannot ${what}; update it` });

export function createNativeBridgeTerminal(bridge: PosNativeBridge): PaymentTerminal {
  return {
    kind: 'native',
    start: (request) => ask(() => bridge.startPayment(JSON.stringify(request))),
    capture: (request) => {
      const capture = bridge.capturePayment?.bind(bridge);
      return capture ? ask(() => capture(JSON.stringify(request))) : Promise.resolve(unsupported('capture a pre-authorization'));
    },
    refund: (request) => {
      const refund = bridge.refundPayment?.bind(bridge);
      return refund ? ask(() => refund(JSON.stringify(request))) : Promise.resolve(unsupported('refund'));
    },
    status: (transactionRef, idempotencyKey) => ask(() => bridge.paymentStatus(JSON.stringify({ transactionRef, idempotencyKey }))),
    cancel: async (target, idempotencyKey) => {
      await bridge.cancelPayment(JSON.stringify({ ...target, idempotencyKey }));
    },
  };
}
