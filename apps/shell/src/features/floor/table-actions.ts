import { ApiError, type PosApi } from '@pos/api-client';
import type { Order } from '@pos/contracts';

type FloorApi = Pick<PosApi, 'openTable' | 'createOrder' | 'orders'>;

/**
 * The order a tap on a seated table leads to: its first open order, or a new one in the same
 * session when every order there is settled (guests ordering another round).
 */
export async function orderForTable(api: FloorApi, tableId: string): Promise<Order> {
  const open = await api.orders({ status: 'open', tableId });
  return open[0] ?? api.createOrder({ tableId });
}

/**
 * Seats a party at a free table: opens the table session with the guest count, then starts the
 * order. If the table turns out to be ours already (a retry after the network dropped between
 * the two calls), we carry on with its order instead of failing.
 */
export async function seatGuests(api: FloorApi, tableId: string, guests: number, staffId: string): Promise<Order> {
  try {
    await api.openTable(tableId, guests);
  } catch (error) {
    const isOurs = error instanceof ApiError && error.code === 'table.occupied' && error.problem.waiterId === staffId;
    if (!isOurs) throw error;
    return orderForTable(api, tableId);
  }
  return api.createOrder({ tableId, guests });
}
