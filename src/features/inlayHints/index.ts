import * as vscode from 'vscode';
import { dateValueLabel, describeDateValue } from '../../core/dates/dateValue';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { CORPUS_SELECTOR } from '../selector';

/** A speaker named within this many characters of the quotation needs no hint. */
const NEAR = 40;
/** A date that writes its year ("2011", "the 1990s", "the third quarter of 1998") needs no hint. */
const YEAR = /\d{4}/;

/**
 * Inline hints: after a quotation, its speaker's name when the attribution is not right next to it;
 * after a relative date, its normalized value. Each can be turned off in the settings.
 */
export function registerInlayHints(indexer: CorpusIndexer): vscode.Disposable {
  const index = indexer.index;
  const changed = new vscode.EventEmitter<void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const provider: vscode.InlayHintsProvider = {
    onDidChangeInlayHints: changed.event,
    provideInlayHints(document, range) {
      const config = vscode.workspace.getConfiguration('corpusLens.inlayHints', document.uri);
      const r = index.resolved(document.uri.toString());
      if (!r) return [];
      const from = document.offsetAt(range.start);
      const to = document.offsetAt(range.end);
      const text = document.getText();
      const hints: vscode.InlayHint[] = [];
      if (config.get<boolean>('speakers', true)) {
        for (const q of r.quotes) {
          if (q.end < from || q.end > to || !q.speaker || text[q.start] === undefined) continue;
          const near = r.mentions.some((m) => m.entity === q.speaker && ((m.start >= q.end && m.start - q.end <= NEAR) || (m.end <= q.start && q.start - m.end <= NEAR)));
          if (near) continue;
          const name = index.entity(q.speaker)?.name ?? vscode.l10n.t('unnamed source');
          const hint = new vscode.InlayHint(document.positionAt(q.end), `— ${name}`, vscode.InlayHintKind.Parameter);
          hint.paddingLeft = true;
          hint.tooltip = vscode.l10n.t('Quotation attributed to {0}', name);
          hints.push(hint);
        }
      }
      if (config.get<boolean>('dates', true)) {
        for (const m of r.mentions) {
          if (m.type !== 'date' || !m.value || m.end < from || m.end > to || YEAR.test(m.text)) continue;
          const hint = new vscode.InlayHint(document.positionAt(m.end), `= ${dateValueLabel(m.value)}`, vscode.InlayHintKind.Type);
          hint.paddingLeft = true;
          hint.tooltip = vscode.l10n.t('“{0}” resolved against the document’s date: {1} ({2})', m.text, describeDateValue(m.value), m.value);
          hints.push(hint);
        }
      }
      return hints;
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.languages.registerInlayHintsProvider(CORPUS_SELECTOR, provider),
    indexer.index.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => changed.fire(), 100);
    }) as vscode.Disposable,
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('corpusLens.inlayHints') && changed.fire()),
    { dispose: () => clearTimeout(timer) },
  );
}
