import * as vscode from 'vscode';
import { PANEL_TYPES } from '../corpusViews/ids';
import { KWIC_COLUMNS, sortKwic, type ConcordanceQuery, type KwicLine } from '../../core/analysis/concordance';
import type { Row } from '../../core/analysis/table';
import { createAnnotation, type Annotation } from '../../core/annotations';
import { SearchError } from '../../node/corpusTexts';
import type { AnnotationService } from '../../vscode/annotationService';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import type { CorpusTextsService } from '../../vscode/corpusTextsService';
import { exportTable, fileLabel, panelOptions, revealSpan, webviewHtml } from '../../vscode/webviewPanel';
import type { ConcordanceFromHost, ConcordanceToHost, SearchRequest } from '../../webviews/concordance/protocol';

export const CONCORDANCE_PANEL = PANEL_TYPES.concordance;
/** Lines sent to the page at most; the export runs the search again for all of them. */
const SHOWN_LINES = 5_000;

/** What the Concordance answered last, for tests and the export. */
export interface ConcordanceResult {
  request: SearchRequest;
  lines: KwicLine[];
  matches: number;
  documents: number;
  ms: number;
  cancelled: boolean;
  error?: string;
}

/**
 * The Concordance: keyword-in-context lines for a word, a phrase, a regular expression or an
 * entity's mentions, over the whole corpus. The search runs in the text worker, streams its lines
 * to the page as it finds them and is cancelled by a new search or Stop; lines can be sorted, opened,
 * tagged in one step and exported.
 */
export class ConcordancePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private search: vscode.CancellationTokenSource | undefined;
  private readonly subs: vscode.Disposable[] = [];
  last: ConcordanceResult | undefined;
  private readonly doneEmitter = new vscode.EventEmitter<ConcordanceResult>();
  /** Fires when a search ends (found everything, was stopped, or failed). */
  readonly onDidFinish = this.doneEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly indexer: CorpusIndexer,
    private readonly texts: CorpusTextsService,
    private readonly annotations: AnnotationService,
  ) {}

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  /** Opens (or shows) the panel; with a request, runs it. */
  show(request?: SearchRequest): void {
    if (!this.panel) this.adopt(vscode.window.createWebviewPanel(CONCORDANCE_PANEL, vscode.l10n.t('Concordance'), vscode.ViewColumn.Active, { ...panelOptions(this.extensionUri), retainContextWhenHidden: false }));
    else this.panel.reveal();
    if (request) this.post({ type: 'run', request });
  }

  /**
   * Takes over a Concordance panel that VS Code brings back after a window reload: its page loads
   * again with the state it kept (the query, the sort) and runs its last search again.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, _state: unknown): Promise<void> {
    if (this.panel) {
      panel.dispose();
      return;
    }
    panel.webview.options = panelOptions(this.extensionUri);
    this.adopt(panel);
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, 'concordance', vscode.l10n.t('Concordance'));
    this.subs.push(
      panel.webview.onDidReceiveMessage((m: ConcordanceToHost) => this.receive(m)),
      // Hidden, the page is unloaded (its state kept with setState); shown again, it says ready anew.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => {
        this.search?.cancel();
        this.panel = undefined;
        this.ready = false;
        this.queued = [];
        this.subs.splice(0).forEach((d) => d.dispose());
      }),
    );
    // Start reading the texts while the analyst types the first query.
    void this.texts.get().load();
  }

  private ready = false;
  private queued: ConcordanceFromHost[] = [];

  /** Messages wait until the page said it listens. */
  private post(m: ConcordanceFromHost): void {
    if (!this.panel) return;
    if (!this.ready) this.queued.push(m);
    else void this.panel.webview.postMessage(m);
  }

  private async receive(m: ConcordanceToHost): Promise<void> {
    switch (m.type) {
      case 'ready':
        this.ready = true;
        for (const q of this.queued.splice(0)) void this.panel?.webview.postMessage(q);
        return;
      case 'search':
        return void (await this.run(m.request));
      case 'stop':
        this.search?.cancel();
        return;
      case 'open':
        await revealSpan(this.indexer.index, m.doc, m.start, m.end);
        return;
      case 'pickEntity': {
        const entity = await this.pickEntity(m.text);
        if (entity) this.post({ type: 'run', request: { mode: 'entity', pattern: entity.name, entity: entity.id } });
        return;
      }
      case 'tag':
        await this.tagLines(m.lines);
        return;
      case 'export':
        await this.exportLines(m.request, m.sort);
        return;
    }
  }

  private async pickEntity(text: string) {
    const index = this.indexer.index;
    const found = text.trim() ? index.search(text, 50) : index.entities().filter((e) => e.type !== 'date').slice(0, 200);
    const items = found.map((e) => ({ label: e.name, description: `${index.kindOf(e.id) ?? e.type} · ${index.stats(e.id).mentions}`, detail: e.aliases.join(', ') || undefined, entity: e }));
    if (items.length === 1) return items[0].entity;
    return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Concordance of the mentions of…'), matchOnDetail: true }))?.entity;
  }

  /** Runs a search (cancelling the one before), streaming lines to the page. */
  async run(request: SearchRequest, opts: { maxLines?: number; onLines?: (lines: KwicLine[]) => void } = {}): Promise<ConcordanceResult> {
    this.search?.cancel();
    const cts = (this.search = new vscode.CancellationTokenSource());
    const index = this.indexer.index;
    const lines: KwicLine[] = [];
    const maxLines = opts.maxLines ?? SHOWN_LINES;
    const dates = new Map<string, string | undefined>();
    const onLines =
      opts.onLines ??
      ((batch: KwicLine[]) => {
        lines.push(...batch);
        const newDocs: Record<string, { date?: string; file: string }> = {};
        for (const l of batch) {
          if (dates.has(l.doc)) continue;
          const date = index.scan(l.doc)?.documentDate()?.value;
          dates.set(l.doc, date);
          newDocs[l.doc] = { date, file: fileLabel(l.doc) };
        }
        this.post({ type: 'lines', lines: batch, docs: newDocs });
      });
    this.post({ type: 'started', request });
    let result: ConcordanceResult;
    try {
      const texts = this.texts.get();
      const done =
        request.mode === 'entity'
          ? await texts.kwic(this.entitySpans(request.entity ?? ''), { maxLines, onLines, token: cts.token })
          : await texts.search({ mode: request.mode, pattern: request.pattern, caseSensitive: request.caseSensitive } satisfies ConcordanceQuery, { maxLines, onLines, token: cts.token });
      result = { request, lines, ...done };
    } catch (e) {
      result = { request, lines, matches: 0, documents: 0, ms: 0, cancelled: false, error: e instanceof SearchError ? e.message : String(e) };
    } finally {
      cts.dispose();
      if (this.search === cts) this.search = undefined;
    }
    this.post({ type: 'done', matches: result.matches, documents: result.documents, ms: result.ms, cancelled: result.cancelled, error: result.error, shown: Math.min(result.matches, maxLines) });
    if (!opts.onLines) {
      this.last = result;
      this.doneEmitter.fire(result);
    }
    return result;
  }

  /** An entity's mentions as spans per document, for the text worker. */
  private entitySpans(entity: string) {
    const byDoc = new Map<string, number[]>();
    for (const r of this.indexer.index.references(entity)) {
      let spans = byDoc.get(r.doc);
      if (!spans) byDoc.set(r.doc, (spans = []));
      spans.push(r.mention.start, r.mention.end);
    }
    return [...byDoc].map(([doc, spans]) => ({ doc, spans }));
  }

  /** Tags the chosen lines' matches in one step: a tag picked (or typed) once, one annotation per line. */
  async tagLines(lines: { doc: string; start: number; end: number; match: string }[], tags?: string[]): Promise<number> {
    if (!lines.length) return 0;
    tags ??= await pickTags(this.annotations, lines.length);
    if (!tags?.length) return 0;
    const chosen = tags;
    const author = await this.annotations.authorName();
    const byDoc = new Map<string, typeof lines>();
    for (const l of lines) byDoc.set(l.doc, [...(byDoc.get(l.doc) ?? []), l]);
    let tagged = 0;
    let moved = 0;
    for (const [doc, list] of byDoc) {
      await this.annotations.change(doc, vscode.l10n.t('Tag concordance lines'), (file, text) => {
        const taken = new Set(file.data.annotations.map((a) => a.id));
        const edits = [];
        for (const l of list) {
          // The text changed since the search: the line is no longer where it was.
          if (text.slice(l.start, l.end) !== l.match && text.slice(l.start, l.end).replace(/\s+/g, ' ') !== l.match) {
            moved++;
            continue;
          }
          const a: Annotation = createAnnotation(text, l.start, l.end, { tags: chosen, author, taken });
          taken.add(a.id);
          edits.push({ kind: 'addAnnotation' as const, annotation: a });
          tagged++;
        }
        return edits;
      });
    }
    await ensureVocabulary(this.annotations, [...byDoc.keys()][0], chosen);
    vscode.window.setStatusBarMessage(vscode.l10n.t('Tagged {0} passages with {1}', tagged, chosen.join(', ')), 4000);
    if (moved) void vscode.window.showWarningMessage(vscode.l10n.t('{0} lines were not tagged: their documents changed since the search. Search again.', moved));
    return tagged;
  }

  /** Writes every line of a search (not only those shown) as CSV or JSON Lines. */
  async exportLines(request: SearchRequest, sort: string | undefined, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const all: KwicLine[] = [];
    const result = await this.run(request, { maxLines: Infinity, onLines: (b) => all.push(...b) });
    if (result.error) {
      void vscode.window.showErrorMessage(result.error);
      return undefined;
    }
    const dateOf = (doc: string) => this.indexer.index.scan(doc)?.documentDate()?.value;
    if (sort === 'left' || sort === 'right' || sort === 'date' || sort === 'document') sortKwic(all, sort, dateOf);
    const rows: Row[] = all.map((l) => ({ file: fileLabel(l.doc), line: l.line + 1, start: l.start, end: l.end, left: l.left, match: l.match, right: l.right, date: dateOf(l.doc) }));
    return exportTable({ columns: KWIC_COLUMNS, rows }, 'concordance', target);
  }

  dispose(): void {
    this.search?.cancel();
    this.panel?.dispose();
    this.doneEmitter.dispose();
  }
}

async function pickTags(annotations: AnnotationService, n: number): Promise<string[] | undefined> {
  const known = annotations.tagNames();
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.canSelectMany = true;
  qp.title = n === 1 ? vscode.l10n.t('Tag the selected line') : vscode.l10n.t('Tag the {0} selected lines', n);
  qp.placeholder = vscode.l10n.t('Pick tags, or type a new tag and press Enter');
  const base = known.map((label) => ({ label }));
  qp.items = base;
  qp.onDidChangeValue((v) => {
    const value = v.trim();
    const selected = qp.selectedItems;
    qp.items = value && !known.includes(value) ? [{ label: value, description: vscode.l10n.t('new tag') }, ...base] : base;
    qp.selectedItems = qp.items.filter((i) => selected.some((s) => s.label === i.label));
  });
  const tags = await new Promise<string[] | undefined>((resolve) => {
    qp.onDidAccept(() => {
      const picked = qp.selectedItems.map((i) => i.label);
      const typed = qp.value.trim();
      resolve(picked.length ? picked : typed ? [typed] : []);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  qp.dispose();
  return tags;
}

const PALETTE = ['#e5534b', '#f69d50', '#c69026', '#57ab5a', '#39c5cf', '#539bf5', '#986ee2', '#e275ad'];

/** New tags join the corpus file's vocabulary, as Tag Selection does. */
async function ensureVocabulary(annotations: AnnotationService, doc: string, tags: string[]): Promise<void> {
  const known = new Set(annotations.corpusData(doc)?.tags.map((t) => t.name) ?? []);
  const missing = tags.filter((t) => !known.has(t));
  if (!missing.length) return;
  let h = 0;
  const color = (s: string) => {
    h = 0;
    for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
    return PALETTE[h % PALETTE.length];
  };
  await annotations.changeCorpus(doc, vscode.l10n.t('Add tags'), (file) => missing.filter((t) => !file.data.tags.some((x) => x.name === t)).map((name) => ({ kind: 'addTag' as const, tag: { name, color: color(name) } })), false);
}

/** The Concordance panel and its commands. */
export function registerConcordance(extensionUri: vscode.Uri, indexer: CorpusIndexer, texts: CorpusTextsService, annotations: AnnotationService): { panel: ConcordancePanel; disposable: vscode.Disposable } {
  const panel = new ConcordancePanel(extensionUri, indexer, texts, annotations);
  return {
    panel,
    disposable: vscode.Disposable.from(
      panel,
      vscode.commands.registerCommand('corpusLens.showConcordance', (request?: SearchRequest | { entity?: { id: string; name: string } }) => {
        // From the Entities view: the concordance of an entity's mentions.
        if (request && 'entity' in request && typeof request.entity === 'object') return panel.show({ mode: 'entity', pattern: request.entity.name, entity: request.entity.id });
        panel.show(request && 'mode' in request ? request : undefined);
      }),
      vscode.commands.registerCommand('corpusLens.concordance.export', (request: SearchRequest, target?: vscode.Uri, sort?: string) => panel.exportLines(request, sort, target)),
    ),
  };
}
