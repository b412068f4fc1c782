import type { CorpusIndex } from '../corpus/corpusIndex';
import type { Entity } from '../model';
import { documentStatements, type QuoteText, type Statement } from './statements';

/** Told a document's statements before and after a change (see {@link StatementStore.watch}). */
export type StatementWatcher = (doc: string, before: readonly Statement[], after: readonly Statement[]) => void;

const NONE: readonly Statement[] = Object.freeze([]);

interface Entry {
  /** The document's analysis and links the statements were made from (see DocumentScan). */
  analysis: object;
  /** The analysis's cache key (text and extraction options): an equal key, equal quotations. */
  key: string | undefined;
  links: Int32Array | undefined;
  statements: Statement[];
  /** Each quotation's words and sentence, once given (null: text unavailable). */
  texts?: readonly (QuoteText | null)[];
}

/** What a document's statements need from its text: the quotations' spans, start and end in turn. */
export interface TextRequest {
  doc: string;
  /** The analysis the spans belong to: hand it back with the texts (see {@link StatementStore.setTexts}). */
  analysis: object;
  spans: number[];
}

/**
 * Every quotation of the corpus as a {@link Statement}, kept per document and brought up to date
 * incrementally: a document is read again only when its analysis changed, or when new links changed
 * its entities' ids (a relink elsewhere in the corpus leaves most documents' ids as they were, and
 * their statements are kept). Quotations' words (and the dates written in their sentences) come
 * from the texts, which the caller reads and hands in with {@link setTexts}.
 *
 * Work can be done in slices ({@link update} with `shouldStop`), so that a caller on a UI thread
 * can build the statements of a large corpus without holding the thread.
 */
export class StatementStore {
  private readonly entries = new Map<string, Entry>();
  /** Documents to look at, in order; `at` is the next. */
  private queue: string[] = [];
  private at = 0;
  private readonly queued = new Set<string>();
  private entitiesSeen: readonly Entity[] | undefined;
  private flat: Statement[] | undefined;
  private changes = 0;

  constructor(private readonly index: CorpusIndex) {}

  /** Documents that changed in the index (its `onDidChange`): looked at on the next {@link update}. */
  invalidate(docs: Iterable<string>): void {
    for (const doc of docs) {
      if (this.queued.has(doc)) continue;
      this.queued.add(doc);
      this.queue.push(doc);
    }
  }

  /** Counts changes: a new value whenever some document's statements were made anew or dropped. */
  get version(): number {
    return this.changes;
  }

  /** Whether {@link update} has work to do (documents changed, or new links to check). */
  get stale(): boolean {
    return this.at < this.queue.length || this.index.entities() !== this.entitiesSeen;
  }

  /**
   * Brings the statements up to date with the index. With `shouldStop`, stops when it says so
   * (asked after each document, so that every call gets on) and returns false: call again to go on.
   * Returns true when up to date.
   */
  update(shouldStop?: () => boolean): boolean {
    const entities = this.index.entities();
    if (entities !== this.entitiesSeen) {
      // New links: every document is looked at (a cheap test for most), and those gone are dropped.
      this.entitiesSeen = entities;
      for (const [doc, e] of this.entries) {
        if (!this.index.has(doc)) {
          this.entries.delete(doc);
          this.changed(doc, e.statements, NONE);
        }
      }
      this.invalidate(this.index.documents());
    }
    const queue = this.queue;
    let done = 0;
    while (this.at < queue.length) {
      if (done++ > 0 && shouldStop?.()) return false;
      const doc = queue[this.at++];
      this.queued.delete(doc);
      this.refresh(doc);
    }
    this.queue = [];
    this.at = 0;
    return true;
  }

  private refresh(doc: string): void {
    const scan = this.index.scan(doc);
    const old = this.entries.get(doc);
    if (!scan) {
      if (old) {
        this.entries.delete(doc);
        this.changed(doc, old.statements, NONE);
      }
      return;
    }
    const links = scan.links;
    if (old && old.analysis === scan.analysis && links && old.links === links) return;
    // The texts hold while the text is the same: a text written back (an undo, a revert) keeps them.
    const key = this.index.keyOf(doc);
    const texts = old && (old.analysis === scan.analysis || (key !== undefined && old.key === key)) ? old.texts : undefined;
    const statements = documentStatements(doc, scan, texts);
    this.entries.set(doc, { analysis: scan.analysis, key, links, texts, statements });
    this.changed(doc, old?.statements ?? NONE, statements);
  }

  private changed(doc: string, before: readonly Statement[], after: readonly Statement[]): void {
    this.changes++;
    this.flat = undefined;
    for (const w of this.watchers) w(doc, before, after);
  }

  private readonly watchers = new Set<StatementWatcher>();

  /**
   * Calls `watcher` whenever a document's statements are made anew or dropped, with the statements
   * it had and those it has (what a view keeps up to date without reading the whole corpus again).
   */
  watch(watcher: StatementWatcher): { dispose(): void } {
    this.watchers.add(watcher);
    return { dispose: () => this.watchers.delete(watcher) };
  }

  /** Every statement, in the index's order of documents and offset order within each (as of the last {@link update}). */
  list(): readonly Statement[] {
    if (!this.flat) {
      const flat: Statement[] = [];
      for (const doc of this.index.documents()) {
        const e = this.entries.get(doc);
        if (e) for (const s of e.statements) flat.push(s);
      }
      this.flat = flat;
    }
    return this.flat;
  }

  /** A document's statements (as of the last {@link update}). */
  statementsOf(doc: string): readonly Statement[] {
    return this.entries.get(doc)?.statements ?? [];
  }

  /** The quotation's words, once its text was handed in. */
  words(s: Statement): string | undefined {
    const e = this.entries.get(s.doc);
    if (!e?.texts) return undefined;
    let i = e.statements.indexOf(s);
    if (i < 0) i = e.statements.findIndex((x) => x.start === s.start && x.end === s.end);
    return i >= 0 ? (e.texts[i]?.words ?? undefined) : undefined;
  }

  /** The words of the quotation starting at `start` in `doc`, once its text was handed in. */
  wordsAt(doc: string, start: number): string | undefined {
    const e = this.entries.get(doc);
    if (!e?.texts) return undefined;
    const i = e.statements.findIndex((s) => s.start === start);
    return i >= 0 ? (e.texts[i]?.words ?? undefined) : undefined;
  }

  /** Whether every document with statements has its texts. */
  get complete(): boolean {
    for (const e of this.entries.values()) if (!e.texts && e.statements.length) return false;
    return true;
  }

  /**
   * Documents whose statements wait for their texts, the ones in `first` first, at most `limit`:
   * what to ask the texts for.
   */
  wanted(limit = Infinity, first: Iterable<string> = []): TextRequest[] {
    const out: TextRequest[] = [];
    const seen = new Set<string>();
    const add = (doc: string) => {
      if (out.length >= limit || seen.has(doc)) return;
      seen.add(doc);
      const e = this.entries.get(doc);
      // A document waiting for its update is asked for after it (its quotations may have moved).
      if (!e || e.texts || !e.statements.length || this.queued.has(doc)) return;
      out.push({ doc, analysis: e.analysis, spans: e.statements.flatMap((s) => [s.start, s.end]) });
    };
    for (const doc of first) add(doc);
    for (const doc of this.entries.keys()) {
      if (out.length >= limit) break;
      add(doc);
    }
    return out;
  }

  /**
   * Hands in a document's quotation texts (in the order of {@link wanted}'s spans): its statements
   * are made again with them (a date written in a quotation's sentence becomes its date). Ignored,
   * and false returned, when the document's analysis changed since the texts were asked for.
   */
  setTexts(doc: string, analysis: object, texts: readonly (QuoteText | null)[]): boolean {
    const e = this.entries.get(doc);
    const scan = this.index.scan(doc);
    if (!e || !scan || e.analysis !== analysis || scan.analysis !== analysis) return false;
    const before = e.statements;
    e.texts = texts;
    e.links = scan.links;
    e.statements = documentStatements(doc, scan, texts);
    this.changed(doc, before, e.statements);
    return true;
  }
}
