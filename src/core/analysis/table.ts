/**
 * Tables written for other tools: CSV (RFC 4180) and JSON Lines, the two formats every view exports
 * and the CLI prints. Values are strings, numbers, booleans, lists (joined by `;` in CSV) or absent.
 */

export type Cell = string | number | boolean | readonly string[] | undefined | null;
export type Row = Record<string, Cell>;

/** RFC 4180: quote when the value holds a comma, quote, line break or edge whitespace; double inner quotes. */
export function csvCell(v: Cell): string {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV table: a header line, then one line per row, in `columns` order (lines end with \n, as the CLI's other CSV). */
export function toCsv(columns: readonly string[], rows: Iterable<Row>): string {
  const lines = [columns.map(csvCell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** JSON Lines: one object per line, absent values left out. */
export function toJsonl(rows: Iterable<Row>): string {
  let out = '';
  for (const r of rows) {
    const clean: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined && v !== null) clean[k] = v;
    out += JSON.stringify(clean) + '\n';
  }
  return out;
}

/** A table with its column order, so a view can write it as CSV or JSON Lines. */
export interface Table {
  columns: readonly string[];
  rows: Row[];
}

/** Writes a table in the format a file name asks for: `.jsonl` / `.ndjson` / `.json` as JSON Lines, anything else as CSV. */
export function writeTable(table: Table, fileName: string): string {
  return /\.(jsonl|ndjson|json)$/i.test(fileName) ? toJsonl(table.rows) : toCsv(table.columns, table.rows);
}
