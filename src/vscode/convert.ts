import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';

/** The one place offsets become VS Code positions. Open documents convert with their own text. */
export function rangeOf(index: CorpusIndex, doc: string, start: number, end: number): vscode.Range | undefined {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
  if (open) return new vscode.Range(open.positionAt(start), open.positionAt(end));
  const s = index.positionOf(doc, start);
  const e = index.positionOf(doc, end);
  return s && e ? new vscode.Range(s.line, s.character, e.line, e.character) : undefined;
}

export function locationOf(index: CorpusIndex, doc: string, start: number, end: number): vscode.Location | undefined {
  const range = rangeOf(index, doc, start, end);
  return range && new vscode.Location(vscode.Uri.parse(doc), range);
}

export const MENTION_LABELS = {
  speaker: vscode.l10n.t('Speaker'),
  person: vscode.l10n.t('Person'),
  organization: vscode.l10n.t('Organisation'),
  place: vscode.l10n.t('Place'),
  date: vscode.l10n.t('Date'),
} as const;

export const MENTION_ICONS = {
  speaker: 'comment-discussion',
  person: 'person',
  organization: 'organization',
  place: 'location',
  date: 'calendar',
} as const;
