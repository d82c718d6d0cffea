import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { PermissionSchema, RoleSchema } from './permissions';

export const VenueSlugSchema = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

export { isPrivilegedRole, OFFLINE_ROLES, PRIVILEGED_PIN_MIN_DIGITS, PRIVILEGED_ROLES, signInProofMessage } from './sign-in';

/** 32 random bytes in base64url: device keys, sign-in challenges, proofs. */
export const Base64Url32Schema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '32 bytes in base64url');

/**
 * A one-time enrollment code an admin reads off Admin → Devices and types on the new tablet:
 * 8 characters without look-alikes (no 0/O, 1/I/L), optionally as `XXXX-XXXX`, any case.
 */
export const EnrollmentCodeSchema = z
  .string()
  .regex(/^[2-9A-HJKMNP-Za-hjkmnp-z]{4}-?[2-9A-HJKMNP-Za-hjkmnp-z]{4}$/, 'An 8-character enrollment code, e.g. ABCD-2345');

export const EnrollDeviceInputSchema = z.strictObject({
  venue: VenueSlugSchema,
  code: EnrollmentCodeSchema,
  /** What staff call this tablet ("Bar", "Terrace 2"), shown in Admin → Devices. */
  name: z.string().trim().min(1).max(60),
});
export type EnrollDeviceInput = z.infer<typeof EnrollDeviceInputSchema>;

/**
 * The tablet's credential, answered once: it keeps `deviceKey` as a non-extractable HMAC key and
 * proves it on every sign-in (and binds its offline PIN verifiers to it).
 */
export const EnrolledDeviceSchema = z.object({
  deviceId: IdSchema,
  deviceKey: Base64Url32Schema,
  name: z.string(),
  venue: z.object({ id: IdSchema, slug: VenueSlugSchema, name: z.string() }),
});
export type EnrolledDevice = z.infer<typeof EnrolledDeviceSchema>;

export const SignInChallengeInputSchema = z.strictObject({ venue: VenueSlugSchema, deviceId: IdSchema });
export type SignInChallengeInput = z.infer<typeof SignInChallengeInputSchema>;
export const SignInChallengeSchema = z.object({ challenge: Base64Url32Schema, expiresAt: IsoDateTimeSchema });
export type SignInChallenge = z.infer<typeof SignInChallengeSchema>;

export const LoginInputSchema = z.strictObject({
  venue: VenueSlugSchema,
  pin: PinSchema,
  /** The enrolled tablet; lockouts are per server-verified device and per venue. */
  deviceId: IdSchema,
  /** A fresh one-time challenge from `POST /pos/auth/challenge`. */
  challenge: Base64Url32Schema,
  /** HMAC-SHA256 of `signInProofMessage(venue, deviceId, challenge)` under the device key. */
  proof: Base64Url32Schema,
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const DeviceSchema = z.object({
  id: IdSchema,
  name: z.string(),
  enrolledAt: IsoDateTimeSchema,
  enrolledBy: z.string().nullable(),
  lastSignInAt: IsoDateTimeSchema.nullable(),
  revokedAt: IsoDateTimeSchema.nullable(),
  /** The till its payments and refunds book to; null: each staff member's own drawer. */
  tillId: IdSchema.nullable(),
});
export type Device = z.infer<typeof DeviceSchema>;

export const CreateEnrollmentCodeInputSchema = z.strictObject({
  /** How long the code may wait to be typed on the tablet. */
  ttlMinutes: z.number().int().min(1).max(24 * 60).default(15),
});
export type CreateEnrollmentCodeInput = z.input<typeof CreateEnrollmentCodeInputSchema>;
export const EnrollmentCodeResultSchema = z.object({ code: z.string(), expiresAt: IsoDateTimeSchema, venue: VenueSlugSchema });
export type EnrollmentCodeResult = z.infer<typeof EnrollmentCodeResultSchema>;

export const StaffSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  isActive: z.boolean(),
});
export type Staff = z.infer<typeof StaffSchema>;

export const VenueSchema = z.object({
  id: IdSchema,
  slug: VenueSlugSchema,
  name: z.string(),
  currency: z.string(),
  timezone: z.string(),
  locale: z.string(),
});
export type Venue = z.infer<typeof VenueSchema>;

export const SessionInfoSchema = z.object({
  staff: StaffSchema,
  venue: VenueSchema,
  permissions: z.array(PermissionSchema),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const LoginResultSchema = SessionInfoSchema.extend({
  token: z.string(),
  expiresAt: IsoDateTimeSchema,
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

/**
 * Who may switch to this tablet without the network (the `OFFLINE_ROLES`): role, permissions and
 * a PIN verifier bound to the device — `hmac-pbkdf2-sha256$<iterations>$<salt>$<mac>` (base64url),
 * where mac = HMAC-SHA256 under the device key of PBKDF2-SHA256(PIN, salt). Never a PIN, and
 * without the device's key a copy of it cannot be tested against guesses.
 */
export const OfflineStaffSchema = z.object({
  staff: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      role: RoleSchema,
      permissions: z.array(PermissionSchema),
      verifier: z.string().regex(/^hmac-pbkdf2-sha256\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/),
    }),
  ),
});
export type OfflineStaff = z.infer<typeof OfflineStaffSchema>;
