import { IdParamsSchema, ShiftReportQuerySchema, ShiftZReportSchema, ZChainCheckSchema, ZReportListQuerySchema, ZReportListSchema } from '@pos/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { replies } from '../../shared/http';

/** The report body in OpenAPI: an HTML page or a PDF file (binary), never JSON. */
const ReportBody = {
  description: 'The report: an HTML page, or a PDF (`Content-Disposition: inline; filename="z-0001.pdf"`)',
  content: {
    'text/html': { schema: z.string() },
    // The handler sends a Buffer; in the document it is a binary string, as generators expect.
    'application/pdf': { schema: z.custom<Buffer>((v) => Buffer.isBuffer(v)).meta({ type: 'string', format: 'binary' }) },
  },
};

/** `?format=` wins; else the Accept header asking for a PDF and not for HTML; else HTML. */
const formatOf = (req: FastifyRequest, format?: 'html' | 'pdf') => {
  if (format) return format;
  const accept = req.headers.accept ?? '';
  return accept.includes('application/pdf') && !accept.includes('text/html') ? 'pdf' : 'html';
};

export async function shiftReportsRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { shiftReports } = app.services;
  const { db } = app.database;
  const tags = ['shifts'];

  app.get('/pos/shifts/z-reports', {
    onRequest: app.authorize('shifts.view'),
    schema: {
      tags,
      summary: "The venue's Z-report archive, newest first (`nextCursor` pages on); a cashier without shifts.reports.all sees their own shifts' Z-reports",
      querystring: ZReportListQuerySchema,
      response: replies({ 200: ZReportListSchema }),
    },
    handler: (req) => shiftReports.archive(db, req.actor, req.query),
  });

  app.get('/pos/shifts/z-reports/verify', {
    onRequest: app.authorize('shifts.reports.all'),
    schema: { tags, summary: "Recomputes the venue's Z-report hash chain: `brokenAt` is the first Z whose number, link or hash does not hold", response: replies({ 200: ZChainCheckSchema }) },
    handler: (req) => shiftReports.verify(db, req.actor.venueId),
  });

  app.get('/pos/shifts/:id/z-report', {
    onRequest: app.authorize('shifts.view'),
    schema: { tags, summary: "The Z-report issued when the shift closed (null while it is open)", params: IdParamsSchema, response: replies({ 200: ShiftZReportSchema }) },
    handler: (req) => shiftReports.zOfShift(db, req.actor, req.params.id),
  });

  app.get('/pos/shifts/:id/report', {
    onRequest: app.authorize('shifts.view'),
    schema: {
      tags,
      summary:
        'The shift report as HTML or PDF (`format`, else the Accept header; `lang` ru|en): an interim X-report while the shift is open, its numbered Z-report once closed, rendered from the figures frozen at the close; every print of a Z after the first is marked as a copy. A cashier reads their own shifts; others need shifts.reports.all',
      params: IdParamsSchema,
      querystring: ShiftReportQuerySchema,
      response: { ...replies({}), 200: ReportBody },
    },
    handler: async (req, reply) => {
      const report = await shiftReports.report(db, req.actor, req.params.id, formatOf(req, req.query.format), req.query.lang ?? 'ru');
      return reply
        .header('Content-Type', report.contentType)
        .header('Content-Disposition', `inline; filename="${report.filename}"`)
        .header('Cache-Control', 'no-store')
        .send(report.body);
    },
  });
}
