/**
 * Word tokens with offsets. Tuned for news prose about the Arab world: the article of an Arabic
 * name stays on its word ("al-Baghdadi", "ez-Zor"), dotted acronyms stay whole ("U.S."), and a
 * possessive "'s" is split off so a name's span never includes it.
 */
export class Token {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly lower: string,
    /** Starts with an upper-case letter (or an upper-case article: "Al-Baghdadi"). */
    readonly cap: boolean,
    /** Digits only. */
    readonly num: boolean,
  ) {}
}

/** Lower-case Arabic articles that join the following word with a hyphen. */
const ARTICLES = new Set(['al', 'el', 'ez', 'ad', 'as', 'ash', 'an', 'ar', 'at', 'az', 'a', 'ul', 'ud', 'ibn', 'bin', 'bint', 'abu']);

/** Words that keep a trailing full stop: honorifics, ranks, month abbreviations. */
export const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'col', 'capt', 'gen', 'lt', 'sgt', 'maj', 'adm', 'cmdr', 'cpl', 'pvt', 'sen', 'rep', 'gov', 'prof', 'st', 'jr', 'sr',
  'rev', 'gens', 'brig', 'lt.-col', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs', 'mt', 'ft',
  'messrs', 'pres', 'supt', 'insp', 'amb', 'sec',
  // US states as news prose abbreviates them ("Fresno, Calif."), those that are no English word.
  'ariz', 'calif', 'colo', 'conn', 'mich', 'minn', 'okla', 'tenn',
]);

// Latin letters and the letters of the scripts up to U+2000; the general punctuation block (dashes,
// curly quotes) starts at U+2000, so it is never part of a word. One table of character classes below U+2000.
const LETTER = 1;
const DIGIT = 2;
const UPPER = 4;
/** A character that lower-casing may change, or that makes the word take the general lower-casing: A–Z and everything from U+0080. */
const FOLD = 8;
const CLASS = (() => {
  const t = new Uint8Array(0x2000);
  for (let c = 48; c <= 57; c++) t[c] = DIGIT;
  for (let c = 97; c <= 122; c++) t[c] = LETTER;
  for (let c = 65; c <= 90; c++) t[c] = LETTER | UPPER | FOLD;
  for (let c = 0x80; c < 0x2000; c++) t[c] = FOLD;
  for (let c = 0xc0; c < 0x2000; c++) if (c !== 0xd7 && c !== 0xf7) t[c] |= LETTER;
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) t[c] |= UPPER;
  return t;
})();

/** The class bits of a character: {@link LETTER}, {@link DIGIT}, {@link UPPER}, {@link FOLD} (from U+2000 only FOLD). */
function classOf(c: number): number {
  return c < 0x2000 ? CLASS[c] : FOLD;
}

function isLetter(c: number): boolean {
  return (classOf(c) & LETTER) !== 0;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

// Token strings, interned: a word's text and its lower case are made once and shared by every
// token that writes it, in this document and the next ones (a news text writes the same few
// thousand words again and again). No string is made for a word seen before, and a string looked
// up in a set or map is hashed once, not once per token. An open-addressing table keyed by the
// characters' FNV-1a hash; emptied when half full, so that it never holds more than SLOTS / 2 words.
const SLOTS = 1 << 16;
const TEXTS: string[] = new Array<string>(SLOTS).fill('');
const LOWERS: string[] = new Array<string>(SLOTS).fill('');
/** The hash of the word in each slot (1 for a hash of 0), 0 for an empty slot. */
const HASHES = new Int32Array(SLOTS);
let interned = 0;

const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The FNV-1a hash of `text[s, e)`, as a 32-bit integer. */
function hashOf(text: string, s: number, e: number): number {
  let h = FNV_BASIS;
  for (let i = s; i < e; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * The slot of `text[s, e)`, interned if new; `fold` says whether lower-casing may change it, `h` is
 * {@link hashOf} the characters (the tokenizer computes it while it reads them).
 */
function intern(text: string, s: number, e: number, fold: number, h: number): number {
  if (h === 0) h = 1;
  const n = e - s;
  for (let k = h & (SLOTS - 1); ; k = (k + 1) & (SLOTS - 1)) {
    if (HASHES[k] === 0) {
      if (interned >= SLOTS / 2) {
        HASHES.fill(0);
        TEXTS.fill('');
        LOWERS.fill('');
        interned = 0;
        return intern(text, s, e, fold, h);
      }
      // (A slice of 13 characters or more is a view of the whole text in V8: copied through a
      // concatenation, so that the table does not keep the document alive.)
      const t = n < 13 ? text.slice(s, e) : (text.slice(s, e) + ' ').slice(0, -1);
      TEXTS[k] = t;
      LOWERS[k] = fold ? t.toLowerCase() : t;
      HASHES[k] = h;
      interned++;
      return k;
    }
    if (HASHES[k] === h && TEXTS[k].length === n && text.startsWith(TEXTS[k], s)) return k;
  }
}

/** Splits `text[from, to)` into word and number tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls & DIGIT) {
      const s = i;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
      // Keep "5,000" and "1.5" whole.
      while (i + 1 < to && (text.charCodeAt(i) === 44 || text.charCodeAt(i) === 46) && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < to && isDigit(text.charCodeAt(i))) i++;
      }
      const k = intern(text, s, i, 0, hashOf(text, s, i));
      out.push(new Token(s, i, TEXTS[k], TEXTS[k], false, true));
      continue;
    }
    if (!(cls & LETTER)) {
      i++;
      continue;
    }
    const s = i;
    let segStart = i;
    let dotted = false;
    let possessive = false;
    // Whether lower-casing may change the word (see FOLD); a hyphen or a full stop never does.
    let fold = cls & FOLD;
    // The hash of the characters read so far (see hashOf), for the intern table.
    let h = Math.imul(FNV_BASIS ^ c, FNV_PRIME);
    i++;
    for (;;) {
      let ch = 0;
      let k = 0;
      while (i < to && (k = classOf((ch = text.charCodeAt(i)))) & (LETTER | DIGIT)) {
        fold |= k & FOLD;
        h = Math.imul(h ^ ch, FNV_PRIME);
        i++;
      }
      if (i + 1 >= to) break;
      const next = text.charCodeAt(i + 1);
      if ((ch === 39 /* ' */ || ch === 0x2019) && isLetter(next)) {
        // Possessive: stop before "'s" at a word end.
        if ((next === 115 || next === 83) && (i + 2 >= to || !isLetter(text.charCodeAt(i + 2)))) {
          possessive = true;
          break;
        }
        if (ch === 0x2019) fold |= FOLD;
        h = Math.imul(h ^ ch, FNV_PRIME);
        i++;
        segStart = i;
        continue;
      }
      if (ch === 45 /* - */ && isLetter(next) && i - segStart <= 4 && ARTICLES.has(text.slice(segStart, i).toLowerCase())) {
        h = Math.imul(h ^ ch, FNV_PRIME);
        i++;
        segStart = i;
        continue;
      }
      if (ch === 46 /* . */ && isLetter(next) && i - segStart === 1 && i + 2 < to && text.charCodeAt(i + 2) === 46) {
        // Dotted acronym: U.S., U.K.
        dotted = true;
        h = Math.imul(h ^ ch, FNV_PRIME);
        i++;
        segStart = i;
        continue;
      }
      break;
    }
    // The word's strings, interned (see intern); a full stop after it is kept by an initial, a dotted acronym or an abbreviation.
    let k = intern(text, s, i, fold, h);
    if (i < to && text.charCodeAt(i) === 46 /* . */ && (dotted || (i - s === 1 && cls & UPPER) || (i - s <= 7 && ABBREVIATIONS.has(LOWERS[k])))) k = intern(text, s, ++i, fold, Math.imul(h ^ 46, FNV_PRIME));
    out.push(new Token(s, i, TEXTS[k], LOWERS[k], (cls & UPPER) !== 0, false));
    if (possessive) i += 2;
  }
  return out;
}
