import type { CorpusIndex } from '../core/corpus/corpusIndex';
import type { PackedAnalysis } from '../core/corpus/packedAnalysis';
import type { AnalysisStore, FileStamp } from './analysisStore';
import type { CancellationLike, ExtractPool } from './extractPool';

/** Where documents come from: files on disk, or editors' texts (the extension's workspace, or node's fs). */
export interface DocumentSource {
  /** The text of a document open in an editor (indexed as it is there, never from the cache). */
  openText(doc: string): string | undefined;
  /** The file's stamp, or undefined when it is gone. */
  stat(doc: string): Promise<FileStamp | undefined>;
  /** The file's text, or undefined when it cannot be read. */
  read(doc: string): Promise<string | undefined>;
}

export interface CorpusLoaderOptions {
  index: CorpusIndex;
  store: AnalysisStore;
  source: DocumentSource;
  /** Extracts off the calling thread; without one, extraction runs in the index's own thread. */
  pool?: ExtractPool;
  /** Texts longer than this are not analysed (see {@link CorpusLoader.isTooLarge}). */
  maxChars: number;
  /** How many files are stat'ed or read at once. */
  concurrency?: number;
}

interface Batch {
  docs: readonly string[];
  started: number[];
  prepared: (Prepared | undefined)[];
  extracted: boolean[];
  analyses: (PackedAnalysis | undefined)[];
  keys: (string | undefined)[];
}

type Prepared =
  | { kind: 'remove' }
  | { kind: 'text'; text: string; stat?: FileStamp }
  | { kind: 'restore'; key: string; analysis: PackedAnalysis; stat: FileStamp };

/**
 * Feeds the {@link CorpusIndex} from a {@link DocumentSource}, through the {@link AnalysisStore} and
 * an {@link ExtractPool}: the path of both the extension's indexer and the benchmark. Files whose
 * stamp matches the store are restored without being read; the others are read, looked up by content,
 * and extracted in the pool. Results are applied in the order asked, one change event per call, and
 * a result that a newer one for the same document overtook (typing, a removal) is dropped.
 */
export class CorpusLoader {
  private readonly tooLarge = new Set<string>();
  /** Per document, a number bumped by every change applied or started, to drop stale results. */
  private readonly versions = new Map<string, number>();
  private readonly concurrency: number;

  constructor(private readonly o: CorpusLoaderOptions) {
    this.concurrency = o.concurrency ?? 64;
  }

  isTooLarge(doc: string): boolean {
    return this.tooLarge.has(doc);
  }

  /**
   * The background pass: restores what the store has unchanged (one change event, so views link
   * the corpus once), then reads and extracts the rest in batches of {@link batchSize} (one change
   * event each), yielding to the event loop between batches. `progress` gets the count of documents
   * done after each step.
   */
  async indexAll(docs: readonly string[], token?: CancellationLike, progress?: (done: number) => void, batchSize = 64): Promise<void> {
    const misses = await this.restoreCached(docs, token);
    progress?.(docs.length - misses.length);
    // The next batch is read and queued for extraction while this one is finishing, so the
    // extraction threads never wait for the files to be read.
    const start = (i: number) => (i < misses.length && !token?.isCancellationRequested ? this.prepareBatch(misses.slice(i, i + batchSize), token) : undefined);
    let pending = start(0);
    for (let i = 0; pending; i += batchSize) {
      const next = start(i + batchSize);
      const ready = await pending;
      this.applyBatch(ready);
      progress?.(ready.docs.length);
      await new Promise((r) => setImmediate(r));
      pending = next;
    }
  }

  /**
   * Restores every document whose file stamp matches the store, in one batch; returns the others
   * (changed, new, open in an editor, gone), in order, for {@link indexDocuments}.
   */
  async restoreCached(docs: readonly string[], token?: CancellationLike): Promise<string[]> {
    const { index, store, source } = this.o;
    const started = docs.map((d) => this.version(d));
    const hits: ({ key: string; analysis: PackedAnalysis } | undefined)[] = new Array(docs.length);
    await this.forEach(docs, token, async (doc, i) => {
      if (!store.knows(doc) || source.openText(doc) !== undefined) return;
      const stat = await source.stat(doc);
      hits[i] = stat && store.lookup(doc, stat);
    });
    const misses: string[] = [];
    index.batch(() => {
      docs.forEach((doc, i) => {
        const hit = hits[i];
        if (!hit || token?.isCancellationRequested) return void misses.push(doc);
        if (this.version(doc) !== started[i]) return;
        this.tooLarge.delete(doc);
        index.restore(doc, hit.key, hit.analysis);
      });
    });
    return misses;
  }

  /** Reads (or restores) and indexes documents; applied in one batch, in order. */
  async indexDocuments(docs: readonly string[], token?: CancellationLike): Promise<void> {
    this.applyBatch(await this.prepareBatch(docs, token));
  }

  /** Reads the documents and extracts them in the pool; nothing is applied yet. */
  private async prepareBatch(docs: readonly string[], token?: CancellationLike): Promise<Batch> {
    const { index, store, pool } = this.o;
    const started = docs.map((d) => this.version(d));
    const prepared: (Prepared | undefined)[] = new Array(docs.length);
    const extracted: (Promise<PackedAnalysis | undefined> | undefined)[] = new Array(docs.length);
    const keys: (string | undefined)[] = new Array(docs.length);
    await this.forEach(docs, token, async (doc, i) => {
      const p = (prepared[i] = await this.prepare(doc));
      if (p.kind !== 'text' || p.text.length > this.o.maxChars || !pool) return;
      // Extraction starts as soon as a text is read, while other files are still being read.
      const { key, options } = index.keyFor(doc, p.text);
      if (index.keyOf(doc) === key || store.get(key)) return;
      keys[i] = key;
      extracted[i] = pool.analyze(p.text, options, token).catch(() => undefined);
    });
    const analyses = await Promise.all(extracted);
    return { docs, started, prepared, extracted: extracted.map((e) => !!e), analyses, keys };
  }

  /** Applies a prepared batch in one change event, in order, skipping what a newer change overtook. */
  private applyBatch(b: Batch): void {
    const { index, store } = this.o;
    index.batch(() => {
      b.docs.forEach((doc, i) => {
        const p = b.prepared[i];
        if (!p || this.version(doc) !== b.started[i]) return;
        if (p.kind === 'remove') return void this.remove(doc);
        if (p.kind === 'restore') {
          this.tooLarge.delete(doc);
          index.restore(doc, p.key, p.analysis);
          return;
        }
        const a = b.analyses[i];
        const key = b.keys[i];
        if (a && key) {
          this.tooLarge.delete(doc);
          store.set(key, a);
          index.restore(doc, key, a);
        } else if (b.extracted[i]) return; // cancelled, or the extractor failed in the worker
        else if (!this.apply(doc, p.text)) return;
        if (p.stat) store.remember(doc, p.stat, index);
      });
    });
  }

  /** Indexes a text on this thread now (a document being typed in); false when it is too large. */
  indexText(doc: string, text: string): boolean {
    this.bump(doc);
    return this.apply(doc, text);
  }

  /** Removes a document (deleted, or unreadable). */
  remove(doc: string): void {
    this.bump(doc);
    this.tooLarge.delete(doc);
    this.o.index.remove(doc);
  }

  private apply(doc: string, text: string): boolean {
    if (text.length > this.o.maxChars) {
      this.tooLarge.add(doc);
      this.o.index.remove(doc);
      return false;
    }
    this.tooLarge.delete(doc);
    this.o.index.update(doc, text);
    return true;
  }

  private async prepare(doc: string): Promise<Prepared> {
    const { source, store } = this.o;
    const open = source.openText(doc);
    if (open !== undefined) return { kind: 'text', text: open };
    const stat = await source.stat(doc);
    if (!stat) return { kind: 'remove' };
    const cached = store.lookup(doc, stat);
    if (cached) return { kind: 'restore', ...cached, stat };
    const text = await source.read(doc);
    return text === undefined ? { kind: 'remove' } : { kind: 'text', text, stat };
  }

  private version(doc: string): number {
    return this.versions.get(doc) ?? 0;
  }

  private bump(doc: string): void {
    this.versions.set(doc, this.version(doc) + 1);
  }

  /** Runs `fn` over `docs`, at most {@link concurrency} at once; stops starting new ones when cancelled. */
  private async forEach(docs: readonly string[], token: CancellationLike | undefined, fn: (doc: string, i: number) => Promise<void>): Promise<void> {
    let next = 0;
    const lane = async () => {
      while (next < docs.length && !token?.isCancellationRequested) {
        const i = next++;
        await fn(docs[i], i);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, docs.length) }, lane));
  }
}
