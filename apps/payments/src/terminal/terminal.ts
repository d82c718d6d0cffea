import type { CardScheme, TerminalOutcome } from '@pos/contracts';

/**
 * What the card terminal answered. Never card data: only the terminal's transaction reference,
 * the masked card as it prints it ('•••• 4242') and the scheme.
 */
export interface TerminalResult {
  outcome: TerminalOutcome;
  transactionRef?: string;
  maskedCard?: string;
  scheme?: CardScheme;
  /** Why it was declined (the terminal's words), or what went wrong. */
  reason?: string;
}

export interface TerminalPaymentRequest {
  /** Minor units. */
  amount: number;
  currency: string;
  /** The terminal charges once per key: retrying a start with the same key never charges twice. */
  idempotencyKey: string;
  /** Deferred payments: only authorize (hold) the amount; `capture()` takes it later. A sale otherwise. */
  authorizeOnly?: boolean;
}

/**
 * An operation on an earlier transaction of the terminal: the capture of a pre-authorization or
 * a refund of a sale. No card is presented, so asking again with the same `idempotencyKey` is how
 * a timeout is checked: the terminal performs the operation at most once per key and answers the
 * same result every time after.
 */
export interface TerminalReferencedRequest {
  /** The earlier transaction's reference (the payment's `reference`). */
  transactionRef: string;
  /** Minor units: what to capture (tip included) or to give back. */
  amount: number;
  currency: string;
  idempotencyKey: string;
}

/**
 * What `cancel()` stops: an approved transaction by its reference (voided / hold released), or
 * a start still waiting for the card, by that start's idempotency key (no reference exists yet).
 * Either way no money may move afterwards: a card that went through meanwhile is voided.
 */
export type TerminalCancelTarget = { transactionRef: string } | { startKey: string };

/**
 * A card terminal the tablet drives: the native SoftPOS SDK through `window.PosNativeBridge`, or
 * the simulator in development and tests. Each operation carries its own idempotency key.
 */
export interface PaymentTerminal {
  readonly kind: 'native' | 'simulator';
  /** A sale (tap to pay) or, with `authorizeOnly`, a pre-authorization (deferred). */
  start(request: TerminalPaymentRequest): Promise<TerminalResult>;
  /** Takes (part of) a pre-authorization; tip included in `amount`. */
  capture(request: TerminalReferencedRequest): Promise<TerminalResult>;
  /** Gives money back to the card of the original sale. */
  refund(request: TerminalReferencedRequest): Promise<TerminalResult>;
  /** Asks the terminal what became of a started transaction (after a timeout). */
  status(transactionRef: string, idempotencyKey: string): Promise<TerminalResult>;
  cancel(target: TerminalCancelTarget, idempotencyKey: string): Promise<void>;
}

/** A fresh key for one terminal or server operation. */
export function newOperationKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
