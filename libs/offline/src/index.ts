export { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
export { ConnectivityMonitor, type ConnectivityOptions, type ConnectivityState } from './connectivity';
export { OfflineDb, type CacheEntry, type CachedOrder, type IdMapping } from './db';
export { defaultLocks, inProcessLocks, type LockManagerLike } from './locks';
export { createOfflineApi, isQueued, NEEDS_NETWORK, needsNetwork, type OfflineApiOptions } from './offline-api';
export { applyToOrder, orderView, recompute, tablesView } from './optimistic';
export { confirmedOrder, Outbox, type OutboxEvents, type OutboxOptions, type Sender, type Settlement } from './outbox';
export { classify, type CommandEffect, type CommandInput, type CommandKind, type OutboxRecord, type SendError } from './outbox-model';
export { OfflineSignInError, OfflineStaffStore, pinMatches } from './offline-staff';
