import * as vscode from 'vscode';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import type { DocumentDescriber } from './corpusTreeProvider';

/** Describes documents in the Corpus view with their counts, date and top entities, from the index. */
export function indexDescriber(indexer: CorpusIndexer, annotations: AnnotationService): DocumentDescriber & vscode.Disposable {
  const index = indexer.index;
  const emitter = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  const subs = [
    index.onDidChange(({ docs }) => emitter.fire(docs.map((d) => vscode.Uri.parse(d)))),
    annotations.onDidChange(({ docs }) => emitter.fire(docs.map((d) => vscode.Uri.parse(d)))),
  ];
  return {
    onDidChange: emitter.event,
    describe(uri) {
      const doc = uri.toString();
      const c = index.counts(doc);
      if (!c) return indexer.isTooLarge(uri) ? { description: vscode.l10n.t('too large to analyze') } : undefined;
      const date = index.resolved(doc)?.documentDate;
      const tagged = annotations.annotations(doc).filter((a) => a.tags.length).length;
      let description = vscode.l10n.t('{0} speakers · {1} organisations · {2} places · {3} dates', c.speakers, c.organizations, c.places, c.dates);
      if (tagged) description += ` · ${vscode.l10n.t('{0} tagged', tagged)}`;
      const md = new vscode.MarkdownString(undefined, true);
      md.appendMarkdown(`**${vscode.workspace.asRelativePath(uri)}**\n\n`);
      md.appendMarkdown(
        date
          ? `${vscode.l10n.t('Date')}: ${date.value}${date.source === 'inferred' ? ` (${vscode.l10n.t('inferred from the text')})` : ` (${vscode.l10n.t('set by the analyst')})`}\n\n`
          : `${vscode.l10n.t('Date unknown')}\n\n`,
      );
      md.appendMarkdown(vscode.l10n.t('{0} speakers, {1} other persons, {2} organisations, {3} places, {4} dates, {5} quotations', c.speakers, c.persons, c.organizations, c.places, c.dates, c.quotes) + '\n\n');
      const top = new Map<string, number>();
      for (const m of index.resolved(doc)!.mentions) if (m.type !== 'date') top.set(m.entity, (top.get(m.entity) ?? 0) + 1);
      const best = [...top].sort((a, b) => b[1] - a[1]).slice(0, 5);
      if (best.length) md.appendMarkdown(`${vscode.l10n.t('Most mentioned')}: ${best.map(([id, n]) => `${index.entity(id)?.name ?? id} (${n})`).join(', ')}`);
      return { description, tooltip: md };
    },
    dispose() {
      subs.forEach((s) => s.dispose());
      emitter.dispose();
    },
  };
}
