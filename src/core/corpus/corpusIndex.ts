import { EntityLinker } from '../entities/EntityLinker';
import type { DocumentAnalysis, ExtractOptions, LocalEntity, LocalMention, LocalQuote } from '../extract/types';
import type { DocumentDate, Entity, Mention, MentionType, Quote } from '../model';
import { analyzeText } from './analyze';
import { DocumentScan } from './documentScan';
import { Emitter } from './emitter';
import { positionAt } from './lines';
import { M, PackedReader, type PackedAnalysis } from './packedAnalysis';

/** Texts up to this size are kept in memory for keyword-in-context lines; larger ones are read on demand. */
const MAX_KEPT_TEXT = 64 * 1024;
/** How many recently indexed texts are kept (the rest are read again when a view needs them). */
const KEPT_TEXTS = 32;
/** How many documents' resolved views are kept (they are rebuilt from the packed analysis on demand). */
const KEPT_VIEWS = 256;
/** How many materialized references are kept across entities before the cache starts over. */
const KEPT_REFS = 200_000;

/** Bump when extraction changes in a way that makes cached analyses stale. */
export const EXTRACTOR_VERSION = 2;

/**
 * Stores analyses by content, so that reopening a corpus does not extract again. Keys are opaque
 * strings built by the index from the text's hash, the extraction options and the extractor version.
 */
export interface AnalysisCache {
  get(key: string): PackedAnalysis | undefined;
  set(key: string, analysis: PackedAnalysis): void;
}

/**
 * The linker's results for a whole corpus, saved with the analyses so that a warm start whose
 * documents and analyses are exactly those of the snapshot skips linking (see {@link CorpusIndex.linkSnapshot}).
 */
export interface LinkSnapshot {
  /** Documents in index order, and each one's analysis key. */
  docs: string[];
  keys: string[];
  /** Every entity id the documents' local entities resolved to. */
  ids: string[];
  /** For each document in order, for each of its local entities: the position of its id in `ids`. */
  locals: Int32Array;
  /** The corpus's entities, in {@link CorpusIndex.entities} order. */
  entities: Entity[];
}

/** One document's extraction with corpus-wide entity ids. Mentions and quotes are sorted by start. */
export interface ResolvedDocument {
  mentions: Mention[];
  quotes: Quote[];
  documentDate: DocumentDate | undefined;
}

/** A mention and the document it is in. */
export interface MentionRef {
  doc: string;
  mention: Mention;
}

/** How often an entity occurs. */
export interface EntityStats {
  mentions: number;
  documents: number;
  /** Quotations attributed to the entity, across the corpus. */
  quotes: number;
}

/** Per-document totals shown in the Corpus view. */
export interface DocumentCounts {
  speakers: number;
  persons: number;
  organizations: number;
  places: number;
  dates: number;
  quotes: number;
}

export interface CorpusIndexOptions {
  /** Content hash used for cache keys (e.g. sha-1 hex). */
  hash(text: string): string;
  cache?: AnalysisCache;
  /** Extraction options for a document: the analyst's date, corrections, aliases. */
  optionsFor?(doc: string): ExtractOptions | undefined;
}

interface Entry {
  key: string;
  packed: PackedReader;
  /** What the linker holds for the document; kept across edits that leave the entities as they were. */
  view: LinkerView;
  /** Corpus-wide id numbers of the document's local entities, valid at link epoch `idsAt`. */
  ids?: Int32Array;
  idsAt: number;
  resolved?: ResolvedDocument;
  /** The link epoch `resolved` was computed at (see {@link CorpusIndex.linkEpoch}). */
  resolvedAt: number;
}

/**
 * A document as the linker sees it: fields unpacked on each read from the packed analysis (the
 * linker reads entities when it builds, mentions and quotes never, as the index asks for ids only).
 */
class LinkerView implements DocumentAnalysis {
  constructor(public packed: PackedReader) {}
  get entities(): LocalEntity[] {
    return this.packed.entities();
  }
  get mentions(): LocalMention[] {
    return this.packed.mentions();
  }
  get quotes(): LocalQuote[] {
    return this.packed.quotes();
  }
  get documentDate(): DocumentDate | undefined {
    return this.packed.documentDate();
  }
}

const NO_REFS: readonly MentionRef[] = Object.freeze([]);

/**
 * The corpus in memory: every document's analysis, linked into corpus-wide entities. Documents are
 * identified by an opaque string (a URI). Updating one document extracts it alone (or takes its
 * analysis from the cache); cross-document structures (resolved ids, entity → mentions) are rebuilt
 * lazily on the first query after a change, never per keystroke.
 *
 * Analyses are held packed ({@link PackedAnalysis}): mentions, quotations and per-entity references
 * are made into objects only when a query asks for them, and only the latest few are kept.
 */
export class CorpusIndex {
  private readonly docs = new Map<string, Entry>();
  private linker = new EntityLinker();
  private generation = 0;
  private built = -1;
  /**
   * Counts changes of the linker's clusters (a document added, removed, or whose entities changed).
   * A document's ids stay valid while the epoch is the one they were computed at: its own update
   * replaces its entry, and other documents' updates that keep their entities link nothing anew.
   */
  private linkEpoch = 0;
  /** The link epoch the entity list was made at, and whether it came from a snapshot. */
  private linkedAt = -1;
  private snapshot: LinkSnapshot | undefined;
  private entityList: Entity[] = [];
  private entityById = new Map<string, Entity>();
  /** Entity id ↔ number; numbers only grow (until {@link clear}), so a document's ids stay comparable. */
  private readonly idNum = new Map<string, number>();
  private readonly idStr: string[] = [];
  // The cross-document maps, as of `built`: entity number → range of (document, mention) pairs.
  private docOrder: string[] = [];
  private docEntries: Entry[] = [];
  private refStart = new Int32Array(1);
  private refDoc = new Int32Array(0);
  private refMention = new Int32Array(0);
  private docCount = new Int32Array(0);
  private quoteCount = new Int32Array(0);
  private speaks = new Uint8Array(0);
  private refCache = new Map<number, MentionRef[]>();
  private refCached = 0;
  private readonly views = new Set<Entry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Emitter<{ docs: string[] }>();
  /** Fires after documents were added, updated or removed (not on no-op updates). */
  readonly onDidChange = this.changed.event;
  private batching = 0;
  private pending: string[] = [];

  constructor(private readonly opts: CorpusIndexOptions) {}

  get size(): number {
    return this.docs.size;
  }

  has(doc: string): boolean {
    return this.docs.has(doc);
  }

  documents(): IterableIterator<string> {
    return this.docs.keys();
  }

  /** Runs `fn` and fires one change event for everything it updated. */
  batch<T>(fn: () => T): T {
    this.batching++;
    try {
      return fn();
    } finally {
      if (--this.batching === 0 && this.pending.length) {
        const docs = this.pending;
        this.pending = [];
        this.changed.fire({ docs });
      }
    }
  }

  /**
   * The cache key of `text` as `doc` (extractor version, content hash, options hash), with the
   * options to extract it with: what {@link update} does before extracting, for callers that extract
   * elsewhere (a worker) and then {@link restore}.
   */
  keyFor(doc: string, text: string): { key: string; options: ExtractOptions | undefined } {
    const options = this.opts.optionsFor?.(doc);
    return { key: `${EXTRACTOR_VERSION}:${this.opts.hash(text)}:${options ? this.opts.hash(JSON.stringify(options)) : '-'}`, options };
  }

  /** Indexes a document's current text. Returns false when nothing changed (same text and options). */
  update(doc: string, text: string): boolean {
    const { key, options } = this.keyFor(doc, text);
    if (this.docs.get(doc)?.key === key) return false;
    let analysis = this.opts.cache?.get(key);
    if (!analysis) {
      analysis = analyzeText(text, options);
      this.opts.cache?.set(key, analysis);
    }
    this.put(doc, key, analysis);
    if (text.length <= MAX_KEPT_TEXT) {
      this.texts.delete(doc);
      this.texts.set(doc, text);
      if (this.texts.size > KEPT_TEXTS) this.texts.delete(this.texts.keys().next().value as string);
    }
    return true;
  }

  /**
   * Puts a known analysis (from a cache, or extracted elsewhere for {@link keyFor}'s key) for a
   * document whose text was not read here. Returns false when the index holds that analysis already.
   */
  restore(doc: string, key: string, analysis: PackedAnalysis): boolean {
    if (this.docs.get(doc)?.key === key) return false;
    this.texts.delete(doc);
    this.put(doc, key, analysis);
    return true;
  }

  /** The packed analysis of a document, to persist with {@link keyOf} (see {@link restore}). */
  packedOf(doc: string): PackedAnalysis | undefined {
    return this.docs.get(doc)?.packed.packed;
  }

  /** Line and character of an offset in an indexed document. */
  positionOf(doc: string, offset: number): { line: number; character: number } | undefined {
    const e = this.docs.get(doc);
    return e && positionAt(e.packed.lines(), offset);
  }

  /** The indexed text of a document, when it was indexed from text recently in this session. */
  textOf(doc: string): string | undefined {
    return this.texts.get(doc);
  }

  /** The cache key of the document's current analysis (to persist with the file's stat). */
  keyOf(doc: string): string | undefined {
    return this.docs.get(doc)?.key;
  }

  private put(doc: string, key: string, packed: PackedAnalysis): void {
    const reader = new PackedReader(packed);
    const before = this.docs.get(doc);
    if (before) this.views.delete(before);
    let entry: Entry;
    if (before && sameLinking(before.packed.entities(), reader.entities())) {
      // The linker clusters on entities alone: typing outside names leaves them as they were, so
      // the corpus-wide clusters and this document's ids stay valid; only the mentions change.
      before.view.packed = reader;
      entry = { key, packed: reader, view: before.view, ids: before.ids, idsAt: before.idsAt, resolvedAt: -1 };
    } else {
      entry = { key, packed: reader, view: new LinkerView(reader), idsAt: -1, resolvedAt: -1 };
      this.linker.set(doc, entry.view);
      this.linkEpoch++;
    }
    this.docs.set(doc, entry);
    this.touch(doc);
  }

  remove(doc: string): void {
    const entry = this.docs.get(doc);
    if (!entry) return;
    this.docs.delete(doc);
    this.views.delete(entry);
    this.texts.delete(doc);
    this.linker.delete(doc);
    this.linkEpoch++;
    this.touch(doc);
  }

  /** Moves a document's analysis to a new id (a rename): nothing is extracted again. */
  rename(from: string, to: string): void {
    const entry = this.docs.get(from);
    if (!entry) return;
    const text = this.texts.get(from);
    this.batch(() => {
      this.remove(from);
      this.restore(to, entry.key, entry.packed.packed);
      if (text !== undefined) this.texts.set(to, text);
    });
  }

  clear(): void {
    const docs = [...this.docs.keys()];
    this.docs.clear();
    this.views.clear();
    this.texts.clear();
    this.idNum.clear();
    this.idStr.length = 0;
    this.snapshot = undefined;
    this.linker = new EntityLinker();
    this.linkEpoch++;
    this.generation++;
    this.changed.fire({ docs });
  }

  private touch(doc: string): void {
    this.generation++;
    if (this.batching) this.pending.push(doc);
    else this.changed.fire({ docs: [doc] });
  }

  /**
   * Offers the links of a previous session: used instead of linking when, at the next query, the
   * index holds exactly the snapshot's documents with the same analyses in the same order.
   */
  adoptLinks(snapshot: LinkSnapshot): void {
    this.snapshot = snapshot;
  }

  /** The current links, to save with the analyses (see {@link adoptLinks}). */
  linkSnapshot(): LinkSnapshot {
    this.ensureLinked();
    const docs: string[] = [];
    const keys: string[] = [];
    const ids: string[] = [];
    const idPos = new Map<number, number>();
    const locals: number[] = [];
    for (const [doc, entry] of this.docs) {
      docs.push(doc);
      keys.push(entry.key);
      for (const n of this.idsOf(doc, entry)) {
        let at = idPos.get(n);
        if (at === undefined) {
          idPos.set(n, (at = ids.length));
          ids.push(this.idStr[n]);
        }
        locals.push(at);
      }
    }
    return { docs, keys, ids, locals: Int32Array.from(locals), entities: this.entityList };
  }

  /** The document's extraction with corpus-wide ids, or undefined when it is not indexed. */
  resolved(doc: string): ResolvedDocument | undefined {
    const entry = this.docs.get(doc);
    if (!entry) return undefined;
    // One document's view is re-resolved alone: typing in a document never rebuilds the corpus maps.
    if (entry.resolvedAt !== this.linkEpoch || !entry.resolved) this.resolveEntry(doc, entry);
    this.views.delete(entry);
    this.views.add(entry);
    if (this.views.size > KEPT_VIEWS) {
      const oldest = this.views.values().next().value as Entry;
      this.views.delete(oldest);
      oldest.resolved = undefined;
    }
    return entry.resolved;
  }

  /**
   * The document's analysis read in place with corpus-wide ids (see {@link DocumentScan}): for
   * queries that visit every document, without making an object per mention. Undefined when not indexed.
   */
  scan(doc: string): DocumentScan | undefined {
    const entry = this.docs.get(doc);
    if (!entry) return undefined;
    const ids = this.idsOf(doc, entry);
    const r = entry.packed;
    return new DocumentScan(r, ids, (ref) => this.idOfRef(r, ref, ids), (ref) => (ref >= 0 ? ids[ref] : this.num(this.idOfRef(r, ref, ids))));
  }

  /** The entity id of a corpus-wide entity number (see {@link DocumentScan.mentionEntityNumber}). */
  entityIdOf(n: number): string | undefined {
    return this.idStr[n];
  }

  /** The raw per-document analysis (document-local entity keys), made anew on each call. */
  analysis(doc: string): DocumentAnalysis | undefined {
    return this.docs.get(doc)?.packed.analysis();
  }

  words(doc: string): number {
    return this.docs.get(doc)?.packed.words ?? 0;
  }

  /** The mention covering `offset` (start ≤ offset ≤ end), if any. */
  mentionAt(doc: string, offset: number): Mention | undefined {
    const mentions = this.resolved(doc)?.mentions;
    if (!mentions) return undefined;
    let lo = 0;
    let hi = mentions.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = mentions[mid];
      if (m.end < offset) lo = mid + 1;
      else if (m.start > offset) hi = mid - 1;
      else return m;
    }
    return undefined;
  }

  /** The quotation covering `offset`, if any. */
  quoteAt(doc: string, offset: number): Quote | undefined {
    return this.resolved(doc)?.quotes.find((q) => q.start <= offset && offset <= q.end);
  }

  entity(id: string): Entity | undefined {
    this.ensureBuilt();
    return this.entityById.get(id);
  }

  entities(): readonly Entity[] {
    this.ensureBuilt();
    return this.entityList;
  }

  /** Every mention of an entity, grouped by document in index order, sorted by offset within each. */
  references(entity: string): readonly MentionRef[] {
    this.ensureBuilt();
    const n = this.idNum.get(entity);
    if (n === undefined || n + 1 >= this.refStart.length) return NO_REFS;
    const from = this.refStart[n];
    const to = this.refStart[n + 1];
    if (from === to) return NO_REFS;
    let refs = this.refCache.get(n);
    if (refs) return refs;
    refs = [];
    for (let k = from; k < to; k++) {
      const e = this.docEntries[this.refDoc[k]];
      refs.push({ doc: this.docOrder[this.refDoc[k]], mention: this.mentionObject(e.packed, this.refMention[k], e.ids!) });
    }
    if (this.refCached + refs.length > KEPT_REFS) {
      this.refCache.clear();
      this.refCached = 0;
    }
    this.refCache.set(n, refs);
    this.refCached += refs.length;
    return refs;
  }

  stats(entity: string): EntityStats {
    this.ensureBuilt();
    const n = this.idNum.get(entity);
    if (n === undefined || n + 1 >= this.refStart.length) return { mentions: 0, documents: 0, quotes: 0 };
    return { mentions: this.refStart[n + 1] - this.refStart[n], documents: this.docCount[n], quotes: this.quoteCount[n] };
  }

  /** The mention kind an entity shows most (a person who speaks anywhere is a speaker). */
  kindOf(entity: string): MentionType | undefined {
    this.ensureBuilt();
    const n = this.idNum.get(entity);
    if (n === undefined || n + 1 >= this.refStart.length || this.refStart[n] === this.refStart[n + 1]) return undefined;
    if (this.speaks[n]) return 'speaker';
    const k = this.refStart[n];
    return this.docEntries[this.refDoc[k]].packed.mentionType(this.refMention[k]);
  }

  /**
   * How many entities the corpus has of each kind, each counted once under {@link kindOf}: the one
   * definition behind the Entities view's groups and the status bar (a directly quoted organisation
   * is a speaker there too).
   */
  kindCounts(): Record<MentionType, number> {
    const counts: Record<MentionType, number> = { speaker: 0, person: 0, organization: 0, place: 0, date: 0 };
    for (const e of this.entities()) {
      const kind = this.kindOf(e.id);
      if (kind) counts[kind]++;
    }
    return counts;
  }

  counts(doc: string): DocumentCounts | undefined {
    const r = this.resolved(doc);
    if (!r) return undefined;
    const seen: Record<MentionType, Set<string>> = { speaker: new Set(), person: new Set(), organization: new Set(), place: new Set(), date: new Set() };
    for (const m of r.mentions) seen[m.type].add(m.entity);
    return { speakers: seen.speaker.size, persons: seen.person.size, organizations: seen.organization.size, places: seen.place.size, dates: seen.date.size, quotes: r.quotes.length };
  }

  /**
   * Entities whose name or an alias matches `query`: all its words are prefixes of words of the
   * name, case- and accent-insensitive ("bagh" finds Abu Bakr al-Baghdadi). Best matches first.
   */
  search(query: string, limit = 200): Entity[] {
    const q = fold(query).split(/[\s-]+/).filter(Boolean);
    const scored: [number, Entity, number][] = [];
    for (const e of this.entities()) {
      let best = Infinity;
      for (const name of [e.name, ...e.aliases]) {
        const words = fold(name).split(/[\s-]+/);
        if (q.every((w) => words.some((nw) => nw.startsWith(w)))) best = Math.min(best, name.length);
      }
      if (best < Infinity) scored.push([best, e, this.stats(e.id).mentions]);
    }
    scored.sort((a, b) => b[2] - a[2] || a[0] - b[0]);
    return scored.slice(0, limit).map(([, e]) => e);
  }

  private num(id: string): number {
    let n = this.idNum.get(id);
    if (n === undefined) {
      this.idNum.set(id, (n = this.idStr.length));
      this.idStr.push(id);
    }
    return n;
  }

  /** The id numbers of a document's local entities at the current link epoch. */
  private idsOf(doc: string, entry: Entry): Int32Array {
    if (entry.idsAt === this.linkEpoch && entry.ids) return entry.ids;
    this.ensureLinked();
    if (entry.idsAt === this.linkEpoch && entry.ids) return entry.ids;
    const r = entry.packed;
    const ids = new Int32Array(r.entityCount);
    for (let i = 0; i < ids.length; i++) ids[i] = this.num(this.linker.idOf(doc, r.entityKey(i)));
    // Ids the new links left as they were keep their array: queries that remember a document's
    // results by this array (see DocumentScan.links) then know they still hold.
    if (!entry.ids || !sameInts(entry.ids, ids)) entry.ids = ids;
    entry.idsAt = this.linkEpoch;
    return entry.ids;
  }

  /** The id of a mention's or quotation's entity reference (see {@link PackedReader.mentionRef}). */
  private idOfRef(r: PackedReader, ref: number, ids: Int32Array): string {
    return ref >= 0 ? this.idStr[ids[ref]] : this.linker.idOf('', r.keyOf(ref));
  }

  private mentionObject(r: PackedReader, i: number, ids: Int32Array): Mention {
    const m: Mention = { start: r.mentionStart(i), end: r.mentionEnd(i), text: r.mentionText(i), type: r.mentionType(i), entity: this.idOfRef(r, r.mentionRef(i), ids) };
    const value = r.mentionValue(i);
    if (value !== undefined) m.value = value;
    return m;
  }

  private resolveEntry(doc: string, entry: Entry): ResolvedDocument {
    const r = entry.packed;
    const ids = this.idsOf(doc, entry);
    const mentions: Mention[] = [];
    for (let i = 0; i < r.mentionCount; i++) mentions.push(this.mentionObject(r, i, ids));
    const quotes: Quote[] = [];
    for (let i = 0; i < r.quoteCount; i++) {
      const ref = r.quoteRef(i);
      quotes.push({ start: r.quoteStart(i), end: r.quoteEnd(i), speaker: ref === -1 ? null : this.idOfRef(r, ref, ids) });
    }
    entry.resolved = { mentions: mentions.sort((a, b) => a.start - b.start), quotes: quotes.sort((a, b) => a.start - b.start), documentDate: r.documentDate() };
    entry.resolvedAt = this.linkEpoch;
    return entry.resolved;
  }

  /**
   * Brings the entity list and the documents' ids to the current link epoch: from the offered
   * snapshot when the index holds exactly its documents and analyses, else from the linker.
   */
  private ensureLinked(): void {
    if (this.linkedAt === this.linkEpoch) return;
    const s = this.snapshot;
    if (s && this.docs.size >= s.docs.length) {
      this.snapshot = undefined;
      if (this.adopt(s)) return;
    }
    this.entityList = this.linker.entities();
    this.entityById = new Map(this.entityList.map((e) => [e.id, e]));
    this.linkedAt = this.linkEpoch;
  }

  private adopt(s: LinkSnapshot): boolean {
    if (this.docs.size !== s.docs.length || s.keys.length !== s.docs.length) return false;
    let i = 0;
    let total = 0;
    for (const [doc, entry] of this.docs) {
      if (s.docs[i] !== doc || s.keys[i] !== entry.key) return false;
      total += entry.packed.entityCount;
      i++;
    }
    if (total !== s.locals.length) return false;
    const nums = s.ids.map((id) => this.num(id));
    let at = 0;
    for (const entry of this.docs.values()) {
      const ids = new Int32Array(entry.packed.entityCount);
      for (let k = 0; k < ids.length; k++) ids[k] = nums[s.locals[at++]];
      entry.ids = ids;
      entry.idsAt = this.linkEpoch;
    }
    this.entityList = s.entities;
    this.entityById = new Map(this.entityList.map((e) => [e.id, e]));
    this.linkedAt = this.linkEpoch;
    return true;
  }

  /**
   * Rebuilds the entity → mentions maps after any change: typed arrays filled in two passes over
   * the packed mentions, in document order and offset order (a few milliseconds per 100,000 mentions).
   */
  private ensureBuilt(): void {
    if (this.built === this.generation) return;
    this.ensureLinked();
    const docOrder: string[] = [];
    const entries: Entry[] = [];
    let total = 0;
    for (const [doc, entry] of this.docs) {
      this.idsOf(doc, entry);
      docOrder.push(doc);
      entries.push(entry);
      total += entry.packed.mentionCount;
    }
    // Mentions whose key names no entity of their document (never made by the extractor) still get an id.
    const strays = new Map<Entry, Int32Array>();
    for (const e of entries) {
      const r = e.packed;
      if (!r.hasStrayRefs()) continue;
      let ids: Int32Array | undefined;
      for (let i = 0; i < r.mentionCount; i++) {
        const ref = r.mentionRef(i);
        if (ref < 0) (ids ??= new Int32Array(r.mentionCount))[i] = this.num(this.idOfRef(r, ref, e.ids!));
      }
      if (ids) strays.set(e, ids);
      for (let i = 0; i < r.quoteCount; i++) if (r.quoteRef(i) < -1) this.num(this.idOfRef(r, r.quoteRef(i), e.ids!));
    }
    const n = this.idStr.length;
    const start = new Int32Array(n + 1);
    const docCount = new Int32Array(n);
    const lastDoc = new Int32Array(n).fill(-1);
    const speaks = new Uint8Array(n);
    const quoteCount = new Int32Array(n);
    for (let d = 0; d < entries.length; d++) {
      const e = entries[d];
      const r = e.packed;
      const ints = r.ints;
      const ids = e.ids!;
      const stray = strays.get(e);
      const speaker = r.speakerTypeRef();
      for (let i = 0, at = r.mentionsAt; i < r.mentionCount; i++, at += M) {
        const ref = ints[at + 4];
        const g = ref >= 0 ? ids[ref] : stray![i];
        start[g + 1]++;
        if (lastDoc[g] !== d) {
          lastDoc[g] = d;
          docCount[g]++;
        }
        if (ints[at + 3] === speaker) speaks[g] = 1;
      }
      for (let i = 0; i < r.quoteCount; i++) {
        const ref = r.quoteRef(i);
        if (ref === -1) continue;
        quoteCount[ref >= 0 ? ids[ref] : this.num(this.idOfRef(r, ref, ids))]++;
      }
    }
    for (let g = 0; g < n; g++) start[g + 1] += start[g];
    const fill = start.slice(0, n);
    const refDoc = new Int32Array(total);
    const refMention = new Int32Array(total);
    for (let d = 0; d < entries.length; d++) {
      const e = entries[d];
      const r = e.packed;
      const ints = r.ints;
      const ids = e.ids!;
      const stray = strays.get(e);
      const order = r.mentionOrder();
      for (let k = 0; k < r.mentionCount; k++) {
        const i = order ? order[k] : k;
        const ref = ints[r.mentionsAt + i * M + 4];
        const at = fill[ref >= 0 ? ids[ref] : stray![i]]++;
        refDoc[at] = d;
        refMention[at] = i;
      }
    }
    this.docOrder = docOrder;
    this.docEntries = entries;
    this.refStart = start;
    this.refDoc = refDoc;
    this.refMention = refMention;
    this.docCount = docCount;
    this.quoteCount = quoteCount;
    this.speaks = speaks;
    this.refCache = new Map();
    this.refCached = 0;
    this.built = this.generation;
  }
}

/** Whether two documents' entities link alike: every field of every entity, in the same order. */
function sameLinking(a: readonly LocalEntity[], b: readonly LocalEntity[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.key !== y.key || x.type !== y.type || x.name !== y.name || x.pinnedName !== y.pinnedName || x.placeKey !== y.placeKey || x.value !== y.value) return false;
    if (!sameList(x.forms, y.forms) || !sameList(x.roles ?? [], y.roles ?? [])) return false;
  }
  return true;
}

function sameInts(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
