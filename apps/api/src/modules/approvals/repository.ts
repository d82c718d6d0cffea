import type { ApprovalsTable } from '../../db/schema';
import type { Db } from '../../shared/command';

export const insertApproval = (db: Db, row: ApprovalsTable) => db.insertInto('approvals').values(row).execute();

/** The approval with its approver as they are now (name, still active, their role's permissions), found by the hash of its token. */
export const findApprovalByTokenHash = (db: Db, tokenHash: string) =>
  db
    .selectFrom('approvals as a')
    .innerJoin('staff as st', 'st.id', 'a.approved_by')
    .leftJoin('role_permissions as rp', (j) => j.onRef('rp.venue_id', '=', 'st.venue_id').onRef('rp.role', '=', 'st.role'))
    .select([
      'a.id',
      'a.venue_id',
      'a.permission',
      'a.session_id',
      'a.approved_by',
      'a.expires_at',
      'a.used_at',
      'st.name as approver_name',
      'st.is_active as approver_is_active',
      'rp.permissions as approver_permissions',
    ])
    .where('a.token_hash', '=', tokenHash)
    .executeTakeFirst();

/**
 * Spends an approval in one statement: only an unspent, unexpired one changes, so two commands
 * racing with the same token cannot both have it. True when this call spent it.
 */
export async function spendApproval(db: Db, id: string, now: string): Promise<boolean> {
  const result = await db
    .updateTable('approvals')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

