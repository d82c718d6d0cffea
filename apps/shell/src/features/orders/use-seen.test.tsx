import { act, render, screen } from '@testing-library/react';
import { useRef } from 'react';
import { useSeen } from './use-seen';

function Probe() {
  const ref = useRef<HTMLDivElement>(null);
  const isSeen = useSeen(ref);
  return <div ref={ref} data-testid="probe" data-seen={String(isSeen)} />;
}

describe('useSeen', () => {
  const original = (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
  afterEach(() => {
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = original;
  });

  it('waits until the element comes near the viewport, then stays seen', () => {
    let report: ((entries: { isIntersecting: boolean }[]) => void) | undefined;
    const observe = jest.fn();
    const disconnect = jest.fn();
    (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = class {
      constructor(callback: (entries: { isIntersecting: boolean }[]) => void) {
        report = callback;
      }
      observe = observe;
      disconnect = disconnect;
    };
    render(<Probe />);
    expect(observe).toHaveBeenCalledWith(screen.getByTestId('probe'));
    expect(screen.getByTestId('probe')).toHaveAttribute('data-seen', 'false');
    act(() => report!([{ isIntersecting: false }]));
    expect(screen.getByTestId('probe')).toHaveAttribute('data-seen', 'false');
    act(() => report!([{ isIntersecting: true }]));
    expect(screen.getByTestId('probe')).toHaveAttribute('data-seen', 'true');
    expect(disconnect).toHaveBeenCalled();
  });

  it('counts everything as seen without IntersectionObserver', () => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    render(<Probe />);
    expect(screen.getByTestId('probe')).toHaveAttribute('data-seen', 'true');
  });
});
