import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConcordanceQuery, KwicLine } from '../core/analysis/concordance';
import type { QuoteText } from '../core/analysis/statements';
import type { SpanRequest, TextRequest, TextResponse } from './textProtocol';
import { TextStore } from './textStore';

/** Says when an answer is no longer wanted (VS Code's CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
  onCancellationRequested?(listener: () => void): { dispose(): void };
}

/** How a search ended. */
export interface SearchDone {
  matches: number;
  documents: number;
  searched: number;
  ms: number;
  cancelled: boolean;
}

export interface SearchOptions {
  /** Lines sent back at most (matches beyond are counted, not sent). */
  maxLines?: number;
  /** Called with each batch of lines as the search finds them. */
  onLines?(lines: KwicLine[]): void;
  token?: Cancellation;
}

/** A search that cannot run (an invalid regular expression); its message is for the analyst. */
export class SearchError extends Error {}

export interface CorpusTextsOptions {
  /** The bundled worker; default `textWorker.js` beside this bundle. */
  workerFile?: string;
  /** Run in this thread instead of a worker (tests; and the fallback when a worker cannot start). */
  inline?: boolean;
}

type Pending = { onLines?(lines: KwicLine[]): void; resolve(r: TextResponse): void };

/**
 * The corpus's texts, kept in a worker thread so that the extension host's thread neither holds
 * them nor waits on a search: concordance searches stream their lines back and can be cancelled
 * (a shared flag the worker reads between documents and matches); quotation texts are answered in
 * one message. The worker reads `file:` documents itself, when first needed; editors' unsaved texts
 * are handed in with {@link put}. Without a worker, the same store runs in this thread.
 */
export class CorpusTexts {
  private worker: Worker | undefined;
  private inline: TextStore | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private disposed = false;

  constructor(private readonly opts: CorpusTextsOptions = {}) {}

  private send(m: TextRequest): void {
    if (this.disposed) return;
    if (!this.worker && !this.inline) this.start();
    if (this.worker) this.worker.postMessage(m);
    else void this.inline!.receive(m);
  }

  private start(): void {
    const receive = (m: TextResponse) => this.receive(m);
    if (!this.opts.inline) {
      try {
        const w = new Worker(this.opts.workerFile ?? path.join(__dirname, 'textWorker.js'));
        w.unref();
        w.on('message', receive);
        w.on('error', () => this.lose(w));
        w.on('exit', () => this.lose(w));
        this.worker = w;
        return;
      } catch {
        // fall through to the inline store
      }
    }
    this.inline = new TextStore(receive);
  }

  /** The worker died: pending requests end empty; the next request starts a fresh worker (texts are read again). */
  private lose(w: Worker): void {
    if (this.worker !== w) return;
    this.worker = undefined;
    for (const [id, p] of this.pending) p.resolve({ type: 'done', id, matches: 0, documents: 0, searched: 0, ms: 0, cancelled: true });
    this.pending.clear();
    this.resync?.();
  }

  /** Called after a worker was lost, to hand the new one the document list again. */
  resync: (() => void) | undefined;

  private receive(m: TextResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'lines') return void p.onLines?.(m.lines);
    this.pending.delete(m.id);
    p.resolve(m);
  }

  private request(make: (id: number) => TextRequest, onLines?: (lines: KwicLine[]) => void): Promise<TextResponse> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onLines });
      this.worker?.ref();
      this.send(make(id));
    }).finally(() => {
      if (!this.pending.size) this.worker?.unref();
    }) as Promise<TextResponse>;
  }

  /** The corpus's documents (URIs as strings); texts of others are dropped. */
  sync(docs: Iterable<string>): void {
    this.send({ type: 'sync', docs: [...docs] });
  }

  /** These documents changed on disk: their texts are read again when next needed. */
  invalidate(docs: readonly string[]): void {
    if (docs.length) this.send({ type: 'invalidate', docs: [...docs] });
  }

  /** A document's text as an editor holds it. */
  put(doc: string, text: string): void {
    this.send({ type: 'put', doc, text });
  }

  /** Reads every document not read yet; resolves with what is kept. */
  async load(): Promise<{ documents: number; chars: number; failed: number; ms: number }> {
    const r = await this.request((id) => ({ type: 'load', id }));
    return r.type === 'loaded' ? r : { documents: 0, chars: 0, failed: 0, ms: 0 };
  }

  /** A concordance search over every document. Rejects with {@link SearchError} for a query that cannot run. */
  search(query: ConcordanceQuery, opts: SearchOptions = {}): Promise<SearchDone> {
    return this.stream((id, cancel) => ({ type: 'search', id, query, maxLines: opts.maxLines ?? Infinity, cancel }), opts);
  }

  /** KWIC lines of given spans (an entity's mentions), streamed like a search. */
  kwic(requests: SpanRequest[], opts: SearchOptions = {}): Promise<SearchDone> {
    return this.stream((id, cancel) => ({ type: 'kwic', id, requests, maxLines: opts.maxLines ?? Infinity, cancel }), opts);
  }

  private async stream(make: (id: number, cancel: SharedArrayBuffer) => TextRequest, opts: SearchOptions): Promise<SearchDone> {
    const cancel = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancel);
    if (opts.token?.isCancellationRequested) Atomics.store(flag, 0, 1);
    const sub = opts.token?.onCancellationRequested?.(() => Atomics.store(flag, 0, 1));
    try {
      const r = await this.request((id) => make(id, cancel), (lines) => {
        if (!opts.token?.isCancellationRequested) opts.onLines?.(lines);
      });
      if (r.type !== 'done') throw new Error(`unexpected answer ${r.type}`);
      if (r.error) throw new SearchError(r.error);
      return { matches: r.matches, documents: r.documents, searched: r.searched, ms: r.ms, cancelled: r.cancelled || !!opts.token?.isCancellationRequested };
    } finally {
      sub?.dispose();
    }
  }

  /** The words and sentence bounds of quotations, per request and span; null where the text is not available. */
  async quotes(requests: SpanRequest[]): Promise<(QuoteText | null)[][]> {
    if (!requests.length) return [];
    const r = await this.request((id) => ({ type: 'quotes', id, requests }));
    return r.type === 'quotes' ? r.results : requests.map((q) => q.spans.filter((_, i) => i % 2 === 0).map(() => null));
  }

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    for (const [id, p] of this.pending) p.resolve({ type: 'done', id, matches: 0, documents: 0, searched: 0, ms: 0, cancelled: true });
    this.pending.clear();
    void w?.terminate();
  }
}
