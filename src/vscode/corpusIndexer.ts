import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import type { ExtractOptions } from '../core/extract/types';
import { AnalysisStore } from '../node/analysisStore';
import { CorpusLoader } from '../node/corpusLoader';
import { ExtractPool } from '../node/extractPool';
import { NodeFileSystem } from '../node/fsPort';
import type { CorpusFiles } from './corpusFiles';
import { Disposable } from './disposable';

/** Documents larger than this are not extracted (their editors show a message instead). */
export const MAX_DOCUMENT_CHARS = 2_000_000;
const TYPING_DEBOUNCE_MS = 250;
/** Documents read and extracted per step of the background pass (one change event each). */
const BATCH = 64;

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
  private readonly loader: CorpusLoader;
  private readonly pool: ExtractPool;
  private readonly queue = new Map<string, vscode.Uri>();
  private running: Promise<void> | undefined;
  private cancel: vscode.CancellationTokenSource | undefined;
  private total = 0;
  private done = 0;
  private readonly stateEmitter = this.register(new vscode.EventEmitter<IndexerState>());
  readonly onDidChangeState = this.stateEmitter.event;
  private readonly typing = new Map<string, ReturnType<typeof setTimeout>>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private firstPass: Promise<void> | undefined;

  constructor(
    private readonly files: CorpusFiles,
    storage: vscode.Uri | undefined,
    optionsFor?: (doc: string) => ExtractOptions | undefined,
  ) {
    super();
    this.store = new AnalysisStore(storage && storeIO(vscode.Uri.joinPath(storage, 'analysis-cache.bin')), codeId());
    this.index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), cache: this.store, optionsFor });
    this.pool = new ExtractPool();
    this.register({ dispose: () => this.pool.dispose() });
    this.loader = new CorpusLoader({
      index: this.index,
      store: this.store,
      pool: this.pool,
      maxChars: MAX_DOCUMENT_CHARS,
      source: {
        openText: (doc) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc)?.getText(),
        stat: async (doc) => {
          try {
            const st = await vscode.workspace.fs.stat(vscode.Uri.parse(doc));
            return { mtime: st.mtime, size: st.size };
          } catch {
            return undefined;
          }
        },
        read: async (doc) => {
          try {
            return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc)));
          } catch {
            return undefined;
          }
        },
      },
    });
    this.register(
      files.onDidChange((e) => {
        if (e.reset) return void this.enqueueAll();
        this.index.batch(() => {
          for (const uri of e.removed) {
            this.queue.delete(uri.toString());
            this.loader.remove(uri.toString());
            this.store.forget(uri.toString());
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
    return this.loader.isTooLarge(uri.toString());
  }

  private async start(): Promise<void> {
    await Promise.all([this.store.load(), this.files.ready()]);
    const links = this.store.takeLinks();
    if (links) this.index.adoptLinks(links);
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
      for (const doc of [...this.index.documents()]) if (!current.has(doc)) this.loader.remove(doc);
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
        let lastReport = 0;
        const report = () => {
          if (performance.now() - lastReport < 200) return;
          lastReport = performance.now();
          progress.report({ message: `${this.done}/${this.total}` });
          this.stateEmitter.fire(this.state);
        };
        while (this.queue.size && !cts.token.isCancellationRequested) {
          const docs = [...this.queue.keys()];
          this.queue.clear();
          await this.loader.indexAll(docs, cts.token, (n) => ((this.done += n), report()), BATCH);
        }
      },
    );
    if (cts.token.isCancellationRequested) this.queue.clear();
    cts.dispose();
    if (this.cancel === cts) this.cancel = undefined;
  }

  private indexText(doc: string, text: string): boolean {
    return this.loader.indexText(doc, text);
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

/** The cache file in workspace storage, replaced atomically (temporary file, then rename). */
function storeIO(file: vscode.Uri) {
  return {
    read: async () => {
      try {
        return await vscode.workspace.fs.readFile(file);
      } catch {
        return undefined;
      }
    },
    write: async (data: Uint8Array) => {
      if (file.scheme === 'file') {
        await mkdir(dirname(file.fsPath), { recursive: true });
        return new NodeFileSystem().write(file.fsPath, data);
      }
      const tmp = file.with({ path: `${file.path}.${Date.now()}.tmp` });
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
      await vscode.workspace.fs.writeFile(tmp, data);
      await vscode.workspace.fs.rename(tmp, file, { overwrite: true });
    },
  };
}

/** Identifies this build of the extension (its bundle's size and time): saved links are reused only by it. */
function codeId(): string {
  try {
    const st = statSync(__filename);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return '';
  }
}
