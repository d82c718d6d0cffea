import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';
import { isPrivilegedRole, PinSchema, PRIVILEGED_PIN_MIN_DIGITS } from './auth';
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
export const RemoteSchema = z.object({
  name: RemoteNameSchema,
  feature: FeatureSchema,
  manifestUrl: z.string(),
  version: z.string(),
  updatedAt: IsoDateTimeSchema,
});
export type Remote = z.infer<typeof RemoteSchema>;
export const RemoteParamsSchema = z.strictObject({ name: RemoteNameSchema });
export const PutRemoteInputSchema = z.strictObject({
  feature: FeatureSchema.optional(),
  /** Absolute URL or a path served by the API, e.g. /remotes/admin/1.0.0/mf-manifest.json. */
  manifestUrl: z.string().min(1).max(500).regex(/^(https?:\/\/|\/)/, 'Must be an absolute URL or a path'),
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
