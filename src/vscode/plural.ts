import * as vscode from 'vscode';

/** "1 file" / "3 files", localized. */
export const plural = {
  mentions: (n: number) => (n === 1 ? vscode.l10n.t('1 mention') : vscode.l10n.t('{0} mentions', n)),
  files: (n: number) => (n === 1 ? vscode.l10n.t('1 file') : vscode.l10n.t('{0} files', n)),
  documents: (n: number) => (n === 1 ? vscode.l10n.t('1 document') : vscode.l10n.t('{0} documents', n)),
  quotations: (n: number) => (n === 1 ? vscode.l10n.t('1 quotation') : vscode.l10n.t('{0} quotations', n)),
};
