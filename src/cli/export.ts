import * as path from 'node:path';
import { documentPathFor, isCorpusFilePath, isSidecarPath, type Annotation, type Correction, type TextTarget } from '../core/annotations';
import { statementTable } from '../core/analysis/statements';
import { toCsv, toJsonl } from '../core/analysis/table';
import type { CorpusResult } from '../core/extract';
import type { Mention } from '../core/model';
import { AnalystInput } from '../node/analystInput';
import { CorpusRun, type ExportedQuote } from './corpusRun';
import { CliError, collectFiles, displayPath, errorMessage, parseCommand, parseDateOption, problemLine, readText, Reporter, requirePaths, UsageError } from './io';

export const exportHelp = `corpus-lens export <files or folders…> --format csv|jsonl|w3c|brat|quotes [--entities] [--jsonl] [--date YYYY-MM-DD]

  Writes the analyst's annotations of the given documents (or of the given
  *.lens.yaml files) to stdout. Annotations of a document that changed since they
  were written are re-anchored first (the files are not modified).

  --format csv     one row per annotation, RFC 4180 quoting
  --format jsonl   one JSON object per line
  --format w3c     a W3C Web Annotation collection (JSON-LD), with TextPositionSelector
                   and TextQuoteSelector (positions in Unicode code points)
  --format brat    brat standoff (.ann) lines for one document (offsets in code points)
  --format quotes  every quotation with its speaker: file, offsets, speaker id and name,
                   quotation, date (its own sentence's, else the document's), dateline
                   place; CSV, or JSON Lines with --jsonl
  --entities       also export the detected entity mentions and the quotations with
                   their speakers, found as \`extract\` finds them (with the analyst's
                   corrections, dates and aliases)
  --date YYYY-MM-DD  with --entities or quotes: the document date of documents whose
                   annotation file gives none

  The analyst's corrections (Correct Entity) are exported with the annotations.

  Offsets in csv and jsonl are UTF-16 code units, as in \`extract --json\`.
  Exit 0: all exported; 1: something was skipped (reported on stderr); 2: usage error.`;

const FORMATS = ['csv', 'jsonl', 'w3c', 'brat', 'quotes'] as const;
type Format = (typeof FORMATS)[number];

interface DocExport {
  file: string;
  path: string;
  text: string | undefined;
  annotations: Annotation[];
  corrections: Correction[];
  mentions: Mention[];
  quotes: ExportedQuote[];
}

export async function runExport(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, paths } = parseCommand('export', args, { format: { type: 'string' }, entities: { type: 'boolean' }, jsonl: { type: 'boolean' }, date: { type: 'string' } });
  const format = values.format;
  if (!format || !FORMATS.includes(format as Format)) throw new UsageError(`export: --format must be one of ${FORMATS.join(', ')}`);
  requirePaths('export', paths);
  const date = parseDateOption('export', values.date);
  const report = new Reporter(err);
  const found = await collectFiles(paths, { extensions: ['.yaml', '.txt', '.md'] }, report);
  const docPaths = [...new Set(found.filter((f) => !isCorpusFilePath(f)).map((f) => (isSidecarPath(f) ? documentPathFor(f) : f)).filter((f): f is string => !!f && !f.endsWith('.yaml')))].sort();
  const analyst = new AnalystInput();
  const run = values.entities || format === 'quotes' ? new CorpusRun(date) : undefined;
  const docs: DocExport[] = [];
  for (const docPath of docPaths) {
    try {
      const r = await readText(docPath);
      const text = r.ok ? r.text : undefined;
      if (r.ok && r.warning) report.warn(docPath, r.warning);
      const input = await analyst.document(docPath, text);
      for (const p of input.problems) report.problem(problemLine(p.file, p.problem));
      if (input.sidecar.kind === 'invalid') continue;
      if (!r.ok) {
        if (input.sidecar.kind === 'missing') {
          report.skip(docPath, r.reason);
          continue;
        }
        if (r.missing) err(`${displayPath(docPath)}: document not found; exporting stored offsets`);
        else report.skip(docPath, `${r.reason}; exporting the stored offsets of its annotations`);
      }
      const d: DocExport = { file: displayPath(docPath), path: docPath, text, annotations: input.sidecar.kind === 'ok' ? input.sidecar.data.annotations : [], corrections: input.sidecar.kind === 'ok' ? input.sidecar.data.corrections : [], mentions: [], quotes: [] };
      if (run && text !== undefined) {
        const failed = run.add(docPath, text, input.options, true);
        if (failed) report.skip(docPath, `the extractor failed (${failed}); its annotations are exported without entities`);
      }
      docs.push(d);
    } catch (e) {
      report.skip(docPath, errorMessage(e));
    }
  }
  let corpus: CorpusResult | undefined;
  if (run) {
    corpus = run.result();
    const byFile = new Map(corpus.documents.map((r) => [r.file, r.mentions]));
    const said = run.statements();
    for (const d of docs) {
      d.mentions = byFile.get(d.file) ?? [];
      d.quotes = said.quotes.get(d.file) ?? [];
    }
    if (format === 'quotes') {
      const table = statementTable(said.statements, said.names);
      const text = values.jsonl ? toJsonl(table.rows) : toCsv(table.columns, table.rows);
      if (text) out(text.endsWith('\n') ? text.slice(0, -1) : text);
      return report.exitCode;
    }
  }
  if (docs.length === 0 && !report.skipped) report.problem(`corpus-lens: export: no documents or annotation files in ${paths.join(', ')}`);
  const write = { csv: writeCsv, jsonl: writeJsonl, w3c: writeW3c, brat: writeBrat }[format as Exclude<Format, 'quotes'>];
  return Math.max(report.exitCode, write(docs, corpus, out, err));
}

function orphaned(a: Annotation): boolean {
  return a.status === 'orphaned';
}

function writeJsonl(docs: DocExport[], corpus: CorpusResult | undefined, out: (s: string) => void): number {
  for (const d of docs) {
    for (const a of d.annotations) out(JSON.stringify({ kind: 'annotation', file: d.file, id: a.id, ...a.target, tags: a.tags, note: a.note, author: a.author, created: a.created, modified: a.modified, status: a.status }));
    for (const c of d.corrections) out(JSON.stringify({ kind: 'correction', file: d.file, id: c.id, ...c.target, action: c.action, type: c.type, entity: c.entity, name: c.name, author: c.author, created: c.created, status: c.status }));
    for (const m of d.mentions) out(JSON.stringify({ kind: 'mention', file: d.file, ...m }));
    for (const q of d.quotes) out(JSON.stringify({ kind: 'quote', file: d.file, start: q.start, end: q.end, speaker: q.speaker, speakerName: q.speakerName, quotation: q.words, date: q.date, place: q.place }));
  }
  for (const e of corpus?.entities ?? []) out(JSON.stringify({ kind: 'entity', ...e }));
  return 0;
}

/** RFC 4180: quote when the value holds a comma, quote, line break or edge whitespace; double inner quotes. */
export function csvField(v: unknown): string {
  if (v === undefined || v === null) return '';
  const s = Array.isArray(v) ? v.join(';') : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function writeCsv(docs: DocExport[], _corpus: CorpusResult | undefined, out: (s: string) => void): number {
  const cols = ['kind', 'file', 'id', 'start', 'end', 'text', 'tags', 'note', 'author', 'created', 'modified', 'status', 'type', 'entity', 'value', 'action', 'name', 'speaker', 'speaker_name', 'date'];
  const row = (r: Record<string, unknown>) => out(cols.map((c) => csvField(r[c])).join(','));
  out(cols.join(','));
  for (const d of docs) {
    for (const a of d.annotations) row({ kind: 'annotation', file: d.file, id: a.id, start: a.target.start, end: a.target.end, text: a.target.exact, tags: a.tags, note: a.note, author: a.author, created: a.created, modified: a.modified, status: a.status });
    for (const c of d.corrections) row({ kind: 'correction', file: d.file, id: c.id, start: c.target.start, end: c.target.end, text: c.target.exact, author: c.author, created: c.created, status: c.status, type: c.type, entity: c.entity, action: c.action, name: c.name });
    for (const m of d.mentions) row({ kind: 'mention', file: d.file, start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity, value: m.value });
    for (const q of d.quotes) row({ kind: 'quote', file: d.file, start: q.start, end: q.end, text: q.words, speaker: q.speaker, speaker_name: q.speakerName, date: q.date });
  }
  return 0;
}

/** UTF-16 offset → Unicode code point offset, the unit of W3C selectors and of brat. */
function codePoints(text: string | undefined): (offset: number) => number {
  if (text === undefined || !/[\ud800-\udfff]/.test(text)) return (o) => o;
  const map = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) cp++;
  }
  map[text.length] = cp;
  return (o) => map[Math.min(o, text.length)];
}

function selectors(t: TextTarget, placed: boolean, cp: (o: number) => number): object[] {
  const quote = { type: 'TextQuoteSelector', exact: t.exact, prefix: t.prefix, suffix: t.suffix };
  return placed ? [{ type: 'TextPositionSelector', start: cp(t.start), end: cp(t.end) }, quote] : [quote];
}

function writeW3c(docs: DocExport[], _corpus: CorpusResult | undefined, out: (s: string) => void): number {
  const items: object[] = [];
  for (const d of docs) {
    const cp = codePoints(d.text);
    const source = encodeURI(d.file.split(path.sep).join('/'));
    for (const a of d.annotations) {
      const body: object[] = a.tags.map((t) => ({ type: 'TextualBody', purpose: 'tagging', value: t }));
      if (a.note !== undefined) body.push({ type: 'TextualBody', purpose: 'commenting', value: a.note, format: 'text/plain' });
      items.push({
        id: `${source}#${a.id}`,
        type: 'Annotation',
        ...(a.author ? { creator: { type: 'Person', name: a.author } } : {}),
        created: a.created,
        modified: a.modified,
        ...(body.length ? { body } : {}),
        target: { source, selector: selectors(a.target, !orphaned(a), cp) },
      });
    }
    for (const c of d.corrections) {
      const value = c.action === 'mark' ? `mark as ${c.type}` : c.action === 'same-as' ? `same entity as ${c.entity}` : c.action === 'rename' ? `rename to ${c.name}` : 'not an entity';
      items.push({
        id: `${source}#${c.id}`,
        type: 'Annotation',
        motivation: 'editing',
        ...(c.author ? { creator: { type: 'Person', name: c.author } } : {}),
        created: c.created,
        body: [{ type: 'TextualBody', purpose: 'editing', value }],
        target: { source, selector: selectors(c.target, c.status !== 'orphaned', cp) },
      });
    }
    for (const q of d.quotes) {
      const body: object[] = [{ type: 'TextualBody', purpose: 'classifying', value: 'quotation' }];
      if (q.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: q.speaker, ...(q.speakerName ? { label: q.speakerName } : {}) });
      items.push({ type: 'Annotation', motivation: 'identifying', body, target: { source, selector: [{ type: 'TextPositionSelector', start: cp(q.start), end: cp(q.end) }] } });
    }
    for (const m of d.mentions) {
      items.push({
        type: 'Annotation',
        motivation: 'identifying',
        body: [
          { type: 'TextualBody', purpose: 'classifying', value: m.type },
          { type: 'TextualBody', purpose: 'identifying', value: m.entity },
          // A date's value: its entity is the day, the value may be finer (a time, a part of the day).
          ...(m.value !== undefined ? [{ type: 'TextualBody', purpose: 'describing', value: m.value }] : []),
        ],
        target: { source, selector: [{ type: 'TextPositionSelector', start: cp(m.start), end: cp(m.end) }, { type: 'TextQuoteSelector', exact: m.text }] },
      });
    }
  }
  out(JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', label: 'Corpus Lens annotations', total: items.length, first: { type: 'AnnotationPage', startIndex: 0, items } }, null, 1));
  return 0;
}

/** A brat type name: letters, digits, `_` and `-` only. */
function bratType(s: string): string {
  const t = s.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(t) ? t : 'T_' + t;
}

/** brat spans cannot cross line breaks: split into fragments, text joined by spaces. */
function bratSpan(text: string, start: number, end: number, cp: (o: number) => number): string {
  const frags: string[] = [];
  const texts: string[] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || text[i] === '\n' || text[i] === '\r') {
      if (i > s) {
        frags.push(`${cp(s)} ${cp(i)}`);
        texts.push(text.slice(s, i));
      }
      s = i + 1;
    }
  }
  return `${frags.join(';')}\t${texts.join(' ')}`;
}

function writeBrat(docs: DocExport[], _corpus: CorpusResult | undefined, out: (s: string) => void, err: (s: string) => void): number {
  if (docs.length !== 1) throw new UsageError(`export --format brat: brat keeps one .ann per text; name exactly one document (found ${docs.length})`);
  const d = docs[0];
  if (d.text === undefined) throw new CliError(`${d.file}: document not found; brat needs its text`);
  const cp = codePoints(d.text);
  let t = 0;
  let n = 0;
  for (const a of d.annotations) {
    if (orphaned(a)) {
      err(`${d.file}: annotation ${a.id} is orphaned (its passage was not found); skipped`);
      continue;
    }
    if (a.target.end <= a.target.start) continue;
    const span = bratSpan(d.text, a.target.start, a.target.end, cp);
    const first = t + 1;
    for (const tag of a.tags.length ? a.tags : ['Annotation']) out(`T${++t}\t${bratType(tag)} ${span}`);
    if (a.note) out(`#${++n}\tAnnotatorNotes T${first}\t${a.note.replace(/[\r\n\t]+/g, ' ')}`);
  }
  for (const c of d.corrections) {
    if (c.status === 'orphaned' || c.target.end <= c.target.start) continue;
    out(`T${++t}\tCorrection ${bratSpan(d.text, c.target.start, c.target.end, cp)}`);
    out(`#${++n}\tAnnotatorNotes T${t}\t${`${c.action}${c.type ? ' ' + c.type : ''}${c.entity ? ' ' + c.entity : ''}${c.name ? ' ' + c.name : ''}`.replace(/[\r\n\t]+/g, ' ')}`);
  }
  for (const m of d.mentions) {
    out(`T${++t}\t${bratType(m.type[0].toUpperCase() + m.type.slice(1))} ${bratSpan(d.text, m.start, m.end, cp)}`);
    out(`#${++n}\tAnnotatorNotes T${t}\t${m.entity}${m.value ? ' = ' + m.value : ''}`);
  }
  for (const q of d.quotes) {
    out(`T${++t}\tQuotation ${bratSpan(d.text, q.start, q.end, cp)}`);
    out(`#${++n}\tAnnotatorNotes T${t}\t${q.speaker ? `speaker ${q.speaker}${q.speakerName ? ` (${q.speakerName.replace(/[\r\n\t]+/g, ' ')})` : ''}` : 'no speaker'}`);
  }
  return 0;
}
