import { createHash, randomBytes } from 'node:crypto';
import { type Approval, APPROVAL_TTL_MS, type ApprovablePermission, isApprovable, type RequestApprovalInput } from '@pos/contracts';
import { addMs, nowIso } from '../../shared/clock';
import type { Actor, Db, PresentedApproval } from '../../shared/command';
import { conflict, DomainError, forbidden } from '../../shared/errors';
import { newId } from '../../shared/ids';
import { parseJson } from '../../shared/json';
import type { AdminService } from '../admin/service';
import type { AuthService } from '../auth/service';
import * as repo from './repository';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What the command that spends an approval was, for the audit log. */
export interface ApprovedCommand {
  method: string;
  route: string;
  params: unknown;
}

/**
 * Inline supervisor approval: a supervisor types their PIN on the acting staff member's tablet
 * and lends one permission for one command. The approval is bound to the sign-in session that
 * asked for it (so to its staff member, venue and tablet) and to the permission; it is
 * single-use, lives `APPROVAL_TTL_MS`, and only its hash is stored.
 */
export class ApprovalService {
  constructor(
    private readonly auth: AuthService,
    private readonly admin: AdminService,
  ) {}

  /**
   * Checks the approver's PIN as sign-in does — on the session's server-verified tablet, every
   * wrong PIN counted against the same device and venue lockouts — then their role's permission.
   */
  async grant(db: Db, actor: Actor, input: RequestApprovalInput): Promise<Approval> {
    if (!actor.deviceId) throw forbidden('approval.no_device', 'Approvals are typed on an enrolled tablet');
    const approver = await this.verifyApprover(actor.venueId, actor.deviceId, input.pin);
    const permissions = await this.auth.rolePermissions(db, actor.venueId, approver.role);
    if (!permissions.has(input.permission)) {
      throw new DomainError(403, 'approval.not_permitted', `${approver.name}'s role may not approve this (needs ${input.permission})`, {
        permission: input.permission,
      });
    }
    const token = randomBytes(32).toString('base64url');
    const now = nowIso();
    const approval = {
      id: newId(),
      token_hash: hashToken(token),
      venue_id: actor.venueId,
      permission: input.permission,
      session_id: actor.sessionId,
      requested_by: actor.staffId,
      approved_by: approver.id,
      created_at: now,
      expires_at: addMs(now, APPROVAL_TTL_MS),
      used_at: null,
    };
    await repo.insertApproval(db, approval);
    return { id: approval.id, token, permission: input.permission, approver: { id: approver.id, name: approver.name }, expiresAt: approval.expires_at };
  }

  /** A wrong PIN here is the approver's, not the signed-in session's: 403, never a sign-out's 401. */
  private async verifyApprover(venueId: string, deviceId: string, pin: string) {
    try {
      return await this.auth.verifyPin(venueId, deviceId, pin);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'auth.invalid_pin') {
        throw new DomainError(403, 'approval.wrong_pin', 'Wrong PIN', error.extra);
      }
      throw error;
    }
  }

  /**
   * The approval a request presents, if it is this session's. A spent one is still answered (the
   * command it was spent on may be replayed under its idempotency key: the replay answers as
   * before, anything else is refused when `spend` finds it spent).
   */
  async present(db: Db, actor: Actor, token: string): Promise<PresentedApproval> {
    const row = await repo.findApprovalByTokenHash(db, hashToken(token));
    if (!row || row.venue_id !== actor.venueId || row.session_id !== actor.sessionId || !isApprovable(row.permission)) {
      throw forbidden('approval.invalid', 'This approval was not given for you on this tablet');
    }
    if (!row.used_at && row.expires_at <= nowIso()) throw forbidden('approval.expired', 'This approval has expired; ask again');
    // Deactivated, or their role lost the permission, since they typed their PIN: it lapses.
    if (row.approver_is_active !== 1 || !parseJson<string[]>(row.approver_permissions, []).includes(row.permission)) {
      throw forbidden('approval.invalid', 'The approver may no longer approve this; ask again');
    }
    return { id: row.id, permission: row.permission as ApprovablePermission, approver: { id: row.approved_by, name: row.approver_name } };
  }

  /**
   * Spends the request's approval inside the command's transaction (a refused command rolls it
   * back unspent) and writes who lent what to whom for which command.
   */
  async spend(db: Db, actor: Actor, command: ApprovedCommand): Promise<void> {
    const { approval } = actor;
    if (!approval) return;
    if (!(await repo.spendApproval(db, approval.id, nowIso()))) {
      throw conflict('approval.used', 'This approval is used up or has expired; ask again');
    }
    await this.admin.audit(db, actor, 'approval.used', 'approval', approval.id, { permission: approval.permission, ...command });
  }
}
