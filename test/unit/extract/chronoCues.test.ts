import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { CUE_NAMES, CuedChrono, cuesOf, WORD_CUES, type CueName } from '../../../src/core/extract/recognizers/chronoCues';

/** What each cue means, as a regex; cuesOf computes them all in one pass. */
const SPEC: Record<CueName, RegExp> = {
  ...(Object.fromEntries(Object.entries(WORD_CUES).map(([k, words]) => [k, new RegExp(words.join('|'), 'i')])) as Record<keyof typeof WORD_CUES, RegExp>),
  digit: /[0-9]/,
  fourDigits: /[0-9]{4}/,
  isoDate: /[0-9]{4}-[0-9]/,
  numberSeparator: /[0-9][/.-][0-9]/,
  numberSlash: /[0-9]\/[0-9]/,
  year: /(?:1[89]|20)[0-9][0-9]/,
  sign: /[+-]/,
  monthName: /January|February|March|April|May|June|July|August|September|October|November|December/,
  decadeDigits: /0s/,
  clockMark: /[0-9][:：]|[0-9] ?[ap]\.?m|[0-9] ?o['’]clock/i,
};

const specCues = (text: string): CueName[] => CUE_NAMES.filter((n) => SPEC[n].test(text));
const scannedCues = (text: string): CueName[] => {
  const m = cuesOf(text);
  return CUE_NAMES.filter((_, i) => m & (1 << i));
};

// Pieces of date expressions and ordinary words, glued with spaces, punctuation or nothing.
const PIECES = [
  'Jan', 'jan.', 'FEB', 'March', 'march', 'May', 'may', 'MAY', 'June', 'Sept.', 'December', 'november', 'Monday', 'mon', 'Thurs.', 'weekend', 'week',
  'first', 'Twenty-First', 'thirteenth', '2nd', '5th', 'the', 'a', 'an', 'few', 'couple', 'of', 'in', 'within', 'for', 'about', 'around',
  'ago', 'before', 'earlier', 'later', 'after', 'from now', 'out', 'this', 'last', 'past', 'next', 'now', 'today', 'tonight', 'Yesterday',
  'tomorrow', 'tmrw', 'morning', 'evening', 'midnight', 'noon', 'end', 'day', 'days', 'month', 'months', 'year', 'years', 'hrs', 'min', 's',
  'h', 'to', 'until', 'through', 'on', 'at', 'am', 'p.m.', "o'clock", 'BC', 'AD', 'said', 'Mosul', 'officials', 'common', 'satellite',
  '1', '3', '12', '31', '2016', '1999', '1850', '1990s', "'80s", 's', '20', '05', '10:30', '4pm', '6 a.m', "o'clock", 'PM', '：', '9/11', '11/3/2016', '2016-11-03', '3.5', '+', '-', '—', 'ſ', 'K', 'é', 'İ',
];
const GLUE = [' ', ' ', ' ', '', ', ', '. ', '-', '/', '.', '\n', '  ', '(', ')'];
const textArb = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(...GLUE)), { minLength: 1, maxLength: 25 }).map((xs) => xs.map(([p, g]) => p + g).join(''));
const charsArb = fc.string({ unit: fc.constantFrom(...'aefghijlmnoprstuwyADEJMNOPS0123456789 -/.:+ſK'.split('')), maxLength: 40 });

/** A result as plain data: span, components known and implied, tags. */
function plain(results: chrono.ParsedResult[]): string {
  return JSON.stringify(results.map((r) => ({ ...r, tags: [...r.tags()] })), (_k, v: unknown) => (v instanceof Set ? [...v] : v));
}

describe('chrono cues', () => {
  it('cuesOf finds exactly the cues their regexes find', () => {
    fc.assert(fc.property(fc.oneof(textArb, charsArb), (text) => assert.deepEqual(scannedCues(text), specCues(text))), { numRuns: 3000 });
  });

  it('chrono with cues gives the same results as chrono', () => {
    const full = chrono.casual.clone();
    const cued = new CuedChrono(full);
    const ref = new Date(2016, 10, 3, 12);
    fc.assert(fc.property(textArb, (text) => assert.equal(plain(cued.parse(text, ref)), plain(full.parse(text, ref)))), { numRuns: 1500 });
  });

  it("chrono's parsers are the ones the cues were read from", () => {
    // The cues of chronoCues.ts were read from these patterns: when chrono changes them, read them again.
    const ctx = { option: {}, text: '', refDate: new Date() } as unknown as Parameters<(typeof chrono.casual.parsers)[number]['pattern']>[0];
    const patterns = chrono.casual.parsers
      .map((p) => {
        const re = p.pattern(ctx);
        return `${p.constructor.name} ${re.source} ${re.flags}`;
      })
      .join('\n');
    assert.equal(createHash('sha256').update(patterns).digest('hex'), 'b2bea061152a1e0e6bd4bbb381289d87dc9b6ead2cb6db2d16487ad9eb084793');
  });
});
