import { isPrivilegedRole, PinSchema, PRIVILEGED_PIN_MIN_DIGITS, type Role } from '@pos/contracts';
import { ApiError } from '@pos/plugin-sdk';

/** Text keys (under 'staff.') of what can be wrong with the PIN field. */
export type PinProblem = 'pinInvalid' | 'pinPrivileged' | 'pinForNewRole';

export interface StaffFormErrors {
  name?: 'nameRequired';
  pin?: PinProblem;
}

export interface StaffFormValues {
  name: string;
  role: Role;
  pin: string;
  /** The role before this edit; absent for a new staff member. */
  previousRole?: Role;
}

/** The fewest digits the chosen role's PIN may have (supervisors and admins: 6, others: 4). */
export const minPinDigits = (role: Role) => (isPrivilegedRole(role) ? PRIVILEGED_PIN_MIN_DIGITS : 4);

/**
 * Whether the form must get a PIN: always for a new staff member, and when someone is raised to
 * supervisor or admin (the stored PIN may be too short for the role, so the API wants a new one
 * in the same request). Otherwise an empty field keeps the current PIN.
 */
export const needsPin = ({ role, previousRole }: Pick<StaffFormValues, 'role' | 'previousRole'>) =>
  !previousRole || (isPrivilegedRole(role) && !isPrivilegedRole(previousRole));

/**
 * What is wrong with the form (as text keys), by the contract's rules: a name is required; a PIN is
 * 4–8 digits, at least `PRIVILEGED_PIN_MIN_DIGITS` for supervisors and admins.
 */
export function validateStaffForm(values: StaffFormValues): StaffFormErrors {
  const { name, role, pin, previousRole } = values;
  const errors: StaffFormErrors = {};
  if (!name.trim()) errors.name = 'nameRequired';
  if (pin === '' && !needsPin(values)) return errors;
  const isWellFormed = PinSchema.safeParse(pin).success;
  if (isPrivilegedRole(role) && (!isWellFormed || pin.length < PRIVILEGED_PIN_MIN_DIGITS)) errors.pin = pin === '' && previousRole ? 'pinForNewRole' : 'pinPrivileged';
  else if (!isWellFormed) errors.pin = 'pinInvalid';
  return errors;
}

/** A random PIN suggestion of `digits` digits (the API still answers 409 if someone holds it). */
export function suggestPin(digits = 4): string {
  const [n] = crypto.getRandomValues(new Uint32Array(1));
  return String(n % 10 ** digits).padStart(digits, '0');
}

/** A refused save as the form shows it: known refusals as text keys, the server's own words otherwise. */
export interface StaffProblems {
  name?: string;
  pin?: { key: 'pinTaken' | 'pinPrivileged' } | { text: string };
  form?: { key: 'lastAdmin' } | { text: string };
}

/**
 * Splits a refused create/update for the form: a taken PIN (409 `staff.pin_taken`) and the field
 * errors of a 400 (`errors[].path` 'body.pin' / 'body.name') go to their fields; the last admin
 * (409 `staff.last_admin`) and anything else above the form.
 */
export function staffProblems(error: unknown, role: Role): StaffProblems {
  if (!(error instanceof ApiError)) return { form: { text: error instanceof Error ? error.message : String(error) } };
  if (error.code === 'staff.pin_taken') return { pin: { key: 'pinTaken' } };
  if (error.code === 'staff.last_admin') return { form: { key: 'lastAdmin' } };
  const problems: StaffProblems = {};
  const rest: string[] = [];
  for (const e of error.problem.errors ?? []) {
    const field = e.path.replace(/^body[./]/, '');
    // The PIN rule for supervisors and admins, said in the admin's language.
    if (field === 'pin') problems.pin = isPrivilegedRole(role) ? { key: 'pinPrivileged' } : { text: e.message };
    else if (field === 'name') problems.name = e.message;
    else rest.push(e.message);
  }
  if (rest.length > 0 || (!problems.pin && !problems.name)) problems.form = { text: rest.length > 0 ? rest.join('; ') : error.message };
  return problems;
}
