import type { CorpusIndex } from '../corpus/corpusIndex';
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
 * The co-occurrence network: entities of the chosen types are linked when they are named in the same
 * paragraph (a line, as news copy puts one paragraph on a line), weighted by the number of such
 * paragraphs across the corpus. Isolated entities are not drawn.
 */
export function cooccurrenceNetwork(index: CorpusIndex, opts: NetworkOptions = {}): NetworkData {
  const types = new Set<string>(opts.types ?? NETWORK_TYPES);
  const minWeight = Math.max(1, opts.minWeight ?? 1);
  const maxNodes = opts.maxNodes ?? 150;
  const typeOf = new Map<string, string | undefined>();
  const wanted = (id: string) => {
    let t = typeOf.get(id);
    if (!typeOf.has(id)) typeOf.set(id, (t = index.entity(id)?.type));
    return t !== undefined && types.has(t);
  };
  const weights = new Map<string, number>();
  for (const doc of index.documents()) {
    const scan = index.scan(doc);
    if (!scan || scan.mentionCount < 2) continue;
    let line = -1;
    let lineEnd = -1;
    let inLine: string[] = [];
    const lines = scan.lines();
    const flush = () => {
      for (let a = 0; a < inLine.length; a++) {
        for (let b = a + 1; b < inLine.length; b++) {
          const key = inLine[a] < inLine[b] ? `${inLine[a]}\u0000${inLine[b]}` : `${inLine[b]}\u0000${inLine[a]}`;
          weights.set(key, (weights.get(key) ?? 0) + 1);
        }
      }
      inLine = [];
    };
    for (let k = 0; k < scan.mentionCount; k++) {
      const i = scan.mentionByOffset(k);
      const start = scan.mentionStart(i);
      if (start >= lineEnd) {
        flush();
        line = scan.lineOf(start);
        lineEnd = line + 1 < lines.length ? lines[line + 1] : Infinity;
      }
      const id = scan.mentionEntity(i);
      if (wanted(id) && !inLine.includes(id)) inLine.push(id);
    }
    flush();
  }
  const links: NetworkLink[] = [];
  const strength = new Map<string, number>();
  for (const [key, weight] of weights) {
    if (weight < minWeight) continue;
    const [source, target] = key.split('\u0000');
    links.push({ source, target, weight });
    strength.set(source, (strength.get(source) ?? 0) + weight);
    strength.set(target, (strength.get(target) ?? 0) + weight);
  }
  const ranked = [...strength].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, maxNodes).map(([id]) => id));
  const nodes: NetworkNode[] = ranked
    .filter(([id]) => kept.has(id))
    .map(([id]) => {
      const e = index.entity(id)!;
      return { entity: id, name: e.name, type: e.type, kind: index.kindOf(id), mentions: index.stats(id).mentions, strength: 0 };
    });
  const drawn = links.filter((l) => kept.has(l.source) && kept.has(l.target)).sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  const byId = new Map(nodes.map((n) => [n.entity, n]));
  for (const l of drawn) {
    byId.get(l.source)!.strength += l.weight;
    byId.get(l.target)!.strength += l.weight;
  }
  const connected = nodes.filter((n) => n.strength > 0);
  return { nodes: connected, links: drawn, omitted: ranked.length - kept.size };
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
