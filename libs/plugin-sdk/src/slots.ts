import type { ClosedShift, Order, Permission, Shift } from '@pos/contracts';
import type { FloorModeContext } from './floor-mode';

/**
 * The slots: named places in the core screens where remotes mount parcels, and what each one
 * hands its parcels. `SlotContexts` is the one map of slot name → context type; the shell's
 * `<Slot>`, `PosPlugin.slots` and `SlotProps` all read it, so changing a slot's context breaks the
 * compile of every remote that fills it instead of surprising it at run time.
 *
 * Contexts are additive: a field may be added, never renamed or removed (an older remote keeps
 * working against a newer shell). A field an older shell does not send yet is optional.
 */

/** The order on the order screen, under the menu (`order.suggestions`). */
export interface OrderSuggestionsContext {
  /** The order on screen, as the host's cache has it. */
  order: Order;
  /**
   * The course selected on the order screen: whatever the remote adds (dishes, combos) goes there.
   * Absent from a shell before it was sent: course 1, as the server defaults.
   */
  course?: number;
}

/** The order screen's right column, between the lines and the totals (`order.side-panel`). */
export interface OrderSidePanelContext {
  order: Order;
}

/**
 * The bill's totals (`order.summary`): in the order panel (`place: 'order'`) and in the pay dialog
 * (`place: 'payment'`, for the check being paid when the bill is split).
 */
export interface OrderSummaryContext {
  order: Order;
  place: 'order' | 'payment';
  /** The check being paid in a split bill; null for the whole order. */
  checkIndex: number | null;
}

/** The floor toolbar, beside the hall tabs (`floor.toolbar`). */
export interface FloorToolbarContext {
  /** The hall on screen; null before the halls have loaded. */
  hallId: string | null;
}

/** Above the floor map, the home screen (`home.widgets`). */
export interface HomeWidgetsContext {
  /** The hall on screen; null before the halls have loaded. */
  hallId: string | null;
}

/** A slot that hands its parcels nothing but the host (`header.indicators`). */
export type NoContext = Record<string, never>;

/** An order's row in the orders list (`orders.row-actions`). */
export interface OrderRowContext {
  order: Order;
}

/** The shell's own method in the pay dialog; the remote's buttons step back where it is primary. */
export type PayDialogMode = 'cash' | 'card' | 'mixed';

/** The pay dialog, under the shell's own methods (`payment.methods`). */
export interface PaymentMethodsContext {
  order: Order;
  /** The check being paid in a split bill; null for the whole order. */
  checkIndex: number | null;
  /** Due now on the order (or the chosen check), without the tip. */
  amount: number;
  tip: number;
  /**
   * The dialog's own method. Where its «Оплатить» is the one primary action (cash, mixed) tap to
   * pay steps back to a plain button; absent (a shell before it was sent): primary.
   */
  payMode?: PayDialogMode;
}

/** The shift screen's column under the totals, while a shift is open (`shift.panel`). */
export interface ShiftPanelContext {
  shift: Shift;
}

/**
 * Closing the shift (`shift.close`): before the close, beside the open shift's totals (what the
 * close will do: expired card holds, unsent reports); after it, on the closed shift's result
 * (what the close did). The venue's currency and time zone are in `host.session.venue`.
 */
export type ShiftCloseContext = { stage: 'before'; shift: Shift } | { stage: 'after'; shift: ClosedShift };

/** A page a remote adds to the Admin remote (`admin.pages`). */
export interface AdminPageContext {
  /** The page's own path (e.g. /x/admin/upsell): a page may keep its state below it. */
  path: string;
}

/** Slot name → the context its parcels receive. The one place a slot is declared. */
export interface SlotContexts {
  'order.suggestions': OrderSuggestionsContext;
  'order.side-panel': OrderSidePanelContext;
  'order.summary': OrderSummaryContext;
  'floor.mode': FloorModeContext;
  'floor.toolbar': FloorToolbarContext;
  'home.widgets': HomeWidgetsContext;
  'header.indicators': NoContext;
  'orders.row-actions': OrderRowContext;
  'payment.methods': PaymentMethodsContext;
  'shift.panel': ShiftPanelContext;
  'shift.close': ShiftCloseContext;
  'admin.pages': AdminPageContext;
}

export type SlotName = keyof SlotContexts;

/** Every slot name, in the order of the table above (for checks and docs). */
export const SLOTS = [
  'order.suggestions',
  'order.side-panel',
  'order.summary',
  'floor.mode',
  'floor.toolbar',
  'home.widgets',
  'header.indicators',
  'orders.row-actions',
  'payment.methods',
  'shift.panel',
  'shift.close',
  'admin.pages',
] as const satisfies readonly SlotName[];

/** What the Admin remote lists for an `admin.pages` parcel: its entry in the admin navigation. */
export interface AdminPageDeclaration {
  /** The page's path segment under /x/admin (e.g. 'upsell'); unique across remotes. */
  id: string;
  /** i18n key in the remote's namespace, or plain text. */
  title: string;
  /** Who sees the page: any one of these permissions (none: everyone who opens Admin). */
  permission?: Permission | readonly Permission[];
}
