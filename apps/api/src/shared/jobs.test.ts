import { createJobs, type Jobs } from './jobs';

const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

/**
 * The periodic job facility: on Redis (BullMQ job scheduler) a tick runs once per period however
 * many workers listen; without Redis a timer runs it in-process. Real Redis, a queue prefix per run.
 */
describe('jobs', () => {
  const open: Jobs[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((j) => j.close()));
  });

  it('BullMQ: two instances declaring the same job run each period once between them', async () => {
    const prefix = `test-jobs-${process.pid}-${Date.now()}`;
    const runs: { instance: number; at: number }[] = [];
    const period = 400;
    for (const instance of [1, 2]) {
      const jobs = createJobs({ redisUrl: REDIS_URL, prefix });
      open.push(jobs);
      await jobs.every('tick', period, async () => {
        runs.push({ instance, at: Date.now() });
      });
    }
    const started = Date.now();
    await new Promise((r) => setTimeout(r, 3000));
    const elapsed = Date.now() - started;
    // One run per period: never two within much less than a period of each other, and about
    // elapsed / period of them (a doubled tick would give twice as many).
    const gaps = runs.slice(1).map((r, i) => r.at - runs[i].at);
    expect(runs.length).toBeGreaterThanOrEqual(Math.floor(elapsed / period) - 2);
    expect(runs.length).toBeLessThanOrEqual(Math.ceil(elapsed / period) + 1);
    expect(Math.min(...gaps)).toBeGreaterThan(period / 2);
  });

  it('without Redis: a timer runs the job in-process and close() stops it', async () => {
    jest.useFakeTimers();
    try {
      const jobs = createJobs();
      open.push(jobs);
      let runs = 0;
      await jobs.every('tick', 30_000, async () => {
        runs++;
      });
      await jest.advanceTimersByTimeAsync(90_000);
      expect(runs).toBe(3);
      await jobs.close();
      await jest.advanceTimersByTimeAsync(90_000);
      expect(runs).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });

  it('a run that outlasts its period is not stacked on', async () => {
    jest.useFakeTimers();
    try {
      const jobs = createJobs();
      let running = 0;
      let most = 0;
      await jobs.every('slow', 1000, async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 3500));
        running--;
      });
      await jest.advanceTimersByTimeAsync(10_000);
      expect(most).toBe(1);
      // close() waits for the run in flight.
      const closing = jobs.close();
      await jest.advanceTimersByTimeAsync(5000);
      await closing;
      expect(running).toBe(0);
    } finally {
      jest.useRealTimers();
    }
  });
});
