import { type SendOrderInput, standingQuantity } from '@pos/contracts';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { parseJson } from '../../shared/json';
import { type FireDelta, lineDeltas } from './line-state';
import type { OrderEdits } from './order-edits';
import type { OrderReads } from './order-reads';
import type { OrderKitchen } from './ports';
import * as repo from './repository';

/** Firing to the kitchen: what changed since the last firing becomes tickets. */
export class OrderFiring {
  constructor(
    private readonly reads: OrderReads,
    private readonly edits: OrderEdits,
    private readonly kitchen: OrderKitchen,
  ) {}

  /**
   * Fires to the kitchen what changed since the last firing: new portions, cancelled portions and
   * changed notes, of the courses asked for (default: every course not held). Firing again with
   * nothing changed produces no ticket, so a retry never doubles a dish — nor bumps the version
   * under a colleague who is editing the order.
   */
  async send(db: Db, actor: Actor, orderId: string, input: SendOrderInput) {
    const row = await this.edits.beginEdit(db, actor.venueId, orderId, undefined, true);
    const held = parseJson<number[]>(row.held_courses, []);
    const courses = input.courses ? new Set(input.courses) : undefined;
    const stillHeld = courses ? held.filter((c) => !courses.has(c)) : held;
    if (stillHeld.length !== held.length) await repo.updateOrder(db, orderId, { held_courses: JSON.stringify(stillHeld) });
    const order = await this.reads.get(db, actor.venueId, orderId);
    const isFiring = (course: number) => (courses ? courses.has(course) : !held.includes(course));
    const stations = new Map((await repo.productStations(db, [...new Set(order.lines.map((l) => l.productId))])).map((p) => [p.id, p.station_id]));
    const rows = new Map((await repo.linesOf(db, [orderId])).map((r) => [r.id, r]));

    // New portions wait for their course; cancellations and note changes of what the kitchen
    // already has never wait — a held course must not hide a "stop" from the cooks.
    // A combo line is the price; its dishes are lines of their own and fire like any other.
    // A charge line (a gift card) is no dish at all.
    const deltas: FireDelta[] = order.lines.filter((line) => line.comboId === undefined && !line.isCharge).flatMap((line) =>
      lineDeltas(rows.get(line.id)!)
        .filter((delta) => isFiring(line.course) || delta.kind !== 'add')
        .map((delta) => ({ line, stationId: stations.get(line.productId)!, note: line.note, ...delta })),
    );
    if (deltas.length === 0 && stillHeld.length === held.length) return outcome({ order, tickets: [] });
    const now = nowIso();
    await repo.bumpVersion(db, orderId, now);
    for (const line of new Set(deltas.map((d) => d.line))) {
      const quantityFired = deltas.some((d) => d.line === line && d.kind !== 'note');
      await repo.updateLine(db, line.id, {
        ...(quantityFired ? { fired_quantity: standingQuantity(line) } : {}),
        // The first firing dates the line for promotions (a happy-hour line fired in the window keeps its price).
        ...(quantityFired && !rows.get(line.id)!.first_fired_at ? { first_fired_at: now } : {}),
        fired_note: line.note ?? '',
      });
    }
    const tickets = await this.kitchen.createTickets(db, actor.venueId, order, deltas);
    const changed = await this.edits.changed(db, actor.venueId, orderId, tickets.events);
    return outcome({ order: changed.value, tickets: tickets.value }, changed.events);
  }
}
