import { expect, type Page, test } from './support/test';
import { startServer, type TestServer } from './support/server';
import { apiLogin, signIn } from './support/staff';

let server: TestServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => server?.stop());

const TZ = 'Europe/Moscow';
const SHOTS = 'tmp/e2e-shots';
const MIN = 60_000;

/** The venue's (Moscow) calendar date of an instant, YYYY-MM-DD. */
const moscowDate = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(ms);
/** 19:30 Moscow (UTC+3, no DST) of a date, as epoch ms. */
const at1930 = (date: string) => Date.parse(`${date}T16:30:00Z`);

/** What colour a booking at `starts` has on the map now (the remote's phases). */
function expectedTone(starts: number): { tone: string; state: string } {
  const minutes = (starts - Date.now()) / MIN;
  if (minutes > 60) return { tone: 'info', state: 'later' };
  if (minutes > 15) return { tone: 'warning', state: 'soon' };
  return { tone: 'accent', state: 'due' };
}

interface TableRow {
  id: string;
  label: string;
}

async function openReservationsMode(page: Page) {
  await expect(page.getByTestId('floor-screen')).toBeVisible();
  await page.getByTestId('hall-Основной зал').click();
  await page.getByTestId('floor-mode-reservations').click();
  await expect(page.getByTestId('reservations-panel')).toBeVisible();
}

test('book 19:30 on one tablet, see it live on the other, refuse a double booking, seat a party, remind the waiter, switch the mode off', async ({ browser }) => {
  test.setTimeout(150_000);
  const anna = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const boris = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signIn(anna, server.url, '1111');
  await signIn(boris, server.url, '1112');
  for (const page of [anna, boris]) await openReservationsMode(page);

  // 19:30 today if it is still ahead, otherwise tomorrow (the server refuses times in the past).
  const today = moscowDate(Date.now());
  const bookingDay = at1930(today) - Date.now() > 2 * MIN ? today : moscowDate(Date.now() + 24 * 3_600_000);
  const isToday = bookingDay === today;
  const starts = at1930(bookingDay);
  if (!isToday) for (const page of [anna, boris]) await page.getByTestId('reservations-next-day').click();

  // Anna books table 7 for 19:30 with the dialog.
  await anna.getByTestId('reservation-new').click();
  const dialog = anna.getByTestId('reservation-dialog');
  await expect(dialog).toBeVisible();
  await anna.getByTestId(`reservation-date-${bookingDay}`).click();
  await anna.getByTestId('reservation-time-19:30').click();
  await anna.getByTestId('reservation-guests-4').click();
  // Tables that fit four guests are suggested for the slot.
  await expect(anna.getByTestId('reservation-suggested')).toContainText('Подходят');
  await anna.getByTestId('reservation-table-7').click();
  await anna.getByTestId('reservation-name').fill('Иванова');
  await anna.getByTestId('reservation-phone').fill('+7 916 123-45-67');
  await anna.getByTestId('reservation-note').fill('День рождения');
  await anna.screenshot({ path: `${SHOTS}/reservations-dialog.png` });
  await anna.getByTestId('reservation-save').click();
  await expect(dialog).toHaveCount(0);

  // Boris's tablet shows it at once, in the right colour, without a reload.
  await boris.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  const { tone, state } = isToday ? expectedTone(starts) : { tone: 'info', state: 'later' };
  const table7 = boris.getByTestId('table-7');
  await expect(table7).toHaveAttribute('data-tone', tone);
  await expect(table7).toHaveAttribute('data-mark', state);
  await expect(table7).toContainText('19:30 · 4');
  await expect(boris.getByTestId('reservations-timeline').getByText('Иванова')).toBeVisible();
  expect(await boris.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  await boris.screenshot({ path: `${SHOTS}/reservations-mode.png` });

  // Boris tries to book table 7 for 20:00 on the same day: the conflict is named.
  await boris.getByTestId('reservation-new').click();
  await boris.getByTestId(`reservation-date-${bookingDay}`).click();
  await boris.getByTestId('reservation-table-7').click();
  await expect(boris.getByTestId('reservation-time-20:00')).toHaveAttribute('data-taken', 'true');
  await boris.getByTestId('reservation-time-20:00').click();
  await boris.getByTestId('reservation-guests-2').click();
  await boris.getByTestId('reservation-name').fill('Петров');
  await boris.getByTestId('reservation-phone').fill('89031234567');
  await boris.getByTestId('reservation-save').click();
  await expect(boris.getByTestId('reservation-problem')).toHaveText('Занято: стол 7 уже забронирован 19:30–21:30 на имя Иванова');
  await boris.screenshot({ path: `${SHOTS}/reservations-conflict.png` });
  await boris.getByRole('dialog').getByRole('button', { name: 'Закрыть' }).last().click();
  await expect(boris.getByTestId('reservation-dialog')).toHaveCount(0);
  if (!isToday) for (const page of [anna, boris]) await page.getByTestId('reservations-date').click();

  // A party due in five minutes at table 8 (booked by phone through the API) is seated with one tap.
  const host = await apiLogin(server.url, '1112');
  const tables = await host.get<TableRow[]>('/pos/tables');
  const tableId = (label: string) => tables.find((t) => t.label === label)!.id;
  const due = await host.post<{ id: string }>('/pos/tables/reservations', {
    tableId: tableId('8'),
    startsAt: new Date(Date.now() + 5 * MIN).toISOString(),
    durationMinutes: 90,
    guests: 3,
    guestName: 'Смирновы',
    guestPhone: '+7 925 000-11-22',
  });
  await expect(anna.getByTestId('table-8')).toHaveAttribute('data-tone', 'accent');
  await expect(anna.getByTestId('table-8')).toHaveAttribute('data-mark', 'due');
  await anna.screenshot({ path: `${SHOTS}/reservations-due.png` });
  await anna.getByTestId(`seat-${due.id}`).click();
  // Seating opens the table: Anna lands on its order screen, Boris sees it seated from the booking.
  await expect(anna.getByTestId('order-screen')).toBeVisible();
  await expect(boris.getByTestId('table-8')).toHaveAttribute('data-mark', 'seated');
  await expect(boris.getByTestId('table-8')).toHaveAttribute('data-status', 'occupied');
  const seated = await host.get<{ status: string; sessionId: string | null }>(`/pos/tables/reservations/${due.id}`);
  expect(seated.status).toBe('seated');
  expect(seated.sessionId).not.toBeNull();

  // A walk-in sits at table 9, booked in 20 minutes: the waiter's order screen shows who is coming.
  await host.post('/pos/tables/reservations', {
    tableId: tableId('9'),
    startsAt: new Date(Date.now() + 20 * MIN).toISOString(),
    guests: 2,
    guestName: 'Петрова',
    guestPhone: '+79160000000',
  });
  await boris.getByTestId('floor-mode-floor').click();
  await boris.getByTestId('table-9').click();
  await boris.getByTestId('seat-confirm').click();
  await expect(boris.getByTestId('order-screen')).toBeVisible();
  await expect(boris.getByTestId('reservation-reminder')).toContainText(/Бронь на \d\d:\d\d — Петрова, 2 гостя/);
  await boris.screenshot({ path: `${SHOTS}/reservations-reminder.png` });

  // Reservations switched off for the venue: the mode and the reminder go live; the map stays.
  await boris.goBack();
  await anna.goBack();
  await expect(anna.getByTestId('reservations-panel')).toBeVisible();
  const admin = await apiLogin(server.url, '999999');
  await admin.put('/admin/feature-flags', { flags: { reservations: false } });
  await expect(anna.getByTestId('floor-mode-reservations')).toHaveCount(0);
  await expect(anna.getByTestId('reservations-panel')).toHaveCount(0);
  await expect(anna.getByTestId('table-7')).not.toHaveAttribute('data-tone');
  await expect(anna.getByTestId('table-8')).toHaveAttribute('data-status', 'occupied');
  await expect(anna.getByTestId('legend-free')).toBeVisible();
  await anna.screenshot({ path: `${SHOTS}/reservations-off.png` });
});

test('the booking dialog shows which tables are taken at the chosen time, by whose booking, and will not take them (issue 14, point 11)', async ({ browser }) => {
  test.setTimeout(90_000);
  const admin = await apiLogin(server.url, '999999');
  await admin.put('/admin/feature-flags', { flags: { reservations: true } });
  // Tomorrow 21:00 Moscow (18:00 UTC), table 5, booked by phone.
  const tomorrow = moscowDate(Date.now() + 24 * 3_600_000);
  const host = await apiLogin(server.url, '1112');
  const tables = await host.get<TableRow[]>('/pos/tables');
  await host.post('/pos/tables/reservations', {
    tableId: tables.find((t) => t.label === '5')!.id,
    startsAt: `${tomorrow}T18:00:00.000Z`,
    durationMinutes: 120,
    guests: 2,
    guestName: 'Орлова',
    guestPhone: '+7 916 555-44-33',
  });

  for (const [language, viewport] of [
    ['ru', { width: 1280, height: 800 }],
    ['en', { width: 800, height: 1280 }],
  ] as const) {
    const context = await browser.newContext({ viewport, locale: language === 'en' ? 'en-GB' : 'ru-RU' });
    await context.addInitScript((lng) => localStorage.setItem('pos.language', lng), language);
    const page = await context.newPage();
    await signIn(page, server.url, '1111');
    await openReservationsMode(page);
    await page.getByTestId('reservation-new').click();
    await page.getByTestId(`reservation-date-${tomorrow}`).click();
    await page.getByTestId('reservation-time-21:30').click();
    const five = page.getByTestId('reservation-table-5');
    await expect(five).toHaveAttribute('data-availability', 'booked');
    await expect(five).toBeDisabled();
    await expect(five).toContainText('21:00–23:00');
    // Its accessible name starts with what it shows and says why it is taken.
    await expect(page.getByRole('button', { name: language === 'ru' ? '5 2 21:00–23:00 (Стол 5, 2 места, забронирован 21:00–23:00 (Орлова))' : '5 2 21:00–23:00 (Table 5, 2 seats, booked 21:00–23:00 (Орлова))', exact: true })).toBeVisible();
    await expect(page.getByTestId('reservation-table-6')).toHaveAttribute('data-availability', 'free');
    await expect(page.getByTestId('reservation-taken-legend')).toBeVisible();
    // Not suggested either.
    await expect(page.getByTestId('reservation-suggested')).not.toContainText('5 ·');
    await page.screenshot({ path: `${SHOTS}/reservations-dialog-taken-${language}-${viewport.width}.png` });
    // Two hours earlier the same table is free.
    await page.getByTestId('reservation-time-18:30').click();
    await expect(five).toHaveAttribute('data-availability', 'free');
    await expect(five).toBeEnabled();
    await context.close();
  }
});
