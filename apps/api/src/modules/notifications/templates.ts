import type { NotificationChannel, NotificationLanguage, NotificationTemplate } from '@pos/contracts';

/** What a template says in one language: the email's subject and body, and the SMS text. */
interface TemplateText {
  subject: string;
  email: string;
  sms: string;
}

/**
 * The texts of the guest templates, with `{{variable}}` placeholders (NOTIFICATION_TEMPLATES in
 * `@pos/contracts` lists which ones each template takes). Two are filled in by the server:
 * `{{venue}}` (the venue's name) and `{{greeting}}` (with the guest's `name` when given). Plain
 * text only: nothing is read as HTML, so a value needs no escaping.
 */
const TEXTS: Record<NotificationTemplate, Record<NotificationLanguage, TemplateText>> = {
  order_ready: {
    ru: {
      subject: 'Ваш заказ №{{orderNumber}} готов',
      email: '{{greeting}}\n\nВаш заказ №{{orderNumber}} готов — заберите его, пожалуйста.\n\n{{venue}}',
      sms: '{{venue}}: ваш заказ №{{orderNumber}} готов.',
    },
    en: {
      subject: 'Your order #{{orderNumber}} is ready',
      email: '{{greeting}}\n\nYour order #{{orderNumber}} is ready — please come and collect it.\n\n{{venue}}',
      sms: '{{venue}}: your order #{{orderNumber}} is ready.',
    },
  },
  reservation_reminder: {
    ru: {
      subject: 'Напоминание о бронировании {{date}} в {{time}}',
      email: '{{greeting}}\n\nНапоминаем: ваш стол забронирован на {{date}} в {{time}}, гостей: {{guests}}. Ждём вас!\n\n{{venue}}',
      sms: '{{venue}}: ждём вас {{date}} в {{time}}, гостей: {{guests}}.',
    },
    en: {
      subject: 'Reminder: your table on {{date}} at {{time}}',
      email: '{{greeting}}\n\nA reminder: your table for {{guests}} is booked for {{date}} at {{time}}. See you soon!\n\n{{venue}}',
      sms: '{{venue}}: see you on {{date}} at {{time}}, table for {{guests}}.',
    },
  },
  reservation_confirmed: {
    ru: {
      subject: 'Бронирование подтверждено: {{date}} в {{time}}',
      email: '{{greeting}}\n\nВаше бронирование подтверждено: {{date}} в {{time}}, гостей: {{guests}}.\n\n{{venue}}',
      sms: '{{venue}}: бронирование подтверждено, {{date}} в {{time}}, гостей: {{guests}}.',
    },
    en: {
      subject: 'Booking confirmed: {{date}} at {{time}}',
      email: '{{greeting}}\n\nYour booking is confirmed: a table for {{guests}} on {{date}} at {{time}}.\n\n{{venue}}',
      sms: '{{venue}}: booking confirmed, {{date}} at {{time}}, table for {{guests}}.',
    },
  },
  receipt_link: {
    ru: {
      subject: 'Ваш чек от {{venue}}',
      email: '{{greeting}}\n\nСпасибо за визит! Ваш электронный чек: {{url}}\n\n{{venue}}',
      sms: '{{venue}}: ваш чек {{url}}',
    },
    en: {
      subject: 'Your receipt from {{venue}}',
      email: '{{greeting}}\n\nThank you for your visit! Your receipt: {{url}}\n\n{{venue}}',
      sms: '{{venue}}: your receipt {{url}}',
    },
  },
  custom: {
    ru: { subject: '{{subject}}', email: '{{text}}\n\n{{venue}}', sms: '{{venue}}: {{text}}' },
    en: { subject: '{{subject}}', email: '{{text}}\n\n{{venue}}', sms: '{{venue}}: {{text}}' },
  },
};

const GREETING: Record<NotificationLanguage, { named: string; plain: string }> = {
  ru: { named: 'Здравствуйте, {{name}}!', plain: 'Здравствуйте!' },
  en: { named: 'Hello {{name}},', plain: 'Hello,' },
};

const DEFAULT_SUBJECT: Record<NotificationLanguage, string> = { ru: 'Сообщение от {{venue}}', en: 'A message from {{venue}}' };

/**
 * Fills `{{name}}` placeholders in one pass: a value is put in as it is, never read again for
 * placeholders, so a guest's text containing `{{venue}}` stays as typed. A placeholder without a
 * value is left empty (the contract refuses a request missing a required variable).
 */
export function fill(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{\{([a-zA-Z][a-zA-Z0-9]*)\}\}/g, (_, name: string) => (Object.hasOwn(values, name) ? values[name] : ''));
}

/** Header lines must stay one line: a subject is folded to a single line of at most 200 characters. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

export interface RenderedNotification {
  /** Email only. */
  subject: string | null;
  body: string;
}

/** A template's text for a channel and language, its variables filled. Pure. */
export function render(template: NotificationTemplate, channel: NotificationChannel, language: NotificationLanguage, variables: Readonly<Record<string, string>>, venueName: string): RenderedNotification {
  const greeting = GREETING[language];
  const values: Record<string, string> = { ...variables, venue: venueName };
  values.greeting = variables.name ? fill(greeting.named, values) : greeting.plain;
  if (!variables.subject) values.subject = fill(DEFAULT_SUBJECT[language], values);
  const text = TEXTS[template][language];
  if (channel === 'sms') return { subject: null, body: fill(text.sms, values) };
  return { subject: oneLine(fill(text.subject, values)), body: fill(text.email, values) };
}
