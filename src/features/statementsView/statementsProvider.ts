import * as vscode from 'vscode';
import { groupStatements, isEmptyFilter, matchesFilter, type Statement, type StatementFilter, type StatementGroup, type StatementGrouping } from '../../core/analysis/statements';
import type { CorpusIndex } from '../../core/corpus/corpusIndex';
import type { AnnotationService } from '../../vscode/annotationService';
import type { StatementsService } from '../../vscode/statementsService';
import { fileLabel } from '../../vscode/webviewPanel';

export type StatementElement = { kind: 'group'; grouping: StatementGrouping; group: StatementGroup } | { kind: 'statement'; statement: Statement; group: string };

const MONTHS = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2000, m, 1)).toLocaleString(vscode.env.language, { month: 'long', timeZone: 'UTC' }));
/** Characters of a quotation shown on its line (the tooltip has it whole). */
const SHOWN = 110;

/**
 * The Statements view: every quotation of the corpus, grouped by speaker, document or month, and
 * filtered by speaker, entity, tag, date range and text. Unattributed quotations form a group of
 * their own (fix them with Correct Entity). A click reveals the quotation in its document.
 */
export class StatementsProvider implements vscode.TreeDataProvider<StatementElement> {
  private readonly emitter = new vscode.EventEmitter<StatementElement | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  grouping: StatementGrouping = 'speaker';
  filter: StatementFilter = {};
  private groups: StatementGroup[] | undefined;
  /** The groups are recomputed after any change, shown or not (an export reads them too). */
  private readonly sub: vscode.Disposable;

  constructor(
    private readonly index: CorpusIndex,
    private readonly statements: StatementsService,
    private readonly annotations: AnnotationService,
  ) {
    this.sub = statements.onDidChange(() => (this.groups = undefined));
  }

  refresh(): void {
    this.groups = undefined;
    this.emitter.fire(undefined);
  }

  /** The statements the filter keeps, in the order the view lists them. */
  filtered(): Statement[] {
    return this.currentGroups().flatMap((g) => g.statements);
  }

  /** The groups as shown, computed once per change of the statements or the filter. */
  currentGroups(): StatementGroup[] {
    if (!this.groups) {
      const all = this.statements.list();
      const kept = isEmptyFilter(this.filter) ? all : all.filter((s) => matchesFilter(s, this.filter, { words: (x) => this.statements.words(x), tags: (x) => this.tagsOf(x) }));
      this.groups = groupStatements(kept, this.grouping);
    }
    return this.groups;
  }

  private tagsOf(s: Statement): string[] {
    return this.annotations
      .annotations(s.doc)
      .filter((a) => a.status !== 'orphaned' && a.target.start < s.end && s.start < a.target.end)
      .flatMap((a) => a.tags);
  }

  getChildren(element?: StatementElement): StatementElement[] {
    if (!element) return this.currentGroups().map((group) => ({ kind: 'group', grouping: this.grouping, group }));
    if (element.kind === 'group') return element.group.statements.map((statement) => ({ kind: 'statement', statement, group: element.group.key }));
    return [];
  }

  getParent(element: StatementElement): StatementElement | undefined {
    if (element.kind === 'group') return undefined;
    const group = this.currentGroups().find((g) => g.key === element.group);
    return group && { kind: 'group', grouping: this.grouping, group };
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
      const n = group.statements.length;
      item.description = n === 1 ? vscode.l10n.t('1 statement') : vscode.l10n.t('{0} statements', n);
      if (grouping === 'speaker') {
        item.iconPath = new vscode.ThemeIcon(group.key ? 'comment-discussion' : 'warning', group.key ? new vscode.ThemeColor('corpusLens.speakerRuler') : undefined);
        item.contextValue = group.key ? 'statementSpeaker' : 'statementUnattributed';
        if (!group.key) item.tooltip = vscode.l10n.t('Quotations attributed to nobody. Open one, put the cursor on the speaker’s name and use Correct Entity → Mark as Speaker.');
      } else item.iconPath = new vscode.ThemeIcon(grouping === 'document' ? 'file' : 'calendar');
      item.accessibilityInformation = { label: `${item.label as string}, ${item.description}`, role: 'treeitem' };
      return item;
    }
    const s = element.statement;
    const words = this.statements.words(s);
    const shown = words === undefined ? vscode.l10n.t('(reading the text…)') : words.length > SHOWN ? `${words.slice(0, SHOWN - 1)}…` : words;
    const item = new vscode.TreeItem(`“${shown}”`, vscode.TreeItemCollapsibleState.None);
    item.id = `statement:${element.group}:${s.doc}#${s.start}`;
    const speaker = s.speaker ? (this.index.entity(s.speaker)?.name ?? s.speaker) : vscode.l10n.t('nobody');
    const place = s.place ? this.index.entity(s.place)?.name : undefined;
    const parts = [s.date ?? vscode.l10n.t('undated'), this.grouping === 'speaker' ? undefined : speaker, this.grouping === 'document' ? undefined : fileLabel(s.doc).replace(/^.*\//, ''), place].filter(Boolean);
    item.description = parts.join(' · ');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${escapeMd(speaker)}**\n\n`);
    md.appendMarkdown(`> ${escapeMd(words ?? '…')}\n\n`);
    md.appendMarkdown(`${escapeMd(fileLabel(s.doc))}`);
    if (s.date) md.appendMarkdown(` · ${s.date} (${dateSourceLabel(s.dateSource)})`);
    if (place) md.appendMarkdown(` · ${escapeMd(place)}`);
    item.tooltip = md;
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'statement';
    item.accessibilityInformation = { label: vscode.l10n.t('{0} said: {1}. {2}, {3}', speaker, words ?? '', s.date ?? vscode.l10n.t('undated'), fileLabel(s.doc)), role: 'treeitem' };
    item.command = { command: 'corpusLens.statements.reveal', title: vscode.l10n.t('Reveal Quotation'), arguments: [s.doc, s.start, s.end] };
    return item;
  }

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

function dateSourceLabel(source: Statement['dateSource']): string {
  return source === 'statement' ? vscode.l10n.t('written in its sentence') : source === 'analyst' ? vscode.l10n.t('document date set by the analyst') : vscode.l10n.t('document date');
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
