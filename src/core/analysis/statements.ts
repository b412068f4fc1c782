import type { DocumentScan } from '../corpus/documentScan';
import type { Entity } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import { inDateRange, precision } from './dates';
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
  /** Entities (not dates) mentioned in the paragraphs the quotation spans, the speaker included. */
  entities: string[];
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
  const starts = new Set<number>();
  // The first line is the headline ("U.S.-backed fighters push…"), never a dateline.
  for (let l = lines.length > 1 ? 1 : 0; l < lines.length && lines[l] < DATELINE_WITHIN; l++) starts.add(lines[l]);
  for (let k = 0; k < scan.mentionCount; k++) {
    const i = scan.mentionByOffset(k);
    const s = scan.mentionStart(i);
    if (s >= DATELINE_WITHIN) break;
    if (scan.mentionType(i) !== 'place' || !starts.has(s)) continue;
    const t = scan.mentionText(i);
    if ((t.match(/\p{Lu}/gu)?.length ?? 0) >= 3 && !/\p{Ll}/u.test(t)) return scan.mentionEntity(i);
  }
  return undefined;
}

/** Datelines open a report: only the first characters are looked at. */
const DATELINE_WITHIN = 2000;

/**
 * Every quotation of one document as a {@link Statement}. `texts`, when given, holds each quotation's
 * {@link QuoteText} in order (the index keeps no text: the caller reads it); without it the
 * statement's own date is not looked for and the document's date is used.
 */
export function documentStatements(doc: string, scan: DocumentScan, texts?: readonly (QuoteText | null | undefined)[]): Statement[] {
  if (scan.quoteCount === 0) return [];
  const docDate = scan.documentDate();
  const place = datelinePlace(scan);
  // The lines (paragraphs) quotations span, then, in one pass over the mentions in offset order,
  // the entities of those lines and the document's resolved dates.
  const quoteLines = new Set<number>();
  const spans: [number, number][] = [];
  for (let q = 0; q < scan.quoteCount; q++) {
    const first = scan.lineOf(scan.quoteStart(q));
    const last = scan.lineOf(Math.max(scan.quoteStart(q), scan.quoteEnd(q) - 1));
    spans.push([first, last]);
    for (let l = first; l <= last; l++) quoteLines.add(l);
  }
  const lines = scan.lines();
  const byLine = new Map<number, string[]>();
  const dates: DateMention[] = [];
  let line = 0;
  for (let k = 0; k < scan.mentionCount; k++) {
    const i = scan.mentionByOffset(k);
    const start = scan.mentionStart(i);
    while (line + 1 < lines.length && lines[line + 1] <= start) line++;
    if (scan.mentionType(i) === 'date') {
      const value = texts && scan.mentionValue(i);
      if (value) dates.push({ start, end: scan.mentionEnd(i), value });
      continue;
    }
    if (!quoteLines.has(line)) continue;
    const id = scan.mentionEntity(i);
    const list = byLine.get(line);
    if (!list) byLine.set(line, [id]);
    else if (!list.includes(id)) list.push(id);
  }
  const out: Statement[] = [];
  for (let q = 0; q < scan.quoteCount; q++) {
    const start = scan.quoteStart(q);
    const end = scan.quoteEnd(q);
    const speaker = scan.quoteSpeaker(q);
    const [first, last] = spans[q];
    const entities: string[] = speaker ? [speaker] : [];
    for (let l = first; l <= last; l++) for (const id of byLine.get(l) ?? []) if (!entities.includes(id)) entities.push(id);
    const s: Statement = { doc, start, end, speaker, line: first, entities };
    const text = texts?.[q];
    const own = text && statementDate(dates, s, text, docDate?.value);
    if (own) {
      s.date = own;
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
  if (f.speakers?.length && !f.speakers.includes(s.speaker ?? '')) return false;
  if (f.entity && !s.entities.includes(f.entity)) return false;
  if ((f.from || f.to) && !inDateRange(s.date, f.from, f.to)) return false;
  if (f.tag && !ctx.tags(s).includes(f.tag)) return false;
  if (f.text) {
    const words = ctx.words(s);
    if (words === undefined || !fold(words).includes(fold(f.text))) return false;
  }
  return true;
}

/** A group of the Statements view: `key` is a speaker id (`''` for unattributed), a document, or a month (`YYYY-MM`, `YYYY`, `''` undated). */
export interface StatementGroup {
  key: string;
  statements: Statement[];
}

/**
 * Statements grouped: by speaker (most quoted first, unattributed last), by document (by date, then
 * name), or by month (oldest first; a date known only to the year forms its own group; undated last).
 * Within a group, statements are in date order, then document and offset order.
 */
export function groupStatements(list: readonly Statement[], by: StatementGrouping): StatementGroup[] {
  const groups = new Map<string, Statement[]>();
  for (const s of list) {
    const key = by === 'speaker' ? (s.speaker ?? '') : by === 'document' ? s.doc : monthOf(s.date);
    const g = groups.get(key);
    if (g) g.push(s);
    else groups.set(key, [s]);
  }
  const out = [...groups].map(([key, statements]) => ({ key, statements: statements.length > 1 ? statements.sort(byDate) : statements }));
  if (by === 'speaker') out.sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.statements.length - a.statements.length || a.key.localeCompare(b.key));
  else if (by === 'document') out.sort((a, b) => cmp(a.statements[0].date ?? '\uffff', b.statements[0].date ?? '\uffff') || cmp(a.key, b.key));
  else out.sort((a, b) => cmp(a.key || '\uffff', b.key || '\uffff'));
  return out;
}

/** `YYYY-MM` of a date, `YYYY` when only the year is known, `''` when undated. */
export function monthOf(date: string | undefined): string {
  return date ? date.slice(0, 7) : '';
}

function byDate(a: Statement, b: Statement): number {
  const x = a.date ?? '\uffff';
  const y = b.date ?? '\uffff';
  if (x !== y) return x < y ? -1 : 1;
  if (a.doc !== b.doc) return a.doc < b.doc ? -1 : 1;
  return a.start - b.start;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
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
