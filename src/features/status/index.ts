import * as vscode from 'vscode';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';

/** Status bar: indexing progress (click to stop), then the corpus' counts (click to show entities). */
export function registerStatus(indexer: CorpusIndexer): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('corpusLens.status', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Corpus Lens');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    timer = undefined;
    const s = indexer.state;
    if (s.indexing) {
      item.text = `$(sync~spin) ${vscode.l10n.t('Indexing {0}/{1}', s.done, s.total)}`;
      item.tooltip = vscode.l10n.t('Corpus Lens is reading the corpus. Click to stop.');
      item.command = 'corpusLens.cancelIndexing';
    } else {
      const index = indexer.index;
      // The Entities view's groups count the same way.
      const { speaker: speakers, organization: organizations, place: places } = index.kindCounts();
      item.text = `$(book) ${index.size} · $(comment-discussion) ${speakers} · $(organization) ${organizations} · $(location) ${places}`;
      item.tooltip = vscode.l10n.t('{0} documents, {1} speakers, {2} organisations, {3} places. Click to show the entities.', index.size, speakers, organizations, places);
      item.command = 'corpusLens.entities.focus';
    }
    item.show();
  };
  // Counting entities needs the corpus maps: coalesce bursts of changes into one update.
  const schedule = () => (timer ??= setTimeout(update, 300));
  update();
  return vscode.Disposable.from(
    item,
    indexer.onDidChangeState(() => (indexer.state.indexing ? update() : schedule())),
    indexer.index.onDidChange(() => !indexer.state.indexing && schedule()) as vscode.Disposable,
    vscode.commands.registerCommand('corpusLens.cancelIndexing', () => indexer.cancelIndexing()),
    { dispose: () => clearTimeout(timer) },
  );
}
