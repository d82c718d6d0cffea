import {
  type AuditEntry,
  type Feature,
  FEATURES,
  type PaymentSettings,
  type PosConfig,
  type PutRemoteInput,
  type Remote,
  SHELL_API_VERSION,
  type UpdatePaymentSettingsInput,
} from '@pos/contracts';
import type { RemotesTable } from '../../db/schema';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, event, outcome } from '../../shared/command';
import { invalid, notFound } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import { deepFreeze, type VenueCache, type VenueCaches } from '../../shared/venue-cache';
import type { AuthService } from '../auth/service';
import type { PaymentSettingsStore } from './ports';
import * as repo from './repository';

type Flags = Record<Feature, boolean>;

/** How long a venue's flags are kept if word of a change from another instance was lost. */
const FLAGS_TTL_MS = 60_000;

/** The audit query as the route parsed it. */
type AuditQueryFilter = Parameters<typeof repo.listAudit>[2];

const toRemote = (row: RemotesTable): Remote => ({
  name: row.name,
  feature: row.feature as Feature,
  manifestUrl: row.manifest_url,
  version: row.version,
  ...(row.integrity ? { integrity: row.integrity } : {}),
  updatedAt: row.updated_at,
});

/** Venue settings: feature flags, the remote registry, payment rules, the audit log, and the client config. */
export class AdminService {
  /** The venue's flags as order commands read them (promotions price every order change with them). */
  private readonly cachedFlags: VenueCache<Readonly<Flags>>;

  constructor(
    private readonly auth: AuthService,
    private readonly paymentSettingsStore: PaymentSettingsStore,
    caches: VenueCaches,
  ) {
    this.cachedFlags = caches.create<Readonly<Flags>>('feature-flags', FLAGS_TTL_MS);
  }

  /** Every known feature with its state; a feature never set for the venue is off. */
  async flags(db: Db, venueId: string): Promise<Flags> {
    const rows = await repo.listFlags(db, venueId);
    const flags = Object.fromEntries(FEATURES.map((f) => [f, false])) as Flags;
    for (const r of rows) if ((FEATURES as readonly string[]).includes(r.feature)) flags[r.feature as Feature] = r.enabled === 1;
    return flags;
  }

  /**
   * The venue's flags kept between commands (see `VenueCache`), for the order path; frozen, as
   * every caller shares them. Read in the command's transaction: no command that reads them this
   * way writes flags, so what it reads is committed.
   */
  keptFlags(db: Db, venueId: string): Promise<Readonly<Flags>> {
    return this.cachedFlags.get(venueId, async () => deepFreeze(await this.flags(db, venueId)));
  }

  async isEnabled(db: Db, venueId: string, feature: Feature): Promise<boolean> {
    return (await this.flags(db, venueId))[feature];
  }

  async saveFlags(db: Db, actor: Actor, changes: Partial<Flags>) {
    for (const [feature, enabled] of Object.entries(changes)) await repo.saveFlag(db, actor.venueId, feature, enabled);
    await this.audit(db, actor, 'feature-flags.changed', 'venue', actor.venueId, changes);
    const flags = await this.flags(db, actor.venueId);
    // Dropped once the change committed, here and on every other instance (dropped before it, a
    // command reading them meanwhile would keep the old ones).
    return { ...outcome({ flags }, [event('feature-flags.changed', { venueId: actor.venueId, flags })]), afterCommit: () => this.cachedFlags.invalidate(actor.venueId) };
  }

  async remotes(db: Db, venueId: string): Promise<Remote[]> {
    return (await repo.listRemotes(db, venueId)).map(toRemote);
  }

  async remote(db: Db, venueId: string, name: string): Promise<Remote> {
    const row = await repo.findRemote(db, venueId, name);
    if (!row) throw notFound('remote', name);
    return toRemote(row);
  }

  /**
   * Publishing a remote version = pointing the registry at its build; the shell is not rebuilt.
   * `integrity` is the sha384 of the build's entry (remote-integrity.ts computes it, outside the
   * transaction); the shell loads exactly that file.
   */
  async saveRemote(db: Db, actor: Actor, name: string, input: PutRemoteInput, integrity: string) {
    const feature = await this.remoteFeature(db, actor.venueId, name, input);
    await repo.saveRemote(db, { venue_id: actor.venueId, name, feature, manifest_url: input.manifestUrl, version: input.version, integrity, updated_at: nowIso() });
    await this.audit(db, actor, 'remote.published', 'remote', name, { ...input, integrity });
    const flags = await this.flags(db, actor.venueId);
    // Screens re-read the registry on this event, as they do when a flag flips.
    return outcome(await this.remote(db, actor.venueId, name), [event('feature-flags.changed', { venueId: actor.venueId, flags })]);
  }

  /** The feature a published remote belongs to: the one given, or its registry entry's (a 400 for a new remote without one). */
  async remoteFeature(db: Db, venueId: string, name: string, input: PutRemoteInput): Promise<Feature> {
    const existing = await repo.findRemote(db, venueId, name);
    const feature = input.feature ?? (existing?.feature as Feature | undefined);
    if (!feature) throw invalid('body.feature', 'A new remote needs the feature it belongs to');
    return feature;
  }

  /** Payment rules belong to finance; Admin reads and changes them through its service. */
  async paymentSettings(db: Db, venueId: string): Promise<PaymentSettings> {
    return this.paymentSettingsStore.settings(db, venueId);
  }

  async savePaymentSettings(db: Db, actor: Actor, input: UpdatePaymentSettingsInput) {
    const before = await this.paymentSettingsStore.settings(db, actor.venueId);
    const settings = await this.paymentSettingsStore.saveSettings(db, actor.venueId, input);
    await this.audit(db, actor, 'payment-settings.changed', 'venue', actor.venueId, { before, after: settings });
    return outcome(settings);
  }

  async config(db: Db, actor: Actor): Promise<PosConfig> {
    const [session, flags, remotes] = await Promise.all([
      this.auth.sessionInfo(db, actor),
      this.flags(db, actor.venueId),
      this.remotes(db, actor.venueId),
    ]);
    return {
      ...session,
      flags,
      remotes: remotes.filter((r) => flags[r.feature]),
      shellApi: SHELL_API_VERSION,
      serverTime: nowIso(),
    };
  }

  async audit(db: Db, actor: Actor | null, action: string, entity: string, entityId: string | null, details: unknown) {
    await repo.insertAudit(db, {
      id: newId(),
      venue_id: actor?.venueId ?? '',
      staff_id: actor?.staffId ?? null,
      action,
      entity,
      entity_id: entityId,
      details: JSON.stringify(details ?? {}),
      created_at: nowIso(),
      approved_by: actor?.approval?.approver.id ?? null,
    });
  }

  /** The audit log, newest first, naming the actor and, for inline approvals, the approver. */
  async auditLog(db: Db, venueId: string, query: AuditQueryFilter): Promise<AuditEntry[]> {
    const rows = await repo.listAudit(db, venueId, query);
    const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);
    return rows.map((r) => ({
      id: r.id,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      details: parseJson<unknown>(r.details, {}),
      at: r.created_at,
      staff: person(r.staff_id, r.staff_name),
      approvedBy: person(r.approved_by, r.approver_name),
    }));
  }
}
