import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { documentPathFor, isCorpusFilePath, isSidecarPath, reanchor, hashText, SidecarStore, type Annotation, type TextTarget } from '../core/annotations';
import { extractCorpus, type CorpusResult } from '../core/extract';
import type { Mention } from '../core/model';
import { NodeFileSystem } from '../node/fsPort';
import { CliError, collectFiles, readText } from './io';

export const exportHelp = `corpus-lens export <files or folders…> --format csv|jsonl|w3c|brat [--entities]

  Writes the analyst's annotations of the given documents (or of the given
  *.lens.yaml files) to stdout. Annotations of a document that changed since they
  were written are re-anchored first (the files are not modified).

  --format csv     one row per annotation, RFC 4180 quoting
  --format jsonl   one JSON object per line
  --format w3c     a W3C Web Annotation collection (JSON-LD), with TextPositionSelector
                   and TextQuoteSelector (positions in Unicode code points)
  --format brat    brat standoff (.ann) lines for one document (offsets in code points)
  --entities       also export the detected entity mentions

  Offsets in csv and jsonl are UTF-16 code units, as in \`extract --json\`.`;

const FORMATS = ['csv', 'jsonl', 'w3c', 'brat'] as const;
type Format = (typeof FORMATS)[number];

interface DocExport {
  file: string;
  text: string | undefined;
  annotations: Annotation[];
  date: string | undefined;
  mentions: Mention[];
}

export async function runExport(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let format: string | undefined;
  let entities = false;
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--entities') entities = true;
    else if (a.startsWith('--')) throw new CliError(`export: unknown option ${a}`);
    else inputs.push(a);
  }
  if (!format || !FORMATS.includes(format as Format)) throw new CliError(`export: --format must be one of ${FORMATS.join(', ')}`);
  if (inputs.length === 0) throw new CliError('export: name at least one file or folder');

  const found = await collectFiles(inputs, { extensions: ['.yaml', '.txt', '.md'] });
  const docPaths = [...new Set(found.filter((f) => !isCorpusFilePath(f)).map((f) => (isSidecarPath(f) ? documentPathFor(f) : f)).filter((f): f is string => !!f && !f.endsWith('.yaml')))].sort();
  const store = new SidecarStore(new NodeFileSystem());
  const docs: DocExport[] = [];
  let code = 0;
  for (const docPath of docPaths) {
    const exists = await fs.stat(docPath).then((s) => s.isFile(), () => false);
    let text: string | undefined;
    if (exists) {
      const r = await readText(docPath);
      if (r.ok) text = r.text;
      else err(`${docPath}: ${r.reason}`);
    }
    const loaded = await store.load(docPath, text);
    if (loaded.kind === 'invalid') {
      for (const p of loaded.problems) err(`${loaded.path}:${p.line}:${p.col}: ${p.message}`);
      code = 1;
      continue;
    }
    let annotations = loaded.kind === 'ok' ? loaded.file.data.annotations : [];
    if (loaded.kind === 'ok' && text !== undefined && loaded.file.data.document.hash !== hashText(text)) {
      annotations = reanchor(annotations, undefined, text).map((r) => r.item);
    } else if (loaded.kind === 'ok' && text === undefined) {
      err(`${docPath}: document not found; exporting stored offsets`);
    }
    if (loaded.kind === 'missing' && text === undefined) continue;
    docs.push({ file: path.relative(process.cwd(), docPath) || docPath, text, annotations, date: loaded.kind === 'ok' ? loaded.file.data.document.date : undefined, mentions: [] });
  }
  let corpus: CorpusResult | undefined;
  if (entities) {
    const withText = docs.filter((d) => d.text !== undefined);
    corpus = extractCorpus(withText.map((d) => ({ file: d.file, text: d.text!, documentDate: d.date })));
    const byFile = new Map(corpus.documents.map((r) => [r.file, r.mentions]));
    for (const d of docs) d.mentions = byFile.get(d.file) ?? [];
  }
  const write = { csv: writeCsv, jsonl: writeJsonl, w3c: writeW3c, brat: writeBrat }[format as Format];
  return Math.max(code, write(docs, corpus, out, err));
}

function orphaned(a: Annotation): boolean {
  return a.status === 'orphaned';
}

function writeJsonl(docs: DocExport[], corpus: CorpusResult | undefined, out: (s: string) => void): number {
  for (const d of docs) {
    for (const a of d.annotations) out(JSON.stringify({ kind: 'annotation', file: d.file, id: a.id, ...a.target, tags: a.tags, note: a.note, author: a.author, created: a.created, modified: a.modified, status: a.status }));
    for (const m of d.mentions) out(JSON.stringify({ kind: 'mention', file: d.file, ...m }));
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
  const cols = ['kind', 'file', 'id', 'start', 'end', 'text', 'tags', 'note', 'author', 'created', 'modified', 'status', 'type', 'entity', 'value'];
  const row = (r: Record<string, unknown>) => out(cols.map((c) => csvField(r[c])).join(','));
  out(cols.join(','));
  for (const d of docs) {
    for (const a of d.annotations) row({ kind: 'annotation', file: d.file, id: a.id, start: a.target.start, end: a.target.end, text: a.target.exact, tags: a.tags, note: a.note, author: a.author, created: a.created, modified: a.modified, status: a.status });
    for (const m of d.mentions) row({ kind: 'mention', file: d.file, start: m.start, end: m.end, text: m.text, type: m.type, entity: m.entity, value: m.value });
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
  if (docs.length !== 1) throw new CliError(`export --format brat: brat keeps one .ann per text; name exactly one document (found ${docs.length})`);
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
  for (const m of d.mentions) {
    out(`T${++t}\t${bratType(m.type[0].toUpperCase() + m.type.slice(1))} ${bratSpan(d.text, m.start, m.end, cp)}`);
    out(`#${++n}\tAnnotatorNotes T${t}\t${m.entity}${m.value ? ' = ' + m.value : ''}`);
  }
  return 0;
}
