import type { Token } from '../../text/tokens';
import type { ExtractionContext } from '../context';
import { gazetteer, type PlaceKind } from '../gazetteer';
import { ARABIC_ORG_HEADS, CAPITAL_STOPWORDS, LOCATIVE_PREPOSITIONS, ORG_HEADS, PLACE_DESIGNATORS, ROLES, SPEECH_VERBS, TITLES } from '../lexicon';
import { isCalendarWord, isGroupWord, isSacred } from '../recognizers/wordClasses';

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

/** The bucket of feature `template` with value `value` (a hash or a small number). */
export function bucket(template: number, value: number): number {
  let h = Math.imul(template + 1, 0x9e3779b1) ^ value;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> SHIFT;
}

/** Word shapes: a few classes of how a token is written. */
function shapeOf(text: string, cap: boolean, num: boolean): number {
  if (num) return 1;
  if (!cap) {
    if (/^\p{Ll}+-\p{Lu}/u.test(text)) return 2; // al-Baghdadi
    return /[.\d]/.test(text) ? 3 : 4;
  }
  if (/^\p{Lu}\.$/u.test(text)) return 5; // initial: J.
  if (/^(?:\p{Lu}\.)+$/u.test(text)) return 6; // U.S.
  if (text.length === 1) return 7;
  if (/^[\p{Lu}\d&-]+$/u.test(text)) return /\d/.test(text) ? 8 : 9; // ISIS, G7
  if (/\d/.test(text)) return 10;
  if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(text)) return 11; // McDonald, JavaSoft
  if (text.includes('-')) return 12; // Al-Baghdadi
  if (text.endsWith('.')) return 13; // Gen. Calif.
  return 14;
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

/** Word classes of the lexicon, as small numbers. */
function classOf(tok: Token): number {
  const lower = tok.lower;
  if (TITLES.has(lower)) return 1;
  if (ORG_HEADS.has(lower)) return 2;
  if (ARABIC_ORG_HEADS.has(lower)) return 3;
  if (PLACE_DESIGNATORS.has(lower)) return 4;
  if (ROLES.has(lower)) return 5;
  if (SPEECH_VERBS.has(lower)) return 6;
  if (LOCATIVE_PREPOSITIONS.has(lower)) return 7;
  if (CAPITAL_STOPWORDS.has(lower)) return 8;
  if (isCalendarWord(tok)) return 9;
  if (isSacred(tok)) return 10;
  if (isGroupWord(tok)) return 11;
  return 0;
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

  constructor(readonly ctx: ExtractionContext) {
    const toks = ctx.tokens;
    const n = toks.length;
    const text = ctx.text;
    // Runs: name-like tokens joined by a space or a hyphen, and links between two of them.
    const tagged: number[] = [];
    const runStart: number[] = [];
    const runLength: number[] = [];
    const nameLike = (i: number): boolean => ctx.nameish[i] === 1 && !toks[i].num;
    const joined = (i: number): boolean => {
      const a = toks[i];
      const b = toks[i + 1];
      if (!b) return false;
      const gap = b.start - a.end;
      if (gap !== 1) return false;
      const c = text.charCodeAt(a.end);
      return c === 32 || c === 0xa0 || c === 45;
    };
    let i = 0;
    while (i < n) {
      if (!nameLike(i)) {
        i++;
        continue;
      }
      const first = tagged.length;
      tagged.push(i);
      let k = i;
      for (;;) {
        if (joined(k) && nameLike(k + 1)) {
          tagged.push(++k);
          continue;
        }
        // A link word between two name-like words: "Bank of England", "Marieke de Vries".
        if (joined(k) && NAME_LINKS.has(toks[k + 1].lower) && !toks[k + 1].cap && joined(k + 1) && k + 2 < n && nameLike(k + 2) && toks[k + 2].cap) {
          tagged.push(k + 1, k + 2);
          k += 2;
          continue;
        }
        break;
      }
      for (let p = first; p < tagged.length; p++) {
        runStart.push(first);
        runLength.push(tagged.length - first);
      }
      i = k + 1;
    }
    this.tagged = Int32Array.from(tagged);
    this.runStart = Int32Array.from(runStart);
    this.runLength = Int32Array.from(runLength);

    // Words written in lower case somewhere in the document.
    const lowerSeen = new Set<string>();
    for (let t = 0; t < n; t++) if (!toks[t].cap && !toks[t].num) lowerSeen.add(toks[t].lower);
    // Per-token values, for tagged tokens and their neighbours.
    this.wordHash = new Int32Array(n);
    this.shape = new Uint8Array(n);
    this.cls = new Uint8Array(n);
    this.gaz = new Uint8Array(n);
    const need = new Uint8Array(n);
    for (const t of tagged) for (let d = -2; d <= 2; d++) if (t + d >= 0 && t + d < n) need[t + d] = 1;
    // The words around each whole run.
    for (let p = 0; p < tagged.length; p++) {
      if (runStart[p] !== p) continue;
      const first = tagged[p];
      const last = tagged[p + runLength[p] - 1];
      for (const t of [first - 1, last + 1, last + 2]) if (t >= 0 && t < n) need[t] = 1;
    }
    for (let t = 0; t < n; t++) {
      if (!need[t]) continue;
      const tok = toks[t];
      this.shape[t] = shapeOf(tok.text, tok.cap, tok.num);
      this.cls[t] = classOf(tok);
      this.wordHash[t] = tok.num ? NUM : !tok.cap || this.cls[t] !== 0 || KNOWN_CAPITALISED.has(tok.lower) || lowerSeen.has(tok.lower) ? hashString(tok.lower) : CAP;
    }
    // Gazetteer: the longest entry starting at each tagged token marks the tokens it covers.
    const gz = gazetteer();
    for (let p = 0; p < tagged.length; p++) {
      const s = tagged[p];
      if (this.gaz[s]) continue;
      let name = toks[s].text;
      let best = 0;
      let kind = 0;
      const runEnd = this.runStart[p] + this.runLength[p];
      for (let q = p, e = s + 1; q < runEnd && e - s <= gz.maxWords; q++, e++) {
        if (q > p) {
          if (tagged[q] !== e - 1) break;
          name += ' ' + toks[e - 1].text;
        }
        const entry = gz.get(name) ?? (toks[s].cap && /^\p{Lu}+$/u.test(name.replace(/[ .'-]/g, '')) && name.length > 3 ? gz.get(titleCase(name)) : undefined);
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
    this.lineFlags = new Uint8Array(n);
    let lineStart = 0;
    let t0 = 0;
    const flagLine = (from: number, to: number, lineEnd: number, headline: boolean): void => {
      let letters = 0;
      let upper = 0;
      for (let c = from; c < lineEnd; c++) {
        const ch = text.charCodeAt(c);
        if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) {
          letters++;
          if (ch <= 90) upper++;
        }
      }
      const flags = (letters > 6 && upper / letters > 0.85 ? 1 : 0) | (to - t0 <= 5 ? 2 : 0) | (headline ? 4 : 0);
      for (let t = t0; t < to; t++) this.lineFlags[t] = flags;
    };
    let lineNo = 0;
    for (let c = 0; c <= text.length; c++) {
      if (c < text.length && text.charCodeAt(c) !== 10) continue;
      let to = t0;
      while (to < n && toks[to].start < c) to++;
      if (c > lineStart && to > t0) flagLine(lineStart, to, c, lineNo++ === 0);
      t0 = to;
      lineStart = c + 1;
    }
    // The document elsewhere: the word in lower case; inside a longer name; opening or closing one.
    this.docFlags = new Uint8Array(n);
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
      if (tok.cap && lowerSeen.has(tok.lower)) f |= 1;
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
      out[k++] = bucket(T.Suffix2, hashString(l.slice(-2)));
      out[k++] = bucket(T.Suffix3, hashString(l.slice(-3)));
      out[k++] = bucket(T.Prefix3, hashString(l.slice(0, 3)));
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
    if (tok.cap && !tok.num && tok.lower.length > 4) out[k++] = bucket(T.Suffix4, hashString(tok.lower.slice(-4)));
    return k;
  }
}

/** Room for every feature of one position. */
export const MAX_FEATURES = 56;

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}
