import { QueryClient } from '@tanstack/react-query';
import { whenScreenSettled } from './when-screen-settled';

describe('whenScreenSettled (the remotes wait for the screen)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('waits while the screen is fetching and starts once it settled', async () => {
    const client = new QueryClient();
    const tables = deferred<string[]>();
    void client.fetchQuery({ queryKey: ['tables'], queryFn: () => tables.promise });
    const work = jest.fn();
    whenScreenSettled(client, 1_500, work);
    await jest.advanceTimersByTimeAsync(500);
    expect(work).not.toHaveBeenCalled();
    tables.resolve(['T1']);
    await jest.advanceTimersByTimeAsync(50);
    expect(work).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(2_000);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts at the deadline at the latest, even while something is still fetching', async () => {
    const client = new QueryClient();
    void client.fetchQuery({ queryKey: ['menu'], queryFn: () => deferred<string>().promise });
    const work = jest.fn();
    whenScreenSettled(client, 1_500, work);
    await jest.advanceTimersByTimeAsync(1_499);
    expect(work).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('starts right away on a screen with nothing to fetch, and never after a cancel', async () => {
    const quiet = new QueryClient();
    const work = jest.fn();
    whenScreenSettled(quiet, 1_500, work);
    await jest.advanceTimersByTimeAsync(10);
    expect(work).toHaveBeenCalledTimes(1);

    const cancelled = jest.fn();
    const cancel = whenScreenSettled(new QueryClient(), 1_500, cancelled);
    cancel();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
