import type { CorpusIndex } from '../corpus/corpusIndex';
import { inDateRange } from './dates';
import type { Row, Table } from './table';

/** A place with how often the corpus (or the filtered part of it) mentions it. */
export interface PlaceCount {
  entity: string;
  name: string;
  aliases: string[];
  mentions: number;
  /** The documents that mention it, most mentions first. */
  documents: { doc: string; mentions: number }[];
}

export interface PlaceFilter {
  /** ISO dates: only documents dated within (undated documents are left out when either is set). */
  from?: string;
  to?: string;
  /** Only documents that mention this entity. */
  entity?: string;
}

/** The places mentioned in the documents the filter keeps, most mentioned first. */
export function placeCounts(index: CorpusIndex, filter: PlaceFilter = {}): PlaceCount[] {
  const only = filter.entity ? new Set(index.references(filter.entity).map((r) => r.doc)) : undefined;
  const byPlace = new Map<string, Map<string, number>>();
  for (const doc of only ?? index.documents()) {
    const scan = index.scan(doc);
    if (!scan) continue;
    if ((filter.from || filter.to) && !inDateRange(scan.documentDate()?.value, filter.from, filter.to)) continue;
    for (let i = 0; i < scan.mentionCount; i++) {
      if (scan.mentionType(i) !== 'place') continue;
      const id = scan.mentionEntity(i);
      let docs = byPlace.get(id);
      if (!docs) byPlace.set(id, (docs = new Map()));
      docs.set(doc, (docs.get(doc) ?? 0) + 1);
    }
  }
  const out: PlaceCount[] = [];
  for (const [id, docs] of byPlace) {
    const e = index.entity(id);
    let mentions = 0;
    for (const n of docs.values()) mentions += n;
    const documents = [...docs].map(([doc, n]) => ({ doc, mentions: n })).sort((a, b) => b.mentions - a.mentions || (a.doc < b.doc ? -1 : 1));
    out.push({ entity: id, name: e?.name ?? id, aliases: e?.aliases ?? [], mentions, documents });
  }
  return out.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** The columns of a map export. */
export const PLACE_COLUMNS = ['place_id', 'place', 'longitude', 'latitude', 'mentions', 'documents'] as const;

export function placeTable(places: readonly PlaceCount[], locate: (p: PlaceCount) => readonly [number, number] | undefined): Table {
  const rows: Row[] = places.map((p) => {
    const at = locate(p);
    return { place_id: p.entity, place: p.name, longitude: at?.[0], latitude: at?.[1], mentions: p.mentions, documents: p.documents.length };
  });
  return { columns: PLACE_COLUMNS, rows };
}
