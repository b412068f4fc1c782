import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import * as vscode from 'vscode';
import { AnnotationWorkspace, documentPathFor, sidecarPathFor, type Annotation, type ChangeOutcome, type CorpusData, type CorpusEdit, type CorpusFile, type Problem, type SidecarChange, type SidecarState } from '../core/annotations';
import type { ExtractOptions } from '../core/extract/types';
import type { CorpusFiles } from './corpusFiles';
import { Disposable } from './disposable';
import { WorkspaceFsPort } from './workspaceFsPort';

export type { SidecarState };

/**
 * The annotation workspace (src/core/annotations/workspace) in VS Code: it tells the core what the
 * editor sees (corpus roots, unsaved texts, edits, saves, renames and deletions) and shows what the
 * core reports (diagnostics, messages, the undo context key). Everything else — writes, undo, live
 * offsets, reloads and re-anchoring — is the core's.
 */
export class AnnotationService extends Disposable {
  readonly core: AnnotationWorkspace;
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('corpusLens'));
  /** Fires when annotations of documents (or the corpus file) changed, from any source. */
  readonly onDidChange: AnnotationWorkspace['onDidChange'];
  private author: string | undefined;

  constructor(private readonly files: CorpusFiles) {
    super();
    this.core = new AnnotationWorkspace(new WorkspaceFsPort(), {
      roots: () => files.getRoots().map((r) => r.folder.uri.toString()),
      rootOf: (doc) => this.rootOf(doc),
      isDocument: (doc) => files.isCorpusDocument(vscode.Uri.parse(doc)),
      unsavedText: (doc) => {
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
        return open?.isDirty ? open.getText() : undefined;
      },
      join: (root, name) => vscode.Uri.joinPath(vscode.Uri.parse(root), name).toString(),
    });
    this.register({ dispose: () => this.core.dispose() });
    this.onDidChange = this.core.onDidChange;
    this.register(this.core.onDidChangeProblems(({ path, problems }) => this.diagnostics.set(vscode.Uri.parse(path), problems.map((p) => toDiagnostic(p, path)))));
    this.register(this.core.onDidChangeUndo((can) => void vscode.commands.executeCommand('setContext', 'corpusLens.canUndoAnnotation', can)));
    // Documents that arrive later (a folder checked out or moved in) bring their sidecars along.
    this.register(
      files.onDidChange((e) => {
        if (e.reset) void this.core.rootsChanged();
        e.added.forEach((uri) => void this.core.documentAdded(uri.toString()));
      }),
    );
    this.register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Change events hold offsets into the text before the event; applied from the last one back,
        // each one's offsets hold for the text the previous one left.
        const changes = [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset).map((c) => ({ start: c.rangeOffset, end: c.rangeOffset + c.rangeLength, text: c.text }));
        if (changes.length) this.core.didChangeText(e.document.uri.toString(), changes, e.document.getText());
      }),
    );
    this.register(vscode.workspace.onDidSaveTextDocument((d) => void this.core.didSave(d.uri.toString(), d.getText())));
    this.register(vscode.workspace.onDidCloseTextDocument((d) => d.isDirty && void this.core.didCloseUnsaved(d.uri.toString())));
    this.register(vscode.workspace.onDidRenameFiles((e) => void this.moveSidecars(e.files)));
    this.register(vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => this.core.documentRemoved(uri.toString()))));
  }

  /** Loads every sidecar and the corpus files once, in the background. */
  async ready(): Promise<void> {
    await this.files.ready();
    await this.core.ready();
  }

  annotations(doc: string): readonly Annotation[] {
    return this.core.annotations(doc);
  }

  state(doc: string): SidecarState | undefined {
    return this.core.state(doc);
  }

  documents(): string[] {
    return this.core.documents();
  }

  corpusData(doc?: string): CorpusData | undefined {
    return this.core.corpusData(doc);
  }

  tagNames(): string[] {
    return this.core.tagNames();
  }

  tagColor(tag: string): string | undefined {
    return this.core.tagColor(tag);
  }

  extractOptions(doc: string): ExtractOptions | undefined {
    return this.core.extractOptions(doc);
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

  /** Changes a document's sidecar (see {@link AnnotationWorkspace.change}); says why when it could not. */
  async change(doc: string, label: string, change: SidecarChange, text?: string): Promise<boolean> {
    return this.shown(await this.core.change(doc, label, change, { text }));
  }

  /** Changes the corpus file of the root holding `doc` (created when missing), with undo. */
  async changeCorpus(doc: string, label: string, change: (file: CorpusFile) => CorpusEdit[], undoable = true): Promise<boolean> {
    return this.shown(await this.core.changeCorpus(doc, label, change, undoable));
  }

  /** Reverts the last annotation change. Returns its label. */
  async undo(): Promise<string | undefined> {
    const r = await this.core.undo();
    if (r) this.shown(r.outcome);
    return r?.label;
  }

  /** Moves annotation `id` of `doc` onto the selection of the editor showing `doc`. */
  async reattach(doc: string, id: string, editor: vscode.TextEditor): Promise<boolean> {
    const start = editor.document.offsetAt(editor.selection.start);
    const end = editor.document.offsetAt(editor.selection.end);
    return this.shown(await this.core.reattach(doc, id, start, end, vscode.l10n.t('Re-attach annotation'), editor.document.getText()));
  }

  /** Reads a document's sidecar again (and re-anchors it when the text changed). */
  reloadFromDisk(doc: string): Promise<void> {
    return this.core.reload(doc);
  }

  private shown(r: ChangeOutcome): boolean {
    if (r.ok) return true;
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(r.path));
    const message =
      r.reason === 'invalid'
        ? vscode.l10n.t('Corpus Lens: {0} cannot be read ({1}); fix it first. Nothing was written.', file, r.detail)
        : r.reason === 'conflict'
          ? vscode.l10n.t('Corpus Lens: {0} kept changing while it was being written; nothing was written. Try again.', file)
          : r.reason === 'no-text'
            ? vscode.l10n.t('Corpus Lens: {0} cannot be read; nothing was written.', file)
            : vscode.l10n.t('Corpus Lens: {0} was not changed ({1}).', file, r.detail);
    void vscode.window.showErrorMessage(message);
    return false;
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
        await this.core.documentMoved(oldUri.toString(), newUri.toString());
      } catch (e) {
        void vscode.window.showWarningMessage(vscode.l10n.t('Corpus Lens: could not move the annotations of {0} ({1}); they stay in {2}.', vscode.workspace.asRelativePath(oldUri), String(e), vscode.workspace.asRelativePath(from)));
      }
    }
  }

  private rootOf(doc: string): string | undefined {
    const uri = vscode.Uri.parse(doc);
    return (this.files.rootOf(uri)?.folder.uri ?? vscode.workspace.getWorkspaceFolder(uri)?.uri)?.toString();
  }
}

function toDiagnostic(p: Problem, path: string): vscode.Diagnostic {
  const pos = new vscode.Position(Math.max(0, p.line - 1), Math.max(0, p.col - 1));
  const doc = p.code === 'missing-document' ? documentPathFor(path) : undefined;
  const message = doc ? vscode.l10n.t('The document {0} is missing: its annotations are kept here, shown as orphaned.', vscode.workspace.asRelativePath(vscode.Uri.parse(doc))) : p.message;
  const d = new vscode.Diagnostic(new vscode.Range(pos, pos.translate(0, 1)), message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
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
