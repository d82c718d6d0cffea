import { Fragment, type ReactNode, useLayoutEffect, useRef, useState } from 'react';

export interface TileGridLayout {
  /** The narrowest a tile may be (px): columns are as many as fit. */
  minTileWidth: number;
  tileHeight: number;
  gap: number;
  /** Rows rendered beyond each edge of the view, so Tab and a quick flick find tiles already there. */
  overscanRows: number;
}

/** The rows of tiles in view, and how many columns the grid has. */
export interface TileWindow {
  columns: number;
  firstRow: number;
  /** Exclusive. */
  endRow: number;
}

/** Before the first measure (and where nothing is laid out, as in tests): a landscape tablet's view. */
const UNMEASURED = { width: 4 * 148, viewTop: 0, viewHeight: 800 };

/** Which rows of `count` tiles to render for a grid `width` wide whose view shows [viewTop, viewTop + viewHeight) of it. */
export function tileWindow(count: number, layout: TileGridLayout, view: { width: number; viewTop: number; viewHeight: number }): TileWindow {
  const { minTileWidth, tileHeight, gap, overscanRows } = layout;
  const columns = Math.max(1, Math.floor((view.width + gap) / (minTileWidth + gap)));
  const rows = Math.ceil(count / columns);
  const rowHeight = tileHeight + gap;
  const firstRow = Math.max(0, Math.floor(view.viewTop / rowHeight) - overscanRows);
  const endRow = Math.min(rows, Math.ceil((view.viewTop + view.viewHeight) / rowHeight) + overscanRows);
  return { columns, firstRow, endRow: Math.max(firstRow, endRow) };
}

export interface VirtualTileGridProps<T> {
  items: readonly T[];
  keyOf(item: T): string;
  renderTile(item: T): ReactNode;
  /**
   * The element that scrolls (the grid may sit below other content in it). An element, not a ref:
   * a parent's ref is set after its children's layout effects, so the parent keeps it in state.
   */
  scroller: HTMLElement | null;
  layout: TileGridLayout;
  className?: string;
  testId?: string;
}

/**
 * A grid of same-size tiles that renders only the rows in view (and a few beyond): a category or
 * a search of thousands of dishes costs what a screenful does. Columns follow the grid's width
 * (ResizeObserver: landscape, portrait, split panes). The grid keeps the full height, so the
 * scroller's bar, touch scrolling and focus scrolling (Tab into an overscan row) behave as usual.
 */
export function VirtualTileGrid<T>({ items, keyOf, renderTile, scroller, layout, className, testId }: VirtualTileGridProps<T>) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [view, setView] = useState(UNMEASURED);

  useLayoutEffect(() => {
    const grid = gridRef.current;
    if (!grid || !scroller) return;
    const measure = () => {
      const width = grid.clientWidth;
      const viewHeight = scroller.clientHeight;
      // Nothing laid out (a hidden pane, a test without layout): keep what was assumed.
      if (width === 0 || viewHeight === 0) return;
      const viewTop = Math.max(0, scroller.getBoundingClientRect().top - grid.getBoundingClientRect().top);
      setView((v) => (v.width === width && v.viewTop === viewTop && v.viewHeight === viewHeight ? v : { width, viewTop, viewHeight }));
    };
    measure();
    scroller.addEventListener('scroll', measure, { passive: true });
    const resizes = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resizes?.observe(grid);
    resizes?.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', measure);
      resizes?.disconnect();
    };
  }, [scroller]);

  const { columns, firstRow, endRow } = tileWindow(items.length, layout, view);
  const rowHeight = layout.tileHeight + layout.gap;
  const rows = Math.ceil(items.length / columns);
  const shown = items.slice(firstRow * columns, endRow * columns);
  return (
    <div ref={gridRef} className={className} data-testid={testId} style={{ position: 'relative', flexShrink: 0, height: Math.max(0, rows * rowHeight - layout.gap) }}>
      <div
        style={{
          position: 'absolute',
          top: firstRow * rowHeight,
          left: 0,
          right: 0,
          display: 'grid',
          gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
          gridAutoRows: layout.tileHeight,
          gap: layout.gap,
        }}
      >
        {shown.map((item) => (
          <Fragment key={keyOf(item)}>{renderTile(item)}</Fragment>
        ))}
      </div>
    </div>
  );
}
