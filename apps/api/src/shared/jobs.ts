import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

/** A periodic job's work; it reads the time from `clock` (tests run it directly at a chosen now). */
export type JobHandler = () => Promise<void>;

/**
 * Periodic background work that runs once per period however many API instances are up.
 * With Redis (REDIS_URL), a BullMQ job scheduler produces one job per period and one of the
 * instances' workers takes it; without it (one process, SQLite) a timer runs it in-process.
 * Handlers must tolerate a late or missed run (a restart): they look at the state, not the count.
 */
export interface Jobs {
  /** Runs `handler` every `ms` from now on; a name is registered once. */
  every(name: string, ms: number, handler: JobHandler): Promise<void>;
  /** Stops producing and waits for a running handler to finish. */
  close(): Promise<void>;
}

export interface JobsOptions {
  redisUrl?: string;
  /** Redis key prefix (tests use one per run so their schedulers never meet). */
  prefix?: string;
  queueName?: string;
  onError?: (error: unknown, name: string) => void;
}

/** The job facility for this process: BullMQ on Redis when there is one, a timer otherwise. */
export function createJobs(options: JobsOptions = {}): Jobs {
  return options.redisUrl ? redisJobs(options.redisUrl, options) : timerJobs(options);
}

function timerJobs({ onError }: JobsOptions): Jobs {
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  return {
    async every(name, ms, handler) {
      if (timers.has(name)) throw new Error(`Job ${name} is already registered`);
      let busy = false;
      timers.set(
        name,
        setInterval(() => {
          // A run that outlasts its period is not stacked on: the next tick skips.
          if (busy) return;
          busy = true;
          const run = handler()
            .catch((error) => onError?.(error, name))
            .finally(() => {
              busy = false;
              running.delete(run);
            });
          running.add(run);
        }, ms),
      );
    },
    async close() {
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
      await Promise.allSettled([...running]);
    },
  };
}

function redisJobs(redisUrl: string, { prefix = 'pos', queueName = 'pos-jobs', onError }: JobsOptions): Jobs {
  // BullMQ's worker blocks on Redis and must retry forever rather than fail a command.
  // Our own connections (BullMQ leaves a connection it was given open): the queue's and the worker's.
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const workerConnection = connection.duplicate();
  for (const c of [connection, workerConnection]) c.on('error', (error) => onError?.(error, 'redis'));
  const queue = new Queue(queueName, { connection, prefix });
  const handlers = new Map<string, JobHandler>();
  let worker: Worker | undefined;
  return {
    async every(name, ms, handler) {
      if (handlers.has(name)) throw new Error(`Job ${name} is already registered`);
      handlers.set(name, handler);
      worker ??= new Worker(
        queueName,
        async (job) => {
          const run = handlers.get(job.name);
          // Another instance may schedule jobs this one does not know (a newer version): leave them.
          if (run) await run();
        },
        { connection: workerConnection, prefix, concurrency: 1 },
      );
      worker.on('failed', (_job, error) => onError?.(error, name));
      worker.on('error', (error) => onError?.(error, name));
      // Upsert: every instance declares the same scheduler; Redis keeps one.
      await queue.upsertJobScheduler(name, { every: ms }, { name, opts: { removeOnComplete: 100, removeOnFail: 100 } });
    },
    async close() {
      await worker?.close();
      await queue.close();
      await Promise.all([connection, workerConnection].map((c) => c.quit().catch(() => undefined)));
    },
  };
}
