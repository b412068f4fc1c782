import { Emitter } from '../../corpus/emitter';
import type { ExtractOptions } from '../../extract/types';
import type { CorpusEdit, CorpusFile } from '../corpusFile';
import { extractOptionsFrom } from '../extractOptions';
import { reanchorEdits } from '../operations';
import { CORPUS_FILE_NAME, documentPathFor, isSidecarPath, sidecarPathFor, SIDECAR_SUFFIX } from '../paths';
import { applyEdits, type TextChange } from '../reanchor';
import { SidecarFile, type SidecarEdit } from '../sidecar';
import { CorpusStore, SidecarStore } from '../store';
import { hashText, targetAt } from '../target';
import { AnnotationError, type Annotation, type CorpusData, type Problem } from '../types';
import { WriteConflictError, type FileVersion, type PortDisposable, type PortWatchEvent, type WorkspacePort } from './port';

/** The state of one document's sidecar as the workspace holds it. */
export type SidecarState =
  | { kind: 'ok'; file: SidecarFile; /** Annotations with offsets into the document's current text (an editor's unsaved text included). */ live: Annotation[] }
  | { kind: 'invalid'; problems: Problem[] };

type CorpusState = { kind: 'ok'; file: CorpusFile } | { kind: 'invalid'; problems: Problem[] };

/** What the workspace needs to know of its surroundings (the editor, or the CLI's arguments). */
export interface WorkspaceHost {
  /** The corpus roots (folders), each with at most one corpus file at its top. */
  roots(): readonly string[];
  /** The root holding `doc`, when it is a corpus document. */
  rootOf(doc: string): string | undefined;
  /** Whether `doc` is a corpus document: sidecars of other files are left alone. */
  isDocument(doc: string): boolean;
  /**
   * The text of `doc` in an editor with unsaved changes; undefined when it is not open or has no
   * unsaved changes (its file is then read: an open but saved document may not have caught up yet
   * with a change made by another program).
   */
  unsavedText(doc: string): string | undefined;
  /** `root` joined with a file name. Default: `${root}/${name}` (URIs and POSIX paths). */
  join?(root: string, name: string): string;
}

/** Why a change was not made. The workspace has already published the file's problems, if any. */
export interface ChangeRefusal {
  ok: false;
  /** `invalid`: the file does not parse or validate; `conflict`: it kept changing under us; `no-text`: the document cannot be read; `failed`: the edit or the write failed. */
  reason: 'invalid' | 'conflict' | 'no-text' | 'failed';
  /** The file that was to be written. */
  path: string;
  /** One line on what went wrong (for `invalid`, the first problem). */
  detail: string;
}

/** The outcome of a change: made (`changed` false when there was nothing to change), or refused. */
export type ChangeOutcome = { ok: true; changed: boolean } | ChangeRefusal;

/** One undoable change: which file, the edits that revert it, and what to call it. */
interface UndoEntry {
  label: string;
  doc?: string;
  sidecar?: SidecarEdit[];
  corpus?: { root: string; edits: CorpusEdit[] };
}

/** A sidecar change: edits built against the file as it is now, for the document's `text`. */
export type SidecarChange = (file: SidecarFile, text: string) => SidecarEdit[];

export interface AnnotationWorkspaceOptions {
  /** Undo steps kept. Default 100. */
  undoLimit?: number;
  /** Compare-and-swap attempts per write. Default 30. */
  attempts?: number;
}

/**
 * The analyst's work across a corpus, as the editor and the CLI share it: every sidecar and corpus
 * file read through one {@link WorkspacePort} and kept current.
 *
 * - **Writes** go one after the other per file (a queue), each a compare-and-swap of the file as it
 *   is now (two windows or a window and the CLI never lose each other's work); a file that does not
 *   parse or validate gets its problems published and is never overwritten.
 * - **Undo** keeps the inverse of each change; undoing re-reads the file and reverts what still
 *   applies.
 * - **Live offsets**: edits in an editor ({@link didChangeText}) move annotations with the text; an
 *   annotation whose passage is deleted is orphaned and placed again when the passage comes back (an
 *   undo, a paste). Saving writes the new offsets.
 * - **Reload and re-anchoring**: a sidecar changed by someone else, or a text changed outside the
 *   editor, is read again and its annotations re-anchored (./../reanchor.ts); the sidecar is rewritten
 *   only when the document has no unsaved changes.
 * - **Our own writes** coming back through the watcher are recognised by their version and ignored.
 */
export class AnnotationWorkspace {
  private readonly sidecarStore: SidecarStore;
  private readonly corpusStore: CorpusStore;
  private readonly sidecars = new Map<string, SidecarState>();
  private readonly corpora = new Map<string, CorpusState>();
  private readonly undoStack: UndoEntry[] = [];
  /** Path → the version this workspace last wrote there. */
  private readonly ownWrites = new Map<string, FileVersion>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Edits seen per document, to notice typing that happened while a file was being read. */
  private readonly editCount = new Map<string, number>();
  private readonly watched = new Map<string, PortDisposable>();
  private loading: Promise<void> | undefined;
  private disposed = false;

  private readonly changeEmitter = new Emitter<{ docs: string[]; corpus?: boolean }>();
  /** Annotations of documents (or the corpus files) changed, from any source. */
  readonly onDidChange = this.changeEmitter.event;
  private readonly problemsEmitter = new Emitter<{ path: string; problems: readonly Problem[] }>();
  /** The problems of a file changed (an empty list clears them). */
  readonly onDidChangeProblems = this.problemsEmitter.event;
  private readonly undoEmitter = new Emitter<boolean>();
  /** Whether there is something to undo changed. */
  readonly onDidChangeUndo = this.undoEmitter.event;

  constructor(
    private readonly port: WorkspacePort,
    private readonly host: WorkspaceHost,
    private readonly opts: AnnotationWorkspaceOptions = {},
  ) {
    this.sidecarStore = new SidecarStore(port, { attempts: opts.attempts });
    this.corpusStore = new CorpusStore(port, { attempts: opts.attempts });
  }

  /** Loads the corpus files and every sidecar once, and starts watching them. */
  ready(): Promise<void> {
    return (this.loading ??= this.loadAll());
  }

  private async loadAll(): Promise<void> {
    await this.loadCorpusFiles();
    for (const root of this.host.roots()) await this.loadRoot(root);
    this.changeEmitter.fire({ docs: [...this.sidecars.keys()], corpus: true });
  }

  private async loadRoot(root: string): Promise<void> {
    if (this.watched.has(root) || this.disposed) return;
    this.watched.set(root, this.port.watch(root, [SIDECAR_SUFFIX, CORPUS_FILE_NAME], (e) => void this.onFileEvent(root, e)));
    for (const path of await this.port.list(root, [SIDECAR_SUFFIX])) {
      const doc = documentPathFor(path);
      if (doc && this.host.isDocument(doc)) await this.serialized(doc, () => this.reloadNow(doc, false));
    }
  }

  /** The corpus roots changed: watch the new ones (reading their sidecars), forget the others, re-read the corpus files. */
  async rootsChanged(): Promise<void> {
    if (!this.loading) return;
    await this.loading;
    const roots = new Set(this.host.roots());
    for (const [root, w] of this.watched) {
      if (roots.has(root)) continue;
      w.dispose();
      this.watched.delete(root);
    }
    for (const root of roots) await this.loadRoot(root);
    await this.loadCorpusFiles();
    this.changeEmitter.fire({ docs: [...this.sidecars.keys()], corpus: true });
  }

  // ── reading ──────────────────────────────────────────────────────────

  /** Annotations of a document, with offsets into its current text (open editor or disk). */
  annotations(doc: string): readonly Annotation[] {
    const s = this.sidecars.get(doc);
    return s?.kind === 'ok' ? s.live : [];
  }

  state(doc: string): SidecarState | undefined {
    return this.sidecars.get(doc);
  }

  /** Every document that has a sidecar (readable or not). */
  documents(): string[] {
    return [...this.sidecars.keys()];
  }

  /** The corpus file of the root holding `doc` (of the first root when no document is named). */
  corpusData(doc?: string): CorpusData | undefined {
    const root = doc ? this.host.rootOf(doc) : [...this.corpora.keys()][0];
    const c = root ? this.corpora.get(root) : undefined;
    return c?.kind === 'ok' ? c.file.data : undefined;
  }

  /** Every tag name known: the vocabulary of the corpus files, then tags used on passages. */
  tagNames(): string[] {
    const names = new Set<string>();
    for (const c of this.corpora.values()) if (c.kind === 'ok') for (const t of c.file.data.tags) names.add(t.name);
    for (const s of this.sidecars.values()) if (s.kind === 'ok') for (const a of s.live) for (const t of a.tags) names.add(t);
    return [...names];
  }

  tagColor(tag: string): string | undefined {
    for (const c of this.corpora.values()) if (c.kind === 'ok') for (const t of c.file.data.tags) if (t.name === tag && t.color) return t.color;
    return undefined;
  }

  /** What the extractor must know of the analyst's work on a document. */
  extractOptions(doc: string): ExtractOptions | undefined {
    const s = this.sidecars.get(doc);
    return extractOptionsFrom(s?.kind === 'ok' ? s.file.data : undefined, this.corpusData(doc));
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  // ── writing ──────────────────────────────────────────────────────────

  /**
   * Changes a document's sidecar: `change` builds edits against the file as it is now (brought to
   * the document's current text first), the result is written by compare-and-swap and its inverse
   * recorded for undo. `change` may run more than once (again after a conflict), and may throw an
   * {@link AnnotationError} to refuse. `text` is the text offsets refer to (default: the document's
   * current text).
   */
  change(doc: string, label: string, change: SidecarChange, opts: { text?: string; undoable?: boolean } = {}): Promise<ChangeOutcome> {
    return this.serialized(doc, () => this.changeNow(doc, label, change, opts));
  }

  /** Runs read-modify-write operations on one file one after the other. */
  private serialized<T>(key: string, op: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(key, settled);
    void settled.then(() => this.queues.get(key) === settled && this.queues.delete(key));
    return next;
  }

  private async changeNow(doc: string, label: string, change: SidecarChange, opts: { text?: string; undoable?: boolean }): Promise<ChangeOutcome> {
    const path = sidecarPathFor(doc);
    const text = opts.text ?? (await this.textOf(doc));
    if (text === undefined) return { ok: false, reason: 'no-text', path: doc, detail: 'the document cannot be read' };
    let r;
    try {
      r = await this.sidecarStore.update(doc, text, (file) => {
        // Bring a stale sidecar to the current text first, so new offsets and old ones agree.
        const re = reanchorEdits(file, text);
        if (re.edits.length) file.apply(re.edits);
        const edits = change(file, text);
        return edits.length ? file.apply(edits) : [];
      });
    } catch (e) {
      return refusal(e, path);
    }
    if (r.kind === 'invalid') {
      this.setProblems(doc, r.problems);
      this.changeEmitter.fire({ docs: [doc] });
      return { ok: false, reason: 'invalid', path, detail: r.problems.find((p) => p.severity === 'error')?.message ?? '' };
    }
    if (r.kind === 'written' && r.version) this.ownWrites.set(path, r.version);
    if (r.inverse.length && opts.undoable !== false) this.pushUndo({ label, doc, sidecar: r.inverse });
    this.accept(doc, r.file, text);
    return { ok: true, changed: r.kind === 'written' };
  }

  /** Changes the corpus file of the root holding `doc` (created when missing), by compare-and-swap, with undo. */
  changeCorpus(doc: string, label: string, change: (file: CorpusFile) => CorpusEdit[], undoable = true): Promise<ChangeOutcome> {
    const root = this.host.rootOf(doc);
    if (!root) return Promise.resolve({ ok: false, reason: 'failed', path: doc, detail: 'not a corpus document' });
    const path = this.corpusPath(root);
    return this.serialized(path, async () => {
      let r;
      try {
        r = await this.corpusStore.update(path, (file) => {
          const edits = change(file);
          return edits.length ? file.apply(edits) : [];
        });
      } catch (e) {
        return refusal(e, path);
      }
      if (r.kind === 'invalid') {
        this.corpora.set(root, { kind: 'invalid', problems: r.problems });
        this.problemsEmitter.fire({ path, problems: r.problems });
        return { ok: false, reason: 'invalid', path, detail: r.problems.find((p) => p.severity === 'error')?.message ?? '' };
      }
      if (r.kind === 'written' && r.version) this.ownWrites.set(path, r.version);
      this.corpora.set(root, { kind: 'ok', file: r.file });
      if (undoable && r.inverse.length) this.pushUndo({ label, corpus: { root, edits: r.inverse } });
      if (r.kind === 'written') this.changeEmitter.fire({ docs: [], corpus: true });
      return { ok: true, changed: r.kind === 'written' };
    });
  }

  /**
   * Reverts the last annotation change: re-reads the file and reverts what still applies (another
   * window may have changed it since). Undefined when there is nothing to undo.
   */
  async undo(): Promise<{ label: string; outcome: ChangeOutcome } | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    this.undoEmitter.fire(this.undoStack.length > 0);
    let outcome: ChangeOutcome = { ok: true, changed: false };
    if (entry.doc && entry.sidecar) {
      const doc = entry.doc;
      const edits = entry.sidecar;
      outcome = await this.serialized(doc, async () => {
        const path = sidecarPathFor(doc);
        try {
          const r = await this.sidecarStore.update(doc, (await this.textOf(doc)) ?? '', (file) => file.apply(edits.filter((e) => applicable(file, e))));
          if (r.kind === 'invalid') {
            this.setProblems(doc, r.problems);
            return { ok: false, reason: 'invalid', path, detail: r.problems[0]?.message ?? '' } as ChangeRefusal;
          }
          if (r.kind === 'written' && r.version) this.ownWrites.set(path, r.version);
        } catch (e) {
          return refusal(e, path);
        }
        await this.reloadNow(doc, true);
        return { ok: true, changed: true };
      });
    }
    if (entry.corpus) {
      const { root, edits } = entry.corpus;
      const path = this.corpusPath(root);
      outcome = await this.serialized(path, async () => {
        try {
          const r = await this.corpusStore.update(path, (file) => file.apply(edits.filter((e) => applicableToCorpus(file, e))));
          if (r.kind === 'invalid') {
            this.problemsEmitter.fire({ path, problems: r.problems });
            return { ok: false, reason: 'invalid', path, detail: r.problems[0]?.message ?? '' } as ChangeRefusal;
          }
          if (r.kind === 'written' && r.version) this.ownWrites.set(path, r.version);
          this.corpora.set(root, { kind: 'ok', file: r.file });
        } catch (e) {
          return refusal(e, path);
        }
        this.changeEmitter.fire({ docs: [], corpus: true });
        return { ok: true, changed: true };
      });
    }
    return { label: entry.label, outcome };
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > (this.opts.undoLimit ?? 100)) this.undoStack.shift();
    this.undoEmitter.fire(true);
  }

  /**
   * Puts annotation `id` of `doc` on `[start, end)` of the document's current text (`text`, when the
   * caller holds it): how an orphan is attached again by hand. Undoable like any change.
   */
  reattach(doc: string, id: string, start: number, end: number, label: string, text?: string): Promise<ChangeOutcome> {
    return this.change(
      doc,
      label,
      (file, now) => {
        const a = file.data.annotations.find((x) => x.id === id);
        if (!a) throw new AnnotationError('the annotation is no longer in its file');
        if (end <= start) throw new AnnotationError('select the passage to attach it to');
        const { status: _orphaned, ...rest } = a;
        return [{ kind: 'updateAnnotation', annotation: { ...rest, target: targetAt(now, start, end), modified: new Date().toISOString() } }];
      },
      { text },
    );
  }

  // ── following the editor ──────────────────────────────────────────────

  /**
   * Moves the live annotations of `doc` with edits made in an editor. `changes` are in the order
   * applied, each relative to the text the previous one left; `newText` is the text after all of them.
   * Nothing is written: the moved offsets are saved with the document ({@link didSave}).
   */
  didChangeText(doc: string, changes: readonly TextChange[], newText: string): void {
    if (!changes.length) return;
    this.editCount.set(doc, (this.editCount.get(doc) ?? 0) + 1);
    const s = this.sidecars.get(doc);
    if (s?.kind !== 'ok' || !s.live.length) return;
    const moved = applyEdits(s.live, changes, newText);
    let placement = false;
    s.live = moved.map((m, i) => {
      const orphaned = m.outcome === 'orphaned';
      if (orphaned !== (s.live[i].status === 'orphaned')) placement = true;
      return orphaned ? { ...m.item, status: 'orphaned' as const } : m.item;
    });
    // Decorations and comment threads move with the text by themselves: listeners only need to hear
    // of a passage deleted or come back (not of every keystroke).
    if (placement) this.changeEmitter.fire({ docs: [doc] });
  }

  /** After the document was saved with `text`: writes the live offsets (and the new hash) to its sidecar. */
  async didSave(doc: string, text: string): Promise<void> {
    const s = this.sidecars.get(doc);
    if (s?.kind !== 'ok') return;
    const live = new Map(s.live.map((a) => [a.id, a]));
    // Moving annotations with typing is not an analyst's action: it is kept off the undo stack.
    await this.change(
      doc,
      'Move annotations with the text',
      (file) => {
        const edits: SidecarEdit[] = [];
        for (const a of file.data.annotations) {
          const moved = live.get(a.id);
          if (!moved || (JSON.stringify(moved.target) === JSON.stringify(a.target) && moved.status === a.status)) continue;
          // The editor's change events are the better witness of where the passage went.
          const { status: _old, ...rest } = a;
          edits.push({ kind: 'updateAnnotation', annotation: { ...rest, target: moved.target, ...(moved.status ? { status: moved.status } : {}) } });
        }
        if (file.data.document.hash !== hashText(text)) edits.push({ kind: 'setDocumentField', field: 'hash', value: hashText(text) });
        return edits;
      },
      { text, undoable: false },
    );
  }

  /** An editor with unsaved changes was closed: its live offsets are dropped, the sidecar read again. */
  didCloseUnsaved(doc: string): Promise<void> {
    return this.sidecars.has(doc) ? this.reload(doc) : Promise.resolve();
  }

  /** A document joined the corpus after the first load: reads its sidecar, when it has one. */
  async documentAdded(doc: string): Promise<void> {
    if (!this.loading || this.sidecars.has(doc)) return; // the first load will read it
    await this.loading;
    if (this.sidecars.has(doc)) return;
    await this.serialized(doc, async () => {
      const loaded = await this.sidecarStore.load(doc);
      if (loaded.kind !== 'missing') await this.reloadNow(doc, true);
    });
  }

  /** A document was deleted: its annotations stay in the sidecar, shown as orphaned. */
  documentRemoved(doc: string): void {
    if (this.sidecars.has(doc)) this.reportMissingDocument(doc);
  }

  /** A document's sidecar was moved with it (by the caller) from `from`'s sidecar to `to`'s. */
  async documentMoved(from: string, to: string): Promise<void> {
    this.sidecars.delete(from);
    this.problemsEmitter.fire({ path: sidecarPathFor(from), problems: [] });
    await this.reload(to);
    this.changeEmitter.fire({ docs: [from, to] });
  }

  /**
   * (Re)loads a document's sidecar. When the text changed since the sidecar was written (git
   * checkout, another editor), annotations are re-anchored; the sidecar is rewritten then, unless the
   * document has unsaved changes (its annotations are placed on the editor's text in memory).
   */
  reload(doc: string): Promise<void> {
    // In the sidecar's queue: a reload must not overtake (or be overtaken by) a write.
    return this.serialized(doc, () => this.reloadNow(doc, true));
  }

  private async reloadNow(doc: string, fire: boolean, retries = 5): Promise<void> {
    // The analyst may type while the files are read: read again until no edit came in between, so
    // the annotations are never placed on a text the editor has already left.
    let text: string | undefined;
    for (let attempt = 0; attempt < 5; attempt++) {
      const seen = this.editCount.get(doc) ?? 0;
      text = await this.textOf(doc);
      if ((this.editCount.get(doc) ?? 0) === seen) break;
    }
    const path = sidecarPathFor(doc);
    if (text === undefined) {
      const loaded = await this.sidecarStore.load(doc);
      if (loaded.kind === 'ok') this.sidecars.set(doc, { kind: 'ok', file: loaded.file, live: loaded.file.data.annotations.map((a) => ({ ...a, status: 'orphaned' as const })) });
      else if (loaded.kind === 'invalid') this.setProblems(doc, loaded.problems);
      else this.sidecars.delete(doc);
      if (loaded.kind !== 'missing') this.reportMissingDocument(doc);
      if (fire) this.changeEmitter.fire({ docs: [doc] });
      return;
    }
    const seen = this.editCount.get(doc) ?? 0;
    const loaded = await this.sidecarStore.load(doc);
    if ((this.editCount.get(doc) ?? 0) !== seen && retries > 0) return this.reloadNow(doc, fire, retries - 1);
    if (loaded.kind === 'missing') {
      this.sidecars.delete(doc);
      this.problemsEmitter.fire({ path, problems: [] });
    } else if (loaded.kind === 'invalid') {
      this.setProblems(doc, loaded.problems);
    } else if (loaded.file.data.document.hash !== hashText(text) && this.host.unsavedText(doc) === undefined) {
      const r = await this.changeNow(doc, 'Re-anchor annotations', () => [], { text, undoable: false });
      // A sidecar that cannot be rewritten now (it keeps changing) is still shown, placed in memory.
      if (!r.ok && r.reason !== 'invalid') this.accept(doc, loaded.file, text);
    } else {
      this.accept(doc, loaded.file, text);
    }
    if (fire) this.changeEmitter.fire({ docs: [doc] });
  }

  private accept(doc: string, file: SidecarFile, text: string): void {
    const data = file.data;
    // A sidecar written for other text (an unsaved editor) is placed on the editor's text in memory.
    const live = data.document.hash === hashText(text) ? data.annotations.map((a) => ({ ...a })) : placeOn(file, text);
    this.sidecars.set(doc, { kind: 'ok', file, live });
    this.problemsEmitter.fire({ path: sidecarPathFor(doc), problems: [] });
    this.changeEmitter.fire({ docs: [doc] });
  }

  /** A watched file changed: anything but our own write is read again. */
  private async onFileEvent(root: string, e: PortWatchEvent): Promise<void> {
    const corpus = e.path === this.corpusPath(root);
    const doc = corpus ? undefined : isSidecarPath(e.path) ? documentPathFor(e.path) : undefined;
    if (!corpus && (!doc || !this.host.isDocument(doc))) return;
    const written = this.ownWrites.get(e.path);
    if (written !== undefined) {
      const now = await this.port.read(e.path).catch(() => undefined);
      if (now?.kind === 'file' && now.version === written) return;
    }
    if (this.disposed) return;
    if (corpus) {
      await this.serialized(e.path, () => this.loadCorpusFiles());
      this.changeEmitter.fire({ docs: [], corpus: true });
    } else if (doc) await this.reload(doc);
  }

  private reportMissingDocument(doc: string): void {
    this.problemsEmitter.fire({
      path: sidecarPathFor(doc),
      problems: [{ severity: 'warning', code: 'missing-document', message: 'the document of these annotations is missing: they are kept here, shown as orphaned', line: 1, col: 1, offset: 0 }],
    });
    const s = this.sidecars.get(doc);
    if (s?.kind === 'ok') s.live = s.live.map((a) => ({ ...a, status: 'orphaned' as const }));
    this.changeEmitter.fire({ docs: [doc] });
  }

  private setProblems(doc: string, problems: Problem[]): void {
    this.sidecars.set(doc, { kind: 'invalid', problems });
    this.problemsEmitter.fire({ path: sidecarPathFor(doc), problems });
  }

  private corpusPath(root: string): string {
    return this.host.join ? this.host.join(root, CORPUS_FILE_NAME) : `${root.replace(/[\\/]$/, '')}/${CORPUS_FILE_NAME}`;
  }

  private async loadCorpusFiles(): Promise<void> {
    const next = new Map<string, CorpusState>();
    for (const root of this.host.roots()) {
      const path = this.corpusPath(root);
      const loaded = await this.corpusStore.load(path);
      if (loaded.kind === 'missing') {
        this.problemsEmitter.fire({ path, problems: [] });
        continue;
      }
      if (loaded.kind === 'ok') next.set(root, { kind: 'ok', file: loaded.file });
      else next.set(root, { kind: 'invalid', problems: loaded.problems });
      this.problemsEmitter.fire({ path, problems: loaded.kind === 'ok' ? loaded.warnings : loaded.problems });
    }
    this.corpora.clear();
    for (const [root, state] of next) this.corpora.set(root, state);
  }

  /** The text annotations refer to: an editor's unsaved text, else the document's file. */
  private async textOf(doc: string): Promise<string | undefined> {
    const unsaved = this.host.unsavedText(doc);
    if (unsaved !== undefined) return unsaved;
    try {
      const r = await this.port.read(doc);
      return r.kind === 'file' ? new TextDecoder().decode(r.bytes) : undefined;
    } catch {
      return undefined;
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.watched.values()) w.dispose();
    this.watched.clear();
    this.changeEmitter.dispose();
    this.problemsEmitter.dispose();
    this.undoEmitter.dispose();
  }
}

function refusal(e: unknown, path: string): ChangeRefusal {
  if (e instanceof WriteConflictError) return { ok: false, reason: 'conflict', path, detail: e.message };
  return { ok: false, reason: 'failed', path, detail: e instanceof Error ? e.message : String(e) };
}

/** Annotations re-anchored onto `text` in memory, without touching the file. */
function placeOn(file: SidecarFile, text: string): Annotation[] {
  const copy = SidecarFile.parse(file.toString());
  if (!copy.ok) return file.data.annotations.map((a) => ({ ...a }));
  const re = reanchorEdits(copy.file, text);
  if (re.edits.length) copy.file.apply(re.edits);
  return copy.file.data.annotations.map((a) => ({ ...a }));
}

/** Undo edits that still make sense on the file as it is now (another window may have changed it). */
function applicable(file: SidecarFile, e: SidecarEdit): boolean {
  const ids = new Set(file.data.annotations.map((a) => a.id));
  const cids = new Set(file.data.corrections.map((c) => c.id));
  switch (e.kind) {
    case 'addAnnotation':
      return !ids.has(e.annotation.id);
    case 'removeAnnotation':
    case 'updateAnnotation':
      return ids.has(e.kind === 'removeAnnotation' ? e.id : e.annotation.id);
    case 'addCorrection':
      return !cids.has(e.correction.id);
    case 'removeCorrection':
    case 'updateCorrection':
      return cids.has(e.kind === 'removeCorrection' ? e.id : e.correction.id);
    default:
      return true;
  }
}

/** The same for the corpus file: entities by id, tags by name. */
function applicableToCorpus(file: CorpusFile, e: CorpusEdit): boolean {
  const ids = new Set(file.data.entities.map((x) => x.id));
  const tags = new Set(file.data.tags.map((t) => t.name));
  switch (e.kind) {
    case 'addEntity':
      return !ids.has(e.entity.id);
    case 'removeEntity':
    case 'updateEntity':
      return ids.has(e.kind === 'removeEntity' ? e.id : e.entity.id);
    case 'addTag':
      return !tags.has(e.tag.name);
    case 'removeTag':
    case 'updateTag':
      return tags.has(e.kind === 'removeTag' ? e.name : e.tag.name);
    default:
      return true;
  }
}
