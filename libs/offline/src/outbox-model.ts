import type { OrderLine, Order, TenderInput } from '@pos/contracts';

/** The commands a tablet can queue while offline. */
export type CommandKind = 'createOrder' | 'addItems' | 'updateLine' | 'voidLine' | 'updateOrder' | 'sendOrder' | 'pay' | 'openTable' | 'closeTable';

/**
 * What a queued command does to the local view, so the waiter sees it at once and after a
 * reload: applied on top of the last confirmed order/tables until the server acknowledges it.
 */
export type CommandEffect =
  | { type: 'createOrder'; order: Order }
  | { type: 'addItems'; lines: OrderLine[] }
  | { type: 'updateLine'; lineId: string; quantity?: number; note?: string | null; course?: number }
  | { type: 'voidLine'; lineId: string; quantity?: number; reason?: string }
  | { type: 'updateOrder'; note?: string | null; guests?: number; heldCourses?: number[] }
  | { type: 'sendOrder'; courses?: number[] }
  | { type: 'pay'; checkIndex?: number; tenders: TenderInput[] }
  | { type: 'openTable'; tableId: string; guests: number; waiterId: string; waiterName: string }
  | { type: 'closeTable'; tableId: string };

export interface CommandInput {
  kind: CommandKind;
  method: 'POST' | 'PATCH';
  /** May hold temporary ids; they are swapped for the server's ids just before sending. */
  path: string;
  /** Without `clientRequestId` (the outbox adds it). A `version` is raised to the last acknowledged one. */
  body: Record<string, unknown>;
  /** The order this command changes (temporary or server id). */
  orderId?: string;
  tableId?: string;
  /** Temporary ids this command creates, mapped from the response once acknowledged. */
  creates?: { order?: string; lines?: string[] };
  effect: CommandEffect;
}

export type OutboxState = 'pending' | 'failed';

export interface OutboxRecord extends CommandInput {
  /** Insertion order: commands replay strictly in this order. */
  seq?: number;
  /** The command's `clientRequestId` (UUID v7), also its Idempotency-Key: the same on every retry. */
  id: string;
  venueId: string;
  staffId: string;
  deviceId: string;
  createdAt: number;
  /** `pending` waits to be sent (again); `failed` was refused for good and needs a person. */
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number;
  /**
   * When it was last sent without an answer: the server may have applied it. A snapshot taken
   * after this already shows the command if it landed, so the local view does not apply it again.
   */
  lastAttemptAt?: number;
  /**
   * How many times the server answered "busy" (5xx, 429, 408). Only these count towards giving
   * up: a lost connection says nothing about the server, and a tablet that lost its Wi-Fi fifty
   * times must not hand a good command to a person at the first 503 that follows.
   */
  busyAttempts?: number;
  /** The last failure: transient ones while pending, the refusal once failed. */
  error?: { status: number; code: string; message: string };
}

/** What a sender reports when a request fails (the api-client's ApiError fits). */
export interface SendError {
  status: number;
  code: string;
  message: string;
}

export function toSendError(error: unknown): SendError {
  if (error && typeof error === 'object' && 'status' in error && typeof (error as SendError).status === 'number') {
    const e = error as Partial<SendError> & { status: number };
    return { status: e.status, code: typeof e.code === 'string' ? e.code : 'http', message: typeof e.message === 'string' ? e.message : 'Request failed' };
  }
  return { status: 0, code: 'network', message: error instanceof Error ? error.message : String(error) };
}

/**
 * How a failure is handled: `network` (no answer — retry for as long as it takes; also the
 * server's "the same command is still being processed", whose claim lease bounds the wait: once
 * it expires the retry takes the command over), `busy` (the server is there but cannot take it
 * now — retry, a bounded number of times), `auth` (signed out — wait for a sign-in), `permanent`
 * (refused — needs a person, never retried by itself).
 */
export type FailureClass = 'network' | 'busy' | 'auth' | 'permanent';

export function classify(error: SendError): FailureClass {
  if (error.status === 0 || (error.status === 409 && error.code === 'idempotency.in_flight')) return 'network';
  if (error.status === 401) return 'auth';
  if (error.status >= 500 || error.status === 429 || error.status === 408) return 'busy';
  return 'permanent';
}
