import type { Customer, CustomerProfile, GiftCard, GiftCardDetails, Order, PaymentResult } from '@pos/contracts';
import { formatGiftCardCode, giftCardCheckSymbol } from '@pos/contracts';
import { anOrder as aContractsOrder, aReceipt } from '@pos/contracts/testing';
import type { HostApi } from '@pos/plugin-sdk';
import { createTestHost, type TestHostOptions } from '@pos/plugin-sdk/testing';
import { mergeTexts } from '../model/merge-texts';
import { loyaltyAdminTexts } from '../features/admin/texts';
import { loyaltyTexts } from '../texts';

export const CUSTOMER_ID = '0190a000-0000-7000-8000-000000000c01';

/** A well-formed gift card code (its check symbol computed), normalized. */
export const GIFT_CARD_CODE = (() => {
  const body = 'K7M2P9QR4TX3V';
  return body + giftCardCheckSymbol(body);
})();
export const GIFT_CARD_CODE_SHOWN = formatGiftCardCode(GIFT_CARD_CODE);

export function aCustomer(over: Partial<Customer> = {}): Customer {
  return {
    id: CUSTOMER_ID,
    name: 'Ольга Смирнова',
    phone: '+79161234567',
    email: null,
    consent: { sms: { given: true, at: '2026-11-01T10:00:00.000Z' }, email: { given: false, at: null } },
    tier: 'silver',
    visits: 7,
    lastVisitAt: '2026-12-01T17:30:00.000Z',
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-12-01T17:30:00.000Z',
    ...over,
  };
}

export function aProfile(over: Partial<CustomerProfile> = {}): CustomerProfile {
  return {
    customer: aCustomer(),
    points: 1_250,
    pointValue: 100,
    lastVisits: [{ orderId: '0190a000-0000-7000-8000-000000000d01', orderNumber: 41, total: 245_000, closedAt: '2026-12-01T17:30:00.000Z' }],
    pointsHistory: [
      { id: '0190a000-0000-7000-8000-000000000e01', kind: 'earn', points: 122, orderId: '0190a000-0000-7000-8000-000000000d01', orderNumber: 41, paymentId: null, createdAt: '2026-12-01T17:30:00.000Z' },
      { id: '0190a000-0000-7000-8000-000000000e02', kind: 'spend', points: -300, orderId: null, orderNumber: null, paymentId: null, createdAt: '2026-11-20T12:00:00.000Z' },
    ],
    ...over,
  };
}

/** An open order (the contracts' fixture) with 1 234,50 ₽ due and no guest unless given. */
export function anOrder(over: Partial<Order> = {}): Order {
  const base = aContractsOrder();
  return { ...base, status: 'open', total: 123_450, paid: 0, due: 123_450, split: null, customer: null, ...over };
}

export function aGiftCard(over: Partial<GiftCard> = {}): GiftCard {
  return {
    id: '0190a000-0000-7000-8000-000000000f01',
    code: GIFT_CARD_CODE,
    status: 'active',
    initialAmount: 300_000,
    balance: 200_000,
    currency: 'RUB',
    expiresAt: '2027-12-07T00:00:00.000Z',
    expired: false,
    saleOrderId: '0190a000-0000-7000-8000-000000000d02',
    activatedAt: '2026-12-07T10:00:00.000Z',
    blockedReason: null,
    createdAt: '2026-12-07T09:00:00.000Z',
    ...over,
  };
}

export const aGiftCardDetails = (over: Partial<GiftCard> = {}): GiftCardDetails => ({ card: aGiftCard(over), movements: [] });

/** What a stored-value payment answers: the order as it stands after it. */
export const aPaymentResult = (order: Order): PaymentResult => ({ payments: [], change: 0, order, receipt: aReceipt() });

/** A test host with the remote's texts. */
export function testHost(options: Omit<TestHostOptions, 'namespace'> = {}): HostApi {
  return createTestHost({ namespace: { name: 'loyalty', resources: mergeTexts(loyaltyTexts, loyaltyAdminTexts) }, ...options });
}
