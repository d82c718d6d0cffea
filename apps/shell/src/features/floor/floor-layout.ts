import type { Table } from '@pos/contracts';

/** Tables are placed on a 1000×600 logical canvas; (x, y) is the top-left of the bounding box. */
export const CANVAS = { width: 1000, height: 600 } as const;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Fit {
  scale: number;
  offsetX: number;
  offsetY: number;
}

type Box = Pick<Table, 'x' | 'y' | 'width' | 'height'>;

export interface ViewportOptions {
  /** Logical units kept around the outermost tables (room for chairs and breathing space). */
  padding?: number;
  /** The view never zooms in closer than this much of the canvas, so one lone table is not huge. */
  minWidth?: number;
  minHeight?: number;
}

/**
 * The part of the canvas worth showing: the tables' bounding box plus padding, at least
 * minWidth × minHeight, kept inside the canvas when it can be. A hall whose tables sit in one
 * corner then fills the screen instead of leaving most of it empty.
 */
export function floorViewport(tables: readonly Box[], { padding = 40, minWidth = 500, minHeight = 300 }: ViewportOptions = {}): Rect {
  if (tables.length === 0) return { x: 0, y: 0, ...CANVAS };
  const minX = Math.min(...tables.map((t) => t.x));
  const minY = Math.min(...tables.map((t) => t.y));
  const maxX = Math.max(...tables.map((t) => t.x + t.width));
  const maxY = Math.max(...tables.map((t) => t.y + t.height));
  const [x0, x1] = span(minX, maxX, padding, minWidth, CANVAS.width);
  const [y0, y1] = span(minY, maxY, padding, minHeight, CANVAS.height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** One axis of the viewport: pad, grow to the minimum around the centre, then slide into [0, limit]. */
function span(min: number, max: number, padding: number, minSize: number, limit: number): [number, number] {
  let lo = Math.min(min, Math.max(0, min - padding));
  let hi = Math.max(max, Math.min(limit, max + padding));
  const missing = Math.min(minSize, limit) - (hi - lo);
  if (missing > 0) {
    lo -= missing / 2;
    hi += missing / 2;
    // Slide back inside the canvas, but never cut off a table that lies outside it.
    if (lo < 0 && min >= 0) [lo, hi] = [0, hi - lo];
    if (hi > limit && max <= limit) [lo, hi] = [lo - (hi - limit), limit];
  }
  return [lo, hi];
}

/** The largest scale that shows the whole viewport in the area, keeping proportions, centred. */
export function fitViewport(viewport: Rect, area: { width: number; height: number }): Fit {
  if (area.width <= 0 || area.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return { scale: 0, offsetX: 0, offsetY: 0 };
  const scale = Math.min(area.width / viewport.width, area.height / viewport.height);
  return {
    scale,
    offsetX: (area.width - viewport.width * scale) / 2 - viewport.x * scale,
    offsetY: (area.height - viewport.height * scale) / 2 - viewport.y * scale,
  };
}

/** Where a table lands on screen, in pixels, rounded so borders stay crisp. */
export function placeTable(table: Box, fit: Fit): Rect {
  return {
    x: Math.round(fit.offsetX + table.x * fit.scale),
    y: Math.round(fit.offsetY + table.y * fit.scale),
    width: Math.round(table.width * fit.scale),
    height: Math.round(table.height * fit.scale),
  };
}

export type TableDensity = 'compact' | 'regular' | 'roomy';

/** How much a table can show at its size: compact = label and one figure; roomy = everything. */
export function tableDensity(rect: Pick<Rect, 'width' | 'height'>): TableDensity {
  const side = Math.min(rect.width, rect.height);
  if (side < 84) return 'compact';
  if (side < 120 || rect.width < 130) return 'regular';
  return 'roomy';
}

/**
 * Chairs around a table, as centres relative to its top-left (pixels). Round tables spread them
 * on a circle; square and rect tables share them among the sides, long sides first.
 */
export function chairPositions(shape: Table['shape'], seats: number, width: number, height: number, gap: number): { x: number; y: number; angle: number }[] {
  const n = Math.max(0, Math.min(seats, 16));
  if (n === 0) return [];
  if (shape === 'round') {
    const rx = width / 2 + gap;
    const ry = height / 2 + gap;
    return Array.from({ length: n }, (_, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / n;
      return { x: width / 2 + rx * Math.cos(a), y: height / 2 + ry * Math.sin(a), angle: (a * 180) / Math.PI + 90 };
    });
  }
  // Per side: [top, bottom, left, right]. A square goes round; a long table seats the long sides
  // and puts one chair at each end only when it is big enough.
  const wide = width >= height;
  const [longA, longB, shortA, shortB] = wide ? [0, 1, 2, 3] : [2, 3, 0, 1];
  const counts = [0, 0, 0, 0];
  if (shape === 'square') {
    for (let i = 0; i < n; i++) counts[[longA, longB, shortA, shortB][i % 4]]++;
  } else {
    const ends = n >= 5 ? 2 : n === 3 ? 1 : 0;
    if (ends >= 1) counts[shortA]++;
    if (ends === 2) counts[shortB]++;
    counts[longA] = Math.ceil((n - ends) / 2);
    counts[longB] = Math.floor((n - ends) / 2);
  }
  const out: { x: number; y: number; angle: number }[] = [];
  const along = (count: number, length: number) => Array.from({ length: count }, (_, i) => ((i + 1) * length) / (count + 1));
  for (const x of along(counts[0], width)) out.push({ x, y: -gap, angle: 0 });
  for (const x of along(counts[1], width)) out.push({ x, y: height + gap, angle: 180 });
  for (const y of along(counts[2], height)) out.push({ x: -gap, y, angle: 270 });
  for (const y of along(counts[3], height)) out.push({ x: width + gap, y, angle: 90 });
  return out;
}

/** Minutes a table has been seated, for the "45 min" hint. */
export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
