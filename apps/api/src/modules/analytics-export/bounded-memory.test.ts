import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AnalyticsExport } from '@pos/contracts';
import { exportDirOf } from '../../config';
import type { OrderLinesTable, OrdersTable } from '../../db/schema';
import { type Client, createTestApp, type TestApp } from '../../testing/harness';
import { parseCsv } from './csv.testing';

/**
 * An export of 100,000 lines is streamed: the file grows page by page and the heap does not grow
 * with it. Were the file (tens of MB, held as a JS string twice its UTF-8 size once it has
 * Cyrillic) or the dataset's rows built in memory, the heap would grow by far more than the bound.
 */
const ORDERS = 10_000;
const LINES_PER_ORDER = 10;
const LINES = ORDERS * LINES_PER_ORDER;
/** Live heap growth allowed over the start of the run: a few pages of rows and the stream's buffer. */
const HEAP_BOUND_MB = 40;
/** How often the live heap is sampled (each sample collects garbage first, so it measures what is held). */
const SAMPLE_MS = 250;

/** A full collection on demand (jest does not run node with --expose-gc): garbage waiting to be collected is not growth. */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

describe('analytics export: 100k lines with bounded memory', () => {
  let t: TestApp;
  let admin: Client;
  let venueId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('999999');
    const { db } = t.database;
    const venue = await db.selectFrom('venues').select('id').where('slug', '=', 'demo').executeTakeFirstOrThrow();
    venueId = venue.id;
    const waiter = await db.selectFrom('staff').select('id').where('venue_id', '=', venue.id).where('role', '=', 'waiter').executeTakeFirstOrThrow();
    const product = await t.product('borscht');
    const modifiers = JSON.stringify([{ optionId: '00000000-0000-4000-8000-000000000001', name: 'Перечный соус', priceDelta: 7000 }]);
    // Straight into the tables, in January 2025 (the period the export asks for), a transaction per 1,000 orders.
    const start = Date.parse('2025-01-01T00:00:00Z');
    for (let batch = 0; batch < ORDERS / 1000; batch++) {
      await db.transaction().execute(async (tx) => {
        const orders: OrdersTable[] = [];
        const lines: OrderLinesTable[] = [];
        for (let i = batch * 1000; i < (batch + 1) * 1000; i++) {
          const at = new Date(start + i * 60_000).toISOString();
          const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
          orders.push({ id, venue_id: venue.id, number: 100_000 + i, table_id: null, session_id: null, waiter_id: waiter.id, shift_id: null, status: 'paid', guests: 2, note: null, held_courses: '[]', split: null, version: 3, created_by: waiter.id, created_at: at, updated_at: at, closed_at: at });
          for (let p = 0; p < LINES_PER_ORDER; p++) {
            lines.push({
              id: `00000000-0000-4000-9000-${String(i * LINES_PER_ORDER + p).padStart(12, '0')}`,
              order_id: id, venue_id: venue.id, product_id: product.id, name: `${product.name}, порция "${p}"`, unit_price: product.price, modifiers,
              quantity: 2, voided_quantity: p === 0 ? 1 : 0, fired_quantity: 2, fired_note: null, note: 'без лука, пожалуйста', course: 1, void_reason: p === 0 ? 'гость передумал' : null, position: p, created_at: at,
            });
          }
        }
        for (let i = 0; i < orders.length; i += 500) await tx.insertInto('orders').values(orders.slice(i, i + 500)).execute();
        for (let i = 0; i < lines.length; i += 500) await tx.insertInto('order_lines').values(lines.slice(i, i + 500)).execute();
      });
    }
  }, 60_000);
  afterAll(() => t.close());

  it('writes every line while the heap stays within the bound', async () => {
    const res = await admin.post<AnalyticsExport>('/admin/analytics/export', { datasets: ['lines'], format: 'csv', period: { from: '2025-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' } });
    expect(res.status).toBe(202);

    gc();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    let samples = 0;
    const sampler = setInterval(() => {
      gc();
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
      samples++;
    }, SAMPLE_MS);
    const started = Date.now();
    try {
      expect(await t.app.services.analyticsExports.runPending(t.database.db)).toBe(1);
    } finally {
      clearInterval(sampler);
    }
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const done = (await admin.get<AnalyticsExport>(`/admin/analytics/export/${res.body.id}`)).body;
    expect(done).toMatchObject({ status: 'done', progress: { rows: LINES, totalRows: LINES, percent: 100 } });
    const file = path.join(exportDirOf(t.config), venueId, res.body.id, 'lines.csv');
    const bytes = fs.statSync(file).size;
    expect(done.files).toEqual([expect.objectContaining({ dataset: 'lines', rows: LINES, bytes })]);
    console.log(`export of ${LINES} lines: ${Date.now() - started} ms, ${mb(bytes)} MB file, live heap +${mb(peakHeap - before.heapUsed)} MB, rss +${mb(peakRss - before.rss)} MB (${samples} samples)`);
    expect(samples).toBeGreaterThanOrEqual(3);
    // The bound means something only when the file is larger than it.
    expect(bytes).toBeGreaterThan(HEAP_BOUND_MB * 1024 * 1024 * 0.5);
    expect(peakHeap - before.heapUsed).toBeLessThan(HEAP_BOUND_MB * 1024 * 1024);

    // The file reads back: a header, then every line with its void.
    const text = fs.readFileSync(file, 'utf8');
    const rows = parseCsv(text);
    expect(rows).toHaveLength(LINES + 1);
    const header = rows[0];
    const first = Object.fromEntries(header.map((h, i) => [h, rows[1][i]]));
    expect(first).toMatchObject({ order_number: '100000', quantity: '2', voided_quantity: '1', void_reason: 'гость передумал', note: 'без лука, пожалуйста' });
    expect(Number(first.amount)).toBe((await t.product('borscht')).price + 7000);
  }, 60_000);
});
