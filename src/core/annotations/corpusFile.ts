import { Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { KeyedList, setField, updateFields } from './docEdit';
import { AnnotationError, type CorpusData, type CorpusEntity, type ParseFailure, type Problem, type TagDefinition } from './types';
import { parseYamlFile, YamlFile } from './yamlFile';
import { Checker, ID_PATTERN, MAX_STRING_LENGTH } from './yamlSource';

const TOP_KEYS = ['version', 'documents', 'entities', 'tags'] as const;
const ENTITY_KEYS = ['id', 'name', 'type', 'aliases', 'note', 'merged'] as const;
const TAG_KEYS = ['name', 'color', 'description'] as const;
const ENTITY_TYPES = ['person', 'place', 'date', 'organization', 'source'];
const COLOR = /^(#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?|[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+)$/;

/** One change to the corpus file; applying it returns its inverse. */
export type CorpusEdit =
  | { kind: 'addEntity'; entity: CorpusEntity; index?: number }
  | { kind: 'removeEntity'; id: string }
  | { kind: 'updateEntity'; entity: CorpusEntity }
  | { kind: 'addTag'; tag: TagDefinition; index?: number }
  | { kind: 'removeTag'; name: string }
  | { kind: 'updateTag'; tag: TagDefinition }
  | { kind: 'setDocuments'; documents: string[] | undefined };

/** A corpus file that parsed and validated. */
export interface CorpusParseSuccess {
  ok: true;
  file: CorpusFile;
  warnings: Problem[];
}

/** `corpus-lens.yaml` held as a YAML Document, with the same guarantees as {@link SidecarFile}. */
export class CorpusFile extends YamlFile<CorpusData, CorpusEdit> {
  /** Parses and validates the corpus file. Never throws on bad input. */
  static parse(source: string | Uint8Array): CorpusParseSuccess | ParseFailure {
    const r = parseYamlFile(source, readCorpus);
    if (!r.ok) return r;
    return { ok: true, file: new CorpusFile(r.source.doc, r.source.bom, r.source.text, r.data), warnings: r.warnings };
  }

  /** A new, empty corpus file. */
  static create(): CorpusFile {
    const doc = new Document({ version: 1, entities: [], tags: [] });
    doc.commentBefore = ' Corpus Lens: entities and tags shared by every document (docs/annotations.md)';
    return new CorpusFile(doc, false, undefined);
  }

  protected read(doc: Document, checker: Checker): CorpusData | undefined {
    return readCorpus(doc, checker);
  }

  protected applyOne(doc: Document, data: CorpusData, edit: CorpusEdit): CorpusEdit {
    return applyCorpusEdit(doc, data, edit);
  }
}

/**
 * Merges entity `from` into `into`: `into` gains `from`'s name and aliases as aliases and its id (and
 * the ids merged into it) under `merged`; `from` is removed. Returns the edits to apply.
 */
export function mergeEntitiesEdits(data: CorpusData, from: string, into: string): CorpusEdit[] {
  const a = data.entities.find((e) => e.id === from);
  const b = data.entities.find((e) => e.id === into);
  if (!a || !b) throw new AnnotationError(`no entity '${a ? into : from}'`);
  if (a === b) throw new AnnotationError('an entity cannot be merged into itself');
  const aliases = [...new Set([...b.aliases, a.name, ...a.aliases])].filter((n) => n !== b.name);
  const merged = [...new Set([...b.merged, a.id, ...a.merged])];
  return [
    { kind: 'updateEntity', entity: { ...b, aliases, merged } },
    { kind: 'removeEntity', id: a.id },
  ];
}


function top(doc: Document): YAMLMap {
  return doc.contents as YAMLMap;
}

function entityNode(doc: Document, e: CorpusEntity): YAMLMap {
  const m = doc.createNode({}) as YAMLMap;
  for (const k of ENTITY_KEYS) setField(doc, m, k, listValue(doc, e[k]), ENTITY_KEYS);
  return m;
}

function tagNode(doc: Document, t: TagDefinition): YAMLMap {
  const m = doc.createNode({}) as YAMLMap;
  for (const k of TAG_KEYS) setField(doc, m, k, t[k], TAG_KEYS);
  return m;
}

function listValue(doc: Document, v: unknown): unknown {
  // Empty lists are noise in a hand-read file; absent means empty.
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    const n = doc.createNode(v) as YAMLSeq;
    n.flow = true;
    return n;
  }
  return v;
}

function update(doc: Document, m: YAMLMap, before: object, after: object, keys: readonly string[]): void {
  updateFields(keys, before, after, (k, a) => setField(doc, m, k, listValue(doc, a), keys));
}

function applyCorpusEdit(doc: Document, data: CorpusData, edit: CorpusEdit): CorpusEdit {
  const t = top(doc);
  const entities = new KeyedList(doc, t, 'entities', TOP_KEYS, data.entities, (e) => e.id, 'entity id');
  const tags = new KeyedList(doc, t, 'tags', TOP_KEYS, data.tags, (x) => x.name, 'tag');
  switch (edit.kind) {
    case 'addEntity':
      entities.add(edit.entity, entityNode(doc, edit.entity), edit.index);
      return { kind: 'removeEntity', id: edit.entity.id };
    case 'removeEntity': {
      const { item, index } = entities.remove(edit.id);
      return { kind: 'addEntity', entity: item, index };
    }
    case 'updateEntity':
      return { kind: 'updateEntity', entity: entities.update(edit.entity, (m, before) => update(doc, m, before, edit.entity, ENTITY_KEYS)) };
    case 'addTag':
      tags.add(edit.tag, tagNode(doc, edit.tag), edit.index);
      return { kind: 'removeTag', name: edit.tag.name };
    case 'removeTag': {
      const { item, index } = tags.remove(edit.name);
      return { kind: 'addTag', tag: item, index };
    }
    case 'updateTag':
      return { kind: 'updateTag', tag: tags.update(edit.tag, (m, before) => update(doc, m, before, edit.tag, TAG_KEYS)) };
    case 'setDocuments': {
      const old = data.documents;
      const v = edit.documents === undefined ? undefined : edit.documents.length === 1 ? edit.documents[0] : edit.documents;
      setField(doc, t, 'documents', v, TOP_KEYS);
      return { kind: 'setDocuments', documents: old };
    }
  }
}

function readCorpus(doc: Document, c: Checker): CorpusData | undefined {
  const t = c.map(doc.contents, 'top level');
  if (!t) return undefined;
  const f = c.fields(t, 'top level', TOP_KEYS);
  const vn = c.required(f, 'version', 'top level', t);
  const version = vn === undefined ? undefined : c.integer(vn, 'version');
  if (version !== undefined && version !== 1) {
    c.report(vn, 'version', `unsupported version ${version} (this Corpus Lens reads version 1)`);
    return undefined;
  }
  let ok = version === 1;
  let documents: string[] | undefined;
  if (f.has('documents')) {
    const d = f.get('documents');
    const v = d && 'items' in d ? c.stringList(d, 'documents') : c.string(d, 'documents');
    if (v === undefined) ok = false;
    else documents = typeof v === 'string' ? [v] : v;
  }
  const entities: CorpusEntity[] = [];
  const ids = new Map<string, number>();
  for (const [i, node] of (f.has('entities') ? (c.seq(f.get('entities'), 'entities') ?? ((ok = false), [])) : []).entries()) {
    const w = `entities[${i}]`;
    const m = c.map(node, w);
    if (!m) {
      ok = false;
      continue;
    }
    const ef = c.fields(m, w, ENTITY_KEYS);
    const id = c.string(c.required(ef, 'id', w, m), `${w}.id`, { pattern: ID_PATTERN, patternHint: 'a valid id (letters, digits, - _ . :)' });
    const name = c.string(c.required(ef, 'name', w, m), `${w}.name`);
    const type = c.string(c.required(ef, 'type', w, m), `${w}.type`);
    if (type !== undefined && !ENTITY_TYPES.includes(type)) c.report(ef.get('type'), 'format', `${w}.type: '${type}' is not one of ${ENTITY_TYPES.join(', ')}`);
    const aliases = ef.has('aliases') ? c.stringList(ef.get('aliases'), `${w}.aliases`) : [];
    const note = ef.has('note') ? c.string(ef.get('note'), `${w}.note`, { max: MAX_STRING_LENGTH, allowEmpty: true }) : undefined;
    const merged = ef.has('merged') ? c.stringList(ef.get('merged'), `${w}.merged`) : [];
    if (!id || !name || !type || !ENTITY_TYPES.includes(type) || !aliases || !merged || (ef.has('note') && note === undefined)) {
      ok = false;
      continue;
    }
    if (ids.has(id)) {
      c.report(ef.get('id'), 'duplicate-id', `${w}.id: duplicate id '${id}' (also entities[${ids.get(id)}])`);
      ok = false;
      continue;
    }
    ids.set(id, i);
    const e: CorpusEntity = note === undefined ? { id, name, type, aliases, merged } : { id, name, type, aliases, note, merged };
    entities.push(e);
  }
  const tags: TagDefinition[] = [];
  const names = new Map<string, number>();
  for (const [i, node] of (f.has('tags') ? (c.seq(f.get('tags'), 'tags') ?? ((ok = false), [])) : []).entries()) {
    const w = `tags[${i}]`;
    const m = c.map(node, w);
    if (!m) {
      ok = false;
      continue;
    }
    const tf = c.fields(m, w, TAG_KEYS);
    const name = c.string(c.required(tf, 'name', w, m), `${w}.name`);
    const color = tf.has('color') ? c.string(tf.get('color'), `${w}.color`, { pattern: COLOR, patternHint: 'a color (#rrggbb, #rrggbbaa or a theme color id such as charts.red)' }) : undefined;
    const description = tf.has('description') ? c.string(tf.get('description'), `${w}.description`, { max: MAX_STRING_LENGTH, allowEmpty: true }) : undefined;
    if (!name || (tf.has('color') && !color) || (tf.has('description') && description === undefined)) {
      ok = false;
      continue;
    }
    if (names.has(name)) {
      c.report(tf.get('name') as Node, 'duplicate-id', `${w}.name: duplicate tag '${name}' (also tags[${names.get(name)}])`);
      ok = false;
      continue;
    }
    names.set(name, i);
    const tag: TagDefinition = { name };
    if (color !== undefined) tag.color = color;
    if (description !== undefined) tag.description = description;
    tags.push(tag);
  }
  if (!ok) return undefined;
  const out: CorpusData = { version: 1, entities, tags };
  if (documents) out.documents = documents;
  return out;
}
