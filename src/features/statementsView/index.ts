import * as vscode from 'vscode';
import { isEmptyFilter, statementTable, type StatementFilter, type StatementGrouping } from '../../core/analysis/statements';
import { isIsoDate } from '../../core/analysis/dates';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import type { StatementsService } from '../../vscode/statementsService';
import { exportTable, fileLabel, revealSpan } from '../../vscode/webviewPanel';
import { StatementsProvider, type StatementElement } from './statementsProvider';

/**
 * The Statements view, its grouping, filters, Export… and Show on Timeline. `view` is the tree view
 * made at activation (see registerCorpusViews): the provider made here answers it from now on.
 */
export function registerStatementsView(view: vscode.TreeView<StatementElement>, provide: (provider: StatementsProvider) => void, indexer: CorpusIndexer, statements: StatementsService, annotations: AnnotationService): { provider: StatementsProvider; disposable: vscode.Disposable } {
  const index = indexer.index;
  const provider = new StatementsProvider(index, statements, annotations);
  provide(provider);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const describe = () => {
    const f = provider.filter;
    const parts: string[] = [vscode.l10n.t('by {0}', provider.grouping)];
    if (f.speakers?.length) parts.push(f.speakers.map((id) => (id ? (index.entity(id)?.name ?? id) : vscode.l10n.t('unattributed'))).join(', '));
    if (f.entity) parts.push(vscode.l10n.t('with {0}', index.entity(f.entity)?.name ?? f.entity));
    if (f.tag) parts.push(`#${f.tag}`);
    if (f.from || f.to) parts.push(`${f.from ?? '…'}–${f.to ?? '…'}`);
    if (f.text) parts.push(`“${f.text}”`);
    view.description = parts.join(' · ');
    void vscode.commands.executeCommand('setContext', 'corpusLens.statementsFiltered', Object.values(f).some((v) => (Array.isArray(v) ? v.length : v)));
  };
  // Said once the groups are known (a filter may wait for the statements to be built).
  provider.onDidComputeGroups = (groups) => {
    view.message = groups.length === 0 && index.size > 0 && !isEmptyFilter(provider.filter) ? vscode.l10n.t('No statement matches the filter.') : undefined;
  };
  const refresh = (options?: { keepPages?: boolean }) => {
    provider.refresh(options);
    describe();
  };
  // The statements are built the first time the view is shown, not at activation. Shown again, the
  // groups the store kept up to date meanwhile are shown as they are (unless the tags they were
  // filtered by may have changed while hidden).
  const start = () => {
    if (view.visible) refresh({ keepPages: !provider.filter.tag });
  };

  const setFilter = (f: StatementFilter) => {
    provider.filter = f;
    refresh();
  };

  const pickEntity = async (title: string, speakersOnly: boolean) => {
    // The index counts every entity's quotations: the statements need not be built to pick a speaker.
    const counts = new Map<string, number>();
    for (const e of index.entities()) {
      const quotes = index.stats(e.id).quotes;
      if (quotes) counts.set(e.id, quotes);
    }
    const entities = speakersOnly ? [...counts.keys()].map((id) => index.entity(id)).filter((e) => e !== undefined) : index.entities().filter((e) => e.type !== 'date');
    const items = entities
      .map((e) => ({ label: e.name, description: speakersOnly ? vscode.l10n.t('{0} statements', counts.get(e.id) ?? 0) : e.type, detail: e.aliases.length ? e.aliases.join(', ') : undefined, id: e.id, n: counts.get(e.id) ?? 0 }))
      .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
    if (speakersOnly) items.push({ label: vscode.l10n.t('Unattributed'), description: '', detail: undefined, id: '', n: 0 });
    return vscode.window.showQuickPick(items, { title, matchOnDetail: true, canPickMany: speakersOnly }) as Promise<typeof items | (typeof items)[number] | undefined>;
  };

  const filterCommand = async (arg?: StatementFilter) => {
    if (arg && typeof arg === 'object' && !('kind' in arg)) return setFilter({ ...provider.filter, ...arg });
    const choice = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Speaker…'), what: 'speaker' as const },
        { label: vscode.l10n.t('Entity mentioned…'), what: 'entity' as const },
        { label: vscode.l10n.t('Tag…'), what: 'tag' as const },
        { label: vscode.l10n.t('Date range…'), what: 'dates' as const },
        { label: vscode.l10n.t('Text…'), what: 'text' as const },
      ],
      { title: vscode.l10n.t('Filter statements by') },
    );
    if (!choice) return;
    const f = { ...provider.filter };
    if (choice.what === 'speaker') {
      const picks = (await pickEntity(vscode.l10n.t('Statements by…'), true)) as { id: string }[] | undefined;
      if (!picks) return;
      f.speakers = picks.map((p) => p.id);
    } else if (choice.what === 'entity') {
      const pick = (await pickEntity(vscode.l10n.t('Statements whose paragraph mentions…'), false)) as { id: string } | undefined;
      if (!pick) return;
      f.entity = pick.id;
    } else if (choice.what === 'tag') {
      const tag = await vscode.window.showQuickPick(annotations.tagNames(), { title: vscode.l10n.t('Statements in passages tagged…') });
      if (tag === undefined) return;
      f.tag = tag;
    } else if (choice.what === 'dates') {
      const ask = (title: string, value: string | undefined) =>
        vscode.window.showInputBox({ title, value: value ?? '', prompt: vscode.l10n.t('YYYY-MM-DD, YYYY-MM or YYYY; empty for no limit'), validateInput: (v) => (!v.trim() || isIsoDate(v.trim()) ? undefined : vscode.l10n.t('Use YYYY-MM-DD, YYYY-MM or YYYY')) });
      const from = await ask(vscode.l10n.t('Statements from'), f.from);
      if (from === undefined) return;
      const to = await ask(vscode.l10n.t('Statements until'), f.to);
      if (to === undefined) return;
      f.from = from.trim() || undefined;
      f.to = to.trim() || undefined;
    } else {
      const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Statements containing'), value: f.text ?? '', prompt: vscode.l10n.t('Words of the quotation; empty for any') });
      if (text === undefined) return;
      f.text = text.trim() || undefined;
    }
    setFilter(f);
  };

  describe();
  return {
    provider,
    disposable: vscode.Disposable.from(
      provider,
      view.onDidChangeVisibility(start),
      statements.onDidChange(() => {
        if (!view.visible) return;
        clearTimeout(timer);
        timer = setTimeout(() => refresh({ keepPages: true }), 200);
      }),
      annotations.onDidChange(() => provider.filter.tag && view.visible && refresh()),
      { dispose: () => clearTimeout(timer) },
      vscode.commands.registerCommand('corpusLens.statements.reveal', async (doc: string, start: number, end: number) => {
        await revealSpan(index, doc, start, end);
      }),
      vscode.commands.registerCommand('corpusLens.statements.showMore', (key: string) => provider.showMore(key)),
      vscode.commands.registerCommand('corpusLens.statements.groupBy', async (by?: StatementGrouping) => {
        by ??= (
          await vscode.window.showQuickPick(
            [
              { label: vscode.l10n.t('By speaker'), by: 'speaker' as const },
              { label: vscode.l10n.t('By document'), by: 'document' as const },
              { label: vscode.l10n.t('By month'), by: 'month' as const },
            ],
            { title: vscode.l10n.t('Group statements') },
          )
        )?.by;
        if (!by) return;
        provider.grouping = by;
        refresh();
      }),
      vscode.commands.registerCommand('corpusLens.statements.filter', filterCommand),
      vscode.commands.registerCommand('corpusLens.statements.clearFilter', () => setFilter({})),
      vscode.commands.registerCommand('corpusLens.statements.export', async (target?: vscode.Uri) => {
        await statements.whenComplete();
        provider.refresh();
        const table = statementTable(provider.filtered(), { file: fileLabel, words: (s) => statements.words(s), entity: (id) => index.entity(id) });
        return exportTable(table, 'statements', target instanceof vscode.Uri ? target : undefined);
      }),
      vscode.commands.registerCommand('corpusLens.statements.showOnTimeline', (element?: StatementElement) => {
        const speaker = element?.kind === 'group' && element.grouping === 'speaker' ? element.group.key : element?.kind === 'statement' ? element.statement.speaker : undefined;
        return vscode.commands.executeCommand('corpusLens.showTimeline', speaker ? [speaker] : undefined);
      }),
    ),
  };
}
