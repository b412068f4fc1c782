import * as vscode from 'vscode';
import type { CorpusIndex, MentionRef } from '../../core/corpus/corpusIndex';
import { dateValueStart } from '../../core/dates/dateValue';
import { MENTION_TYPES, type Entity, type MentionType } from '../../core/model';
import type { CorpusIndexer } from '../../vscode/corpusIndexer';
import { MENTION_ICONS, rangeOf } from '../../vscode/convert';
import { orderedReferences } from '../navigation/entityAt';
import { plural } from '../../vscode/plural';

export type EntitySort = 'count' | 'name' | 'date';
export const GROUPS: readonly MentionType[] = MENTION_TYPES;
const GROUP_LABELS: Record<MentionType, string> = {
  speaker: vscode.l10n.t('Speakers'),
  person: vscode.l10n.t('Persons'),
  organization: vscode.l10n.t('Organisations'),
  place: vscode.l10n.t('Places'),
  date: vscode.l10n.t('Dates'),
};
const KWIC = 50;

export type EntityElement =
  | { kind: 'group'; group: MentionType }
  | { kind: 'entity'; group: MentionType; entity: Entity }
  | { kind: 'document'; entity: Entity; doc: string; refs: MentionRef[] }
  | { kind: 'mention'; entity: Entity; ref: MentionRef };

/**
 * The Entities view: Speakers / Persons / Organisations / Places / Dates → entity (mentions, files) → documents →
 * each mention as a line of context. Filter by text and type, sort by count, name or date.
 */
export class EntitiesProvider implements vscode.TreeDataProvider<EntityElement> {
  private readonly changeEmitter = new vscode.EventEmitter<EntityElement | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  filterText = '';
  filterTypes = new Set<MentionType>(GROUPS);
  sort: EntitySort = 'count';
  private grouped: Map<MentionType, Entity[]> | undefined;

  constructor(private readonly indexer: CorpusIndexer) {}

  private get index(): CorpusIndex {
    return this.indexer.index;
  }

  refresh(): void {
    this.grouped = undefined;
    this.changeEmitter.fire(undefined);
  }

  /** Entities by group, filtered and sorted; computed once per change of the index or the filter. */
  entitiesOf(group: MentionType): Entity[] {
    if (!this.grouped) {
      const grouped = new Map<MentionType, Entity[]>(GROUPS.map((g) => [g, []]));
      const q = this.filterText.toLowerCase();
      for (const e of this.index.entities()) {
        const kind = this.index.kindOf(e.id);
        if (!kind || !this.filterTypes.has(kind)) continue;
        if (q && ![e.name, ...e.aliases].some((n) => n.toLowerCase().includes(q))) continue;
        grouped.get(kind)!.push(e);
      }
      for (const list of grouped.values()) list.sort(this.comparator());
      this.grouped = grouped;
    }
    return this.grouped.get(group)!;
  }

  private comparator(): (a: Entity, b: Entity) => number {
    const byName = (a: Entity, b: Entity) => a.name.localeCompare(b.name);
    if (this.sort === 'name') return byName;
    if (this.sort === 'date') {
      // A date entity sorts by where its period starts (a week by its Monday, a quarter by its first day).
      const first = (e: Entity) => e.type === 'date' ? dateValueStart(e.id) : orderedReferences(this.index, e.id).reduce((min, r) => {
        const d = this.index.resolved(r.doc)?.documentDate?.value ?? '9999';
        return d < min ? d : min;
      }, '9999');
      return (a, b) => first(a).localeCompare(first(b)) || byName(a, b);
    }
    return (a, b) => this.index.stats(b.id).mentions - this.index.stats(a.id).mentions || byName(a, b);
  }

  getChildren(element?: EntityElement): EntityElement[] | Promise<EntityElement[]> {
    if (!element) return GROUPS.filter((g) => this.filterTypes.has(g)).map((group) => ({ kind: 'group', group }));
    if (element.kind === 'group') return this.entitiesOf(element.group).map((entity) => ({ kind: 'entity', group: element.group, entity }));
    if (element.kind === 'entity') {
      const byDoc = new Map<string, MentionRef[]>();
      for (const r of orderedReferences(this.index, element.entity.id)) {
        let list = byDoc.get(r.doc);
        if (!list) byDoc.set(r.doc, (list = []));
        list.push(r);
      }
      return [...byDoc].map(([doc, refs]) => ({ kind: 'document', entity: element.entity, doc, refs }));
    }
    if (element.kind === 'document') return element.refs.map((ref) => ({ kind: 'mention', entity: element.entity, ref }));
    return [];
  }

  async resolveText(doc: string): Promise<string | undefined> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc);
    if (open) return open.getText();
    const kept = this.index.textOf(doc);
    if (kept !== undefined) return kept;
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(doc)));
    } catch {
      return undefined;
    }
  }

  async getTreeItem(element: EntityElement): Promise<vscode.TreeItem> {
    switch (element.kind) {
      case 'group': {
        const item = new vscode.TreeItem(GROUP_LABELS[element.group], vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${element.group}`;
        item.description = String(this.entitiesOf(element.group).length);
        item.iconPath = new vscode.ThemeIcon(MENTION_ICONS[element.group]);
        item.contextValue = 'entityGroup';
        return item;
      }
      case 'entity': {
        const stats = this.index.stats(element.entity.id);
        const item = new vscode.TreeItem(element.entity.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${element.entity.id}`;
        item.description = `${plural.mentions(stats.mentions)} · ${plural.files(stats.documents)}`;
        const md = new vscode.MarkdownString();
        md.appendMarkdown(`**${element.entity.name}**\n\n`);
        if (element.entity.aliases.length) md.appendMarkdown(`${vscode.l10n.t('Also written')}: ${element.entity.aliases.join(', ')}\n\n`);
        if (stats.quotes) md.appendMarkdown(vscode.l10n.t('{0} quotations attributed', stats.quotes));
        item.tooltip = md;
        item.iconPath = new vscode.ThemeIcon(MENTION_ICONS[element.group], new vscode.ThemeColor(`corpusLens.${element.group}Ruler`));
        item.contextValue = 'entity';
        return item;
      }
      case 'document': {
        const uri = vscode.Uri.parse(element.doc);
        const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `entity:${element.entity.id}:${element.doc}`;
        item.description = `${vscode.workspace.asRelativePath(uri.with({ path: uri.path.replace(/\/[^/]*$/, '') }), false)} · ${element.refs.length}`;
        item.contextValue = 'entityDocument';
        return item;
      }
      case 'mention': {
        const { doc, mention } = element.ref;
        const text = await this.resolveText(doc);
        const label = text ? keywordInContext(text, mention.start, mention.end) : { label: mention.text, highlights: [[0, mention.text.length] as [number, number]] };
        const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        item.id = `mention:${element.entity.id}:${doc}:${mention.start}`;
        const range = rangeOf(this.index, doc, mention.start, mention.end);
        item.description = range ? vscode.l10n.t('line {0}', range.start.line + 1) : undefined;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [vscode.Uri.parse(doc), { selection: range, preview: true }] };
        item.contextValue = 'mention';
        return item;
      }
    }
  }

  getParent(element: EntityElement): EntityElement | undefined {
    if (element.kind === 'group') return undefined;
    if (element.kind === 'entity') return { kind: 'group', group: element.group };
    const group = this.index.kindOf(element.entity.id) ?? 'person';
    if (element.kind === 'document') return { kind: 'entity', group, entity: element.entity };
    return { kind: 'document', entity: element.entity, doc: element.ref.doc, refs: orderedReferences(this.index, element.entity.id).filter((r) => r.doc === element.ref.doc) };
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

/** One line of context around a mention, the mention highlighted: "…said [Baghdadi] in the tape…". */
export function keywordInContext(text: string, start: number, end: number): vscode.TreeItemLabel {
  let from = Math.max(0, start - KWIC);
  let to = Math.min(text.length, end + KWIC);
  const para = (i: number) => text[i] === '\n' || text[i] === '\r';
  for (let i = start - 1; i >= from; i--) if (para(i)) { from = i + 1; break; }
  for (let i = end; i < to; i++) if (para(i)) { to = i; break; }
  const before = (from > 0 && !para(from - 1) ? '…' : '') + text.slice(from, start).replace(/\s+/g, ' ').trimStart();
  const label = before + text.slice(start, end) + text.slice(end, to).replace(/\s+/g, ' ').trimEnd() + (to < text.length && !para(to) ? '…' : '');
  return { label, highlights: [[before.length, before.length + (end - start)]] };
}
