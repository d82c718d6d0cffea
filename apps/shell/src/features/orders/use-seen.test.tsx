import { act, render, screen } from '@testing-library/react';
import { useSeen } from './use-seen';

/** The observed element appears only with `isShown`, as a row's actions column does. */
function Probe({ isShown = true }: { isShown?: boolean }) {
  const [ref, isSeen] = useSeen();
  return (
    <div data-testid="frame" data-seen={String(isSeen)}>
      {isShown && <div ref={ref} data-testid="probe" />}
    </div>
  );
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
    const { rerender } = render(<Probe isShown={false} />);
    expect(observe).not.toHaveBeenCalled();
    // The element comes later (a remote loaded after the list): it is observed then.
    rerender(<Probe isShown />);
    expect(observe).toHaveBeenCalledWith(screen.getByTestId('probe'));
    expect(screen.getByTestId('frame')).toHaveAttribute('data-seen', 'false');
    act(() => report!([{ isIntersecting: false }]));
    expect(screen.getByTestId('frame')).toHaveAttribute('data-seen', 'false');
    act(() => report!([{ isIntersecting: true }]));
    expect(screen.getByTestId('frame')).toHaveAttribute('data-seen', 'true');
    expect(disconnect).toHaveBeenCalled();
  });

  it('counts everything as seen without IntersectionObserver', () => {
    delete (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver;
    render(<Probe />);
    expect(screen.getByTestId('frame')).toHaveAttribute('data-seen', 'true');
  });
});
