import { z } from 'zod';

/**
 * Every permission a route can require. Roles map to sets of these per venue (edited in Admin);
 * the defaults below seed a new venue.
 */
export const PERMISSIONS = [
  'menu.view',
  'menu.stock',
  'tables.view',
  'tables.open',
  'tables.close',
  'tables.transfer',
  'tables.merge',
  'reservations.view',
  'reservations.manage',
  'orders.view',
  'orders.create',
  'orders.edit',
  'orders.fire',
  'orders.split',
  'orders.void',
  'kitchen.view',
  'kitchen.bump',
  'payments.take',
  'payments.refund',
  /** Look a loyalty guest up at the till (by QR or phone) and see their profile. */
  'customers.view',
  /** Sell a gift card on an order (it becomes active when the order is paid). */
  'giftcards.sell',
  /** Block and unblock a gift card (lost, stolen, disputed): a blocked card is refused everywhere. */
  'giftcards.block',
  /** Apply a manual promotion to an order (or take it off again). */
  'promotions.apply',
  /** Send a guest an SMS or an email from a template, and send a failed one again. */
  'notifications.send',
  'shifts.view',
  'shifts.open',
  'shifts.close',
  'shifts.close.override',
  /** Record paid-in / paid-out on a cash drawer: cash put into or taken out of an open shift's till, with a reason. */
  'shifts.cash',
  /**
   * Book a payment, capture or refund into another staff member's shift by naming it; without
   * it money always books to the acting staff's own shift. Admins only by default.
   */
  'shifts.book.other',
  /** Close another staff member's shift: a blind count (counted before the expected figure is shown), with a reason; audited. */
  'shifts.close-others',
  /** Shift reports of every shift of the venue (a cashier reads their own): X/Z reports, the Z archive, the Z chain check. */
  'shifts.reports.all',
  'admin.flags',
  'admin.roles',
  'admin.remotes',
  'admin.staff',
  /** Menu rules: upsell add-ons and combos. */
  'admin.menu',
  /** Payment rules: tip tolerance, hold expiry, what day close does with expired holds. */
  'admin.payments',
  /** Tablets and tills: enrollment codes, the list of enrolled devices, revoking one, the venue's tills and which till a tablet books to. */
  'admin.devices',
  /** Revenue plans: the hour targets of each weekday and the on-plan threshold the dashboard measures against. */
  'admin.plans',
  /** Loyalty guests: create, edit, export profiles; issue and revoke printed cards; the venue's loyalty settings (points, gift card expiry). */
  'admin.customers',
  /** Promotions: the venue's rules (happy hours, discounts, buy X get Y, combo prices) and how exclusive ones compete. */
  'admin.promotions',
  /** Integrations: delivery partners and their webhook secrets, outgoing webhook endpoints, the delivery log, dead letters and redelivery. */
  'admin.integrations',
  /** BI export: orders, lines, payments, shifts and promotions as CSV / NDJSON files, in full or since the last export. */
  'admin.analytics',
] as const;

export const PermissionSchema = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof PermissionSchema>;

export const ROLES = ['waiter', 'cashier', 'supervisor', 'cook', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const WAITER: Permission[] = [
  'menu.view',
  'tables.view',
  'tables.open',
  'tables.close',
  'tables.transfer',
  'tables.merge',
  'reservations.view',
  'reservations.manage',
  'orders.view',
  'orders.create',
  'orders.edit',
  'orders.fire',
  'orders.split',
  'kitchen.view',
  'customers.view',
];

export const DEFAULT_ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  waiter: WAITER,
  cashier: [
    'menu.view',
    'tables.view',
    'tables.close',
    'reservations.view',
    'orders.view',
    'orders.split',
    'payments.take',
    'shifts.view',
    'shifts.open',
    'shifts.close',
    'shifts.cash',
    'customers.view',
    'giftcards.sell',
  ],
  // A supervisor refunds into their own shift: putting money into a cashier's drawer is the venue's choice.
  supervisor: PERMISSIONS.filter((p) => !p.startsWith('admin.') && p !== 'shifts.book.other'),
  cook: ['menu.view', 'menu.stock', 'kitchen.view', 'kitchen.bump'],
  admin: [...PERMISSIONS],
};
