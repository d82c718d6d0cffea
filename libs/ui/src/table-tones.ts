import styles from './table-tones.module.css';

/*
 * The one palette of table states: a table's live status (free, occupied, bill, reserved) and the
 * tones a floor mode paints with (FLOOR_TONES in plugin-sdk: info, warning, accent, danger,
 * success, muted); the colours are the --pos-table-* tokens, whose fills keep --pos-muted and the
 * text at 4.5:1.
 *
 * A tone class only sets custom properties, and the screen's own rule paints with them:
 *   border: 2px var(--pos-tone-line) var(--pos-tone-border); background: var(--pos-tone-fill);
 *   color: var(--pos-tone-ink);
 * so the result does not hang on which stylesheet loads last (a tile's own `border: 2px solid`
 * would otherwise win or lose by order). Every tone sets all four properties: they inherit, so a
 * tone inside another must not take its parent's. Chairs likewise: `background: var(--pos-chair);
 * opacity: var(--pos-chair-opacity)`, grey for free and out-of-play tables. These notes live here,
 * not in the CSS, because the CSS ships in the bundle as written.
 */

/** A table's live status, as the floor shows it without a floor mode. */
export type TableStatusTone = 'free' | 'occupied' | 'bill' | 'reserved';
/** The tones a floor mode paints with; the same list as `FLOOR_TONES` in plugin-sdk. */
export type FloorModeTone = 'free' | 'info' | 'warning' | 'accent' | 'danger' | 'success' | 'muted';
export type TableTone = TableStatusTone | FloorModeTone;

/** The class that sets the `--pos-tone-*` properties a table, legend swatch or timeline block paints with. */
export function tableToneClass(tone: TableTone): string {
  return styles[tone] ?? '';
}

/** The class of the chairs round a table in a tone (sets `--pos-chair`, `--pos-chair-opacity`). */
export function chairToneClass(tone: TableTone): string {
  return styles[`chair_${tone}`] ?? '';
}
