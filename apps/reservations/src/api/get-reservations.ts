import type { Reservation } from '@pos/contracts';
import { type PosApi, useApi } from '@pos/plugin-sdk';
import { useQuery } from '@tanstack/react-query';
import { reservationKeys } from './reservation-keys';

export const getReservations = (api: PosApi, date: string): Promise<Reservation[]> => api.reservations({ date });

export const getReservationsQueryOptions = (api: PosApi, date: string) => ({
  queryKey: reservationKeys.day(date),
  queryFn: () => getReservations(api, date),
  // Kept fresh by reservation.changed events; a refetch after a reconnect covers missed ones.
  staleTime: 5 * 60_000,
});

/** The venue's reservations of one business day. */
export function useReservations(date: string, options: { enabled?: boolean } = {}) {
  const api = useApi();
  return useQuery({ ...getReservationsQueryOptions(api, date), enabled: options.enabled ?? true });
}
