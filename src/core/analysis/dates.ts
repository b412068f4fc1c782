/**
 * ISO dates of any precision (`2016-11-03`, `2016-11`, `2016`), as the extractor and the analyst
 * write them. A coarse date stands for the whole month or year it names.
 */

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Whether `s` is an ISO date of day, month or year precision. */
export function isIsoDate(s: string): boolean {
  return ISO.test(s);
}

/** The first day a date stands for (`2016` → `2016-01-01`). */
export function firstDay(date: string): string {
  const m = ISO.exec(date);
  if (!m) return date;
  return `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
}

/** The last day a date stands for (`2016-02` → `2016-02-29`). */
export function lastDay(date: string): string {
  const m = ISO.exec(date);
  if (!m) return date;
  if (m[3]) return date;
  if (!m[2]) return `${m[1]}-12-31`;
  const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${m[1]}-${m[2]}-${String(days).padStart(2, '0')}`;
}

/** Whether a date's span meets the range [from, to] (either end open when undefined). */
export function inDateRange(date: string | undefined, from: string | undefined, to: string | undefined): boolean {
  return dateRange(from, to)(date);
}

/** {@link inDateRange} as a test of one range, its ends worked out once (for a pass over many dates). */
export function dateRange(from: string | undefined, to: string | undefined): (date: string | undefined) => boolean {
  if (!from && !to) return () => true;
  const lo = from ? firstDay(from) : undefined;
  const hi = to ? lastDay(to) : undefined;
  return (date) => {
    if (!date) return false;
    // A day is its own first and last day.
    const day = date.length === 10;
    if (lo && (day ? date : lastDay(date)) < lo) return false;
    if (hi && (day ? date : firstDay(date)) > hi) return false;
    return true;
  };
}

/** Milliseconds since the epoch at the middle of the span a date stands for (for placing it on an axis). */
export function dateTime(date: string): number | undefined {
  const m = ISO.exec(date);
  if (!m) return undefined;
  const start = Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
  if (m[3]) return start;
  const end = Date.parse(`${lastDay(date)}T00:00:00Z`);
  return (start + end) / 2;
}

/** The precision of a date: 3 for a day, 2 for a month, 1 for a year, 0 when it is not an ISO date. */
export function precision(date: string): 0 | 1 | 2 | 3 {
  const m = ISO.exec(date);
  return !m ? 0 : m[3] ? 3 : m[2] ? 2 : 1;
}
