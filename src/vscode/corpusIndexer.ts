import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import type { ExtractOptions } from '../core/extract/types';
import { AnalysisStore } from './analysisStore';
import type { CorpusFiles } from './corpusFiles';
import { Disposable } from './disposable';

/** Documents larger than this are not extracted (their editors show a message instead). */
export const MAX_DOCUMENT_CHARS = 2_000_000;
const TYPING_DEBOUNCE_MS = 250;
const SLICE_MS = 12;

export interface IndexerState {
  indexing: boolean;
  done: number;
  total: number;
}

/**
 * Keeps the {@link CorpusIndex} current without blocking the editor: a background pass at start
 * (warm from the analysis cache when files did not change), then only what changed — a file on
 * disk, a document being typed in (debounced), files created, deleted or renamed. The pass yields to
 * the event loop every few milliseconds, reports progress, and can be cancelled.
 */
export class CorpusIndexer extends Disposable {
  readonly index: CorpusIndex;
  private readonly store: AnalysisStore;
  private readonly queue = new Map<string, vscode.Uri>();
  private running: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private total = 0;
  private done = 0;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<IndexerState>());
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly tooLarge = new Set<string>();
  private firstPass: Promise<void> | undefined;

  constructor(
    private readonly files: CorpusFiles,
    storage: vscode.Uri | undefined,
    optionsFor?: (doc: string) => ExtractOptions | undefined,
  ) {
    super();
    this.store = new AnalysisStore(storage);
    this.index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), cache: this.store, optionsFor });
    this.register(
      files.onDidChange((e) => {
        if (e.reset) return void this.enqueueAll();
        this.index.batch(() => {
          for (const uri of e.removed) {
            this.queue.delete(uri.toString());
            this.index.remove(uri.toString());
            this.store.forget(uri);
          }
        });
        this.enqueue([...e.added, ...(e.changed ?? [])].filter((u) => !this.isOpenAndDirty(u)));
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !this.index.has(e.document.uri.toString())) return;
        this.scheduleTyping(e.document);
      }),
    );
    // A document closed with unsaved edits goes back to what is on disk.
    this.register(vscode.workspace.onDidCloseTextDocument((doc) => doc.isDirty && this.index.has(doc.uri.toString()) && this.enqueue([doc.uri])));
    this.register({ dispose: () => (this.cancel?.cancel(), this.typing.forEach(clearTimeout), clearTimeout(this.saveTimer)) });
  }

  get state(): IndexerState {
    return { indexing: this.running !== undefined, done: this.done, total: this.total };
  }

  /** Resolves when the first full pass is over (documents are queryable as they come before that). */
  whenReady(): Promise<void> {
    return (this.firstPass ??= this.start());
  }

  isTooLarge(uri: vscode.Uri): boolean {
    return this.tooLarge.has(uri.toString());
  }

  private async start(): Promise<void> {
    await Promise.all([this.store.load(), this.files.ready()]);
    this.enqueueAll();
    await this.idle();
  }

  /** Resolves when nothing is queued or running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Re-reads and indexes a document now (e.g. after its options changed). */
  reindex(uris: vscode.Uri[]): void {
    this.enqueue(uris);
  }

  cancelIndexing(): void {
    this.cancel?.cancel();
  }

  private enqueueAll(): void {
    const current = new Set<string>();
    for (const uri of this.files.all()) current.add(uri.toString());
    this.index.batch(() => {
      for (const doc of [...this.index.documents()]) if (!current.has(doc)) this.index.remove(doc);
    });
    this.enqueue([...this.files.all()]);
  }

  private enqueue(uris: vscode.Uri[]): void {
    for (const uri of uris) this.queue.set(uri.toString(), uri);
    if (!this.queue.size) return;
    this.total = this.queue.size + this.done;
    this.running ??= this.run().finally(() => {
      this.running = undefined;
      this.done = this.total = 0;
      this.stateEmitter.fire(this.state);
      this.scheduleSave();
    });
  }

  private async run(): Promise<void> {
    const cts = (this.cancel = new vscode.CancellationTokenSource());
    this.stateEmitter.fire(this.state);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Corpus Lens: indexing') },
      async (progress) => {
        let sliceStart = performance.now();
        let lastReport = 0;
        while (this.queue.size && !cts.token.isCancellationRequested) {
          const batch = [...this.queue.values()].slice(0, 64);
          const changed: (() => void)[] = [];
          for (const uri of batch) {
            this.queue.delete(uri.toString());
            const update = await this.prepare(uri);
            if (update) changed.push(update);
            this.done++;
            if (cts.token.isCancellationRequested) break;
          }
          this.index.batch(() => changed.forEach((apply) => apply()));
          if (performance.now() - lastReport > 200) {
            lastReport = performance.now();
            progress.report({ message: `${this.done}/${this.total}` });
            this.stateEmitter.fire(this.state);
          }
          if (performance.now() - sliceStart > SLICE_MS) {
            await new Promise((r) => setImmediate(r));
            sliceStart = performance.now();
          }
        }
      },
    );
    if (cts.token.isCancellationRequested) this.queue.clear();
    cts.dispose();
    if (this.cancel === cts) this.cancel = undefined;
  }

  /** Reads (or restores from the cache) one document; returns how to apply it to the index. */
  private async prepare(uri: vscode.Uri): Promise<(() => void) | undefined> {
    const doc = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    if (open) return () => this.indexText(doc, open.getText());
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch {
      return () => this.index.remove(doc);
    }
    const cached = this.store.lookup(uri, stat);
    if (cached) return () => this.index.restore(doc, cached.key, cached.analysis, cached.facts);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return () => this.index.remove(doc);
    }
    return () => {
      if (this.indexText(doc, text)) this.store.remember(uri, stat, this.index);
    };
  }

  private indexText(doc: string, text: string): boolean {
    if (text.length > MAX_DOCUMENT_CHARS) {
      this.tooLarge.add(doc);
      this.index.remove(doc);
      return false;
    }
    this.tooLarge.delete(doc);
    this.index.update(doc, text);
    return true;
  }

  private scheduleTyping(document: vscode.TextDocument): void {
    const doc = document.uri.toString();
    clearTimeout(this.typing.get(doc));
    this.typing.set(
      doc,
      setTimeout(() => {
        this.typing.delete(doc);
        if (!document.isClosed) this.indexText(doc, document.getText());
      }, TYPING_DEBOUNCE_MS),
    );
  }

  /** Re-extracts an open document at once (used by commands that need fresh results). */
  flush(document: vscode.TextDocument): void {
    const doc = document.uri.toString();
    if (!this.typing.has(doc)) return;
    clearTimeout(this.typing.get(doc));
    this.typing.delete(doc);
    this.indexText(doc, document.getText());
  }

  private isOpenAndDirty(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === uri.toString());
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.store.save(this.index).catch(() => undefined), 1_000);
  }
}
