import * as vscode from 'vscode';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import type { StatementElement } from '../statementsView/statementsProvider';
import { PANEL_TYPES, STATEMENTS_VIEW, VIEW_COMMANDS } from './ids';
import type { CorpusViews } from './views';

/**
 * The corpus views (Statements, Concordance, Timeline, Map, Network) as activation sees them: their
 * tree view, commands and panel serializers are registered, and none of their code runs. The first
 * use — the Statements view shown, one of their commands, a panel restored after a reload — loads
 * them ({@link CorpusViews}); `views()` loads them too.
 */
export function registerCorpusViews(extensionUri: vscode.Uri, indexer: CorpusIndexer, annotations: AnnotationService): { views(): CorpusViews; disposable: vscode.Disposable } {
  let views: CorpusViews | undefined;
  const provider = new DeferredTreeProvider<StatementElement>(() => load());
  const statementsView = vscode.window.createTreeView(STATEMENTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  // Until loaded, each command loads the views (which register the real command) and runs again.
  const shims = VIEW_COMMANDS.map((id) =>
    vscode.commands.registerCommand(id, (...args: unknown[]) => {
      load();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  const load = (): CorpusViews => {
    if (views) return views;
    shims.splice(0).forEach((d) => d.dispose());
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- required here, not imported: the bundle runs the views' code only now
    const { loadCorpusViews } = require('./views') as typeof import('./views');
    views = loadCorpusViews({ extensionUri, indexer, annotations, statementsView, provideStatements: (p) => provider.provide(p) });
    return views;
  };
  // Panels open when the window closed come back after a reload, with the state their pages kept.
  const serializers = (Object.keys(PANEL_TYPES) as (keyof typeof PANEL_TYPES)[]).map((kind) =>
    vscode.window.registerWebviewPanelSerializer(PANEL_TYPES[kind], {
      deserializeWebviewPanel: (panel, state) => load().pictures[kind].deserializeWebviewPanel(panel, state),
    }),
  );
  return {
    views: load,
    disposable: {
      dispose: () => {
        views?.disposable.dispose();
        shims.forEach((d) => d.dispose());
        serializers.forEach((d) => d.dispose());
        statementsView.dispose();
        provider.dispose();
      },
    },
  };
}

/** A tree data provider that stands in for one loaded on first use: the tree asks, it loads, then passes everything on. */
class DeferredTreeProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private target: vscode.TreeDataProvider<T> | undefined;
  private sub: vscode.Disposable | undefined;
  private readonly emitter = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly load: () => void) {}

  provide(target: vscode.TreeDataProvider<T>): void {
    this.target = target;
    this.sub = target.onDidChangeTreeData?.((e) => this.emitter.fire(e));
  }

  private get real(): vscode.TreeDataProvider<T> {
    if (!this.target) this.load();
    return this.target!;
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.real.getChildren(element);
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.real.getTreeItem(element);
  }

  getParent(element: T): vscode.ProviderResult<T> {
    return this.real.getParent?.(element);
  }

  resolveTreeItem(item: vscode.TreeItem, element: T, token: vscode.CancellationToken): vscode.ProviderResult<vscode.TreeItem> {
    return this.real.resolveTreeItem ? this.real.resolveTreeItem(item, element, token) : item;
  }

  dispose(): void {
    this.sub?.dispose();
    this.emitter.dispose();
  }
}
