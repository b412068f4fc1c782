import { Document, isMap, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { KeyedList, quoted, setField, updateFields } from './docEdit';
import { hashText, splitsSurrogate } from './target';
import { AnnotationError, type Annotation, type Correction, type CorrectionAction, type DocumentInfo, type ParseFailure, type Problem, type SidecarData, type TextTarget } from './types';
import { parseYamlFile, YamlFile } from './yamlFile';
import { Checker, ID_PATTERN, ISO_DATE, ISO_TIME, MAX_STRING_LENGTH } from './yamlSource';

const TOP_KEYS = ['version', 'document', 'annotations', 'corrections'] as const;
const DOCUMENT_KEYS = ['hash', 'date', 'source', 'title'] as const;
const TARGET_KEYS = ['start', 'end', 'exact', 'prefix', 'suffix'] as const;
const ANNOTATION_KEYS = ['id', 'target', 'tags', 'note', 'author', 'created', 'modified', 'status'] as const;
const CORRECTION_KEYS = ['id', 'target', 'action', 'type', 'entity', 'name', 'author', 'created', 'status'] as const;
const ACTIONS: readonly CorrectionAction[] = ['mark', 'not-entity', 'same-as', 'rename'];
const HASH = /^sha256:[0-9a-f]{64}$/;

/** One change to a sidecar. Applying it returns its inverse, so undo is applying what came back. */
export type SidecarEdit =
  | { kind: 'addAnnotation'; annotation: Annotation; index?: number }
  | { kind: 'removeAnnotation'; id: string }
  /** Replaces the annotation with the same id, field by field (untouched fields keep their formatting). */
  | { kind: 'updateAnnotation'; annotation: Annotation }
  | { kind: 'addCorrection'; correction: Correction; index?: number }
  | { kind: 'removeCorrection'; id: string }
  | { kind: 'updateCorrection'; correction: Correction }
  /** `value: undefined` removes the field (`hash` cannot be removed). */
  | { kind: 'setDocumentField'; field: keyof DocumentInfo; value: string | undefined };

/** Options for reading a sidecar. */
export interface SidecarReadOptions {
  /**
   * The document's current text. When given and its hash matches `document.hash`, offsets are
   * checked against it (out of range = error, quote mismatch = warning); when the hash differs the
   * file is reported stale (a warning: re-anchoring will move the annotations).
   */
  documentText?: string;
}

/** A sidecar that parsed and validated; `warnings` may still list doubts worth showing. */
export interface SidecarParseSuccess {
  ok: true;
  file: SidecarFile;
  warnings: Problem[];
}

/**
 * A sidecar held as a YAML Document: reads give typed {@link SidecarData}, edits change the Document
 * in place so comments and hand formatting survive and a write is a small diff. Only a file that
 * validated can be obtained, so a broken file is never rewritten.
 */
export class SidecarFile extends YamlFile<SidecarData, SidecarEdit> {
  private constructor(
    doc: Document,
    bom: boolean,
    source: string | undefined,
    private documentText: string | undefined,
    data?: SidecarData,
  ) {
    super(doc, bom, source, data);
  }

  /** Parses and validates a sidecar's bytes (or decoded text). Never throws on bad input. */
  static parse(source: string | Uint8Array, opts: SidecarReadOptions = {}): SidecarParseSuccess | ParseFailure {
    const r = parseYamlFile(source, (doc, checker) => readSidecar(doc, checker, opts.documentText));
    if (!r.ok) return r;
    return { ok: true, file: new SidecarFile(r.source.doc, r.source.bom, r.source.text, opts.documentText, r.data), warnings: r.warnings };
  }

  /** A new, empty sidecar for `documentText`. */
  static create(documentText: string, info: Omit<DocumentInfo, 'hash'> = {}): SidecarFile {
    const doc = new Document({ version: 1, document: { hash: hashText(documentText), ...definedOnly(info) }, annotations: [], corrections: [] });
    doc.commentBefore = ' Corpus Lens annotations for the text file of the same name (docs/annotations.md)';
    return new SidecarFile(doc, false, undefined, documentText);
  }

  /** Tells later edits which text offsets refer to (checked when the stored hash matches it). */
  setDocumentText(text: string | undefined): void {
    this.documentText = text;
  }

  protected read(doc: Document, checker: Checker): SidecarData | undefined {
    return readSidecar(doc, checker, this.documentText);
  }

  protected applyOne(doc: Document, data: SidecarData, edit: SidecarEdit): SidecarEdit {
    return applySidecarEdit(doc, data, edit);
  }
}


function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function topMap(doc: Document): YAMLMap {
  if (!isMap(doc.contents)) throw new Error('sidecar top level is not a map');
  return doc.contents;
}

function applySidecarEdit(doc: Document, data: SidecarData, edit: SidecarEdit): SidecarEdit {
  const top = topMap(doc);
  const annotations = new KeyedList(doc, top, 'annotations', TOP_KEYS, data.annotations, (a) => a.id, 'annotation id');
  const corrections = new KeyedList(doc, top, 'corrections', TOP_KEYS, data.corrections, (c) => c.id, 'correction id');
  switch (edit.kind) {
    case 'addAnnotation':
      annotations.add(edit.annotation, annotationNode(doc, edit.annotation), edit.index);
      return { kind: 'removeAnnotation', id: edit.annotation.id };
    case 'removeAnnotation': {
      const { item, index } = annotations.remove(edit.id);
      return { kind: 'addAnnotation', annotation: item, index };
    }
    case 'updateAnnotation':
      return { kind: 'updateAnnotation', annotation: annotations.update(edit.annotation, (m, before) => updateItem(doc, m, before, edit.annotation, ANNOTATION_KEYS)) };
    case 'addCorrection':
      corrections.add(edit.correction, correctionNode(doc, edit.correction), edit.index);
      return { kind: 'removeCorrection', id: edit.correction.id };
    case 'removeCorrection': {
      const { item, index } = corrections.remove(edit.id);
      return { kind: 'addCorrection', correction: item, index };
    }
    case 'updateCorrection':
      return { kind: 'updateCorrection', correction: corrections.update(edit.correction, (m, before) => updateItem(doc, m, before, edit.correction, CORRECTION_KEYS)) };
    case 'setDocumentField': {
      if (edit.field === 'hash' && edit.value === undefined) throw new AnnotationError('document.hash cannot be removed');
      const m = top.get('document', true) as unknown as YAMLMap;
      const old = data.document[edit.field];
      setField(doc, m, edit.field, edit.value, DOCUMENT_KEYS);
      return { kind: 'setDocumentField', field: edit.field, value: old };
    }
  }
}

function targetNode(doc: Document, t: TextTarget): YAMLMap {
  const m = doc.createNode({ start: t.start, end: t.end }) as YAMLMap;
  for (const k of ['exact', 'prefix', 'suffix'] as const) m.add(doc.createPair(k, quoted(doc, t[k])));
  return m;
}

function tagsNode(doc: Document, tags: readonly string[]): YAMLSeq {
  const n = doc.createNode([...tags]) as YAMLSeq;
  n.flow = true;
  return n;
}

function annotationNode(doc: Document, a: Annotation): YAMLMap {
  const m = doc.createNode({}) as YAMLMap;
  for (const k of ANNOTATION_KEYS) setField(doc, m, k, fieldValue(doc, k, a[k]), ANNOTATION_KEYS);
  return m;
}

function correctionNode(doc: Document, c: Correction): YAMLMap {
  const m = doc.createNode({}) as YAMLMap;
  for (const k of CORRECTION_KEYS) setField(doc, m, k, fieldValue(doc, k, c[k]), CORRECTION_KEYS);
  return m;
}

function fieldValue(doc: Document, key: string, v: unknown): unknown {
  if (v === undefined) return undefined;
  if (key === 'target') return targetNode(doc, v as TextTarget);
  if (key === 'tags') return tagsNode(doc, v as string[]);
  return v;
}

/** Rewrites only the fields that changed, so an edit of one tag is a one-line diff. */
function updateItem<T extends Annotation | Correction>(doc: Document, m: YAMLMap, before: T, after: T, keys: readonly string[]): void {
  updateFields(keys, before, after, (k, a, b) => {
    const tm = k === 'target' && a !== undefined && b !== undefined ? m.get('target', true) : undefined;
    if (!isMap(tm)) return setField(doc, m, k, fieldValue(doc, k, a), keys);
    // A moved target keeps its map: only the offsets and texts that changed are rewritten.
    updateFields(TARGET_KEYS, b as TextTarget, a as TextTarget, (tk, v) => setField(doc, tm, tk, typeof v === 'string' && !tm.has(tk) ? quoted(doc, v) : v, TARGET_KEYS));
  });
}

function readTarget(c: Checker, node: unknown, where: string): TextTarget | undefined {
  const m = c.map(node, where);
  if (!m) return undefined;
  const f = c.fields(m, where, TARGET_KEYS);
  const start = c.offset(c.required(f, 'start', where, m), `${where}.start`);
  const end = c.offset(c.required(f, 'end', where, m), `${where}.end`);
  const str = (k: string, required: boolean) => {
    if (!required && !f.has(k)) return '';
    return c.string(c.required(f, k, where, m), `${where}.${k}`, { max: MAX_STRING_LENGTH, allowEmpty: true });
  };
  const exact = str('exact', true);
  const prefix = str('prefix', false);
  const suffix = str('suffix', false);
  if (start === undefined || end === undefined || exact === undefined || prefix === undefined || suffix === undefined) return undefined;
  if (end < start) {
    c.report(f.get('end'), 'range', `${where}: end ${end} is before start ${start}`);
    return undefined;
  }
  return { start, end, exact, prefix, suffix };
}

/** Checks the placement of a target against the text, when the text is the one the file describes. */
function checkPlacement(c: Checker, node: Node, t: TextTarget, orphaned: boolean, text: string | undefined, where: string): void {
  // An orphan keeps its quote (its offsets are only where it was last seen); a placed passage has one.
  if (t.exact === '' || (!orphaned && t.end === t.start)) {
    c.report(node, 'range', `${where}: the passage is empty (start ${t.start}, end ${t.end}); an annotation needs at least one character`);
    return;
  }
  if (orphaned) return;
  if (t.exact.length !== t.end - t.start) {
    c.report(node, 'range', `${where}: exact has ${t.exact.length} characters but start-end spans ${t.end - t.start}`);
    return;
  }
  if (text === undefined) return;
  if (t.end > text.length) {
    c.report(node, 'range', `${where}: offsets ${t.start}-${t.end} are out of range (the text has ${text.length} characters)`);
    return;
  }
  if (splitsSurrogate(text, t.start) || splitsSurrogate(text, t.end)) {
    c.report(node, 'range', `${where}: offsets ${t.start}-${t.end} split a character`);
    return;
  }
  if (text.slice(t.start, t.end) !== t.exact) c.report(node, 'quote-mismatch', `${where}: the text at ${t.start}-${t.end} is not the stored quote; it will be re-anchored`, 'warning');
}

function readStatus(c: Checker, f: Map<string, Node | null>, where: string): 'orphaned' | undefined | null {
  if (!f.has('status')) return undefined;
  const s = c.string(f.get('status'), `${where}.status`);
  if (s === undefined) return null;
  if (s !== 'orphaned') {
    c.report(f.get('status'), 'format', `${where}.status: '${s}' is not a known status (only 'orphaned')`);
    return null;
  }
  return s;
}

function readAnnotation(c: Checker, node: Node, where: string, text: string | undefined): Annotation | undefined {
  const m = c.map(node, where);
  if (!m) return undefined;
  const f = c.fields(m, where, ANNOTATION_KEYS);
  const id = c.string(c.required(f, 'id', where, m), `${where}.id`, { pattern: ID_PATTERN, patternHint: 'a valid id (letters, digits, - _ . :)' });
  const target = readTarget(c, c.required(f, 'target', where, m), `${where}.target`);
  const tags = f.has('tags') ? c.stringList(f.get('tags'), `${where}.tags`) : [];
  const note = f.has('note') ? c.string(f.get('note'), `${where}.note`, { max: MAX_STRING_LENGTH, allowEmpty: true }) : undefined;
  const author = f.has('author') ? c.string(f.get('author'), `${where}.author`) : undefined;
  const created = c.string(c.required(f, 'created', where, m), `${where}.created`, { pattern: ISO_TIME, patternHint: 'an ISO 8601 time such as 2024-05-01T10:00:00Z' });
  const modified = f.has('modified') ? c.string(f.get('modified'), `${where}.modified`, { pattern: ISO_TIME, patternHint: 'an ISO 8601 time' }) : created;
  const status = readStatus(c, f, where);
  const bad = (k: string) => f.has(k) && (k === 'note' ? note === undefined : author === undefined);
  if (!id || !target || !tags || !created || !modified || status === null || bad('note') || bad('author')) return undefined;
  checkPlacement(c, f.get('target') as Node, target, status === 'orphaned', text, `${where}.target`);
  const a: Annotation = { id, target, tags, created, modified };
  if (note !== undefined) a.note = note;
  if (author !== undefined) a.author = author;
  if (status) a.status = status;
  return orderKeys(a, ANNOTATION_KEYS);
}

function readCorrection(c: Checker, node: Node, where: string, text: string | undefined): Correction | undefined {
  const m = c.map(node, where);
  if (!m) return undefined;
  const f = c.fields(m, where, CORRECTION_KEYS);
  const id = c.string(c.required(f, 'id', where, m), `${where}.id`, { pattern: ID_PATTERN, patternHint: 'a valid id' });
  const target = readTarget(c, c.required(f, 'target', where, m), `${where}.target`);
  const action = c.string(c.required(f, 'action', where, m), `${where}.action`);
  if (action !== undefined && !ACTIONS.includes(action as CorrectionAction)) c.report(f.get('action'), 'format', `${where}.action: '${action}' is not one of ${ACTIONS.join(', ')}`);
  const opt = (k: 'type' | 'entity' | 'name') => (f.has(k) ? c.string(f.get(k), `${where}.${k}`) : undefined);
  const type = opt('type');
  const entity = opt('entity');
  const name = opt('name');
  const needs: Partial<Record<CorrectionAction, ['type' | 'entity' | 'name', string | undefined]>> = { mark: ['type', type], 'same-as': ['entity', entity], rename: ['name', name] };
  const need = needs[action as CorrectionAction];
  if (need && need[1] === undefined && !f.has(need[0])) c.report(m, 'missing', `${where}: action '${action}' needs '${need[0]}'`);
  const author = c.string(c.required(f, 'author', where, m), `${where}.author`);
  const created = c.string(c.required(f, 'created', where, m), `${where}.created`, { pattern: ISO_TIME, patternHint: 'an ISO 8601 time' });
  const status = readStatus(c, f, where);
  if (!id || !target || !action || !ACTIONS.includes(action as CorrectionAction) || !author || !created || status === null) return undefined;
  if ((f.has('type') && !type) || (f.has('entity') && !entity) || (f.has('name') && !name) || (need && need[1] === undefined)) return undefined;
  checkPlacement(c, f.get('target') as Node, target, status === 'orphaned', text, `${where}.target`);
  const out: Correction = { id, target, action: action as CorrectionAction, author, created };
  if (type !== undefined) out.type = type;
  if (entity !== undefined) out.entity = entity;
  if (name !== undefined) out.name = name;
  if (status) out.status = status;
  return orderKeys(out, CORRECTION_KEYS);
}

function orderKeys<T extends object>(o: T, keys: readonly string[]): T {
  const r: Record<string, unknown> = {};
  for (const k of keys) if ((o as Record<string, unknown>)[k] !== undefined) r[k] = (o as Record<string, unknown>)[k];
  return r as T;
}

/** Validates a sidecar tree and returns its typed content, or `undefined` after reporting errors. */
function readSidecar(doc: Document, c: Checker, documentText: string | undefined): SidecarData | undefined {
  const top = c.map(doc.contents, 'top level');
  if (!top) return undefined;
  const f = c.fields(top, 'top level', TOP_KEYS);
  const versionNode = c.required(f, 'version', 'top level', top);
  const version = versionNode === undefined ? undefined : c.integer(versionNode, 'version');
  if (version !== undefined && version !== 1) {
    c.report(versionNode, 'version', `unsupported version ${version} (this Corpus Lens reads version 1)`);
    return undefined;
  }
  let document: DocumentInfo | undefined;
  const dNode = c.required(f, 'document', 'top level', top);
  const dm = dNode === undefined ? undefined : c.map(dNode, 'document');
  if (dm) {
    const df = c.fields(dm, 'document', DOCUMENT_KEYS);
    const hash = c.string(c.required(df, 'hash', 'document', dm), 'document.hash', { pattern: HASH, patternHint: 'sha256: followed by 64 lowercase hex digits' });
    const date = df.has('date') ? c.stringish(df.get('date'), 'document.date', { pattern: ISO_DATE, patternHint: 'an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)' }) : undefined;
    const source = df.has('source') ? c.string(df.get('source'), 'document.source') : undefined;
    const title = df.has('title') ? c.string(df.get('title'), 'document.title', { max: MAX_STRING_LENGTH }) : undefined;
    if (hash && !(df.has('date') && !date) && !(df.has('source') && !source) && !(df.has('title') && !title)) {
      document = orderKeys({ hash, date, source, title }, DOCUMENT_KEYS) as DocumentInfo;
    }
  }
  // Offsets are only checked against the text they were written for.
  let text = documentText;
  if (document && text !== undefined && hashText(text) !== document.hash) {
    c.report(hashNodeOf(dm), 'stale', 'the document changed since these annotations were written; they will be re-anchored', 'warning');
    text = undefined;
  }
  const annotations: Annotation[] = [];
  const corrections: Correction[] = [];
  let ok = !!document && version === 1;
  const readList = <T extends { id: string }>(key: 'annotations' | 'corrections', read: (n: Node, w: string) => T | undefined, into: T[]) => {
    if (!f.has(key)) return;
    const node = f.get(key);
    const items = c.seq(node, key);
    if (!items) {
      ok = false;
      return;
    }
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const v = read(item, `${key}[${i}]`);
      if (!v) {
        ok = false;
        return;
      }
      if (seen.has(v.id)) {
        c.report(isMap(item) ? ((item.get('id', true) as Node) ?? item) : item, 'duplicate-id', `${key}[${i}].id: duplicate id '${v.id}' (also ${key}[${seen.get(v.id)}])`);
        ok = false;
        return;
      }
      seen.set(v.id, i);
      into.push(v);
    });
  };
  readList('annotations', (n, w) => readAnnotation(c, n, w, text), annotations);
  readList('corrections', (n, w) => readCorrection(c, n, w, text), corrections);
  if (!ok || !document) return undefined;
  return { version: 1, document, annotations, corrections };
}

function hashNodeOf(dm: YAMLMap | undefined): Node | undefined {
  return (dm?.get('hash', true) as Node | undefined) ?? dm;
}
