import { CANVAS, chairPositions, fitViewport, floorViewport, minutesSince, placeTable, tableDensity } from './floor-layout';

const box = (x: number, y: number, width = 100, height = 100) => ({ x, y, width, height });

describe('floorViewport', () => {
  it('shows the whole canvas for a hall without tables', () => {
    expect(floorViewport([])).toEqual({ x: 0, y: 0, ...CANVAS });
  });

  it('frames the tables with padding, kept inside the canvas', () => {
    const view = floorViewport([box(40, 40, 70, 70), box(680, 40, 160, 90), box(40, 350, 120, 120)], { padding: 40 });
    expect(view).toEqual({ x: 0, y: 0, width: 880, height: 510 });
  });

  it('never zooms in closer than the minimum size, centred on the tables', () => {
    const view = floorViewport([box(450, 250, 100, 100)], { padding: 20, minWidth: 500, minHeight: 300 });
    expect(view.width).toBe(500);
    expect(view.height).toBe(300);
    expect(view.x + view.width / 2).toBe(500);
    expect(view.y + view.height / 2).toBe(300);
  });

  it('slides a minimum-size view back inside the canvas at the edges', () => {
    const view = floorViewport([box(900, 520, 80, 60)], { padding: 10, minWidth: 500, minHeight: 300 });
    expect(view.x + view.width).toBe(CANVAS.width);
    expect(view.y + view.height).toBe(CANVAS.height);
    expect(view.width).toBe(500);
  });

  it('still shows a table placed outside the canvas', () => {
    const view = floorViewport([box(-50, 10, 100, 100), box(950, 550, 100, 100)]);
    expect(view.x).toBeLessThanOrEqual(-50);
    expect(view.x + view.width).toBeGreaterThanOrEqual(1050);
    expect(view.y + view.height).toBeGreaterThanOrEqual(650);
  });
});

describe('fitViewport and placeTable', () => {
  it('scales the canvas to fill the area keeping proportions, centred', () => {
    const fit = fitViewport({ x: 0, y: 0, width: 1000, height: 600 }, { width: 1250, height: 600 });
    expect(fit.scale).toBe(1);
    expect(fit.offsetX).toBe(125);
    expect(fit.offsetY).toBe(0);
    expect(placeTable(box(100, 100, 70, 70), fit)).toEqual({ x: 225, y: 100, width: 70, height: 70 });
  });

  it('scales by the tighter side and shifts by the viewport origin', () => {
    const fit = fitViewport({ x: 100, y: 50, width: 500, height: 300 }, { width: 1000, height: 1000 });
    expect(fit.scale).toBe(2);
    expect(placeTable(box(100, 50, 50, 50), fit)).toEqual({ x: 0, y: 200, width: 100, height: 100 });
  });

  it('draws nothing before the area is measured', () => {
    expect(fitViewport({ x: 0, y: 0, width: 1000, height: 600 }, { width: 0, height: 0 }).scale).toBe(0);
  });
});

describe('tableDensity', () => {
  it('shows less on small tables', () => {
    expect(tableDensity({ width: 70, height: 70 })).toBe('compact');
    expect(tableDensity({ width: 100, height: 100 })).toBe('regular');
    expect(tableDensity({ width: 160, height: 130 })).toBe('roomy');
    expect(tableDensity({ width: 125, height: 125 })).toBe('regular');
  });
});

describe('chairPositions', () => {
  const sides = (chairs: { angle: number }[]) =>
    chairs.reduce<Record<number, number>>((acc, c) => ({ ...acc, [c.angle]: (acc[c.angle] ?? 0) + 1 }), {});

  it('spreads chairs evenly round a round table, outside its edge', () => {
    const chairs = chairPositions('round', 4, 100, 100, 10);
    expect(chairs).toHaveLength(4);
    expect(chairs[0].x).toBeCloseTo(50);
    expect(chairs[0].y).toBeCloseTo(-10);
    expect(chairs[2].y).toBeCloseTo(110);
  });

  it('seats a long table along its long sides and one at each end from five guests', () => {
    expect(sides(chairPositions('rect', 6, 160, 90, 8))).toEqual({ 0: 2, 180: 2, 270: 1, 90: 1 });
    expect(sides(chairPositions('rect', 4, 160, 90, 8))).toEqual({ 0: 2, 180: 2 });
    expect(sides(chairPositions('rect', 4, 90, 160, 8))).toEqual({ 270: 2, 90: 2 });
  });

  it('puts two chairs face to face at a square table, four round it', () => {
    expect(sides(chairPositions('square', 2, 70, 70, 8))).toEqual({ 0: 1, 180: 1 });
    expect(sides(chairPositions('square', 4, 100, 100, 8))).toEqual({ 0: 1, 180: 1, 270: 1, 90: 1 });
  });

  it('draws no chairs for zero seats', () => {
    expect(chairPositions('square', 0, 70, 70, 8)).toEqual([]);
  });
});

describe('minutesSince', () => {
  it('counts whole minutes, never negative', () => {
    const now = Date.parse('2026-01-01T12:45:30Z');
    expect(minutesSince('2026-01-01T12:00:00Z', now)).toBe(45);
    expect(minutesSince('2026-01-01T13:00:00Z', now)).toBe(0);
  });
});
