import {
  AdminStaffSchema,
  AuditEntrySchema,
  AuditQuerySchema,
  CreateStaffInputSchema,
  FeatureFlagsSchema,
  IdParamsSchema,
  PaymentSettingsSchema,
  PutFeatureFlagsInputSchema,
  PutRemoteInputSchema,
  PutRolesInputSchema,
  RemoteParamsSchema,
  RemoteSchema,
  RolesSchema,
  UpdatePaymentSettingsInputSchema,
  UpdateStaffInputSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outcome } from '../../shared/command';
import { replies } from '../../shared/http';
import { computeRemoteIntegrity, refreshLocalIntegrity } from './remote-integrity';

export async function adminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { admin, auth } = app.services;
  const { db } = app.database;
  const tags = ['admin'];

  app.get('/admin/feature-flags', {
    onRequest: app.authorize('admin.flags'),
    schema: { tags, summary: "The venue's feature flags", response: replies({ 200: FeatureFlagsSchema }) },
    handler: async (req) => ({ flags: await admin.flags(db, req.actor.venueId) }),
  });

  app.put('/admin/feature-flags', {
    onRequest: app.authorize('admin.flags'),
    schema: { tags, summary: 'Switch features on or off for the venue (live on every screen)', body: PutFeatureFlagsInputSchema, response: replies({ 200: FeatureFlagsSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => admin.saveFlags(tx, req.actor, req.body.flags)),
  });

  app.get('/admin/roles', {
    onRequest: app.authorize('admin.roles'),
    schema: { tags, summary: 'Roles and their permissions in this venue', response: replies({ 200: RolesSchema }) },
    handler: async (req) => ({ roles: await auth.listRoles(db, req.actor.venueId) }),
  });

  app.put('/admin/roles', {
    onRequest: app.authorize('admin.roles'),
    schema: { tags, summary: 'Replace the permissions of the given roles', body: PutRolesInputSchema, response: replies({ 200: RolesSchema }) },
    handler: (req, reply) =>
      app.runCommand(req, reply, async (tx) => {
        const roles = await auth.saveRoles(tx, req.actor.venueId, req.body.roles);
        await admin.audit(tx, req.actor, 'roles.changed', 'venue', req.actor.venueId, req.body.roles);
        return outcome({ roles });
      }),
  });

  app.get('/admin/remotes', {
    onRequest: app.authorize('admin.remotes'),
    schema: { tags, summary: 'The remote registry of this venue', response: replies({ 200: z.object({ remotes: z.array(RemoteSchema) }) }) },
    handler: async (req) => ({ remotes: await admin.remotes(db, req.actor.venueId) }),
  });

  app.get('/admin/remotes/:name', {
    onRequest: app.authorize('admin.remotes'),
    schema: { tags, summary: 'One registry entry', params: RemoteParamsSchema, response: replies({ 200: RemoteSchema }) },
    handler: (req) => admin.remote(db, req.actor.venueId, req.params.name),
  });

  app.put('/admin/remotes/:name', {
    onRequest: app.authorize('admin.remotes'),
    schema: {
      tags,
      summary: 'Point a remote at a published build (manifest URL + version); the server stores the sha384 of the entry script it names',
      params: RemoteParamsSchema,
      body: PutRemoteInputSchema,
      response: replies({ 200: RemoteSchema }),
    },
    handler: async (req, reply) => {
      // Files are read (or fetched from an allowed origin) before the transaction, never inside it.
      await admin.remoteFeature(db, req.actor.venueId, req.params.name, req.body);
      const integrity = await computeRemoteIntegrity(req.params.name, req.body.manifestUrl, app.config);
      return app.runCommand(req, reply, (tx) => admin.saveRemote(tx, req.actor, req.params.name, req.body, integrity));
    },
  });

  // Builds in the web root may have been rebuilt (or removed) since the last start: hash them again.
  app.addHook('onReady', async () => {
    const changed = await refreshLocalIntegrity(db, app.config, app.log);
    if (changed > 0) app.log.info({ changed }, 'remote integrity hashes refreshed from the web root');
  });

  app.get('/admin/payments/settings', {
    onRequest: app.authorize('admin.payments'),
    schema: { tags, summary: "The venue's payment rules: tip tolerance, hold expiry, day-close policy", response: replies({ 200: PaymentSettingsSchema }) },
    handler: (req) => admin.paymentSettings(db, req.actor.venueId),
  });

  app.put('/admin/payments/settings', {
    onRequest: app.authorize('admin.payments'),
    schema: { tags, summary: 'Change payment rules; fields left out keep their value', body: UpdatePaymentSettingsInputSchema, response: replies({ 200: PaymentSettingsSchema }) },
    handler: (req, reply) => app.runCommand(req, reply, (tx) => admin.savePaymentSettings(tx, req.actor, req.body)),
  });

  app.get('/admin/audit', {
    onRequest: app.authorize('admin.staff'),
    schema: {
      tags,
      summary: 'The audit log, newest first: who did what, and who approved it inline',
      querystring: AuditQuerySchema,
      response: replies({ 200: z.object({ entries: z.array(AuditEntrySchema) }) }),
    },
    handler: async (req) => ({ entries: await admin.auditLog(db, req.actor.venueId, req.query) }),
  });

  app.get('/admin/staff', {
    onRequest: app.authorize('admin.staff'),
    schema: { tags, summary: 'Staff of the venue', response: replies({ 200: z.object({ staff: z.array(AdminStaffSchema) }) }) },
    handler: async (req) => ({ staff: await auth.listStaff(db, req.actor.venueId) }),
  });

  app.post('/admin/staff', {
    onRequest: app.authorize('admin.staff'),
    schema: { tags, summary: 'Add a staff member with a PIN', body: CreateStaffInputSchema, response: replies({ 201: AdminStaffSchema }) },
    handler: (req, reply) =>
      app.runCommand(req, reply, async (tx) => {
        const staff = await auth.createStaff(tx, req.actor.venueId, req.body);
        await admin.audit(tx, req.actor, 'staff.created', 'staff', staff.id, { name: staff.name, role: staff.role });
        return outcome(staff);
      }, { status: 201 }),
  });

  app.patch('/admin/staff/:id', {
    onRequest: app.authorize('admin.staff'),
    schema: { tags, summary: 'Rename, change role or PIN, deactivate', params: IdParamsSchema, body: UpdateStaffInputSchema, response: replies({ 200: AdminStaffSchema }) },
    handler: async (req, reply) => {
      let endsSessions = false;
      const staff = await app.runCommand(req, reply, async (tx) => {
        const updated = await auth.updateStaff(tx, req.actor.venueId, req.params.id, req.body);
        endsSessions = updated.endsSessions;
        const { pin, ...changes } = req.body;
        await admin.audit(tx, req.actor, 'staff.updated', 'staff', updated.staff.id, { ...changes, pinChanged: pin !== undefined });
        return outcome(updated.staff);
      });
      // Their sessions ended with the commit; their open sockets go now, not at the next reconnect.
      if (endsSessions) app.events.endStaff(staff.id);
      return staff;
    },
  });
}
