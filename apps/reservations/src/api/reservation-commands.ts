import type { CreateReservationInput, Order, Reservation, SeatReservationResult, UpdateReservationInput } from '@pos/contracts';
import { type PosApi, queryKeys, useApi, useHost } from '@pos/plugin-sdk';
import { useMutation } from '@tanstack/react-query';
import { applyReservation } from './use-reservation-events';

export const createReservation = (api: PosApi, input: CreateReservationInput) => api.createReservation(input);
export const updateReservation = (api: PosApi, id: string, input: UpdateReservationInput) => api.updateReservation(id, input);
export const cancelReservation = (api: PosApi, id: string, reason: string) => api.cancelReservation(id, reason);
export const markNoShow = (api: PosApi, id: string) => api.markNoShow(id);
export const seatReservation = (api: PosApi, id: string, guests?: number): Promise<SeatReservationResult> => api.seatReservation(id, guests);

/** Every command answers with the reservation as it now stands: the cache takes it at once. */
function useReservationCommand<V>(run: (api: PosApi, vars: V) => Promise<Reservation>) {
  const api = useApi();
  const { queryClient } = useHost();
  return useMutation({
    mutationFn: (vars: V) => run(api, vars),
    onSuccess: (reservation) => applyReservation(queryClient, reservation),
  });
}

export const useCreateReservation = () => useReservationCommand((api, input: CreateReservationInput) => createReservation(api, input));
export const useUpdateReservation = () => useReservationCommand((api, v: { id: string; input: UpdateReservationInput }) => updateReservation(api, v.id, v.input));
export const useCancelReservation = () => useReservationCommand((api, v: { id: string; reason: string }) => cancelReservation(api, v.id, v.reason));
export const useMarkNoShow = () => useReservationCommand((api, id: string) => markNoShow(api, id));

/**
 * Seats the party (the server opens the table session) and opens the table's order, the same
 * way a walk-in is seated from the floor map: the waiter lands on the order screen.
 */
export function useSeatReservation() {
  const api = useApi();
  const { queryClient, navigate } = useHost();
  return useMutation({
    mutationFn: async (v: { reservation: Reservation; guests?: number }): Promise<{ result: SeatReservationResult; order: Order }> => {
      const result = await seatReservation(api, v.reservation.id, v.guests);
      applyReservation(queryClient, result.reservation);
      const order = await api.createOrder({ tableId: result.session.tableId, guests: result.session.guests });
      return { result, order };
    },
    onSuccess: ({ order }) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.tables });
      navigate(`/order/${order.id}`);
    },
  });
}
