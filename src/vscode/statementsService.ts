import * as vscode from 'vscode';
import { documentStatements, type QuoteText, type Statement } from '../core/analysis/statements';
import type { Entity } from '../core/model';
import type { CorpusIndexer } from './corpusIndexer';
import type { CorpusTextsService } from './corpusTextsService';
import { Disposable } from './disposable';

interface DocEntry {
  /** The analysis key the entry was made for: a new key means new quotations. */
  key: string;
  statements: Statement[];
  /** Each quotation's words and sentence, once the text worker answered (null: text unavailable). */
  texts?: (QuoteText | null)[];
}

/** Changes are gathered this long before the statements are brought up to date. */
const DEBOUNCE_MS = 300;

/**
 * Every quotation of the corpus as a {@link Statement}, kept current incrementally: a document that
 * changed is read again alone (its quotations' words come from the text worker), and the rest is
 * re-read from the index only when the corpus's entities were linked anew (a speaker's id may then
 * change). Views read {@link list} and listen to {@link onDidChange}.
 */
export class StatementsService extends Disposable {
  private readonly entries = new Map<string, DocEntry>();
  private dirty = new Set<string>();
  private all = true;
  private entitiesSeen: readonly Entity[] | undefined;
  private listCache: Statement[] | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private fetching: Promise<void> | undefined;
  private started = false;
  private readonly emitter = this.register(new vscode.EventEmitter<void>());
  /** Fires when the statements (or their words) changed. */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly indexer: CorpusIndexer,
    private readonly texts: CorpusTextsService,
  ) {
    super();
    this.register(
      indexer.index.onDidChange(({ docs }) => {
        for (const d of docs) this.dirty.add(d);
        if (!this.started) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.refresh(), DEBOUNCE_MS);
      }) as vscode.Disposable,
    );
    this.register({ dispose: () => clearTimeout(this.timer) });
  }

  /** Every statement, in index order of documents and offset order within each. Builds on first use. */
  list(): Statement[] {
    this.started = true;
    if (this.all || this.dirty.size) this.update();
    return (this.listCache ??= [...this.indexer.index.documents()].flatMap((d) => this.entries.get(d)?.statements ?? []));
  }

  /** The quotation's words, when the text worker gave them. */
  words(s: Statement): string | undefined {
    const e = this.entries.get(s.doc);
    const i = e?.statements.indexOf(s) ?? -1;
    return i >= 0 ? (e!.texts?.[i]?.words ?? undefined) : this.wordsAt(s.doc, s.start);
  }

  /** The words of the quotation starting at `start` in `doc`. */
  wordsAt(doc: string, start: number): string | undefined {
    const e = this.entries.get(doc);
    if (!e?.texts) return undefined;
    const i = e.statements.findIndex((s) => s.start === start);
    return i >= 0 ? (e.texts[i]?.words ?? undefined) : undefined;
  }

  /** Resolves when every statement's words have been asked for and answered. */
  async whenComplete(): Promise<void> {
    this.list();
    while (this.fetching) await this.fetching;
  }

  private refresh(): void {
    this.update();
    this.emitter.fire();
  }

  /** Brings the entries up to date with the index; asks the text worker for the words that are missing. */
  private update(): void {
    const index = this.indexer.index;
    const entities = index.entities();
    if (entities !== this.entitiesSeen) {
      this.entitiesSeen = entities;
      this.all = true;
    }
    const docs = this.all ? [...index.documents()] : [...this.dirty];
    this.dirty = new Set();
    const wasAll = this.all;
    this.all = false;
    if (wasAll) for (const d of [...this.entries.keys()]) if (!index.has(d)) this.entries.delete(d);
    for (const doc of docs) {
      const scan = index.scan(doc);
      const key = index.keyOf(doc);
      if (!scan || !key) {
        this.entries.delete(doc);
        continue;
      }
      const old = this.entries.get(doc);
      const texts = old?.key === key ? old.texts : undefined;
      this.entries.set(doc, { key, texts, statements: documentStatements(doc, scan, texts ?? undefined) });
    }
    this.listCache = undefined;
    this.fetchMissing();
  }

  private fetchMissing(): void {
    if (this.fetching) return;
    const wanted = [...this.entries].filter(([, e]) => !e.texts && e.statements.length);
    if (!wanted.length) return;
    const requests = wanted.map(([doc, e]) => ({ doc, key: e.key, spans: e.statements.flatMap((s) => [s.start, s.end]) }));
    this.fetching = this.texts
      .get()
      .quotes(requests.map(({ doc, spans }) => ({ doc, spans })))
      .then((results) => {
        let changed = false;
        requests.forEach((r, i) => {
          const e = this.entries.get(r.doc);
          const scan = this.indexer.index.scan(r.doc);
          // Dropped when the document changed meanwhile: asked again below.
          if (!e || e.key !== r.key || !scan) return;
          e.texts = results[i] ?? [];
          e.statements = documentStatements(r.doc, scan, e.texts);
          changed = true;
        });
        if (changed) {
          this.listCache = undefined;
          this.emitter.fire();
        }
      })
      .catch(() => undefined)
      .finally(() => {
        this.fetching = undefined;
        if ([...this.entries.values()].some((e) => !e.texts && e.statements.length)) this.fetchMissing();
      });
  }
}
