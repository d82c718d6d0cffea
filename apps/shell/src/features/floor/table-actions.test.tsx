import { ApiError, type PosApi } from '@pos/api-client';
import type { Order } from '@pos/contracts';
import { anOrder } from '@pos/contracts/testing';
import { orderForTable, seatGuests } from './table-actions';

const order = (id: string): Order => anOrder({ id });
const occupied = (waiterId: string) => new ApiError(409, { type: 'about:blank', title: 'The table is already open', status: 409, code: 'table.occupied', waiterId });

function fakeApi(overrides: Partial<Record<'openTable' | 'createOrder' | 'orders', jest.Mock>> = {}) {
  return {
    openTable: jest.fn().mockResolvedValue({ id: 's1' }),
    createOrder: jest.fn().mockResolvedValue(order('new')),
    orders: jest.fn().mockResolvedValue([]),
    ...overrides,
  } as unknown as Pick<PosApi, 'openTable' | 'createOrder' | 'orders'> & Record<'openTable' | 'createOrder' | 'orders', jest.Mock>;
}

describe('seatGuests', () => {
  it('opens the table with the guests, then creates its order', async () => {
    const api = fakeApi();
    await expect(seatGuests(api, 't1', 4, 'me')).resolves.toEqual(order('new'));
    expect(api.openTable).toHaveBeenCalledWith('t1', 4);
    expect(api.createOrder).toHaveBeenCalledWith({ tableId: 't1', guests: 4 });
    expect(api.openTable.mock.invocationCallOrder[0]).toBeLessThan(api.createOrder.mock.invocationCallOrder[0]);
  });

  it('carries on with the order when the table is already ours (a retried tap)', async () => {
    const api = fakeApi({ openTable: jest.fn().mockRejectedValue(occupied('me')), orders: jest.fn().mockResolvedValue([order('o1')]) });
    await expect(seatGuests(api, 't1', 2, 'me')).resolves.toEqual(order('o1'));
    expect(api.orders).toHaveBeenCalledWith({ status: 'open', tableId: 't1' });
    expect(api.createOrder).not.toHaveBeenCalled();
  });

  it("fails when a colleague has just taken the table", async () => {
    const api = fakeApi({ openTable: jest.fn().mockRejectedValue(occupied('someone-else')) });
    await expect(seatGuests(api, 't1', 2, 'me')).rejects.toMatchObject({ code: 'table.occupied' });
    expect(api.createOrder).not.toHaveBeenCalled();
  });
});

describe('orderForTable', () => {
  it('goes to the first open order of the table', async () => {
    const api = fakeApi({ orders: jest.fn().mockResolvedValue([order('a'), order('b')]) });
    await expect(orderForTable(api, 't1')).resolves.toEqual(order('a'));
    expect(api.createOrder).not.toHaveBeenCalled();
  });

  it('starts a new order in the session when none is open', async () => {
    const api = fakeApi();
    await expect(orderForTable(api, 't1')).resolves.toEqual(order('new'));
    expect(api.createOrder).toHaveBeenCalledWith({ tableId: 't1' });
  });
});
