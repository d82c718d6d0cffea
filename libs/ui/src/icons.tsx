import type { SVGProps } from 'react';

/**
 * A small set of line icons (24×24, currentColor) so screens do not depend on an icon font.
 * Decorative by default: give `aria-label` to make one meaningful.
 */
export type IconName =
  | 'back'
  | 'users'
  | 'clock'
  | 'search'
  | 'close'
  | 'plus'
  | 'minus'
  | 'note'
  | 'fire'
  | 'split'
  | 'card'
  | 'cash'
  | 'check'
  | 'trash'
  | 'lock'
  | 'table'
  | 'receipt'
  | 'pause'
  | 'play'
  | 'toggle'
  | 'shield'
  | 'staff'
  | 'box'
  | 'wallet'
  | 'layers'
  | 'tablet';

const PATHS: Record<IconName, string> = {
  back: 'M15 18l-6-6 6-6',
  users: 'M16 19v-1.5a3.5 3.5 0 0 0-3.5-3.5h-5A3.5 3.5 0 0 0 4 17.5V19M10 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M20 19v-1.5a3.5 3.5 0 0 0-2.5-3.3M15.5 5.2a3 3 0 0 1 0 5.6',
  clock: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18M12 7v5l3 2',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14M20 20l-3.5-3.5',
  close: 'M6 6l12 12M18 6L6 18',
  plus: 'M12 5v14M5 12h14',
  minus: 'M5 12h14',
  note: 'M5 4h10l4 4v12H5zM15 4v4h4M8 12h8M8 16h5',
  fire: 'M12 21c-3.9 0-6.5-2.6-6.5-6.2 0-3.4 2.6-5.6 4-8.8.6 1.8 1.6 2.9 2.8 3.6.3-2.3 1.4-4.3 3.1-5.6-.2 2.9 3.1 5.3 3.1 9.6 0 4.1-2.7 7.4-6.5 7.4z',
  split: 'M12 3v18M5 8l-3 4 3 4M19 8l3 4-3 4',
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  cash: 'M3 7h18v10H3zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6M6 10v4M18 10v4',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  lock: 'M6 11h12v9H6zM8.5 11V8a3.5 3.5 0 0 1 7 0v3',
  table: 'M4 9h16M6 9v10M18 9v10M8 5h8',
  receipt: 'M6 3h12v18l-3-2-3 2-3-2-3 2zM9 8h6M9 12h6M9 16h3',
  pause: 'M9 6v12M15 6v12',
  play: 'M8 5l11 7-11 7z',
  toggle: 'M7 7h10a5 5 0 0 1 0 10H7A5 5 0 0 1 7 7zM13.4 12a2.6 2.6 0 1 0 5.2 0 2.6 2.6 0 1 0-5.2 0',
  shield: 'M12 3l8 3v6c0 4.6-3.3 7.9-8 9-4.7-1.1-8-4.4-8-9V6zM8.5 12l2.5 2.5 4.5-5',
  staff: 'M5.4 8a3.6 3.6 0 1 0 7.2 0 3.6 3.6 0 1 0-7.2 0M2.5 20c.4-3.6 3-5.6 6.5-5.6s6.1 2 6.5 5.6M15.5 4.6a3.6 3.6 0 010 6.8M18 14.8c2 .7 3.2 2.4 3.5 5.2',
  box: 'M3 7.5L12 3l9 4.5-9 4.5zM3 7.5v9L12 21l9-4.5v-9M12 12v9',
  wallet: 'M5 5h14a2.5 2.5 0 0 1 2.5 2.5v9A2.5 2.5 0 0 1 19 19H5a2.5 2.5 0 0 1-2.5-2.5v-9A2.5 2.5 0 0 1 5 5zM2.5 9.5h19M6.5 15h4',
  layers: 'M12 3l9 4.8-9 4.8-9-4.8zM3 12.2l9 4.8 9-4.8M3 16.4l9 4.8 9-4.8',
  tablet: 'M6.5 2.5h11A2.5 2.5 0 0 1 20 5v14a2.5 2.5 0 0 1-2.5 2.5h-11A2.5 2.5 0 0 1 4 19V5a2.5 2.5 0 0 1 2.5-2.5zM10.5 18.5h3M9 10.5l2 2 4-4',
};

export function Icon({ name, size = 20, ...rest }: { name: IconName; size?: number } & Omit<SVGProps<SVGSVGElement>, 'name'>) {
  const labelled = rest['aria-label'] !== undefined;
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={labelled ? undefined : true}
      role={labelled ? 'img' : undefined}
      focusable="false"
      {...rest}
      style={{ flexShrink: 0, ...rest.style }}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
