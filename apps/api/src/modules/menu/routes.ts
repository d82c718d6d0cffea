import {
  CompactMenuSchema,
  decodeMenu,
  IdParamsSchema,
  MenuCategoryInputSchema,
  MenuCategoryPatchSchema,
  MenuCategoryResultSchema,
  MenuChangesQuerySchema,
  MenuChangesSchema,
  MenuProductInputSchema,
  MenuProductPatchSchema,
  MenuProductResultSchema,
  MenuSchema,
  MenuWriteResultSchema,
  ProductStockSchema,
  UpdateStockInputSchema,
} from '@pos/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { negotiateEncoding, varyOnAcceptEncoding } from '../../plugins/compression';
import { replies } from '../../shared/http';
import { MenuSnapshots, snapshotEtag } from './snapshots';

export async function menuRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { menu } = app.services;
  const db = app.database.db;
  const snapshots = new MenuSnapshots(menu);
  const tags = ['menu'];
  const adminTags = ['admin', 'menu'];

  app.get('/pos/menu', {
    onRequest: app.authorize('menu.view'),
    schema: { tags, summary: 'The menu with its version, one object per dish (GET /pos/menu/snapshot is the compact form)', response: replies({ 200: MenuSchema }) },
    handler: (req, reply) => sendMenu(req, reply),
  });

  /**
   * The same read as the snapshot (one consistent read per version, cached), decoded: `decodeMenu`
   * gives back exactly what was encoded. Sent as a string, so the serializer does not validate
   * every dish again (at 5,000 dishes that was three times the cost of the read).
   */
  async function sendMenu(req: FastifyRequest, reply: FastifyReply) {
    const venueId = req.actor.venueId;
    const snapshot = await snapshots.current(db, venueId, await menu.version(db, venueId));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(decodeMenu(snapshot.compact)));
  }

  app.get('/pos/menu/snapshot', {
    onRequest: app.authorize('menu.view'),
    schema: {
      tags,
      summary: 'The compact menu a tablet keeps (columns, references by index), with an ETag: If-None-Match answers 304 while the version is unchanged',
      response: replies({ 200: CompactMenuSchema }),
    },
    handler: (req, reply) => sendSnapshot(req, reply),
  });

  /**
   * The cached body goes out as bytes: no serializer walks 50,000 dishes again, and the compression
   * plugin leaves an answer that already has a Content-Encoding alone. Identity is the same JSON.
   */
  async function sendSnapshot(req: FastifyRequest, reply: FastifyReply) {
    const venueId = req.actor.venueId;
    const version = await menu.version(db, venueId);
    reply.header('cache-control', 'private, no-cache');
    varyOnAcceptEncoding(reply);
    if (matchesEtag(req.headers['if-none-match'], snapshotEtag(venueId, version))) {
      return reply.code(304).header('etag', snapshotEtag(venueId, version)).send();
    }
    const snapshot = await snapshots.current(db, venueId, version);
    const coding = negotiateEncoding(req.headers['accept-encoding']);
    reply.header('etag', snapshot.etag).type('application/json; charset=utf-8');
    if (!coding) return reply.send(snapshot.json);
    return reply.header('content-encoding', coding).send(await snapshot.encoded(coding));
  }

  app.get('/pos/menu/changes', {
    onRequest: app.authorize('menu.view'),
    schema: {
      tags,
      summary: 'Menu changes of every kind (stock, products, categories) after a version — a catch-up delta — or snapshotRequired when they are no longer kept',
      querystring: MenuChangesQuerySchema,
      response: replies({ 200: MenuChangesSchema }),
    },
    handler: (req) => menu.changes(db, req.actor.venueId, req.query.since),
  });

  app.patch('/pos/menu/products/:id/stock', {
    onRequest: app.authorize('menu.stock'),
    schema: { tags, summary: 'Set portions left or put on / take off the stop-list', params: IdParamsSchema, body: UpdateStockInputSchema, response: replies({ 200: ProductStockSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.updateStock(tx, req.actor, req.params.id, req.body)),
  });

  // --- admin: products and categories (each write is a new menu version and a `menu.changed`) ---

  app.post('/admin/menu/products', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Add a dish (409 `menu.code_taken` for a code in use; unknown category, station or modifier group: 400 at the field)', body: MenuProductInputSchema, response: replies({ 201: MenuProductResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.createProduct(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/menu/products/:id', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Change a dish: name, price, category, station, modifier groups…', params: IdParamsSchema, body: MenuProductPatchSchema, response: replies({ 200: MenuProductResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.updateProduct(tx, req.actor, req.params.id, req.body)),
  });

  app.delete('/admin/menu/products/:id', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Remove a dish from the menu (archived: past orders keep it; its code is free again)', params: IdParamsSchema, response: replies({ 200: MenuWriteResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.removeProduct(tx, req.actor, req.params.id)),
  });

  app.post('/admin/menu/categories', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Add a menu category', body: MenuCategoryInputSchema, response: replies({ 201: MenuCategoryResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.createCategory(tx, req.actor, req.body), { status: 201 }),
  });

  app.patch('/admin/menu/categories/:id', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Rename, recolour or move a menu category', params: IdParamsSchema, body: MenuCategoryPatchSchema, response: replies({ 200: MenuCategoryResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.updateCategory(tx, req.actor, req.params.id, req.body)),
  });

  app.delete('/admin/menu/categories/:id', {
    onRequest: app.authorize('admin.menu'),
    schema: { tags: adminTags, summary: 'Remove an empty menu category (409 `menu.category_not_empty` while it has dishes)', params: IdParamsSchema, response: replies({ 200: MenuWriteResultSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => menu.catalog.removeCategory(tx, req.actor, req.params.id)),
  });
}

/** If-None-Match against a weak ETag: weak comparison, `*` matches, a list is searched. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
