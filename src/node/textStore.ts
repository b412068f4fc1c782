import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { compileQuery, kwic, searchText, type KwicLine } from '../core/analysis/concordance';
import { quoteText, type QuoteText } from '../core/analysis/statements';
import type { SpanRequest, TextRequest, TextResponse } from './textProtocol';

/** Files larger than this are not kept (the index does not analyse them either). */
const MAX_CHARS = 2_000_000;
/** Lines sent per message while a search runs. */
const BATCH = 250;
const READ_CONCURRENCY = 16;

/** Reads a `file:` document as the indexer does (UTF-8, byte order mark dropped); null when it cannot. */
export async function readDocument(doc: string): Promise<string | null> {
  try {
    if (!doc.startsWith('file:')) return null;
    let text = await readFile(fileURLToPath(doc), 'utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return text.length > MAX_CHARS ? null : text;
  } catch {
    return null;
  }
}

/**
 * The corpus's texts and the searches over them: what the text worker runs (textWorker.ts), or the
 * extension host itself when no worker can start. Requests are handled one at a time, in order;
 * answers go to `post`.
 */
export class TextStore {
  /** Text per document; undefined = not read yet; null = unreadable. */
  private readonly texts = new Map<string, string | null | undefined>();
  private order: string[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: (m: TextResponse) => void,
    private readonly read: (doc: string) => Promise<string | null> = readDocument,
  ) {}

  /** Queues a request behind the ones before it. */
  receive(m: TextRequest): Promise<void> {
    return (this.queue = this.queue.then(() => this.handle(m)).catch(() => undefined));
  }

  /** Reads every listed document whose text is not kept. */
  private async ensure(docs: readonly string[]): Promise<void> {
    const missing = docs.filter((d) => this.texts.has(d) && this.texts.get(d) === undefined);
    let next = 0;
    const lane = async () => {
      while (next < missing.length) {
        const doc = missing[next++];
        const text = await this.read(doc);
        if (this.texts.has(doc) && this.texts.get(doc) === undefined) this.texts.set(doc, text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, missing.length) }, lane));
  }

  private textOf(doc: string): string | undefined {
    return this.texts.get(doc) ?? undefined;
  }

  private stream(id: number, run: (emit: (l: KwicLine) => void, stop: () => boolean, wanted: () => boolean) => { matches: number; documents: number; searched: number }, maxLines: number, cancel: SharedArrayBuffer): void {
    const t0 = performance.now();
    const flag = new Int32Array(cancel);
    const stop = () => Atomics.load(flag, 0) !== 0;
    let batch: KwicLine[] = [];
    let sent = 0;
    let lastPost = t0;
    const flush = () => {
      if (batch.length) this.post({ type: 'lines', id, lines: batch });
      batch = [];
      lastPost = performance.now();
    };
    const emit = (l: KwicLine) => {
      if (sent >= maxLines) return;
      batch.push(l);
      sent++;
      if (batch.length >= BATCH || performance.now() - lastPost > 50) flush();
    };
    try {
      const r = run(emit, stop, () => sent < maxLines);
      flush();
      this.post({ type: 'done', id, ...r, ms: performance.now() - t0, cancelled: stop() });
    } catch (e) {
      flush();
      this.post({ type: 'done', id, matches: 0, documents: 0, searched: 0, ms: performance.now() - t0, cancelled: false, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private async handle(m: TextRequest): Promise<void> {
    switch (m.type) {
      case 'sync': {
        const keep = new Set(m.docs);
        for (const d of [...this.texts.keys()]) if (!keep.has(d)) this.texts.delete(d);
        for (const d of m.docs) if (!this.texts.has(d)) this.texts.set(d, undefined);
        this.order = [...m.docs].sort();
        return;
      }
      case 'invalidate':
        for (const d of m.docs) if (this.texts.has(d)) this.texts.set(d, undefined);
        return;
      case 'put':
        if (!this.texts.has(m.doc)) this.order = [...this.order, m.doc].sort();
        this.texts.set(m.doc, m.text.length > MAX_CHARS ? null : m.text);
        return;
      case 'load': {
        const t0 = performance.now();
        await this.ensure(this.order);
        let chars = 0;
        let failed = 0;
        for (const d of this.order) {
          const t = this.texts.get(d);
          if (typeof t === 'string') chars += t.length;
          else failed++;
        }
        this.post({ type: 'loaded', id: m.id, documents: this.order.length - failed, chars, failed, ms: performance.now() - t0 });
        return;
      }
      case 'search': {
        await this.ensure(this.order);
        let re: RegExp;
        try {
          re = compileQuery(m.query);
        } catch (e) {
          this.post({ type: 'done', id: m.id, matches: 0, documents: 0, searched: 0, ms: 0, cancelled: false, error: e instanceof Error ? e.message : String(e) });
          return;
        }
        this.stream(
          m.id,
          (emit, stop, wanted) => {
            let matches = 0;
            let documents = 0;
            let searched = 0;
            for (const doc of this.order) {
              if (stop()) break;
              const text = this.textOf(doc);
              if (text === undefined) continue;
              searched++;
              const n = searchText(doc, text, re, emit, stop, wanted);
              matches += n;
              if (n) documents++;
            }
            return { matches, documents, searched };
          },
          m.maxLines,
          m.cancel,
        );
        return;
      }
      case 'kwic': {
        await this.ensure(m.requests.map((r) => r.doc));
        this.stream(
          m.id,
          (emit, stop) => {
            let matches = 0;
            let documents = 0;
            for (const r of m.requests) {
              if (stop()) break;
              const text = this.textOf(r.doc);
              if (text === undefined) continue;
              documents++;
              let line = 0;
              let counted = 0;
              for (const [start, end] of spans(r)) {
                if (end > text.length) continue;
                for (let i = text.indexOf('\n', counted); i >= 0 && i < start; i = text.indexOf('\n', i + 1)) line++;
                counted = Math.max(counted, start);
                emit({ doc: r.doc, start, end, line, ...kwic(text, start, end) });
                matches++;
              }
            }
            return { matches, documents, searched: m.requests.length };
          },
          m.maxLines,
          m.cancel,
        );
        return;
      }
      case 'quotes': {
        await this.ensure(m.requests.map((r) => r.doc));
        const results = m.requests.map((r) => {
          const text = this.textOf(r.doc);
          return spans(r).map(([start, end]): QuoteText | null => (text === undefined || end > text.length ? null : quoteText(text, start, end)));
        });
        this.post({ type: 'quotes', id: m.id, results });
        return;
      }
    }
  }
}

function spans(r: SpanRequest): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < r.spans.length; i += 2) out.push([r.spans[i], r.spans[i + 1]]);
  return out;
}
