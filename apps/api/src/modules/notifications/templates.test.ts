import { NOTIFICATION_TEMPLATES } from '@pos/contracts';
import { maskEmail, maskPhone, scrubAddress } from './mask';
import { fill, render } from './templates';

describe('notification templates', () => {
  it('fill each placeholder once: a value is never read for placeholders again', () => {
    expect(fill('{{a}} и {{b}}', { a: '{{b}}', b: 'Б' })).toBe('{{b}} и Б');
    expect(fill('{{missing}}!', {})).toBe('!');
  });

  it.each(Object.keys(NOTIFICATION_TEMPLATES) as (keyof typeof NOTIFICATION_TEMPLATES)[])('%s renders in both languages on both channels with no placeholder left', (template) => {
    const variables = Object.fromEntries(NOTIFICATION_TEMPLATES[template].required.map((name) => [name, `<${name}>`]));
    for (const language of ['ru', 'en'] as const) {
      for (const channel of ['sms', 'email'] as const) {
        const out = render(template, channel, language, variables, 'Кафе');
        expect(`${out.subject ?? ''}${out.body}`).not.toMatch(/\{\{|\}\}/);
        expect(out.body).toContain('Кафе');
        for (const value of Object.values(variables)) expect(out.body).toContain(value);
        expect(out.subject === null).toBe(channel === 'sms');
      }
    }
  });

  it('greets by name when given, and keeps a subject on one line', () => {
    expect(render('order_ready', 'email', 'ru', { orderNumber: '5', name: 'Анна' }, 'Кафе').body).toMatch(/^Здравствуйте, Анна!/);
    expect(render('order_ready', 'email', 'en', { orderNumber: '5' }, 'Cafe').body).toMatch(/^Hello,/);
    expect(render('custom', 'email', 'ru', { text: 'Текст', subject: 'Строка\r\nBcc: x@y.z' }, 'Кафе').subject).toBe('Строка Bcc: x@y.z');
    expect(render('custom', 'email', 'en', { text: 'Text' }, 'Cafe').subject).toBe('A message from Cafe');
  });
});

describe('masked addresses', () => {
  it.each([
    ['+79161234567', '+7 916 ***-**-67'],
    ['+4915112345678', '+491 ********78'],
    ['+12025550123', '+120 ******23'],
  ])('phone %s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
    expect(masked).not.toContain(phone.slice(-7));
  });

  it('emails keep the first letter and the domain', () => {
    expect(maskEmail('olga.ivanova@mail.ru')).toBe('o***@mail.ru');
    expect(maskEmail('x@y.z')).toBe('x***@y.z');
  });

  it('scrubs the address out of an error text, in any of its spellings', () => {
    expect(scrubAddress('550 <Olga@Mail.ru> unknown', 'email', 'olga@mail.ru')).toBe('550 <o***@mail.ru> unknown');
    expect(scrubAddress('bad number 79161234567 (+79161234567)', 'sms', '+79161234567')).toBe('bad number +7 916 ***-**-67 (+7 916 ***-**-67)');
  });
});
