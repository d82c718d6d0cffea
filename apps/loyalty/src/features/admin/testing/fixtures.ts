import {
  type Customer,
  CustomerCardSchema,
  type CustomerCard,
  CustomerSchema,
  type GiftCard,
  type GiftCardDetails,
  GiftCardDetailsSchema,
  type GiftCardMovement,
  giftCardCheckSymbol,
} from '@pos/contracts';
import { fixtureId, FIXTURE_TIME } from '@pos/contracts/testing';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@pos/plugin-sdk/testing';
import { loyaltyAdminTexts } from '../texts';

/** A guest as the server answers (checked against the contract, so a fixture cannot drift from it). */
export const aCustomer = (over: Partial<Customer> = {}): Customer =>
  CustomerSchema.parse({
    id: fixtureId(),
    name: 'Иван Петров',
    phone: '+79161234567',
    email: 'ivan@example.com',
    consent: { sms: { given: true, at: '2026-11-01T09:00:00.000Z' }, email: { given: false, at: null } },
    tier: 'base',
    visits: 3,
    lastVisitAt: '2026-12-01T18:30:00.000Z',
    createdAt: FIXTURE_TIME,
    updatedAt: FIXTURE_TIME,
    ...over,
  });

export const aCard = (over: Partial<CustomerCard> = {}): CustomerCard => {
  const id = over.id ?? fixtureId();
  return CustomerCardSchema.parse({ id, customerId: fixtureId(), code: `PC1.${id}.AAAAAAAAAAAAAAAAAAAAAA`, createdAt: FIXTURE_TIME, revokedAt: null, ...over });
};

/** A well-formed gift card code (normalized) from 13 symbols of its body. */
export const giftCardCode = (body = 'ABCD1234EFGH5') => body + giftCardCheckSymbol(body);

export const aGiftCard = (over: Partial<GiftCard> = {}): GiftCard => ({
  id: fixtureId(),
  code: giftCardCode(),
  status: 'active',
  initialAmount: 3000_00,
  balance: 1750_00,
  currency: 'RUB',
  expiresAt: '2027-12-07T09:00:00.000Z',
  expired: false,
  saleOrderId: fixtureId(),
  activatedAt: '2026-12-07T09:00:00.000Z',
  blockedReason: null,
  createdAt: '2026-12-07T08:55:00.000Z',
  ...over,
});

export const aMovement = (over: Partial<GiftCardMovement> = {}): GiftCardMovement => ({
  id: fixtureId(),
  kind: 'redeem',
  amount: -1250_00,
  balanceAfter: 1750_00,
  orderId: fixtureId(),
  paymentId: fixtureId(),
  redeemId: null,
  staffName: 'Вера (касса)',
  reason: null,
  createdAt: '2026-12-07T12:10:00.000Z',
  ...over,
});

export const aGiftCardDetails = (card: Partial<GiftCard> = {}, movements?: GiftCardMovement[]): GiftCardDetails =>
  GiftCardDetailsSchema.parse({
    card: aGiftCard(card),
    movements: movements ?? [
      aMovement({ kind: 'issue', amount: 0, balanceAfter: 0, createdAt: '2026-12-07T08:55:00.000Z' }),
      aMovement({ kind: 'activate', amount: 3000_00, balanceAfter: 3000_00, createdAt: '2026-12-07T09:00:00.000Z' }),
      aMovement({ kind: 'redeem', amount: -1250_00, balanceAfter: 1750_00 }),
    ],
  });

/** A test host with the Admin pages' texts in the remote's namespace ('loyalty'). */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'loyalty', resources: loyaltyAdminTexts }, ...options });
}
