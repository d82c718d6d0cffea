import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import type { CustomersService } from '../customers/service';
import type { Finance } from '../finance';
import type { MenuService } from '../menu/service';
import type { Orders } from '../orders';
import type { LoyaltySettingsService } from './settings';

/** What the loyalty services are built with (the services below them). */
export interface LoyaltyDeps {
  settings: LoyaltySettingsService;
  auth: AuthService;
  admin: AdminService;
  customers: CustomersService;
  menu: MenuService;
  orders: Orders;
  finance: Finance;
}
