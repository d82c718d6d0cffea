import { type Kysely, sql } from 'kysely';
import { openDatabase } from './database';

describe('SQLite query compiler', () => {
  const handle = openDatabase({ sqlitePath: ':memory:' });
  afterAll(() => handle.close());

  it('writes integer limits and offsets into the SQL (a bound one makes SQLite prepare the statement again on every run)', () => {
    const compiled = handle.db.selectFrom('venues').select('id').where('slug', '=', 'demo').orderBy('id').limit(2).offset(3).compile();
    expect(compiled.sql).toBe('select "id" from "venues" where "slug" = ? order by "id" limit 2 offset 3');
    expect(compiled.parameters).toEqual(['demo']);
  });

  it('keeps anything but a safe integer a parameter', () => {
    const fractional = handle.db.selectFrom('venues').select('id').limit(2.5).compile();
    expect(fractional.sql).toBe('select "id" from "venues" limit ?');
    expect(fractional.parameters).toEqual([2.5]);
    const huge = handle.db.selectFrom('venues').select('id').offset(2 ** 60).compile();
    expect(huge.sql).toBe('select "id" from "venues" offset ?');
    const expression = handle.db.selectFrom('venues').select('id').limit(sql<number>`1 + 1`).compile();
    expect(expression.sql).toBe('select "id" from "venues" limit 1 + 1');
  });

  it('answers with the rows the limit and offset name', async () => {
    await sql`create table numbers (n integer)`.execute(handle.db);
    await sql`insert into numbers (n) values (1), (2), (3), (4), (5)`.execute(handle.db);
    const db = handle.db as unknown as Kysely<{ numbers: { n: number } }>;
    const page = await db.selectFrom('numbers').select('n').orderBy('n').limit(2).offset(1).execute();
    expect(page.map((r) => r.n)).toEqual([2, 3]);
  });
});
