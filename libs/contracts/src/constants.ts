/**
 * Plain constants without zod, for code that must stay small (the shell's first load imports
 * them as `@pos/contracts/constants`). The index re-exports them for everyone else.
 */

/** The version of the host API remotes are written against (`PosPlugin.shellApi`); 1.1 added `requestApproval`, 1.2 `slots`, 1.3 `outbox`, 1.4 `adminPages` (several Admin pages per remote) and the shift API on `host.api`. */
export const SHELL_API_VERSION = '1.4.0';

/** Socket.IO is served on this path; namespaces below. */
export const SOCKET_PATH = '/ws';
export const SOCKET_NAMESPACES = { menu: '/menu-updates', pos: '/pos' } as const;

/**
 * What a tablet can do without the server (queued in its outbox and sent when the network
 * returns). Everything else — card payments, refunds, reports, admin — needs the network.
 */
export const OFFLINE_CAPABILITIES = ['orders.create', 'orders.edit', 'orders.void', 'orders.fire', 'payments.cash', 'tables.open', 'tables.close'] as const;
export type OfflineCapability = (typeof OFFLINE_CAPABILITIES)[number];

/**
 * How big an order may grow. Every amount an answer carries must fit `MoneySchema`
 * (≤ 1,000,000,000.00), so an order is kept far below it: refused (422) before anything is written
 * instead of saved and then unreadable for the whole venue. The numbers are generous for any real
 * table, banquets included.
 */
/** Portions on one line, per command (an added item, a line edit). */
export const MAX_LINE_QUANTITY = 99;
/** Items in one command (create an order, add items). */
export const MAX_ITEMS_PER_COMMAND = 100;
/** Lines of one order, voided ones included (they stay on the bill). Enough for a banquet. */
export const MAX_ORDER_LINES = 500;
/** 10,000,000.00 in minor units: the most one order may total. */
export const MAX_ORDER_TOTAL = 1_000_000_000;
/** The most the open orders of one table session (merged tables included) may total together. */
export const MAX_TABLE_TOTAL = MAX_ORDER_TOTAL;
/** 1,000,000.00 in minor units: the most one product or combo may cost. */
export const MAX_UNIT_PRICE = 100_000_000;

/**
 * Dates the API accepts. The contracts hold a fixed window every date library and ISO string can
 * represent (a year past 9999 cannot even be written back as ISO-8601); the server narrows it
 * further to what makes business sense relative to today.
 */
export const MIN_BUSINESS_DATE = '2000-01-01';
export const MAX_BUSINESS_DATE = '2099-12-31';
/** Bookings and business days lie at most this many days ahead of today (two years). */
export const MAX_DAYS_AHEAD = 731;

/**
 * The request header that carries a supervisor's inline approval token to the one command it was
 * given for. A route runs with the lent permission when its caller lacks it; the command spends
 * the approval inside its transaction (a refused command leaves it unspent, a replay of the same
 * command answers as before).
 */
export const APPROVAL_HEADER = 'x-approval';

/** How long an inline approval waits for its command. */
export const APPROVAL_TTL_MS = 2 * 60_000;
