import { z } from 'zod';
import { ClientRequestIdSchema, IdSchema, IsoDateTimeSchema, queryInteger } from './common';
import { PhoneSchema } from './customers';
import { withoutCardData } from './finance';

/**
 * Guest notifications (issue 20, point 3): an SMS or an email from a fixed template in Russian or
 * English, to a guest's profile (their consent for the channel respected) or to a raw address,
 * delivered through the transactional outbox with retries and a delivery status.
 */
export const NOTIFICATION_CHANNELS = ['sms', 'email'] as const;
export const NotificationChannelSchema = z.enum(NOTIFICATION_CHANNELS);
export type NotificationChannel = z.infer<typeof NotificationChannelSchema>;

export const NOTIFICATION_LANGUAGES = ['ru', 'en'] as const;
export const NotificationLanguageSchema = z.enum(NOTIFICATION_LANGUAGES);
export type NotificationLanguage = z.infer<typeof NotificationLanguageSchema>;

/**
 * The variables each template needs (`required`) and may take (`optional`). Every template may
 * also use `{{venue}}` (the venue's name), which the server fills in.
 */
export const NOTIFICATION_TEMPLATES = {
  order_ready: { required: ['orderNumber'], optional: ['name'] },
  reservation_reminder: { required: ['date', 'time', 'guests'], optional: ['name'] },
  reservation_confirmed: { required: ['date', 'time', 'guests'], optional: ['name'] },
  receipt_link: { required: ['url'], optional: ['name'] },
  /** Free text written by staff; `subject` is the email's subject (a default one otherwise). */
  custom: { required: ['text'], optional: ['subject'] },
} as const satisfies Record<string, { required: readonly string[]; optional: readonly string[] }>;
export type NotificationTemplate = keyof typeof NOTIFICATION_TEMPLATES;
export const NotificationTemplateSchema = z.enum(Object.keys(NOTIFICATION_TEMPLATES) as [NotificationTemplate, ...NotificationTemplate[]]);

export const NOTIFICATION_STATUSES = ['queued', 'sent', 'failed', 'dead'] as const;
/** queued: waiting for its first attempt; sent: the provider took it; failed: an attempt failed, another is scheduled; dead: no more attempts (a permanent refusal or the last retry) until resent. */
export const NotificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof NotificationStatusSchema>;

/** Longest value of one variable (the custom text included) and how many variables a request may carry. */
export const MAX_NOTIFICATION_VARIABLE_LENGTH = 1000;
export const MAX_NOTIFICATION_VARIABLES = 10;

export const NotificationEmailSchema = z.email().max(120);

const VariableNameSchema = z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/, 'A variable name: letters and digits, up to 32');
const VariableValueSchema = withoutCardData(z.string().trim().min(1).max(MAX_NOTIFICATION_VARIABLE_LENGTH));

/** Exactly one of: a guest's profile (their phone or email, their consent), a phone (E.164), an email. */
export const NotificationRecipientSchema = z.union([
  z.strictObject({ customerId: IdSchema }),
  z.strictObject({ phone: PhoneSchema }),
  z.strictObject({ email: NotificationEmailSchema }),
]);
export type NotificationRecipient = z.infer<typeof NotificationRecipientSchema>;

export const SendNotificationInputSchema = z
  .strictObject({
    channel: NotificationChannelSchema,
    template: NotificationTemplateSchema,
    variables: z.record(VariableNameSchema, VariableValueSchema).default({}),
    /** Default: the venue's language (guest profiles do not keep one yet). */
    language: NotificationLanguageSchema.optional(),
    recipient: NotificationRecipientSchema,
    clientRequestId: ClientRequestIdSchema,
  })
  .superRefine((input, ctx) => {
    const spec = NOTIFICATION_TEMPLATES[input.template];
    const names = Object.keys(input.variables);
    if (names.length > MAX_NOTIFICATION_VARIABLES) ctx.addIssue({ code: 'custom', path: ['variables'], message: `At most ${MAX_NOTIFICATION_VARIABLES} variables` });
    const allowed = new Set<string>([...spec.required, ...spec.optional]);
    for (const name of spec.required) {
      if (!Object.hasOwn(input.variables, name)) ctx.addIssue({ code: 'custom', path: ['variables', name], message: `The template ${input.template} needs the variable ${name}` });
    }
    for (const name of names) {
      if (!allowed.has(name)) ctx.addIssue({ code: 'custom', path: ['variables', name], message: `The template ${input.template} has no variable ${name}` });
    }
    const url = input.variables.url;
    if (input.template === 'receipt_link' && url !== undefined && !/^https?:\/\/[^\s]+$/.test(url)) {
      ctx.addIssue({ code: 'custom', path: ['variables', 'url'], message: 'An http(s) link' });
    }
    if ('phone' in input.recipient && input.channel !== 'sms') ctx.addIssue({ code: 'custom', path: ['recipient', 'phone'], message: 'A phone number receives SMS only' });
    if ('email' in input.recipient && input.channel !== 'email') ctx.addIssue({ code: 'custom', path: ['recipient', 'email'], message: 'An email address receives email only' });
  });
export type SendNotificationInput = z.infer<typeof SendNotificationInputSchema>;

/** A notification as staff see it: the address masked (`+7 916 ***-**-67`, `o***@mail.ru`). */
export const NotificationSchema = z.object({
  id: IdSchema,
  channel: NotificationChannelSchema,
  template: NotificationTemplateSchema,
  language: NotificationLanguageSchema,
  to: z.string(),
  status: NotificationStatusSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  sentAt: IsoDateTimeSchema.nullable(),
  customerId: IdSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** The venue's notification log, newest first, a page at a time. */
export const NotificationListQuerySchema = z.strictObject({
  status: NotificationStatusSchema.optional(),
  /** Default 50. */
  limit: queryInteger(1, 200).optional(),
  /** The last id of the previous page. */
  after: IdSchema.optional(),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationListSchema = z.object({ notifications: z.array(NotificationSchema), next: IdSchema.nullable() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ResendNotificationInputSchema = z.strictObject({ clientRequestId: ClientRequestIdSchema.optional() });
export type ResendNotificationInput = z.infer<typeof ResendNotificationInputSchema>;
