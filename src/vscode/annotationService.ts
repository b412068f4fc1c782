import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import {
  applyEdits,
  CorpusFile,
  documentPathFor,
  extractOptionsFrom,
  hashText,
  reanchorEdits,
  sidecarPathFor,
  SidecarFile,
  SidecarStore,
  type Annotation,
  type CorpusData,
  type CorpusEdit,
  type Problem,
  type SidecarEdit,
} from '../core/annotations';
import type { ExtractOptions } from '../core/extract/types';
import { CORPUS_FILE } from '../core/corpus/scope';
import type { CorpusFiles } from './corpusFiles';
import { Disposable } from './disposable';
import { WorkspaceFsPort } from './workspaceFsPort';

/** The state of one document's sidecar as the extension holds it. */
export type SidecarState =
  | { kind: 'ok'; file: SidecarFile; /** Annotations with offsets into the editor's current text. */ live: Annotation[] }
  | { kind: 'invalid'; problems: Problem[] };

/** One undoable change: which file, the edits that revert it, and what to call it. */
interface UndoEntry {
  label: string;
  doc?: string;
  sidecar?: SidecarEdit[];
  corpus?: { root: string; edits: CorpusEdit[] };
}

/**
 * The analyst's work, kept in YAML next to the texts. Every write re-reads the file and applies the
 * change to what is there now (two windows do not lose each other's work); a file that does not parse
 * or validate gets a diagnostic at its line and is never overwritten; external changes are reloaded;
 * edits in the editor move annotations with the text, saved with the document.
 */
export class AnnotationService extends Disposable {
  private readonly port: WorkspaceFsPort;
  private readonly store: SidecarStore;
  private readonly sidecars = new Map<string, SidecarState>();
  private readonly corpora = new Map<string, { kind: 'ok'; file: CorpusFile } | { kind: 'invalid'; problems: Problem[] }>();
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('corpusLens'));
  private readonly undoStack: UndoEntry[] = [];
  private readonly ownWrites = new Map<string, string>();
  private readonly changeEmitter = this.register(new vscode.EventEmitter<{ docs: string[]; corpus?: boolean }>());
  /** Fires when annotations of documents (or the corpus file) changed, from any source. */
  readonly onDidChange = this.changeEmitter.event;
  private loading: Promise<void> | undefined;
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Edits seen per document, to notice typing that happened while a file was being read. */
  private readonly editCount = new Map<string, number>();
  private author: string | undefined;

  constructor(private readonly files: CorpusFiles) {
    super();
    this.port = new WorkspaceFsPort((path, data) => this.ownWrites.set(path, new TextDecoder().decode(data)));
    this.store = new SidecarStore(this.port);
    const sidecarWatcher = this.register(vscode.workspace.createFileSystemWatcher('**/*.lens.yaml'));
    const onSidecar = async (uri: vscode.Uri) => {
      const doc = documentPathFor(uri.toString());
      if (!doc || !this.files.isCorpusDocument(vscode.Uri.parse(doc))) return;
      // Our own write coming back through the watcher: the state in memory is already that file.
      const written = this.ownWrites.get(uri.toString());
      if (written !== undefined) {
        const now = await this.port.read(uri.toString()).then((b) => b && new TextDecoder().decode(b), () => undefined);
        if (now === written) return;
      }
      void this.reloadFromDisk(doc);
    };
    this.register(sidecarWatcher.onDidChange(onSidecar));
    this.register(sidecarWatcher.onDidCreate(onSidecar));
    this.register(sidecarWatcher.onDidDelete(onSidecar));
    const corpusWatcher = this.register(vscode.workspace.createFileSystemWatcher(`**/${CORPUS_FILE}`));
    const onCorpus = () => void this.loadCorpusFiles().then(() => this.changeEmitter.fire({ docs: [], corpus: true }));
    this.register(corpusWatcher.onDidChange(onCorpus));
    this.register(corpusWatcher.onDidCreate(onCorpus));
    this.register(corpusWatcher.onDidDelete(onCorpus));
    // Documents that arrive later (a folder checked out or moved in) bring their sidecars along.
    this.register(files.onDidChange((e) => e.added.forEach((uri) => void this.loadArrived(uri.toString()))));
    this.register(vscode.workspace.onDidChangeTextDocument((e) => this.follow(e)));
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.persistLive(d)));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => d.isDirty && this.sidecars.has(d.uri.toString()) && void this.reloadFromDisk(d.uri.toString())));
    this.register(vscode.workspace.onDidRenameFiles((e) => void this.moveSidecars(e.files)));
    this.register(
      vscode.workspace.onDidDeleteFiles((e) => {
        for (const uri of e.files) if (this.sidecars.has(uri.toString())) this.reportMissingDocument(uri.toString());
      }),
    );
  }

  /** Loads every sidecar and the corpus files once, in the background. */
  ready(): Promise<void> {
    return (this.loading ??= this.loadAll());
  }

  private async loadAll(): Promise<void> {
    await this.files.ready();
    await this.loadCorpusFiles();
    const found = await vscode.workspace.findFiles('**/*.lens.yaml', '**/node_modules/**');
    for (const uri of found) {
      const doc = documentPathFor(uri.toString());
      if (doc) await this.reloadFromDisk(doc, false);
    }
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

  corpusData(doc?: string): CorpusData | undefined {
    const root = doc ? this.rootOf(doc) : [...this.corpora.keys()][0];
    const c = root ? this.corpora.get(root) : undefined;
    return c?.kind === 'ok' ? c.file.data : undefined;
  }

  /** Every tag name known: the vocabulary of the corpus file, then tags used on passages. */
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

  async authorName(): Promise<string> {
    if (this.author) return this.author;
    const configured = vscode.workspace.getConfiguration('corpusLens').get<string>('author', '').trim();
    if (configured) return configured;
    const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'file' || vscode.workspace.workspaceFolders?.[0]?.uri.scheme === 'vscode-remote' ? vscode.workspace.workspaceFolders?.[0]?.uri.path : undefined;
    const git = await new Promise<string>((resolve) => execFile('git', ['config', 'user.name'], { cwd, timeout: 2000 }, (err, out) => resolve(err ? '' : out.trim())));
    this.author = git || safeUserName();
    return this.author;
  }

  // ── writing ──────────────────────────────────────────────────────────

  /**
   * Changes a document's sidecar: re-reads it, lets `change` build edits against what is on disk now,
   * writes atomically, and records the inverse for undo. Refuses (with a message) when the sidecar is
   * broken on disk.
   */
  change(doc: string, label: string, change: (file: SidecarFile, text: string) => SidecarEdit[], text?: string): Promise<boolean> {
    return this.serialized(doc, () => this.changeNow(doc, label, change, text));
  }

  /** Runs read-modify-write operations on one sidecar one after the other. */
  private serialized<T>(doc: string, op: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(doc) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(doc, settled);
    void settled.then(() => this.queues.get(doc) === settled && this.queues.delete(doc));
    return next;
  }

  private async changeNow(doc: string, label: string, change: (file: SidecarFile, text: string) => SidecarEdit[], knownText?: string): Promise<boolean> {
    const text = knownText ?? (await this.textOf(doc));
    if (text === undefined) return false;
    const r = await this.store.update(doc, text, (file) => {
      // Bring a stale sidecar to the current text first, so new offsets and old ones agree.
      const re = reanchorEdits(file, text);
      if (re.edits.length) file.apply(re.edits);
      const edits = change(file, text);
      return edits.length ? file.apply(edits) : [];
    });
    if (r.kind === 'invalid') {
      this.setProblems(doc, r.problems);
      void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Lens: {0} cannot be read ({1}); fix it before annotating. Nothing was written.', vscode.workspace.asRelativePath(vscode.Uri.parse(r.path)), r.problems[0]?.message ?? ''));
      return false;
    }
    if (r.inverse.length) this.pushUndo({ label, doc, sidecar: r.inverse });
    this.accept(doc, r.file, text);
    return true;
  }

  /** Changes the corpus file of the root holding `doc` (created when missing), with undo. */
  async changeCorpus(doc: string, label: string, change: (file: CorpusFile) => CorpusEdit[], undoable = true): Promise<boolean> {
    const root = this.rootOf(doc);
    if (!root) return false;
    const path = vscode.Uri.joinPath(vscode.Uri.parse(root), CORPUS_FILE).toString();
    const bytes = await this.port.read(path);
    const parsed = bytes ? CorpusFile.parse(bytes) : { ok: true as const, file: CorpusFile.create(), warnings: [] };
    if (!parsed.ok) {
      this.setCorpusProblems(path, parsed.problems);
      void vscode.window.showErrorMessage(vscode.l10n.t('Corpus Lens: {0} cannot be read ({1}); fix it first. Nothing was written.', CORPUS_FILE, parsed.problems[0]?.message ?? ''));
      return false;
    }
    const edits = change(parsed.file);
    const inverse = edits.length ? parsed.file.apply(edits) : [];
    if (!inverse.length) return true;
    await this.port.write(path, parsed.file.toBytes());
    this.corpora.set(root, { kind: 'ok', file: parsed.file });
    if (undoable) this.pushUndo({ label, corpus: { root, edits: inverse } });
    this.changeEmitter.fire({ docs: [], corpus: true });
    return true;
  }

  /** Reverts the last annotation change (re-reading the file first). Returns its label. */
  async undo(): Promise<string | undefined> {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    if (entry.doc && entry.sidecar) {
      const doc = entry.doc;
      const edits = entry.sidecar;
      await this.serialized(doc, async () => {
        await this.store.update(doc, (await this.textOf(doc)) ?? '', (file) => file.apply(edits.filter((e) => applicable(file, e))));
        await this.reloadNow(doc, true);
      });
    }
    if (entry.corpus) {
      const path = vscode.Uri.joinPath(vscode.Uri.parse(entry.corpus.root), CORPUS_FILE).toString();
      const bytes = await this.port.read(path);
      const parsed = bytes && CorpusFile.parse(bytes);
      if (parsed && parsed.ok) {
        parsed.file.apply(entry.corpus.edits);
        await this.port.write(path, parsed.file.toBytes());
        this.corpora.set(entry.corpus.root, { kind: 'ok', file: parsed.file });
        this.changeEmitter.fire({ docs: [], corpus: true });
      }
    }
    void vscode.commands.executeCommand('setContext', 'corpusLens.canUndoAnnotation', this.undoStack.length > 0);
    return entry.label;
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > 100) this.undoStack.shift();
    void vscode.commands.executeCommand('setContext', 'corpusLens.canUndoAnnotation', true);
  }

  // ── keeping annotations on their text ─────────────────────────────────

  /** Moves the live annotations with the editor's edits (they are saved with the document). */
  private follow(e: vscode.TextDocumentChangeEvent): void {
    const doc = e.document.uri.toString();
    if (e.contentChanges.length) this.editCount.set(doc, (this.editCount.get(doc) ?? 0) + 1);
    const s = this.sidecars.get(doc);
    if (s?.kind !== 'ok' || !e.contentChanges.length || !s.live.length) return;
    const text = e.document.getText();
    // Change events are in the order applied; each offset refers to the text before that change.
    const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset).map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
    const moved = applyEdits(s.live.map((a) => ({ ...a })), changes, text);
    const lost = moved.some((m) => m.outcome === 'orphaned' && m.item.status !== 'orphaned');
    s.live = moved.map((m) => (m.outcome === 'orphaned' ? { ...m.item, status: 'orphaned' as const } : m.item));
    // Decorations and comment threads move with the text by themselves: listeners only need to hear
    // of a passage that was deleted (not on every keystroke).
    if (lost) this.changeEmitter.fire({ docs: [doc] });
  }

  /** After a save, writes the moved offsets (and the new hash) to the sidecar. */
  private async persistLive(document: vscode.TextDocument): Promise<void> {
    const doc = document.uri.toString();
    const s = this.sidecars.get(doc);
    if (s?.kind !== 'ok') return;
    const text = document.getText();
    const live = new Map(s.live.map((a) => [a.id, a]));
    await this.change(doc, vscode.l10n.t('Move annotations with the text'), (file) => {
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
    }, text);
    // Moving annotations with typing is not an analyst's action: keep it off the undo stack.
    if (this.undoStack.at(-1)?.label === vscode.l10n.t('Move annotations with the text')) this.undoStack.pop();
  }

  /** Loads the sidecar of a document that joined the corpus after the first load, when it has one. */
  private async loadArrived(doc: string): Promise<void> {
    if (!this.loading || this.sidecars.has(doc)) return; // the first load will read it
    await this.loading;
    if (this.sidecars.has(doc)) return;
    const exists = await vscode.workspace.fs.stat(vscode.Uri.parse(sidecarPathFor(doc))).then(() => true, () => false);
    if (exists) await this.reloadFromDisk(doc);
  }

  /**
   * (Re)loads a document's sidecar from disk. When the text changed since the sidecar was written
   * (git checkout, another editor), annotations are re-anchored; the sidecar is rewritten only when
   * every annotation was placed or explicitly marked orphaned.
   */
  reloadFromDisk(doc: string, fire = true): Promise<void> {
    // In the sidecar's queue: a reload must not overtake (or be overtaken by) a write.
    return this.serialized(doc, () => this.reloadNow(doc, fire));
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
    if (text === undefined) {
      const loaded = await this.store.load(doc);
      if (loaded.kind === 'ok') this.sidecars.set(doc, { kind: 'ok', file: loaded.file, live: loaded.file.data.annotations.map((a) => ({ ...a, status: 'orphaned' as const })) });
      else if (loaded.kind === 'invalid') this.setProblems(doc, loaded.problems);
      else this.sidecars.delete(doc);
      if (loaded.kind !== 'missing') this.reportMissingDocument(doc);
      if (fire) this.changeEmitter.fire({ docs: [doc] });
      return;
    }
    const seen = this.editCount.get(doc) ?? 0;
    const loaded = await this.store.load(doc);
    if ((this.editCount.get(doc) ?? 0) !== seen && retries > 0) return this.reloadNow(doc, fire, retries - 1);
    if (loaded.kind === 'missing') {
      this.sidecars.delete(doc);
      this.diagnostics.delete(vscode.Uri.parse(sidecarPathFor(doc)));
    } else if (loaded.kind === 'invalid') {
      this.setProblems(doc, loaded.problems);
    } else if (loaded.file.data.document.hash !== hashText(text) && !this.isDirty(doc)) {
      await this.changeNow(doc, vscode.l10n.t('Re-anchor annotations'), () => []);
      if (this.undoStack.at(-1)?.label === vscode.l10n.t('Re-anchor annotations')) this.undoStack.pop();
    } else {
      this.accept(doc, loaded.file, text);
    }
    if (fire) this.changeEmitter.fire({ docs: [doc] });
  }

  private accept(doc: string, file: SidecarFile, text: string): void {
    const data = file.data;
    // A sidecar written for other text (an unsaved editor) is placed on the editor's text in memory.
    const live = data.document.hash === hashText(text) ? data.annotations.map((a) => ({ ...a })) : reanchorEdits(file, text).edits.length ? placeOn(file, text) : data.annotations.map((a) => ({ ...a }));
    this.sidecars.set(doc, { kind: 'ok', file, live });
    this.diagnostics.delete(vscode.Uri.parse(sidecarPathFor(doc)));
    this.changeEmitter.fire({ docs: [doc] });
  }

  private async moveSidecars(renames: readonly { oldUri: vscode.Uri; newUri: vscode.Uri }[]): Promise<void> {
    for (const { oldUri, newUri } of renames) {
      const from = vscode.Uri.parse(sidecarPathFor(oldUri.toString()));
      const to = vscode.Uri.parse(sidecarPathFor(newUri.toString()));
      try {
        await vscode.workspace.fs.stat(from);
      } catch {
        continue;
      }
      try {
        await vscode.workspace.fs.rename(from, to, { overwrite: false });
        this.sidecars.delete(oldUri.toString());
        await this.reloadFromDisk(newUri.toString());
      } catch (e) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Lens: could not move the annotations of {0} ({1}); they stay in {2}.', vscode.workspace.asRelativePath(oldUri), String(e), vscode.workspace.asRelativePath(from)));
      }
    }
  }

  private reportMissingDocument(doc: string): void {
    const sidecar = vscode.Uri.parse(sidecarPathFor(doc));
    const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('The document {0} is missing: its annotations are kept here, shown as orphaned.', vscode.workspace.asRelativePath(vscode.Uri.parse(doc))), vscode.DiagnosticSeverity.Warning);
    d.source = 'Corpus Lens';
    this.diagnostics.set(sidecar, [d]);
    const s = this.sidecars.get(doc);
    if (s?.kind === 'ok') s.live = s.live.map((a) => ({ ...a, status: 'orphaned' as const }));
    this.changeEmitter.fire({ docs: [doc] });
  }

  private setProblems(doc: string, problems: Problem[]): void {
    this.sidecars.set(doc, { kind: 'invalid', problems });
    this.diagnostics.set(vscode.Uri.parse(sidecarPathFor(doc)), problems.map(toDiagnostic));
  }

  private setCorpusProblems(path: string, problems: Problem[]): void {
    this.diagnostics.set(vscode.Uri.parse(path), problems.map(toDiagnostic));
  }

  private async loadCorpusFiles(): Promise<void> {
    await this.files.ready();
    this.corpora.clear();
    for (const root of this.files.getRoots()) {
      const uri = vscode.Uri.joinPath(root.folder.uri, CORPUS_FILE);
      let bytes: Uint8Array | undefined;
      try {
        bytes = await this.port.read(uri.toString());
      } catch (e) {
        this.setCorpusProblems(uri.toString(), [{ severity: 'error', code: 'unreadable', message: String(e), line: 1, col: 1, offset: 0 }]);
        continue;
      }
      if (!bytes) continue;
      const parsed = CorpusFile.parse(bytes);
      if (parsed.ok) {
        this.corpora.set(root.folder.uri.toString(), { kind: 'ok', file: parsed.file });
        this.diagnostics.set(uri, parsed.warnings.map(toDiagnostic));
      } else {
        this.corpora.set(root.folder.uri.toString(), { kind: 'invalid', problems: parsed.problems });
        this.setCorpusProblems(uri.toString(), parsed.problems);
      }
    }
  }

  private rootOf(doc: string): string | undefined {
    const root = this.files.rootOf(vscode.Uri.parse(doc));
    return root?.folder.uri.toString() ?? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(doc))?.uri.toString();
  }

  private isDirty(doc: string): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc && d.isDirty);
  }

  /**
   * The text annotations refer to: an editor's unsaved text, else the file on disk (an open but
   * unmodified document may not have caught up yet with a change made by another program).
   */
  private async textOf(doc: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    if (open?.isDirty) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc)));
    } catch {
      return undefined;
    }
  }
}

/** Annotations re-anchored onto `text` in memory, without touching the file. */
function placeOn(file: SidecarFile, text: string): Annotation[] {
  const copy = SidecarFile.parse(file.toString());
  if (!copy.ok) return file.data.annotations.map((a) => ({ ...a }));
  copy.file.apply(reanchorEdits(copy.file, text).edits);
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
      return ids.has(e.id);
    case 'updateAnnotation':
      return ids.has(e.annotation.id);
    case 'addCorrection':
      return !cids.has(e.correction.id);
    case 'removeCorrection':
      return cids.has(e.id);
    case 'updateCorrection':
      return cids.has(e.correction.id);
    default:
      return true;
  }
}

function toDiagnostic(p: Problem): vscode.Diagnostic {
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
  const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
  d.source = 'Corpus Lens';
  d.code = p.code;
  return d;
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return 'analyst';
  }
}
