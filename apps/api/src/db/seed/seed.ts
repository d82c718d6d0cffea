import { DEFAULT_ROLE_PERMISSIONS, type Feature, FEATURES, ROLES, type Role } from '@pos/contracts';
import type { Kysely } from 'kysely';
import type { AuthService } from '../../modules/auth/service';
import { nowIso } from '../../shared/clock';
import { newId } from '../../shared/ids';
import type { Database } from '../schema';
import { seedBenchHistory } from './bench-history';
import { ensureDemoPlans } from './demo-plans';
import { DEMO_HALLS, DEMO_MENU, DEMO_MODIFIER_GROUPS, DEMO_STATIONS, DEMO_UPSELL, type SeedCategory, type SeedUpsell } from './demo-data';

/** Remotes the registry knows out of the box: name → the feature flag that switches it. */
export const KNOWN_REMOTES: { name: string; feature: Feature; version: string }[] = [
  { name: 'admin', feature: 'admin', version: '1.0.0' },
  { name: 'finance-dashboard', feature: 'finance-dashboard', version: '1.0.0' },
  { name: 'integrations', feature: 'integrations', version: '1.0.0' },
  { name: 'loyalty', feature: 'loyalty', version: '1.0.0' },
  { name: 'notifications', feature: 'notifications', version: '1.0.0' },
  { name: 'payments', feature: 'payments', version: '1.0.0' },
  { name: 'promotions', feature: 'promotions', version: '1.0.0' },
  { name: 'reservations', feature: 'reservations', version: '1.0.0' },
  { name: 'shift', feature: 'shift', version: '1.0.0' },
  { name: 'upsell', feature: 'upsell', version: '1.0.0' },
];

export const DEMO_STAFF: { name: string; role: Role; pin: string }[] = [
  { name: 'Анна', role: 'waiter', pin: '1111' },
  { name: 'Борис', role: 'waiter', pin: '1112' },
  { name: 'Вера (касса)', role: 'cashier', pin: '2222' },
  { name: 'Григорий (старший смены)', role: 'supervisor', pin: '333333' },
  { name: 'Дмитрий (повар)', role: 'cook', pin: '4444' },
  { name: 'Елена (администратор)', role: 'admin', pin: '999999' },
];

interface VenueSeed {
  slug: string;
  name: string;
  flags: Partial<Record<Feature, boolean>>;
  menu: SeedCategory[];
  upsell?: SeedUpsell[];
  /** Gets the demo revenue plan (the dashboard's plan line). */
  hasPlans?: boolean;
  /** The venue's tills (cash drawers); tablets are attached to them in Admin. */
  tills?: string[];
  /** Loyalty guests to try the till with (issue 18). */
  guests?: SeedGuest[];
}

interface SeedGuest {
  name: string;
  phone: string;
  smsConsent?: boolean;
  tier?: 'base' | 'silver' | 'gold';
  /** An opening balance, written as a points movement (the balance is the sum of the ledger). */
  points?: number;
}

/** The demo venue's loyalty guests (the loyalty flag is on there, off in demo-2). */
export const DEMO_GUESTS: SeedGuest[] = [
  { name: 'Ольга Смирнова', phone: '+79161234567', smsConsent: true, tier: 'gold', points: 1200 },
  { name: 'Иван Петров', phone: '+79035550011' },
];

const allOn = Object.fromEntries(FEATURES.map((f) => [f, true])) as Record<Feature, boolean>;

export const DEMO_VENUES: VenueSeed[] = [
  { slug: 'demo', name: 'Ресторан «Демо»', flags: allOn, menu: DEMO_MENU, upsell: DEMO_UPSELL, hasPlans: true, tills: ['Касса 1', 'Бар'], guests: DEMO_GUESTS },
  {
    slug: 'demo-2',
    name: 'Кафе «Демо-2»',
    // A second venue with a different set of features, to show flags are per venue.
    flags: { ...allOn, reservations: false, upsell: false, 'finance-dashboard': false, loyalty: false, promotions: false, 'promotions-pilot': false, integrations: false },
    menu: DEMO_MENU.slice(0, 8),
  },
];

async function insertChunked<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Database[T][]) {
  for (let i = 0; i < rows.length; i += 400) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Kysely cannot narrow a generic table's insert type
    await db.insertInto(table).values(rows.slice(i, i + 400) as any).execute();
  }
}

/**
 * Creates the demo venues (menu, floor, staff with known PINs, roles, flags, registry) unless they
 * exist, and makes sure every known remote has a registry entry. Safe to run on every start.
 */
export async function seedDemo(db: Kysely<Database>, auth: AuthService, options: { bigMenu?: boolean; hugeMenu?: boolean } = {}) {
  for (const venue of DEMO_VENUES) {
    const existing = await db.selectFrom('venues').select('id').where('slug', '=', venue.slug).executeTakeFirst();
    const venueId = existing?.id ?? (await createVenue(db, auth, venue));
    await ensureRemoteRegistry(db, venueId);
    if (venue.hasPlans) await ensureDemoPlans(db, venueId);
    await ensureTills(db, venueId, venue.tills ?? ['Касса 1']);
    await ensureGuests(db, venueId, venue.guests ?? []);
    if (venue.guests?.length) await ensureDemoPromotions(db, venueId);
  }
  if (options.bigMenu) {
    const existing = await db.selectFrom('venues').select('id').where('slug', '=', 'bench').executeTakeFirst();
    const benchId = existing?.id ?? (await createVenue(db, auth, { slug: 'bench', name: 'Benchmark venue', flags: allOn, menu: generatedMenu(5000) }));
    await ensureRemoteRegistry(db, benchId);
    // The recommendations bench needs a venue with a past: 50,000 paid orders and their pairs.
    if (!existing) await seedBenchHistory(db, benchId, 50_000);
  }
  // SEED_HUGE_MENU (the bench's menu-scale part): venue `bench-50k` with 50,000 dishes, no order history.
  if (options.hugeMenu) {
    const existing = await db.selectFrom('venues').select('id').where('slug', '=', 'bench-50k').executeTakeFirst();
    const hugeId = existing?.id ?? (await createVenue(db, auth, { slug: 'bench-50k', name: 'Benchmark venue, 50,000 dishes', flags: allOn, menu: generatedMenu(50_000) }));
    await ensureRemoteRegistry(db, hugeId);
  }
}

/** A venue that has no tills yet gets the seeded ones (an admin's own set is left alone). */
async function ensureTills(db: Kysely<Database>, venueId: string, names: string[]) {
  const any = await db.selectFrom('tills').select('id').where('venue_id', '=', venueId).limit(1).executeTakeFirst();
  if (any || names.length === 0) return;
  await db.insertInto('tills').values(names.map((name) => ({ id: newId(), venue_id: venueId, name, created_at: nowIso(), archived_at: null }))).execute();
}

/**
 * The demo venue's promotions (issue 19), once: a manual staff discount to try «Применить акцию»
 * with, and a weekday happy hour on drinks left switched off (nothing changes a demo bill by
 * itself until an admin turns it on in Admin → Акции).
 */
async function ensureDemoPromotions(db: Kysely<Database>, venueId: string) {
  const any = await db.selectFrom('promotions').select('id').where('venue_id', '=', venueId).limit(1).executeTakeFirst();
  if (any) return;
  const drinks = await db.selectFrom('categories').select('id').where('venue_id', '=', venueId).where('code', 'in', ['beer-cocktails', 'soft-drinks']).execute();
  const now = nowIso();
  const rule = (name: string, effect: object, schedule: object, manual: boolean, enabled: boolean, priority: number) => ({
    id: newId(),
    venue_id: venueId,
    name,
    kind: (effect as { kind: string }).kind,
    effect: JSON.stringify(effect),
    schedule: JSON.stringify(schedule),
    conditions: JSON.stringify({ minSubtotal: null, minQuantity: null }),
    limits: JSON.stringify({ perGuest: null, total: null }),
    priority,
    stacking: 'exclusive',
    manual: manual ? 1 : 0,
    feature_flag: null,
    enabled: enabled ? 1 : 0,
    total_limit: null,
    uses: 0,
    version: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await db
    .insertInto('promotions')
    .values([
      rule('Скидка сотрудника 10 %', { kind: 'percent', percent: 10, target: { scope: 'check' } }, { validFrom: null, validTo: null, windows: [] }, true, true, 10),
      rule(
        'Счастливые часы: напитки −20 %',
        { kind: 'percent', percent: 20, target: { scope: 'items', items: { productIds: [], categoryIds: drinks.map((d) => d.id) } } },
        { validFrom: null, validTo: null, windows: [{ days: [1, 2, 3, 4, 5], from: '17:00', to: '19:00' }] },
        false,
        false,
        20,
      ),
    ])
    .execute();
}

/** Seeded guests the venue does not have yet (by phone); an opening balance comes with its movement. */
async function ensureGuests(db: Kysely<Database>, venueId: string, guests: SeedGuest[]) {
  for (const g of guests) {
    const exists = await db.selectFrom('customers').select('id').where('venue_id', '=', venueId).where('phone', '=', g.phone).executeTakeFirst();
    if (exists) continue;
    const id = newId();
    const now = nowIso();
    const points = g.points ?? 0;
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('customers')
        .values({
          id,
          venue_id: venueId,
          name: g.name,
          phone: g.phone,
          email: null,
          sms_consent: g.smsConsent ? 1 : 0,
          sms_consent_at: g.smsConsent ? now : null,
          email_consent: 0,
          email_consent_at: null,
          tier: g.tier ?? 'base',
          visits: 0,
          last_visit_at: null,
          created_at: now,
          updated_at: now,
          search_text: `${g.name.toLocaleLowerCase('ru')} ${g.phone}`,
          points,
        })
        .execute();
      if (points !== 0) {
        await trx
          .insertInto('points_movements')
          .values({ id: newId(), venue_id: venueId, customer_id: id, order_id: null, payment_id: null, refund_id: null, kind: 'earn', points, staff_id: null, created_at: now })
          .execute();
      }
    });
  }
}

async function ensureRemoteRegistry(db: Kysely<Database>, venueId: string) {
  for (const r of KNOWN_REMOTES) {
    await db
      .insertInto('remotes')
      .values({ venue_id: venueId, name: r.name, feature: r.feature, manifest_url: `/remotes/${r.name}/${r.version}/mf-manifest.json`, version: r.version, updated_at: nowIso() })
      .onConflict((oc) => oc.columns(['venue_id', 'name']).doNothing())
      .execute();
  }
}

async function createVenue(db: Kysely<Database>, auth: AuthService, seed: VenueSeed): Promise<string> {
  const venueId = newId();
  const now = nowIso();
  const staffRows = await Promise.all(
    DEMO_STAFF.map(async (s) => ({
      id: newId(),
      venue_id: venueId,
      name: s.name,
      role: s.role,
      pin_lookup: auth.pinLookup(venueId, s.pin),
      pin_hash: await auth.hashPin(s.pin),
      pin_digits: s.pin.length,
      offline_verifier: auth.offlineVerifier(s.pin),
      is_active: 1,
      created_at: now,
    })),
  );
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('venues').values({ id: venueId, slug: seed.slug, name: seed.name, currency: 'RUB', timezone: 'Europe/Moscow', locale: 'ru', menu_version: 1, order_seq: 0, ticket_seq: 0, settings: '{}', created_at: now }).execute();
    await trx.insertInto('staff').values(staffRows).execute();
    await trx.insertInto('role_permissions').values(ROLES.map((role) => ({ venue_id: venueId, role, permissions: JSON.stringify(DEFAULT_ROLE_PERMISSIONS[role]) }))).execute();
    await trx.insertInto('feature_flags').values(FEATURES.map((feature) => ({ venue_id: venueId, feature, enabled: seed.flags[feature] ? 1 : 0 }))).execute();

    const stationId = new Map(DEMO_STATIONS.map((s) => [s.code, newId()]));
    await trx.insertInto('stations').values(DEMO_STATIONS.map((s) => ({ id: stationId.get(s.code)!, venue_id: venueId, code: s.code, name: s.name }))).execute();

    const groupId = new Map(DEMO_MODIFIER_GROUPS.map((g) => [g.code, newId()]));
    await trx.insertInto('modifier_groups').values(DEMO_MODIFIER_GROUPS.map((g, sort) => ({ id: groupId.get(g.code)!, venue_id: venueId, code: g.code, name: g.name, min_select: g.minSelect, max_select: g.maxSelect, sort }))).execute();
    await trx
      .insertInto('modifier_options')
      .values(DEMO_MODIFIER_GROUPS.flatMap((g) => g.options.map((o, sort) => ({ id: newId(), group_id: groupId.get(g.code)!, venue_id: venueId, code: o.code, name: o.name, price_delta: o.priceDelta, sort }))))
      .execute();

    const categories = seed.menu.map((c, sort) => ({ id: newId(), venue_id: venueId, code: c.code, name: c.name, color: c.color, sort }));
    await insertChunked(trx, 'categories', categories);
    const products = seed.menu.flatMap((c, ci) =>
      c.products.map((p, sort) => ({
        id: newId(),
        venue_id: venueId,
        category_id: categories[ci].id,
        code: p.code,
        name: p.name,
        description: p.description ?? null,
        price: p.price,
        station_id: stationId.get(p.station)!,
        stock: p.stock ?? null,
        is_available: 1,
        sort: ci * 1000 + sort,
        image_url: null,
        updated_at: now,
        groups: p.modifierGroups ?? [],
      })),
    );
    await insertChunked(trx, 'products', products.map(({ groups: _groups, ...row }) => row));
    await insertChunked(trx, 'product_modifier_groups', products.flatMap((p) => p.groups.map((code, sort) => ({ product_id: p.id, group_id: groupId.get(code)!, sort }))));
    if (seed.upsell) await seedUpsellRules(trx, venueId, new Map(products.map((p) => [p.code, p])), seed.upsell, now);

    for (const [sort, hall] of DEMO_HALLS.entries()) {
      const hallId = newId();
      await trx.insertInto('halls').values({ id: hallId, venue_id: venueId, name: hall.name, sort }).execute();
      await trx.insertInto('tables').values(hall.tables.map((t) => ({ id: newId(), venue_id: venueId, hall_id: hallId, label: t.label, seats: t.seats, shape: t.shape, x: t.x, y: t.y, width: t.width, height: t.height }))).execute();
    }
  });
  return venueId;
}

/** A large menu for benchmarks: `count` products over 50 categories, cycling the demo dishes. */
export function generatedMenu(count: number): SeedCategory[] {
  const dishes = DEMO_MENU.flatMap((c) => c.products);
  return Array.from({ length: 50 }, (_, c) => ({
    code: `cat-${c}`,
    name: `Категория ${c + 1}`,
    color: DEMO_MENU[c % DEMO_MENU.length].color,
    products: Array.from({ length: Math.ceil(count / 50) }, (_, i) => {
      const n = c * Math.ceil(count / 50) + i;
      const dish = dishes[n % dishes.length];
      return { ...dish, code: `${dish.code}-${n}`, name: `${dish.name} №${n + 1}`, stock: undefined };
    }).slice(0, Math.max(0, Math.min(Math.ceil(count / 50), count - c * Math.ceil(count / 50)))),
  }));
}

/** The demo venue's upsell rules: add-ons with their reasons, and combos (see DEMO_UPSELL). */
async function seedUpsellRules(db: Kysely<Database>, venueId: string, byCode: Map<string, { id: string }>, rules: SeedUpsell[], now: string) {
  const id = (code: string) => {
    const product = byCode.get(code);
    if (!product) throw new Error(`Upsell seed names an unknown product '${code}'`);
    return product.id;
  };
  for (const rule of rules) {
    const productId = id(rule.product);
    if (rule.addons.length) {
      await db
        .insertInto('upsell_addons')
        .values(rule.addons.map((a, position) => ({ venue_id: venueId, product_id: productId, addon_id: id(a.product), position, reason: a.reason ?? null, created_at: now })))
        .execute();
    }
    for (const [position, combo] of (rule.combos ?? []).entries()) {
      const comboId = newId();
      await db
        .insertInto('combos')
        .values({ id: comboId, venue_id: venueId, product_id: productId, name: combo.name, price: combo.price, windows: JSON.stringify(combo.windows ?? []), reason: combo.reason ?? null, position, created_at: now, updated_at: now, deleted_at: null })
        .execute();
      await db
        .insertInto('combo_items')
        .values(combo.items.map((item, i) => ({ combo_id: comboId, product_id: id(item.product), quantity: item.quantity ?? 1, position: i })))
        .execute();
    }
  }
}
