import * as chrono from 'chrono-node';

type Chrono = typeof chrono.casual;
type Parser = Chrono['parsers'][number];

/**
 * Runs chrono with only the parsers that can match the text. chrono runs every parser's regex over
 * the whole text it is given, and most texts hold the words of only a few: a weekday parser cannot
 * match where no weekday is written, an "ago" parser where there is no "ago", "before" or "earlier".
 * Each parser below is paired with cues that every match of its pattern contains (a necessary
 * condition, read from the parser's regex), so a parser is skipped only where it would find nothing,
 * and the results are exactly chrono's. Parsers not listed here always run.
 *
 * Word cues are substrings matched with ASCII letters folded, as chrono's case-insensitive patterns
 * (without the `u` flag) match them. A cue may be looser than its parser ("now" for "from now"): it
 * only has to be present wherever the parser can match.
 */
export const WORD_CUES = {
  /** Every month name and abbreviation chrono knows starts with one of these. */
  month: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
  /** chrono's ordinal words, "first" to "thirty-first". */
  ordinal: ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'teenth', 'twentieth', 'thirtieth'],
  /** Weekday names and abbreviations, "weekend", "weekday". */
  weekday: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'week'],
  ago: ['ago', 'before', 'earlier'],
  relative: ['this', 'last', 'past', 'next', 'after'],
  casualDay: ['now', 'today', 'night', 'tomorrow', 'overmorrow', 'tmr', 'yesterday'],
  partOfDay: ['morning', 'evening', 'night', 'midday', 'noon'],
  monthWord: ['month'],
  /** The date recognizer's own parsers: quarters and halves, seasons, spelled decades, centuries, spelled years, fiscal years, weekends, edges of periods, zoned clock times. */
  quarter: ['quarter', 'half'],
  season: ['spring', 'summer', 'autumn', 'fall', 'winter'],
  decadeWord: ['ties'],
  century: ['century'],
  spelledYear: ['eighteen', 'nineteen', 'thousand'],
  fiscal: ['fiscal'],
  weekend: ['weekend'],
  periodUnit: ['week', 'month', 'year', 'quarter'],
  decadeUnit: ['decade'],
  zone: ['gmt', 'utc'],
} satisfies Record<string, string[]>;

/** Capitalised month names, for the bare-month parser: matched with their case, like its pattern. */
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * Every cue, a bit each. Besides the words: `digit` [0-9]; `fourDigits` [0-9]{4}; `isoDate`
 * [0-9]{4}-[0-9]; `numberSeparator` [0-9][/.-][0-9]; `numberSlash` [0-9]/[0-9]; `year`
 * (1[89]|20)[0-9][0-9]; `sign` [+-]; `monthName` a capitalised month name; `decadeDigits` 0s
 * ("1990s", "'80s"); `clockMark` a digit before a colon, am/pm or o'clock ("4:23", "10 a.m.", "6pm").
 */
export const CUE_NAMES = [...(Object.keys(WORD_CUES) as Array<keyof typeof WORD_CUES>), 'digit', 'fourDigits', 'isoDate', 'numberSeparator', 'numberSlash', 'year', 'sign', 'monthName', 'decadeDigits', 'clockMark'] as const;
export type CueName = (typeof CUE_NAMES)[number];
if (CUE_NAMES.length > 31) throw new Error('chronoCues: more than 31 cues for a 32-bit mask');
const bit = (name: CueName): number => 1 << CUE_NAMES.indexOf(name);
const DIGIT = bit('digit');
const FOUR_DIGITS = bit('fourDigits');
const ISO_DATE = bit('isoDate');
const NUMBER_SEPARATOR = bit('numberSeparator');
const NUMBER_SLASH = bit('numberSlash');
const YEAR = bit('year');
const SIGN = bit('sign');
const MONTH_NAME = bit('monthName');
const DECADE_DIGITS = bit('decadeDigits');
const CLOCK_MARK = bit('clockMark');

/** Needs as alternatives, each a set of cues that must all be present. */
const any = (...names: CueName[]): number[] => names.map(bit);
const all = (...names: CueName[]): number => names.reduce((m, n) => m | bit(n), 0);

/**
 * What each of chrono's English parsers needs, as a list of alternatives: the parser runs when the
 * text has every cue of at least one of them. Keyed by class name. The date recognizer does not
 * run chrono's parsers of counts from now ("in two weeks", "two days later"), which have no entry
 * and so would always run: their cue words ("in", "for") are in most sentences.
 */
const NEEDS: Record<string, number[]> = {
  ENYearMonthDayParser: any('fourDigits'),
  ISOFormatParser: any('isoDate'),
  SlashDateFormatParser: any('numberSeparator'),
  ENSlashMonthFormatParser: any('numberSlash'),
  ENTimeExpressionParser: any('digit'),
  ENMonthNameParser: any('month'),
  ENMonthNameLittleEndianParser: [all('month', 'digit'), all('month', 'ordinal')],
  ENMonthNameMiddleEndianParser: [all('month', 'digit'), all('month', 'ordinal')],
  ENYearMonthNameParser: [all('month', 'digit')],
  ENWeekdayParser: any('weekday'),
  ENTimeUnitAgoFormatParser: any('ago'),
  ENRelativeDateFormatParser: any('relative'),
  ENTimeUnitCasualRelativeFormatParser: any('relative', 'sign'),
  ENCasualDateParser: any('casualDay'),
  ENCasualTimeParser: any('partOfDay'),
  ENEndOfCurrentMonthParser: any('monthWord'),
};

/** Needs for parsers defined outside chrono: alternatives, each a list of cues that must all be present. */
export function needsOf(...alternatives: CueName[][]): number[] {
  return alternatives.map((names) => all(...names));
}

// The word cues as a trie over folded ASCII letters: node n's child for letter c is at
// CHILD[n * 26 + c] (0 for none; the root is node 0), and WORD_MASK[n] holds the cues of the words
// ending at n. MONTH_NAME_AT[n] is 1 + the index of the capitalised month name ending at n, if any,
// checked against the text's own case. Every cue word has two letters or more, so a walk starts from
// the node of its first two letters, PAIR[a * 26 + b] (0 when no cue word starts with them).
const { CHILD, WORD_MASK, MONTH_NAME_AT, PAIR } = (() => {
  const child: number[] = [];
  const mask: number[] = [0];
  let nodes = 1;
  const insert = (word: string): number => {
    let n = 0;
    for (const ch of word.toLowerCase()) {
      const k = n * 26 + ch.charCodeAt(0) - 97;
      if (!child[k]) {
        child[k] = nodes++;
        mask.push(0);
      }
      n = child[k];
    }
    return n;
  };
  for (const [name, words] of Object.entries(WORD_CUES)) for (const w of words) mask[insert(w)] |= bit(name as CueName);
  const monthNameEnds = MONTH_NAMES.map(insert);
  const monthNameAt = new Int32Array(nodes);
  monthNameEnds.forEach((n, i) => (monthNameAt[n] = i + 1));
  const CHILD = new Int32Array(nodes * 26);
  child.forEach((c, k) => (CHILD[k] = c ?? 0));
  const PAIR = new Int32Array(26 * 26);
  for (let a = 0; a < 26; a++) {
    const n = CHILD[a];
    if (n === 0) continue;
    if (mask[n] !== 0 || monthNameAt[n] !== 0) throw new Error('chronoCues: a cue word of one letter');
    for (let b = 0; b < 26; b++) PAIR[a * 26 + b] = CHILD[n * 26 + b];
  }
  return { CHILD, WORD_MASK: Int32Array.from(mask), MONTH_NAME_AT: monthNameAt, PAIR };
})();

/** Folded letter index 0–25 of each ASCII letter, -1 for every other character below 128. */
const LETTER = (() => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 0; c < 26; c++) {
    t[97 + c] = c;
    t[65 + c] = c;
  }
  return t;
})();

/** Whether a clock mark starts at i, right after a digit or a digit and a space: ":" (only right after), "am", "a.m.", "pm", "o'clock". */
function isClockMark(text: string, i: number, c: number, afterDigit: boolean): boolean {
  if (c === 58 /* : */ || c === 0xff1a /* ： */) return afterDigit;
  const l = c | 32;
  if (l === 97 /* a */ || l === 112 /* p */) {
    let k = i + 1;
    if (text.charCodeAt(k) === 46 /* . */) k++;
    return (text.charCodeAt(k) | 32) === 109 /* m */;
  }
  return l === 111 /* o */ && /^o['’]clock/i.test(text.slice(i, i + 7));
}

/** The cues present in `text`, one bit each, in one pass. */
export function cuesOf(text: string): number {
  let mask = 0;
  let run = 0; // digits ending at the previous character
  let runBeforeSeparator = 0; // digits ending right before the previous character, when that one is not a digit
  let afterDigitSpace = false; // the previous character is a space right after a digit
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mask |= DIGIT;
      if (run === 0 && runBeforeSeparator > 0) {
        const sep = text.charCodeAt(i - 1);
        if (sep === 47 /* / */) mask |= NUMBER_SEPARATOR | NUMBER_SLASH;
        else if (sep === 46 /* . */) mask |= NUMBER_SEPARATOR;
        else if (sep === 45 /* - */) {
          mask |= NUMBER_SEPARATOR;
          if (runBeforeSeparator >= 4) mask |= ISO_DATE;
        }
      }
      run++;
      if (run >= 4) {
        mask |= FOUR_DIGITS;
        const a = text.charCodeAt(i - 3);
        const b = text.charCodeAt(i - 2);
        if ((a === 49 && (b === 56 || b === 57)) || (a === 50 && b === 48)) mask |= YEAR;
      }
      afterDigitSpace = false;
      continue;
    }
    if (run > 0) {
      if (c === 115 /* s */ && text.charCodeAt(i - 1) === 48 /* 0 */) mask |= DECADE_DIGITS;
      if (isClockMark(text, i, c, true)) mask |= CLOCK_MARK;
    } else if (afterDigitSpace && c !== 32 && isClockMark(text, i, c, false)) mask |= CLOCK_MARK;
    afterDigitSpace = c === 32 && run > 0;
    runBeforeSeparator = run;
    run = 0;
    if (c === 43 || c === 45) {
      mask |= SIGN;
      continue;
    }
    if (c >= 128) continue;
    const a = LETTER[c];
    if (a < 0 || i + 1 >= n) continue;
    const c1 = text.charCodeAt(i + 1);
    if (c1 >= 128) continue;
    const b = LETTER[c1];
    if (b < 0) continue;
    let node = PAIR[a * 26 + b];
    for (let j = i + 2; node !== 0; j++) {
      mask |= WORD_MASK[node];
      if (MONTH_NAME_AT[node] !== 0 && text.startsWith(MONTH_NAMES[MONTH_NAME_AT[node] - 1], i)) mask |= MONTH_NAME;
      if (j >= n) break;
      const cj = text.charCodeAt(j);
      if (cj >= 128) break;
      const l = LETTER[cj];
      if (l < 0) break;
      node = CHILD[node * 26 + l];
    }
  }
  return mask;
}

/** A chrono whose parsers run only on texts with their cues; same parsers in the same order, same refiners, same results. */
export class CuedChrono {
  private readonly needs: Array<number[] | undefined>;
  /** Chrono instances by the set of parsers they run (a bit per parser). */
  private readonly byParsers = new Map<number, Chrono>();

  /**
   * @param full the configured chrono: its parsers in order, and its refiners.
   * @param extraNeeds needs of the parsers added to chrono's own (see {@link needsOf}).
   */
  constructor(
    private readonly full: Chrono,
    extraNeeds: ReadonlyMap<Parser, number[]> = new Map(),
  ) {
    if (full.parsers.length > 31) throw new Error('CuedChrono: more than 31 parsers');
    this.needs = full.parsers.map((p) => extraNeeds.get(p) ?? NEEDS[p.constructor.name]);
  }

  /** chrono's `parse`, skipping the parsers that cannot match `text`. */
  parse(text: string, ref: Date): chrono.ParsedResult[] {
    const cues = cuesOf(text);
    let active = 0;
    for (let i = 0; i < this.needs.length; i++) if (this.canMatch(i, cues)) active |= 1 << i;
    let c = this.byParsers.get(active);
    if (!c) {
      c = new chrono.Chrono({ parsers: this.full.parsers.filter((_, i) => active & (1 << i)), refiners: this.full.refiners });
      this.byParsers.set(active, c);
    }
    return c.parse(text, ref);
  }

  /** Whether parser i may match a text with these cues: it has no needs, or all cues of one alternative are present. */
  private canMatch(i: number, cues: number): boolean {
    const needs = this.needs[i];
    if (!needs) return true;
    for (const m of needs) if ((cues & m) === m) return true;
    return false;
  }
}
