/**
 * Person-name normalization shared by in-document coreference and cross-document linking. A name
 * becomes a list of folded words: titles, articles ("al", "el") and possessives dropped, diacritics
 * and doubled letters removed, vowels folded so transliteration variants meet (Muhajer/Muhajir,
 * Zawahiri/Zawahri, Mohammed/Muhammad).
 */
import { TITLES } from '../extract/lexicon';

const ARTICLE = /^(?:al|el|a|ad|an|ar|as|ash|at|az|ez|ul|ud)$/;

/**
 * `fn` remembered per argument. Names recur across documents; the memory is bounded (cleared past
 * 20,000 entries) so that it does not grow with the corpus.
 */
function memo<T>(fn: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let out = cache.get(s);
    if (out === undefined) {
      out = fn(s);
      if (cache.size > 20000) cache.clear();
      cache.set(s, out);
    }
    return out;
  };
}

const splitNameMemo = memo(splitName);

/** Splits a name into its words without articles or titles: "Col. John Dorrian" → ["john", "dorrian"]. */
export function nameWords(name: string): string[] {
  return splitNameMemo(name).slice();
}

/** The last word of {@link nameWords}, without copying the list ("" for a name of no word). */
export function lastNameWord(name: string): string {
  const words = splitNameMemo(name);
  return words.length === 0 ? '' : words[words.length - 1];
}

function splitName(name: string): string[] {
  const raw = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`]s$/i, '')
    .replace(/['’‘`ʿʾ]/g, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i];
    if (ARTICLE.test(w) && i < raw.length - 1) continue;
    if (out.length === 0 && i < raw.length - 1 && TITLES.has(w)) continue;
    out.push(w.replace(/\.$/, ''));
  }
  return out;
}

/** A transliteration-tolerant fold of one word: first letter, then consonants with doubles collapsed. */
export const foldWord: (w: string) => string = memo(fold);

function fold(w: string): string {
  let first = w[0] ?? '';
  if ('aeiouy'.includes(first)) first = 'a';
  let out = first;
  let last = first;
  for (let i = 1; i < w.length; i++) {
    let c = w[i];
    if ('aeiouyw'.includes(c)) continue;
    if (c === 'k') c = 'q';
    if (c === last) continue;
    out += c;
    last = c;
  }
  // The nisba ending stays: "Baghdadi" (a man) is not "Baghdad" (a city).
  if (w.length > 2 && /[iy]$/.test(w)) out += 'i';
  return out;
}

/** The fold of every word of a name, joined by spaces: the key two spellings share. */
export function nameKey(name: string): string {
  return nameWords(name).map(foldWord).join(' ');
}

const tidyMemo = memo(tidy);

/** The canonical spelling of an article: "Al Baghdadi", "al Baghdadi" → "al-Baghdadi". */
export function tidyName(name: string): string {
  return isTidy(name) ? name : tidyMemo(name);
}

/**
 * Whether {@link tidy} leaves `name` as it is, read from its characters: no possessive at the end,
 * no "al" or "el" before a space or hyphen, single spaces between words and none at the ends, and
 * ASCII only (other characters take the general path). Most names are, and skip the memo's lookup.
 */
function isTidy(name: string): boolean {
  const n = name.length;
  if (n === 0 || name.charCodeAt(0) === 32 || name.charCodeAt(n - 1) === 32) return false;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const c = name.charCodeAt(i);
    if (c >= 128 || c < 32 || (c === 32 && prev === 32)) return false;
    // "al-", "El ": an article the regex may rewrite.
    if ((c === 32 || c === 45) && (prev === 108 || prev === 76) && i >= 2) {
      const a = name.charCodeAt(i - 2) | 32;
      if (a === 97 || a === 101) return false;
    }
    prev = c;
  }
  // A possessive: "'s" or "'S" at the end.
  if (n >= 2 && (name.charCodeAt(n - 1) | 32) === 115 && (name.charCodeAt(n - 2) === 39 || name.charCodeAt(n - 2) === 0x2019)) return false;
  return true;
}

function tidy(name: string): string {
  return name
    .replace(/['’]s$/i, '')
    .replace(/\b([Aa]l|[Ee]l)[\s-]+(?=\p{Lu})/gu, (_m, a: string) => `${a.toLowerCase()}-`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-case ASCII slug: "Abu Bakr al-Baghdadi" → "abu-bakr-al-baghdadi". */
export function slug(s: string): string {
  const out = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'x';
}

/**
 * Whether two person names can name the same person: the same folded words, or one is a shorter
 * form of the other that keeps its last word (a surname: "Baghdadi", "Bakr al-Baghdadi"). A first
 * word alone never matches, so "Hassan" meets "Hassan Hassan" but not "Abu al-Hassan al-Muhajer".
 */
export function namesCompatible(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const short = a.length <= b.length ? a : b;
  const long = a.length <= b.length ? b : a;
  // A kunya stands for the full name it opens: "Abu Hamza" for "Abu Hamza al-Qurashi".
  if (short.length === 2 && long.length > 2 && long[0] === short[0] && long[1] === short[1] && isKunya(short)) return true;
  if (short[short.length - 1] !== long[long.length - 1]) return false;
  // Every word of the short form appears in order in the long one.
  let j = 0;
  for (const w of long) if (j < short.length && w === short[j]) j++;
  return j === short.length;
}

const KUNYA_HEADS = new Set([fold('abu'), fold('umm')]);

/** Whether folded name words are a bare kunya, "Abu X" or "Umm X". */
export function isKunya(words: readonly string[]): boolean {
  return words.length === 2 && KUNYA_HEADS.has(words[0]);
}
