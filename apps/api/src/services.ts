import type { ApiConfig } from './config';
import type { Db } from './shared/command';
import { AdminService } from './modules/admin/service';
import { ApprovalService } from './modules/approvals/service';
import { DeviceService } from './modules/auth/device-service';
import { AuthService } from './modules/auth/service';
import { FinanceService } from './modules/finance/service';
import { KitchenService } from './modules/kitchen/service';
import { MenuService } from './modules/menu/service';
import { OrdersService } from './modules/orders/service';
import { ShiftsService } from './modules/shifts/service';
import { UpsellService } from './modules/upsell/service';
import { ReservationsService } from './modules/venues/reservations-service';
import { VenuesService } from './modules/venues/service';

/**
 * One instance of each domain service. Domains call each other only through these services;
 * the container is handed to each so that mutual references (orders ↔ venues) need no ordering.
 */
export interface Services {
  auth: AuthService;
  admin: AdminService;
  approvals: ApprovalService;
  venues: VenuesService;
  reservations: ReservationsService;
  menu: MenuService;
  orders: OrdersService;
  kitchen: KitchenService;
  finance: FinanceService;
  shifts: ShiftsService;
  upsell: UpsellService;
}

export async function createServices(db: Db, config: ApiConfig): Promise<Services> {
  const services = {} as Services;
  services.auth = await AuthService.create(db, config, new DeviceService());
  services.admin = new AdminService(services);
  services.approvals = new ApprovalService(services.auth, services.admin);
  services.venues = new VenuesService(services);
  services.reservations = new ReservationsService(services);
  services.menu = new MenuService(services);
  services.orders = new OrdersService(services);
  services.kitchen = new KitchenService(services);
  services.finance = new FinanceService(services);
  services.shifts = new ShiftsService(services);
  services.upsell = new UpsellService(services);
  return services;
}
