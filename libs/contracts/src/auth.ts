import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { PermissionSchema, RoleSchema } from './permissions';

export const VenueSlugSchema = z.string().min(1).max(64).regex(/^[a-z0-9-]+$/);

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'PIN must be 4 to 8 digits');

export const LoginInputSchema = z.strictObject({
  venue: VenueSlugSchema,
  pin: PinSchema,
  /** Stable id of the tablet; lockouts are per venue + device. */
  deviceId: z.string().min(1).max(100).optional(),
});
export type LoginInput = z.infer<typeof LoginInputSchema>;

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
 * Who may switch to a tablet without the network: each active staff member's role, permissions
 * and a salted PIN verifier (`pbkdf2-sha256$<iterations>$<salt>$<hash>`, base64url) — never a PIN.
 */
export const OfflineStaffSchema = z.object({
  staff: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      role: RoleSchema,
      permissions: z.array(PermissionSchema),
      verifier: z.string().regex(/^pbkdf2-sha256\$\d+\$[A-Za-z0-9_-]+\$[A-Za-z0-9_-]+$/),
    }),
  ),
});
export type OfflineStaff = z.infer<typeof OfflineStaffSchema>;
