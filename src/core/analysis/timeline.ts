import type { CorpusIndex } from '../corpus/corpusIndex';
import type { EntityType, MentionType } from '../model';
import { dateTime, inDateRange } from './dates';
import type { Statement } from './statements';
import type { Row, Table } from './table';

/** A document on the time axis. */
export interface TimelineDocument {
  doc: string;
  /** ISO date; the analyst's when set (it wins over the inferred one, as everywhere). */
  date: string;
  /** Milliseconds since the epoch at the middle of the span the date stands for. */
  time: number;
  source: 'analyst' | 'inferred';
}

/** A statement on the time axis. */
export interface TimelineStatement {
  doc: string;
  start: number;
  end: number;
  date: string;
  time: number;
  dateSource: 'statement' | 'analyst' | 'inferred';
}

/** One lane: an entity, the documents that mention it and the statements it made, in date order. */
export interface TimelineLane {
  entity: string;
  name: string;
  type: EntityType;
  kind: MentionType | undefined;
  documents: TimelineDocument[];
  statements: TimelineStatement[];
}

export interface TimelineData {
  lanes: TimelineLane[];
  /** Earliest and latest time of anything drawn, or undefined when nothing is dated. */
  extent: [number, number] | undefined;
  /** Documents of the lanes' entities without a date (not drawn). */
  undated: number;
}

export interface TimelineOptions {
  /** Entity ids, one lane each, in this order; default: the {@link defaultLanes}. */
  lanes?: readonly string[];
  /** How many default lanes (the most quoted speakers). */
  maxLanes?: number;
  from?: string;
  to?: string;
}

/** The most quoted speakers, most first: the lanes shown until the analyst picks others. */
export function defaultLanes(statements: readonly Statement[], max = 8): string[] {
  const counts = new Map<string, number>();
  for (const s of statements) if (s.speaker) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([id]) => id);
}

/** A document's date for the axis, or undefined when it has none. */
export function documentOnAxis(index: CorpusIndex, doc: string): TimelineDocument | undefined {
  const d = index.scan(doc)?.documentDate();
  const time = d && dateTime(d.value);
  return d && time !== undefined ? { doc, date: d.value, time, source: d.source } : undefined;
}

/**
 * The timeline's data: per lane, the dated documents that mention the entity and the entity's dated
 * statements (their own date when the sentence gives one, else their document's).
 */
export function timelineData(index: CorpusIndex, statements: readonly Statement[], opts: TimelineOptions = {}): TimelineData {
  const ids = opts.lanes?.length ? [...opts.lanes] : defaultLanes(statements, opts.maxLanes);
  const bySpeaker = new Map<string, Statement[]>();
  for (const s of statements) {
    if (!s.speaker) continue;
    const list = bySpeaker.get(s.speaker);
    if (list) list.push(s);
    else bySpeaker.set(s.speaker, [s]);
  }
  const docCache = new Map<string, TimelineDocument | undefined>();
  const onAxis = (doc: string) => {
    if (!docCache.has(doc)) docCache.set(doc, documentOnAxis(index, doc));
    return docCache.get(doc);
  };
  let min = Infinity;
  let max = -Infinity;
  let undated = 0;
  const lanes: TimelineLane[] = [];
  for (const id of ids) {
    const entity = index.entity(id);
    if (!entity) continue;
    const seen = new Set<string>();
    const documents: TimelineDocument[] = [];
    for (const r of index.references(id)) {
      if (seen.has(r.doc)) continue;
      seen.add(r.doc);
      const d = onAxis(r.doc);
      if (!d) undated++;
      else if (inDateRange(d.date, opts.from, opts.to)) documents.push(d);
    }
    const said: TimelineStatement[] = [];
    for (const s of bySpeaker.get(id) ?? []) {
      const time = s.date ? dateTime(s.date) : undefined;
      if (time === undefined || !s.date || !s.dateSource || !inDateRange(s.date, opts.from, opts.to)) continue;
      said.push({ doc: s.doc, start: s.start, end: s.end, date: s.date, time, dateSource: s.dateSource });
    }
    documents.sort((a, b) => a.time - b.time || (a.doc < b.doc ? -1 : 1));
    said.sort((a, b) => a.time - b.time || (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start));
    for (const x of [...documents, ...said]) {
      min = Math.min(min, x.time);
      max = Math.max(max, x.time);
    }
    lanes.push({ entity: id, name: entity.name, type: entity.type, kind: index.kindOf(id), documents, statements: said });
  }
  return { lanes, extent: min <= max ? [min, max] : undefined, undated };
}

/** The columns of a timeline export: one row per document or statement of a lane. */
export const TIMELINE_COLUMNS = ['lane_id', 'lane', 'kind', 'date', 'date_source', 'file', 'start', 'end', 'quotation'] as const;

export function timelineTable(data: TimelineData, names: { file(doc: string): string; words(doc: string, start: number): string | undefined }): Table {
  const rows: Row[] = [];
  for (const lane of data.lanes) {
    for (const d of lane.documents) rows.push({ lane_id: lane.entity, lane: lane.name, kind: 'document', date: d.date, date_source: d.source, file: names.file(d.doc) });
    for (const s of lane.statements) rows.push({ lane_id: lane.entity, lane: lane.name, kind: 'statement', date: s.date, date_source: s.dateSource, file: names.file(s.doc), start: s.start, end: s.end, quotation: names.words(s.doc, s.start) });
  }
  return { columns: TIMELINE_COLUMNS, rows };
}
