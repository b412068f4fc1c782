import * as vscode from 'vscode';
import { buildFolderTree, type FolderNode, type TreeNode } from '../../core/corpus/folderTree';
import { relativePath, type CorpusFiles, type CorpusRoot } from '../../vscode/corpusFiles';
import { plural } from '../../vscode/plural';

/** An element of the Corpus view: a corpus root (shown only when there are several), a folder or a document. */
export type CorpusElement =
  | { kind: 'root'; root: CorpusRoot; node: FolderNode }
  | { kind: 'folder'; root: CorpusRoot; node: FolderNode }
  | { kind: 'document'; root: CorpusRoot; uri: vscode.Uri; path: string };

/** Extra text for a document's line in the view (counts, date), supplied by whoever knows it. */
export interface DocumentDescriber {
  describe(uri: vscode.Uri): { description?: string; tooltip?: vscode.MarkdownString | string } | undefined;
  readonly onDidChange?: vscode.Event<vscode.Uri[] | undefined>;
}

export class CorpusTreeProvider implements vscode.TreeDataProvider<CorpusElement> {
  private readonly changeEmitter = new vscode.EventEmitter<CorpusElement | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private trees = new Map<CorpusRoot, FolderNode>();
  private describer: DocumentDescriber | undefined;

  constructor(private readonly files: CorpusFiles) {}

  private readonly documentElements = new Map<string, CorpusElement & { kind: 'document' }>();
  private describerSubscription: vscode.Disposable | undefined;

  setDescriber(describer: DocumentDescriber | undefined): void {
    this.describer = describer;
    this.describerSubscription?.dispose();
    // Redraw only the documents whose description changed.
    this.describerSubscription = describer?.onDidChange?.((uris) => {
      if (!uris) return this.refresh();
      for (const uri of uris) {
        const element = this.documentElements.get(uri.toString());
        if (element) this.changeEmitter.fire(element);
      }
    });
    this.refresh();
  }

  /** Drops the cached folder trees and redraws. */
  refresh(): void {
    this.trees.clear();
    this.documentElements.clear();
    this.changeEmitter.fire(undefined);
  }

  private treeOf(root: CorpusRoot): FolderNode {
    let tree = this.trees.get(root);
    if (!tree) {
      tree = buildFolderTree([...root.documents.values()].map((u) => relativePath(root.folder.uri, u)!).filter(Boolean));
      this.trees.set(root, tree);
    }
    return tree;
  }

  async getChildren(element?: CorpusElement): Promise<CorpusElement[]> {
    if (!element) {
      await this.files.ready();
      const roots = this.files.getRoots().filter((r) => r.documents.size > 0);
      if (roots.length === 1) return this.childrenOf(roots[0], this.treeOf(roots[0]));
      return roots.map((root) => ({ kind: 'root', root, node: this.treeOf(root) }));
    }
    return element.kind === 'document' ? [] : this.childrenOf(element.root, element.node);
  }

  private childrenOf(root: CorpusRoot, node: FolderNode): CorpusElement[] {
    return node.children.map((child: TreeNode): CorpusElement =>
      child.kind === 'folder'
        ? { kind: 'folder', root, node: child }
        : this.documentElement(root, child.path),
    );
  }

  private documentElement(root: CorpusRoot, path: string): CorpusElement & { kind: 'document' } {
    const uri = vscode.Uri.joinPath(root.folder.uri, path);
    let element = this.documentElements.get(uri.toString());
    if (!element) this.documentElements.set(uri.toString(), (element = { kind: 'document', root, path, uri }));
    return element;
  }

  getTreeItem(element: CorpusElement): vscode.TreeItem {
    if (element.kind === 'document') {
      const item = new vscode.TreeItem(element.uri, vscode.TreeItemCollapsibleState.None);
      item.id = element.uri.toString();
      item.contextValue = 'corpusDocument';
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [element.uri] };
      const extra = this.describer?.describe(element.uri);
      item.description = extra?.description;
      item.tooltip = extra?.tooltip ?? element.path;
      return item;
    }
    const uri = element.kind === 'root' ? element.root.folder.uri : vscode.Uri.joinPath(element.root.folder.uri, element.node.path);
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Expanded);
    item.id = uri.toString();
    item.contextValue = element.kind === 'root' ? 'corpusRoot' : 'corpusFolder';
    if (element.kind === 'root') item.label = element.root.folder.name;
    item.description = plural.documents(countFiles(element.node));
    return item;
  }

  getParent(element: CorpusElement): CorpusElement | undefined {
    const path = element.kind === 'document' ? element.path : element.node.path;
    if (element.kind === 'root') return undefined;
    const slash = path.lastIndexOf('/');
    const parentPath = slash < 0 ? '' : path.slice(0, slash);
    const tree = this.treeOf(element.root);
    if (parentPath === '') {
      return this.files.getRoots().filter((r) => r.documents.size > 0).length > 1 ? { kind: 'root', root: element.root, node: tree } : undefined;
    }
    let node: FolderNode = tree;
    for (const part of parentPath.split('/')) {
      const next = node.children.find((c): c is FolderNode => c.kind === 'folder' && c.name === part);
      if (!next) return undefined;
      node = next;
    }
    return { kind: 'folder', root: element.root, node };
  }

  dispose(): void {
    this.describerSubscription?.dispose();
    this.changeEmitter.dispose();
  }
}

function countFiles(node: FolderNode): number {
  let n = 0;
  for (const c of node.children) n += c.kind === 'file' ? 1 : countFiles(c);
  return n;
}
