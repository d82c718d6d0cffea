import { randomBytes } from 'node:crypto';
import {
  cardCode,
  checkGuestQr,
  type CreateCustomerInput,
  type Customer,
  type CustomerCard,
  type CustomerListQuery,
  type CustomerLookup,
  type CustomerLookupInput,
  GUEST_CODE_TTL_S,
  guestAppCode,
  loyaltyKeyBytes,
  type UpdateCustomerInput,
} from '@pos/contracts';
import type { CustomersTable } from '../../db/schema';
import { isUniqueViolation } from '../../db/dialect';
import { nowIso } from '../../shared/clock';
import { type Actor, type Db, outcome } from '../../shared/command';
import { conflict, invalid, notFound, unprocessable } from '../../shared/errors';
import { newId } from '../../shared/ids';
import type { AdminService } from '../admin/service';
import * as repo from './repository';

const toCustomer = (row: CustomersTable): Customer => ({
  id: row.id,
  name: row.name,
  phone: row.phone,
  email: row.email,
  consent: { sms: { given: row.sms_consent === 1, at: row.sms_consent_at }, email: { given: row.email_consent === 1, at: row.email_consent_at } },
  tier: row.tier as Customer['tier'],
  visits: row.visits,
  lastVisitAt: row.last_visit_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Loyalty guests (issue 18): profiles keyed by phone, marketing consent with its time, and the
 * codes a guest shows at the till — the guest app's rotating one and a printed card's — checked
 * against the venue's loyalty key (`@pos/contracts` guest-qr: the same function the guest app runs).
 */
export class CustomersService {
  constructor(
    private readonly admin: AdminService,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * The venue's loyalty key, made when a code is first issued (32 random bytes). Checking a code
   * never makes one (a refused lookup writes nothing): with no key yet, no code can be the venue's,
   * and a throwaway key gives the same answer (`forged`, or `malformed` for what is not a code).
   */
  private async key(db: Db, venueId: string, issuing = true): Promise<Uint8Array> {
    let row = await repo.findLoyaltyKey(db, venueId);
    if (!row && !issuing) return new Uint8Array(randomBytes(32));
    if (!row) {
      await repo.insertLoyaltyKey(db, venueId, randomBytes(32).toString('base64url'), nowIso());
      row = (await repo.findLoyaltyKey(db, venueId))!;
    }
    return loyaltyKeyBytes(row.key);
  }

  async get(db: Db, venueId: string, id: string): Promise<Customer> {
    const row = await repo.findCustomer(db, venueId, id);
    if (!row) throw notFound('customer', id);
    return toCustomer(row);
  }

  async list(db: Db, venueId: string, query: CustomerListQuery) {
    const after = query.after ? await repo.findCustomer(db, venueId, query.after) : undefined;
    if (query.after && !after) throw invalid('query.after', 'No such guest to continue after');
    const rows = await repo.listCustomers(db, venueId, query.query, query.limit + 1, after);
    const page = rows.slice(0, query.limit);
    return { customers: page.map(toCustomer), next: rows.length > query.limit ? page.at(-1)!.id : null };
  }

  /**
   * Who is this guest: by the code they show — a guest-app code younger than its TTL or a card the
   * venue has not revoked — or by phone. A code that fails is refused with its reason and attaches
   * nothing.
   */
  async lookup(db: Db, actor: Actor, input: CustomerLookupInput): Promise<CustomerLookup> {
    if (input.phone) {
      const row = await repo.findByPhone(db, actor.venueId, input.phone);
      if (!row) throw notFound('customer');
      return { customer: toCustomer(row), via: 'phone' };
    }
    const check = await checkGuestQr(await this.key(db, actor.venueId, false), actor.venueId, input.qr!, this.clock() / 1000);
    if (!check.ok) {
      if (check.reason === 'malformed') throw invalid('body.qr', 'This is not a guest code of the venue', 'customer.qr_malformed');
      if (check.reason === 'expired') throw unprocessable('customer.qr_expired', 'The guest code has expired: ask the guest to show the app again');
      throw unprocessable('customer.qr_forged', 'The guest code is not signed by this venue');
    }
    if (check.kind === 'guest_app') return { customer: await this.get(db, actor.venueId, check.customerId), via: 'guest_app' };
    const card = await repo.findCard(db, actor.venueId, check.cardId);
    if (!card) throw notFound('customer');
    if (card.revoked_at) throw unprocessable('customer.card_revoked', 'This loyalty card was revoked');
    return { customer: await this.get(db, actor.venueId, card.customer_id), via: 'card' };
  }

  async create(db: Db, actor: Actor, input: CreateCustomerInput) {
    if (input.emailConsent && !input.email) throw invalid('body.email', 'Consent to email needs an email address');
    const now = nowIso();
    const id = newId();
    await this.uniquePhone(() =>
      repo.insertCustomer(db, {
        id,
        venue_id: actor.venueId,
        name: input.name,
        phone: input.phone,
        email: input.email ?? null,
        sms_consent: input.smsConsent ? 1 : 0,
        sms_consent_at: input.smsConsent === undefined ? null : now,
        email_consent: input.emailConsent ? 1 : 0,
        email_consent_at: input.emailConsent === undefined ? null : now,
        tier: input.tier ?? 'base',
        visits: 0,
        last_visit_at: null,
        created_at: now,
        updated_at: now,
        search_text: repo.searchText(input.name, input.phone),
        points: 0,
      }),
    );
    await this.admin.audit(db, actor, 'customer.created', 'customer', id, { phone: input.phone });
    return outcome(await this.get(db, actor.venueId, id));
  }

  /** Edits a profile; a consent that changes is stamped with the time it changed. */
  async update(db: Db, actor: Actor, id: string, input: UpdateCustomerInput) {
    const before = await this.get(db, actor.venueId, id);
    const now = nowIso();
    const patch: Partial<CustomersTable> = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.phone !== undefined) patch.phone = input.phone;
    if (input.email !== undefined) patch.email = input.email;
    if (input.tier !== undefined) patch.tier = input.tier;
    if (input.smsConsent !== undefined && input.smsConsent !== before.consent.sms.given) Object.assign(patch, { sms_consent: input.smsConsent ? 1 : 0, sms_consent_at: now });
    if (input.emailConsent !== undefined && input.emailConsent !== before.consent.email.given) Object.assign(patch, { email_consent: input.emailConsent ? 1 : 0, email_consent_at: now });
    const email = input.email !== undefined ? input.email : before.email;
    const emailConsent = input.emailConsent ?? before.consent.email.given;
    if (emailConsent && !email) throw invalid('body.email', 'Consent to email needs an email address');
    if (Object.keys(patch).length > 0) {
      const search_text = repo.searchText(patch.name ?? before.name, patch.phone ?? before.phone);
      await this.uniquePhone(() => repo.updateCustomer(db, actor.venueId, id, { ...patch, search_text, updated_at: now }));
      await this.admin.audit(db, actor, 'customer.changed', 'customer', id, { fields: Object.keys(patch) });
    }
    return outcome(await this.get(db, actor.venueId, id));
  }

  /** Everything the venue keeps about a guest, for the guest's own copy (data portability). */
  async export(db: Db, actor: Actor, id: string) {
    const customer = await this.get(db, actor.venueId, id);
    const cards = await this.cards(db, actor.venueId, id);
    await this.admin.audit(db, actor, 'customer.exported', 'customer', id, {});
    return { customer, cards, exportedAt: nowIso() };
  }

  /** A guest's printed cards (404 for an unknown guest). */
  async cardsOf(db: Db, venueId: string, customerId: string): Promise<CustomerCard[]> {
    await this.get(db, venueId, customerId);
    return this.cards(db, venueId, customerId);
  }

  private async cards(db: Db, venueId: string, customerId: string): Promise<CustomerCard[]> {
    const rows = await repo.cardsOf(db, venueId, customerId);
    if (rows.length === 0) return [];
    const key = await this.key(db, venueId); // there since the first card was issued
    return Promise.all(rows.map(async (r) => ({ id: r.id, customerId: r.customer_id, code: await cardCode(key, venueId, r.id), createdAt: r.created_at, revokedAt: r.revoked_at })));
  }

  /** A printed card for the guest: a static code signed by the venue (not stored; it is recomputed). */
  async issueCard(db: Db, actor: Actor, customerId: string) {
    await this.get(db, actor.venueId, customerId);
    const id = newId();
    await repo.insertCard(db, { id, venue_id: actor.venueId, customer_id: customerId, created_at: nowIso(), revoked_at: null });
    await this.admin.audit(db, actor, 'customer.card_issued', 'customer', customerId, { cardId: id });
    return outcome((await this.cards(db, actor.venueId, customerId)).find((c) => c.id === id)!);
  }

  /** Revokes a printed card: its code is refused from now on, everywhere. */
  async revokeCard(db: Db, actor: Actor, cardId: string) {
    const card = await repo.findCard(db, actor.venueId, cardId);
    if (!card) throw notFound('card', cardId);
    await repo.revokeCard(db, actor.venueId, cardId, nowIso());
    await this.admin.audit(db, actor, 'customer.card_revoked', 'customer', card.customer_id, { cardId });
    return outcome((await this.cards(db, actor.venueId, card.customer_id)).find((c) => c.id === cardId)!);
  }

  /** The guest app's code for this guest now — what the app would show — so staff can try the scanner. */
  async guestCode(db: Db, venueId: string, customerId: string) {
    await this.get(db, venueId, customerId);
    const now = this.clock();
    return { code: await guestAppCode(await this.key(db, venueId), venueId, customerId, now / 1000), validUntil: new Date(Math.floor(now / 1000) * 1000 + GUEST_CODE_TTL_S * 1000).toISOString() };
  }

  private async uniquePhone(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('customer.phone_taken', 'The venue already has a guest with this phone number');
      throw error;
    }
  }
}
