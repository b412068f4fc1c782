import * as vscode from 'vscode';
import type { CorpusIndex } from '../../core/corpus/corpusIndex';
import { describeDateValue } from '../../core/dates/dateValue';
import type { Mention } from '../../core/model';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { MENTION_ICONS, MENTION_LABELS } from '../../vscode/convert';
import { mentionAt } from '../navigation/entityAt';
import { CORPUS_SELECTOR } from '../selector';
import { plural } from '../../vscode/plural';

const COMMANDS = ['corpusLens.showMentions', 'corpusLens.nextMention', 'corpusLens.revealEntity'];

const commandLink = (title: string, command: string, args: unknown[]) => `[${title}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;

/** The hover card of a mention: who/where/when, how often across the corpus, and where to go next. */
export function mentionCard(index: CorpusIndex, doc: string, m: Mention): vscode.MarkdownString {
  const entity = index.entity(m.entity);
  const stats = index.stats(m.entity);
  const here = index.resolved(doc)?.mentions.filter((x) => x.entity === m.entity).length ?? 0;
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: COMMANDS };
  md.appendMarkdown(`$(${MENTION_ICONS[m.type]}) **${escape(entity?.name ?? m.text)}** — ${MENTION_LABELS[m.type]}\n\n`);
  if (m.type === 'date') {
    const words = m.value ? describeDateValue(m.value) : undefined;
    md.appendMarkdown(m.value ? `${vscode.l10n.t('Date')}: \`${m.value}\`${words !== m.value ? ` — ${escape(words ?? '')}` : ''}\n\n` : `${vscode.l10n.t('Date not resolved: the document has no known date.')}\n\n`);
  }
  if (entity?.aliases.length) md.appendMarkdown(`${vscode.l10n.t('Also written')}: ${entity.aliases.map(escape).join(', ')}\n\n`);
  const parts = [
    vscode.l10n.t('{0} in this document', here),
    vscode.l10n.t('{0} in the corpus', stats.mentions),
    plural.files(stats.documents),
  ];
  if (m.type === 'speaker' || stats.quotes) parts.push(vscode.l10n.t('{0} quotations attributed', stats.quotes));
  md.appendMarkdown(parts.join(' · ') + '\n\n');
  md.appendMarkdown(
    [
      commandLink(vscode.l10n.t('Show all mentions'), 'corpusLens.showMentions', [m.entity]),
      commandLink(vscode.l10n.t('Next mention'), 'corpusLens.nextMention', []),
      commandLink(vscode.l10n.t('Reveal in Entities'), 'corpusLens.revealEntity', [m.entity]),
    ].join(' · '),
  );
  return md;
}

function escape(s: string): string {
  // Names are prose: only characters that would start Markdown formatting need escaping.
  return s.replace(/[\\`*_[\]<>|]/g, '\\$&');
}

export function registerHover(indexer: CorpusIndexer): vscode.Disposable {
  const index = indexer.index;
  return vscode.languages.registerHoverProvider(CORPUS_SELECTOR, {
    provideHover(document, position) {
      indexer.flush(document);
      const doc = document.uri.toString();
      const m = mentionAt(index, document, position);
      if (m) return new vscode.Hover(mentionCard(index, doc, m), new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)));
      const q = index.quoteAt(doc, document.offsetAt(position));
      if (!q) return undefined;
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: COMMANDS };
      const speaker = q.speaker ? index.entity(q.speaker) : undefined;
      if (speaker) {
        md.appendMarkdown(`$(quote) ${vscode.l10n.t('Quotation by')} **${escape(speaker.name)}**\n\n`);
        const stats = index.stats(speaker.id);
        md.appendMarkdown(`${vscode.l10n.t('{0} quotations attributed across the corpus', stats.quotes)} · ${commandLink(vscode.l10n.t('Show all mentions'), 'corpusLens.showMentions', [speaker.id])}`);
      } else md.appendMarkdown(q.speaker ? `$(quote) ${vscode.l10n.t('Quotation by an unnamed source')}` : `$(quote) ${vscode.l10n.t('Quotation with no speaker (a title, slogan or scare quote)')}`);
      return new vscode.Hover(md, new vscode.Range(document.positionAt(q.start), document.positionAt(q.end)));
    },
  });
}
