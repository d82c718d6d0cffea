/**
 * Sign-in rules that the tablet's PIN pad needs on its first load, without zod (the shell loads
 * this entry, `@pos/contracts/sign-in`, before anything else of the contracts).
 */

/**
 * Supervisors and admins approve voids and refunds and change the venue's rules: their PINs are
 * at least 6 digits, so an online guess of one takes years behind the lockouts (README, Security).
 */
export const PRIVILEGED_ROLES = ['supervisor', 'admin'] as const;
export const PRIVILEGED_PIN_MIN_DIGITS = 6;
export const isPrivilegedRole = (role: string) => (PRIVILEGED_ROLES as readonly string[]).includes(role);

/**
 * Roles whose PIN a tablet may check without the network (the waiter's and cashier's quick
 * switch). Never admin; cooks work on the kitchen display, which needs the network anyway.
 */
export const OFFLINE_ROLES = ['waiter', 'cashier', 'supervisor'] as const;

/** What the device signs (HMAC-SHA256 under its key, base64url) to prove itself at sign-in. */
export const signInProofMessage = (venue: string, deviceId: string, challenge: string) => `pos-sign-in.v1.${venue}.${deviceId}.${challenge}`;
