import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createServices, type Services } from './composition';
import type { ApiConfig } from './config';
import type { DatabaseHandle } from './db/database';
import { adminRoutes } from './modules/admin/routes';
import { approvalsRoutes } from './modules/approvals/routes';
import { authRoutes } from './modules/auth/routes';
import { financeRoutes } from './modules/finance/routes';
import { financeDashboardRoutes } from './modules/finance-dashboard/routes';
import { kitchenRoutes } from './modules/kitchen/routes';
import { menuRoutes } from './modules/menu/routes';
import { ordersRoutes } from './modules/orders/routes';
import { reservationsRoutes } from './modules/reservations/routes';
import { shiftsRoutes } from './modules/shifts/routes';
import { customersRoutes } from './modules/customers/routes';
import { loyaltyRoutes } from './modules/loyalty/routes';
import { shiftReportsRoutes } from './modules/shift-reports/routes';
import { shiftAlertsRoutes } from './modules/shift-alerts/routes';
import { syncRoutes } from './modules/sync/routes';
import { upsellRoutes } from './modules/upsell/routes';
import { venuesRoutes } from './modules/venues/routes';
import { authPlugin } from './plugins/auth';
import { commandsPlugin } from './plugins/commands';
import { compressionPlugin } from './plugins/compression';
import { problemPlugin, problemServerOptions } from './plugins/problem';
import { securityPlugin } from './plugins/security';
import { socketPlugin } from './plugins/socket';
import { staticPlugin } from './plugins/static';
import { swaggerPlugin } from './plugins/swagger';
import { createJobs, type Jobs } from './shared/jobs';
import { integrationsInboundRoutes, integrationsRoutes } from './modules/integrations/routes';
import { promotionsRoutes } from './modules/promotions/routes';
import { notificationsRoutes } from './modules/notifications/routes';
import { analyticsExportRoutes } from './modules/analytics-export/routes';

/** How often waiting BI exports are looked for (an export runs in the background; the job only starts it). */
const EXPORTS_TICK_MS = 5_000;

/** How often open orders are checked against promotion windows and flags (a window opens within this of its minute). */
const PROMOTIONS_TICK_MS = 5_000;
/** How often due outbox messages (retries among them) are looked for; a commit that wrote some drains at once. */
const OUTBOX_DISPATCH_MS = 2_000;

declare module 'fastify' {
  interface FastifyInstance {
    config: ApiConfig;
    database: DatabaseHandle;
    services: Services;
    /** Periodic background work, once across instances (null unless the app was built with `startJobs`). */
    jobs: Jobs | null;
  }
}

export interface BuildAppOptions {
  config: ApiConfig;
  /** An already migrated database; the app closes it when it closes. */
  database: DatabaseHandle;
  logger?: boolean | object;
  /**
   * Start the periodic jobs (the closeout tick): the server does; tests only when they ask, so
   * no timer or Redis connection outlives them.
   */
  startJobs?: boolean;
}

/** The plugin tree, without listening: tests build it and use `inject` or listen on port 0. */
export async function buildApp({ config, database, logger = false, startJobs = false }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    // Tablets send small JSON; a menu import may be larger.
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: config.trustProxy,
    ...problemServerOptions(config),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('services', await createServices(database.db, config));
  app.addHook('onClose', async () => database.close());

  await app.register(problemPlugin);
  // Every answer below passes through its onSend hook (the static plugin's precompressed files are left as they are).
  await app.register(compressionPlugin);
  await app.register(securityPlugin);
  await app.register(swaggerPlugin);
  await app.register(authPlugin);
  await app.register(commandsPlugin);
  await app.register(socketPlugin);

  await app.register(syncRoutes);
  await app.register(authRoutes);
  await app.register(approvalsRoutes);
  await app.register(adminRoutes);
  await app.register(venuesRoutes);
  await app.register(reservationsRoutes);
  await app.register(menuRoutes);
  await app.register(ordersRoutes);
  await app.register(kitchenRoutes);
  await app.register(financeRoutes);
  await app.register(financeDashboardRoutes);
  await app.register(shiftsRoutes);
  await app.register(customersRoutes);
  await app.register(loyaltyRoutes);
  await app.register(shiftReportsRoutes);
  await app.register(shiftAlertsRoutes);
  await app.register(upsellRoutes);
  await app.register(promotionsRoutes);
  await app.register(integrationsRoutes);
  await app.register(integrationsInboundRoutes);
  await app.register(notificationsRoutes);
  await app.register(analyticsExportRoutes);
  await app.register(staticPlugin);

  app.decorate('jobs', startJobs ? createJobs({ redisUrl: config.redisUrl, prefix: config.jobsPrefix, onError: (err, job) => app.log.error({ err, job }, 'background job failed') }) : null);
  if (app.jobs) {
    const { db } = database;
    await app.jobs.every('shift-alerts.tick', 30_000, async () => {
      await app.services.shiftAlerts.tick(db, (events) => app.events.publish(events));
    });
    // Promotions: a window opening or closing, a rule or a flag changed → open orders priced again.
    await app.jobs.every('promotions.tick', PROMOTIONS_TICK_MS, async () => {
      await app.services.orders.pricing.tick(db, (events) => app.events.publish(events));
    });
    // The outbox: due messages (webhooks, guest notifications) every 2 s on one instance at a time
    // (BullMQ with REDIS_URL, a timer otherwise), and at once in this process after a commit wrote some.
    // A message is taken with a conditional UPDATE, so the two never send it twice.
    const drain = () => app.services.outbox.drain(db);
    await app.jobs.every('outbox.dispatch', OUTBOX_DISPATCH_MS, async () => {
      await drain();
    });
    let nudged: Promise<void> | null = null;
    let again = false;
    app.services.outbox.onWritten(() => {
      if (nudged) {
        again = true;
        return;
      }
      nudged = (async () => {
        do {
          again = false;
          await drain().catch((err) => app.log.error({ err }, 'outbox drain failed'));
        } while (again);
      })().finally(() => (nudged = null));
    });
    app.addHook('preClose', async () => {
      await nudged;
    });
    // Incoming webhook ids past their retention (48 h) are forgotten once an hour.
    await app.jobs.every('integrations.forget-webhook-ids', 3_600_000, async () => {
      await app.services.integrations.forgetOldWebhookIds(db);
    });
    // BI export: a queued export is claimed (once across instances) and written in the background.
    await app.jobs.every('exports.run', EXPORTS_TICK_MS, async () => {
      app.services.analyticsExports.kick(db, (err) => app.log.error({ err, job: 'exports.run' }, 'BI export failed'));
    });
    // Before the database closes: a tick in flight finishes first; an export being written goes back to the queue.
    app.addHook('preClose', async () => {
      await app.jobs?.close();
      await app.services.analyticsExports.stop();
    });
  }
  return app;
}
