import { compareStatements, groupKey, orderGroups, type Statement, type StatementGrouping } from './statements';

/** A group as {@link StatementGroups} keeps it: its statements always in the group's order. */
export interface KeptGroup {
  readonly key: string;
  /** In date, document and offset order (see {@link compareStatements}); changed in place. */
  readonly statements: Statement[];
}

/**
 * The Statements view's groups for one grouping and one filter, kept up to date a document at a
 * time: a change removes the document's old statements from their groups and puts its new ones in
 * place (binary search in each group's ordered list), so an update costs what the document holds,
 * not what the corpus holds. Built once from every statement (one pass, then each group sorted);
 * made anew only when the grouping or the filter changes.
 */
export class StatementGroups {
  private readonly byKey = new Map<string, KeptGroup>();
  private order: KeptGroup[] | undefined;
  private total = 0;

  constructor(
    readonly grouping: StatementGrouping,
    /** Which statements are kept (the filter); all when undefined. */
    private readonly keep?: (s: Statement) => boolean,
  ) {}

  /** Every statement, as a first build: one pass, then each group put in order. */
  static of(list: Iterable<Statement>, grouping: StatementGrouping, keep?: (s: Statement) => boolean): StatementGroups {
    const groups = new StatementGroups(grouping, keep);
    for (const s of list) {
      if (keep && !keep(s)) continue;
      groups.group(groupKey(s, grouping)).statements.push(s);
      groups.total++;
    }
    for (const g of groups.byKey.values()) if (g.statements.length > 1) g.statements.sort(compareStatements);
    return groups;
  }

  /** A document's statements changed: `before` leave their groups, `after` (those kept) join theirs. */
  change(before: readonly Statement[], after: readonly Statement[]): void {
    for (const s of before) {
      const key = groupKey(s, this.grouping);
      const g = this.byKey.get(key);
      if (!g) continue;
      const at = find(g.statements, s);
      if (at < 0) continue;
      g.statements.splice(at, 1);
      this.total--;
      if (!g.statements.length) this.byKey.delete(key);
      this.order = undefined;
    }
    for (const s of after) {
      if (this.keep && !this.keep(s)) continue;
      const list = this.group(groupKey(s, this.grouping)).statements;
      list.splice(insertionPoint(list, s), 0, s);
      this.total++;
      this.order = undefined;
    }
  }

  /** The groups in the view's order (see {@link orderGroups}). */
  groups(): readonly KeptGroup[] {
    this.order ??= orderGroups(
      [...this.byKey.values()],
      this.grouping,
      (g) => g.key,
      (g) => g.statements.length,
      // Undated statements come last in a group: its first is its earliest date.
      (g) => g.statements[0]?.date,
    );
    return this.order;
  }

  /** A group by its key. */
  get(key: string): KeptGroup | undefined {
    return this.byKey.get(key);
  }

  /** How many statements the groups hold. */
  get size(): number {
    return this.total;
  }

  private group(key: string): KeptGroup {
    let g = this.byKey.get(key);
    if (!g) {
      this.byKey.set(key, (g = { key, statements: [] }));
      this.order = undefined;
    }
    return g;
  }
}

/**
 * The first index of an ordered list whose statement comes after `s` (`after`), or is not before it:
 * where `s` is put among its equals, or where they start.
 */
function bound(list: readonly Statement[], s: Statement, after: boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareStatements(list[mid], s);
    if (c < 0 || (after && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `s` goes in an ordered list: after every statement that comes before it or ties with it. */
function insertionPoint(list: readonly Statement[], s: Statement): number {
  return bound(list, s, true);
}

/** The index of this very statement in an ordered list, or -1. */
function find(list: readonly Statement[], s: Statement): number {
  const lo = bound(list, s, false);
  for (let i = lo; i < list.length && compareStatements(list[i], s) === 0; i++) if (list[i] === s) return i;
  return -1;
}
