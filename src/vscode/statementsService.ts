import * as vscode from 'vscode';
import { StatementStore } from '../core/analysis/statementStore';
import type { Statement } from '../core/analysis/statements';
import type { CorpusIndexer } from './corpusIndexer';
import type { CorpusTextsService } from './corpusTextsService';
import { Disposable } from './disposable';

/** Changes are gathered this long before the statements are brought up to date. */
const DEBOUNCE_MS = 300;
/** A slice of work on the extension host's thread, before it lets other work run. */
const SLICE_MS = 12;
/** Documents whose quotation texts are asked for in one message to the text worker. */
const TEXT_BATCH = 500;

/**
 * Every quotation of the corpus as a {@link Statement}, kept current incrementally by a
 * {@link StatementStore}: a document that changed is read again alone, and after new links only the
 * documents whose ids changed. The first build runs in slices that leave the extension host free;
 * quotations' words come from the text worker in batches, those the views show first. Views read
 * {@link list} (after {@link ready}) and listen to {@link onDidChange}.
 */
export class StatementsService extends Disposable {
  readonly store: StatementStore;
  private started = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private building: Promise<void> | undefined;
  private fetching: Promise<void> | undefined;
  /** Documents whose words a view is waiting for: asked for first. */
  private readonly urgent = new Set<string>();
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the statements (or their words) changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    indexer: CorpusIndexer,
    private readonly texts: CorpusTextsService,
  ) {
    super();
    this.store = new StatementStore(indexer.index);
    this.register(
      indexer.index.onDidChange(({ docs }) => {
        // Before the first use everything is read anyway.
        if (!this.started) return;
        this.store.invalidate(docs);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
      }) as vscode.Disposable,
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Whether {@link list} answers without work. */
  get current(): boolean {
    return this.started && !this.store.stale;
  }

  /** Resolves when the statements are up to date; the work runs in slices between other events. */
  ready(): Promise<void> {
    this.started = true;
    if (!this.store.stale) {
      this.fetchMissing();
      return Promise.resolve();
    }
    if (!this.building) {
      const building = (this.building = this.build());
      void building.finally(() => {
        if (this.building === building) this.building = undefined;
        this.fetchMissing();
      });
    }
    return this.building;
  }

  private async build(): Promise<void> {
    for (;;) {
      const until = performance.now() + SLICE_MS;
      if (this.store.update(() => performance.now() > until)) return;
      await new Promise<void>((r) => setImmediate(r));
    }
  }

  /** Every statement, in index order of documents and offset order within each. Builds what is missing at once. */
  list(): readonly Statement[] {
    this.started = true;
    if (this.store.stale) {
      this.store.update();
      this.fetchMissing();
    }
    return this.store.list();
  }

  /** The quotation's words, when the text worker gave them. */
  words(s: Statement): string | undefined {
    return this.store.words(s);
  }

  /** The words of the quotation starting at `start` in `doc`. */
  wordsAt(doc: string, start: number): string | undefined {
    return this.store.wordsAt(doc, start);
  }

  /** Asks for these documents' words before the others (what a view is about to show). */
  prefer(docs: Iterable<string>): void {
    for (const d of docs) this.urgent.add(d);
    this.fetchMissing();
  }

  /** Resolves when every statement's words have been asked for and answered. */
  async whenComplete(): Promise<void> {
    await this.ready();
    this.fetchMissing();
    while (this.fetching || this.building) await (this.fetching ?? this.building);
  }

  private async refresh(): Promise<void> {
    const before = this.store.version;
    await this.ready();
    if (this.store.version !== before) this.emitter.fire();
  }

  /** Asks the text worker for the words that are missing, a batch at a time, until none is. */
  private fetchMissing(): void {
    if (this.fetching || this.building) return;
    const wanted = this.store.wanted(TEXT_BATCH, this.urgent);
    if (!wanted.length) return;
    for (const w of wanted) this.urgent.delete(w.doc);
    this.fetching = this.texts
      .get()
      .quotes(wanted.map(({ doc, spans }) => ({ doc, spans })))
      .then((results) => {
        let changed = false;
        // Dropped when the document changed meanwhile: asked again next time.
        wanted.forEach((w, i) => (changed = this.store.setTexts(w.doc, w.analysis, results[i] ?? []) || changed));
        if (changed) this.emitter.fire();
        return true;
      })
      .catch(() => false)
      .then((ok) => {
        this.fetching = undefined;
        if (ok) this.fetchMissing();
      });
  }
}
