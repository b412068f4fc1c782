import * as vscode from 'vscode';
import type { CorpusFiles } from '../../vscode/corpusFiles';
import { CorpusTreeProvider } from './corpusTreeProvider';

export const CORPUS_VIEW = 'corpusLens.corpus';

/** The Corpus view: the workspace's corpus documents by folder; redrawn when files come and go. */
export function registerCorpusTree(files: CorpusFiles): { provider: CorpusTreeProvider; view: vscode.TreeView<unknown>; disposable: vscode.Disposable } {
  const provider = new CorpusTreeProvider(files);
  const view = vscode.window.createTreeView(CORPUS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let pending: ReturnType<typeof setTimeout> | undefined;
  const disposable = vscode.Disposable.from(
    provider,
    view,
    // Coalesce bursts (a git checkout touching hundreds of files) into one redraw.
    files.onDidChange(() => {
      clearTimeout(pending);
      pending = setTimeout(() => provider.refresh(), 100);
    }),
    { dispose: () => clearTimeout(pending) },
    vscode.commands.registerCommand('corpusLens.refresh', () => files.reload()),
  );
  return { provider, view: view as vscode.TreeView<unknown>, disposable };
}
