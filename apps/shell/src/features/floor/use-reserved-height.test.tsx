import { act, render, screen } from '@testing-library/react';
import { RESERVE_MS, useReservedHeight } from './use-reserved-height';

/** jsdom lays nothing out: the content's height is set by hand, and resizes are reported by hand. */
let contentHeight = 0;
const observers: (() => void)[] = [];
class FakeResizeObserver {
  constructor(private readonly callback: () => void) {}
  observe() {
    observers.push(this.callback);
  }
  disconnect() {
    observers.splice(observers.indexOf(this.callback), 1);
  }
}
const resize = (height: number) => {
  contentHeight = height;
  act(() => observers.forEach((notify) => notify()));
};

function Head({ storageKey }: { storageKey: string }) {
  const head = useReservedHeight<HTMLDivElement>(storageKey);
  return (
    <div data-testid="head" style={{ minHeight: head.minHeight }}>
      <div ref={head.ref} />
    </div>
  );
}

describe('the room held above the floor map for the remotes’ widgets', () => {
  const KEY = 'pos.floor.head:venue:staff:800';
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: () => contentHeight });
    (globalThis as { ResizeObserver?: unknown }).ResizeObserver = FakeResizeObserver;
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { offsetHeight?: number }).offsetHeight;
    delete (globalThis as { ResizeObserver?: unknown }).ResizeObserver;
  });
  beforeEach(() => {
    localStorage.clear();
    observers.length = 0;
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('holds nothing the first time, and remembers how tall the block grew', () => {
    contentHeight = 60;
    render(<Head storageKey="venue:staff:800" />);
    expect(screen.getByTestId('head').style.minHeight).toBe('');
    resize(158);
    expect(localStorage.getItem(KEY)).toBe('158');
  });

  it('holds last time’s height until the widgets are back, then lets the block be', () => {
    localStorage.setItem(KEY, '158');
    contentHeight = 60;
    render(<Head storageKey="venue:staff:800" />);
    expect(screen.getByTestId('head').style.minHeight).toBe('158px');
    resize(100); // one widget of two
    expect(screen.getByTestId('head').style.minHeight).toBe('158px');
    resize(158);
    expect(screen.getByTestId('head').style.minHeight).toBe('');
    // A widget folded later: the block shrinks, and the next sign-in holds the new height.
    resize(120);
    expect(localStorage.getItem(KEY)).toBe('120');
  });

  it('lets go after a while when the widgets do not come back (a remote switched off or failed), and holds less next time', () => {
    localStorage.setItem(KEY, '158');
    contentHeight = 60;
    render(<Head storageKey="venue:staff:800" />);
    act(() => jest.advanceTimersByTime(RESERVE_MS - 1));
    expect(screen.getByTestId('head').style.minHeight).toBe('158px');
    act(() => jest.advanceTimersByTime(1));
    expect(screen.getByTestId('head').style.minHeight).toBe('');
    expect(localStorage.getItem(KEY)).toBe('60');
  });

  it('ignores a stored value that is not a height this screen could have', () => {
    for (const stored of ['abc', '-5', '0', '1e9']) {
      localStorage.setItem(KEY, stored);
      contentHeight = 60;
      const { unmount } = render(<Head storageKey="venue:staff:800" />);
      expect(screen.getByTestId('head').style.minHeight).toBe('');
      unmount();
    }
  });

  it('a turned tablet (another width) holds nothing, and remembers its height under that width', () => {
    localStorage.setItem(KEY, '158');
    localStorage.setItem('pos.floor.head:venue:staff:1280', '90');
    contentHeight = 158;
    const { rerender } = render(<Head storageKey="venue:staff:800" />);
    expect(screen.getByTestId('head').style.minHeight).toBe('');
    contentHeight = 70;
    rerender(<Head storageKey="venue:staff:1280" />);
    expect(screen.getByTestId('head').style.minHeight).toBe('');
    expect(localStorage.getItem('pos.floor.head:venue:staff:1280')).toBe('70');
    expect(localStorage.getItem(KEY)).toBe('158');
  });
});
