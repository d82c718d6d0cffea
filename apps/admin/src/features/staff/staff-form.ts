import { PinSchema } from '@pos/contracts';

export interface StaffFormErrors {
  name?: 'nameRequired';
  pin?: 'pinInvalid';
}

/**
 * What is wrong with the form (as text keys): a name is required; a PIN is 4–8 digits, required
 * for a new staff member and optional when editing (empty keeps the current one).
 */
export function validateStaffForm({ name, pin, isNew }: { name: string; pin: string; isNew: boolean }): StaffFormErrors {
  const errors: StaffFormErrors = {};
  if (!name.trim()) errors.name = 'nameRequired';
  if ((isNew || pin !== '') && !PinSchema.safeParse(pin).success) errors.pin = 'pinInvalid';
  return errors;
}

/** A random 4-digit PIN suggestion (the API still answers 409 if someone holds it). */
export function suggestPin(): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(n % 10_000).padStart(4, '0');
}
