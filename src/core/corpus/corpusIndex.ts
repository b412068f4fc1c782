import { EntityLinker, extractDocument } from '../extract';
import type { DocumentAnalysis, ExtractOptions, LocalEntity } from '../extract/types';
import type { DocumentDate, Entity, Mention, MentionType, Quote } from '../model';
import { Emitter } from './emitter';
import { lineStarts, positionAt } from './lines';

/** Texts up to this size are kept in memory for keyword-in-context lines; larger ones are read on demand. */
const MAX_KEPT_TEXT = 64 * 1024;

/** Bump when extraction changes in a way that makes cached analyses stale. */
export const EXTRACTOR_VERSION = 1;

/**
 * Stores analyses by content, so that reopening a corpus does not extract again. Keys are opaque
 * strings built by the index from the text's hash, the extraction options and the extractor version.
 */
export interface AnalysisCache {
  get(key: string): DocumentAnalysis | undefined;
  set(key: string, analysis: DocumentAnalysis): void;
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
  analysis: DocumentAnalysis;
  /**
   * What the linker holds for the document: the entities it clustered, with the current mentions and
   * quotes. Owned by the index (never the cached analysis), so that an edit which leaves the entities
   * as they were only swaps the mentions, and the linker's clusters stay valid.
   */
  linked?: DocumentAnalysis;
  resolved?: ResolvedDocument;
  /** The link epoch `resolved` was computed at (see {@link CorpusIndex.linkEpoch}). */
  resolvedAt?: number;
  words: number;
  /** Offsets of line starts, to turn offsets into positions in documents that are not open. */
  lines: number[];
  /** The text, kept only while the document is small enough (keyword-in-context lines). */
  text?: string;
}

/** What a persistent cache keeps of a document besides its analysis (see {@link CorpusIndex.restore}). */
export interface DocumentFacts {
  words: number;
  lines: number[];
}

/**
 * The corpus in memory: every document's analysis, linked into corpus-wide entities. Documents are
 * identified by an opaque string (a URI). Updating one document extracts it alone (or takes its
 * analysis from the cache); cross-document structures (resolved ids, entity → mentions) are rebuilt
 * lazily on the first query after a change, never per keystroke.
 */
export class CorpusIndex {
  private readonly docs = new Map<string, Entry>();
  private linker = new EntityLinker();
  private generation = 0;
  private built = -1;
  /**
   * Counts changes of the linker's clusters (a document added, removed, or whose entities changed).
   * A document's resolved view stays valid while the epoch is the one it was resolved at: its own
   * update replaces its entry, and other documents' updates that keep their entities link nothing anew.
   */
  private linkEpoch = 0;
  /** The link epoch the cross-document maps were built at. */
  private builtEpoch = -1;
  /** Documents updated since the build without changing the clusters, with their view the maps hold. */
  private readonly edited = new Map<string, ResolvedDocument>();
  /** Each document's position in index order at the build (references are grouped in this order). */
  private order = new Map<string, number>();
  private byEntity = new Map<string, MentionRef[]>();
  private quoteCounts = new Map<string, number>();
  private entityList: Entity[] = [];
  private entityById = new Map<string, Entity>();
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
   * Indexes a document's current text. Returns false when nothing changed (same text and options).
   * `fromCacheOnly` skips extraction on a cache miss and returns undefined (for warm starts).
   */
  update(doc: string, text: string): boolean {
    const options = this.opts.optionsFor?.(doc);
    const key = `${EXTRACTOR_VERSION}:${this.opts.hash(text)}:${options ? this.opts.hash(JSON.stringify(options)) : '-'}`;
    const current = this.docs.get(doc);
    if (current?.key === key) return false;
    let analysis = this.opts.cache?.get(key);
    if (!analysis) {
      analysis = extractDocument(text, options);
      this.opts.cache?.set(key, analysis);
    }
    this.put(doc, { key, analysis, words: countWords(text), lines: lineStarts(text), text: text.length <= MAX_KEPT_TEXT ? text : undefined });
    return true;
  }

  /** Puts a known analysis (from a cache) for a document whose text was not read. */
  restore(doc: string, key: string, analysis: DocumentAnalysis, facts: DocumentFacts): void {
    if (this.docs.get(doc)?.key === key) return;
    this.put(doc, { key, analysis, words: facts.words, lines: facts.lines });
  }

  /** What a persistent cache must keep to {@link restore} the document without reading it. */
  facts(doc: string): DocumentFacts | undefined {
    const e = this.docs.get(doc);
    return e && { words: e.words, lines: e.lines };
  }

  /** Line and character of an offset in an indexed document. */
  positionOf(doc: string, offset: number): { line: number; character: number } | undefined {
    const e = this.docs.get(doc);
    return e && positionAt(e.lines, offset);
  }

  /** The indexed text of a document, when it was indexed from text in this session. */
  textOf(doc: string): string | undefined {
    return this.docs.get(doc)?.text;
  }

  /** The cache key of the document's current analysis (to persist with the file's stat). */
  keyOf(doc: string): string | undefined {
    return this.docs.get(doc)?.key;
  }

  private put(doc: string, entry: Entry): void {
    const held = this.docs.get(doc)?.linked;
    if (held && sameLinking(held.entities, entry.analysis.entities)) {
      // The linker clusters on entities alone: typing outside names leaves them as they were, so
      // the corpus-wide clusters need no rebuild and only the mentions to map are swapped.
      held.mentions = entry.analysis.mentions;
      held.quotes = entry.analysis.quotes;
      held.documentDate = entry.analysis.documentDate;
      entry.linked = held;
      const before = this.docs.get(doc)?.resolved;
      if (!this.edited.has(doc)) {
        // Without the view the maps were built from, the next build starts over.
        if (before) this.edited.set(doc, before);
        else this.linkEpoch++;
      }
    } else {
      entry.linked = { ...entry.analysis };
      this.linker.set(doc, entry.linked);
      this.linkEpoch++;
    }
    this.docs.set(doc, entry);
    this.touch(doc);
  }

  remove(doc: string): void {
    if (!this.docs.delete(doc)) return;
    this.linker.delete(doc);
    this.linkEpoch++;
    this.touch(doc);
  }

  /** Moves a document's analysis to a new id (a rename): nothing is extracted again. */
  rename(from: string, to: string): void {
    const entry = this.docs.get(from);
    if (!entry) return;
    this.batch(() => {
      this.remove(from);
      this.put(to, { ...entry, resolved: undefined, resolvedAt: undefined });
    });
  }

  clear(): void {
    const docs = [...this.docs.keys()];
    this.docs.clear();
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

  /** The document's extraction with corpus-wide ids, or undefined when it is not indexed. */
  resolved(doc: string): ResolvedDocument | undefined {
    const entry = this.docs.get(doc);
    if (!entry) return undefined;
    // One document's view is re-resolved alone: typing in a document never rebuilds the corpus maps.
    if (entry.resolvedAt !== this.linkEpoch) this.resolveEntry(doc, entry);
    return entry.resolved;
  }

  /** The raw per-document analysis (document-local entity keys). */
  analysis(doc: string): DocumentAnalysis | undefined {
    return this.docs.get(doc)?.analysis;
  }

  words(doc: string): number {
    return this.docs.get(doc)?.words ?? 0;
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
    return this.byEntity.get(entity) ?? [];
  }

  stats(entity: string): EntityStats {
    const refs = this.references(entity);
    let documents = 0;
    let last: string | undefined;
    for (const r of refs) {
      if (r.doc !== last) documents++;
      last = r.doc;
    }
    return { mentions: refs.length, documents, quotes: this.quoteCounts.get(entity) ?? 0 };
  }

  /** The mention kind an entity shows most (a person who speaks anywhere is a speaker). */
  kindOf(entity: string): MentionType | undefined {
    const refs = this.references(entity);
    if (!refs.length) return undefined;
    return refs.some((r) => r.mention.type === 'speaker') ? 'speaker' : refs[0].mention.type;
  }

  counts(doc: string): DocumentCounts | undefined {
    const r = this.resolved(doc);
    if (!r) return undefined;
    const seen: Record<MentionType, Set<string>> = { speaker: new Set(), person: new Set(), place: new Set(), date: new Set() };
    for (const m of r.mentions) seen[m.type].add(m.entity);
    return { speakers: seen.speaker.size, persons: seen.person.size, places: seen.place.size, dates: seen.date.size, quotes: r.quotes.length };
  }

  /**
   * Entities whose name or an alias matches `query`: all its words are prefixes of words of the
   * name, case- and accent-insensitive ("bagh" finds Abu Bakr al-Baghdadi). Best matches first.
   */
  search(query: string, limit = 200): Entity[] {
    const q = fold(query).split(/[\s-]+/).filter(Boolean);
    const scored: [number, Entity][] = [];
    for (const e of this.entities()) {
      let best = Infinity;
      for (const name of [e.name, ...e.aliases]) {
        const words = fold(name).split(/[\s-]+/);
        if (q.every((w) => words.some((nw) => nw.startsWith(w)))) best = Math.min(best, name.length);
      }
      if (best < Infinity) scored.push([best, e]);
    }
    scored.sort((a, b) => this.references(b[1].id).length - this.references(a[1].id).length || a[0] - b[0]);
    return scored.slice(0, limit).map(([, e]) => e);
  }

  private resolveEntry(doc: string, entry: Entry): ResolvedDocument {
    // The linker's arrays are fresh: sorted in place.
    const r = this.linker.resolve(doc);
    entry.resolved = {
      mentions: r.mentions.sort((a, b) => a.start - b.start),
      quotes: r.quotes.sort((a, b) => a.start - b.start),
      documentDate: entry.analysis.documentDate,
    };
    entry.resolvedAt = this.linkEpoch;
    return entry.resolved;
  }

  private ensureBuilt(): void {
    if (this.built === this.generation) return;
    if (this.builtEpoch === this.linkEpoch) this.patchEdited();
    else this.rebuild();
    this.edited.clear();
    this.built = this.generation;
  }

  /**
   * After edits that left every document's entities as they were (typing outside names), the
   * clusters, the entity list and every other document's view are unchanged: only the edited
   * documents' references and quotation counts are replaced. Lists are replaced, never mutated,
   * as callers may hold them.
   */
  private patchEdited(): void {
    for (const [doc, before] of this.edited) {
      const entry = this.docs.get(doc);
      if (!entry) continue;
      const now = entry.resolvedAt === this.linkEpoch ? entry.resolved! : this.resolveEntry(doc, entry);
      const added = new Map<string, MentionRef[]>();
      for (const m of before.mentions) if (!added.has(m.entity)) added.set(m.entity, []);
      for (const m of now.mentions) {
        let list = added.get(m.entity);
        if (!list) added.set(m.entity, (list = []));
        list.push({ doc, mention: m });
      }
      const pos = this.order.get(doc) ?? Infinity;
      for (const [id, refs] of added) {
        const kept = (this.byEntity.get(id) ?? []).filter((r) => r.doc !== doc);
        let at = kept.findIndex((r) => (this.order.get(r.doc) ?? Infinity) > pos);
        if (at < 0) at = kept.length;
        kept.splice(at, 0, ...refs);
        if (kept.length) this.byEntity.set(id, kept);
        else this.byEntity.delete(id);
      }
      for (const q of before.quotes) {
        if (!q.speaker) continue;
        const n = (this.quoteCounts.get(q.speaker) ?? 0) - 1;
        if (n > 0) this.quoteCounts.set(q.speaker, n);
        else this.quoteCounts.delete(q.speaker);
      }
      for (const q of now.quotes) if (q.speaker) this.quoteCounts.set(q.speaker, (this.quoteCounts.get(q.speaker) ?? 0) + 1);
    }
  }

  private rebuild(): void {
    const byEntity = new Map<string, MentionRef[]>();
    const quotes = new Map<string, number>();
    const order = new Map<string, number>();
    for (const [doc, entry] of this.docs) {
      order.set(doc, order.size);
      const resolved = entry.resolvedAt === this.linkEpoch ? entry.resolved! : this.resolveEntry(doc, entry);
      for (const m of resolved.mentions) {
        let list = byEntity.get(m.entity);
        if (!list) byEntity.set(m.entity, (list = []));
        list.push({ doc, mention: m });
      }
      for (const q of resolved.quotes) if (q.speaker) quotes.set(q.speaker, (quotes.get(q.speaker) ?? 0) + 1);
    }
    this.byEntity = byEntity;
    this.quoteCounts = quotes;
    this.order = order;
    this.entityList = this.linker.entities();
    this.entityById = new Map(this.entityList.map((e) => [e.id, e]));
    this.builtEpoch = this.linkEpoch;
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

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
