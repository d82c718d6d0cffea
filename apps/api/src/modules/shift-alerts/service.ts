import {
  closeoutReminderDue,
  DEFAULT_MAX_OPEN_MINUTES,
  lastCloseoutAt,
  minutesUntil,
  nextCloseoutAt,
  type PutShiftSettingsInput,
  type ShiftAlert,
  type ShiftAlertEvent,
  type ShiftAlerts,
  type ShiftSettings,
} from '@pos/contracts';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { clock } from '../../shared/clock';
import { type Actor, type Db, event, type OutboundEvent, outcome } from '../../shared/command';
import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import * as shiftsRepo from '../shifts/repository';
import type { ShiftsService } from '../shifts/service';
import * as repo from './repository';

/** What the alert rules read of a venue's settings. */
interface Rules {
  closeoutTime: string | null;
  autoClose: boolean;
  maxOpenMinutes: number;
  timeZone: string;
}

type OpenShift = shiftsRepo.ShiftRow;

const MINUTE = 60_000;

/** A supervisor (who may close anyone's shift) sees every open shift's alerts; a cashier their own. */
export const SEES_ALL_ALERTS = 'shifts.close.override';

/**
 * The alerts due for the venue's open shifts at `now`: a shift open `maxOpenMinutes` is over the
 * limit; 30 and 10 minutes before the closeout instant each shift is reminded (only the nearer of
 * the two). Pure, so the boundaries are tested at exact instants.
 */
export function dueAlerts(now: Date, rules: Rules, shifts: readonly OpenShift[]): { closeoutAt: string | null; alerts: ShiftAlert[] } {
  const closeoutAt = rules.closeoutTime ? nextCloseoutAt(now, rules.closeoutTime, rules.timeZone) : null;
  const reminder = closeoutAt ? closeoutReminderDue(now, closeoutAt) : null;
  const alerts: ShiftAlert[] = [];
  for (const s of shifts) {
    const base = { shiftId: s.id, cashierId: s.cashier_id, cashierName: s.cashier_name, tillName: s.till_name, openedAt: s.opened_at };
    const limitAt = Date.parse(s.opened_at) + rules.maxOpenMinutes * MINUTE;
    if (now.getTime() >= limitAt) alerts.push({ kind: 'over_limit', ...base, since: new Date(limitAt).toISOString(), minutesLeft: null });
    if (reminder && closeoutAt) alerts.push({ kind: reminder.kind, ...base, since: reminder.since, minutesLeft: minutesUntil(now, closeoutAt) });
  }
  return { closeoutAt, alerts };
}

/**
 * Shift reminders and the closeout hour (issue 17, points 3 and 4): the venue's settings, the
 * alerts a screen shows, and the periodic tick that sends each alert once and auto-closes shifts
 * at the closeout instant.
 */
export class ShiftAlertsService {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: AdminService,
    private readonly shifts: ShiftsService,
  ) {}

  private async rules(db: Db, venueId: string): Promise<Rules & { updatedAt: string | null }> {
    const [venue, row] = await Promise.all([this.auth.venue(db, venueId), repo.shiftSettings(db, venueId)]);
    return {
      closeoutTime: row?.closeout_time ?? null,
      autoClose: Boolean(row?.auto_close),
      maxOpenMinutes: row ? Number(row.max_open_minutes) : DEFAULT_MAX_OPEN_MINUTES,
      timeZone: venue.timezone,
      updatedAt: row?.updated_at ?? null,
    };
  }

  async settings(db: Db, venueId: string): Promise<ShiftSettings> {
    return this.rules(db, venueId);
  }

  async saveSettings(db: Db, actor: Actor, input: PutShiftSettingsInput) {
    await repo.saveShiftSettings(db, {
      venue_id: actor.venueId,
      closeout_time: input.closeoutTime,
      auto_close: input.autoClose ? 1 : 0,
      max_open_minutes: input.maxOpenMinutes,
      updated_at: clock.now().toISOString(),
      updated_by: actor.staffId,
    });
    await this.admin.audit(db, actor, 'shift.settings.changed', 'venue', actor.venueId, { closeoutTime: input.closeoutTime, autoClose: input.autoClose, maxOpenMinutes: input.maxOpenMinutes });
    return outcome(await this.settings(db, actor.venueId));
  }

  /** The alerts due now: a supervisor's for every open shift of the venue, a cashier's for their own. */
  async alerts(db: Db, actor: Actor): Promise<ShiftAlerts> {
    const now = clock.now();
    const rules = await this.rules(db, actor.venueId);
    const open = (await shiftsRepo.openRegularShifts(db, actor.venueId)).filter((s) => actor.permissions.has(SEES_ALL_ALERTS) || s.cashier_id === actor.staffId);
    const { closeoutAt, alerts } = dueAlerts(now, rules, open);
    return { serverTime: now.toISOString(), closeoutAt, alerts };
  }

  /**
   * One run of the periodic job (every 30 s, once across instants — see `shared/jobs.ts`): for every
   * venue with an open shift, the alerts that became due are claimed and published once, and at
   * the closeout instant, with auto-close on, every shift opened before it closes. Each auto-close
   * is its own transaction, so one that fails leaves the others closed. Returns the events sent.
   */
  async tick(db: Kysely<Database>, publish: (events: readonly OutboundEvent[]) => void): Promise<OutboundEvent[]> {
    const now = clock.now();
    const sent: OutboundEvent[] = [];
    const send = (events: OutboundEvent[]) => {
      if (events.length === 0) return;
      publish(events);
      sent.push(...events);
    };
    for (const venue of await repo.venuesWithOpenShifts(db)) {
      const rules: Rules = {
        closeoutTime: venue.closeout_time ?? null,
        autoClose: Boolean(venue.auto_close),
        maxOpenMinutes: venue.max_open_minutes == null ? DEFAULT_MAX_OPEN_MINUTES : Number(venue.max_open_minutes),
        timeZone: venue.timezone,
      };
      if (rules.autoClose && rules.closeoutTime) send(await this.autoCloseDue(db, venue.venue_id, now, lastCloseoutAt(now, rules.closeoutTime, rules.timeZone)));
      const { alerts } = dueAlerts(now, rules, await shiftsRepo.openRegularShifts(db, venue.venue_id));
      const events: OutboundEvent[] = [];
      for (const alert of alerts) {
        if (await repo.claimAlert(db, { shift_id: alert.shiftId, kind: alert.kind, venue_id: venue.venue_id, sent_at: now.toISOString() })) {
          events.push(event('shift.alert', { venueId: venue.venue_id, alert }));
        }
      }
      send(events);
    }
    return sent;
  }

  /** Closes the venue's shifts opened before the last closeout instant; the notices to publish. */
  private async autoCloseDue(db: Kysely<Database>, venueId: string, now: Date, closeoutAt: string): Promise<OutboundEvent[]> {
    const due = (await shiftsRepo.openRegularShifts(db, venueId)).filter((s) => Date.parse(s.opened_at) < Date.parse(closeoutAt));
    const events: OutboundEvent[] = [];
    for (const s of due) {
      const closed = await db.transaction().execute(async (tx) => {
        const done = await this.shifts.autoClose(tx, venueId, s.id, closeoutAt);
        if (!done || !(await repo.claimAlert(tx, { shift_id: s.id, kind: 'auto_closed', venue_id: venueId, sent_at: now.toISOString() }))) return null;
        return done;
      });
      if (!closed) continue;
      const alert: ShiftAlertEvent = { kind: 'auto_closed', shiftId: s.id, cashierId: s.cashier_id, cashierName: s.cashier_name, tillName: s.till_name, openedAt: s.opened_at, since: closeoutAt, minutesLeft: null };
      events.push(...closed.events, event('shift.alert', { venueId, alert }));
    }
    return events;
  }
}
