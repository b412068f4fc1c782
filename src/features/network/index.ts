import * as vscode from 'vscode';
import { PANEL_TYPES } from '../corpusViews/ids';
import { cooccurrenceNetwork, networkTable, NETWORK_TYPES } from '../../core/analysis/network';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { PicturePanel, type PictureMessage } from '../../vscode/picturePanel';
import { exportTable, revealSpan } from '../../vscode/webviewPanel';
import type { NetworkFromHost, NetworkSettings } from '../../webviews/network/protocol';

export const NETWORK_PANEL = PANEL_TYPES.network;

/** Entity types that are never actors of the network. */
const NOT_DRAWN = new Set(['date', 'source']);

/**
 * The Network: people, places and organisations linked when they are named in the same paragraph,
 * weighted by how often; filter by type and minimum weight; a node's references one click away.
 */
export class NetworkPanel extends PicturePanel<NetworkSettings> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly indexer: CorpusIndexer,
  ) {
    super(extensionUri, indexer.index, NETWORK_PANEL, 'network', vscode.l10n.t('Network'), { types: [...NETWORK_TYPES], minWeight: 1 });
  }

  protected data(): NetworkFromHost {
    const counts = new Map<string, number>();
    for (const e of this.index.entities()) if (!NOT_DRAWN.has(e.type)) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    const data = cooccurrenceNetwork(this.index, this.settings);
    const available = [...counts].map(([type, entities]) => ({ type, entities })).sort((a, b) => b.entities - a.entities);
    return { type: 'data', ...data, available, settings: this.settings, indexing: this.indexer.state.indexing };
  }

  protected async handle(m: PictureMessage): Promise<void> {
    if (m.type === 'filter') {
      const s = m.settings as NetworkSettings;
      this.settings = { types: Array.isArray(s.types) ? s.types.filter((t) => typeof t === 'string') : [...NETWORK_TYPES], minWeight: Math.max(1, Math.floor(Number(s.minWeight) || 1)) };
      await this.send();
    } else if (m.type === 'references' && typeof m.entity === 'string') {
      // Find All References peeks in an editor: open the first mention, then list them all there.
      const first = this.index.references(m.entity)[0];
      if (!first) return;
      await revealSpan(this.index, first.doc, first.mention.start, first.mention.end);
      await vscode.commands.executeCommand('corpusLens.showMentions', m.entity);
    }
  }

  async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    return exportTable(networkTable(cooccurrenceNetwork(this.index, this.settings)), 'network', target);
  }
}

export function registerNetwork(extensionUri: vscode.Uri, indexer: CorpusIndexer): { panel: NetworkPanel; disposable: vscode.Disposable } {
  const panel = new NetworkPanel(extensionUri, indexer);
  return {
    panel,
    disposable: vscode.Disposable.from(
      panel,
      vscode.commands.registerCommand('corpusLens.showNetwork', (settings?: Partial<NetworkSettings>) => panel.show(settings && 'minWeight' in settings ? settings : undefined)),
      vscode.commands.registerCommand('corpusLens.network.export', (target?: vscode.Uri) => panel.export(target)),
    ),
  };
}
