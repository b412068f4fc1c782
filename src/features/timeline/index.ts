import * as vscode from 'vscode';
import { PANEL_TYPES } from '../corpusViews/ids';
import { defaultLanes, timelineData, timelineTable } from '../../core/analysis/timeline';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { PicturePanel, type PictureMessage } from '../../vscode/picturePanel';
import type { StatementsService } from '../../vscode/statementsService';
import { exportTable, fileLabel } from '../../vscode/webviewPanel';
import type { TimelineFromHost, TimelineSettings } from '../../webviews/timeline/protocol';

export const TIMELINE_PANEL = PANEL_TYPES.timeline;

/** Quotations' words sent to the page are cut here (the hover shows them). */
const WORDS = 400;

/**
 * The Timeline: documents and statements on a time axis, one lane per entity (default: the most
 * quoted speakers); hover for the words, click to open, zoom and pan. Dates are the index's, so the
 * analyst's corrected dates win.
 */
export class TimelinePanel extends PicturePanel<TimelineSettings> {
  constructor(
    extensionUri: vscode.Uri,
    private readonly indexer: CorpusIndexer,
    private readonly statements: StatementsService,
  ) {
    super(extensionUri, indexer.index, TIMELINE_PANEL, 'timeline', vscode.l10n.t('Timeline'), { lanes: [] });
  }

  protected async data(): Promise<TimelineFromHost> {
    const list = this.statements.list();
    const data = timelineData(this.index, list, { lanes: this.settings.lanes });
    const lanes = data.lanes.map((l) => ({
      ...l,
      documents: l.documents.map((d) => ({ ...d, file: fileLabel(d.doc) })),
      statements: l.statements.map((s) => {
        const words = this.statements.wordsAt(s.doc, s.start);
        return { ...s, file: fileLabel(s.doc), words: words && words.length > WORDS ? `${words.slice(0, WORDS - 1)}…` : words };
      }),
    }));
    return { type: 'data', lanes, extent: data.extent, undated: data.undated, settings: this.settings, indexing: this.indexer.state.indexing };
  }

  protected async handle(m: PictureMessage): Promise<void> {
    if (m.type === 'resetLanes') {
      this.settings = { lanes: [] };
      await this.send();
    } else if (m.type === 'pickLanes') {
      const lanes = await this.pickLanes();
      if (!lanes) return;
      this.settings = { lanes };
      await this.send();
    }
  }

  private async pickLanes(): Promise<string[] | undefined> {
    const index = this.index;
    const list = this.statements.list();
    const current = new Set(this.settings.lanes.length ? this.settings.lanes : defaultLanes(list));
    const quotes = new Map<string, number>();
    for (const s of list) if (s.speaker) quotes.set(s.speaker, (quotes.get(s.speaker) ?? 0) + 1);
    const items = index
      .entities()
      .filter((e) => e.type !== 'date')
      .map((e) => ({ label: e.name, description: `${index.kindOf(e.id) ?? e.type} · ${vscode.l10n.t('{0} statements', quotes.get(e.id) ?? 0)} · ${vscode.l10n.t('{0} files', index.stats(e.id).documents)}`, id: e.id, picked: current.has(e.id), q: quotes.get(e.id) ?? 0, n: index.stats(e.id).mentions }))
      .sort((a, b) => Number(b.picked) - Number(a.picked) || b.q - a.q || b.n - a.n)
      .slice(0, 500);
    const picks = await vscode.window.showQuickPick(items, { canPickMany: true, title: vscode.l10n.t('Timeline lanes'), placeHolder: vscode.l10n.t('One lane per entity picked') });
    return picks?.map((p) => p.id);
  }

  async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    await this.statements.whenComplete();
    const data = timelineData(this.index, this.statements.list(), { lanes: this.settings.lanes });
    return exportTable(timelineTable(data, { file: fileLabel, words: (doc, start) => this.statements.wordsAt(doc, start) }), 'timeline', target);
  }
}

export function registerTimeline(extensionUri: vscode.Uri, indexer: CorpusIndexer, statements: StatementsService): { panel: TimelinePanel; disposable: vscode.Disposable } {
  const panel = new TimelinePanel(extensionUri, indexer, statements);
  return {
    panel,
    disposable: vscode.Disposable.from(
      panel,
      // Words and statement dates arrive from the text worker after the first drawing.
      statements.onDidChange(() => panel.visible && void panel.send()),
      // From the Entities view (an entity element), the Statements view (ids), or the palette (nothing).
      vscode.commands.registerCommand('corpusLens.showTimeline', (arg?: string[] | { kind: string; entity?: { id: string } }) => {
        const lanes = Array.isArray(arg) ? arg : arg && typeof arg === 'object' && arg.entity ? [arg.entity.id] : undefined;
        panel.show(lanes ? { lanes } : undefined);
      }),
      vscode.commands.registerCommand('corpusLens.timeline.export', (target?: vscode.Uri) => panel.export(target)),
    ),
  };
}
