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

const CLOSERS = '"\u201d\u2019\')]';

/**
 * Sentences of one paragraph. A full stop ends a sentence when the next word starts with a capital
 * or an opening quotation mark, and the word before it is not an abbreviation ("Col.", "Nov.") or an
 * initial ("John J. Catherine"); a quotation closed by ".”" and followed by "said" stays in its sentence.
 */
export function sentences(text: string, para: Span): Span[] {
  const out: Span[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '?' && ch !== '!') continue;
    let j = i + 1;
    while (j < para.end && CLOSERS.includes(text[j])) j++;
    if (j < para.end && !isSpace(text.charCodeAt(j))) continue;
    let k = j;
    while (k < para.end && isSpace(text.charCodeAt(k))) k++;
    if (k >= para.end) break;
    const next = text[k];
    const opensQuote = next === '"' || next === '\u201c';
    if (!opensQuote && !(next >= 'A' && next <= 'Z') && !(next >= '0' && next <= '9' && ch !== '.')) continue;
    if (ch === '.' && j === i + 1) {
      // The word ending at this full stop.
      let w = i;
      while (w > para.start && /[A-Za-z.]/.test(text[w - 1])) w--;
      const word = text.slice(w, i);
      if (word.length === 1 && word >= 'A' && word <= 'Z') continue;
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
