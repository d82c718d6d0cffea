import { addDays, businessDate, businessDayBounds, isCalendarDate, windowsOverlap, zonedHourOf, zonedMinutes, zonedTime, zonedToUtc } from './reservation-time';
import { canMoveReservation, CreateReservationInputSchema, GuestPhoneSchema, RESERVATION_STATUSES, RESERVATION_TRANSITIONS } from './reservations';

describe('venue-local time', () => {
  it("puts an instant on the venue's calendar day, not the UTC one", () => {
    // 21:30 UTC is 00:30 the next day in Moscow (UTC+3) and still 17:30 the same day in New York.
    expect(businessDate('2025-03-10T21:30:00Z', 'Europe/Moscow')).toBe('2025-03-11');
    expect(businessDate('2025-03-10T21:30:00Z', 'America/New_York')).toBe('2025-03-10');
    expect(zonedTime('2025-03-10T21:30:00Z', 'Europe/Moscow')).toBe('00:30');
    expect(zonedMinutes('2025-03-10T16:30:00Z', 'Europe/Moscow')).toBe(19 * 60 + 30);
  });

  it('turns a local date and time into UTC, across daylight saving changes', () => {
    expect(zonedToUtc('2025-03-14', '19:30', 'Europe/Moscow')).toBe('2025-03-14T16:30:00.000Z');
    // Berlin moves to summer time on 2025-03-30 at 02:00.
    expect(zonedToUtc('2025-03-29', '19:30', 'Europe/Berlin')).toBe('2025-03-29T18:30:00.000Z');
    expect(zonedToUtc('2025-03-30', '19:30', 'Europe/Berlin')).toBe('2025-03-30T17:30:00.000Z');
    expect(zonedToUtc('2025-01-01', '00:00', 'UTC')).toBe('2025-01-01T00:00:00.000Z');
  });

  it('gives the business day as a UTC window from local midnight to local midnight', () => {
    expect(businessDayBounds('2025-03-14', 'Europe/Moscow')).toEqual({ from: '2025-03-13T21:00:00.000Z', to: '2025-03-14T21:00:00.000Z' });
    // The short day of the DST change lasts 23 hours.
    const { from, to } = businessDayBounds('2025-03-30', 'Europe/Berlin');
    expect(Date.parse(to) - Date.parse(from)).toBe(23 * 3_600_000);
  });

  it('moves calendar dates and checks them', () => {
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(isCalendarDate('2025-02-28')).toBe(true);
    for (const bad of ['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '']) expect(isCalendarDate(bad)).toBe(false);
  });
});

describe('overlap of two bookings', () => {
  const w = (from: string, to: string) => ({ startsAt: `2025-03-14T${from}:00Z`, endsAt: `2025-03-14T${to}:00Z` });
  it.each([
    ['touching after', w('18:00', '20:00'), w('20:00', '22:00'), false],
    ['touching before', w('18:00', '20:00'), w('16:00', '18:00'), false],
    ['apart', w('18:00', '20:00'), w('21:00', '22:00'), false],
    ['overlapping the end', w('18:00', '20:00'), w('19:59', '21:00'), true],
    ['overlapping the start', w('18:00', '20:00'), w('17:00', '18:01'), true],
    ['inside', w('18:00', '20:00'), w('18:30', '19:00'), true],
    ['around', w('18:00', '20:00'), w('17:00', '21:00'), true],
    ['the same', w('18:00', '20:00'), w('18:00', '20:00'), true],
  ])('%s', (_what, a, b, clash) => {
    expect(windowsOverlap(a, b)).toBe(clash);
    expect(windowsOverlap(b, a)).toBe(clash);
  });
});

describe('the reservation state machine', () => {
  it('goes booked → seated | cancelled | no-show, and nowhere from there', () => {
    expect(RESERVATION_TRANSITIONS.booked).toEqual(['seated', 'cancelled', 'no-show']);
    for (const from of RESERVATION_STATUSES) {
      for (const to of RESERVATION_STATUSES) expect(canMoveReservation(from, to)).toBe(from === 'booked' && to !== 'booked');
    }
  });
});

describe('booking input', () => {
  it('takes phone numbers with formatting, 10 to 15 digits', () => {
    for (const ok of ['+7 (916) 123-45-67', '89161234567', '+44 20 7946 0958']) expect(GuestPhoneSchema.safeParse(ok).success).toBe(true);
    for (const bad of ['123', '+7 916 ABC-45-67', '++79161234567', '+1234567890123456', '']) expect(GuestPhoneSchema.safeParse(bad).success).toBe(false);
  });

  it('needs one table field and at most one way to give the end', () => {
    const base = { startsAt: '2030-01-01T19:00:00+03:00', guests: 2, guestName: 'Иванова', guestPhone: '+79161234567' };
    const id = '0190a000-0000-7000-8000-000000000001';
    expect(CreateReservationInputSchema.safeParse({ ...base, tableId: id }).success).toBe(true);
    const issues = (v: unknown) => (CreateReservationInputSchema.safeParse(v).error?.issues ?? []).map((i) => i.path.join('.'));
    expect(issues({ ...base })).toContain('tableIds');
    expect(issues({ ...base, tableId: id, durationMinutes: 60, endsAt: '2030-01-01T21:00:00+03:00' })).toContain('endsAt');
    expect(issues({ ...base, tableId: id, guests: 0 })).toContain('guests');
  });
});

describe('zonedHourOf', () => {
  // Every minute-and-a-bit across a day of DST change (or an odd offset) agrees with asking Intl per instant.
  it.each([
    ['Europe/Moscow', '2026-03-14T00:00:00Z'],
    ['Europe/Berlin', '2026-03-29T00:00:00Z'],
    ['Europe/Berlin', '2026-10-25T00:00:00Z'],
    ['Asia/Kolkata', '2026-06-01T00:00:00Z'],
    ['Asia/Kathmandu', '2026-06-01T00:00:00Z'],
    ['America/St_Johns', '2026-03-08T00:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-04T12:00:00Z'],
  ])('%s around %s matches businessDate and zonedMinutes', (zone, start) => {
    const zoned = zonedHourOf(zone);
    const from = Date.parse(start);
    for (let ms = from; ms < from + 36 * 3_600_000; ms += 61_000) {
      expect(zoned(ms)).toEqual({ date: businessDate(ms, zone), hour: Math.floor(zonedMinutes(ms, zone) / 60) });
    }
  });
});
