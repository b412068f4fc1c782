import type * as chrono from 'chrono-node';
import { dateValueStart, isoWeekValue } from '../../dates/dateValue';
import type { ExtractionContext } from '../context';
import type { CuedChrono } from './chronoCues';
import { frameOf, type Frame } from './dateFrame';
import { buildChrono, OFFSET_TAG, PERIOD_TAG, SHIFT_TAG } from './dateParsers';

export { afterOfOrThe, mayHaveTimezone } from './dateParsers';

let parser: CuedChrono | undefined;

/**
 * Sentences worth handing to chrono: those with a month, weekday, year, decade, clock time, season,
 * quarter or relative word. A word that opens a sentence is capitalised ("This year", "Last month",
 * "Yesterday"), so the words that can are matched with either case of their first letter.
 */
const DATEISH =
  /\b(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|ago|[Yy]esterday|[Tt]o(?:day|morrow|night)|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Cc]entury|weekend|[Ff]iscal|noon|midnight|midday)\b|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|(?:1[89]|20)\d\d(?:s\b|\b)|(?:[Tt]his|[Ll]ast|[Nn]ext|[Cc]oming|[Pp]ast|[Cc]urrent|[Ll]atest|[Pp]revious)\s+(?:fiscal\s+)?(?:week|month|year|weekend|decade|century|quarter|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b|(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]inal)[\s-]+(?:fiscal[\s-]+)?(?:quarter|half)\b|the\s+(?:twen|thir|for|fif|six|seven|eigh|nine)ties\b|(?:end|beginning|start|middle|rest|remainder)\s+of\s+the\s+(?:week|month|year|quarter)\b|[Nn]ineteen[\s-]+[a-z]|year\s+two\s+thousand\b|year(?:-|\s+|['’]s\s+)end\b|(?:[Ee]arlier|[Ll]ater)\s+in\s+the\s+(?:year|month|week)\b|\d{1,2}:\d\d\b|\d{1,2}\/\d{1,2}\b)|'\d0s\b|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b)/;

const DATEISH_ALL = new RegExp(DATEISH.source, 'g');

/** A date with day, month and year: "Nov. 3, 2016", "3 November 2016", "2016-11-03", "11/3/2016" (month first), "03.11.2016" (day first). */
const FULL_DATE_ALL =
  /\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s+(\d{1,2}),?\s+(\d{4})\b|\b(\d{1,2})\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?,?\s+(\d{4})\b|\b(\d{4})-(\d\d)-(\d\d)\b|\b(\d{1,2})\/(\d{1,2})\/(\d{2,4})\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/g;

/** A numeric date written with dots, day first: "05.03.2024". */
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})$/;

const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(?:\d{2}|\d{4})\b/g;
/** Agencies whose datelines put the day first in numeric dates. */
const DAY_FIRST_DATELINE = /\((?:AFP|Reuters|AAP|PTI|IANS|APP|dpa|DPA|Xinhua|ANSA|EFE|Anadolu|Bernama|Kyodo)\)/;

/**
 * Whether the document writes numeric dates day first: read from its own numeric dates where one
 * has a first number over 12 (25/12/2020) or a second one (12/25/2020), else from its dateline's
 * agency (ENTITIES: "a numeric date is read in the convention of its dateline").
 */
function dayFirstConvention(text: string): boolean {
  if (!text.includes('/')) return false;
  let dm = 0;
  let md = 0;
  let seen = 0;
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    seen++;
    if (a > 12 && b <= 12) dm++;
    else if (b > 12 && a <= 12) md++;
  }
  if (dm !== md) return dm > md;
  return seen > 0 && DAY_FIRST_DATELINE.test(text.slice(0, 300));
}

/** Month names and the abbreviations chrono reads. */
const MONTH_WORDS: Record<string, number> = {
  Jan: 1, January: 1, Feb: 2, February: 2, Mar: 3, March: 3, Apr: 4, April: 4, May: 5, Jun: 6, June: 6, Jul: 7, July: 7, Aug: 8, August: 8,
  Sep: 9, Sept: 9, September: 9, Oct: 10, October: 10, Nov: 11, November: 11, Dec: 12, December: 12,
};

/** The ISO value of a full date matched by {@link FULL_DATE_ALL}, or undefined when it is not a calendar day. */
function fullDateValue(m: RegExpMatchArray, dayFirst: boolean): string | undefined {
  let y: number;
  let mo: number | undefined;
  let d: number;
  if (m[1] !== undefined) [mo, d, y] = [MONTH_WORDS[m[1]], Number(m[2]), Number(m[3])];
  else if (m[4] !== undefined) [d, mo, y] = [Number(m[4]), MONTH_WORDS[m[5]], Number(m[6])];
  else if (m[7] !== undefined) [y, mo, d] = [Number(m[7]), Number(m[8]), Number(m[9])];
  else if (m[13] !== undefined) [d, mo, y] = [Number(m[13]), Number(m[14]), Number(m[15])];
  else {
    [mo, d, y] = [Number(m[10]), Number(m[11]), Number(m[12])];
    if (dayFirst && mo <= 12 && d <= 12) [mo, d] = [d, mo];
    if (m[12].length === 2) y += y < 50 ? 2000 : 1900;
    else if (m[12].length === 3) return undefined;
  }
  if (!mo || mo > 12 || d < 1 || d > 31) return undefined;
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return undefined;
  return iso(y, mo, d);
}

const PREMODIFIERS = new Set(['late', 'early', 'last', 'this', 'next', 'earlier', 'mid', 'later']);
const UNIT = /\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\b/i;
/** A part of the day alone, with no day it belongs to: not a date ("in the morning", "at night"). */
const BARE_PART_OF_DAY = /^(?:morning|afternoon|evening|night|overnight|weekend)$/i;
const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };
const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** A date found by chrono, its span adjusted to the product's rules. */
interface DateHit {
  start: number;
  end: number;
  /** Parsed with a reference date; absent fields mean unresolved. */
  value?: string;
  absolute: boolean;
  /** Index of the sentence it came from, in the list handed to chrono. */
  chunk: number;
  /** An offset from the date the text last named ("a year earlier"), or from the document's ("a year ago"). */
  offset?: Offset;
  /** A clock time with no day of its own ("2:40 a.m."): its day is the document's until one follows it closely. */
  clockOnly?: boolean;
  /** The last day of a quarter being reported ("the quarter ended Sept. 30"): the period compared is that quarter. */
  quarterEnd?: boolean;
}

/**
 * A count of years back that a comparison of results makes the period being reported a year
 * before: "a year ago" (from the document's date), "the year-ago quarter"; or, with `inYear`, "the
 * 1988 period": the quarter last named, in the year n the text gives.
 */
interface Offset {
  n: number;
  unit: 'year' | 'month' | 'week' | 'day';
  ago: boolean;
  inYear?: boolean;
}

const COUNT_WORD: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** The words of a count back from the document's date: "a year ago", "two decades ago", "year-ago quarter". */
const OFFSET_BODY = /^(?:(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(year|month|week|day|decade)s?\s+ago|year-ago\b.*)$/i;

/** The count back an expression's words give, or undefined. */
function offsetOf(body: string): Offset | undefined {
  const m = OFFSET_BODY.exec(body);
  if (!m) return undefined;
  if (!m[1]) return { n: 1, unit: 'year', ago: false };
  const n = COUNT_WORD[m[1].toLowerCase()] ?? Number(m[1]);
  const decade = m[2].toLowerCase() === 'decade';
  return { n: decade ? 10 * n : n, unit: decade ? 'year' : (m[2].toLowerCase() as Offset['unit']), ago: true };
}

/**
 * The value `v` moved back n years, at v's own precision ("the year-ago third quarter" is the third
 * quarter of the year before); a week is moved as its year.
 */
export function yearsBefore(v: string, n: number): string | undefined {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?|-(Q[1-4]|H[12]|SP|SU|FA|WI))?/.exec(v);
  if (!m) return undefined;
  const y = Number(m[1]) - n;
  const mo = m[2] ? Number(m[2]) : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (m[4]) return `${y}-${m[4]}`;
  if (mo === undefined) return String(y);
  if (d === undefined) return iso(y, mo);
  // 29 February a year back is 28 February.
  return isoDay(new Date(Date.UTC(y, mo - 1, Math.min(d, new Date(Date.UTC(y, mo, 0)).getUTCDate()))));
}

/** Milliseconds spent inside chrono, for the benchmark's breakdown. */
export const chronoClock = { ms: 0 };

/**
 * Dates by chrono-node, run only on sentences with a date-like word. Spans follow the product's
 * rules: premodifiers (late, last, earlier…) and "ago" inside, prepositions outside; durations,
 * sets, vague words and generic weekdays ("a Friday sermon") dropped. Values resolve against the
 * analyst's date, else against the latest full date in the text (then the document date is inferred).
 */
export class DateRecognizer {
  /** Whether numeric dates of this document put the day first ("Dubai (AFP) - 11/02/2021" is 11 February). */
  private dayFirst = false;

  constructor(private readonly analystDate?: string) {}

  recognize(ctx: ExtractionContext): void {
    parser ??= buildChrono();
    const text = ctx.text;
    this.dayFirst = dayFirstConvention(text);
    // Date-bearing sentences, neighbours in one paragraph handed to chrono together: each call has a fixed cost.
    // The text is scanned once for date words, from one sentence to the next sentence holding one.
    const chunks: Array<{ start: number; end: number }> = [];
    let lastPara = -1;
    const sentences = ctx.sentences;
    for (let si = 0; si < sentences.length; ) {
      DATEISH_ALL.lastIndex = sentences[si].start;
      const m = DATEISH_ALL.exec(text);
      if (!m) break;
      while (si < sentences.length && sentences[si].end <= m.index) si++;
      if (si >= sentences.length) break;
      const s = sentences[si];
      // A match between sentences, or running past this one's end: the sentence is tested alone.
      if (m.index < s.start) continue;
      if (m.index + m[0].length > s.end && !DATEISH.test(text.slice(s.start, s.end))) {
        si++;
        continue;
      }
      const para = ctx.paragraphOfSentence[si];
      const prev = chunks[chunks.length - 1];
      if (prev && para === lastPara) prev.end = s.end;
      else chunks.push({ start: s.start, end: s.end });
      lastPara = para;
      si++;
    }
    let ref = parseIso(this.analystDate);
    if (this.analystDate) ctx.documentDate = { value: this.analystDate, source: 'analyst' };
    else {
      // The document's date is the latest full date in it, read from the full dates alone.
      let latest: string | undefined;
      for (const m of text.matchAll(FULL_DATE_ALL)) {
        const v = fullDateValue(m, this.dayFirst);
        if (v && (!latest || v > latest)) latest = v;
      }
      if (latest) {
        ctx.documentDate = { value: latest, source: 'inferred' };
        ref = parseIso(latest);
      }
    }
    const hits = this.parseAll(ctx, chunks, ref);
    resolveOffsets(hits, ref);
    for (const h of hits) {
      const t0 = ctx.tokenAt(h.start);
      let t1 = t0;
      while (t1 < ctx.tokens.length && ctx.tokens[t1].end <= h.end) t1++;
      if (t1 === t0) continue;
      ctx.candidates.push({ start: h.start, end: h.end, kind: 'date', t0, t1, value: h.value, priority: 4 });
    }
  }

  private parseAll(ctx: ExtractionContext, chunks: readonly { start: number; end: number }[], ref: Ymd | undefined): DateHit[] {
    const out: DateHit[] = [];
    // One reference for every call: chrono reads it and never changes it.
    const refDate = ref ? new Date(ref.y, (ref.m ?? 1) - 1, ref.d ?? 1, 12) : new Date(2000, 0, 1, 12);
    for (let k = 0; k < chunks.length; k++) {
      const s = chunks[k];
      const sentence = ctx.text.slice(s.start, s.end);
      const t = performance.now();
      const results = (parser as CuedChrono).parse(sentence, refDate);
      chronoClock.ms += performance.now() - t;
      for (const r of results) {
        const hit = this.adjust(sentence, r, ref);
        if (!hit) continue;
        // A full date and the clock time after it ("Published 4 February 2025, 18:40 CET") are two
        // dates, the day's and the time on that day, as a time and its day joined by "at" are.
        const dateline = hit.value && hit.value.length > 11 ? DATE_THEN_CLOCK.exec(sentence.slice(hit.start, hit.end)) : null;
        if (dateline && hit.value) {
          const second = hit.start + dateline[0].length;
          out.push({ start: hit.start + s.start, end: hit.start + dateline[1].length + s.start, value: hit.value.slice(0, 10), absolute: hit.absolute, chunk: k });
          out.push({ start: second + s.start, end: hit.end + s.start, value: hit.value, absolute: hit.absolute, chunk: k });
          continue;
        }
        // A clock time and its day joined by "on" or "at" ("11:45 p.m. on Sunday", "tomorrow at 10
        // a.m.") are two dates, as prepositions stay outside a date: the day's, and the time on that day.
        const join = hit.value && hit.value.includes('T') ? CLOCK_AND_DAY.exec(sentence.slice(hit.start, hit.end)) : null;
        if (join && hit.value) {
          const [a, b] = [sentence.slice(hit.start, hit.start + join.index), sentence.slice(hit.start + join.index + join[0].length, hit.end)];
          const clockFirst = CLOCK.test(a) && !CLOCK.test(b);
          if (clockFirst || (CLOCK.test(b) && !CLOCK.test(a))) {
            const day = hit.value.slice(0, hit.value.indexOf('T'));
            const second = hit.start + join.index + join[0].length;
            out.push({ start: hit.start + s.start, end: hit.start + join.index + s.start, value: clockFirst ? hit.value : day, absolute: hit.absolute, chunk: k });
            out.push({ start: second + s.start, end: hit.end + s.start, value: clockFirst ? day : hit.value, absolute: hit.absolute, chunk: k });
            continue;
          }
        }
        out.push({ start: hit.start + s.start, end: hit.end + s.start, value: hit.value, absolute: hit.absolute, chunk: k, offset: hit.offset, clockOnly: hit.clockOnly, quarterEnd: hit.quarterEnd });
      }
    }
    // A clock time followed closely by its day takes that day: "2:40 a.m. local time on Tuesday",
    // "10:35 a.m. (0735 GMT) Friday" (read from the last, so a time passes on the day it took).
    for (let i = out.length - 2; i >= 0; i--) {
      const h = out[i];
      const next = out[i + 1];
      if (!h.clockOnly || !h.value || !next.value || next.chunk !== h.chunk || next.value.length < 10 || next.value[7] !== '-') continue;
      if (next.start - h.end <= 30 && CLOCK_TO_DAY.test(ctx.text.slice(h.end, next.start))) h.value = next.value.slice(0, 10) + h.value.slice(10);
    }
    // "on April 24 and 25": the second day is a date of its own, in the first one's month.
    for (let i = out.length - 1; i >= 0; i--) {
      const h = out[i];
      if (h.value?.length !== 10 || !isDigit(ctx.text.charCodeAt(h.end - 1)) || isDigit(ctx.text.charCodeAt(h.end))) continue;
      const next = SECOND_DAY.exec(ctx.text.slice(h.end, h.end + 24));
      if (!next) continue;
      const d = Number(next[1]);
      const day = `${h.value.slice(0, 8)}${pad(d)}`;
      if (d <= Number(h.value.slice(8)) || d > 31 || new Date(`${day}T00:00:00Z`).getUTCDate() !== d) continue;
      const start = h.end + next[0].length - next[1].length;
      if (out[i + 1] && out[i + 1].start < start + next[1].length) continue;
      out.splice(i + 1, 0, { start, end: start + next[1].length, value: day, absolute: h.absolute, chunk: h.chunk });
    }
    // "this year's third quarter", "next year's first half": one date, that period of that year.
    for (let i = out.length - 2; i >= 0; i--) {
      const a = out[i];
      const b = out[i + 1];
      if (a.value?.length !== 4 || !b.value || b.value.length < 7 || b.value[4] !== '-' || b.start - a.end !== 3 || !/^['’]s\s$/.test(ctx.text.slice(a.end, b.start))) continue;
      if (!/^\d{4}-(?:Q\d|H\d|SP|SU|FA|WI)$/.test(b.value)) continue;
      a.end = b.end;
      a.value += b.value.slice(4);
      out.splice(i + 1, 1);
    }
    return out;
  }

  private adjust(sentence: string, r: chrono.ParsedResult, ref: Ymd | undefined): Omit<DateHit, 'chunk'> | undefined {
    let start = r.index;
    let end = r.index + r.text.length;
    let body = r.text;
    const lower = body.toLowerCase();
    // The start's tags: chrono's result copies them into a new set, and ranges are split here anyway.
    const tags = r.start.tags();
    let period: string | undefined;
    let shift: string | undefined;
    for (const t of tags) {
      if (t.startsWith(PERIOD_TAG)) period = t.slice(PERIOD_TAG.length);
      else if (t.startsWith(SHIFT_TAG)) shift = t.slice(SHIFT_TAG.length);
    }
    // chrono reads "the end of this week" as a day: it is the week (the edge is not in the value).
    const edge = period || !body.includes(' of ') ? null : /\b(?:end|beginning|start|middle|rest|remainder)\s+of\s+(this|last|next|the)\s+(week|month|year)$/i.exec(body);
    if (edge) {
      const d = edge[1].toLowerCase();
      period = edge[2].toLowerCase() === 'week' ? 'W' : edge[2].toLowerCase() === 'month' ? 'M' : 'year';
      shift = d === 'last' ? '-1' : d === 'next' ? '1' : '0';
    }
    // Vague or generic: "now", "right now"; durations: "for two years", "past two weeks"; ranges keep their start.
    if (/^(?:right )?now$/.test(lower)) return undefined;
    // A count back from the document's date: "a year ago", "the year-ago period" (a year, until a compared period says which).
    const offset = tags.has(OFFSET_TAG) || lower.endsWith(' ago') ? offsetOf(body) : undefined;
    if (offset && !offset.ago) return { start, end, value: ref ? String(ref.y - 1) : undefined, absolute: false, offset };
    if (!period && UNIT.test(lower) && !/\bago$/.test(lower) && !/^(?:this|last|next|coming|the)\s+(?:week|month|year|weekend|decade|century)$/.test(lower)) return undefined;
    if (!period && /^(?:for|within|in|over|during|past|the past|the next|next \d)/.test(lower) && UNIT.test(lower)) return undefined;
    // A vague amount makes a vague time: "several months ago", "a few years ago", "many years ago".
    if (/\bago$/.test(lower) && /^(?:(?:about|around|some|nearly|almost)\s+)?(?:a\s+few|few|several|many|some|the)\b/.test(lower)) return undefined;
    // Numbers that are not dates: "$6.44 a share" read as 6:44 a.m., fractions of stock prices
    // ("12 3/4", "1/2"), the tail of a number with separators ("1,000 a year").
    const last = body.charCodeAt(body.length - 1);
    if (((last === 97 || last === 65) && /(?:^|[\s\d])a$/i.test(body)) || (start > 0 && isFigureEnd(sentence.charCodeAt(start - 1)))) return undefined;
    if (body.includes('/') && /\d\/\d/.test(body) && !/\d\/\d{1,2}\/\d{2,4}|^\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}\/\d\d$/u.test(body) && body !== '9/11') return undefined;
    // Figures with a sign are not dates ("July +0.4", "June - 7.8 m", read as minutes from now).
    if ((body.includes('+') || body.includes('-')) && /\+|(?:^|\s)-\s*\d/.test(body)) return undefined;
    // Leading prepositions and articles outside the span.
    const lead = /^(?:(?:on|in|at|by|from|since|until|till|of|the|its|their|his|her)\s+)+/i.exec(body);
    if (lead) {
      start += lead[0].length;
      body = body.slice(lead[0].length);
    }
    // A decimal before a date is a figure, not a clock time ("$6.43, on Friday" read as 6:43).
    let clock = true;
    // (A date written with dots, "05.03.2024", is not a decimal.)
    const dotted = isDigit(body.charCodeAt(0)) && DOTTED_DATE.test(body);
    const decimal = isDigit(body.charCodeAt(0)) && !dotted ? /^\d{1,2}\.\d\d\b,?\s*(?:on\s+)?/.exec(body) : null;
    if (decimal && !/GMT|UTC|\d\s*[ap]\.?m\b/i.test(body)) {
      if (decimal[0].length >= body.length) return undefined;
      start += decimal[0].length;
      body = body.slice(decimal[0].length);
      clock = false;
    }
    // "the next morning", "the next day": an offset from another event, not from the document's date.
    if (/^next\s/i.test(body) && /\bthe\s+$/i.test(sentence.slice(Math.max(0, start - 5), start))) return undefined;
    // A month or weekday must be capitalised: "may", "march", "sun" are words.
    // (Read on the body: its first word opens with these letters exactly when the body does.)
    if (!period && /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(body) && !/^\p{Lu}/u.test(body)) return undefined;
    // Generic uses and sets: "a Friday sermon", "every Monday".
    const before = sentence.slice(Math.max(0, start - 12), start);
    if (/^\p{Lu}[a-z]+day$/u.test(body) && /\b(?:a|an|every|each|any|one)\s+$/i.test(before)) return undefined;
    const trail = /(?:[\s,;:]+(?:of|the|in|on|at|and)?)+$/i.exec(body);
    if (trail && trail[0].length < body.length) {
      end -= trail[0].length;
      body = body.slice(0, -trail[0].length);
    }
    // A closing bracket whose opening one is outside the date: "(4 a.m. EDT Thursday)".
    if (body.charCodeAt(body.length - 1) === 41 && !body.includes('(')) {
      end -= 1;
      body = body.slice(0, -1);
    }
    if (/['’]s$/.test(body)) {
      end -= 2;
      body = body.slice(0, -2);
    }
    // "each July", "every March": a set; "the March for Life", "a March on Washington": an event's name.
    if (body.length <= 9 && MONTH_ALONE.test(body) && (/\b(?:every|each)\s+$/i.test(before) || (body === 'March' && EVENT_AFTER_MARCH.test(sentence.slice(end, end + 16))))) return undefined;
    // Weekday abbreviations alone are words or names ("Sun", "Wed", "Sat"); a number alone is a count
    // ("from 16 members", "20% last year"), unless it is a year.
    if (/^(?:Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?$/.test(body) || (/^\d+$/.test(body) && !tags.has('bareYear'))) return undefined;
    // Premodifiers inside: "late Tuesday", "last December", "earlier this year".
    let premod = '';
    const pm = start > 0 && isSpace(sentence.charCodeAt(start - 1)) ? /(?<![-\w])([A-Za-z]+)\s+$/.exec(sentence.slice(Math.max(0, start - 12), start)) : null;
    // ("said this 30 years ago": no word before a count of time ago is its premodifier.)
    // ("early this week", "late last week": a premodifier of time before a relative one.)
    if (pm && PREMODIFIERS.has(pm[1].toLowerCase()) && (!/^(?:this|last|next|early|late|mid)\b/i.test(body) || /^(?:earlier|later)$/i.test(pm[1]) || (/^(?:early|late|mid)$/i.test(pm[1]) && /^(?:this|last|next)\s/i.test(body))) && !/\bago$/i.test(body)) {
      premod = pm[1].toLowerCase();
      start -= pm[0].length;
    } else if (start > 4 && sentence.charCodeAt(start - 1) === 45) {
      // Written with a hyphen: "mid-1996", "late-November".
      const hy = /(?<![-\w])(mid|early|late)-$/i.exec(sentence.slice(Math.max(0, start - 7), start));
      if (hy) {
        premod = hy[1].toLowerCase();
        start -= hy[0].length;
      }
    }
    // "the week of March 6": the ISO week of that day.
    const weekOf = start > 8 && sentence.charCodeAt(start - 2) === 102 /* f */ ? /\bweek\s+of\s+$/i.exec(sentence.slice(start - 9, start)) : null;
    // "the end of 1990", "the beginning of October": the edge is inside the date, as in "the end of
    // November" (the value stays the year or month).
    if (!weekOf && !premod && start > 7 && sentence.charCodeAt(start - 2) === 102 /* f */) {
      const edgeOf = /\b(?:end|beginning|start|middle)\s+of\s+$/i.exec(sentence.slice(Math.max(0, start - 14), start));
      if (edgeOf) start -= edgeOf[0].length;
    }
    // A part of the day with no day it belongs to ("in the morning", "the weekend" without a word
    // that places it), or placed only by "next" (an offset from another event).
    if (!period && BARE_PART_OF_DAY.test(body) && (premod === '' || premod === 'next')) return undefined;
    // "today" meaning nowadays: in a comparison ("fewer fighters than it has today") or after "even", "still".
    if (/^today$/i.test(body) && /(?:\bthan\b[^.;:!?]*|\b(?:even|still)\s+)$/i.test(sentence.slice(Math.max(0, start - 60), start))) return undefined;
    // "USA Today", "VOA Today": a title after an acronym; "Friday prayers": a generic use of the day.
    if (body === 'Today' && /\b[A-Z]{2,5}\s+$/.test(before)) return undefined;
    if (body.endsWith('day') && /^\p{Lu}[a-z]+day$/u.test(body) && /^\s+(?:prayers?|sermons?)\b/i.test(sentence.slice(end, end + 12))) return undefined;
    // "today's youth", "in today's world": the present, not a day.
    if ((body === 'today' || body === 'Today') && NOWADAYS_AFTER.test(sentence.slice(end, end + 16))) return undefined;
    // "the people of tomorrow", "the Iraq of today": the future or the present, not a day.
    if (/^(?:today|tomorrow)$/i.test(body) && /\bof\s+$/i.test(before)) return undefined;
    // "9/11" names the 2001 attacks, not a day of the current year.
    if (body === '9/11') return { start, end, value: '2001-09-11', absolute: true };
    // "the morning of June 5": the part of day is inside the span, the date gives the value.
    const partOfDay = /^(morning|afternoon|evening|night) of /i.exec(body);
    if (partOfDay) {
      const inner = (parser as CuedChrono).parse(body.slice(partOfDay[0].length), r.refDate)[0];
      if (inner) {
        const hit = this.adjust(body.slice(partOfDay[0].length), inner, ref);
        if (hit) return { start, end, value: hit.value && hit.value.length === 10 ? `${hit.value}T${PART_OF_DAY[partOfDay[1].toLowerCase()]}` : hit.value, absolute: hit.absolute };
      }
    }
    // The sentence's tense, read only for the dates it can move.
    let frameRead: Frame | null = null;
    const frame = (): Frame => (frameRead === null ? (frameRead = frameOf(sentence, start, end)) : frameRead);
    // chrono reads "last weekend" and "this quarter" as a day: they are the weekend of an ISO week, a quarter.
    // (Read on the body: chrono's result may end in a comma, "last weekend,".)
    const thisOrLast = period || !(body.endsWith('weekend') || body.endsWith('quarter')) ? null : /^(this|last|next|past|coming)\s+(weekend|quarter)$/i.exec(body);
    if (thisOrLast) {
      const w = thisOrLast[1].toLowerCase();
      period = thisOrLast[2].toLowerCase() === 'weekend' ? 'weekend' : 'Q';
      shift = w === 'this' ? '0' : w === 'next' || w === 'coming' ? '1' : '-1';
    }
    if (period) {
      // A fiscal quarter named alone is one being reported, the latest of that number, unless the
      // sentence speaks of the future: its number is not the calendar's ("the fiscal first quarter ended Sept. 30").
      const latestFrame = shift === 'latest' ? (period[0] === 'Q' && body.includes('iscal') && frame() !== 'future' ? 'past' : frame()) : undefined;
      let value = resolvePeriod(period, shift, r.start, ref, latestFrame);
      // "the year-ago third quarter", "the year-earlier first half": that period a year before.
      const before = start > 9 && sentence.charCodeAt(start - 1) === 32 ? sentence.charCodeAt(start - 2) | 32 : 0;
      const yearBack = before === 111 /* o */ || before === 114 /* r */ ? /\byear-(?:earlier|ago)\s+$/i.exec(sentence.slice(Math.max(0, start - 14), start)) : null;
      if (yearBack) {
        start -= yearBack[0].length;
        value = value && yearsBefore(value, 1);
      }
      return { start, end, value, absolute: shift === undefined && !yearBack };
    }
    // "By Jan. 18, 10 days after…": a number after the day is not its year.
    let yearKnown = r.start.isCertain('year');
    const notYear = body.includes(',') ? /,\s*\d{1,2}$/.exec(body) : null;
    if (notYear && /^\s+\p{Ll}/u.test(sentence.slice(end, end + 3))) {
      end -= notYear[0].length;
      body = body.slice(0, -notYear[0].length);
      yearKnown = false;
    }
    const relative = /\b(?:ago|yesterday|today|tomorrow|tonight|this|last|next|coming|past)\b/i.test(body) || premod === 'last' || premod === 'next' || premod === 'this';
    const c = r.start;
    // "the end of November": chrono gives the last day, the value is the month (TimeML keeps the edge as a modifier).
    const dayKnown = c.isCertain('day') && !tags.has('refiner/ENEndOfPeriodRefiner');
    const bareWeekday = !dayKnown && c.isCertain('weekday') && !c.isCertain('month');
    const bareMonth = tags.has('bareMonth') || (!dayKnown && c.isCertain('month') && !yearKnown && !relative);
    const absolute = !relative && !bareWeekday && !bareMonth && yearKnown;
    let value: string | undefined;
    const y = c.get('year');
    let m = c.get('month');
    let d = c.get('day');
    // Numeric dates in the document's convention; written with dots ("05.03.2024"), always day first.
    if ((this.dayFirst || dotted) && m !== null && d !== null && m <= 12 && d <= 12 && tags.has('parser/SlashDateFormatParser')) [m, d] = [d, m];
    const week = lower.endsWith('week') ? /\b(this|last|next|past|coming)\s+week$/i.exec(body) : null;
    if (absolute) {
      if (dayKnown && c.isCertain('month')) value = iso(y, m, d);
      else if (c.isCertain('month')) value = iso(y, m);
      else value = iso(y);
    } else if (ref) {
      if (week) {
        // "this week", "last week": an ISO week, counted from the document's.
        if (ref.d) {
          const w = week[1].toLowerCase();
          const dt = new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d + (w === 'this' ? 0 : w === 'next' || w === 'coming' ? 7 : -7)));
          value = isoWeekValue(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
        }
      } else if (bareWeekday && !relative) {
        // A bare weekday in news copy is the most recent one on or before the document's date,
        // the next one on or after it when the sentence speaks of the future.
        const wd = c.get('weekday') ?? -1;
        if (wd >= 0 && ref.d) {
          const dt = new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d));
          if (forward(frame())) dt.setUTCDate(dt.getUTCDate() + ((wd - dt.getUTCDay() + 7) % 7));
          else dt.setUTCDate(dt.getUTCDate() - ((dt.getUTCDay() - wd + 7) % 7));
          value = isoDay(dt);
        }
      } else if (bareMonth || (premod && c.isCertain('month') && !dayKnown && !yearKnown)) {
        const month = m ?? 1;
        if (ref.m) {
          let year = ref.y;
          if (premod === 'last') year = month < ref.m ? ref.y : ref.y - 1;
          else if (premod === 'next') year = month > ref.m ? ref.y : ref.y + 1;
          else if (premod === 'this') year = ref.y;
          else year = nearestMonthYear(ref.y, ref.m, month, frame());
          value = iso(year, month);
        }
      } else if (/\bago\b/i.test(body) || /\b(?:this|last|next|coming)\s+(?:week|month|year|decade)/i.test(body)) {
        const unit = UNIT.exec(body)?.[0].toLowerCase() ?? '';
        if (/year|decade|centur/.test(unit)) value = iso(y);
        else if (/month/.test(unit)) value = iso(y, m);
        // "two weeks ago" is a week, as "last week" is.
        else if (/week/.test(unit) && /\bago$/i.test(body) && y !== null && m !== null && d !== null) value = isoWeekValue(y, m, d);
        else if (ref.d) value = iso(y, m, d);
      } else if (dayKnown && c.isCertain('month') && !yearKnown && ref.m && ref.d && premod !== 'next') {
        // "June 5" without a year: the nearest such day to the document's date, or the latest on or
        // before it when the sentence speaks of the past, the next on or after it for the future.
        value = iso(nearestYear(ref, m ?? 1, d ?? 1, frame()), m, d);
      } else if (ref.d || dayKnown) value = iso(y, m, d);
    } else if (!relative && !bareWeekday && !bareMonth && yearKnown && c.isCertain('month') && dayKnown) value = iso(y, m, d);
    if (value && value.length === 10) {
      if (weekOf) {
        start -= weekOf[0].length;
        value = isoWeekValue(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8)));
      } else value += timeOfDay(body, c, clock);
    }
    // "the 1988 period", "the 1988 quarter": the quarter last named, in that year (resolved below).
    // (Read only where a space and a "p" or "q" follow the year.)
    const next = sentence.charCodeAt(end) === 32 ? sentence.charCodeAt(end + 1) | 32 : 0;
    if ((next === 112 || next === 113) && tags.has('bareYear') && y !== null) {
      const noun = /^\s+(?:period|quarter)\b(?!\s+(?:of|ended|ending)\b)/i.exec(sentence.slice(end, end + 20));
      if (noun) return { start, end: end + noun[0].length, value, absolute, offset: { n: y, unit: 'year', ago: false, inYear: true } };
    }
    const clockOnly = value !== undefined && value.length > 11 && !dayKnown && !c.isCertain('weekday') && !relative;
    const quarterEnd = value?.length === 10 && start > 14 && sentence.charCodeAt(start - 2) === 100 /* d */ && QUARTER_ENDED.test(sentence.slice(start - 16, start));
    // "earnings of $24 million, compared with a loss of $3 million last year": the results compared
    // are those of the period reported, a year before, as with "a year ago".
    const compared = !offset && (body === 'last year' || body === 'Last year') && COMPARED_BEFORE.test(sentence.slice(Math.max(0, start - 50), start)) ? ({ n: 1, unit: 'year', ago: true } as const) : undefined;
    return { start, end, value, absolute, offset: offset?.ago ? offset : compared, clockOnly, quarterEnd };
  }
}

const MONTH_ALONE = /^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
/** What follows "March" naming a march: "for Life", "of the Mothers", "on Washington" (not "on Tuesday"). */
const EVENT_AFTER_MARCH = /^\s+(?:for|of\s+the|on(?!\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun))|against)\s+\p{Lu}/u;
/** Nouns after "today's" that make it the present, not a day: "today's youth", "today's world". */
const NOWADAYS_AFTER = /^['’]s\s+(?:world|youth|society|generation|children|kids|young|standards|economy|families|culture)\b/i;

/** A full date with its year, then a clock time: "4 February 2025, 18:40", "Nov. 3, 2016 10:45 a.m." (group 1: the date). */
const DATE_THEN_CLOCK = /^(.*\b\d{4}),?\s+(?=\d{1,2}(?::\d\d|\s*[ap]\.?m\b))/i;
/** What may stand between a clock time and the day after it that it belongs to: a time zone or "local time" in brackets or not, "on". */
const CLOCK_TO_DAY = /^[\s,)]*(?:\([^()]{0,30}\)[\s,]*)?(?:local\s+time[\s,]*)?(?:on\s+)?\(?$/i;

/**
 * Comparisons of results resolved in the text's order. "Third-quarter sales fell from a year ago",
 * "costs rose from the year-ago quarter": the period being reported a year before, that is the
 * latest one named in the paragraph or the one before that began in the year up to the document's
 * date; "a year ago" takes only a quarter or a half that way, and otherwise stays a year counted
 * from the document's date. "The 1988 period" is the quarter last named, in 1988.
 */
function resolveOffsets(hits: DateHit[], ref: Ymd | undefined): void {
  if (!hits.some((h) => h.offset)) return;
  const today = ref ? iso(ref.y, ref.m, ref.d) : undefined;
  const yearBefore = ref ? iso(ref.y - 1, ref.m, ref.d) : undefined;
  let reported: { value?: string; chunk: number } | undefined;
  let quarter: DateHit | undefined;
  for (const h of hits) {
    const o = h.offset;
    if (o?.inYear) {
      h.value = quarter?.value ? `${o.n}${quarter.value.slice(4)}` : String(o.n);
      continue;
    }
    if (!o) {
      if (!h.value) continue;
      if (/-Q\d$/.test(h.value)) quarter = h;
      if (today && yearBefore) {
        const from = dateValueStart(h.value);
        // "the quarter ended Sept. 30" is the third quarter, "the fiscal first quarter ended Sept. 30" the first.
        if (h.quarterEnd && quarter && quarter.chunk === h.chunk && h.start - quarter.end < 12) continue;
        if (from <= today && from > yearBefore) reported = h.quarterEnd ? { value: `${h.value.slice(0, 4)}-Q${Math.ceil(Number(h.value.slice(5, 7)) / 3)}`, chunk: h.chunk } : h;
      }
      continue;
    }
    if (o.unit !== 'year' || !reported?.value || reported.chunk < h.chunk - 1 || (o.ago && !/^\d{4}-[QH]\d$/.test(reported.value))) continue;
    h.value = yearsBefore(reported.value, o.n);
  }
}

/** A second day of the month after a date: " and 25." (not a count: "and 25 people"). */
const SECOND_DAY = /^\s+(?:and|or)\s+(\d{1,2})(?=\s*[.,;)]|\s+(?:in|at|this|next|last|of)\b)/;
/** A comparison of figures before "last year": "compared with a loss of $3 million", "up from". */
const COMPARED_BEFORE = /\b(?:compared\s+with|from|against|versus)\b[^.;:!?]*$/i;
/** Words naming the quarter a day closes: "the quarter ended Sept. 30", "the period ending June 30". */
const QUARTER_ENDED = /\b(?:quarter|period)\s+end(?:ed|ing)\s+$/i;

/** "on" or "at" joining a clock time and a day inside one of chrono's results. */
const CLOCK_AND_DAY = /,?\s+(?:on|at)\s+/;
/** A clock time: "11:45 p.m.", "10 a.m.", "1800 GMT", "noon". */
const CLOCK = /\d\s*(?:a\.?m\b|p\.?m\b|o['’]clock)|\d[:.]\d\d|\b(?:noon|midnight|midday)\b/i;

/** Words and forms that can give a time of day: a part of the day, noon, a clock time. */
const TIME_WORDS = /noon|midday|midnight|morning|afternoon|evening|night|\d\s*(?:a\.?m\b|p\.?m\b|o['’]clock)|\d[:.]\d\d|\d\d\d\d\s*(?:GMT|UTC)/i;

/**
 * The time of day a date's words give, as a suffix of its value: a clock time (`T16:23`; noon
 * `T12:00`, midnight `T24:00`, the end of the day) or a part of the day (`TMO`, `TAF`, `TEV`, `TNI`).
 */
function timeOfDay(body: string, c: chrono.ParsedComponents, clock: boolean): string {
  if (!TIME_WORDS.test(body)) return '';
  if (/\b(?:noon|midday)\b/i.test(body)) return 'T12:00';
  if (/\bmidnight\b/i.test(body)) return 'T24:00';
  if (clock && c.isCertain('hour') && /\d\s*(?:a\.?m\b|p\.?m\b|o['’]clock)|\d:\d\d|\d[.]?\d\d\s*(?:GMT|UTC)|\d\s+in\s+the\s+(?:morning|afternoon|evening)/i.test(body)) return `T${pad(c.get('hour') ?? 0)}:${pad(c.isCertain('minute') ? (c.get('minute') ?? 0) : 0)}`;
  const part = /\b(morning|afternoon|evening|night|tonight)\b/i.exec(body);
  return part ? `T${PART_OF_DAY[part[1].toLowerCase()]}` : '';
}

/**
 * The year of a month named alone ("in May"): as {@link nearestYear}, counted in months; the
 * document's own month is this year's.
 */
function nearestMonthYear(refYear: number, refMonth: number, month: number, frame: Frame): number {
  const back = (refMonth - month + 12) % 12;
  const past = month <= refMonth ? refYear : refYear - 1;
  if (frame === 'past' || back === 0) return past;
  if (frame === 'future') return past + 1;
  return (12 - back) * (frame === 'weak-future' ? 0.5 : 2) < back ? past + 1 : past;
}

/** Whether a frame points forward, strongly or not. */
const forward = (frame: Frame): boolean => frame === 'future' || frame === 'weak-future';

/**
 * The year of a day and month given without one ("June 5"): the latest on or before the
 * reference when the sentence is strongly about the past, the next on or after it when strongly
 * about the future; otherwise whichever is nearer, the past one unless the next is less than half
 * as far (news speaks mostly of the past), or, in a weak future frame, unless it is more than
 * twice as far.
 */
function nearestYear(ref: Ymd, m: number, d: number, frame: Frame): number {
  const now = Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d ?? 1);
  const past = Date.UTC(ref.y, m - 1, d) <= now ? ref.y : ref.y - 1;
  const back = now - Date.UTC(past, m - 1, d);
  if (frame === 'past' || back === 0) return past;
  if (frame === 'future') return past + 1;
  const ahead = Date.UTC(past + 1, m - 1, d) - now;
  return ahead * (frame === 'weak-future' ? 0.5 : 2) < back ? past + 1 : past;
}

/**
 * The value of a period a parser tagged (quarter, half, season, decade, century, fiscal year,
 * weekend): from its year when the text gives one, else counted from the document's date.
 */
function resolvePeriod(period: string, shift: string | undefined, c: chrono.ParsedComponents, ref: Ymd | undefined, frame: Frame): string | undefined {
  const year = c.get('year');
  if (period === 'decade') return year === null ? undefined : `${String(year).padStart(4, '0').slice(0, 3)}X`;
  if (shift === undefined) {
    if (year === null) return undefined;
    if (period === 'century') return `${String(year).padStart(4, '0').slice(0, 2)}XX`;
    return `${year}-${period}`;
  }
  if (!ref) return undefined;
  // "the first half of this year", "the third quarter of next year": that period of the year counted from the document's.
  if (shift[0] === 'y') return `${ref.y + Number(shift.slice(1))}-${period}`;
  const n = shift === 'latest' ? undefined : Number(shift);
  if (period === 'century') return `${pad(Math.floor(ref.y / 100) + (n ?? 0))}XX`;
  if (period === 'year') return String(ref.y + (n ?? 0));
  if (period === 'month') return iso(ref.y + (n ?? 0), c.get('month'));
  if (period === 'M') {
    const k = ref.y * 12 + (ref.m ?? 1) - 1 + (n ?? 0);
    return ref.m ? iso(Math.floor(k / 12), (k % 12) + 1) : undefined;
  }
  if (period === 'W') {
    if (!ref.d) return undefined;
    const dt = new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d + 7 * (n ?? 0)));
    return isoWeekValue(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
  }
  const month = ref.m ?? 1;
  if (period === 'weekend') {
    if (!ref.d) return undefined;
    // The Saturday of the document's week; "last weekend" the one before, "the weekend" the latest begun (or next, for the future).
    const today = new Date(Date.UTC(ref.y, month - 1, ref.d));
    const dow = today.getUTCDay() || 7;
    let weeks = n ?? 0;
    if (n === undefined && !forward(frame) && dow < 6) weeks = -1;
    const sat = new Date(today.getTime() + (6 - dow + 7 * weeks) * 86400000);
    return `${isoWeekValue(sat.getUTCFullYear(), sat.getUTCMonth() + 1, sat.getUTCDate())}-WE`;
  }
  if (period[0] === 'Q') {
    const q = Math.floor((month - 1) / 3) + 1;
    const named = period.length > 1 ? Number(period[1]) : undefined;
    if (named === undefined) {
      // "this quarter", "the latest quarter", "next quarter": counted in quarters from the document's.
      const k = ref.y * 4 + q - 1 + (n ?? -1);
      return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
    }
    // "the third quarter": the document's own, else as a month named alone (the latest one, unless
    // the next is much nearer or the sentence looks ahead), but never past the quarter just ended:
    // "third-quarter results" in October are the ones just closed, whatever the tense.
    const back = (q - named + 4) % 4;
    const past = named <= q ? ref.y : ref.y - 1;
    if (back === 0 || frame === 'past' || back === 1) return `${past}-Q${named}`;
    if (frame === 'future' || n === 1) return `${past + 1}-Q${named}`;
    return `${(4 - back) * (frame === 'weak-future' ? 0.5 : 2) < back ? past + 1 : past}-Q${named}`;
  }
  const sm = SEASON_START[period];
  if (sm === undefined) return undefined;
  // Seasons by the month they begin in (winter in December); "last summer" is the latest one over
  // by the document's date, "next summer" the first one not begun, "this summer" the document year's.
  const now = ref.y * 12 + month - 1;
  const startOf = (y: number): number => y * 12 + sm - 1;
  let y = ref.y;
  if (n === 0) y = ref.y;
  else if (n === -1) {
    y = ref.y + 1;
    while (startOf(y) + 3 > now) y--;
  } else if (n === 1) {
    y = ref.y - 1;
    while (startOf(y) <= now) y++;
  } else if (forward(frame)) {
    y = ref.y - 1;
    while (startOf(y) + 3 <= now) y++;
  } else {
    y = ref.y + 1;
    while (startOf(y) > now) y--;
  }
  return `${y}-${period}`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `date.toISOString().slice(0, 10)`, without the full string for years 0 to 9999. */
function isoDay(date: Date): string {
  const y = date.getUTCFullYear();
  return y >= 0 && y <= 9999 ? `${String(y).padStart(4, '0')}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}` : date.toISOString().slice(0, 10);
}

/** A character `\s` matches in a regular expression. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
/** A digit, comma or period: what stands before a match that is the tail of a number ("1,000 a year"). */
const isFigureEnd = (c: number): boolean => isDigit(c) || c === 44 || c === 46;

interface Ymd {
  y: number;
  m?: number;
  d?: number;
}

function parseIso(s: string | undefined): Ymd | undefined {
  const m = s ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s) : null;
  if (!m) return undefined;
  return { y: Number(m[1]), m: m[2] ? Number(m[2]) : undefined, d: m[3] ? Number(m[3]) : undefined };
}

function iso(y: number | null, m?: number | null, d?: number | null): string | undefined {
  if (y === null) return undefined;
  let out = String(y).padStart(4, '0');
  if (m) out += '-' + String(m).padStart(2, '0');
  if (m && d) out += '-' + String(d).padStart(2, '0');
  return out;
}
