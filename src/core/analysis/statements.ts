import type { DocumentScan } from '../corpus/documentScan';
import { lineAt } from '../corpus/lines';
import type { Entity } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import { dateRange, precision } from './dates';
import type { Row, Table } from './table';

/**
 * A quotation as data: who said it, where it is, when and where it was said. Offsets are UTF-16 into
 * the document's text, quotation marks included, end exclusive (as {@link Quote}).
 */
export interface Statement {
  doc: string;
  start: number;
  end: number;
  /** Entity id of the speaker, or null when the quotation is attributed to nobody. */
  speaker: string | null;
  /**
   * ISO date (day, month or year precision): a date written in the quotation's own sentence when
   * there is one (see {@link statementDate}), else the document's date; absent when neither is known.
   */
  date?: string;
  /** Where {@link date} comes from: the statement's sentence, the analyst's document date, or the date inferred for the document. */
  dateSource?: 'statement' | 'analyst' | 'inferred';
  /** Entity id of the dateline's place ("MOSUL, Iraq (Wire) —"), when the document has a dateline. */
  place?: string;
  /** Zero-based line of the quotation's start: its paragraph, since news copy puts one paragraph on a line. */
  line: number;
  /** Entities (not dates) mentioned in the paragraphs the quotation spans, the speaker included (shared between statements: never changed). */
  entities: readonly string[];
}

/** What a statement needs from the document's text: its words and the bounds of its sentence. */
export interface QuoteText {
  /** The quotation without its marks, spaces collapsed. */
  words: string;
  /** Offsets of the sentence(s) the quotation sits in: from the start of the sentence holding its opening mark to the end of the one holding its closing mark. */
  sentenceStart: number;
  sentenceEnd: number;
}

const OPENING = /^["\u201c\u201d'\u2018\u2019\s]+/;
const CLOSING = /["\u201c\u201d'\u2018\u2019\s]+$/;

/** The words and sentence bounds of the quotation at [start, end) of `text` (see {@link QuoteText}). */
export function quoteText(text: string, start: number, end: number): QuoteText {
  const words = text.slice(start, end).replace(OPENING, '').replace(CLOSING, '').replace(/\s+/g, ' ');
  let from = text.lastIndexOf('\n', Math.max(0, start - 1)) + 1;
  if (from > start) from = start;
  let to = text.indexOf('\n', Math.max(start, end - 1));
  if (to < 0) to = text.length;
  let sentenceStart = start;
  let sentenceEnd = end;
  for (const para of paragraphs(text.slice(from, to))) {
    const p = { start: para.start + from, end: para.end + from };
    for (const s of sentences(text, p)) {
      if (s.start <= start && start < s.end) sentenceStart = Math.min(sentenceStart, s.start);
      if (s.start < end && end <= s.end) sentenceEnd = Math.max(sentenceEnd, s.end);
    }
  }
  // A dateline opening the sentence ("GENEVA, May 6, 2021 (Wire) —") dates the report, not the statement.
  const dateline = DATELINE.exec(text.slice(sentenceStart, Math.min(start, sentenceStart + 200)));
  if (dateline) sentenceStart += dateline[0].length;
  return { words, sentenceStart, sentenceEnd };
}

/** A dateline: a name in capitals, then a comma or an agency in brackets, then a dash (as the place recognizer reads it). */
const DATELINE = /^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?=\s*[,(])[^\n]{0,120}?\s[—–-]{1,2}\s/;

/**
 * The date a statement was made, when its own sentence gives one: the date mention nearest the
 * quotation in its sentence, outside the quotation marks ("…," he said on Tuesday; "In a recording
 * released on Nov. 3, …"). Only a day or a month counts (a bare year in the sentence is more often
 * about something else), and never a date after the document's own: a report does not quote what is
 * yet to be said ("will speak on Friday").
 */
export function statementDate(dates: readonly DateMention[], quote: { start: number; end: number }, text: QuoteText, documentDate: string | undefined): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const { start: s, end: e, value } of dates) {
    if (s < text.sentenceStart || e > text.sentenceEnd) continue;
    if (e > quote.start && s < quote.end) continue;
    if (precision(value) < 2) continue;
    if (documentDate && value.slice(0, documentDate.length) > documentDate) continue;
    const distance = s >= quote.end ? s - quote.end : quote.start - e;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = value;
    }
  }
  return best;
}

/** A resolved date mention of a document. */
export interface DateMention {
  start: number;
  end: number;
  value: string;
}

/** The place of a dateline: a place written in capitals at the start of a line near the top ("MOSUL, Iraq, Nov. 4 (Wire) —"). */
export function datelinePlace(scan: DocumentScan): string | undefined {
  const lines = scan.lines();
  // The first line is the headline ("U.S.-backed fighters push…"), never a dateline.
  let line = lines.length > 1 ? 1 : 0;
  for (let k = 0; k < scan.mentionCount; k++) {
    const i = scan.mentionByOffset(k);
    const s = scan.mentionStart(i);
    if (s >= DATELINE_WITHIN) break;
    while (line < lines.length && lines[line] < s) line++;
    if (line >= lines.length || lines[line] !== s || scan.mentionType(i) !== 'place') continue;
    const t = scan.mentionText(i);
    if ((t.match(/\p{Lu}/gu)?.length ?? 0) >= 3 && !/\p{Ll}/u.test(t)) return scan.mentionEntity(i);
  }
  return undefined;
}

/** Datelines open a report: only the first characters are looked at. */
const DATELINE_WITHIN = 2000;

const NO_ENTITIES: readonly string[] = Object.freeze([]);

/**
 * Every quotation of one document as a {@link Statement}. `texts`, when given, holds each quotation's
 * {@link QuoteText} in order (the index keeps no text: the caller reads it); without it the
 * statement's own date is not looked for and the document's date is used.
 */
export function documentStatements(doc: string, scan: DocumentScan, texts?: readonly (QuoteText | null | undefined)[]): Statement[] {
  const count = scan.quoteCount;
  if (count === 0) return [];
  const docDate = scan.documentDate();
  const place = datelinePlace(scan);
  const lines = scan.lines();
  // The lines (paragraphs) quotations span, then, in one pass over the mentions in offset order,
  // the entities of those lines and the document's resolved dates.
  const firsts = new Int32Array(count);
  const lasts = new Int32Array(count);
  const quoteLines = new Uint8Array(lines.length);
  for (let q = 0; q < count; q++) {
    const start = scan.quoteStart(q);
    const first = lineAt(lines, start);
    const last = lineAt(lines, Math.max(start, scan.quoteEnd(q) - 1));
    firsts[q] = first;
    lasts[q] = last;
    for (let l = first; l <= last; l++) quoteLines[l] = 1;
  }
  const byLine = new Map<number, string[]>();
  const dates: DateMention[] = [];
  const dateType = scan.typeRef('date');
  let line = 0;
  for (let k = 0; k < scan.mentionCount; k++) {
    const i = scan.mentionByOffset(k);
    const start = scan.mentionStart(i);
    while (line + 1 < lines.length && lines[line + 1] <= start) line++;
    if (scan.mentionTypeRef(i) === dateType) {
      const value = texts && scan.mentionValue(i);
      if (value) dates.push({ start, end: scan.mentionEnd(i), value });
      continue;
    }
    if (!quoteLines[line]) continue;
    const id = scan.mentionEntity(i);
    const list = byLine.get(line);
    if (!list) byLine.set(line, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  const out: Statement[] = [];
  for (let q = 0; q < count; q++) {
    const start = scan.quoteStart(q);
    const end = scan.quoteEnd(q);
    const speaker = scan.quoteSpeaker(q);
    const first = firsts[q];
    const last = lasts[q];
    const own = first === last ? (byLine.get(first) ?? NO_ENTITIES) : undefined;
    let entities: readonly string[];
    if (own && (!speaker || own[0] === speaker)) entities = own;
    else {
      const list = speaker ? [speaker] : [];
      for (let l = first; l <= last; l++) for (const id of byLine.get(l) ?? NO_ENTITIES) if (!list.includes(id)) list.push(id);
      entities = list;
    }
    const s: Statement = { doc, start, end, speaker, line: first, entities };
    const text = texts?.[q];
    const said = text && statementDate(dates, s, text, docDate?.value);
    if (said) {
      s.date = said;
      s.dateSource = 'statement';
    } else if (docDate) {
      s.date = docDate.value;
      s.dateSource = docDate.source;
    }
    if (place) s.place = place;
    out.push(s);
  }
  return out;
}

/** How the Statements view groups. */
export type StatementGrouping = 'speaker' | 'document' | 'month';

/** What the analyst narrows the statements to; every field set must hold. */
export interface StatementFilter {
  /** Speaker entity ids; `''` stands for unattributed quotations. */
  speakers?: readonly string[];
  /** An entity the quotation's paragraph mentions (or who speaks). */
  entity?: string;
  /** A tag of an annotation overlapping the quotation. */
  tag?: string;
  /** ISO dates, either end open. */
  from?: string;
  to?: string;
  /** Words the quotation contains (case- and accent-insensitive). */
  text?: string;
}

/** What filtering needs beyond the statements: their words and the tags of overlapping annotations. */
export interface StatementContext {
  words(s: Statement): string | undefined;
  tags(s: Statement): readonly string[];
}

export function isEmptyFilter(f: StatementFilter): boolean {
  return !f.speakers?.length && !f.entity && !f.tag && !f.from && !f.to && !f.text;
}

/** Whether a statement passes the filter. */
export function matchesFilter(s: Statement, f: StatementFilter, ctx: StatementContext): boolean {
  return compileFilter(f, ctx)(s);
}

/** The filter as a test, its text folded once: what a pass over every statement calls. */
export function compileFilter(f: StatementFilter, ctx: StatementContext): (s: Statement) => boolean {
  const speakers = f.speakers?.length ? new Set(f.speakers) : undefined;
  const needle = f.text ? fold(f.text) : undefined;
  const dated = f.from || f.to ? dateRange(f.from, f.to) : undefined;
  return (s) => {
    if (speakers && !speakers.has(s.speaker ?? '')) return false;
    if (f.entity && !s.entities.includes(f.entity)) return false;
    if (dated && !dated(s.date)) return false;
    if (f.tag && !ctx.tags(s).includes(f.tag)) return false;
    if (needle !== undefined) {
      const words = ctx.words(s);
      if (words === undefined || !fold(words).includes(needle)) return false;
    }
    return true;
  };
}

/** A group of the Statements view: `key` is a speaker id (`''` for unattributed), a document, or a month (`YYYY-MM`, `YYYY`, `''` undated). */
export interface StatementGroup {
  key: string;
  statements: Statement[];
}

/** The key of a statement's group. */
export function groupKey(s: Statement, by: StatementGrouping): string {
  return by === 'speaker' ? (s.speaker ?? '') : by === 'document' ? s.doc : monthOf(s.date);
}

/**
 * Statements grouped: by speaker (most quoted first, unattributed last), by document (by date, then
 * name), or by month (oldest first; a date known only to the year forms its own group; undated last).
 * Within a group, statements are in date order, then document and offset order.
 */
export function groupStatements(list: readonly Statement[], by: StatementGrouping): StatementGroup[] {
  const groups = collectGroups(list, by);
  for (const g of groups) sortStatements(g.statements);
  return groups;
}

/**
 * The groups in the order of {@link groupStatements}, their statements in the order of `list`: one
 * pass, no sort within groups (what a tree shows first is the groups and their sizes; a group's
 * statements are put in order with {@link sortStatements} when it is opened).
 */
export function collectGroups(list: Iterable<Statement>, by: StatementGrouping): StatementGroup[] {
  const groups = new Map<string, Statement[]>();
  for (const s of list) {
    const key = groupKey(s, by);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  return orderGroups(
    [...groups].map(([key, statements]) => ({ key, statements })),
    by,
    (g) => g.key,
    (g) => g.statements.length,
    (g) => earliest(g.statements),
  );
}

/**
 * Groups in the view's order (`key` names a group as {@link groupKey} does): by speaker, most quoted
 * first (`size`) and unattributed last; by document, by date (`date`: the group's earliest) then
 * name; by month, oldest first, undated last.
 */
export function orderGroups<G>(groups: G[], by: StatementGrouping, key: (g: G) => string, size: (g: G) => number, date: (g: G) => string | undefined): G[] {
  if (by === 'speaker') return groups.sort((a, b) => Number(key(a) === '') - Number(key(b) === '') || size(b) - size(a) || key(a).localeCompare(key(b)));
  if (by === 'document') {
    const dates = new Map(groups.map((g) => [g, date(g) ?? '\uffff']));
    return groups.sort((a, b) => cmp(dates.get(a)!, dates.get(b)!) || cmp(key(a), key(b)));
  }
  return groups.sort((a, b) => cmp(key(a) || '\uffff', key(b) || '\uffff'));
}

/** Statements in the order of a group: date, then document and offset. In place. */
export function sortStatements(list: Statement[]): Statement[] {
  return list.length > 1 ? list.sort(compareStatements) : list;
}

function earliest(list: readonly Statement[]): string | undefined {
  let min: string | undefined;
  for (const s of list) if (s.date !== undefined && (min === undefined || s.date < min)) min = s.date;
  return min;
}

/** `YYYY-MM` of a date, `YYYY` when only the year is known, `''` when undated. */
export function monthOf(date: string | undefined): string {
  return date ? date.slice(0, 7) : '';
}

/** The order of statements within a group: by date (undated last), then document, then offset. */
export function compareStatements(a: Statement, b: Statement): number {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  if (x !== y) return x < y ? -1 : 1;
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.start - b.start;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case- and accent-insensitive form; plain ASCII is only lower-cased (most quotations: no normalization). */
function fold(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(s) ? s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() : s.toLowerCase();
}

/** The columns of a statements export (the CLI's `--format quotes` and the Statements view's Export…). */
export const STATEMENT_COLUMNS = ['file', 'start', 'end', 'speaker_id', 'speaker', 'quotation', 'date', 'date_source', 'place_id', 'place'] as const;

/**
 * Statements as a table. `file` names a document as the reader expects it (a relative path);
 * `words` gives each statement's quotation; `entity` names ids.
 */
export function statementTable(list: readonly Statement[], names: { file(doc: string): string; words(s: Statement): string | undefined; entity(id: string): Entity | undefined }): Table {
  const rows: Row[] = list.map((s) => ({
    file: names.file(s.doc),
    start: s.start,
    end: s.end,
    speaker_id: s.speaker ?? undefined,
    speaker: s.speaker ? (names.entity(s.speaker)?.name ?? s.speaker) : undefined,
    quotation: names.words(s),
    date: s.date,
    date_source: s.dateSource,
    place_id: s.place,
    place: s.place ? (names.entity(s.place)?.name ?? s.place) : undefined,
  }));
  return { columns: STATEMENT_COLUMNS, rows };
}
