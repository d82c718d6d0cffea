import type { Table } from '@pos/contracts';

/**
 * A floor mode: another way of looking at the floor map (reservations, sections, cleaning…)
 * contributed by a remote through the `floor.mode` slot. The host draws the map as always; while
 * the mode is shown, its parcel sits beside the map and tells the host how to paint each table
 * and what a tap on a table does. Without the remote, the map is the plain live floor.
 */

/** The colour of a table in a mode; the host maps each tone to its palette. */
export const FLOOR_TONES = ['free', 'info', 'warning', 'accent', 'danger', 'success', 'muted'] as const;
export type FloorTone = (typeof FLOOR_TONES)[number];

export interface FloorTableMark {
  tone: FloorTone;
  /** What the colour means, for screen readers and tests ("due", "late"…). */
  state: string;
  /** One short line under the table number, e.g. "19:30 · 4". */
  caption?: string;
  /** A second line when the table is big enough, e.g. the guest's name. */
  detail?: string;
}

export interface FloorModeView {
  /** Table id → how to paint it. A table without a mark keeps its live colour. */
  marks: Readonly<Record<string, FloorTableMark>>;
  /** A tap on a table while the mode is shown; return false to let the host do its usual thing. */
  onTableTap?(table: Table): boolean;
}

/** The context of a `floor.mode` parcel. */
export interface FloorModeContext {
  hallId: string | null;
  /** The tables of the hall on screen, live. */
  tables: readonly Table[];
  /** Paint the map for this mode; null gives the map back its live colours. */
  setView(view: FloorModeView | null): void;
}

/** What a remote declares about its floor mode (the tab the host shows for it). */
export interface FloorModeDeclaration {
  /** i18n key in the remote's namespace, or plain text. */
  title: string;
}
