import type { DocumentAnalysis, LocalEntity, LocalMention, LocalQuote } from '../extract/types';
import type { DocumentDate, EntityType, MentionType } from '../model';
import { lineStarts } from './lines';

/**
 * One document's analysis, word count and line starts in two values: every string of the analysis
 * once, concatenated, and every number in one Int32Array (offsets, string references, counts). A
 * corpus of 10,000 documents is then 20,000 values instead of about two million small objects,
 * which keeps the heap small, copies between threads and to disk in one step (structured clone,
 * `v8.serialize`), and lets the index read mentions without building objects.
 *
 * Layout of `ints` (all offsets UTF-16, end exclusive):
 * - header ({@link H}): counts of strings, mentions, quotes, entities, list entries, lines; words;
 *   the document date's value and source (string references, -1 when there is no date)
 * - string ends: `strings` holds string `i` at [end(i-1), end(i))
 * - mentions, {@link M} ints each: start, end, text, type, entity, value (-1 when absent)
 * - quotes, {@link Q} ints each: start, end, speaker (-1 for null)
 * - entities, {@link E} ints each: key, type, name, placeKey, value, pinnedName (-1 when absent),
 *   forms (list start, count), roles (list start, count; start -1 when absent)
 * - lists: string references of forms and roles
 * - line starts
 *
 * A mention's `entity` and a quote's `speaker` refer to an entity by position (≥ 0), or, for a key
 * that names no entity of the document, to the key's string as `-2 - string`.
 */
export interface PackedAnalysis {
  readonly strings: string;
  readonly ints: Int32Array;
}

const enum H {
  Strings,
  Mentions,
  Quotes,
  Entities,
  Lists,
  Lines,
  Words,
  DateValue,
  DateSource,
  Size,
}
export const M = 6;
export const Q = 3;
const E = 10;

/** Packs an analysis with its text's word count and line starts (see {@link PackedAnalysis}). */
export function packAnalysis(a: DocumentAnalysis, text: string): PackedAnalysis {
  return packWith(a, countWords(text), lineStarts(text));
}

/** Packs an analysis with known word count and line starts. */
export function packWith(a: DocumentAnalysis, words: number, lines: readonly number[]): PackedAnalysis {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const str = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = strings.length));
      strings.push(s);
    }
    return i;
  };
  const opt = (s: string | undefined): number => (s === undefined ? -1 : str(s));
  const entityAt = new Map<string, number>();
  a.entities.forEach((e, i) => entityAt.has(e.key) || entityAt.set(e.key, i));
  const ref = (key: string): number => entityAt.get(key) ?? -2 - str(key);

  const list: number[] = [];
  const ents: number[] = [];
  for (const e of a.entities) {
    ents.push(str(e.key), str(e.type), str(e.name), opt(e.placeKey), opt(e.value), opt(e.pinnedName), list.length, e.forms.length);
    for (const f of e.forms) list.push(str(f));
    if (e.roles) {
      ents.push(list.length, e.roles.length);
      for (const r of e.roles) list.push(str(r));
    } else ents.push(-1, 0);
  }
  const ments: number[] = [];
  for (const m of a.mentions) ments.push(m.start, m.end, str(m.text), str(m.type), ref(m.key), opt(m.value));
  const quotes: number[] = [];
  for (const q of a.quotes) quotes.push(q.start, q.end, q.speaker === null ? -1 : ref(q.speaker));
  const dateValue = a.documentDate ? str(a.documentDate.value) : -1;
  const dateSource = a.documentDate ? str(a.documentDate.source) : -1;

  const ints = new Int32Array(H.Size + strings.length + ments.length + quotes.length + ents.length + list.length + lines.length);
  ints[H.Strings] = strings.length;
  ints[H.Mentions] = a.mentions.length;
  ints[H.Quotes] = a.quotes.length;
  ints[H.Entities] = a.entities.length;
  ints[H.Lists] = list.length;
  ints[H.Lines] = lines.length;
  ints[H.Words] = words;
  ints[H.DateValue] = dateValue;
  ints[H.DateSource] = dateSource;
  let at = H.Size;
  let end = 0;
  for (const s of strings) ints[at++] = end += s.length;
  for (const part of [ments, quotes, ents, list, lines]) {
    ints.set(part, at);
    at += part.length;
  }
  // join() makes one flat string: the table never keeps the document's text alive through slices.
  return { strings: strings.join(''), ints };
}

/**
 * Reads a {@link PackedAnalysis} without unpacking it: offsets of each section, and strings on demand.
 * Cheap to make (a few additions); the index makes one per query rather than keeping it.
 */
export class PackedReader {
  readonly mentionCount: number;
  readonly quoteCount: number;
  readonly entityCount: number;
  readonly words: number;
  private readonly stringsAt: number;
  readonly mentionsAt: number;
  readonly quotesAt: number;
  private readonly entitiesAt: number;
  private readonly listsAt: number;
  private readonly linesAt: number;
  private readonly lineCount: number;
  readonly ints: Int32Array;
  private speakerType: number | undefined;
  private order: Int32Array | null | undefined;
  private strays: boolean | undefined;
  private types: Map<number, MentionType> | undefined;

  constructor(readonly packed: PackedAnalysis) {
    const ints = (this.ints = packed.ints);
    if (ints.length < H.Size) throw new Error('not a packed analysis');
    this.mentionCount = ints[H.Mentions];
    this.quoteCount = ints[H.Quotes];
    this.entityCount = ints[H.Entities];
    this.words = ints[H.Words];
    this.lineCount = ints[H.Lines];
    this.stringsAt = H.Size;
    this.mentionsAt = this.stringsAt + ints[H.Strings];
    this.quotesAt = this.mentionsAt + this.mentionCount * M;
    this.entitiesAt = this.quotesAt + this.quoteCount * Q;
    this.listsAt = this.entitiesAt + this.entityCount * E;
    this.linesAt = this.listsAt + ints[H.Lists];
    if (this.linesAt + this.lineCount !== ints.length) throw new Error('not a packed analysis');
  }

  /** The string reference of the mention type `speaker` (-1 when no mention is a speaker's); computed once. */
  speakerTypeRef(): number {
    return (this.speakerType ??= this.find('speaker'));
  }

  /** Mention positions in offset order, or undefined when they are in that order already (as extracted); computed once. */
  mentionOrder(): Int32Array | undefined {
    if (this.order === undefined) {
      this.order = null;
      for (let i = 1; i < this.mentionCount; i++) {
        if (this.mentionStart(i) < this.mentionStart(i - 1)) {
          const order = Int32Array.from({ length: this.mentionCount }, (_, k) => k);
          this.order = order.sort((a, b) => this.mentionStart(a) - this.mentionStart(b) || a - b);
          break;
        }
      }
    }
    return this.order ?? undefined;
  }

  /** Whether a mention or quote refers to a key that names no entity of the document; computed once. */
  hasStrayRefs(): boolean {
    if (this.strays === undefined) {
      this.strays = false;
      for (let i = 0; i < this.mentionCount && !this.strays; i++) this.strays = this.mentionRef(i) < 0;
      for (let i = 0; i < this.quoteCount && !this.strays; i++) this.strays = this.quoteRef(i) < -1;
    }
    return this.strays;
  }

  /** The reference of the string `s` in this document's table, or -1 when it has none. */
  find(s: string): number {
    const n = this.ints[H.Strings];
    for (let i = 0, start = 0; i < n; i++) {
      const end = this.ints[this.stringsAt + i];
      if (end - start === s.length && this.packed.strings.startsWith(s, start)) return i;
      start = end;
    }
    return -1;
  }

  string(i: number): string {
    const start = i === 0 ? 0 : this.ints[this.stringsAt + i - 1];
    return this.packed.strings.slice(start, this.ints[this.stringsAt + i]);
  }

  private opt(i: number): string | undefined {
    return i < 0 ? undefined : this.string(i);
  }

  /** The local entity key a mention's or quote's reference names. */
  keyOf(ref: number): string {
    return ref >= 0 ? this.string(this.ints[this.entitiesAt + ref * E]) : this.string(-2 - ref);
  }

  mentionStart(i: number): number {
    return this.ints[this.mentionsAt + i * M];
  }

  mentionEnd(i: number): number {
    return this.ints[this.mentionsAt + i * M + 1];
  }

  mentionText(i: number): string {
    return this.string(this.ints[this.mentionsAt + i * M + 2]);
  }

  mentionType(i: number): MentionType {
    // A handful of types per document: each made into a string once.
    const ref = this.ints[this.mentionsAt + i * M + 3];
    const types = (this.types ??= new Map());
    let t = types.get(ref);
    if (t === undefined) types.set(ref, (t = this.string(ref) as MentionType));
    return t;
  }

  /** The type's string reference: equal references, equal types (within one document). */
  mentionTypeRef(i: number): number {
    return this.ints[this.mentionsAt + i * M + 3];
  }

  mentionRef(i: number): number {
    return this.ints[this.mentionsAt + i * M + 4];
  }

  mentionValue(i: number): string | undefined {
    return this.opt(this.ints[this.mentionsAt + i * M + 5]);
  }

  quoteStart(i: number): number {
    return this.ints[this.quotesAt + i * Q];
  }

  quoteEnd(i: number): number {
    return this.ints[this.quotesAt + i * Q + 1];
  }

  /** -1 for no speaker, else an entity reference like {@link mentionRef}. */
  quoteRef(i: number): number {
    return this.ints[this.quotesAt + i * Q + 2];
  }

  documentDate(): DocumentDate | undefined {
    const v = this.ints[H.DateValue];
    return v < 0 ? undefined : { value: this.string(v), source: this.string(this.ints[H.DateSource]) as DocumentDate['source'] };
  }

  lines(): Int32Array {
    return this.ints.subarray(this.linesAt, this.linesAt + this.lineCount);
  }

  entityKey(i: number): string {
    return this.string(this.ints[this.entitiesAt + i * E]);
  }

  entities(): LocalEntity[] {
    const out: LocalEntity[] = [];
    const ints = this.ints;
    const strs = (from: number, n: number) => {
      const xs: string[] = [];
      for (let k = 0; k < n; k++) xs.push(this.string(ints[this.listsAt + from + k]));
      return xs;
    };
    for (let i = 0; i < this.entityCount; i++) {
      const at = this.entitiesAt + i * E;
      const e: LocalEntity = { key: this.string(ints[at]), type: this.string(ints[at + 1]) as EntityType, name: this.string(ints[at + 2]), forms: strs(ints[at + 6], ints[at + 7]) };
      const placeKey = this.opt(ints[at + 3]);
      const value = this.opt(ints[at + 4]);
      const pinnedName = this.opt(ints[at + 5]);
      if (placeKey !== undefined) e.placeKey = placeKey;
      if (value !== undefined) e.value = value;
      if (pinnedName !== undefined) e.pinnedName = pinnedName;
      if (ints[at + 8] >= 0) e.roles = strs(ints[at + 8], ints[at + 9]);
      out.push(e);
    }
    return out;
  }

  mentions(): LocalMention[] {
    const out: LocalMention[] = [];
    for (let i = 0; i < this.mentionCount; i++) {
      const m: LocalMention = { start: this.mentionStart(i), end: this.mentionEnd(i), text: this.mentionText(i), type: this.mentionType(i), key: this.keyOf(this.mentionRef(i)) };
      const value = this.mentionValue(i);
      if (value !== undefined) m.value = value;
      out.push(m);
    }
    return out;
  }

  quotes(): LocalQuote[] {
    const out: LocalQuote[] = [];
    for (let i = 0; i < this.quoteCount; i++) {
      const r = this.quoteRef(i);
      out.push({ start: this.quoteStart(i), end: this.quoteEnd(i), speaker: r === -1 ? null : this.keyOf(r) });
    }
    return out;
  }

  analysis(): DocumentAnalysis {
    return { mentions: this.mentions(), quotes: this.quotes(), entities: this.entities(), documentDate: this.documentDate() };
  }
}

/** Unpacks a {@link PackedAnalysis} into the analysis it was made from. */
export function unpackAnalysis(p: PackedAnalysis): DocumentAnalysis {
  return new PackedReader(p).analysis();
}

/** Whether a value has the shape of a {@link PackedAnalysis} whose sections add up (for data read from disk). */
export function isPackedAnalysis(x: unknown): x is PackedAnalysis {
  if (!x || typeof x !== 'object') return false;
  const p = x as PackedAnalysis;
  if (typeof p.strings !== 'string' || !(p.ints instanceof Int32Array)) return false;
  try {
    const r = new PackedReader(p);
    return r.mentionCount >= 0 && r.quoteCount >= 0 && r.entityCount >= 0 && (p.ints[H.Strings] === 0 || p.ints[H.Size + p.ints[H.Strings] - 1] === p.strings.length);
  } catch {
    return false;
  }
}

function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // \s of a regular expression: ASCII and Unicode spaces, line terminators, BOM.
    const space = c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      n++;
    }
  }
  return n;
}
