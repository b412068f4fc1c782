import * as vscode from 'vscode';
import type { MentionType } from '../../core/model';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { MENTION_LABELS } from '../../vscode/convert';
import { EntitiesProvider, GROUPS, type EntityElement, type EntitySort } from './entitiesProvider';

export const ENTITIES_VIEW = 'corpusLens.entities';

export function registerEntitiesView(indexer: CorpusIndexer): { provider: EntitiesProvider; view: vscode.TreeView<EntityElement>; disposable: vscode.Disposable } {
  const provider = new EntitiesProvider(indexer);
  const view = vscode.window.createTreeView(ENTITIES_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const describe = () => {
    const parts: string[] = [];
    if (provider.filterText) parts.push(`“${provider.filterText}”`);
    if (provider.filterTypes.size < GROUPS.length) parts.push([...provider.filterTypes].join(', '));
    parts.push(vscode.l10n.t('by {0}', provider.sort));
    view.description = parts.join(' · ');
    void vscode.commands.executeCommand('setContext', 'corpusLens.entitiesFiltered', provider.filterText !== '' || provider.filterTypes.size < GROUPS.length);
  };
  describe();
  const refresh = () => {
    describe();
    provider.refresh();
  };
  return {
    provider,
    view,
    disposable: vscode.Disposable.from(
      provider,
      view,
      // Entities change with every indexed batch: redraw at most a few times a second while indexing.
      indexer.index.onDidChange(() => (timer ??= setTimeout(() => ((timer = undefined), provider.refresh()), 400))) as vscode.Disposable,
      { dispose: () => clearTimeout(timer) },
      vscode.commands.registerCommand('corpusLens.filterEntities', async () => {
        const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Filter entities'), prompt: vscode.l10n.t('Part of a name or alias; empty to show all'), value: provider.filterText });
        if (text === undefined) return;
        provider.filterText = text.trim();
        refresh();
      }),
      vscode.commands.registerCommand('corpusLens.filterEntityTypes', async (types?: MentionType[]) => {
        if (!types) {
          const picks = await vscode.window.showQuickPick(
            GROUPS.map((g) => ({ label: MENTION_LABELS[g], type: g, picked: provider.filterTypes.has(g) })),
            { canPickMany: true, title: vscode.l10n.t('Show entity types') },
          );
          if (!picks) return;
          types = picks.map((p) => p.type);
        }
        provider.filterTypes = new Set(types.length ? types : GROUPS);
        refresh();
      }),
      vscode.commands.registerCommand('corpusLens.clearEntityFilter', () => {
        provider.filterText = '';
        provider.filterTypes = new Set(GROUPS);
        refresh();
      }),
      vscode.commands.registerCommand('corpusLens.sortEntities', async (sort?: EntitySort) => {
        if (!sort) {
          const pick = await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('By number of mentions'), sort: 'count' as const },
              { label: vscode.l10n.t('By name'), sort: 'name' as const },
              { label: vscode.l10n.t('By date'), sort: 'date' as const },
            ],
            { title: vscode.l10n.t('Sort entities') },
          );
          sort = pick?.sort;
        }
        if (!sort) return;
        provider.sort = sort;
        refresh();
      }),
      vscode.commands.registerCommand('corpusLens.revealEntity', async (id: string) => {
        const entity = indexer.index.entity(id);
        const group = indexer.index.kindOf(id);
        if (!entity || !group) return;
        if (!provider.filterTypes.has(group) || provider.filterText) {
          provider.filterText = '';
          provider.filterTypes = new Set(GROUPS);
          refresh();
        }
        await view.reveal({ kind: 'entity', group, entity }, { select: true, focus: true, expand: true });
      }),
    ),
  };
}
