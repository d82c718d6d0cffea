import type { Kysely } from 'kysely';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations must not depend on today's table types */
/**
 * Inline supervisor approvals (issue 14): a supervisor types their PIN on the waiter's tablet to
 * lend one permission for one action. An approval is single-use and short-lived, bound to the
 * requesting sign-in session and the permission, and kept as a SHA-256 hash of its token (a
 * database copy hands out no live approvals). Audit entries name the approver beside the actor.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approvals')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('approvals_expiry_idx').ifNotExists().on('approvals').column('expires_at').execute();

  await db.schema.alterTable('audit_log').addColumn('approved_by', 'text').execute();
  await db.schema.createIndex('audit_log_venue_idx').ifNotExists().on('audit_log').columns(['venue_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_venue_idx').ifExists().execute();
  await db.schema.alterTable('audit_log').dropColumn('approved_by').execute();
  await db.schema.dropTable('approvals').ifExists().execute();
}
