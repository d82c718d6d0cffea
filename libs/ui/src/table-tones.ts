import styles from './table-tones.module.css';

/** A table's live status, as the floor shows it without a floor mode. */
export type TableStatusTone = 'free' | 'occupied' | 'bill' | 'reserved';
/** The tones a floor mode paints with; the same list as `FLOOR_TONES` in plugin-sdk. */
export type FloorModeTone = 'free' | 'info' | 'warning' | 'accent' | 'danger' | 'success' | 'muted';
export type TableTone = TableStatusTone | FloorModeTone;

/**
 * The class that paints a table, a legend swatch or a timeline block in a tone: fill and border,
 * and the `--pos-tone-*` properties a rule of the screen's own takes them from.
 */
export function tableToneClass(tone: TableTone): string {
  return styles[tone] ?? '';
}

/** The class of the chairs round a table in a tone (sets `--pos-chair`, `--pos-chair-opacity`). */
export function chairToneClass(tone: TableTone): string {
  return styles[`chair_${tone}`] ?? '';
}
