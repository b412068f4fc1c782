import type { Token } from '../../text/tokens';
import type { ExtractionContext } from '../context';
import { gazetteer, type PlaceKind } from '../gazetteer';
import { ARABIC_ORG_HEADS, CAPITAL_STOPWORDS, LOCATIVE_PREPOSITIONS, ORG_HEADS, PLACE_DESIGNATORS, ROLES, SPEECH_VERBS, TITLES } from '../lexicon';
import { CALENDAR_WORDS, GROUP_WORDS, isAcronym, SACRED_WORDS } from '../recognizers/wordClasses';
import { titleCaseWords } from '../../text/case';

/**
 * Features of the name tagger ({@link NameTagger}): what a token looks like, the words around it, the
 * gazetteer and the lexicon's word classes, where it stands (headline, dateline, sentence start), and
 * how the document writes the same word elsewhere. Shared by the tagger and the script that learns
 * its weights (scripts/build-name-model.mjs), so both read a token the same way.
 *
 * Features are hashed into {@link BITS}-bit bucket numbers: the model ships as numbers only. The
 * identity of a capitalised word is a feature only when the document also writes it in lower case,
 * or the lexicon knows it ("Ministry", "Corp"): the model knows English words, not lists of names.
 */

/** Labels, in weight order. */
export const LABELS = ['O', 'PER', 'LOC', 'ORG'] as const;
export type Label = 0 | 1 | 2 | 3;
export const O = 0;
export const PER = 1;
export const LOC = 2;
export const ORG = 3;

/** Bucket numbers have this many bits. */
export const BITS = 18;
const SHIFT = 32 - BITS;

/** Lower-case words that join the capitalised words of one name ("Bank of England", "Marieke de Vries"). */
export const NAME_LINKS = new Set(['of', 'for', 'and', 'de', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'del', 'della', 'da', 'di', 'dos', 'das', 'do', 'y', 'e', '&', 'on', 'the', 'al', 'bin', 'ibn', 'ter', 'ten', 'zu', 'st', 'upon']);

/**
 * Capitalised words of names of bodies and places that are English words, besides the lexicon's
 * classes: their identity is a feature wherever they stand.
 */
const KNOWN_CAPITALISED = new Set(`corp corporation inc ltd co plc llc ag sa nv gmbh bv spa holdings industries international industry
  airlines airways motors petroleum oil gas energy electric power telecom telecommunications communications systems technologies
  technology software pharmaceuticals pharmaceutical chemicals steel mining resources insurance securities capital investments
  investment partners trading exchange stores foods brewery bancorp financial bank banks markets market group united city rovers
  athletic sporting club county town wanderers national republic republican democratic democrats republicans socialist communist
  liberal conservative labour labor green greens people peoples popular federal central royal general international daily weekly
  times post news herald journal tribune gazette telegraph agency press radio television tv network channel service council
  commission committee ministry department office court union league association federation institute university college school
  hospital church mosque fund trust foundation board authority army navy police forces force guard front movement party
  northern southern eastern western north south east west upper lower new old great greater saint st fort port mount lake river
  island islands sea bay gulf valley cape point beach hills heights park square street avenue road`.split(/\s+/).filter(Boolean));

const NUM = hashString('#num');
const CAP = hashString('#cap');

/** FNV-1a hash of a string, 32 bits. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** {@link hashString} of `s.slice(from, to)`, without making the slice. */
export function hashRange(s: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, from); i < Math.min(to, s.length); i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The bucket of feature `template` with value `value` (a hash or a small number). */
export function bucket(template: number, value: number): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ value;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> SHIFT;
}

const isUpper = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7) || (c > 0xff && c < 0x2000 && !isUpperWide(c));
const isUpperWide = (c: number): boolean => c > 0xff && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase();

/** Word shapes: a few classes of how a token is written. Read from character codes (no regex). */
function shapeOf(text: string, cap: boolean, num: boolean): number {
  if (num) return 1;
  const n = text.length;
  let digits = 0;
  let dots = 0;
  let hyphen = -1;
  let lower = 0;
  let upperAfterLower = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46) dots++;
    else if (c === 45) {
      if (hyphen < 0) hyphen = i;
    } else if (isUpper(c) || isUpperWide(c)) {
      if (lower > 0 && i > 0) upperAfterLower = true;
    } else if (isLower(c)) lower++;
  }
  if (!cap) {
    if (hyphen > 0 && hyphen + 1 < n && isUpperAt(text, hyphen + 1) && lowerPrefix(text, hyphen)) return 2; // al-Baghdadi
    return dots || digits ? 3 : 4;
  }
  if (n === 2 && dots === 1 && text.charCodeAt(1) === 46) return 5; // initial: J.
  if (lower === 0 && digits === 0 && dots > 0 && dots * 2 === n) return 6; // U.S.
  if (n === 1) return 7;
  if (lower === 0 && dots === 0) return digits ? 8 : 9; // ISIS, G7
  if (digits) return 10;
  if (upperAfterLower && hyphen < 0) return 11; // McDonald, JavaSoft
  if (hyphen >= 0) return 12; // Al-Baghdadi
  if (text.charCodeAt(n - 1) === 46) return 13; // Gen. Calif.
  return 14;
}

function lowerPrefix(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (!isLower(text.charCodeAt(i))) return false;
  return true;
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return isUpper(c) || isUpperWide(c);
}

const enum T {
  Bias,
  Shape,
  Word,
  Suffix2,
  Suffix3,
  Prefix3,
  Length,
  Prev1,
  Prev2,
  Next1,
  Next2,
  PrevShape,
  NextShape,
  Gaz,
  GazPrev,
  GazNext,
  Class,
  PrevClass,
  NextClass,
  SentenceStart,
  AllCapsLine,
  ShortLine,
  Headline,
  LowerElsewhere,
  LongerElsewhere,
  InnerElsewhere,
  RunLength,
  RunPosition,
  PrevLabel,
  PrevLabelShape,
  PrevLabelWord,
  Prev1Next1,
  ShapeNext1,
  Prev1Shape,
  Bracketed,
  Possessive,
  PrevPrevLabel,
  DatelineStart,
  RunFirst,
  RunLast,
  RunLastClass,
  RunBefore,
  RunAfter,
  RunAfter2,
  Suffix4,
}

let classes: Map<string, number> | undefined;

/** Word classes of the lexicon, as small numbers: the first class (in this order) a word is in. */
function classOf(tok: Token): number {
  if (!classes) {
    classes = new Map();
    const order: Array<[Iterable<string>, number]> = [[TITLES, 1], [ORG_HEADS, 2], [ARABIC_ORG_HEADS, 3], [PLACE_DESIGNATORS, 4], [ROLES, 5], [SPEECH_VERBS, 6], [LOCATIVE_PREPOSITIONS, 7], [CAPITAL_STOPWORDS, 8], [CALENDAR_WORDS, 9], [SACRED_WORDS, 10], [GROUP_WORDS, 11]];
    for (const [words, c] of order) for (const w of words) if (!classes.has(w)) classes.set(w, c);
  }
  const c = classes.get(tok.lower);
  if (c !== undefined) return c;
  return gazetteer().demonyms.has(tok.text) ? 11 : 0;
}

const GAZ_KIND: Record<PlaceKind, number> = { country: 1, region: 2, city: 3, town: 4 };

/**
 * What the tagger reads of one document, computed once: the tokens it labels (capitalised words,
 * name particles and the links between them, in runs), and per token the values its features combine.
 */
export class TaggerInput {
  /** Token indices the tagger labels, in order; every other token is O. */
  readonly tagged: Int32Array;
  /** For each tagged position, the index of its run's first tagged position and the run's length. */
  readonly runStart: Int32Array;
  readonly runLength: Int32Array;
  private readonly wordHash: Int32Array;
  private readonly shape: Uint8Array;
  private readonly cls: Uint8Array;
  private readonly gaz: Uint8Array;
  private readonly lineFlags: Uint8Array;
  private readonly docFlags: Uint8Array;

  /**
   * `everyRun`: tag the runs the rules settle too (the learning script does, so that the model
   * learns from every name; the tagger does not, as the recognizers do not ask).
   */
  constructor(
    readonly ctx: ExtractionContext,
    everyRun = false,
  ) {
    const toks = ctx.tokens;
    const n = toks.length;
    const text = ctx.text;
    // Runs: name-like tokens joined by a space or a hyphen, and links between two of them.
    const tagged: number[] = [];
    const runStart: number[] = [];
    const runLength: number[] = [];
    const nameish = ctx.nameish;
    // Whether tokens i and i + 1 are separated by one space or one hyphen.
    const joined = (i: number): boolean => {
      if (i + 1 >= n) return false;
      const a = toks[i].end;
      if (toks[i + 1].start - a !== 1) return false;
      const c = text.charCodeAt(a);
      return c === 32 || c === 0xa0 || c === 45;
    };
    let i = 0;
    while (i < n) {
      if (nameish[i] !== 1) {
        i++;
        continue;
      }
      const first = tagged.length;
      tagged.push(i);
      let k = i;
      while (joined(k)) {
        if (nameish[k + 1] === 1) {
          tagged.push(++k);
          continue;
        }
        // A link word between two name-like words: "Bank of England", "Marieke de Vries".
        const link = toks[k + 1];
        if (!link.cap && NAME_LINKS.has(link.lower) && joined(k + 1) && nameish[k + 2] === 1 && toks[k + 2].cap && !CALENDAR_WORDS.has(toks[k + 2].lower) && !CAPITAL_STOPWORDS.has(toks[k + 2].lower)) {
          tagged.push(k + 1, k + 2);
          k += 2;
          continue;
        }
        break;
      }
      if (!everyRun && settled(ctx, tagged, first)) while (tagged.length > first) tagged.pop();
      else {
        for (let p = first; p < tagged.length; p++) {
          runStart.push(first);
          runLength.push(tagged.length - first);
        }
      }
      i = k + 1;
    }
    this.tagged = Int32Array.from(tagged);
    this.runStart = Int32Array.from(runStart);
    this.runLength = Int32Array.from(runLength);

    // Capitalised words the document also writes in lower case.
    const lowerSeen = new Set<string>();
    for (const t of tagged) if (toks[t].cap) lowerSeen.add(toks[t].lower);
    const alsoLower = new Set<string>();
    // Looked up only for words whose length and first letter some capitalised word shares.
    const firstLetters = new Int32Array(32);
    for (const w of lowerSeen) if (w.length < 32) firstLetters[w.length] |= 1 << (w.charCodeAt(0) & 31);
    for (let t = 0; t < n; t++) {
      const tok = toks[t];
      if (tok.cap) continue;
      const l = tok.lower;
      if (l.length < 32 && firstLetters[l.length] & (1 << (l.charCodeAt(0) & 31)) && lowerSeen.has(l)) alsoLower.add(l);
    }
    // Per-token values, for tagged tokens and their neighbours.
    // The per-token byte arrays share one buffer (one allocation instead of six).
    const bytes = new Uint8Array(6 * n);
    this.wordHash = new Int32Array(n);
    this.shape = bytes.subarray(0, n);
    this.cls = bytes.subarray(n, 2 * n);
    this.gaz = bytes.subarray(2 * n, 3 * n);
    this.lineFlags = bytes.subarray(3 * n, 4 * n);
    this.docFlags = bytes.subarray(4 * n, 5 * n);
    const need = bytes.subarray(5 * n, 6 * n);
    for (const t of tagged) for (let d = -2; d <= 2; d++) if (t + d >= 0 && t + d < n) need[t + d] = 1;
    // The words around each whole run.
    for (let p = 0; p < tagged.length; p++) {
      if (runStart[p] !== p) continue;
      const first = tagged[p];
      const last = tagged[p + runLength[p] - 1];
      if (first > 0) need[first - 1] = 1;
      if (last + 1 < n) need[last + 1] = 1;
      if (last + 2 < n) need[last + 2] = 1;
    }
    for (let t = 0; t < n; t++) {
      if (!need[t]) continue;
      const tok = toks[t];
      this.shape[t] = shapeOf(tok.text, tok.cap, tok.num);
      this.cls[t] = classOf(tok);
      this.wordHash[t] = tok.num ? NUM : !tok.cap || this.cls[t] !== 0 || KNOWN_CAPITALISED.has(tok.lower) || alsoLower.has(tok.lower) ? hashString(tok.lower) : CAP;
    }
    // Gazetteer: the longest entry starting at each tagged token marks the tokens it covers.
    const gz = gazetteer();
    for (let p = 0; p < tagged.length; p++) {
      const s = tagged[p];
      if (this.gaz[s] || !toks[s].cap) continue;
      // Names in capitals (datelines, headlines) are looked up as written and in title case.
      const caps = this.shape[s] === 9 && toks[s].text.length > 1;
      let name = caps ? titleCase(toks[s].text) : toks[s].text;
      let best = 0;
      let kind = 0;
      const runEnd = this.runStart[p] + this.runLength[p];
      const many = gz.firstWords.has(name);
      for (let q = p, e = s + 1; q < runEnd && e - s <= gz.maxWords; q++, e++) {
        if (q > p) {
          if (!many || tagged[q] !== e - 1) break;
          name += ' ' + (caps ? titleCase(toks[e - 1].text) : toks[e - 1].text);
        }
        const entry = gz.get(name) ?? (caps ? gz.get(spelled(toks, s, e)) : undefined);
        if (entry) {
          best = e;
          kind = GAZ_KIND[entry.kind];
        }
      }
      if (best) {
        this.gaz[s] = kind;
        for (let t = s + 1; t < best; t++) this.gaz[t] = kind + 4;
      }
    }
    // Lines: headline (the document's first line), all in capitals, short (bylines, datelines).
    // Read only for the lines that hold tagged tokens, each once.
    const firstLineEnd = text.indexOf('\n');
    let doneTo = -1;
    for (const t of tagged) {
      if (t <= doneTo) continue;
      const at = toks[t].start;
      const from = text.lastIndexOf('\n', at) + 1;
      let to = text.indexOf('\n', at);
      if (to < 0) to = text.length;
      const a = ctx.tokenAt(from);
      let b = a;
      let letters = 0;
      let upper = 0;
      for (; b < n && toks[b].start < to; b++) {
        const tok = toks[b];
        if (tok.num) continue;
        const w = tok.text;
        if (!tok.cap) letters += w.length;
        else
          for (let c = 0; c < w.length; c++) {
            const ch = w.charCodeAt(c);
            if (ch >= 65 && ch <= 90) {
              letters++;
              upper++;
            } else if (ch >= 97 && ch <= 122) letters++;
          }
      }
      const flags = (letters > 6 && upper / letters > 0.85 ? 1 : 0) | (b - a <= 5 ? 2 : 0) | (firstLineEnd < 0 || from <= firstLineEnd ? 4 : 0);
      for (let k = a; k < b; k++) this.lineFlags[k] = flags;
      doneTo = b - 1;
    }
    // The document elsewhere: the word in lower case; inside a longer name; opening or closing one.
    const runLast = new Map<string, number>();
    for (let p = 0; p < tagged.length; p++) {
      if (this.runLength[p] < 2) continue;
      const w = toks[tagged[p]].text;
      const last = p === this.runStart[p] + this.runLength[p] - 1;
      runLast.set(w, (runLast.get(w) ?? 0) | (last ? 1 : 2));
    }
    for (let p = 0; p < tagged.length; p++) {
      const t = tagged[p];
      const tok = toks[t];
      let f = 0;
      if (tok.cap && alsoLower.has(tok.lower)) f |= 1;
      const r = runLast.get(tok.text) ?? 0;
      if (this.runLength[p] === 1 && r & 1) f |= 2;
      if (this.runLength[p] === 1 && r & 2) f |= 4;
      this.docFlags[t] = f;
    }
  }

  /**
   * The buckets of tagged position p's features, given the labels of the two positions before it
   * in its run (O at a run's start). Writes into `out`, returns how many.
   */
  features(p: number, prevLabel: number, prevPrevLabel: number, out: Int32Array): number {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const t = this.tagged[p];
    const tok = toks[t];
    const n = toks.length;
    const w = this.wordHash;
    const word = w[t];
    const shape = this.shape[t];
    const prev = t > 0 ? w[t - 1] : 0;
    const next = t + 1 < n ? w[t + 1] : 0;
    let k = 0;
    out[k++] = bucket(T.Bias, 0);
    out[k++] = bucket(T.Shape, shape);
    out[k++] = bucket(T.Word, word);
    if (tok.cap && !tok.num) {
      const l = tok.lower;
      out[k++] = bucket(T.Suffix2, hashRange(l, l.length - 2, l.length));
      out[k++] = bucket(T.Suffix3, hashRange(l, l.length - 3, l.length));
      out[k++] = bucket(T.Prefix3, hashRange(l, 0, 3));
    }
    out[k++] = bucket(T.Length, Math.min(tok.text.length, 12));
    out[k++] = bucket(T.Prev1, prev);
    out[k++] = bucket(T.Prev2, t > 1 ? w[t - 2] : 0);
    out[k++] = bucket(T.Next1, next);
    out[k++] = bucket(T.Next2, t + 2 < n ? w[t + 2] : 0);
    out[k++] = bucket(T.PrevShape, t > 0 ? this.shape[t - 1] : 0);
    out[k++] = bucket(T.NextShape, t + 1 < n ? this.shape[t + 1] : 0);
    out[k++] = bucket(T.Gaz, this.gaz[t]);
    out[k++] = bucket(T.GazPrev, t > 0 ? this.gaz[t - 1] : 0);
    out[k++] = bucket(T.GazNext, t + 1 < n ? this.gaz[t + 1] : 0);
    out[k++] = bucket(T.Class, this.cls[t]);
    out[k++] = bucket(T.PrevClass, t > 0 ? this.cls[t - 1] : 0);
    out[k++] = bucket(T.NextClass, t + 1 < n ? this.cls[t + 1] : 0);
    const s0 = ctx.sentenceTokens[ctx.sentenceOf[t]]?.[0] ?? 0;
    out[k++] = bucket(T.SentenceStart, s0 === t ? 1 : 0);
    const line = this.lineFlags[t];
    out[k++] = bucket(T.AllCapsLine, line & 1);
    out[k++] = bucket(T.ShortLine, (line >> 1) & 1);
    out[k++] = bucket(T.Headline, (line >> 2) & 1);
    const doc = this.docFlags[t];
    out[k++] = bucket(T.LowerElsewhere, doc & 1);
    out[k++] = bucket(T.LongerElsewhere, (doc >> 1) & 1);
    out[k++] = bucket(T.InnerElsewhere, (doc >> 2) & 1);
    const len = this.runLength[p];
    const pos = p - this.runStart[p];
    out[k++] = bucket(T.RunLength, Math.min(len, 6));
    out[k++] = bucket(T.RunPosition, (pos === 0 ? 1 : 0) | (pos === len - 1 ? 2 : 0));
    out[k++] = bucket(T.PrevLabel, prevLabel);
    out[k++] = bucket(T.PrevPrevLabel, prevPrevLabel * 4 + prevLabel);
    out[k++] = bucket(T.PrevLabelShape, prevLabel * 32 + shape);
    out[k++] = bucket(T.PrevLabelWord, Math.imul(word, 4) + prevLabel);
    out[k++] = bucket(T.Prev1Next1, Math.imul(prev, 31) ^ next);
    out[k++] = bucket(T.ShapeNext1, Math.imul(next, 37) + shape);
    out[k++] = bucket(T.Prev1Shape, Math.imul(prev, 37) + shape);
    const before = t > 0 ? ctx.text.charCodeAt(tok.start - 1) : 0;
    const after = ctx.text.charCodeAt(tok.end);
    out[k++] = bucket(T.Bracketed, (before === 40 ? 1 : 0) | (after === 41 ? 2 : 0));
    out[k++] = bucket(T.Possessive, after === 39 || after === 0x2019 ? 1 : 0);
    out[k++] = bucket(T.DatelineStart, t === 0 || ctx.text.charCodeAt(tok.start - 1) === 10 ? 1 : 0);
    // The whole name around the token: its first and last words, the words before and after it.
    const first = this.tagged[this.runStart[p]];
    const last = this.tagged[this.runStart[p] + len - 1];
    out[k++] = bucket(T.RunFirst, w[first]);
    out[k++] = bucket(T.RunLast, w[last]);
    out[k++] = bucket(T.RunLastClass, this.cls[last] * 16 + this.gaz[last]);
    out[k++] = bucket(T.RunBefore, first > 0 ? w[first - 1] : 0);
    out[k++] = bucket(T.RunAfter, last + 1 < n ? w[last + 1] : 0);
    out[k++] = bucket(T.RunAfter2, last + 2 < n ? Math.imul(w[last + 1], 31) ^ w[last + 2] : 0);
    if (tok.cap && !tok.num && tok.lower.length > 4) out[k++] = bucket(T.Suffix4, hashRange(tok.lower, tok.lower.length - 4, tok.lower.length));
    return k;
  }
}

/**
 * Whether the rules settle the run starting at tagged position `first` without the tagger, so it is
 * not tagged: capitalised function words and dates ("The", "In", "Monday"); names with a title or an
 * Arabic name's particle ("Col. Mark Halvorsen", "Abu Omar al-Tunisi"); a name the rules took for an
 * organisation's; names of countries and regions, alone or joined ("Iraq and Syria"), a city's name
 * after a locative preposition ("in Mosul"), a name ending with a place designator ("Euphrates River").
 */
function settled(ctx: ExtractionContext, tagged: number[], first: number): boolean {
  const toks = ctx.tokens;
  if (tagged.length - first === 1) {
    // Most runs: one capitalised word opening a sentence.
    const lower = toks[tagged[first]].lower;
    if (CAPITAL_STOPWORDS.has(lower) || CALENDAR_WORDS.has(lower)) return true;
  }
  let common = true;
  let blocked = true;
  for (let p = first; p < tagged.length; p++) {
    const t = tagged[p];
    const tok = toks[t];
    if (common && !CAPITAL_STOPWORDS.has(tok.lower) && !CALENDAR_WORDS.has(tok.lower)) common = false;
    if (blocked && !ctx.blocked[t] && tok.cap) blocked = false;
    if (tok.cap ? TITLES.has(tok.lower) || tok.lower === 'abu' || tok.lower === 'umm' : ctx.nameish[t] === 1 && !NAME_LINKS.has(tok.lower)) return true;
  }
  if (common || blocked) return true;
  const last = toks[tagged[tagged.length - 1]];
  if (last.cap && tagged.length - first > 1 && PLACE_DESIGNATORS.has(last.lower)) return true;
  // Parts between links, each a place the gazetteer knows anywhere.
  const gz = gazetteer();
  const prev = toks[tagged[first] - 1];
  let p = first;
  while (p < tagged.length) {
    let e = p + 1;
    while (e < tagged.length && !NAME_LINKS.has(toks[tagged[e]].lower)) e++;
    if (e - p > 3) return false;
    let name = toks[tagged[p]].text;
    for (let q = p + 1; q < e; q++) name += ' ' + toks[tagged[q]].text;
    // (A name of several words is in the gazetteer only if its first word opens one.)
    const entry = (e - p === 1 || gz.firstWords.has(toks[tagged[p]].text) ? gz.get(name) : undefined) ?? (name.length > 3 && isAcronym(toks[tagged[p]]) ? gz.get(titleCaseWords(name)) : undefined);
    if (!entry || entry.kind === 'town') return false;
    // A city's name only after a locative preposition.
    if (entry.kind === 'city' && !(prev && !prev.cap && LOCATIVE_PREPOSITIONS.has(prev.lower))) return false;
    p = e + 1;
  }
  return true;
}

/** Room for every feature of one position. */
export const MAX_FEATURES = 56;

/** A word in capitals in title case: "BRUSSELS" → "Brussels", "DEIR" → "Deir". */
function titleCase(w: string): string {
  return w[0] + w.slice(1).toLowerCase();
}

function spelled(toks: readonly Token[], s: number, e: number): string {
  let out = toks[s].text;
  for (let t = s + 1; t < e; t++) out += ' ' + toks[t].text;
  return out;
}
