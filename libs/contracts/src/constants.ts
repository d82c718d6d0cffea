/**
 * Plain constants without zod, for code that must stay small (the shell's first load imports
 * them as `@pos/contracts/constants`). The index re-exports them for everyone else.
 */

/** The version of the host API remotes are written against (`PosPlugin.shellApi`). */
export const SHELL_API_VERSION = '1.0.0';

/** Socket.IO is served on this path; namespaces below. */
export const SOCKET_PATH = '/ws';
export const SOCKET_NAMESPACES = { menu: '/menu-updates', pos: '/pos' } as const;

/**
 * What a tablet can do without the server (queued in its outbox and sent when the network
 * returns). Everything else — card payments, refunds, reports, admin — needs the network.
 */
export const OFFLINE_CAPABILITIES = ['orders.create', 'orders.edit', 'orders.void', 'orders.fire', 'payments.cash', 'tables.open', 'tables.close'] as const;
export type OfflineCapability = (typeof OFFLINE_CAPABILITIES)[number];
