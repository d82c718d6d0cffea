import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { type TileGridLayout, tileWindow, VirtualTileGrid } from './virtual-tile-grid';

const LAYOUT: TileGridLayout = { minTileWidth: 138, tileHeight: 104, gap: 10, overscanRows: 3 };
const ROW = 114;

describe('tileWindow', () => {
  it('fits as many columns as the width allows: landscape 1280, 1024 and portrait 800 panes', () => {
    expect(tileWindow(100, LAYOUT, { width: 760, viewTop: 0, viewHeight: 600 }).columns).toBe(5);
    expect(tileWindow(100, LAYOUT, { width: 560, viewTop: 0, viewHeight: 600 }).columns).toBe(3);
    expect(tileWindow(100, LAYOUT, { width: 600, viewTop: 0, viewHeight: 1000 }).columns).toBe(4);
    expect(tileWindow(100, LAYOUT, { width: 90, viewTop: 0, viewHeight: 600 }).columns).toBe(1);
  });

  it('takes the rows in view and the overscan, within the list', () => {
    expect(tileWindow(10_000, LAYOUT, { width: 600, viewTop: 100 * ROW, viewHeight: 600 })).toEqual({ columns: 4, firstRow: 97, endRow: 109 });
    expect(tileWindow(40, LAYOUT, { width: 600, viewTop: 0, viewHeight: 600 })).toEqual({ columns: 4, firstRow: 0, endRow: 9 });
    expect(tileWindow(0, LAYOUT, { width: 600, viewTop: 0, viewHeight: 600 })).toEqual({ columns: 4, firstRow: 0, endRow: 0 });
  });
});

describe('VirtualTileGrid', () => {
  /** jsdom lays nothing out: the scroller is 600 px tall, the grid 600 px wide and scrolled by `scrolled` px. */
  let scrolled = 0;
  beforeEach(() => {
    scrolled = 0;
    jest.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(600);
    jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      const top = this.getAttribute('data-testid') === 'grid' ? 40 - scrolled : 0;
      return { top, left: 0, right: 600, bottom: top + 600, width: 600, height: 600, x: 0, y: top, toJSON: () => ({}) };
    });
  });
  afterEach(() => jest.restoreAllMocks());

  function Grid({ count }: { count: number }) {
    const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
    const items = Array.from({ length: count }, (_, i) => i);
    return (
      <div ref={setScroller} data-testid="scroller">
        <VirtualTileGrid items={items} keyOf={String} renderTile={(i) => <button data-testid={`tile-${i}`}>{i}</button>} scroller={scroller} layout={LAYOUT} testId="grid" />
      </div>
    );
  }

  it('renders only a window of 10,000 tiles, and keeps the whole height for the scroll bar', () => {
    render(<Grid count={10_000} />);
    const tiles = screen.getAllByRole('button');
    // 600 px show 6 rows; 3 more below; 4 columns.
    expect(tiles).toHaveLength(9 * 4);
    expect(tiles[0]).toHaveAttribute('data-testid', 'tile-0');
    expect(screen.getByTestId('grid').style.height).toBe(`${2500 * ROW - 10}px`);
  });

  it('shows the right tiles after a scroll', () => {
    render(<Grid count={10_000} />);
    scrolled = 40 + 1000 * ROW;
    act(() => {
      fireEvent.scroll(screen.getByTestId('scroller'));
    });
    expect(screen.queryByTestId('tile-0')).toBeNull();
    for (const i of [4000, 4003, 4020]) expect(screen.getByTestId(`tile-${i}`)).toBeInTheDocument();
    const tiles = screen.getAllByRole('button');
    expect(tiles[0]).toHaveAttribute('data-testid', `tile-${997 * 4}`);
    expect(tiles).toHaveLength((1009 - 997) * 4);
  });

  it('a small menu (the demo venue) is rendered whole', () => {
    render(<Grid count={24} />);
    expect(screen.getAllByRole('button')).toHaveLength(24);
  });
});
