import {
  CreateEnrollmentCodeInputSchema,
  DeviceSchema,
  EnrolledDeviceSchema,
  EnrollDeviceInputSchema,
  EnrollmentCodeResultSchema,
  IdParamsSchema,
  LoginInputSchema,
  LoginResultSchema,
  OfflineStaffSchema,
  OkSchema,
  SessionInfoSchema,
  SignInChallengeInputSchema,
  SignInChallengeSchema,
} from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outcome } from '../../shared/command';
import { CHALLENGE_RATE_LIMIT, ENROLL_RATE_LIMIT, SIGN_IN_RATE_LIMIT } from '../../plugins/security';
import { replies } from '../../shared/http';

export async function authRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { auth, admin } = app.services;
  const { devices } = auth;
  const { db } = app.database;

  app.post('/pos/devices/enroll', {
    config: { rateLimit: ENROLL_RATE_LIMIT },
    schema: {
      tags: ['auth'],
      summary: 'Enroll this tablet with a one-time code from Admin → Devices; answers its device key once',
      security: [],
      body: EnrollDeviceInputSchema,
      response: replies({ 201: EnrolledDeviceSchema }),
    },
    handler: async (req, reply) => {
      reply.code(201).header('Cache-Control', 'no-store');
      return db.transaction().execute((tx) => devices.enroll(tx, req.body));
    },
  });

  app.post('/pos/auth/challenge', {
    config: { rateLimit: CHALLENGE_RATE_LIMIT },
    schema: {
      tags: ['auth'],
      summary: "A one-time challenge for the device's next sign-in (answered alike for unknown devices)",
      security: [],
      body: SignInChallengeInputSchema,
      response: replies({ 200: SignInChallengeSchema }),
    },
    handler: (req) => devices.challenge(db, req.body.venue, req.body.deviceId),
  });

  app.post('/pos/auth/login', {
    config: { rateLimit: SIGN_IN_RATE_LIMIT },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with venue + PIN from an enrolled tablet (its proof of the challenge)',
      security: [],
      body: LoginInputSchema,
      response: replies({ 200: LoginResultSchema }),
    },
    handler: (req) => auth.login(req.body),
  });

  app.get('/pos/auth/me', {
    onRequest: app.authorize(),
    schema: { tags: ['auth'], summary: 'Who is signed in, with permissions', response: replies({ 200: SessionInfoSchema }) },
    handler: (req) => auth.sessionInfo(db, req.actor),
  });

  app.get('/pos/auth/offline-staff', {
    onRequest: app.authorize(),
    schema: {
      tags: ['auth'],
      summary: 'Staff this tablet may switch to without the network: waiters, cashiers, supervisors, with PIN verifiers bound to the device',
      response: replies({ 200: OfflineStaffSchema }),
    },
    handler: async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return auth.offlineStaff(db, req.actor);
    },
  });

  app.post('/pos/auth/logout', {
    onRequest: app.authorize(),
    schema: { tags: ['auth'], summary: 'End this sign-in session', response: replies({ 200: OkSchema }) },
    handler: async (req) => {
      await auth.logout(req.actor);
      app.events.endSession(req.actor.sessionId);
      return { ok: true as const };
    },
  });

  // --- enrolled devices, managed from Admin ---
  const tags = ['admin'];

  app.get('/admin/devices', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags, summary: "The venue's enrolled tablets", response: replies({ 200: z.object({ devices: z.array(DeviceSchema) }) }) },
    handler: async (req) => ({ devices: await devices.list(db, req.actor.venueId) }),
  });

  app.post('/admin/devices/enrollment-codes', {
    onRequest: app.authorize('admin.devices'),
    schema: {
      tags,
      summary: 'A one-time code to enroll a tablet (shown once; kept only as a hash)',
      body: CreateEnrollmentCodeInputSchema,
      response: replies({ 201: EnrollmentCodeResultSchema }),
    },
    // Not a stored command: its answer would keep the code readable under the idempotency key.
    // A retried request just gets another code; the unused one expires.
    handler: async (req, reply) => {
      reply.code(201).header('Cache-Control', 'no-store');
      return db.transaction().execute(async (tx) => {
        const venue = await auth.venue(tx, req.actor.venueId);
        const code = await devices.issueCode(tx, venue.id, venue.slug, req.actor.staffName, req.body.ttlMinutes * 60_000);
        await admin.audit(tx, req.actor, 'device.code_issued', 'venue', venue.id, { expiresAt: code.expiresAt });
        return code;
      });
    },
  });

  app.post('/admin/devices/:id/revoke', {
    onRequest: app.authorize('admin.devices'),
    schema: { tags, summary: 'Revoke a tablet: no more sign-ins from it, its sessions and sockets end now', params: IdParamsSchema, response: replies({ 200: DeviceSchema }) },
    handler: async (req, reply) => {
      const device = await app.runCommand(req, reply, async (tx) => {
        const revoked = await devices.revoke(tx, req.actor.venueId, req.params.id);
        await admin.audit(tx, req.actor, 'device.revoked', 'device', revoked.id, { name: revoked.name });
        return outcome(revoked);
      });
      app.events.endDevice(device.id);
      return device;
    },
  });
}
