import {
  addDays,
  businessDate,
  businessDayBounds,
  canMoveReservation,
  type CreateReservationInput,
  DEFAULT_RESERVATION_MINUTES,
  MAX_RESERVATION_MINUTES,
  RESERVATION_TRANSITIONS,
  type Reservation,
  type ReservationsQuery,
  type ReservationStatus,
  type SeatReservationInput,
  type SeatReservationResult,
  type UpdateReservationInput,
  zonedTime,
} from '@pos/contracts';
import { MAX_DAYS_AHEAD } from '@pos/contracts/constants';
import type { ReservationsTable } from '../../db/schema';
import { clock, nowIso } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, type Outcome, outcome } from '../../shared/command';
import { conflict, DomainError, forbidden, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AdminService } from '../admin/service';
import type { VenuesService } from '../venues/service';
import * as repo from './repository';

const MINUTE = 60_000;
/** A booking may start this much in the past (clock drift, the host typing slowly); more is refused. */
const PAST_GRACE_MS = 2 * MINUTE;
/** Guests may be seated this long before their time; earlier it is most likely the wrong booking. */
const SEAT_EARLIEST_MS = 120 * MINUTE;
/** Bookings are taken this far ahead at most (two years). */
const BOOKING_HORIZON_MS = MAX_DAYS_AHEAD * 24 * 60 * MINUTE;

/** "+7 (916) 123-45-67" → "+79161234567"; a Russian trunk prefix 8 becomes +7. */
export function normalizePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (raw.trim().startsWith('+')) return `+${digits}`;
  if (digits.length === 11 && digits.startsWith('8')) return `+7${digits.slice(1)}`;
  return digits.length >= 11 ? `+${digits}` : digits;
}

const iso = (value: string) => new Date(value).toISOString();

type TableRow = Awaited<ReturnType<typeof repo.tablesOfReservations>>[number];

interface Booking {
  tableIds: string[];
  /** Where a problem with the tables is reported: body.tableId or body.tableIds. */
  tablePath: string;
  startsAt: string;
  endsAt: string;
  guests: number;
}

/**
 * Reservations of the floor: a table (or tables pushed together) booked for a time window,
 * seated into a table session of the venues domain. One transition table
 * (RESERVATION_TRANSITIONS): booked → seated | cancelled | no-show.
 */
export class ReservationsService {
  constructor(
    private readonly admin: AdminService,
    private readonly venues: VenuesService,
  ) {}

  private async requireFeature(db: Db, venueId: string): Promise<void> {
    if (!(await this.admin.isEnabled(db, venueId, 'reservations'))) {
      throw new DomainError(403, 'feature.disabled', 'Reservations are switched off for this venue');
    }
  }

  async list(db: Db, venueId: string, query: ReservationsQuery): Promise<Reservation[]> {
    await this.requireFeature(db, venueId);
    const timeZone = await repo.venueTimeZone(db, venueId);
    const latest = addDays(businessDate(clock.now(), timeZone), MAX_DAYS_AHEAD);
    if (query.date > latest) throw invalid('query.date', `A business day up to ${latest}`);
    const rows = await repo.listReservations(db, venueId, { ...businessDayBounds(query.date, timeZone), hallId: query.hallId, tableId: query.tableId });
    return this.assemble(db, rows, timeZone);
  }

  async get(db: Db, venueId: string, id: string): Promise<Reservation> {
    await this.requireFeature(db, venueId);
    return this.load(db, venueId, id);
  }

  private async load(db: Db, venueId: string, id: string): Promise<Reservation> {
    const row = await repo.findReservation(db, venueId, id);
    if (!row) throw notFound('reservation', id);
    return (await this.assemble(db, [row], await repo.venueTimeZone(db, venueId)))[0];
  }

  private async assemble(db: Db, rows: ReservationsTable[], timeZone: string): Promise<Reservation[]> {
    const [tables, staff] = await Promise.all([
      repo.tablesOfReservations(db, rows.map((r) => r.id)),
      repo.staffNames(db, rows.map((r) => r.created_by)),
    ]);
    const tablesOf = new Map<string, TableRow[]>();
    for (const t of tables) tablesOf.set(t.reservation_id, [...(tablesOf.get(t.reservation_id) ?? []), t]);
    const nameOf = new Map(staff.map((s) => [s.id, s.name]));
    return rows.map((r) => ({
      id: r.id,
      status: r.status as ReservationStatus,
      tables: (tablesOf.get(r.id) ?? []).map((t) => ({ id: t.id, hallId: t.hall_id, label: t.label, seats: t.seats })),
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      date: businessDate(r.starts_at, timeZone),
      guests: r.guests,
      guestName: r.guest_name,
      guestPhone: r.guest_phone,
      note: r.note,
      sessionId: r.session_id,
      cancelReason: r.cancel_reason,
      createdById: r.created_by,
      createdByName: nameOf.get(r.created_by) ?? '',
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      version: r.version,
    }));
  }

  /** The `reservation.changed` event for a reservation as it stands now in this transaction. */
  private async changed(db: Db, venueId: string, id: string, extra: OutboundEvent[] = []): Promise<Outcome<Reservation>> {
    const reservation = await this.load(db, venueId, id);
    return outcome(reservation, [...extra, event('reservation.changed', { venueId, reservation }, reservation.tables[0]?.hallId)]);
  }

  /**
   * The rules every booking obeys, checked in this order so the first broken one is reported:
   * the window (not in the past, not beyond the booking horizon, ends after it starts), the tables (of this venue, one hall),
   * the party size (no more guests than seats), then no overlap with another booking.
   */
  private async checkBooking(db: Db, actor: Actor, booking: Booking, options: { exceptId?: string; checkPast: boolean }): Promise<void> {
    const starts = Date.parse(booking.startsAt);
    const ends = Date.parse(booking.endsAt);
    if (options.checkPast && starts < clock.now().getTime() - PAST_GRACE_MS) throw invalid('body.startsAt', 'This time is already in the past');
    if (starts > clock.now().getTime() + BOOKING_HORIZON_MS) throw invalid('body.startsAt', `Bookings are taken at most ${MAX_DAYS_AHEAD} days ahead`);
    if (ends <= starts) throw invalid('body.endsAt', 'The reservation must end after it starts');
    if (ends - starts > MAX_RESERVATION_MINUTES * MINUTE) throw invalid('body.endsAt', `A reservation lasts at most ${MAX_RESERVATION_MINUTES / 60} hours`);

    const tables = [];
    for (const id of booking.tableIds) tables.push(await this.venues.requireTable(db, actor.venueId, id));
    if (new Set(tables.map((t) => t.hall_id)).size > 1) throw invalid(booking.tablePath, 'Tables pushed together must stand in one hall');
    const seats = tables.reduce((sum, t) => sum + t.seats, 0);
    if (booking.guests > seats) {
      throw invalid(
        'body.guests',
        tables.length === 1
          ? `Table ${tables[0].label} seats ${seats}; push tables together for ${booking.guests} guests`
          : `These tables seat ${seats} together, fewer than ${booking.guests} guests`,
      );
    }

    await repo.holdTables(db, actor.venueId, booking.tableIds);
    const clashes = await repo.findClashes(db, actor.venueId, booking.tableIds, booking.startsAt, booking.endsAt, options.exceptId);
    if (clashes.length > 0) {
      const timeZone = await repo.venueTimeZone(db, actor.venueId);
      const [first] = await this.assemble(db, clashes, timeZone);
      const table = first.tables.find((t) => booking.tableIds.includes(t.id)) ?? first.tables[0];
      throw conflict(
        'reservation.conflict',
        `Table ${table.label} is already booked ${zonedTime(first.startsAt, timeZone)}–${zonedTime(first.endsAt, timeZone)} for ${first.guestName}`,
        { conflict: first, conflictIds: clashes.map((c) => c.id) },
      );
    }
  }

  async create(db: Db, actor: Actor, input: CreateReservationInput): Promise<Outcome<Reservation>> {
    await this.requireFeature(db, actor.venueId);
    const startsAt = iso(input.startsAt);
    const endsAt = input.endsAt ? iso(input.endsAt) : new Date(Date.parse(startsAt) + (input.durationMinutes ?? DEFAULT_RESERVATION_MINUTES) * MINUTE).toISOString();
    const tableIds = input.tableIds ?? (input.tableId ? [input.tableId] : []);
    const booking: Booking = { tableIds, tablePath: input.tableIds ? 'body.tableIds' : 'body.tableId', startsAt, endsAt, guests: input.guests };
    await this.checkBooking(db, actor, booking, { checkPast: true });

    const id = newId();
    const now = nowIso();
    await repo.insertReservation(db, {
      id,
      venue_id: actor.venueId,
      status: 'booked',
      starts_at: startsAt,
      ends_at: endsAt,
      guests: input.guests,
      guest_name: input.guestName,
      guest_phone: normalizePhone(input.guestPhone),
      note: input.note || null,
      session_id: null,
      cancel_reason: null,
      version: 1,
      created_by: actor.staffId,
      created_at: now,
      updated_at: now,
    });
    await repo.replaceReservationTables(db, id, tableIds);
    return this.changed(db, actor.venueId, id);
  }

  /** The reservation, locked for this change, if it may still move to `to` (409 otherwise). */
  private async beginChange(db: Db, venueId: string, id: string, to: ReservationStatus | 'changed', expectedVersion?: number): Promise<ReservationsTable> {
    const row = await repo.findReservation(db, venueId, id, true);
    if (!row) throw notFound('reservation', id);
    const from = row.status as ReservationStatus;
    const allowed = to === 'changed' ? from === 'booked' : canMoveReservation(from, to);
    if (!allowed) {
      throw conflict(
        'reservation.illegal_transition',
        to === 'changed' ? `A ${from} reservation can no longer be changed` : `A ${from} reservation cannot become ${to}`,
        { currentStatus: from, allowed: RESERVATION_TRANSITIONS[from] },
      );
    }
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw conflict('reservation.version_conflict', 'Someone changed this reservation meanwhile; look at it again', { currentVersion: row.version });
    }
    return row;
  }

  async update(db: Db, actor: Actor, id: string, input: UpdateReservationInput): Promise<Outcome<Reservation>> {
    await this.requireFeature(db, actor.venueId);
    const row = await this.beginChange(db, actor.venueId, id, 'changed', input.version);
    const current = await this.load(db, actor.venueId, id);

    const startsAt = input.startsAt ? iso(input.startsAt) : row.starts_at;
    const keptLength = Date.parse(row.ends_at) - Date.parse(row.starts_at);
    const endsAt = input.endsAt
      ? iso(input.endsAt)
      : input.durationMinutes !== undefined
        ? new Date(Date.parse(startsAt) + input.durationMinutes * MINUTE).toISOString()
        : new Date(Date.parse(startsAt) + keptLength).toISOString();
    const tableIds = input.tableIds ?? current.tables.map((t) => t.id);
    const guests = input.guests ?? row.guests;
    // A late party's booking can still get a note or another phone; only a new time must lie ahead.
    const checkPast = input.startsAt !== undefined && startsAt !== row.starts_at;
    await this.checkBooking(db, actor, { tableIds, tablePath: 'body.tableIds', startsAt, endsAt, guests }, { exceptId: id, checkPast });

    await repo.updateReservation(db, id, {
      starts_at: startsAt,
      ends_at: endsAt,
      guests,
      ...(input.guestName !== undefined ? { guest_name: input.guestName } : {}),
      ...(input.guestPhone !== undefined ? { guest_phone: normalizePhone(input.guestPhone) } : {}),
      ...(input.note !== undefined ? { note: input.note || null } : {}),
      version: row.version + 1,
      updated_at: nowIso(),
    });
    if (input.tableIds) await repo.replaceReservationTables(db, id, tableIds);
    return this.changed(db, actor.venueId, id);
  }

  async cancel(db: Db, actor: Actor, id: string, reason: string): Promise<Outcome<Reservation>> {
    await this.requireFeature(db, actor.venueId);
    const row = await this.beginChange(db, actor.venueId, id, 'cancelled');
    await repo.updateReservation(db, id, { status: 'cancelled', cancel_reason: reason, version: row.version + 1, updated_at: nowIso() });
    await this.admin.audit(db, actor, 'reservation.cancelled', 'reservation', id, { reason });
    return this.changed(db, actor.venueId, id);
  }

  /** The party never came: only once their time has come, never ahead of it. */
  async markNoShow(db: Db, actor: Actor, id: string): Promise<Outcome<Reservation>> {
    await this.requireFeature(db, actor.venueId);
    const row = await this.beginChange(db, actor.venueId, id, 'no-show');
    if (clock.now().getTime() < Date.parse(row.starts_at)) {
      throw conflict('reservation.not_due', 'The guests are not late yet: their time has not come');
    }
    await repo.updateReservation(db, id, { status: 'no-show', version: row.version + 1, updated_at: nowIso() });
    return this.changed(db, actor.venueId, id);
  }

  /**
   * The party arrived: opens a table session at the first booked table (the same open as a
   * walk-in, so an occupied table is a 409 table.occupied) and links it to the reservation.
   */
  async seat(db: Db, actor: Actor, id: string, input: SeatReservationInput): Promise<Outcome<SeatReservationResult>> {
    await this.requireFeature(db, actor.venueId);
    if (!actor.permissions.has('tables.open')) throw forbidden('auth.forbidden', 'Your role may not seat guests (needs tables.open)');
    const row = await this.beginChange(db, actor.venueId, id, 'seated');
    if (Date.parse(row.starts_at) - clock.now().getTime() > SEAT_EARLIEST_MS) {
      throw conflict('reservation.too_early', `This reservation starts more than ${SEAT_EARLIEST_MS / 3_600_000} hours from now; is it the right one?`);
    }
    const current = await this.load(db, actor.venueId, id);
    const opened = await this.venues.openTable(db, actor, current.tables[0].id, input.guests ?? row.guests);
    await repo.updateReservation(db, id, { status: 'seated', session_id: opened.value.id, version: row.version + 1, updated_at: nowIso() });
    const changed = await this.changed(db, actor.venueId, id, opened.events);
    return outcome({ reservation: changed.value, session: opened.value }, changed.events);
  }
}
