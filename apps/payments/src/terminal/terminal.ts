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
}

/**
 * A card terminal the tablet drives: the native SoftPOS SDK through `window.PosNativeBridge`, or
 * the simulator in development and tests. Each operation carries its own idempotency key.
 */
export interface PaymentTerminal {
  readonly kind: 'native' | 'simulator';
  start(request: TerminalPaymentRequest): Promise<TerminalResult>;
  /** Asks the terminal what became of a transaction (after a timeout). */
  status(transactionRef: string, idempotencyKey: string): Promise<TerminalResult>;
  cancel(transactionRef: string, idempotencyKey: string): Promise<void>;
}

/** A fresh key for one terminal or server operation. */
export function newOperationKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c?.randomUUID) return c.randomUUID();
  return `op-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}
