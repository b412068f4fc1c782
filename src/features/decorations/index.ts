import * as vscode from 'vscode';
import { MENTION_TYPES, type MentionType } from '../../core/model';
import type { CorpusFiles } from '../../vscode/corpusFiles';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { MENTION_LABELS } from '../../vscode/convert';

export type HighlightKind = MentionType | 'quotation';
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = [...MENTION_TYPES, 'quotation'];

/** Above this many ranges of one document, only what is on screen (plus a margin) is decorated. */
export const MAX_DECORATED_RANGES = 5_000;
const VISIBLE_MARGIN_LINES = 200;

function createType(kind: HighlightKind): vscode.TextEditorDecorationType {
  const color = (name: string) => new vscode.ThemeColor(`corpusLens.${kind}${name}`);
  if (kind === 'quotation') {
    return vscode.window.createTextEditorDecorationType({
      borderWidth: '0 0 1px 0',
      borderStyle: 'dashed',
      borderColor: color('Border'),
      overviewRulerColor: color('Ruler'),
      overviewRulerLane: vscode.OverviewRulerLane.Left,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    });
  }
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: color('Background'),
    border: '1px solid',
    borderColor: color('Border'),
    borderRadius: '3px',
    overviewRulerColor: color('Ruler'),
    overviewRulerLane: kind === 'date' ? vscode.OverviewRulerLane.Right : vscode.OverviewRulerLane.Center,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}

/**
 * Highlights mentions and quotations in every visible corpus editor: one decoration type per kind,
 * created once; all ranges of a kind set in one call; refreshed when the index changes a visible
 * document (typing included, debounced by the indexer), when editors become visible, and on scroll
 * for very large documents.
 */
export class MentionHighlighter implements vscode.Disposable {
  private readonly types = new Map<HighlightKind, vscode.TextEditorDecorationType>(HIGHLIGHT_KINDS.map((k) => [k, createType(k)]));
  private enabled = new Set<HighlightKind>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<vscode.TextEditor, ReturnType<typeof setTimeout>>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly files: CorpusFiles,
    private readonly indexer: CorpusIndexer,
  ) {
    this.readSettings();
    this.disposables.push(
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.isCapped(e.textEditor) && this.schedule(e.textEditor)),
      indexer.index.onDidChange(({ docs }) => {
        const changed = new Set(docs);
        for (const editor of vscode.window.visibleTextEditors) if (changed.has(editor.document.uri.toString())) this.schedule(editor);
      }) as vscode.Disposable,
      files.onDidChange(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('corpusLens.highlight')) {
          this.readSettings();
          this.refreshAll();
        }
      }),
    );
    this.refreshAll();
  }

  private readSettings(): void {
    const config = vscode.workspace.getConfiguration('corpusLens.highlight');
    this.enabled = new Set(HIGHLIGHT_KINDS.filter((k) => config.get<boolean>(k, true)));
  }

  isEnabled(kind: HighlightKind): boolean {
    return this.enabled.has(kind);
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.schedule(editor);
  }

  private schedule(editor: vscode.TextEditor): void {
    if (this.pending.has(editor)) return;
    this.pending.set(
      editor,
      setTimeout(() => {
        this.pending.delete(editor);
        this.apply(editor);
      }, 30),
    );
  }

  private isCapped(editor: vscode.TextEditor): boolean {
    const r = this.indexer.index.resolved(editor.document.uri.toString());
    return !!r && r.mentions.length + r.quotes.length > MAX_DECORATED_RANGES;
  }

  /** Sets every kind's ranges on one editor; returns how many ranges were set. */
  apply(editor: vscode.TextEditor): number {
    const doc = editor.document;
    const id = doc.uri.toString();
    const byKind = new Map<HighlightKind, vscode.Range[]>(HIGHLIGHT_KINDS.map((k) => [k, []]));
    const resolved = this.files.isCorpusDocument(doc.uri) ? this.indexer.index.resolved(id) : undefined;
    if (this.indexer.isTooLarge(doc.uri)) this.warnOnce(id, vscode.l10n.t('Corpus Lens: {0} is too large to analyze; it is not highlighted.', vscode.workspace.asRelativePath(doc.uri)));
    let total = 0;
    if (resolved) {
      const capped = resolved.mentions.length + resolved.quotes.length > MAX_DECORATED_RANGES;
      let from = 0;
      let to = Infinity;
      if (capped) {
        const visible = editor.visibleRanges;
        const first = visible[0]?.start.line ?? 0;
        const last = visible[visible.length - 1]?.end.line ?? 0;
        from = doc.offsetAt(new vscode.Position(Math.max(0, first - VISIBLE_MARGIN_LINES), 0));
        to = doc.offsetAt(new vscode.Position(Math.min(doc.lineCount - 1, last + VISIBLE_MARGIN_LINES), 0));
        this.warnOnce(id, vscode.l10n.t('Corpus Lens: {0} has many mentions; only the part on screen is highlighted.', vscode.workspace.asRelativePath(doc.uri)));
      }
      const length = doc.getText().length;
      for (const m of resolved.mentions) {
        if (m.end < from || m.start > to || m.end > length || !this.enabled.has(m.type)) continue;
        byKind.get(m.type)!.push(new vscode.Range(doc.positionAt(m.start), doc.positionAt(m.end)));
      }
      if (this.enabled.has('quotation')) {
        for (const q of resolved.quotes) {
          if (q.end < from || q.start > to || q.end > length) continue;
          byKind.get('quotation')!.push(new vscode.Range(doc.positionAt(q.start), doc.positionAt(q.end)));
        }
      }
    }
    for (const [kind, ranges] of byKind) {
      editor.setDecorations(this.types.get(kind)!, ranges);
      total += ranges.length;
    }
    return total;
  }

  private warnOnce(doc: string, message: string): void {
    if (this.warned.has(doc)) return;
    this.warned.add(doc);
    void vscode.window.showInformationMessage(message);
  }

  dispose(): void {
    this.pending.forEach(clearTimeout);
    this.disposables.forEach((d) => d.dispose());
    this.types.forEach((t) => t.dispose());
  }
}

export function registerDecorations(files: CorpusFiles, indexer: CorpusIndexer): { highlighter: MentionHighlighter; disposable: vscode.Disposable } {
  const highlighter = new MentionHighlighter(files, indexer);
  const toggle = vscode.commands.registerCommand('corpusLens.toggleHighlight', async (kind?: HighlightKind) => {
    const config = vscode.workspace.getConfiguration('corpusLens.highlight');
    if (kind && HIGHLIGHT_KINDS.includes(kind)) {
      await config.update(kind, !highlighter.isEnabled(kind), vscode.ConfigurationTarget.Global);
      return;
    }
    const picks = await vscode.window.showQuickPick(
      HIGHLIGHT_KINDS.map((k) => ({ label: k === 'quotation' ? vscode.l10n.t('Quotation') : MENTION_LABELS[k], highlight: k, picked: highlighter.isEnabled(k) })),
      { canPickMany: true, title: vscode.l10n.t('Highlight in corpus documents') },
    );
    if (!picks) return;
    const on = new Set(picks.map((p) => p.highlight));
    for (const k of HIGHLIGHT_KINDS) if (on.has(k) !== highlighter.isEnabled(k)) await config.update(k, on.has(k), vscode.ConfigurationTarget.Global);
  });
  return { highlighter, disposable: vscode.Disposable.from(highlighter, toggle) };
}
