import type { Span } from './spans';
import { ABBREVIATIONS } from './tokens';

/** Lines with text: news copy puts one paragraph on a line, so a line break always ends a paragraph. */
export function paragraphs(text: string): Span[] {
  const out: Span[] = [];
  let s = 0;
  const n = text.length;
  while (s < n) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = n;
    let a = s;
    let b = e;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push({ start: a, end: b });
    s = e + 1;
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xa0;
}

/** Closing quotation marks and brackets that may follow a sentence's final mark: " ” ’ ' ) ]. */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

const STOP = /[.?!]/g;

/**
 * Sentences of one paragraph. A full stop ends a sentence when the next word starts with a capital
 * or an opening quotation mark, and the word before it is not an abbreviation ("Col.", "Nov.") or an
 * initial ("John J. Catherine"); a quotation closed by ".”" and followed by "said" stays in its sentence.
 */
export function sentences(text: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    // The next full stop, question or exclamation mark.
    STOP.lastIndex = i;
    if (!STOP.test(text)) break;
    i = STOP.lastIndex - 1;
    if (i >= para.end) break;
    const ch = text.charCodeAt(i);
    let j = i + 1;
    while (j < para.end && isCloser(text.charCodeAt(j))) j++;
    if (j < para.end && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < para.end && isSpace(text.charCodeAt(k))) k++;
    if (k >= para.end) break;
    const next = text.charCodeAt(k);
    const opensQuote = next === 34 /* " */ || next === 0x201c;
    if (!opensQuote && !(next >= 65 && next <= 90) && !(next >= 48 && next <= 57 && ch !== 46)) continue;
    if (ch === 46 && j === i + 1) {
      // The word ending at this full stop.
      let w = i;
      while (w > para.start && (isAsciiLetter(text.charCodeAt(w - 1)) || text.charCodeAt(w - 1) === 46)) w--;
      if (i - w === 1 && text.charCodeAt(w) >= 65 && text.charCodeAt(w) <= 90) continue;
      const word = text.slice(w, i);
      if (ABBREVIATIONS.has(word.toLowerCase())) continue;
      // "U.S." rarely ends a sentence in news prose but often precedes a capitalised noun.
      if (/^(?:[A-Z]\.)+[A-Z]$/.test(word) && !opensQuote) continue;
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}
