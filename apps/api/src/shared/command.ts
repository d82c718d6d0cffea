import type { ServerEventName, ServerEvents } from '@pos/contracts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** A database handle a service works through: the pool, or the command's transaction. */
export type Db = Kysely<Database> | Transaction<Database>;

/** An event to push to the venue's screens once the command's transaction has committed. */
export interface OutboundEvent<N extends ServerEventName = ServerEventName> {
  name: N;
  payload: ServerEvents[N];
  venueId: string;
  hallId?: string | null;
}

/** What a mutating service method returns: its value and the events it caused. */
export interface Outcome<T> {
  value: T;
  events: OutboundEvent[];
  /** Runs once the command's transaction has committed (drops the cached copies of what it changed). */
  afterCommit?: () => void;
}

export const outcome = <T>(value: T, events: OutboundEvent[] = []): Outcome<T> => ({ value, events });

export function event<N extends ServerEventName>(
  name: N,
  payload: ServerEvents[N],
  hallId?: string | null,
): OutboundEvent<N> {
  return { name, payload, venueId: (payload as { venueId: string }).venueId, hallId };
}

/** Who is acting: resolved from the JWT and the venue's role permissions on every request. */
export interface Actor {
  staffId: string;
  staffName: string;
  role: string;
  venueId: string;
  sessionId: string;
  /** The tablet the staff member signed in on (idempotency keys are scoped to it). */
  deviceId: string | null;
  permissions: ReadonlySet<string>;
  /**
   * A supervisor's inline approval this request presented (`X-Approval`): its permission is in
   * `permissions` for this one command, which spends it; audit entries name the approver.
   */
  approval?: PresentedApproval;
}

/** An approval as a request presents it: one permission, lent by the approver. */
export interface PresentedApproval {
  id: string;
  permission: string;
  approver: { id: string; name: string };
}
