import type { CorpusIndex } from '../corpus/corpusIndex';
import type { DocumentScan } from '../corpus/documentScan';
import { dateRange } from './dates';
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
  const dated = filter.from || filter.to ? dateRange(filter.from, filter.to) : undefined;
  const byPlace = new Map<number, { docs: string[]; counts: number[]; mentions: number }>();
  for (const doc of only ?? index.documents()) {
    const scan = index.scan(doc);
    if (!scan) continue;
    if (dated && !dated(scan.documentDate()?.value)) continue;
    const places = documentPlaces(scan);
    for (let i = 0; i < places.length; i += 2) {
      let p = byPlace.get(places[i]);
      if (!p) byPlace.set(places[i], (p = { docs: [], counts: [], mentions: 0 }));
      p.docs.push(doc);
      p.counts.push(places[i + 1]);
      p.mentions += places[i + 1];
    }
  }
  const out: PlaceCount[] = [];
  for (const [n, p] of byPlace) {
    const id = index.entityIdOf(n)!;
    const e = index.entity(id);
    const documents = p.docs.map((doc, k) => ({ doc, mentions: p.counts[k] })).sort((a, b) => b.mentions - a.mentions || (a.doc < b.doc ? -1 : 1));
    out.push({ entity: id, name: e?.name ?? id, aliases: e?.aliases ?? [], mentions: p.mentions, documents });
  }
  return out.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/**
 * A document's places: pairs (entity number, mentions) of its place mentions, in the order first
 * mentioned. Remembered per document while its analysis and ids stay as they were (see
 * {@link DocumentScan.links}).
 */
function documentPlaces(scan: DocumentScan): Int32Array {
  const links = scan.links;
  const memo = links && placeMemo.get(links);
  if (memo && memo.analysis === scan.analysis) return memo.places;
  const placeType = scan.typeRef('place');
  const counts = new Map<number, number>();
  if (placeType >= 0) {
    for (let i = 0; i < scan.mentionCount; i++) {
      if (scan.mentionTypeRef(i) !== placeType) continue;
      const n = scan.mentionEntityNumber(i);
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
  }
  const places = new Int32Array(counts.size * 2);
  let at = 0;
  for (const [n, c] of counts) {
    places[at++] = n;
    places[at++] = c;
  }
  if (links) placeMemo.set(links, { analysis: scan.analysis, places });
  return places;
}

const placeMemo = new WeakMap<Int32Array, { analysis: object; places: Int32Array }>();

/** The columns of a map export. */
export const PLACE_COLUMNS = ['place_id', 'place', 'longitude', 'latitude', 'mentions', 'documents'] as const;

export function placeTable(places: readonly PlaceCount[], locate: (p: PlaceCount) => readonly [number, number] | undefined): Table {
  const rows: Row[] = places.map((p) => {
    const at = locate(p);
    return { place_id: p.entity, place: p.name, longitude: at?.[0], latitude: at?.[1], mentions: p.mentions, documents: p.documents.length };
  });
  return { columns: PLACE_COLUMNS, rows };
}
