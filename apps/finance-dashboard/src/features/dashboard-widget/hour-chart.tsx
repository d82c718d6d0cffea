import { useTranslation } from '@pos/i18n';
import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { compactFigure, figure, type HourBar, hourLabel } from '../../model/figures';
import styles from './dashboard-widget.module.css';

/** The plot's height in CSS pixels; the box keeps it before uPlot's chunk has loaded. */
export const CHART_HEIGHT = 112;

type UPlot = typeof uPlot;
let loading: Promise<UPlot> | null = null;

/**
 * uPlot and its stylesheet, fetched once on the first chart: their own chunk, outside the code
 * that mounting the remote loads, so the home screen's first paint never waits for a chart.
 */
function loadUPlot(): Promise<UPlot> {
  loading ??= Promise.all([import(/* webpackChunkName: "uplot" */ 'uplot'), import(/* webpackChunkName: "uplot" */ 'uplot/dist/uPlot.min.css')]).then(
    ([module]) => module.default,
    (error: unknown) => {
      loading = null; // a later mount tries again (the chunk may not have been cached before going offline)
      throw error;
    },
  );
  return loading;
}

/**
 * uPlot's aligned data: x is the hour boundaries (first hour … last hour + 1), so a bar sits
 * inside its hour and the plan's step spans it exactly; the extra last point carries no bar and
 * repeats the last target (the step's right end).
 */
function plotData(bars: readonly HourBar[]): uPlot.AlignedData {
  const hours = [...bars.map((b) => b.hour), bars[bars.length - 1].hour + 1];
  const net = [...bars.map((b) => b.net), null];
  const target = [...bars.map((b) => b.target), bars[bars.length - 1].target];
  return [hours, net, target];
}

/** After the home screen settled: long enough that sign-in and the floor map never compete with it. */
const PREFETCH_AFTER_MS = 5_000;

/**
 * Fetches the chart's chunk ahead of need while folded and online, so the tablet's service worker
 * holds it: unfolding the widget after the Wi-Fi dropped still draws the chart. A failed fetch is
 * only a missed head start.
 */
export function usePrefetchChart(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const timer = setTimeout(() => void loadUPlot().catch(() => undefined), PREFETCH_AFTER_MS);
    return () => clearTimeout(timer);
  }, [when]);
}

const hasPlanIn = (bars: readonly HourBar[]) => bars.some((b) => b.target > 0);

/** The hour a legend shows when nothing is hovered: the last one with money (the current hour). */
function defaultIdx(bars: readonly HourBar[]) {
  for (let i = bars.length - 1; i >= 0; i--) if (bars[i].net !== 0) return i;
  return bars.length - 1;
}

interface Props {
  bars: readonly HourBar[];
  label: string;
  currency: string;
  language: string;
}

/**
 * Revenue by hour (bars) against the plan's hourly targets (a dashed step line), drawn by uPlot
 * on a canvas, its width following the card. Until uPlot's chunk is there (or where there is no
 * canvas) the box keeps its height, so the card does not jump; the legend below is React's own.
 */
export function HourChart(props: Props) {
  return props.bars.length === 0 ? null : <Chart {...props} />;
}

function Chart({ bars, label, currency, language }: Props) {
  const { t } = useTranslation('finance-dashboard');
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const latest = useRef({ bars, currency, language });
  latest.current = { bars, currency, language };
  const [hovered, setHovered] = useState<number | null>(null);
  const hasPlan = hasPlanIn(bars);

  // One uPlot per mounted chart: created when its chunk is there, resized with the card, destroyed on unmount.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let cancelled = false;
    let u: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    loadUPlot().then(
      (UPlot) => {
        if (cancelled) return;
        try {
          u = new UPlot(chartOptions(UPlot, el, latest, setHovered), plotData(latest.current.bars), el);
        } catch {
          el.replaceChildren(); // no canvas here (jsdom): the reserved box stays empty
          return;
        }
        plot.current = u;
        if (typeof ResizeObserver !== 'undefined') {
          observer = new ResizeObserver(() => {
            const width = Math.floor(el.clientWidth);
            if (u && width > 0 && width !== u.width) u.setSize({ width, height: CHART_HEIGHT });
          });
          observer.observe(el);
        }
      },
      () => undefined, // the chunk did not load: the box stays empty, the figures beside it still tell the story
    );
    return () => {
      cancelled = true;
      observer?.disconnect();
      u?.destroy();
      plot.current = null;
    };
  }, []);

  // A refresh brings new figures: the same uPlot gets the new data (no re-create per refresh).
  const dataKey = bars.map((b) => `${b.hour}:${b.net}:${b.target}`).join(',');
  useEffect(() => {
    const u = plot.current;
    if (!u) return;
    u.setData(plotData(latest.current.bars));
    const planShown = hasPlanIn(latest.current.bars);
    if (u.series[2].show !== planShown) u.setSeries(2, { show: planShown });
  }, [dataKey]);

  const idx = hovered !== null && hovered < bars.length ? hovered : defaultIdx(bars);
  const bar = bars[idx];
  const money = (minor: number) => figure(minor, currency, language);
  return (
    <figure className={styles.chart} data-testid="fd-chart" data-hours={bars.length} data-plan={hasPlan || undefined}>
      <div ref={box} className={styles.plot} style={{ height: CHART_HEIGHT }} role="img" aria-label={label} />
      <figcaption className={styles.legend} data-testid="fd-chart-legend">
        <span className={styles.legendHour}>{hourLabel(bar.hour)}</span>
        <span className={styles.keyRevenue} data-testid="fd-chart-revenue">
          {t('widget.chartRevenue')} {money(bar.net)}
        </span>
        {hasPlan && (
          <span className={styles.keyPlan} data-testid="fd-chart-plan">
            {t('widget.chartPlan')} {money(bar.target)}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** A CSS custom property of the card (the theme's), or a fallback where it is not set. */
function themeColor(style: CSSStyleDeclaration, name: string, fallback: string) {
  return style.getPropertyValue(name).trim() || fallback;
}

function chartOptions(
  UPlot: UPlot,
  el: HTMLElement,
  latest: { current: { bars: readonly HourBar[]; currency: string; language: string } },
  onHover: (idx: number | null) => void,
): uPlot.Options {
  // Optional in uPlot's types (a custom build may leave them out); the npm build has both.
  const { bars, stepped } = UPlot.paths;
  if (!bars || !stepped) throw new Error('uPlot without its bars and stepped paths');
  const style = getComputedStyle(el);
  const primary = themeColor(style, '--pos-primary', '#2f6fed');
  const ink = themeColor(style, '--pos-text', '#1c2230');
  const muted = themeColor(style, '--pos-muted', '#5a6374');
  const grid = themeColor(style, '--pos-border', '#dfe3ea');
  const font = `11px ${style.fontFamily || 'system-ui, sans-serif'}`;
  const compact = (minor: number) => compactFigure(minor, latest.current.currency, latest.current.language);
  // Bars of 70 % of their hour, centred in it (x is the hour's start).
  const barX0 = (u: uPlot) => (u.data[0] as number[]).map((hour) => hour + 0.15);
  const scaleValue = 1 as uPlot.Series.BarsPathBuilderFacetUnit; // ScaleValue (a const enum: not importable at run time)
  return {
    width: Math.max(120, Math.floor(el.clientWidth)),
    height: CHART_HEIGHT,
    padding: [8, 18, 0, 0], // room for the last hour label, centred on the right edge
    legend: { show: false },
    cursor: {
      y: false,
      points: { show: false },
      drag: { x: false, y: false, setScale: false },
      // The hovered hour is the one the pointer is in, not the nearest hour boundary.
      dataIdx: (u, _series, _closest, xValue) => Math.min(Math.max(Math.floor(xValue) - (u.data[0][0] as number), 0), latest.current.bars.length - 1),
    },
    scales: {
      x: { time: false, range: (u) => [u.data[0][0] as number, u.data[0][u.data[0].length - 1] as number] },
      y: { range: (_u, min, max) => [Math.min(0, min), max > 0 ? max * 1.08 : 1] },
    },
    axes: [
      {
        stroke: muted,
        font,
        size: 22,
        gap: 3,
        space: 44,
        incrs: [1, 2, 3, 4, 6, 12],
        grid: { show: false },
        ticks: { stroke: grid, width: 1, size: 3 },
        values: (_u, splits) => splits.map(hourLabel),
      },
      {
        stroke: muted,
        font,
        size: 62,
        gap: 4,
        space: 26,
        grid: { stroke: grid, width: 1 },
        ticks: { show: false },
        values: (_u, splits) => splits.map(compact),
      },
    ],
    series: [
      {},
      {
        label: 'net',
        fill: primary,
        stroke: primary,
        width: 0,
        points: { show: false },
        paths: bars({ disp: { x0: { unit: scaleValue, values: barX0 }, size: { unit: scaleValue, values: () => [0.7] } } }),
      },
      {
        label: 'plan',
        stroke: ink,
        width: 2,
        dash: [5, 3],
        spanGaps: true,
        points: { show: false },
        show: hasPlanIn(latest.current.bars),
        paths: stepped({ align: 1 }),
      },
    ],
    hooks: {
      draw: [() => (el.parentElement ?? el).setAttribute('data-drawn', 'true')], // on the wrapper: tests wait for it
      setCursor: [(u) => onHover(u.cursor.idx ?? null)],
    },
  };
}
