import fs from 'node:fs';
import { Readable } from 'node:stream';
import { AnalyticsExportFileParamsSchema, AnalyticsExportListSchema, AnalyticsExportSchema, IdParamsSchema, StartAnalyticsExportInputSchema } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

/** A dataset's file in OpenAPI: CSV or NDJSON text, streamed from disk, never JSON. */
const FileBody = {
  description: 'The dataset\'s file (`Content-Disposition: attachment; filename="export-2026-01-31-0a1b2c3d-lines.csv"`)',
  content: {
    // The handler sends a file stream; in the document it is text.
    'text/csv': { schema: z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string' }) },
    'application/x-ndjson': { schema: z.custom<Readable>((v) => v instanceof Readable).meta({ type: 'string' }) },
  },
};

export async function analyticsExportRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { analyticsExports } = app.services;
  const { db } = app.database;
  const tags = ['admin'];

  app.post('/admin/analytics/export', {
    onRequest: app.authorize('admin.analytics'),
    schema: {
      tags,
      summary:
        'Starts a BI export (202): the datasets (orders, lines, payments = ledger rows, shifts, promotions) as CSV or NDJSON, of a `period` (what was created in it) or `mode=since_last` (what changed since the last completed incremental export; the first one exports everything). A background job writes the files; poll the status',
      body: StartAnalyticsExportInputSchema,
      response: replies({ 202: AnalyticsExportSchema }),
    },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => analyticsExports.start(tx, req.actor, req.body), { status: 202 }),
  });

  app.get('/admin/analytics/exports', {
    onRequest: app.authorize('admin.analytics'),
    schema: { tags, summary: "The venue's most recent BI exports, newest first", response: replies({ 200: AnalyticsExportListSchema }) },
    handler: (req) => analyticsExports.list(db, req.actor),
  });

  app.get('/admin/analytics/export/:id', {
    onRequest: app.authorize('admin.analytics'),
    schema: { tags, summary: "A BI export's status, progress, change window (`cursor`) and files", params: IdParamsSchema, response: replies({ 200: AnalyticsExportSchema }) },
    handler: (req) => analyticsExports.status(db, req.actor, req.params.id),
  });

  app.get('/admin/analytics/export/:id/files/:dataset', {
    onRequest: app.authorize('admin.analytics'),
    schema: {
      tags,
      summary: "Downloads a finished export's file of one dataset, streamed from disk (409 while the export is not done)",
      params: AnalyticsExportFileParamsSchema,
      response: { ...replies({}), 200: FileBody },
    },
    handler: async (req, reply) => {
      const file = await analyticsExports.download(db, req.actor, req.params.id, req.params.dataset);
      return reply
        .header('Content-Type', file.contentType)
        .header('Content-Length', file.bytes)
        .header('Content-Disposition', `attachment; filename="${file.filename}"`)
        .header('Cache-Control', 'no-store')
        .send(fs.createReadStream(file.path));
    },
  });
}
