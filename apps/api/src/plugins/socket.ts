import { createAdapter } from '@socket.io/redis-adapter';
import { EVENT_NAMESPACE, SOCKET_NAMESPACES, SOCKET_PATH } from '@pos/contracts';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Actor, OutboundEvent } from '../shared/command';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    events: {
      publish(events: readonly OutboundEvent[]): void;
      /** Drops the sockets of a signed-out session (a token is checked only at the handshake). */
      endSession(sessionId: string): void;
      /** Drops every socket of a staff member (deactivated, new role or PIN): their sessions ended. */
      endStaff(staffId: string): void;
      /** Drops every socket opened from a device (revoked). */
      endDevice(deviceId: string): void;
    };
  }
}

/** The server-side event (between API instances, never to clients) that drops a venue's cached copy. */
const CACHE_INVALIDATE = 'venue-cache.invalidate';

export const venueRoom = (venueId: string) => `venue:${venueId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const hallRoom = (venueId: string, hallId: string) => `hall:${venueId}:${hallId}`;
export const staffRoom = (staffId: string) => `staff:${staffId}`;
export const deviceRoom = (deviceId: string) => `device:${deviceId}`;

/**
 * Socket.IO on the API's own port at /ws. Every connection proves a staff token at the handshake
 * and joins its venue's room; screens that follow one hall join that hall's room too. With
 * REDIS_URL set, instances share rooms through the Redis adapter.
 */
export const socketPlugin = fp(async (app: FastifyInstance) => {
  const io = new Server(app.server, { path: SOCKET_PATH, serveClient: false, cors: { origin: true } });
  let redis: { pub: Redis; sub: Redis } | undefined;
  if (app.config.redisUrl) {
    const pub = new Redis(app.config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
    const sub = pub.duplicate();
    // ioredis reconnects by itself; without a listener every failed attempt is an "Unhandled error event".
    for (const [role, client] of [['pub', pub], ['sub', sub]] as const) {
      client.on('error', (err: Error) => app.log.warn({ err, role }, 'socket.io redis adapter connection error'));
    }
    redis = { pub, sub };
    io.adapter(createAdapter(pub, sub));
    // Venue caches (shared/venue-cache.ts): a change on one instance drops the copies on all the
    // others; after a break in the link, what they said meanwhile may be lost, so everything goes.
    const { caches } = app.services;
    caches.connect((name, venueId) => {
      // Called after a commit: a failure to tell the others must not fail the command (their copies expire anyway).
      try {
        io.serverSideEmit(CACHE_INVALIDATE, name, venueId);
      } catch (err) {
        app.log.warn({ err, cache: name, venueId }, 'venue cache invalidation not sent to the other instances');
      }
    });
    io.on(CACHE_INVALIDATE, (name: unknown, venueId: unknown) => caches.received(name, venueId));
    sub.on('ready', () => caches.clearAll());
  }

  for (const name of Object.values(SOCKET_NAMESPACES)) {
    const nsp = io.of(name);
    nsp.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      if (typeof token !== 'string') return next(new Error('unauthorized'));
      app.services.auth
        .authenticate(token)
        .then((actor) => {
          socket.data.actor = actor;
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
    nsp.on('connection', (socket) => {
      const actor = socket.data.actor as Actor;
      void socket.join([venueRoom(actor.venueId), sessionRoom(actor.sessionId), staffRoom(actor.staffId), ...(actor.deviceId ? [deviceRoom(actor.deviceId)] : [])]);
      socket.on('hall.join', (hallId: unknown) => {
        if (typeof hallId === 'string' && hallId.length <= 64) void socket.join(hallRoom(actor.venueId, hallId));
      });
      socket.on('hall.leave', (hallId: unknown) => {
        if (typeof hallId === 'string') void socket.leave(hallRoom(actor.venueId, hallId));
      });
    });
  }

  app.decorate('io', io);
  app.decorate('events', {
    publish(events: readonly OutboundEvent[]) {
      for (const e of events) {
        const nsp = io.of(SOCKET_NAMESPACES[EVENT_NAMESPACE[e.name]]);
        nsp.to(venueRoom(e.venueId)).emit(e.name, e.payload);
      }
    },
    endSession(sessionId: string) {
      for (const name of Object.values(SOCKET_NAMESPACES)) io.of(name).in(sessionRoom(sessionId)).disconnectSockets(true);
    },
    endStaff(staffId: string) {
      for (const name of Object.values(SOCKET_NAMESPACES)) io.of(name).in(staffRoom(staffId)).disconnectSockets(true);
    },
    endDevice(deviceId: string) {
      for (const name of Object.values(SOCKET_NAMESPACES)) io.of(name).in(deviceRoom(deviceId)).disconnectSockets(true);
    },
  });

  // Open sockets would keep the HTTP server from closing: drop them first.
  app.addHook('preClose', async () => {
    for (const name of Object.values(SOCKET_NAMESPACES)) io.of(name).disconnectSockets(true);
    io.engine.close();
  });
  app.addHook('onClose', async () => {
    if (redis) {
      await Promise.allSettled([redis.pub.quit(), redis.sub.quit()]);
    }
  });
});
