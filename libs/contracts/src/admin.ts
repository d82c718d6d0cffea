import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { PinSchema } from './auth';
import { isPrivilegedRole, PRIVILEGED_PIN_MIN_DIGITS } from './sign-in';
import { PermissionSchema, RoleSchema } from './permissions';

/** Feature areas a venue can switch on or off; each remote declares the one it belongs to. */
export const FEATURES = [
  'admin',
  'notifications',
  'reservations',
  'upsell',
  'finance-dashboard',
  'loyalty',
  'promotions',
  /** Not a remote: a pilot switch a promotion rule may be gated by (`featureFlag`). */
  'promotions-pilot',
  'payments',
  'shift',
  'integrations',
  'offline',
] as const;
export const FeatureSchema = z.enum(FEATURES);
export type Feature = z.infer<typeof FeatureSchema>;

export const FeatureFlagsSchema = z.object({ flags: z.record(FeatureSchema, z.boolean()) });
export type FeatureFlags = z.infer<typeof FeatureFlagsSchema>;

export const PutFeatureFlagsInputSchema = z.strictObject({
  flags: z.partialRecord(FeatureSchema, z.boolean()),
});

export const RolePermissionsSchema = z.object({ role: RoleSchema, permissions: z.array(PermissionSchema) });
export const RolesSchema = z.object({ roles: z.array(RolePermissionsSchema) });
export type Roles = z.infer<typeof RolesSchema>;
export const PutRolesInputSchema = z.strictObject({
  roles: z.array(z.strictObject({ role: RoleSchema, permissions: z.array(PermissionSchema).max(100) })).min(1).max(10),
});

export const RemoteNameSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);
/** Subresource Integrity of a remote's entry script (`sha384-<base64 of 48 bytes>`). */
export const RemoteIntegritySchema = z.string().regex(/^sha384-[A-Za-z0-9+/]{64}$/);
export const RemoteSchema = z.object({
  name: RemoteNameSchema,
  feature: FeatureSchema,
  manifestUrl: z.string(),
  version: z.string(),
  /**
   * sha384 of the remoteEntry.js its manifest names, computed by the server when the remote is
   * published (and at every start for builds it serves itself). Absent while the build is not
   * there: the shell refuses to load a remote without it.
   */
  integrity: RemoteIntegritySchema.optional(),
  updatedAt: IsoDateTimeSchema,
});
export type Remote = z.infer<typeof RemoteSchema>;
export const RemoteParamsSchema = z.strictObject({ name: RemoteNameSchema });
/** One path segment: never `.`/`..` or hidden, never a percent-escape, slash or backslash. */
const SAFE_URL_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+$/;
/**
 * A manifest URL in normal form: a path (`/remotes/admin/1.0.1/mf-manifest.json`) or an http(s)
 * URL written exactly as the URL parser would print it, without user info, query or fragment.
 * So no `..`, no `//host` protocol-relative, no backslashes, no encoded dots or slashes.
 * Which origins and folders are allowed is the server's rule (the venue's configuration).
 */
export function isNormalisedManifestUrl(value: string): boolean {
  if (value.startsWith('/')) return SAFE_URL_PATH.test(value);
  if (!/^https?:\/\//.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return !url.username && !url.password && `${url.origin}${url.pathname}` === value && SAFE_URL_PATH.test(url.pathname);
}

export const PutRemoteInputSchema = z.strictObject({
  feature: FeatureSchema.optional(),
  /**
   * A path served by the API under /remotes/<name>/ (e.g. /remotes/admin/1.0.0/mf-manifest.json),
   * or an http(s) URL on an origin the venue allows (REMOTE_ORIGINS), also under /remotes/<name>/.
   * The server reads the manifest and stores the sha384 of the entry it names.
   */
  manifestUrl: z
    .string()
    .min(1)
    .max(500)
    .refine(isNormalisedManifestUrl, "Must be a normalised path or http(s) URL: no '..', '//', backslashes, %-escapes, query or fragment"),
  version: z.string().min(1).max(40).regex(/^[0-9A-Za-z.+-]+$/),
});
export type PutRemoteInput = z.infer<typeof PutRemoteInputSchema>;

export const AdminStaffSchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  isActive: z.boolean(),
  createdAt: IsoDateTimeSchema,
});
export type AdminStaff = z.infer<typeof AdminStaffSchema>;
const privilegedPinIssue = { code: 'custom' as const, path: ['pin'], message: `Supervisors and admins need a PIN of at least ${PRIVILEGED_PIN_MIN_DIGITS} digits` };
export const CreateStaffInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80),
    role: RoleSchema,
    pin: PinSchema,
  })
  .check((ctx) => {
    if (isPrivilegedRole(ctx.value.role) && ctx.value.pin.length < PRIVILEGED_PIN_MIN_DIGITS) ctx.issues.push({ ...privilegedPinIssue, input: ctx.value.pin });
  });
export const UpdateStaffInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(80).optional(),
    role: RoleSchema.optional(),
    pin: PinSchema.optional(),
    isActive: z.boolean().optional(),
  })
  .check((ctx) => {
    const { role, pin } = ctx.value;
    if (role && pin && isPrivilegedRole(role) && pin.length < PRIVILEGED_PIN_MIN_DIGITS) ctx.issues.push({ ...privilegedPinIssue, input: pin });
  });
