import type { HourBar } from '../../model/figures';
import styles from './dashboard-widget.module.css';

const BAR_W = 10;
const HEIGHT = 56;

/**
 * Revenue by hour (bars) against the plan's hourly targets (steps): a plain SVG, no charting
 * library — 24 bars and a line are a few elements, and the remote stays far under its budget.
 */
export function HourChart({ bars, label }: { bars: readonly HourBar[]; label: string }) {
  if (bars.length === 0) return null;
  const top = Math.max(1, ...bars.map((b) => Math.max(b.net, b.target)));
  const y = (v: number) => HEIGHT - (Math.max(0, v) / top) * HEIGHT;
  const width = bars.length * BAR_W;
  const hasPlan = bars.some((b) => b.target > 0);
  const steps = bars.map((b, i) => `${i === 0 ? 'M' : 'L'}${i * BAR_W},${y(b.target)} H${(i + 1) * BAR_W}`).join(' ');
  return (
    <figure className={styles.chart} data-testid="fd-chart">
      <svg viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" role="img" aria-label={label}>
        {bars.map((b, i) => (
          <rect key={b.hour} className={styles.bar} x={i * BAR_W + 1.5} width={BAR_W - 3} y={y(b.net)} height={HEIGHT - y(b.net)} data-hour={b.hour} data-net={b.net}>
            <title>{`${b.hour}:00`}</title>
          </rect>
        ))}
        {hasPlan && <path className={styles.planLine} d={steps} vectorEffect="non-scaling-stroke" data-testid="fd-chart-plan" />}
      </svg>
      <figcaption className={styles.axis}>
        <span>{bars[0].hour}:00</span>
        <span>{bars[bars.length - 1].hour + 1}:00</span>
      </figcaption>
    </figure>
  );
}
