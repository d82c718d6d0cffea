import type { CashMovement, Shift } from '@pos/contracts';
import { aShift as aContractsShift, FIXTURE_IDS } from '@pos/contracts/testing';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions, TEST_STAFF_ID } from '@pos/plugin-sdk/testing';
import { shiftTexts } from '../texts';

export const SHIFT_ID = FIXTURE_IDS.shift;

/** An open shift (the contracts' fixture, with the cashier of these tests). */
export const aShift = (over: Partial<Shift> = {}): Shift => aContractsShift({ cashierId: TEST_STAFF_ID, cashierName: 'Вера (касса)', ...over });

let n = 0;
export function aMovement(over: Partial<CashMovement> = {}): CashMovement {
  n += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(700 + n).padStart(12, '0')}`,
    shiftId: SHIFT_ID,
    kind: 'paid_out',
    amount: 50_000,
    reason: 'Поставщик хлеба',
    staffId: TEST_STAFF_ID,
    staffName: 'Вера (касса)',
    createdAt: '2026-12-07T11:05:00.000Z',
    ...over,
  };
}

/** A test host with the remote's texts. */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'shift', resources: shiftTexts }, ...options });
}
