import * as vscode from 'vscode';
import { PANEL_TYPES } from '../corpusViews/ids';
import { PlaceCoordinates, type CoordinateTable } from '../../core/analysis/coordinates';
import { isIsoDate } from '../../core/analysis/dates';
import { placeCounts, placeTable } from '../../core/analysis/places';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { PicturePanel, type PictureMessage } from '../../vscode/picturePanel';
import { exportTable, fileLabel, revealSpan } from '../../vscode/webviewPanel';
import type { MapFromHost, MapSettings } from '../../webviews/map/protocol';

export const MAP_PANEL = PANEL_TYPES.map;

/**
 * The Map: the corpus's places with their mention counts on a world outline; coordinates from the
 * gazetteer (read from dist/coordinates.json when the map first opens); click a place for its
 * documents; filter by date range and entity.
 */
export class MapPanel extends PicturePanel<MapSettings> {
  private coordinates: Promise<PlaceCoordinates> | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly indexer: CorpusIndexer,
  ) {
    super(extensionUri, indexer.index, MAP_PANEL, 'map', vscode.l10n.t('Map'), {});
  }

  /** The gazetteer's coordinates, read once. */
  locator(): Promise<PlaceCoordinates> {
    return (this.coordinates ??= (async () => {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'coordinates.json'));
      return new PlaceCoordinates(JSON.parse(new TextDecoder().decode(bytes)) as CoordinateTable);
    })());
  }

  protected async data(): Promise<MapFromHost> {
    const s = this.settings;
    const base = { type: 'data' as const, settings: s, entityName: s.entity ? this.index.entity(s.entity)?.name : undefined, indexing: this.indexer.state.indexing };
    let locate: PlaceCoordinates;
    try {
      locate = await this.locator();
    } catch (e) {
      this.coordinates = undefined;
      return { ...base, places: [], error: vscode.l10n.t('The gazetteer’s coordinates could not be read: {0}', e instanceof Error ? e.message : String(e)) };
    }
    const places = placeCounts(this.index, s).map((p) => {
      const at = locate.locate([p.name, ...p.aliases]);
      return {
        entity: p.entity,
        name: p.name,
        mentions: p.mentions,
        at: at && ([at[0], at[1]] as [number, number]),
        documents: p.documents.map((d) => ({ doc: d.doc, mentions: d.mentions, file: fileLabel(d.doc), date: this.index.scan(d.doc)?.documentDate()?.value })),
      };
    });
    return { ...base, places };
  }

  protected async handle(m: PictureMessage): Promise<void> {
    if (m.type === 'filter') {
      const f = m.settings as MapSettings;
      const date = (v: unknown) => (typeof v === 'string' && isIsoDate(v.trim()) ? v.trim() : undefined);
      this.settings = { from: date(f.from), to: date(f.to), entity: typeof f.entity === 'string' && f.entity ? f.entity : undefined };
      await this.send();
    } else if (m.type === 'pickEntity') {
      const index = this.index;
      const items = index
        .entities()
        .filter((e) => e.type !== 'date')
        .map((e) => ({ label: e.name, description: `${index.kindOf(e.id) ?? e.type} · ${vscode.l10n.t('{0} files', index.stats(e.id).documents)}`, id: e.id, n: index.stats(e.id).documents }))
        .sort((a, b) => b.n - a.n);
      const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Places in the documents that mention…') });
      if (!pick) return;
      this.settings = { ...this.settings, entity: pick.id };
      await this.send();
    } else if (m.type === 'openPlace' && typeof m.doc === 'string' && typeof m.entity === 'string') {
      // The document, at the place's first mention there.
      const first = this.index.references(m.entity).find((r) => r.doc === m.doc);
      await revealSpan(this.index, m.doc, first?.mention.start, first?.mention.end);
    }
  }

  async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const locate = await this.locator();
    return exportTable(placeTable(placeCounts(this.index, this.settings), (p) => locate.locate([p.name, ...p.aliases])), 'places', target);
  }
}

export function registerMap(extensionUri: vscode.Uri, indexer: CorpusIndexer): { panel: MapPanel; disposable: vscode.Disposable } {
  const panel = new MapPanel(extensionUri, indexer);
  return {
    panel,
    disposable: vscode.Disposable.from(
      panel,
      vscode.commands.registerCommand('corpusLens.showMap', (arg?: MapSettings | { kind: string; entity?: { id: string } }) => {
        const settings = arg && 'kind' in arg ? { entity: arg.entity?.id } : arg;
        panel.show(settings);
      }),
      vscode.commands.registerCommand('corpusLens.map.export', (target?: vscode.Uri) => panel.export(target)),
    ),
  };
}
