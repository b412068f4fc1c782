import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { writeTable, type Table } from '../core/analysis/table';
import { rangeOf } from './convert';

/** The bundles esbuild writes for the webviews (dist/webviews/<name>.js and .css). */
export type WebviewBundle = 'concordance' | 'timeline' | 'map' | 'network';

/**
 * A webview's page: a strict Content-Security-Policy (no default source, scripts only with this
 * page's nonce, styles and images only from the extension), the bundle's stylesheet and script, and
 * nothing else; no network is reachable from it.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, bundle: WebviewBundle, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const base = vscode.Uri.joinPath(extensionUri, 'dist', 'webviews');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(base, `${bundle}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(base, `${bundle}.css`));
  const csp = [`default-src 'none'`, `style-src ${webview.cspSource}`, `img-src ${webview.cspSource} data:`, `font-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Options of every Corpus Lens webview panel: scripts on, resources only from dist/webviews. */
export function panelOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webviews')], enableFindWidget: true };
}

/** Opens a document with [start, end) selected and in view. */
export async function revealSpan(index: CorpusIndex, doc: string, start?: number, end?: number): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.parse(doc);
  const range = start === undefined ? undefined : rangeOf(index, doc, start, end ?? start);
  const editor = await vscode.window.showTextDocument(uri, { preview: true, viewColumn: vscode.ViewColumn.One, selection: range });
  if (range) editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** A document's name as the analyst sees it: its path relative to the workspace. */
export function fileLabel(doc: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(doc), false);
}

/**
 * Writes a table where the analyst says (or to `target`, for commands run by a keybinding or a
 * test): CSV, or JSON Lines when the file name ends in .jsonl. Returns the file written, or undefined
 * when the analyst cancelled.
 */
export async function exportTable(table: Table, suggestedName: string, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export'),
      defaultUri: folder && vscode.Uri.joinPath(folder, `${suggestedName}.csv`),
      filters: { [vscode.l10n.t('CSV')]: ['csv'], [vscode.l10n.t('JSON Lines')]: ['jsonl'] },
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(writeTable(table, uri.path)));
  if (!target) {
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} rows to {1}', table.rows.length, vscode.workspace.asRelativePath(uri)), open).then((a) => {
      if (a === open) void vscode.window.showTextDocument(uri);
    });
  }
  return uri;
}

/**
 * Runs `update` at most every `ms` while the index keeps changing (indexing), and once after the
 * last change; returns the subscription.
 */
export function onIndexSettled(index: CorpusIndex, update: () => void, ms = 500): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sub = index.onDidChange(() => {
    clearTimeout(timer);
    timer = setTimeout(update, ms);
  }) as vscode.Disposable;
  return { dispose: () => (clearTimeout(timer), sub.dispose()) };
}
