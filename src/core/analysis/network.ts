import type { CorpusIndex } from '../corpus/corpusIndex';
import type { DocumentScan } from '../corpus/documentScan';
import { lineAt } from '../corpus/lines';
import type { EntityType, MentionType } from '../model';
import type { Row, Table } from './table';

/** Entity types drawn by default: people, places and organisations (dates and unnamed sources are not actors). */
export const NETWORK_TYPES: readonly EntityType[] = ['person', 'place', 'organization'];

export interface NetworkNode {
  entity: string;
  name: string;
  type: EntityType;
  /** The mention kind shown most (a person who speaks anywhere is a speaker). */
  kind: MentionType | undefined;
  /** Mentions across the corpus. */
  mentions: number;
  /** Sum of the weights of its drawn links. */
  strength: number;
}

/** Two entities named in the same paragraph; `weight` counts the paragraphs. */
export interface NetworkLink {
  source: string;
  target: string;
  weight: number;
}

export interface NetworkOptions {
  /** Entity types to draw; default {@link NETWORK_TYPES}. */
  types?: readonly string[];
  /** Links seen in fewer paragraphs are left out. */
  minWeight?: number;
  /** At most this many nodes, the strongest first (a drawing of thousands of nodes says nothing). */
  maxNodes?: number;
}

export interface NetworkData {
  nodes: NetworkNode[];
  links: NetworkLink[];
  /** Nodes left out by `maxNodes`. */
  omitted: number;
}

/**
 * A document's co-occurrences: for each pair of entities (corpus-wide numbers, smaller first) named
 * in the same paragraph, the number of its paragraphs naming both; dates left out (they are never
 * drawn). Triples (a, b, paragraphs) in a flat array. Remembered per document while its analysis and
 * its entities' ids stay as they were (see {@link DocumentScan.links}), so that only the documents
 * that changed are read again.
 */
function documentPairs(scan: DocumentScan): Int32Array {
  const links = scan.links;
  const memo = links && pairMemo.get(links);
  if (memo && memo.analysis === scan.analysis) return memo.pairs;
  const lines = scan.lines();
  const dateType = scan.typeRef('date');
  const counts = new Map<number, number>();
  let inLine: number[] = [];
  let lineEnd = -1;
  const flush = () => {
    for (let a = 0; a < inLine.length; a++) {
      for (let b = a + 1; b < inLine.length; b++) {
        const x = inLine[a];
        const y = inLine[b];
        const key = x < y ? x * PAIR + y : y * PAIR + x;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    inLine = [];
  };
  for (let k = 0; k < scan.mentionCount; k++) {
    const i = scan.mentionByOffset(k);
    const start = scan.mentionStart(i);
    if (start >= lineEnd) {
      flush();
      const line = lineAt(lines, start);
      lineEnd = line + 1 < lines.length ? lines[line + 1] : Infinity;
    }
    if (scan.mentionTypeRef(i) === dateType) continue;
    const n = scan.mentionEntityNumber(i);
    if (!inLine.includes(n)) inLine.push(n);
  }
  flush();
  const pairs = new Int32Array(counts.size * 3);
  let at = 0;
  for (const [key, count] of counts) {
    pairs[at++] = Math.floor(key / PAIR);
    pairs[at++] = key % PAIR;
    pairs[at++] = count;
  }
  if (links) pairMemo.set(links, { analysis: scan.analysis, pairs });
  return pairs;
}

/** Pairs of entity numbers as one number: a * PAIR + b (exact while there are fewer than 2^26 entities). */
const PAIR = 2 ** 26;
const pairMemo = new WeakMap<Int32Array, { analysis: object; pairs: Int32Array }>();

/**
 * The co-occurrence network: entities of the chosen types are linked when they are named in the same
 * paragraph (a line, as news copy puts one paragraph on a line), weighted by the number of such
 * paragraphs across the corpus. Isolated entities are not drawn.
 *
 * Each document's pairs are counted once and remembered (see {@link documentPairs}); a drawing adds
 * them up. With every link kept (a minimum weight of 1), a node's strength is the sum of its pairs'
 * counts, so the strongest nodes are known before any link is, and only the links among them are
 * added up; a higher minimum weight adds up every pair first.
 */
export function cooccurrenceNetwork(index: CorpusIndex, opts: NetworkOptions = {}): NetworkData {
  const types = new Set<string>(opts.types ?? NETWORK_TYPES);
  const minWeight = Math.max(1, opts.minWeight ?? 1);
  const maxNodes = opts.maxNodes ?? 150;
  const docs: Int32Array[] = [];
  for (const doc of index.documents()) {
    const scan = index.scan(doc);
    if (scan && scan.mentionCount >= 2) docs.push(documentPairs(scan));
  }
  // Which entity numbers are of a type drawn: 1 yes, 2 no, 0 not looked up yet.
  let wanted = new Uint8Array(1024);
  const isWanted = (n: number): boolean => {
    if (n >= wanted.length) {
      const grown = new Uint8Array(Math.max(n + 1, wanted.length * 2));
      grown.set(wanted);
      wanted = grown;
    }
    if (!wanted[n]) {
      const id = index.entityIdOf(n);
      const type = id === undefined ? undefined : index.entity(id)?.type;
      wanted[n] = type !== undefined && types.has(type) ? 1 : 2;
    }
    return wanted[n] === 1;
  };
  const strength = new Map<number, number>();
  const add = (n: number, w: number) => strength.set(n, (strength.get(n) ?? 0) + w);
  let weights: Map<number, number> | undefined;
  if (minWeight <= 1) {
    for (const pairs of docs) {
      for (let i = 0; i < pairs.length; i += 3) {
        if (!isWanted(pairs[i]) || !isWanted(pairs[i + 1])) continue;
        add(pairs[i], pairs[i + 2]);
        add(pairs[i + 1], pairs[i + 2]);
      }
    }
  } else {
    weights = new Map();
    for (const pairs of docs) {
      for (let i = 0; i < pairs.length; i += 3) {
        if (!isWanted(pairs[i]) || !isWanted(pairs[i + 1])) continue;
        const key = pairs[i] * PAIR + pairs[i + 1];
        weights.set(key, (weights.get(key) ?? 0) + pairs[i + 2]);
      }
    }
    for (const [key, weight] of weights) {
      if (weight < minWeight) continue;
      add(Math.floor(key / PAIR), weight);
      add(key % PAIR, weight);
    }
  }
  const idOf = (n: number) => index.entityIdOf(n)!;
  const ranked = [...strength].map(([n, w]) => [n, idOf(n), w] as const).sort((a, b) => b[2] - a[2] || (a[1] < b[1] ? -1 : 1));
  const keptNumbers = new Set(ranked.slice(0, maxNodes).map(([n]) => n));
  // The links among the nodes kept.
  if (!weights) {
    weights = new Map();
    for (const pairs of docs) {
      for (let i = 0; i < pairs.length; i += 3) {
        if (!keptNumbers.has(pairs[i]) || !keptNumbers.has(pairs[i + 1])) continue;
        const key = pairs[i] * PAIR + pairs[i + 1];
        weights.set(key, (weights.get(key) ?? 0) + pairs[i + 2]);
      }
    }
  }
  const drawn: NetworkLink[] = [];
  for (const [key, weight] of weights) {
    const a = Math.floor(key / PAIR);
    const b = key % PAIR;
    if (weight < minWeight || !keptNumbers.has(a) || !keptNumbers.has(b)) continue;
    const x = idOf(a);
    const y = idOf(b);
    drawn.push(x < y ? { source: x, target: y, weight } : { source: y, target: x, weight });
  }
  drawn.sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  const nodes: NetworkNode[] = ranked
    .filter(([n]) => keptNumbers.has(n))
    .map(([, id]) => {
      const e = index.entity(id)!;
      return { entity: id, name: e.name, type: e.type, kind: index.kindOf(id), mentions: index.stats(id).mentions, strength: 0 };
    });
  const byId = new Map(nodes.map((n) => [n.entity, n]));
  for (const l of drawn) {
    byId.get(l.source)!.strength += l.weight;
    byId.get(l.target)!.strength += l.weight;
  }
  const connected = nodes.filter((n) => n.strength > 0);
  return { nodes: connected, links: drawn, omitted: ranked.length - keptNumbers.size };
}

/** The columns of a network export: one row per link. */
export const NETWORK_COLUMNS = ['source_id', 'source', 'source_type', 'target_id', 'target', 'target_type', 'weight'] as const;

export function networkTable(data: NetworkData): Table {
  const byId = new Map(data.nodes.map((n) => [n.entity, n]));
  const rows: Row[] = data.links.map((l) => ({
    source_id: l.source,
    source: byId.get(l.source)?.name,
    source_type: byId.get(l.source)?.type,
    target_id: l.target,
    target: byId.get(l.target)?.name,
    target_type: byId.get(l.target)?.type,
    weight: l.weight,
  }));
  return { columns: NETWORK_COLUMNS, rows };
}
