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
// curly quotes) starts at U+2000, so it is never part of a word.
function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isUpper(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

/** False when `text[s, e)` is lower-case ASCII already, so that lower-casing it would give the same string. */
function mayChangeCase(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (c >= 65 && c <= 90)) return true;
  }
  return false;
}

/** Splits `text[from, to)` into word and number tokens. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      const s = i;
      while (i < to && isDigit(text.charCodeAt(i))) i++;
      // Keep "5,000" and "1.5" whole.
      while (i + 1 < to && (text[i] === ',' || text[i] === '.') && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (i < to && isDigit(text.charCodeAt(i))) i++;
      }
      const t = text.slice(s, i);
      out.push(new Token(s, i, t, t, false, true));
      continue;
    }
    if (!isLetter(c)) {
      i++;
      continue;
    }
    const s = i;
    let segStart = i;
    let dotted = false;
    let possessive = false;
    i++;
    for (;;) {
      let ch = 0;
      while (i < to && (isLetter((ch = text.charCodeAt(i))) || isDigit(ch))) i++;
      if (i + 1 >= to) break;
      const next = text.charCodeAt(i + 1);
      if ((ch === 39 /* ' */ || ch === 0x2019) && isLetter(next)) {
        // Possessive: stop before "'s" at a word end.
        if ((next === 115 || next === 83) && (i + 2 >= to || !isLetter(text.charCodeAt(i + 2)))) {
          possessive = true;
          break;
        }
        i++;
        segStart = i;
        continue;
      }
      if (ch === 45 /* - */ && isLetter(next) && i - segStart <= 4 && ARTICLES.has(text.slice(segStart, i).toLowerCase())) {
        i++;
        segStart = i;
        continue;
      }
      if (ch === 46 /* . */ && isLetter(next) && i - segStart === 1 && i + 2 < to && text.charCodeAt(i + 2) === 46) {
        // Dotted acronym: U.S., U.K.
        dotted = true;
        i++;
        segStart = i;
        continue;
      }
      break;
    }
    if (i < to && text.charCodeAt(i) === 46 /* . */ && (dotted || (i - s === 1 && isUpper(c)) || (i - s <= 7 && ABBREVIATIONS.has(text.slice(s, i).toLowerCase())))) i++;
    const t = text.slice(s, i);
    const first = text.charCodeAt(s);
    const cap = isUpper(first);
    out.push(new Token(s, i, t, mayChangeCase(text, s, i) ? t.toLowerCase() : t, cap, false));
    if (possessive) i += 2;
  }
  return out;
}
