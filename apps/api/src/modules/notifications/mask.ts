/**
 * How staff see a guest's address: enough to recognise it, never the whole of it —
 * `+7 916 ***-**-67`, `o***@mail.ru`.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  // Russian numbers in the form staff are used to; others keep the country and the last two digits.
  if (digits.length === 11 && digits.startsWith('7')) return `+7 ${digits.slice(1, 4)} ***-**-${digits.slice(-2)}`;
  return `+${digits.slice(0, 3)} ${'*'.repeat(Math.max(3, digits.length - 5))}${digits.slice(-2)}`;
}

export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

export const maskAddress = (channel: string, address: string) => (channel === 'sms' ? maskPhone(address) : maskEmail(address));

/**
 * A provider's or SMTP server's error may quote the address ("550 <olga@mail.ru>: unknown user");
 * what staff read shows it masked.
 */
export function scrubAddress(text: string, channel: string, address: string): string {
  const masked = maskAddress(channel, address);
  const forms = channel === 'sms' ? [address, address.replace(/^\+/, '')] : [address];
  let out = text;
  for (const form of forms) out = out.split(form).join(masked);
  if (channel !== 'sms') out = out.replace(new RegExp(escapeRegExp(address), 'gi'), masked);
  return out;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
