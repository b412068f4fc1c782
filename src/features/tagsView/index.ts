import * as vscode from 'vscode';
import type { Annotation } from '../../core/annotations';
import type { AnnotationService } from '../../vscode/annotationService';
import { plural } from '../../vscode/plural';

export const TAGS_VIEW = 'corpusLens.tags';
const ORPHANED = Symbol('orphaned');
const UNTAGGED = Symbol('untagged');

export type TagElement =
  | { kind: 'tag'; tag: string | typeof ORPHANED | typeof UNTAGGED }
  | { kind: 'passage'; doc: string; annotation: Annotation; group: string | typeof ORPHANED | typeof UNTAGGED };

/** The Tags view: tag → tagged passages with their context; orphaned annotations in their own group. */
export class TagsProvider implements vscode.TreeDataProvider<TagElement> {
  private readonly emitter = new vscode.EventEmitter<TagElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly annotations: AnnotationService) {}

  refresh(): void {
    this.emitter.fire(undefined);
  }

  private all(): { doc: string; annotation: Annotation }[] {
    return this.annotations.documents().flatMap((doc) => this.annotations.annotations(doc).map((annotation) => ({ doc, annotation })));
  }

  getChildren(element?: TagElement): TagElement[] {
    const all = this.all();
    if (!element) {
      const tags = new Set<string>(this.annotations.tagNames());
      const groups: TagElement[] = [...tags].sort((a, b) => a.localeCompare(b)).map((tag) => ({ kind: 'tag', tag }));
      if (all.some((x) => x.annotation.status !== 'orphaned' && !x.annotation.tags.length)) groups.push({ kind: 'tag', tag: UNTAGGED });
      if (all.some((x) => x.annotation.status === 'orphaned')) groups.push({ kind: 'tag', tag: ORPHANED });
      return groups;
    }
    if (element.kind !== 'tag') return [];
    const group = element.tag;
    return all
      .filter(({ annotation: a }) => (group === ORPHANED ? a.status === 'orphaned' : a.status !== 'orphaned' && (group === UNTAGGED ? !a.tags.length : a.tags.includes(group))))
      .sort((x, y) => (x.doc < y.doc ? -1 : x.doc > y.doc ? 1 : x.annotation.target.start - y.annotation.target.start))
      .map(({ doc, annotation }) => ({ kind: 'passage', doc, annotation, group }));
  }

  getTreeItem(element: TagElement): vscode.TreeItem {
    if (element.kind === 'tag') {
      const label = element.tag === ORPHANED ? vscode.l10n.t('Orphaned') : element.tag === UNTAGGED ? vscode.l10n.t('Notes without tags') : element.tag;
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      const n = this.getChildren(element).length;
      item.description = n === 1 ? vscode.l10n.t('1 passage') : vscode.l10n.t('{0} passages', n);
      item.iconPath = new vscode.ThemeIcon(element.tag === ORPHANED ? 'warning' : element.tag === UNTAGGED ? 'note' : 'tag');
      item.id = `tag:${typeof element.tag === 'string' ? element.tag : element.tag.description}`;
      if (element.tag === ORPHANED) item.tooltip = vscode.l10n.t('Annotations whose passage could not be found in the current text. Their quote is kept; nothing was moved onto other text.');
      item.contextValue = element.tag === ORPHANED ? 'orphanedGroup' : 'tag';
      return item;
    }
    const a = element.annotation;
    const { prefix, exact, suffix } = a.target;
    const before = prefix.replace(/\s+/g, ' ').slice(-24);
    const quote = exact.replace(/\s+/g, ' ');
    const shown = quote.length > 80 ? `${quote.slice(0, 77)}…` : quote;
    const label: vscode.TreeItemLabel = { label: `…${before}${shown}${suffix.replace(/\s+/g, ' ').slice(0, 16)}…`, highlights: [[before.length + 1, before.length + 1 + shown.length]] };
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    const uri = vscode.Uri.parse(element.doc);
    item.id = `passage:${String(element.group.toString())}:${element.doc}#${a.id}`;
    item.description = `${vscode.workspace.asRelativePath(uri)}${a.note ? ` · ${a.note.split('\n')[0]}` : ''}`;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`> ${exact.replace(/\n/g, ' ')}\n\n`);
    if (a.tags.length) md.appendMarkdown(`${vscode.l10n.t('Tags')}: ${a.tags.join(', ')}\n\n`);
    if (a.note) md.appendMarkdown(`${a.note}\n\n`);
    md.appendMarkdown(`${a.author ?? ''} · ${a.modified}`);
    if (a.status === 'orphaned') md.appendMarkdown(`\n\n${vscode.l10n.t('This passage was not found in the current text.')}`);
    item.tooltip = md;
    item.iconPath = new vscode.ThemeIcon(a.status === 'orphaned' ? 'warning' : a.note ? 'comment' : 'tag');
    item.contextValue = a.status === 'orphaned' ? 'orphanedPassage' : 'passage';
    if (a.status !== 'orphaned') item.command = { command: 'corpusLens.openAnnotation', title: vscode.l10n.t('Open'), arguments: [element.doc, a.id] };
    else item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

export function registerTagsView(annotations: AnnotationService): { provider: TagsProvider; disposable: vscode.Disposable } {
  const provider = new TagsProvider(annotations);
  const view = vscode.window.createTreeView(TAGS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const total = annotations.documents().reduce((n, d) => n + annotations.annotations(d).length, 0);
    view.description = total ? plural.documents(annotations.documents().length) : undefined;
  };
  return {
    provider,
    disposable: vscode.Disposable.from(
      provider,
      view,
      annotations.onDidChange(() => (timer ??= setTimeout(() => ((timer = undefined), update(), provider.refresh()), 100))),
      { dispose: () => clearTimeout(timer) },
      vscode.commands.registerCommand('corpusLens.reattachAnnotation', (element?: TagElement) => reattach(annotations, element)),
      vscode.commands.registerCommand('corpusLens.openAnnotation', async (doc: string, id: string) => {
        const a = annotations.annotations(doc).find((x) => x.id === id);
        const editor = await vscode.window.showTextDocument(vscode.Uri.parse(doc), { preview: true });
        if (!a) return;
        const range = new vscode.Range(editor.document.positionAt(a.target.start), editor.document.positionAt(a.target.end));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }),
    ),
  };
}

/**
 * Re-attach to Selection: puts an orphaned annotation on the passage selected in its document (the
 * analyst found where it went). From the Tags view's context menu on an orphan, or from the palette
 * for an orphan of the active editor's document. Undoable like any annotation change.
 */
async function reattach(annotations: AnnotationService, element?: TagElement): Promise<boolean> {
  let doc: string;
  let id: string;
  if (element?.kind === 'passage') {
    doc = element.doc;
    id = element.annotation.id;
  } else {
    const active = vscode.window.activeTextEditor;
    if (!active) return false;
    doc = active.document.uri.toString();
    const orphans = annotations.annotations(doc).filter((a) => a.status === 'orphaned');
    if (!orphans.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('This document has no orphaned annotation.'));
      return false;
    }
    const picked =
      orphans.length === 1
        ? orphans[0]
        : (await vscode.window.showQuickPick(orphans.map((a) => ({ label: a.target.exact.replace(/\s+/g, ' ').slice(0, 80), description: a.tags.join(', '), a })), { title: vscode.l10n.t('Re-attach which orphaned annotation?') }))?.a;
    if (!picked) return false;
    id = picked.id;
  }
  const editor = vscode.window.activeTextEditor?.document.uri.toString() === doc ? vscode.window.activeTextEditor : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc);
  if (!editor || editor.selection.isEmpty) {
    await vscode.window.showTextDocument(vscode.Uri.parse(doc), { preview: false });
    void vscode.window.showInformationMessage(vscode.l10n.t('Select the passage to attach the annotation to, then choose Re-attach to Selection again.'));
    return false;
  }
  return annotations.reattach(doc, id, editor);
}
