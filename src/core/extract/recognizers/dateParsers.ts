import * as chrono from 'chrono-node';
import { CuedChrono, needsOf } from './chronoCues';

type Chrono = typeof chrono.casual;
type Parser = Chrono['parsers'][number];
type ParsingContext = Parameters<Parser['extract']>[0];

/**
 * Tags that the parsers below put on their results, read by the date recognizer to build the value.
 * A period's kind is `period:<kind>` (`Q3`, `H1`, `SU`, `decade`, `century`, `weekend`) and, when
 * the text names it relative to the document's date, `shift:<n>` (this 0, last -1, next 1) or
 * `shift:latest` (the latest one begun, or per the sentence's tense); the recognizer resolves it
 * against the document's date. An explicit year is the result's known `year`; a decade's or
 * century's first year is its `year`.
 */
export const PERIOD_TAG = 'period:';
export const SHIFT_TAG = 'shift:';
/** The tag of "the year-ago quarter", "year-ago results": a year back from the document's date, or the compared period's a year before. */
export const OFFSET_TAG = 'offset';

/**
 * Components for a period counted from the document's date: the reference year is set as known,
 * only so that chrono's refiners treat the result as a date and do not merge it with a neighbour as
 * a time of day; the recognizer counts the period from its own reference.
 */
function relativePeriod(context: ParsingContext, period: string, shift: string | number) {
  return context.createParsingComponents({ year: context.refDate.getFullYear() }).addTags([`${PERIOD_TAG}${period}`, `${SHIFT_TAG}${shift}`]);
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A four-digit year chrono's English parsers would not take alone. */
const YEAR = '((?:1[89]|20)\\d\\d)';

/** Words right before a four-digit number that make it a number in a series: "resolution 2254", "Flight 1989", "No. 1999". */
const SERIES_WORDS = new Set(['no', 'nos', 'number', 'numbers', 'flight', 'room', 'suite', 'route', 'highway', 'interstate', 'article', 'resolution', 'resolutions']);
/** Words right before a four-digit number followed by a lower-case word that make it a count: "some 2000 troops". */
const QUANTITY_WORDS = new Set(['some', 'about', 'nearly', 'almost', 'approximately', 'roughly', 'over', 'than', 'least', 'only', 'just', 'estimated', 'additional', 'another', 'to']);
/** The later numbers of a list of resolutions: "resolutions 2165 and 2191", "resolution 2139 (2014), 2165". */
const SERIES_LIST = /\bresolutions?\s+(?:\d{3,4}(?:\s*\(\d{4}\))?\s*(?:,|and|or)\s*)+$/i;

/** The lower-cased word ending right before offset `i`, spaces and one period skipped ("No. 5" → "no"). */
function wordBefore(text: string, i: number): string {
  let k = i - 1;
  while (k >= 0 && text.charCodeAt(k) === 32) k--;
  if (k >= 0 && text[k] === '.') k--;
  const end = k + 1;
  while (k >= 0 && /[A-Za-z]/.test(text[k])) k--;
  return text.slice(k + 1, end).toLowerCase();
}

/**
 * A bare year, which chrono leaves out: "in 2011", "his 2007 campaign", "the 1998 budget", "For
 * 1988, …". In news a four-digit number from 1800 to 2099 written without a thousands separator is
 * a year unless it is money, a decimal, a percentage, a unit or clock time ("1500 GMT", "1500 m"),
 * a number in a series or a count ("some 2000 troops").
 */
const bareYear: Parser = {
  pattern: () => /(?<![\d,.$£€#]|\d-)\b(1[89]\d\d|20\d\d)\b(?![.,]?\d|\s*(?:%|percent|per\s+cent|GMT|UTC|hours\b|hrs\b|h\b|m\b|km\b|kg\b|metres\b|meters\b|feet\b|ft\b|miles\b|tons\b|tonnes\b|[ap]\.?m\b\.?)|-(?:year|strong|member|page)\b|\s*\(\d{4}\))/,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const text = context.text;
    const i = match.index ?? 0;
    const w = wordBefore(text, i);
    if (SERIES_WORDS.has(w) || (i > 0 && text[i - 1] === '#')) return null;
    if (QUANTITY_WORDS.has(w) && (w !== 'to' || wordBefore(text, i - 3) === 'up') && /^\s+\p{Ll}/u.test(text.slice(i + 4, i + 6))) return null;
    if ((w === 'and' || w === 'or' || w === '') && SERIES_LIST.test(text.slice(Math.max(0, i - 60), i))) return null;
    return context.createParsingComponents({ year: Number(match[1]) }).addTags(['bareYear']);
  },
};

/** A capitalised month name alone ("in May"), which chrono's unlikely-format filter drops. */
const bareMonth: Parser = {
  pattern: () => /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+(?:God|Allah|he|she|we|you|they|it|I|the|his|her|their|not)\b)/,
  extract: (context: ParsingContext, match: RegExpMatchArray) => context.createParsingComponents({ month: MONTH_NAMES.indexOf(match[1]) + 1 }).addTags(['bareMonth']),
};

const ORDINAL: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };
const DEICTIC_SHIFT: Record<string, string> = { this: '0', current: '0', last: '-1', latest: '-1', past: '-1', previous: '-1', next: '1', coming: '1' };

/**
 * Quarters and halves: "the third quarter", "third-quarter profit", "the fourth quarter of 1998",
 * "the 1988 third quarter", "fiscal 1990 first quarter", "this quarter", "the latest quarter", "the
 * first half of 1990". A quarter with neither an ordinal nor a deictic word ("a quarter of the
 * vote", "the quarter") is not a date.
 */
const quarter: Parser = {
  pattern: () => QUARTER,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const i = match.index ?? 0;
    const [prefix, deictic, yearBefore, ordinal] = QUARTER_BEFORE.exec(context.text.slice(Math.max(0, i - 40), i)) ?? [''];
    const [, unit, yearOf, yearAfter, deicticYear] = match;
    const year = yearBefore ?? yearOf ?? yearAfter;
    const half = unit.toLowerCase() === 'half';
    let n = ordinal ? ORDINAL[ordinal.toLowerCase()] : undefined;
    const at = (c: ReturnType<ParsingContext['createParsingComponents']>) => context.createParsingResult(i - prefix.length, i + match[0].length, c);
    // "the first half of this year", "the fourth quarter of next year".
    if (deicticYear && n) {
      const d = deicticYear.toLowerCase();
      const k = half && /^(?:last|final)$/i.test(ordinal ?? '') ? 2 : n;
      if (half && k > 2) return null;
      const c = context.createParsingComponents({ year: context.refDate.getFullYear() }).addTags([`${PERIOD_TAG}${half ? 'H' : 'Q'}${k}`, `${SHIFT_TAG}y${d === 'last' ? -1 : d === 'next' ? 1 : 0}`]);
      return at(c);
    }
    if (half) {
      // A half of a named year only: "the first half of 1990", "the last half of 1989".
      if (/^(?:last|final)$/i.test(ordinal ?? deictic ?? '')) n = 2;
      if (!year || !n || n > 2) return null;
      return at(context.createParsingComponents({ year: Number(year) }).addTags([`${PERIOD_TAG}H${n}`]));
    }
    // "the last quarter" without a year is the latest one, with a year it is the fourth.
    let shift = deictic ? DEICTIC_SHIFT[deictic.toLowerCase()] : undefined;
    if (ordinal && /^last$/i.test(ordinal) && !year) {
      n = undefined;
      shift = '-1';
    }
    if (!n && shift === undefined) return null;
    if (!year) return at(relativePeriod(context, n ? `Q${n}` : 'Q', shift ?? 'latest'));
    return at(context.createParsingComponents({ year: Number(year) }).addTags([`${PERIOD_TAG}Q${n}`]));
  },
};

/**
 * The parsers below match their own word first ("quarter", "summer"), which a regex finds fast, and
 * read the words before it from the text (the ordinal, "this", "early"): a pattern that opens with
 * optional words is tried at every position of the text.
 */
const QUARTER = new RegExp(
  `\\b(quarter|half)\\b(?:\\s+of\\s+(?:(?:fiscal|calendar)\\s+)?(?:(?:the\\s+)?(?:fiscal\\s+)?year\\s+)?${YEAR}\\b|,?\\s+${YEAR}\\b(?!\\s*(?:%|percent))|\\s+of\\s+(this|last|next)\\s+year\\b)?`,
  'i',
);
const QUARTER_BEFORE = new RegExp(
  `(?:\\b(this|last|next|current|latest|past|previous|coming)\\s+|(?:\\bfiscal\\s+)?\\b${YEAR}\\s+)?(?:\\b(?:fiscal|calendar)[\\s-]+)?(?:\\b(first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\\s-]+(?:(?:fiscal|calendar)[\\s-]+)?)?$`,
  'i',
);

const SEASON: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/**
 * Seasons: "last summer", "this fall", "this past spring", "the summer of 1998", "winter 2015",
 * "early summer". A capitalised season alone inside a sentence is part of a name ("the Arab
 * Spring", "Summer Olympics").
 */
const season: Parser = {
  pattern: () => SEASON_WORD,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const i = match.index ?? 0;
    const before = context.text.slice(Math.max(0, i - 24), i);
    const [prefix, deictic, premod] = SEASON_BEFORE.exec(before) ?? [''];
    const [, word, yearOf, yearAfter] = match;
    const year = yearOf ?? yearAfter;
    const w = word.toLowerCase();
    // A capitalised season alone inside a sentence is part of a name ("the Arab Spring", "Summer Olympics").
    if (!prefix && /^\p{Lu}/u.test(word) && i > 0 && !/[.!?]["”’']?\s*$/.test(before)) return null;
    // A season with neither a year nor a word placing it ("in the spring", "the fall of Mosul") is
    // vague or not a season; "early summer" is placed by the sentence's tense ("an early fall" is a drop).
    if (!deictic && !year && (!premod || w === 'fall')) return null;
    const at = (c: ReturnType<ParsingContext['createParsingComponents']>) => context.createParsingResult(i - prefix.length, i + match[0].length, c);
    if (year) return at(context.createParsingComponents({ year: Number(year) }).addTags([`${PERIOD_TAG}${SEASON[w]}`]));
    const d = deictic?.toLowerCase().replace(/\s+/g, ' ');
    return at(relativePeriod(context, SEASON[w], d === 'this past' || d === 'past' || d === 'last' ? -1 : d === 'next' || d === 'coming' ? 1 : d === 'this' ? 0 : 'latest'));
  },
};

const SEASON_WORD = new RegExp(`\\b(spring|summer|autumn|fall|winter)\\b(?:\\s+of\\s+${YEAR}\\b|,?\\s+${YEAR}\\b)?`, 'i');
const SEASON_BEFORE = /(?:\b(this(?:\s+past)?|last|next|past|coming)\s+)?(?:\b(early|late|mid)[\s-]+)?$/i;

const DECADE_WORD: Record<string, number> = { twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9 };
const CENTURY_WORD: Record<string, number> = {
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty first': 21,
};

/**
 * Decades and centuries: "the 1990s", "the early 1980s", "the mid-1990s", "the '80s", "the
 * nineties", "the 20th century", "twentieth-century", "this century". A decade spelled out needs
 * "the" ("in their sixties" is an age).
 */
const decade: Parser = {
  pattern: () => DECADE,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const [, digits, short, word, centuryNumber, centuryWord, deictic] = match;
    const i = match.index ?? 0;
    if (digits || short || word) {
      let first: number;
      if (digits) first = Number(digits) * 10;
      else {
        const refYear = context.refDate.getFullYear();
        const tens = short ? Number(short) : DECADE_WORD[word.toLowerCase()];
        // "the '20s" in 2024 is the 2020s, in 1998 the 1920s.
        first = Math.floor(refYear / 100) * 100 + tens * 10;
        if (first > refYear) first -= 100;
      }
      // "the early 1980s", "the mid-1990s": the part of the decade is inside the span.
      const premod = /\b(?:early|mid|late)[\s-]+$/i.exec(context.text.slice(Math.max(0, i - 6), i));
      const from = premod ? i - premod[0].length : i;
      return context.createParsingResult(from, i + match[0].length, context.createParsingComponents({ year: first }).addTags([`${PERIOD_TAG}decade`]));
    }
    if (deictic) {
      const d = deictic.toLowerCase();
      return relativePeriod(context, 'century', d === 'last' ? -1 : d === 'next' ? 1 : 0);
    }
    const n = centuryNumber ? Number(centuryNumber) : CENTURY_WORD[centuryWord.toLowerCase().replace('-', ' ')];
    if (!n || n > 30) return null;
    return context.createParsingComponents({ year: (n - 1) * 100 }).addTags([`${PERIOD_TAG}century`]);
  },
};

const DECADE =
  /\b((?:1[89]|20)\d)0s\b|'(\d)0s\b|(?<=\bthe\s+)(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b|\b(?:(\d{1,2})(?:st|nd|rd|th)|(eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[\s-]first)|(this|last|next))[\s-]+century\b/i;

const UNITS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
const TEENS: Record<string, number> = { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 };
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/**
 * Years spelled out, as in transcripts: "nineteen ninety-six", "nineteen seventy-nine", "the year
 * two thousand", "two thousand and one" after "year".
 */
const spelledYear: Parser = {
  pattern: () =>
    /\b(?:(January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:of\s+)?)?(?:(eighteen|nineteen)[\s-]+(?:(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?)|(?<=\byear\s+)two\s+thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))?)\b(?![\s-]+(?:years?|people|percent|dollars)\b)/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const [, month, century, teen, tens, unit, after2000] = match;
    let year: number;
    if (century) year = (century.toLowerCase() === 'eighteen' ? 1800 : 1900) + (teen ? TEENS[teen.toLowerCase()] : TENS[tens.toLowerCase()] + (unit ? UNITS[unit.toLowerCase()] : 0));
    else if (month) return null;
    else year = 2000 + (after2000 ? (UNITS[after2000.toLowerCase()] ?? TEENS[after2000.toLowerCase()]) : 0);
    const c = context.createParsingComponents({ year });
    if (month) c.assign('month', MONTH_NAMES.findIndex((n) => n.toLowerCase() === month.toLowerCase()) + 1);
    return c.addTags(['bareYear']);
  },
};

/** Fiscal years: "fiscal 1989", "fiscal year 1990", "this fiscal year", "the current fiscal year", "last fiscal year", "the latest fiscal year" (the last one closed). */
const fiscalYear: Parser = {
  pattern: () => new RegExp(`\\b(?:fiscal(?:\\s+year)?\\s+${YEAR}\\b|(this|last|next|current|coming|previous|latest)\\s+fiscal\\s+year\\b)`, 'i'),
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    if (match[1]) return context.createParsingComponents({ year: Number(match[1]) }).addTags(['bareYear']);
    const d = match[2].toLowerCase();
    const shift = d === 'last' || d === 'previous' || d === 'latest' ? -1 : d === 'next' || d === 'coming' ? 1 : 0;
    return relativePeriod(context, 'year', shift);
  },
};

/** "this weekend", "last weekend", "over the weekend": the weekend of an ISO week. */
const weekend: Parser = {
  pattern: () => /\b(this|last|next|past|coming|the)\s+weekend\b/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const d = match[1].toLowerCase();
    return relativePeriod(context, 'weekend', d === 'last' || d === 'past' ? -1 : d === 'next' || d === 'coming' ? 1 : d === 'this' ? 0 : 'latest');
  },
};

const COUNTED_UNIT = /\b(?:weeks?|months?|years?|decades?|centur(?:y|ies)|quarters?)\b/i;

/** A month of a year named relative to the document's: "January this year", "June last year". */
const monthOfYear: Parser = {
  pattern: () => /\b(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+of)?\s+(this|last|next)\s+year\b/,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const d = match[2].toLowerCase();
    const c = relativePeriod(context, 'month', d === 'last' ? -1 : d === 'next' ? 1 : 0);
    return c.assign('month', MONTH_NAMES.findIndex((n) => n.toLowerCase() === match[1].toLowerCase()) + 1);
  },
};

const COUNT: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/** Decades before the document's date, which chrono does not count in: "a decade ago", "two decades ago". */
const decadesAgo: Parser = {
  pattern: () => /\b(a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+decades?\s+ago\b/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    const n = COUNT[match[1].toLowerCase()] ?? Number(match[1]);
    return context.createParsingComponents({ year: context.refDate.getFullYear() - 10 * n });
  },
};

/** Wire copy's clock times: "1800 GMT", "0800 UTC", "07.00 GMT" (the zone is not converted). */
const zonedTime: Parser = {
  pattern: () => /\b([01]\d|2[0-3])[.:]?([0-5]\d)\s*(?:GMT|UTC)\b/,
  extract: (context: ParsingContext, match: RegExpMatchArray) => context.createParsingComponents({ hour: Number(match[1]), minute: Number(match[2]) }),
};

/**
 * The adjective of results compared with a year before, "the year-ago quarter", "year-ago
 * results" ("a year ago" is chrono's): counted from the document's date, so a date, unlike the
 * offsets from another event ("a year earlier", "two days later") the product leaves out.
 */
const yearAgo: Parser = {
  pattern: () => /\byear-ago(?:\s+(?:quarter|period|half|month))?\b/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    // "the year-ago third quarter" is the quarter's date, moved a year back by the recognizer.
    const after = (match.index ?? 0) + match[0].length;
    if (/^\s+(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th|fiscal)\b/i.test(context.text.slice(after, after + 8))) return null;
    return context.createParsingComponents({ year: context.refDate.getFullYear() }).addTags([OFFSET_TAG]);
  },
};

const UNIT_PERIOD: Record<string, string> = { week: 'W', month: 'M', year: 'year', quarter: 'Q' };

/**
 * A week, month, year or quarter named by its edge or by "current" and "coming": "the end of the
 * year", "the beginning of next month", "the end of this week", "the current year", "the coming
 * week", "year-end", "earlier in the year". Its value is the period's own (TimeML marks the edge apart, as a modifier).
 */
const periodEdge: Parser = {
  pattern: () => /\b(?:(?:(end|beginning|start|middle|rest|remainder)\s+of\s+(this|last|next|the)|(current|coming))\s+(week|month|year|quarter)|(?:earlier|later)\s+in\s+the\s+(week|month|year)|year(?:-|\s+|['’]s\s+)end(?!\s*(?:1[89]|20)\d\d))\b/i,
  extract: (context: ParsingContext, match: RegExpMatchArray) => {
    // "earlier in the year", as "earlier this year"; "year-end", "the year's end", as "the end of the year".
    if (!match[4]) return relativePeriod(context, match[5] ? UNIT_PERIOD[match[5].toLowerCase()] : 'year', 0);
    const d = (match[2] ?? match[3]).toLowerCase();
    return relativePeriod(context, UNIT_PERIOD[match[4].toLowerCase()], d === 'last' ? -1 : d === 'next' || d === 'coming' ? 1 : 0);
  },
};

/** chrono's English parsers plus the parsers above, which it does not have. */
export function buildChrono(): CuedChrono {
  const c = chrono.casual.clone();
  // Counts of time from now or from a date ("in two weeks", "two days later", "the next three
  // days", "+2 days") are durations or offsets, never dates by the product's definition: their
  // results were all dropped, so their parsers are not run.
  c.parsers = c.parsers.filter((p) => !/ENTimeUnit(?:Within|Later|CasualRelative)FormatParser/.test(p.constructor.name));
  const own = [bareYear, bareMonth, quarter, season, decade, spelledYear, fiscalYear, weekend, monthOfYear, decadesAgo, periodEdge, zonedTime, yearAgo];
  // Each pattern made once, not on every call (chrono asks for it each time it parses): none reads
  // the context, and none has the g or y flag, so nothing carries over from one match to the next.
  for (const p of own) {
    const re = p.pattern(undefined as unknown as ParsingContext);
    if (re.global || re.sticky) throw new Error('dateParsers: a pattern with state');
    p.pattern = () => re;
  }
  c.parsers.push(...own);
  // chrono's unlikely-format filters drop every bare number and every "May"; bare years and
  // capitalised months are wanted here, so only bare numbers that are not years are dropped.
  c.refiners = c.refiners.filter((r) => !/UnlikelyFormatFilter/.test(r.constructor.name));
  // A range ("from 1991 to 1997", "Monday through Friday") is two dates, each with its own span; an
  // offset after a date ("this week, a month after the talks") is not part of it.
  c.refiners = c.refiners.filter((r) => !/MergeDateRangeRefiner|MergeRelativeAfterDateRefiner/.test(r.constructor.name));
  // chrono leaves every component of "this week" or "a month after" implied, so its date-and-time
  // merge takes the one for a date and the other for a time of day and joins them ("this week, a
  // month after the talks"); a result counted in weeks, months or years is a date: its year is known.
  c.refiners.unshift({
    refine: (_context, results) => {
      for (const r of results) {
        const c = r.start;
        if (!c.isCertain('year') && !c.isCertain('day') && !c.isCertain('weekday') && !c.isCertain('hour') && !c.isCertain('month') && COUNTED_UNIT.test(r.text)) c.assign('year', c.get('year') ?? 0);
      }
      return results;
    },
  });
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
    refine: (_context, results) => results.filter((r) => (!numberAlone(r.text) || r.tags().has('bareYear')) && !endsWithTheSecond(r.text)),
  });
  // chrono reads any number as a clock time ("at 10", "1,000 a year", "$6.44 a share") and the
  // numbers alone are dropped afterwards; a time is kept only with its mark ("4:23", "10 a.m.",
  // "6pm", "o'clock"), so the parser runs only where one is written. The cost was a result for
  // every number in a sentence with a date.
  const clock = c.parsers.find((p) => p.constructor.name === 'ENTimeExpressionParser');
  return new CuedChrono(
    c,
    new Map([
      ...(clock ? [[clock, needsOf(['clockMark'])] as const] : []),
      [bareYear, needsOf(['year'])],
      [bareMonth, needsOf(['monthName'])],
      [quarter, needsOf(['quarter'])],
      [season, needsOf(['season'])],
      [decade, needsOf(['decadeDigits'], ['decadeWord'], ['century'])],
      [spelledYear, needsOf(['spelledYear'])],
      [fiscalYear, needsOf(['fiscal'])],
      [weekend, needsOf(['weekend'])],
      [monthOfYear, needsOf(['monthName'])],
      [decadesAgo, needsOf(['decadeUnit', 'ago'])],
      // Its pattern opens with its own words ("end of", "current"), fast to scan for: gated by the unit alone.
      [periodEdge, needsOf(['periodUnit'])],
      [zonedTime, needsOf(['zone', 'digit'])],
      [yearAgo, needsOf(['ago'])],
    ]),
  );
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

/** Whether whitespace and then the word "of" or "the" (any case) stand right before offset i. Read from character codes. */
export function afterOfOrThe(text: string, i: number): boolean {
  let k = i - 1;
  if (k < 0 || !isSpace(text.charCodeAt(k))) return false;
  while (k >= 0 && isSpace(text.charCodeAt(k))) k--;
  // Up to four ASCII letters, not preceded by a word character.
  const end = k + 1;
  while (k >= 0 && end - k - 1 < 4 && isAsciiLetter(text.charCodeAt(k))) k--;
  if (k >= 0 && isWordChar(text.charCodeAt(k))) return false;
  const n = end - k - 1;
  const at = (j: number): number => text.charCodeAt(k + 1 + j) | 32;
  if (n === 2) return at(0) === 111 /* o */ && at(1) === 102 /* f */;
  return n === 3 && at(0) === 116 /* t */ && at(1) === 104 /* h */ && at(2) === 101 /* e */;
}

/** A character `\s` matches in a regular expression. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** A character `[A-Za-z0-9_]` matches. */
const isWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;

/** Whether the text is a number alone once its first space is taken out: `/^\d*(?:\.\d*)?$/` on `text.replace(' ', '')`, without the copy. */
export function numberAlone(text: string): boolean {
  let dot = false;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c === 46 /* . */ && !dot) dot = true;
    else if (c === 32 && !space) space = true;
    else return false;
  }
  return true;
}

/** `/the second$/i`: "the second" ends the text, in any case. */
function endsWithTheSecond(text: string): boolean {
  const n = text.length;
  return n >= 10 && (text.charCodeAt(n - 1) | 32) === 100 /* d */ && text.slice(n - 10).toLowerCase() === 'the second';
}
