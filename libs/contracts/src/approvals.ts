import { z } from 'zod';
import { Base64Url32Schema, PinSchema } from './auth';
import { IdSchema, IsoDateTimeSchema } from './common';
import { APPROVAL_HEADER } from './constants';
import type { Permission } from './permissions';

/**
 * Permissions a supervisor may lend inline, for one action, by typing their PIN on the acting
 * staff member's tablet: voiding what the kitchen already has, refunds, closing a shift over
 * open checks. Admin permissions are never lent: they change the venue, not one check.
 */
export const APPROVABLE_PERMISSIONS = ['orders.void', 'payments.refund', 'shifts.close.override'] as const satisfies readonly Permission[];
export const ApprovablePermissionSchema = z.enum(APPROVABLE_PERMISSIONS);
export type ApprovablePermission = z.infer<typeof ApprovablePermissionSchema>;

export const isApprovable = (permission: string): permission is ApprovablePermission =>
  (APPROVABLE_PERMISSIONS as readonly string[]).includes(permission);


export const RequestApprovalInputSchema = z.strictObject({
  permission: ApprovablePermissionSchema,
  /** The approver's PIN, typed on this tablet; wrong ones count against the sign-in lockouts. */
  pin: PinSchema,
});
export type RequestApprovalInput = z.infer<typeof RequestApprovalInputSchema>;

export const ApprovalSchema = z.object({
  id: IdSchema,
  /** Sent as the `X-Approval` header of the one command it is for; shown once, stored hashed. */
  token: Base64Url32Schema,
  permission: ApprovablePermissionSchema,
  approver: z.object({ id: IdSchema, name: z.string() }),
  expiresAt: IsoDateTimeSchema,
});
export type Approval = z.infer<typeof ApprovalSchema>;

/**
 * Documents the header on the routes that take approvals (the auth plugin checks it first);
 * loose, so the route keeps every other header.
 */
export const ApprovalHeadersSchema = z.looseObject({
  [APPROVAL_HEADER]: Base64Url32Schema.optional().describe('An inline supervisor approval (`POST /pos/approvals`) for this one command'),
});

/** Who did something, and who approved it, as the audit log names them. */
const AuditPersonSchema = z.object({ id: IdSchema, name: z.string() });

export const AuditEntrySchema = z.object({
  id: IdSchema,
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  details: z.unknown(),
  at: IsoDateTimeSchema,
  /** The acting staff member (null for the system). */
  staff: AuditPersonSchema.nullable(),
  /** The supervisor whose inline approval let the actor do it. */
  approvedBy: AuditPersonSchema.nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditQuerySchema = z.strictObject({
  action: z.string().min(1).max(100).optional(),
  entity: z.string().min(1).max(50).optional(),
  entityId: z.string().min(1).max(100).optional(),
  /** Only entries with an inline approval. */
  approved: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;
