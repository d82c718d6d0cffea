/**
 * `@pos/contracts/testing`: builders of contract objects for tests. Each gives a schema-valid
 * object with restaurant defaults (table 7, borscht at 450 ₽, waiter Анна) and takes the fields
 * a test cares about as overrides — so a test states what it relies on, and a contract change is
 * fixed here once instead of in every test. Never imported by production code (lint-enforced).
 */
export { aCheck, aLine, aModifier, anOrder, aTicket, aTicketItem } from './orders';
export { aCategory, aMenu, aModifierGroup, aModifierOption, aProduct, aStation } from './menu';
export { aHall, aReservation, aTable, aTableSession } from './venues';
export { aPayment, aReceipt, aRefundReceipt, aShift } from './finance';
export { aSession, aStaff, aVenue } from './staff';
export { FIXTURE_IDS, FIXTURE_TIME, fixtureId } from './ids';
export { PROMOTION_GOLDEN_CASES } from '../promotion-golden';
export type { PromotionGoldenCase } from '../promotion-golden';
