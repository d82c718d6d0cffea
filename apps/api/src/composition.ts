import { type ApiConfig, exportDirOf } from './config';
import { AdminService } from './modules/admin/service';
import { ApprovalService } from './modules/approvals/service';
import { CustomersService } from './modules/customers/service';
import { DeviceService } from './modules/auth/device-service';
import { AuthService } from './modules/auth/service';
import { createFinance, type Finance } from './modules/finance';
import { RevenuePlans } from './modules/finance-dashboard/plans-service';
import { FinanceDashboardService } from './modules/finance-dashboard/service';
import { IntegrationsService } from './modules/integrations/service';
import { KitchenService } from './modules/kitchen/service';
import { createLoyalty, type Loyalty } from './modules/loyalty';
import { MenuService } from './modules/menu/service';
import { createOrders, type Orders } from './modules/orders';
import { Outbox } from './modules/outbox/service';
import { VenueCaches } from './shared/venue-cache';
import { createChannels } from './modules/notifications/channels';
import { NotificationDelivery } from './modules/notifications/delivery';
import { NOTIFICATION_KIND, NotificationsService } from './modules/notifications/service';
import { PromotionsService } from './modules/promotions/service';
import { ReservationsService } from './modules/reservations/service';
import { ShiftReportsService } from './modules/shift-reports/service';
import { ShiftsService } from './modules/shifts/service';
import { TillsService } from './modules/shifts/tills-service';
import { ShiftAlertsService } from './modules/shift-alerts/service';
import { UpsellService } from './modules/upsell/service';
import { VenuesService } from './modules/venues/service';
import type { Db } from './shared/command';
import { AnalyticsExportService } from './modules/analytics-export/service';
import { exportReaders } from './modules/analytics-export/reader';

/**
 * One instance of each domain service, for the routes and plugins (`app.services`). Services
 * never see this container: each gets the services it calls in its constructor.
 */
export interface Services {
  auth: AuthService;
  admin: AdminService;
  approvals: ApprovalService;
  venues: VenuesService;
  reservations: ReservationsService;
  menu: MenuService;
  upsell: UpsellService;
  promotions: PromotionsService;
  orders: Orders;
  kitchen: KitchenService;
  shifts: ShiftsService;
  tills: TillsService;
  finance: Finance;
  financeDashboard: FinanceDashboardService;
  revenuePlans: RevenuePlans;
  /** The transactional outbox: webhooks and guest notifications, delivered after the change commits. */
  outbox: Outbox;
  /** Per-venue copies of what every command reads (webhook subscriptions), dropped on every instance when they change. */
  caches: VenueCaches;
  /** Delivery partners in, webhook endpoints out (over orders and the kitchen; writes to the outbox). */
  integrations: IntegrationsService;
  customers: CustomersService;
  loyalty: Loyalty;
  shiftReports: ShiftReportsService;
  shiftAlerts: ShiftAlertsService;
  /** Guest SMS / email (issue 20): queued through the outbox, delivered by its 'notification' handler. */
  notifications: NotificationsService;
  analyticsExports: AnalyticsExportService;
}

/**
 * The composition root: builds the services layer by layer (CONTEXT.md) and plugs each port a
 * lower domain declares into the higher domain that answers it. A port is wired as a small
 * forwarding object, so the higher service may be built after the lower one that holds it; every
 * call still runs on the caller's db handle — the command's one transaction.
 */
export async function createServices(db: Db, config: ApiConfig): Promise<Services> {
  // Base: who is acting, venue settings, the menu, the floor, upsell rules.
  const auth = await AuthService.create(db, config, new DeviceService());
  // Base: written in any command's transaction; the kinds' handlers are registered by the modules that send them.
  const outbox = new Outbox();
  // The socket plugin links them to the other instances (Redis) once it is up.
  const caches = new VenueCaches();
  const admin = new AdminService(auth, {
    settings: (...args) => finance.settings.settings(...args),
    saveSettings: (...args) => finance.settings.saveSettings(...args),
  }, caches);
  const approvals = new ApprovalService(auth, admin);
  const menu = new MenuService(admin);
  const venues = new VenuesService(auth, {
    openSessionSummaries: (...args) => orders.hooks.openSessionSummaries(...args),
    assertSessionsFitTogether: (...args) => orders.hooks.assertSessionsFitTogether(...args),
    settleSessionForClose: (...args) => orders.hooks.settleSessionForClose(...args),
    reassignSession: (...args) => orders.hooks.reassignSession(...args),
  });
  const reservations = new ReservationsService(admin, venues);
  const upsell = new UpsellService(admin);
  // Promotions: rules over products with admin's flags; orders price with them.
  const promotions = new PromotionsService(admin, caches);

  // Orders, over the base; what they need from above comes through their ports.
  const orders: Orders = createOrders({
    auth,
    admin,
    menu,
    venues,
    upsell,
    promotions,
    payments: { paymentShares: (...args) => finance.ledger.paymentShares(...args) },
    kitchen: { createTickets: (...args) => kitchen.createTickets(...args) },
    shifts: { shiftForOrder: (...args) => shifts.shiftForOrder(...args) },
  });

  // Over orders: the kitchen, cash shifts, and finance (money books to a shift).
  const kitchen = new KitchenService(orders.reads, venues);
  const shifts = new ShiftsService(orders.reads, admin, {
    shiftTotals: (...args) => finance.ledger.shiftTotals(...args),
    shiftStaffTotals: (...args) => finance.ledger.shiftStaffTotals(...args),
    settleExpiredHolds: (...args) => finance.lifecycle.settleExpiredHolds(...args),
  }, {
    shiftClosed: (...args): Promise<void> => shiftReports.shiftClosed(...args),
  });
  const tills = new TillsService(admin, auth.devices);
  const finance: Finance = createFinance({
    auth,
    orders,
    shifts,
    listener: { captured: (...args) => loyalty.listener.captured(...args), refunded: (...args) => loyalty.listener.refunded(...args) },
  });

  // Above finance: live analytics over the ledger, measured against the venue's revenue plans; nothing depends on it.
  const revenuePlans = new RevenuePlans(auth, admin);
  const financeDashboard = new FinanceDashboardService(auth, shifts, revenuePlans);

  // Shift reports (X/Z): over shifts and the ledger; the shifts' close port issues the Z through it.
  const shiftReports: ShiftReportsService = new ShiftReportsService(auth, shifts);

  // Above shifts: reminders before the closeout hour and the auto-close at it; nothing depends on it.
  const shiftAlerts = new ShiftAlertsService(auth, admin, shifts);

  // Loyalty guests (issue 18): profiles and their codes over the base; points and gift cards over finance (its listener port).
  const customers = new CustomersService(admin);
  const loyalty: Loyalty = createLoyalty({ auth, admin, customers, menu, orders, finance });

  // Integrations (issue 20): above orders and the kitchen; its webhooks go out through the outbox.
  const integrations = new IntegrationsService(auth, admin, menu, orders, kitchen, outbox, caches);
  outbox.register('webhook', (message) => integrations.deliver(db, message));

  // Guest notifications (issue 20): over customers (consent) and the outbox, which delivers them.
  const notifications = new NotificationsService(auth, customers, outbox);
  const delivery = new NotificationDelivery(createChannels(config.notifications));
  outbox.register(NOTIFICATION_KIND, (message) => delivery.deliver(db, message));

  // BI export (issue 20): a read model above finance over orders, lines, the ledger, shifts and promotions; nothing depends on it.
  const analyticsExports = new AnalyticsExportService(exportDirOf(config), exportReaders(config));

  return { auth, admin, approvals, venues, reservations, menu, upsell, promotions, orders, kitchen, shifts, tills, finance, financeDashboard, revenuePlans, shiftReports, shiftAlerts, customers, loyalty, outbox, caches, integrations, notifications, analyticsExports };
}
