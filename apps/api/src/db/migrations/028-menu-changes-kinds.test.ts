import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../../testing/harness';
import * as m028 from './028-menu-changes-kinds';

/** Migration 028 keeps the stock history it finds, on SQLite and PostgreSQL, and goes back down. */
describe('migration 028: menu changes of every kind', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('copies the stock rows as kind "stock", makes room for the other kinds, and goes back down', async () => {
    const db = t.database.db;
    const venue = await db.selectFrom('venues').select('id').executeTakeFirstOrThrow();
    const product = await db.selectFrom('products').select('id').where('venue_id', '=', venue.id).executeTakeFirstOrThrow();
    const category = await db.selectFrom('categories').select('id').where('venue_id', '=', venue.id).executeTakeFirstOrThrow();

    // Down to 027's table, holding a row written the old way.
    await db.updateTable('categories').set({ archived_at: '2026-01-01T00:00:00.000Z' }).where('id', '=', category.id).execute();
    await m028.down(db);
    await sql`INSERT INTO menu_changes (venue_id, version, product_id, stock, is_available, changed_at) VALUES (${venue.id}, 7, ${product.id}, 3, 0, '2026-01-01T00:00:00.000Z')`.execute(db);

    await m028.up(db);
    expect(await db.selectFrom('menu_changes').selectAll().execute()).toEqual([
      { venue_id: venue.id, version: 7, kind: 'stock', product_id: product.id, stock: 3, is_available: 0, data: null, changed_at: '2026-01-01T00:00:00.000Z' },
    ]);
    // The category came back live from the way down; the new kinds fit (no stock columns).
    expect((await db.selectFrom('categories').select('archived_at').where('id', '=', category.id).executeTakeFirstOrThrow()).archived_at).toBeNull();
    await db.insertInto('menu_changes').values({ venue_id: venue.id, version: 8, kind: 'category.removed', product_id: null, stock: null, is_available: null, data: JSON.stringify({ categoryId: category.id }), changed_at: '2026-01-01T00:00:00.000Z' }).execute();
    // One row per version still.
    const again = db.insertInto('menu_changes').values({ venue_id: venue.id, version: 8, kind: 'stock', product_id: product.id, stock: null, is_available: 1, data: null, changed_at: 'x' }).execute();
    // (The native driver's error is not always an Error of the test's realm: compare outcomes.)
    expect(await again.then(() => 'inserted', () => 'refused')).toBe('refused');
    await db.deleteFrom('menu_changes').execute();
  });
});
