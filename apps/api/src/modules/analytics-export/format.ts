import type { AnalyticsExportFormat } from '@pos/contracts';

/**
 * How an exported row is written, one pure function per format. A row is a record of cells in its
 * dataset's column order; a structured cell (modifiers, a shift's counted money) is JSON text in a
 * CSV file and a nested value in NDJSON.
 *
 * CSV follows RFC 4180: a header row, CRLF line ends, a field with a comma, a quote, CR or LF (or
 * a leading / trailing space) enclosed in quotes with its quotes doubled. The file is UTF-8 and
 * starts with a byte order mark, so Excel opens Cyrillic names right; BI loaders skip it (or the
 * consumer strips it — the first three bytes, EF BB BF).
 */
export type Cell = string | number | boolean | null | object;
export type ExportRow = Record<string, Cell>;

export const UTF8_BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first): OWASP's CSV injection. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. A text cell that a spreadsheet would take for a formula (a dish named
 * `=HYPERLINK(…)` typed in by staff) gets a leading apostrophe, as OWASP advises, so opening the
 * file never runs it; numbers (a refund's negative amount) are written as they are.
 */
export function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/** What starts a file before its first row: CSV's BOM and header; nothing for NDJSON. */
export const fileHead = (format: AnalyticsExportFormat, columns: readonly string[]): string => (format === 'csv' ? UTF8_BOM + csvLine(columns) : '');

/** One row as a line of the file; its dataset builds its cells in column order (NDJSON keeps that order). */
export const formatRow = (format: AnalyticsExportFormat, columns: readonly string[], row: ExportRow): string =>
  format === 'csv' ? csvLine(columns.map((c) => row[c] ?? null)) : `${JSON.stringify(row)}\n`;
