import * as vscode from 'vscode';
import { StatementGroups } from '../../core/analysis/statementGroups';
import { compileFilter, isEmptyFilter, orderGroups, type Statement, type StatementFilter, type StatementGroup, type StatementGrouping } from '../../core/analysis/statements';
import type { CorpusIndex } from '../../core/corpus/corpusIndex';
import type { AnnotationService } from '../../vscode/annotationService';
import type { StatementsService } from '../../vscode/statementsService';
import { fileLabel } from '../../vscode/webviewPanel';

/** A group of the view: its key and size are known before its statements are (see {@link StatementsProvider}). */
export interface GroupElement {
  kind: 'group';
  grouping: StatementGrouping;
  group: { key: string; size: number; statements?: readonly Statement[] };
}

export type StatementElement =
  | GroupElement
  | { kind: 'statement'; statement: Statement; group: string }
  /** "Show more": the rest of a large group, a page at a time. */
  | { kind: 'more'; parent: GroupElement; shown: number };

const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2000, m, 1)).toLocaleString(vscode.env.language, { month: 'long', timeZone: 'UTC' }));
/** Characters of a quotation shown on its line (the tooltip has it whole). */
const SHOWN = 110;
/** Statements of a group listed at first, and added by each "Show more". */
export const PAGE = 500;

/**
 * The Statements view: every quotation of the corpus, grouped by speaker, document or month, and
 * filtered by speaker, entity, tag, date range and text. Unattributed quotations form a group of
 * their own (fix them with Correct Entity). A click reveals the quotation in its document.
 *
 * The groups are built once per grouping and filter ({@link StatementGroups}), then kept up to date
 * a document at a time as the store tells its changes: an edit costs what the document holds.
 * Groups list their statements a page at a time. Before the statements are first built, the
 * speakers and their counts come straight from the index while the statements are built in the
 * background.
 */
export class StatementsProvider implements vscode.TreeDataProvider<StatementElement> {
  private readonly emitter = new vscode.EventEmitter<StatementElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  grouping: StatementGrouping = 'speaker';
  filter: StatementFilter = {};
  /** The groups of the current grouping and filter, once built; kept up to date by the store's changes. */
  private kept: StatementGroups | undefined;
  /** The tree's element of each group, by key: the same object while the key is shown (the tree refreshes one group by its element). */
  private readonly elements = new Map<string, GroupElement>();
  /** Statements listed per open group (more after "Show more"). */
  private readonly pages = new Map<string, number>();
  private readonly watching: { dispose(): void };
  /** Called with the groups whenever they were computed (the view says when a filter keeps nothing). */
  onDidComputeGroups: ((groups: readonly GroupElement[]) => void) | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly statements: StatementsService,
    private readonly annotations: AnnotationService,
  ) {
    this.watching = statements.store.watch((_doc, before, after) => this.kept?.change(before, after));
  }

  /**
   * The view shows the groups again. Without `keepPages` the grouping, the filter or the tags
   * changed: the groups are built anew (and open groups show their first page); with it, only
   * statements changed, and the groups the store kept up to date are shown as they are.
   */
  refresh(options: { keepPages?: boolean } = {}): void {
    if (!options.keepPages) {
      this.kept = undefined;
      this.pages.clear();
    }
    this.emitter.fire(undefined);
  }

  /** The statements the filter keeps, in the order the view lists them (every page). */
  filtered(): Statement[] {
    return this.currentGroups().flatMap((g) => g.statements);
  }

  /** The groups as shown, each with its statements in order; builds what is missing at once. */
  currentGroups(): StatementGroup[] {
    this.statements.list();
    return this.groupsNow().map((g) => ({ key: g.group.key, statements: [...(g.group.statements ?? [])] }));
  }

  /** Shows another page of a group's statements. */
  showMore(key: string): void {
    const g = this.elements.get(key);
    if (!g) return;
    this.pages.set(key, (this.pages.get(key) ?? PAGE) + PAGE);
    this.emitter.fire(g);
  }

  /** The groups of the statements as built (call once they are: see {@link StatementsService.current}). */
  private groupsNow(): GroupElement[] {
    if (!this.kept || this.kept.grouping !== this.grouping) {
      const list = this.statements.list();
      const keep = isEmptyFilter(this.filter) ? undefined : compileFilter(this.filter, { words: (x) => this.statements.words(x), tags: (x) => this.tagsOf(x) });
      this.kept = StatementGroups.of(list, this.grouping, keep);
      this.elements.clear();
    }
    const out = this.kept.groups().map((g) => this.element(g.key, g.statements.length, g.statements));
    this.onDidComputeGroups?.(out);
    return out;
  }

  private element(key: string, size: number, statements: readonly Statement[] | undefined): GroupElement {
    const was = this.elements.get(key);
    if (was && was.grouping === this.grouping) {
      was.group = { key, size, statements };
      return was;
    }
    const e: GroupElement = { kind: 'group', grouping: this.grouping, group: { key, size, statements } };
    this.elements.set(key, e);
    return e;
  }

  /**
   * The speakers and how many statements each has, from the index's counts (no statement made):
   * what the view shows while the statements are first built. The same groups, in the same order,
   * as the statements give.
   */
  private speakersFromIndex(): GroupElement[] {
    const groups: GroupElement[] = [];
    let attributed = 0;
    for (const e of this.index.entities()) {
      const quotes = this.index.stats(e.id).quotes;
      if (!quotes) continue;
      attributed += quotes;
      groups.push(this.element(e.id, quotes, undefined));
    }
    let total = 0;
    for (const doc of this.index.documents()) total += this.index.scan(doc)?.quoteCount ?? 0;
    if (total > attributed) groups.push(this.element('', total - attributed, undefined));
    return orderGroups(groups, 'speaker', (g) => g.group.key, (g) => g.group.size, () => undefined);
  }

  private tagsOf(s: Statement): string[] {
    return this.annotations
      .annotations(s.doc)
      .filter((a) => a.status !== 'orphaned' && a.target.start < s.end && s.start < a.target.end)
      .flatMap((a) => a.tags);
  }

  getChildren(element?: StatementElement): StatementElement[] | Thenable<StatementElement[]> {
    if (!element) {
      if (this.statements.current) return this.groupsNow();
      // Not built yet: by speaker and unfiltered, the index knows the groups; else wait for the build.
      if (this.grouping === 'speaker' && isEmptyFilter(this.filter) && !this.kept) {
        void this.statements.ready();
        return this.speakersFromIndex();
      }
      return this.statements.ready().then(() => this.groupsNow());
    }
    if (element.kind !== 'group') return [];
    if (!this.statements.current || !this.kept) return this.statements.ready().then(() => (this.groupsNow(), this.page(element)));
    return this.page(element);
  }

  private page(g: GroupElement): StatementElement[] {
    const list = this.kept?.get(g.group.key)?.statements ?? [];
    const shown = Math.min(list.length, this.pages.get(g.group.key) ?? PAGE);
    const out: StatementElement[] = [];
    for (let i = 0; i < shown; i++) out.push({ kind: 'statement', statement: list[i], group: g.group.key });
    // Their words are asked for first.
    this.statements.prefer(new Set(list.slice(0, shown).map((s) => s.doc)));
    if (shown < list.length) out.push({ kind: 'more', parent: g, shown });
    return out;
  }

  getParent(element: StatementElement): StatementElement | undefined {
    if (element.kind === 'group') return undefined;
    if (element.kind === 'more') return element.parent;
    return this.elements.get(element.group);
  }

  /** What a group is called: the speaker's name, the document's path, or the month. */
  groupLabel(grouping: StatementGrouping, key: string): string {
    if (grouping === 'speaker') return key ? (this.index.entity(key)?.name ?? key) : vscode.l10n.t('Unattributed');
    if (grouping === 'document') return fileLabel(key);
    if (!key) return vscode.l10n.t('Undated');
    if (key.length === 4) return vscode.l10n.t('{0}, month unknown', key);
    return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
  }

  getTreeItem(element: StatementElement): vscode.TreeItem {
    if (element.kind === 'group') {
      const { grouping, group } = element;
      const item = new vscode.TreeItem(this.groupLabel(grouping, group.key), vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `statements:${grouping}:${group.key}`;
      const n = group.size;
      item.description = n === 1 ? vscode.l10n.t('1 statement') : vscode.l10n.t('{0} statements', n);
      if (grouping === 'speaker') {
        item.iconPath = new vscode.ThemeIcon(group.key ? 'comment-discussion' : 'warning', group.key ? new vscode.ThemeColor('corpusLens.speakerRuler') : undefined);
        item.contextValue = group.key ? 'statementSpeaker' : 'statementUnattributed';
        if (!group.key) item.tooltip = vscode.l10n.t('Quotations attributed to nobody. Open one, put the cursor on the speaker’s name and use Correct Entity → Mark as Speaker.');
      } else item.iconPath = new vscode.ThemeIcon(grouping === 'document' ? 'file' : 'calendar');
      item.accessibilityInformation = { label: `${item.label as string}, ${item.description}`, role: 'treeitem' };
      return item;
    }
    if (element.kind === 'more') {
      const { parent, shown } = element;
      const rest = parent.group.size - shown;
      const next = Math.min(PAGE, rest);
      const item = new vscode.TreeItem(next === 1 ? vscode.l10n.t('Show 1 more statement') : vscode.l10n.t('Show {0} more statements', next), vscode.TreeItemCollapsibleState.None);
      item.id = `statements-more:${parent.grouping}:${parent.group.key}:${shown}`;
      item.description = vscode.l10n.t('{0} of {1} shown', shown, parent.group.size);
      item.iconPath = new vscode.ThemeIcon('ellipsis');
      item.command = { command: 'corpusLens.statements.showMore', title: vscode.l10n.t('Show More'), arguments: [parent.group.key] };
      return item;
    }
    const s = element.statement;
    const words = this.statements.words(s);
    const shown = words === undefined ? vscode.l10n.t('(reading the text…)') : words.length > SHOWN ? `${words.slice(0, SHOWN - 1)}…` : words;
    const item = new vscode.TreeItem(`“${shown}”`, vscode.TreeItemCollapsibleState.None);
    item.id = `statement:${element.group}:${s.doc}#${s.start}`;
    const speaker = this.speakerName(s);
    const place = s.place ? this.index.entity(s.place)?.name : undefined;
    const parts = [s.date ?? vscode.l10n.t('undated'), this.grouping === 'speaker' ? undefined : speaker, this.grouping === 'document' ? undefined : fileLabel(s.doc).replace(/^.*\//, ''), place].filter(Boolean);
    item.description = parts.join(' · ');
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'statement';
    item.accessibilityInformation = { label: vscode.l10n.t('{0} said: {1}. {2}, {3}', speaker, words ?? '', s.date ?? vscode.l10n.t('undated'), fileLabel(s.doc)), role: 'treeitem' };
    item.command = { command: 'corpusLens.statements.reveal', title: vscode.l10n.t('Reveal Quotation'), arguments: [s.doc, s.start, s.end] };
    return item;
  }

  /** The tooltip of a statement, made when it is hovered (not for every line listed). */
  resolveTreeItem(item: vscode.TreeItem, element: StatementElement): vscode.TreeItem {
    if (element.kind === 'statement') item.tooltip = this.tooltip(element.statement);
    return item;
  }

  /** A statement's tooltip: who, the words whole, where and when. */
  tooltip(s: Statement): vscode.MarkdownString {
    const words = this.statements.words(s);
    const place = s.place ? this.index.entity(s.place)?.name : undefined;
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(this.speakerName(s))}**\n\n`);
    md.appendMarkdown(`> ${escapeMd(words ?? '…')}\n\n`);
    md.appendMarkdown(`${escapeMd(fileLabel(s.doc))}`);
    if (s.date) md.appendMarkdown(` · ${s.date} (${dateSourceLabel(s.dateSource)})`);
    if (place) md.appendMarkdown(` · ${escapeMd(place)}`);
    return md;
  }

  private speakerName(s: Statement): string {
    return s.speaker ? (this.index.entity(s.speaker)?.name ?? s.speaker) : vscode.l10n.t('nobody');
  }

  dispose(): void {
    this.watching.dispose();
    this.emitter.dispose();
  }
}

function dateSourceLabel(source: Statement['dateSource']): string {
  return source === 'statement' ? vscode.l10n.t('written in its sentence') : source === 'analyst' ? vscode.l10n.t('document date set by the analyst') : vscode.l10n.t('document date');
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
