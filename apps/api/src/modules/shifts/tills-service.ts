import type { CreateTillInput, Device, Till, Tills, UpdateTillInput } from '@pos/contracts';
import { isUniqueViolation } from '../../db/dialect';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { conflict, invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AdminService } from '../admin/service';
import type { DeviceService } from '../auth/device-service';
import * as repo from './tills-repository';

const toTill = (row: repo.TillRow): Till => ({
  id: row.id,
  name: row.name,
  archived: row.archived_at !== null,
  openShift: row.shift_id ? { id: row.shift_id, cashierId: row.cashier_id!, cashierName: row.cashier_name ?? '', openedAt: row.opened_at! } : null,
});

/**
 * The venue's tills (cash drawers) and which tablet books to which. Money follows the drawer, not
 * the person: a tablet attached to a till books its payments and refunds to the till's open
 * shift, whoever takes them (`ShiftsService.shiftForPayment`).
 */
export class TillsService {
  constructor(
    private readonly admin: AdminService,
    private readonly devices: DeviceService,
  ) {}

  /** What a tablet shows when a shift is opened: the tills in use and the one it is attached to. */
  async forTablet(db: Db, actor: Actor): Promise<Tills> {
    const tills = (await repo.listTills(db, actor.venueId, false)).map(toTill);
    return { tills, deviceTillId: await repo.deviceTillId(db, actor.venueId, actor.deviceId) };
  }

  async list(db: Db, venueId: string): Promise<Till[]> {
    return (await repo.listTills(db, venueId, true)).map(toTill);
  }

  private async get(db: Db, venueId: string, tillId: string): Promise<Till> {
    const row = (await repo.listTills(db, venueId, true)).find((t) => t.id === tillId);
    if (!row) throw notFound('till', tillId);
    return toTill(row);
  }

  async create(db: Db, actor: Actor, input: CreateTillInput) {
    const id = newId();
    await this.writeName(() => repo.insertTill(db, { id, venue_id: actor.venueId, name: input.name, created_at: nowIso(), archived_at: null }));
    await this.admin.audit(db, actor, 'till.created', 'till', id, { name: input.name });
    return outcome(await this.get(db, actor.venueId, id));
  }

  /** Renames a till or archives it (not while a shift is open on it) / brings it back. */
  async update(db: Db, actor: Actor, tillId: string, input: UpdateTillInput) {
    const till = await this.get(db, actor.venueId, tillId);
    if (input.archived === true && till.openShift) {
      throw conflict('till.busy', `A shift of ${till.openShift.cashierName} is open on this till; close it first`, { shiftId: till.openShift.id, cashierName: till.openShift.cashierName });
    }
    const patch: { name?: string; archived_at?: string | null } = {};
    if (input.name !== undefined && input.name !== till.name) patch.name = input.name;
    if (input.archived !== undefined && input.archived !== till.archived) patch.archived_at = input.archived ? nowIso() : null;
    if (Object.keys(patch).length > 0) {
      await this.writeName(() => repo.updateTill(db, actor.venueId, tillId, patch));
      await this.admin.audit(db, actor, 'till.changed', 'till', tillId, input);
    }
    return outcome(await this.get(db, actor.venueId, tillId));
  }

  /** Attaches a tablet to one of the venue's tills in use, or detaches it (null). */
  async attachDevice(db: Db, actor: Actor, deviceId: string, tillId: string | null) {
    if (tillId !== null) {
      const till = await repo.findTill(db, actor.venueId, tillId);
      if (!till || till.archived_at) throw invalid('body.tillId', 'No such till in use in this venue');
    }
    const device: Device = await this.devices.setTill(db, actor.venueId, deviceId, tillId);
    await this.admin.audit(db, actor, 'device.till_set', 'device', deviceId, { tillId });
    return outcome(device);
  }

  /** A name is unique within the venue (the unique index decides, also between two admins at once). */
  private async writeName(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('till.name_taken', 'The venue already has a till with this name');
      throw error;
    }
  }
}
