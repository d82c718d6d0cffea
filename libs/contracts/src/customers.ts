import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema } from './common';
import { withoutCardData } from './finance';

/**
 * Guests of the venue's loyalty programme (issue 18). A phone number is the guest's key at the
 * till: stored in E.164 (`+79161234567`) — the tablet formats what the cashier types, the server
 * accepts only the canonical form, so one guest never has two profiles by spelling.
 */
export const PhoneSchema = z.string().trim().regex(/^\+[1-9]\d{7,14}$/, 'A phone number in international form, e.g. +79161234567');

export const CUSTOMER_TIERS = ['base', 'silver', 'gold'] as const;
export const CustomerTierSchema = z.enum(CUSTOMER_TIERS);
export type CustomerTier = z.infer<typeof CustomerTierSchema>;

/** Consent to marketing messages on one channel: given or not, and when it was last changed. */
export const ConsentSchema = z.object({ given: z.boolean(), at: IsoDateTimeSchema.nullable() });

export const CustomerSchema = z.object({
  id: IdSchema,
  name: z.string(),
  phone: PhoneSchema,
  email: z.string().nullable(),
  consent: z.object({ sms: ConsentSchema, email: ConsentSchema }),
  tier: CustomerTierSchema,
  /** Visits: paid orders the guest was attached to. */
  visits: z.number().int().min(0),
  lastVisitAt: IsoDateTimeSchema.nullable(),
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

const NameSchema = withoutCardData(z.string().trim().min(1).max(80));
const EmailSchema = z.email().max(120);

export const CreateCustomerInputSchema = z.strictObject({
  name: NameSchema,
  phone: PhoneSchema,
  email: EmailSchema.nullable().optional(),
  /** Marketing consent as the guest gave it now (the server stamps the time). */
  smsConsent: z.boolean().optional(),
  emailConsent: z.boolean().optional(),
  tier: CustomerTierSchema.optional(),
  clientRequestId: ClientRequestIdSchema.optional(),
});
export type CreateCustomerInput = z.infer<typeof CreateCustomerInputSchema>;

export const UpdateCustomerInputSchema = CreateCustomerInputSchema.partial();
export type UpdateCustomerInput = z.infer<typeof UpdateCustomerInputSchema>;

/** Admin's list: a name or phone fragment, newest first, a page at a time. */
export const CustomerListQuerySchema = z.strictObject({
  query: z.string().trim().min(1).max(80).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The last id of the previous page. */
  after: IdSchema.optional(),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuerySchema>;
export const CustomerListSchema = z.object({ customers: z.array(CustomerSchema), next: IdSchema.nullable() });
export type CustomerList = z.infer<typeof CustomerListSchema>;

/** The code a guest shows at the till: the guest app's rotating one or a printed card's. */
export const GuestQrSchema = z.string().trim().min(10).max(300);

/** Look a guest up by the QR code they show, or by phone: exactly one of the two. */
export const CustomerLookupInputSchema = z
  .strictObject({ qr: GuestQrSchema.optional(), phone: PhoneSchema.optional() })
  .superRefine((v, ctx) => {
    if ((v.qr === undefined) === (v.phone === undefined)) ctx.addIssue({ code: 'custom', path: ['qr'], message: 'Give either qr or phone' });
  });
export type CustomerLookupInput = z.infer<typeof CustomerLookupInputSchema>;

export const CustomerLookupSchema = z.object({
  customer: CustomerSchema,
  /** How the guest was identified. */
  via: z.enum(['guest_app', 'card', 'phone']),
});
export type CustomerLookup = z.infer<typeof CustomerLookupSchema>;

/** A printed loyalty card: a static signed code the venue can revoke. */
export const CustomerCardSchema = z.object({
  id: IdSchema,
  customerId: IdSchema,
  /** The code to print as a QR; shown when the card is issued (and again to Admin for a reprint). */
  code: GuestQrSchema,
  createdAt: IsoDateTimeSchema,
  revokedAt: IsoDateTimeSchema.nullable(),
});
export type CustomerCard = z.infer<typeof CustomerCardSchema>;

/** A guest-app code made now by the server (the same function the guest app runs), for staff to test the scanner. */
export const GuestCodeSchema = z.object({ code: GuestQrSchema, validUntil: IsoDateTimeSchema });
