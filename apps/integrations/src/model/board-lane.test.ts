import { aTicket, aTicketItem } from '@pos/contracts/testing';
import { aDeliveryOrder } from '../testing/fixtures';
import { boardLane, kitchenLane, standingDishes } from './board-lane';
import { clock, secondsToPickup } from './countdown';

const dishes = [aTicketItem()];

describe('the delivery board’s columns', () => {
  it('follow the partner’s status; delivered and cancelled orders leave the board', () => {
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'accepted' }))).toBe('accepted');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: null }))).toBe('accepted');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'cooking' }))).toBe('cooking');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'ready_for_pickup' }))).toBe('ready');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'picked_up' }))).toBe('picked_up');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'delivered' }))).toBeNull();
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'cancelled' }))).toBeNull();
  });

  it('leave out the till’s own orders and closed ones', () => {
    expect(boardLane({ ...aDeliveryOrder(), source: 'pos', delivery: null })).toBeNull();
    expect(boardLane(aDeliveryOrder({ status: 'paid' }))).toBeNull();
  });

  it('move ahead with the kitchen, never back', () => {
    const order = aDeliveryOrder({}, { externalStatus: 'accepted' });
    expect(boardLane(order, [aTicket({ status: 'cooking', items: dishes })])).toBe('cooking');
    expect(boardLane(order, [aTicket({ status: 'ready', items: dishes }), aTicket({ status: 'cooking', items: dishes })])).toBe('cooking');
    expect(boardLane(order, [aTicket({ status: 'ready', items: dishes }), aTicket({ status: 'served', items: dishes })])).toBe('ready');
    expect(boardLane(order, [aTicket({ status: 'served', items: dishes })])).toBe('picked_up');
    expect(boardLane(aDeliveryOrder({}, { externalStatus: 'ready_for_pickup' }), [aTicket({ status: 'queued', items: dishes })])).toBe('ready');
  });

  it('read nothing into cancellation tickets or missing tickets', () => {
    expect(kitchenLane(undefined)).toBeNull();
    expect(kitchenLane([aTicket({ status: 'ready', items: [aTicketItem({ quantity: -1, kind: 'cancel' })] })])).toBeNull();
    expect(kitchenLane([aTicket({ status: 'queued', items: dishes })])).toBe('accepted');
  });

  it('list the dishes still standing', () => {
    const order = aDeliveryOrder();
    expect(standingDishes({ ...order, lines: [{ ...order.lines[0], quantity: 3, voidedQuantity: 1 }] })).toEqual([{ name: 'Борщ', quantity: 2 }]);
    expect(standingDishes({ ...order, lines: [{ ...order.lines[0], voidedQuantity: 2 }] })).toEqual([]);
  });
});

describe('the pickup countdown', () => {
  it('counts to the courier and past it', () => {
    const now = Date.parse('2026-01-01T12:00:00.000Z');
    expect(secondsToPickup('2026-01-01T12:20:00.000Z', now)).toBe(1200);
    expect(secondsToPickup('2026-01-01T11:59:30.000Z', now)).toBe(-30);
    expect(secondsToPickup(null, now)).toBeNull();
    expect(clock(1200)).toBe('20:00');
    expect(clock(-30)).toBe('00:30');
    expect(clock(3725)).toBe('1:02:05');
  });
});
