import * as vscode from 'vscode';
import type { CorpusIndex } from '../core/corpus/corpusIndex';
import { onIndexSettled, panelOptions, revealSpan, webviewHtml, type WebviewBundle } from './webviewPanel';

/** What every picture's page may say: it is ready (with the settings it kept), open a document, export. */
export type PictureMessage = { type: 'ready'; settings?: unknown } | { type: 'open'; doc: string; start?: number; end?: number } | { type: 'export' } | { type: string; [k: string]: unknown };

/**
 * A webview panel that draws the corpus (Timeline, Map, Network): one panel per kind, shown again
 * when asked twice; its page is sent fresh data when it says it is ready (it is unloaded while hidden
 * and keeps its own state with setState) and when the index settles after changes.
 */
export abstract class PicturePanel<Settings> implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly subs: vscode.Disposable[] = [];
  private ready = false;
  /** What the page shows, as the analyst set it (lanes, filters); the page keeps a copy in its state. */
  settings: Settings;
  private readonly sentEmitter = new vscode.EventEmitter<unknown>();
  /** Fires with each data message sent to the page (for tests). */
  readonly onDidSend = this.sentEmitter.event;
  /** The last data sent. */
  last: unknown;

  constructor(
    protected readonly extensionUri: vscode.Uri,
    protected readonly index: CorpusIndex,
    private readonly viewType: string,
    private readonly bundle: WebviewBundle,
    private readonly title: string,
    initial: Settings,
  ) {
    this.settings = initial;
  }

  /** The data message for the page, from the index and the settings. */
  protected abstract data(): Promise<unknown> | unknown;

  /** A message of the page's own kind (filters, picks). */
  protected abstract handle(m: PictureMessage): Promise<void> | void;

  /** Exports what the picture shows; `target` skips the save dialog. */
  abstract export(target?: vscode.Uri): Promise<vscode.Uri | undefined>;

  get visible(): boolean {
    return !!this.panel?.visible;
  }

  show(settings?: Partial<Settings>): void {
    if (settings) this.settings = { ...this.settings, ...settings };
    if (this.panel) {
      this.panel.reveal();
      if (settings) void this.send();
      return;
    }
    this.adopt(vscode.window.createWebviewPanel(this.viewType, this.title, vscode.ViewColumn.Active, panelOptions(this.extensionUri)), settings !== undefined);
  }

  /**
   * Takes over a panel of this kind that VS Code brings back after a window reload (the serializer
   * registered at activation calls it): its page loads again and says ready with the settings it
   * kept, which `state` (what the page last kept) holds too.
   */
  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (this.panel) {
      // One panel per kind: the one already open stays.
      panel.dispose();
      return;
    }
    const kept = state && typeof state === 'object' ? (state as { settings?: unknown }).settings : undefined;
    if (kept && typeof kept === 'object') this.settings = { ...this.settings, ...(kept as Partial<Settings>) };
    panel.webview.options = panelOptions(this.extensionUri);
    this.adopt(panel, false);
  }

  private adopt(panel: vscode.WebviewPanel, asked: boolean): void {
    this.panel = panel;
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri, this.bundle, this.title);
    this.subs.push(
      panel.webview.onDidReceiveMessage((m: PictureMessage) => void this.receive(m, asked)),
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
      onIndexSettled(this.index, () => this.ready && panel.visible && void this.send()),
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.ready = false;
        this.subs.splice(0).forEach((d) => d.dispose());
      }),
    );
  }

  /** Sends the page fresh data. */
  async send(): Promise<void> {
    if (!this.panel || !this.ready) return;
    const data = await this.data();
    this.last = data;
    await this.panel.webview.postMessage(data);
    this.sentEmitter.fire(data);
  }

  protected post(m: unknown): void {
    void this.panel?.webview.postMessage(m);
  }

  private async receive(m: PictureMessage, asked: boolean): Promise<void> {
    if (m.type === 'ready') {
      this.ready = true;
      // The page's kept settings win, unless this panel was opened with settings of its own.
      if (m.settings && typeof m.settings === 'object' && !asked) this.settings = { ...this.settings, ...(m.settings as Partial<Settings>) };
      await this.send();
    } else if (m.type === 'open' && typeof m.doc === 'string') {
      await revealSpan(this.index, m.doc, m.start as number | undefined, m.end as number | undefined);
    } else if (m.type === 'export') await this.export();
    else await this.handle(m);
  }

  dispose(): void {
    this.panel?.dispose();
    this.sentEmitter.dispose();
  }
}
