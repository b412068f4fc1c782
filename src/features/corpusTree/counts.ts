import * as vscode from 'vscode';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import type { DocumentDescriber } from './corpusTreeProvider';

/** Describes documents in the Corpus view with their counts, date and top entities, from the index. */
export function indexDescriber(indexer: CorpusIndexer): DocumentDescriber & vscode.Disposable {
  const index = indexer.index;
  const emitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  const sub = index.onDidChange(({ docs }) => emitter.fire(docs.map((d) => vscode.Uri.parse(d))));
  return {
    onDidChange: emitter.event,
    describe(uri) {
      const doc = uri.toString();
      const c = index.counts(doc);
      if (!c) return indexer.isTooLarge(uri) ? { description: vscode.l10n.t('too large to analyze') } : undefined;
      const date = index.resolved(doc)?.documentDate;
      const description = vscode.l10n.t('{0} speakers · {1} places · {2} dates', c.speakers, c.places, c.dates);
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${vscode.workspace.asRelativePath(uri)}**\n\n`);
      md.appendMarkdown(
        date
          ? `${vscode.l10n.t('Date')}: ${date.value}${date.source === 'inferred' ? ` (${vscode.l10n.t('inferred from the text')})` : ''}\n\n`
          : `${vscode.l10n.t('Date unknown')}\n\n`,
      );
      md.appendMarkdown(vscode.l10n.t('{0} speakers, {1} other persons, {2} places, {3} dates, {4} quotations', c.speakers, c.persons, c.places, c.dates, c.quotes) + '\n\n');
      const top = new Map<string, number>();
      for (const m of index.resolved(doc)!.mentions) if (m.type !== 'date') top.set(m.entity, (top.get(m.entity) ?? 0) + 1);
      const best = [...top].sort((a, b) => b[1] - a[1]).slice(0, 5);
      if (best.length) md.appendMarkdown(`${vscode.l10n.t('Most mentioned')}: ${best.map(([id, n]) => `${index.entity(id)?.name ?? id} (${n})`).join(', ')}`);
      return { description, tooltip: md };
    },
    dispose() {
      sub.dispose();
      emitter.dispose();
    },
  };
}
