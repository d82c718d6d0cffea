/** react-query keys of this remote: one list per business day (all halls; filtered on screen). */
export const reservationKeys = {
  all: ['reservations'] as const,
  day: (date: string) => ['reservations', date] as const,
};
