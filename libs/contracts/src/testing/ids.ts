/**
 * Ids for test data. The contracts want UUIDs; tests want the same ids on every run. A counter
 * (fresh in every jest test file, which loads its own copy of this module) gives each built
 * entity its own id; `FIXTURE_IDS` are the fixed ids of what a test's data shares by default —
 * the order, its table, the waiter, the shift — so builders point at each other without setup.
 */
const uuid = (variant: '8' | 'a', n: number) => `00000000-0000-4000-${variant}000-${n.toString(16).padStart(12, '0')}`;

let seq = 0;

/** The next id of a built entity (a line, a product, a payment…): 00000000-0000-4000-8000-000000000001, …2, … */
export const fixtureId = (): string => uuid('8', ++seq);

/** The ids builders use for what their entity refers to unless a test says otherwise. */
export const FIXTURE_IDS = {
  venue: uuid('a', 1),
  waiter: uuid('a', 2),
  cashier: uuid('a', 3),
  hall: uuid('a', 4),
  table: uuid('a', 5),
  tableSession: uuid('a', 6),
  shift: uuid('a', 7),
  order: uuid('a', 8),
  station: uuid('a', 9),
  category: uuid('a', 10),
} as const;

/** The instant test data happened at unless a test says otherwise (noon, in the venue's year). */
export const FIXTURE_TIME = '2026-01-01T12:00:00.000Z';
