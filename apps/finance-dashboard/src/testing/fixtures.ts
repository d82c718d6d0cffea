import type { Dashboard, DashboardPlan, Plans } from '@pos/contracts';
import { PAYMENT_METHODS } from '@pos/contracts';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@pos/plugin-sdk/testing';
import { financeDashboardTexts } from '../texts';

export const SHIFT_ID = '0190a000-0000-7000-8000-000000000501';

const method = { sales: 0, refunds: 0, tips: 0, net: 0 };

export function aDashboard(over: Partial<Dashboard> = {}): Dashboard {
  return {
    scope: 'shift',
    shiftId: SHIFT_ID,
    businessDate: '2026-12-07',
    waiterId: null,
    currency: 'RUB',
    timeZone: 'Europe/Moscow',
    gross: 1_500_000,
    discounts: 0,
    refunds: 0,
    net: 1_500_000,
    checks: 6,
    guests: 12,
    averageCheck: 250_000,
    averagePerGuest: 125_000,
    tips: { total: 45_000, byStaff: [] },
    byMethod: Object.fromEntries(PAYMENT_METHODS.map((m) => [m, method])) as Dashboard['byMethod'],
    byHour: [
      { date: '2026-12-07', hour: 12, gross: 600_000, refunds: 0, net: 600_000 },
      { date: '2026-12-07', hour: 13, gross: 900_000, refunds: 0, net: 900_000 },
    ],
    topProducts: [],
    voids: { count: 0, amount: 0 },
    plan: null,
    updatedAt: '2026-12-07T11:02:11.000Z',
    ...over,
  };
}

export function aPlan(over: Partial<DashboardPlan> = {}): DashboardPlan {
  const hours = new Array<number>(24).fill(0);
  for (let h = 10; h < 22; h++) hours[h] = 1_000_000;
  return { target: 12_000_000, targetToNow: 1_630_000, deviation: -130_000, deviationPercent: -8, status: 'behind', thresholdPercent: 5, hours, ...over };
}

export function somePlans(over: Partial<Plans> = {}): Plans {
  return {
    currency: 'RUB',
    timeZone: 'Europe/Moscow',
    thresholdPercent: 5,
    days: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, hours: new Array<number>(24).fill(0) })),
    updatedAt: null,
    ...over,
  };
}

/** A test host with the remote's texts. */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'finance-dashboard', resources: financeDashboardTexts }, ...options });
}
