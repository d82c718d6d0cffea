import { definePlugin, reactLifecycles } from '@pos/plugin-sdk';
import { ReservationsMode } from './features/floor-mode/reservations-mode';
import { ReservationReminder } from './features/reminder/reservation-reminder';
import { reservationsTexts } from './texts';

/**
 * The reservations remote: a "Reservations" mode of the floor map (colours, day timeline,
 * booking dialog, seat with one tap) and a reminder on the order screen of a table booked soon.
 */
export default definePlugin({
  id: 'reservations',
  feature: 'reservations',
  shellApi: '^1',
  i18n: reservationsTexts,
  floorMode: { title: 'mode' },
  slots: {
    'floor.mode': reactLifecycles(ReservationsMode),
    'order.side-panel': reactLifecycles(ReservationReminder),
  },
});
