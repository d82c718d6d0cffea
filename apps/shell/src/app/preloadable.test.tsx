import { act, render, screen } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { preloadable } from './preloadable';

const Greeting = ({ name }: { name: string }) => <p>Hello, {name}</p>;

describe('preloadable', () => {
  it('renders at once, without a fallback, when the code was fetched ahead', async () => {
    const Screen = preloadable(async () => Greeting);
    await Screen.preload();
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Screen name="Anna" />
      </Suspense>,
    );
    // The first commit already holds the screen: no Suspense fallback to wait out.
    expect(screen.getByText('Hello, Anna')).toBeTruthy();
    expect(screen.queryByText('Loading')).toBeNull();
  });

  it('(what React.lazy does with code fetched ahead: the fallback first)', async () => {
    const fetched = Promise.resolve({ default: Greeting });
    await fetched;
    const Screen = lazy(() => fetched);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Screen name="Anna" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    expect(await screen.findByText('Hello, Anna')).toBeTruthy();
  });

  it('suspends until the code is here when nothing fetched it ahead, and fetches it once', async () => {
    let resolve!: (c: typeof Greeting) => void;
    const load = jest.fn(() => new Promise<typeof Greeting>((r) => (resolve = r)));
    const Screen = preloadable(load);
    render(
      <Suspense fallback={<p>Loading</p>}>
        <Screen name="Boris" />
      </Suspense>,
    );
    expect(screen.getByText('Loading')).toBeTruthy();
    void Screen.preload();
    await act(async () => resolve(Greeting));
    expect(await screen.findByText('Hello, Boris')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('fetches again after a failed fetch', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(Greeting);
    const Screen = preloadable(load);
    await expect(Screen.preload()).rejects.toThrow('offline');
    await expect(Screen.preload()).resolves.toBe(Greeting);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
