/**
 * The normalized value of a date mention: ISO 8601 where ISO has a form, and TimeML's (TIMEX3)
 * extensions of it for the periods news reports name and ISO does not.
 *
 * | written                         | value              |
 * |---------------------------------|--------------------|
 * | 2011                            | `2011`             |
 * | December 2015                   | `2015-12`          |
 * | Nov. 3, 2016                    | `2016-11-03`       |
 * | this week (ISO week)            | `2013-W12`         |
 * | last weekend                    | `2013-W11-WE`      |
 * | the third quarter / first half  | `1998-Q3`, `1990-H1` |
 * | last summer (SP SU FA WI)       | `1998-SU`          |
 * | the 1990s / the 20th century    | `199X`, `19XX`     |
 * | Friday afternoon (MO AF EV NI)  | `1998-01-09TAF`    |
 * | 4:23 p.m. Friday                | `1998-01-09T16:23` |
 *
 * Durations ("two years"), sets ("every week") and vague references ("now", "recently") are not
 * dates, so TimeML's `P…`, sets and `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` never appear.
 */
export const DATE_VALUE = /^(?:\d{3}X|\d{2}XX|\d{4}(?:-(?:Q[1-4]|H[12]|SP|SU|FA|WI|W(?:0[1-9]|[1-4]\d|5[0-3])(?:-WE)?|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:T(?:MO|AF|EV|NI|(?:[01]\d|2[0-4]):[0-5]\d))?)?))?)$/;

/** Whether `v` is a date value of the form above. */
export function isDateValue(v: string): boolean {
  return DATE_VALUE.test(v);
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The ISO week (Monday first; week 1 holds the year's first Thursday) of a calendar day. */
export function isoWeek(y: number, m: number, d: number): { year: number; week: number } {
  const t = new Date(Date.UTC(y, m - 1, d));
  const dow = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - dow); // the Thursday of the same week decides its year
  const year = t.getUTCFullYear();
  const week = Math.floor((t.getTime() - Date.UTC(year, 0, 1)) / 86400000 / 7) + 1;
  return { year, week };
}

/** `2013-W12` for a day of that week. */
export function isoWeekValue(y: number, m: number, d: number): string {
  const { year, week } = isoWeek(y, m, d);
  return `${year}-W${pad(week)}`;
}

/** Monday of ISO week `week` of `year`, as [y, m, d]. */
function mondayOf(year: number, week: number): [number, number, number] {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const t = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86400000 + (week - 1) * 7 * 86400000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const PART_OF_DAY_HOUR: Record<string, string> = { MO: '06', AF: '12', EV: '18', NI: '21' };

/**
 * Where the value's period starts, as a string that sorts in time order: `YYYY-MM-DD`, with a time
 * of day after it for times and parts of the day (`1998-01-09T16:23`, `1998-01-09T12` for the
 * afternoon). A decade starts on its first year, a week on its Monday, a weekend on its Saturday.
 * Values that are not dates sort last (`9999`).
 */
export function dateValueStart(v: string): string {
  if (!DATE_VALUE.test(v)) return '9999';
  if (v.endsWith('XX')) return `${v.slice(0, 2)}00-01-01`;
  if (v.endsWith('X')) return `${v.slice(0, 3)}0-01-01`;
  const year = Number(v.slice(0, 4));
  const rest = v.slice(5);
  if (!rest) return `${v}-01-01`;
  if (rest[0] === 'Q') return `${year}-${pad((Number(rest[1]) - 1) * 3 + 1)}-01`;
  if (rest[0] === 'H') return `${year}-${rest[1] === '1' ? '01' : '07'}-01`;
  if (rest in SEASON_START) return `${year}-${pad(SEASON_START[rest])}-01`;
  if (rest[0] === 'W') {
    const [y, m, d] = mondayOf(year, Number(rest.slice(1, 3)));
    if (rest.endsWith('-WE')) {
      const sat = new Date(Date.UTC(y, m - 1, d + 5));
      return `${sat.getUTCFullYear()}-${pad(sat.getUTCMonth() + 1)}-${pad(sat.getUTCDate())}`;
    }
    return `${y}-${pad(m)}-${pad(d)}`;
  }
  if (rest.length === 2) return `${v}-01`;
  const t = rest.indexOf('T');
  if (t < 0) return v;
  const time = rest.slice(t + 1);
  return `${v.slice(0, 10)}T${PART_OF_DAY_HOUR[time] ?? time}`;
}

const ORDINAL = ['first', 'second', 'third', 'fourth'];
const SEASON: Record<string, string> = { SP: 'spring', SU: 'summer', FA: 'autumn', WI: 'winter' };
const PART_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night' };

/**
 * The value in words, for hovers and hints: `2013-W12` → "week 12 of 2013 (from Monday
 * 2013-03-18)", `1998-Q3` → "third quarter of 1998", `1998-01-09TAF` → "1998-01-09, afternoon".
 * Plain ISO dates are returned as they are.
 */
export function describeDateValue(v: string): string {
  if (!DATE_VALUE.test(v)) return v;
  if (v.endsWith('XX')) {
    const c = Number(v.slice(0, 2)) + 1;
    return `the ${c}${c % 10 === 1 && c !== 11 ? 'st' : c % 10 === 2 && c !== 12 ? 'nd' : c % 10 === 3 && c !== 13 ? 'rd' : 'th'} century`;
  }
  if (v.endsWith('X')) return `the ${v.slice(0, 3)}0s`;
  const year = v.slice(0, 4);
  const rest = v.slice(5);
  if (!rest) return v;
  if (rest[0] === 'Q') return `${ORDINAL[Number(rest[1]) - 1]} quarter of ${year}`;
  if (rest[0] === 'H') return `${ORDINAL[Number(rest[1]) - 1]} half of ${year}`;
  if (rest in SEASON) return `${SEASON[rest]} ${year}`;
  if (rest[0] === 'W') {
    const week = Number(rest.slice(1, 3));
    if (rest.endsWith('-WE')) return `the weekend of week ${week} of ${year} (from Saturday ${dateValueStart(v)})`;
    return `week ${week} of ${year} (from Monday ${dateValueStart(v)})`;
  }
  const t = rest.indexOf('T');
  if (t < 0) return v;
  const time = rest.slice(t + 1);
  return `${v.slice(0, 10)}, ${PART_OF_DAY[time] ?? time}`;
}

/**
 * The value a date's entity is keyed by: the value without its time of day, so that "Friday",
 * "Friday afternoon" and "4:23 p.m. Friday" are mentions of one day (each mention keeps its own
 * value); weeks, quarters and other periods are entities of their own.
 */
export function dateEntityValue(v: string): string {
  return v.length > 10 && v[10] === 'T' ? v.slice(0, 10) : v;
}

/**
 * The value as an analyst reads it in a hint: ISO dates, weeks and quarters as they are, a time
 * of day after a space (`1998-01-09 afternoon`, `1998-01-09 16:23`), seasons, decades and
 * centuries in words (`summer 1998`, `the 1990s`).
 */
export function dateValueLabel(v: string): string {
  if (!DATE_VALUE.test(v)) return v;
  if (v.endsWith('X') || /-(?:SP|SU|FA|WI)$/.test(v)) return describeDateValue(v);
  if (v.length > 10 && v[10] === 'T') {
    const time = v.slice(11);
    return `${v.slice(0, 10)} ${PART_OF_DAY[time] ?? time}`;
  }
  if (v.endsWith('-WE')) return `weekend of ${v.slice(0, -3)}`;
  return v;
}
