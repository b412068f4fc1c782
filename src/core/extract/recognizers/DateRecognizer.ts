import * as chrono from 'chrono-node';
import type { ExtractionContext } from '../context';
import { CuedChrono, needsOf } from './chronoCues';

type Chrono = typeof chrono.casual;
type ParsingContext = Parameters<ReturnType<Chrono['clone']>['parsers'][number]['extract']>[0];

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Words before a bare year that make it a date rather than a count ("in 2011", not "2011 fighters"). */
const YEAR_CONTEXT = /(?:\b(?:in|since|of|by|until|till|from|to|before|after|during|early|late|mid|between|and|or|year|the|around|circa|through|throughout|spring|summer|autumn|fall|winter)|[,(—–-])\s*$/i;

/** chrono's English parsers plus bare years and bare capitalised month names, which it leaves out. */
function buildChrono(): CuedChrono {
  const c = chrono.casual.clone();
  const bareYear: Chrono['parsers'][number] = {
    pattern: () => /(?<![\d,.$£€])\b(1[89]\d\d|20\d\d)\b(?!\d|,\d|\s*%|-(?:year|strong|member|page)\b)/,
    extract: (context: ParsingContext, match: RegExpMatchArray) => {
      const before = context.text.slice(Math.max(0, (match.index ?? 0) - 12), match.index);
      if (!YEAR_CONTEXT.test(before) && (match.index ?? 0) > 0) return null;
      return context.createParsingComponents({ year: Number(match[1]) }).addTags(['bareYear']);
    },
  };
  const bareMonth: Chrono['parsers'][number] = {
    pattern: () => /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?:God|Allah|he|she|we|you|they|it|I|the|his|her|their|not)\b)/,
    extract: (context: ParsingContext, match: RegExpMatchArray) => context.createParsingComponents({ month: MONTH_NAMES.indexOf(match[1]) + 1 }).addTags(['bareMonth']),
  };
  c.parsers.push(bareYear, bareMonth);
  // chrono's unlikely-format filters drop every bare number and every "May"; bare years and
  // capitalised months are wanted here, so only bare numbers that are not years are dropped.
  c.refiners = c.refiners.filter((r) => !/UnlikelyFormatFilter/.test(r.constructor.name));
  // chrono's end-of-period refiner matches a `$`-anchored pattern against all the text before each
  // date, which costs the length of the text per date. It only acts after "… of " or "… the ", so it
  // is skipped when no date has one of those words right before it: the same results, in linear time.
  c.refiners = c.refiners.map((r) => {
    if (!/EndOfPeriodRefiner/.test(r.constructor.name)) return r;
    return { refine: (context, results) => (results.some((x) => afterOfOrThe(context.text, x.index)) ? r.refine(context, results) : results) };
  });
  // chrono's timezone-abbreviation refiner reads any short word after a date ("on Monday that") as a
  // possible abbreviation and builds the date to look it up. It changes a date-only result only when
  // the word is written in capitals, so it runs only where a result is followed by such a word or is
  // a time: the same results, without the cost.
  c.refiners = c.refiners.map((r) => {
    if (!/ExtractTimezoneAbbrRefiner/.test(r.constructor.name)) return r;
    return { refine: (context, results) => (results.some((x) => mayHaveTimezone(context.text, x)) ? r.refine(context, results) : results) };
  });
  c.refiners.push({
    refine: (_context, results) => results.filter((r) => (!/^\d*(?:\.\d*)?$/.test(r.text.replace(' ', '')) || r.tags().has('bareYear')) && !/the second$/i.test(r.text)),
  });
  return new CuedChrono(c, new Map([[bareYear, needsOf(['year'])], [bareMonth, needsOf(['monthName'])]]));
}

/** chrono's pattern for a timezone abbreviation after a date (ExtractTimezoneAbbrRefiner). */
const TIMEZONE_AFTER = /\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/iy;

/** Whether chrono's timezone refiner can change result r: a word like an abbreviation follows, in capitals unless r has a time. */
export function mayHaveTimezone(text: string, r: chrono.ParsedResult): boolean {
  TIMEZONE_AFTER.lastIndex = r.index + r.text.length;
  const m = TIMEZONE_AFTER.exec(text);
  // chrono's isOnlyDate(), which its public result type does not declare.
  const onlyDate = !r.start.isCertain('hour') && !r.start.isCertain('minute') && !r.start.isCertain('second');
  return !!m && (m[1] === m[1].toUpperCase() || !onlyDate);
}

/** Whether whitespace and then the word "of" or "the" (any case) stand right before offset i. */
export function afterOfOrThe(text: string, i: number): boolean {
  let k = i - 1;
  if (k < 0 || !/\s/.test(text[k])) return false;
  while (k >= 0 && /\s/.test(text[k])) k--;
  let w = '';
  while (k >= 0 && w.length < 4 && /[A-Za-z]/.test(text[k])) w = text[k--] + w;
  if (k >= 0 && /[A-Za-z0-9_]/.test(text[k])) return false;
  w = w.toLowerCase();
  return w === 'of' || w === 'the';
}

let parser: CuedChrono | undefined;

/** Sentences worth handing to chrono: those with a month, weekday, year, clock time or relative word. */
const DATEISH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|\b(?:1[89]|20)\d\d\b|\bago\b|\b(?:yesterday|today|tomorrow|tonight)\b|\b(?:this|last|next|coming)\s+(?:week|month|year|weekend|decade|century|spring|summer|autumn|fall|winter|morning|afternoon|evening|night)\b|\d\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d\d\b|\b\d{1,2}\/\d{1,2}\b/;

/** A date with day, month and year: "Nov. 3, 2016", "3 November 2016", "2016-11-03". */
const FULL_DATE = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

/** Words that put a following date in the future: "will", "would be … by", "scheduled for", "due on". */
const FUTURE_FRAME = /\b(?:will|would|shall|scheduled|planned|due|expected|set to|going to|postponed|deadline)\b[^,]*$/i;

const FULL_DATE_ALL = new RegExp(FULL_DATE.source, 'g');

const PREMODIFIERS = new Set(['late', 'early', 'last', 'this', 'next', 'earlier', 'mid', 'later']);
const WEEKDAY_NAMES = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const UNIT = /\b(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\b/i;

/** A date found by chrono, its span adjusted to the product's rules. */
interface DateHit {
  start: number;
  end: number;
  /** Parsed with a reference date; absent fields mean unresolved. */
  value?: string;
  absolute: boolean;
  /** Index of the sentence it came from, in the list handed to chrono. */
  chunk: number;
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
  constructor(private readonly analystDate?: string) {}

  recognize(ctx: ExtractionContext): void {
    parser ??= buildChrono();
    const text = ctx.text;
    // Date-bearing sentences, neighbours in one paragraph handed to chrono together: each call has a fixed cost.
    const chunks: Array<{ start: number; end: number }> = [];
    let lastPara = -1;
    ctx.sentences.forEach((s, si) => {
      if (!DATEISH.test(text.slice(s.start, s.end))) return;
      const para = ctx.paragraphOfSentence[si];
      const prev = chunks[chunks.length - 1];
      if (prev && para === lastPara) prev.end = s.end;
      else chunks.push({ start: s.start, end: s.end });
      lastPara = para;
    });
    let ref = parseIso(this.analystDate);
    if (this.analystDate) ctx.documentDate = { value: this.analystDate, source: 'analyst' };
    else {
      // The document's date is the latest full date in it; only sentences that can hold one are read first.
      // Only the full dates themselves are parsed for this, not their sentences.
      const full: Array<{ start: number; end: number }> = [];
      for (const m of text.matchAll(FULL_DATE_ALL)) full.push({ start: m.index, end: m.index + m[0].length });
      const values = this.parseAll(ctx, full, undefined)
        .filter((h) => h.absolute && h.value && h.value.length === 10)
        .map((h) => h.value as string)
        .sort();
      const latest = values.pop();
      if (latest) {
        ctx.documentDate = { value: latest, source: 'inferred' };
        ref = parseIso(latest);
      }
    }
    const hits = this.parseAll(ctx, chunks, ref);
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
        if (hit) out.push({ start: hit.start + s.start, end: hit.end + s.start, value: hit.value, absolute: hit.absolute, chunk: k });
      }
    }
    return out;
  }

  private adjust(sentence: string, r: chrono.ParsedResult, ref: Ymd | undefined): Omit<DateHit, 'chunk'> | undefined {
    let start = r.index;
    let end = r.index + r.text.length;
    let body = r.text;
    const lower = body.toLowerCase();
    // Vague or generic: "now", "right now"; durations: "for two years", "past two weeks"; ranges keep their start.
    if (/^(?:right )?now$/.test(lower)) return undefined;
    if (UNIT.test(lower) && !/\bago$/.test(lower) && !/^(?:this|last|next|coming|the)\s+(?:week|month|year|weekend|decade|century)$/.test(lower)) return undefined;
    if (/^(?:for|within|in|over|during|past|the past|the next|next \d)/.test(lower) && UNIT.test(lower)) return undefined;
    // A vague amount makes a vague time: "several months ago", "a few years ago", "many years ago".
    if (/\bago$/.test(lower) && /^(?:(?:about|around|some|nearly|almost)\s+)?(?:a\s+few|few|several|many|some|the)\b/.test(lower)) return undefined;
    // Leading prepositions and articles outside the span.
    const lead = /^(?:(?:on|in|at|by|from|since|until|till|of|the)\s+)+/i.exec(body);
    if (lead) {
      start += lead[0].length;
      body = body.slice(lead[0].length);
    }
    // A month or weekday must be capitalised: "may", "march", "sun" are words.
    const first = body.split(/[\s,.]/)[0];
    if (/^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i.test(first) && !/^\p{Lu}/u.test(first)) return undefined;
    // Generic uses and sets: "a Friday sermon", "every Monday".
    const before = sentence.slice(Math.max(0, start - 12), start);
    if (/\b(?:a|an|every|each|any|one)\s+$/i.test(before) && /^\p{Lu}[a-z]+day$/u.test(body)) return undefined;
    const trail = /(?:[\s,;:]+(?:of|the|in|on|at|and)?)+$/i.exec(body);
    if (trail && trail[0].length < body.length) {
      end -= trail[0].length;
      body = body.slice(0, -trail[0].length);
    }
    if (/['’]s$/.test(body)) {
      end -= 2;
      body = body.slice(0, -2);
    }
    // Premodifiers inside: "late Tuesday", "last December", "earlier this year".
    let premod = '';
    const pm = /(\b[A-Za-z]+)\s+$/.exec(sentence.slice(Math.max(0, start - 12), start));
    if (pm && PREMODIFIERS.has(pm[1].toLowerCase()) && (!/^(?:this|last|next)\b/i.test(body) || /^(?:earlier|later)$/i.test(pm[1]))) {
      premod = pm[1].toLowerCase();
      start -= pm[0].length;
    }
    // "today" meaning nowadays: in a comparison ("fewer fighters than it has today") or after "even", "still".
    if (/^today$/i.test(body) && /(?:\bthan\b[^.;:!?]*|\b(?:even|still)\s+)$/i.test(sentence.slice(Math.max(0, start - 60), start))) return undefined;
    // "9/11" names the 2001 attacks, not a day of the current year.
    if (body === '9/11') return { start, end, value: '2001-09-11', absolute: true };
    // "the morning of June 5": the part of day is inside the span, the date gives the value.
    const partOfDay = /^(?:morning|afternoon|evening|night) of /i.exec(body);
    if (partOfDay) {
      const inner = (parser as CuedChrono).parse(body.slice(partOfDay[0].length), r.refDate)[0];
      if (inner) {
        const hit = this.adjust(body.slice(partOfDay[0].length), inner, ref);
        if (hit) return { start, end, value: hit.value, absolute: hit.absolute };
      }
    }
    // "would be finished by Saturday", "is scheduled for March 2": a future frame points forward.
    const lead40 = sentence.slice(Math.max(0, start - 40), start);
    const clause = lead40.slice(Math.max(0, lead40.search(/[.!?;][^.!?;]*$/) + 1));
    const future = FUTURE_FRAME.test(clause);
    const tags = r.tags();
    const relative = /\b(?:ago|yesterday|today|tomorrow|tonight|this|last|next|coming)\b/i.test(body) || premod === 'last' || premod === 'next' || premod === 'this';
    const c = r.start;
    const bareWeekday = !c.isCertain('day') && c.isCertain('weekday') && !c.isCertain('month');
    const bareMonth = tags.has('bareMonth') || (!c.isCertain('day') && c.isCertain('month') && !c.isCertain('year') && !relative);
    const absolute = !relative && !bareWeekday && !bareMonth && c.isCertain('year');
    let value: string | undefined;
    const y = c.get('year');
    const m = c.get('month');
    const d = c.get('day');
    if (absolute) {
      if (c.isCertain('day') && c.isCertain('month')) value = iso(y, m, d);
      else if (c.isCertain('month')) value = iso(y, m);
      else value = iso(y);
    } else if (ref) {
      if (bareWeekday && !relative) {
        // A bare weekday in news copy is the most recent one on or before the document's date.
        const wd = WEEKDAY_NAMES.indexOf(body.replace(/[^A-Za-z]/g, '').toLowerCase());
        if (wd >= 0 && ref.d) {
          const dt = new Date(Date.UTC(ref.y, (ref.m ?? 1) - 1, ref.d));
          if (future) dt.setUTCDate(dt.getUTCDate() + (((wd - dt.getUTCDay() + 7) % 7) || 7));
          else dt.setUTCDate(dt.getUTCDate() - ((dt.getUTCDay() - wd + 7) % 7));
          value = dt.toISOString().slice(0, 10);
        }
      } else if (bareMonth || (premod && c.isCertain('month') && !c.isCertain('day') && !c.isCertain('year'))) {
        const month = m ?? 1;
        if (ref.m) {
          let year = ref.y;
          if (premod === 'last') year = month < ref.m ? ref.y : ref.y - 1;
          else if (premod === 'next') year = month > ref.m ? ref.y : ref.y + 1;
          else if (premod !== 'this' && month > ref.m) year = ref.y - 1;
          value = iso(year, month);
        }
      } else if (/\bago\b/i.test(body) || /\b(?:this|last|next|coming)\s+(?:week|month|year|decade)/i.test(body)) {
        const unit = UNIT.exec(body)?.[0].toLowerCase() ?? '';
        if (/year|decade|centur/.test(unit)) value = iso(y);
        else if (/month/.test(unit)) value = iso(y, m);
        else if (ref.d) value = iso(y, m, d);
      } else if (c.isCertain('day') && c.isCertain('month') && !c.isCertain('year') && ref.m && ref.d && premod !== 'next') {
        // "June 5" in news copy is the latest such day on or before the document's date.
        const before = (m ?? 0) < ref.m || ((m ?? 0) === ref.m && (d ?? 0) <= ref.d);
        if (future) value = iso(before ? ref.y + 1 : ref.y, m, d);
        else value = iso(before ? ref.y : ref.y - 1, m, d);
      } else if (ref.d || c.isCertain('day')) value = iso(y, m, d);
    } else if (!relative && !bareWeekday && !bareMonth && c.isCertain('year') && c.isCertain('month') && c.isCertain('day')) value = iso(y, m, d);
    return { start, end, value, absolute };
  }
}

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
