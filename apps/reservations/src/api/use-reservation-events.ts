import type { Reservation } from '@pos/contracts';
import { useBusEvent, useHost } from '@pos/plugin-sdk';
import { reservationKeys } from './reservation-keys';

/** Puts a reservation into the cached day lists: into its own day, out of any other. */
export function patchReservation(lists: Reservation[] | undefined, date: string, reservation: Reservation): Reservation[] | undefined {
  if (!lists) return lists;
  const others = lists.filter((r) => r.id !== reservation.id);
  if (reservation.date !== date) return others.length === lists.length ? lists : others;
  const existing = lists.find((r) => r.id === reservation.id);
  if (existing && existing.version > reservation.version) return lists;
  return [...others, reservation].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
}

/** Applies a reservation as the server now has it to every cached day list. */
export function applyReservation(queryClient: ReturnType<typeof useHost>['queryClient'], reservation: Reservation): void {
  for (const [key] of queryClient.getQueriesData<Reservation[]>({ queryKey: reservationKeys.all })) {
    const date = String(key[1]);
    queryClient.setQueryData<Reservation[]>(key, (lists) => patchReservation(lists, date, reservation));
  }
}

/** Every screen of the venue follows reservation.changed live (the shell bridges it from the socket). */
export function useReservationEvents(): void {
  const { queryClient } = useHost();
  useBusEvent('reservation.changed', ({ reservation }) => applyReservation(queryClient, reservation));
}
