import type { z } from 'zod';
import { LoginResultSchema, StaffSchema, VenueSchema } from '../auth';
import { PaymentSchema, ReceiptSchema, RefundReceiptSchema } from '../finance';
import { KitchenTicketSchema, TicketItemSchema } from '../kitchen';
import { CategorySchema, MenuSchema, ModifierGroupSchema, ModifierOptionSchema, ProductSchema, StationSchema } from '../menu';
import { CheckSchema, LineModifierSchema, OrderLineSchema, OrderSchema } from '../orders';
import { ReservationSchema } from '../reservations';
import { ShiftSchema } from '../shifts';
import { HallSchema, TableSchema, TableSessionSchema } from '../venues';
import {
  aCategory,
  aCheck,
  aHall,
  aLine,
  aMenu,
  aModifier,
  aModifierGroup,
  aModifierOption,
  anOrder,
  aPayment,
  aProduct,
  aReceipt,
  aRefundReceipt,
  aReservation,
  aSession,
  aShift,
  aStaff,
  aStation,
  aTable,
  aTableSession,
  aTicket,
  aTicketItem,
  aVenue,
} from './index';

/** Every builder beside the schema its output must satisfy: a contract change fails here first. */
const BUILDERS: [string, () => unknown, z.ZodType][] = [
  ['aModifier', aModifier, LineModifierSchema],
  ['aLine', aLine, OrderLineSchema],
  ['aCheck', aCheck, CheckSchema],
  ['anOrder', anOrder, OrderSchema],
  ['anOrder with a line and a check', () => anOrder({ lines: [aLine({ modifiers: [aModifier()] })], checks: [aCheck()] }), OrderSchema],
  ['aTicketItem', aTicketItem, TicketItemSchema],
  ['aTicket', aTicket, KitchenTicketSchema],
  ['aTicket with a dish', () => aTicket({ items: [aTicketItem()] }), KitchenTicketSchema],
  ['aStation', aStation, StationSchema],
  ['aCategory', aCategory, CategorySchema],
  ['aModifierOption', aModifierOption, ModifierOptionSchema],
  ['aModifierGroup', aModifierGroup, ModifierGroupSchema],
  ['aProduct', aProduct, ProductSchema],
  ['aMenu', aMenu, MenuSchema],
  ['aMenu with a product and a modifier group', () => aMenu({ modifierGroups: [aModifierGroup()], products: [aProduct()] }), MenuSchema],
  ['aHall', aHall, HallSchema],
  ['aTableSession', aTableSession, TableSessionSchema],
  ['aTable', aTable, TableSchema],
  ['aTable with guests seated', () => aTable({ status: 'occupied', session: aTableSession() }), TableSchema],
  ['aReservation', aReservation, ReservationSchema],
  ['aPayment', aPayment, PaymentSchema],
  ['aReceipt', aReceipt, ReceiptSchema],
  ['aRefundReceipt', aRefundReceipt, RefundReceiptSchema],
  ['aShift', aShift, ShiftSchema],
  ['aStaff', aStaff, StaffSchema],
  ['aVenue', aVenue, VenueSchema],
  ['aSession', aSession, LoginResultSchema],
];

describe('@pos/contracts/testing builders', () => {
  it.each(BUILDERS)('%s: its schema accepts it as it is', (_name, build, schema) => {
    const built = build();
    expect(schema.parse(built)).toEqual(built);
  });

  it('takes overrides field by field and keeps the other defaults', () => {
    const order = anOrder({ id: 'o1', guests: 4 });
    expect(order).toMatchObject({ id: 'o1', guests: 4, status: 'open', tableLabel: '7' });
  });

  it('gives every built entity its own id, the same on every run', () => {
    const [a, b] = [aLine(), aLine()];
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
  });
});
