import { isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { AnnotationError } from './types';

/**
 * Small edits on a parsed YAML Document that keep what the analyst wrote by hand: a changed scalar
 * keeps its node (style, comments), a new key goes where the canonical order puts it, and untouched
 * nodes are never rebuilt.
 */

/** Sets `key` in `m` to `value` (a plain value or node), placing a new key by `order`; `undefined` deletes. */
export function setField(doc: Document, m: YAMLMap, key: string, value: unknown, order: readonly string[]): void {
  if (value === undefined) {
    m.delete(key);
    return;
  }
  const existing = m.get(key, true) as Node | undefined;
  if (isScalar(existing) && !isNode(value) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) {
    if (existing.value === value) return;
    existing.value = value;
    // A plain style chosen by hand for one value may not fit the next one (e.g. a number-like string).
    if (existing.type === Scalar.PLAIN) existing.type = undefined;
    return;
  }
  const node = isNode(value) ? value : doc.createNode(value);
  const idx = m.items.findIndex((p) => isScalar(p.key) && p.key.value === key);
  if (idx >= 0) {
    const old = m.items[idx].value;
    if (isSeq(old) && isSeq(node)) node.flow = old.flow;
    m.items[idx].value = node;
    return;
  }
  const rank = order.indexOf(key);
  let at = m.items.length;
  if (rank >= 0) {
    for (let i = 0; i < m.items.length; i++) {
      const k = m.items[i].key;
      const r = isScalar(k) && typeof k.value === 'string' ? order.indexOf(k.value) : -1;
      if (r > rank) {
        at = i;
        break;
      }
    }
  }
  m.items.splice(at, 0, doc.createPair(key, node) as never);
}

function isNode(v: unknown): v is Node {
  return isScalar(v) || isMap(v) || isSeq(v);
}

/** The block list under `key` of the top map, created (in canonical order) when absent or null. */
export function ensureSeq(doc: Document, top: YAMLMap, key: string, order: readonly string[]): YAMLSeq {
  const existing = top.get(key, true);
  if (isSeq(existing)) {
    // An empty `[]` written by hand would otherwise grow into one long flow line.
    if (existing.items.length === 0) existing.flow = false;
    return existing;
  }
  const seq = doc.createNode([]) as YAMLSeq;
  setField(doc, top, key, seq, order);
  return seq;
}

/** Removes item `index`, keeping the blank line convention of the list readable. */
export function removeItem(seq: YAMLSeq, index: number): void {
  seq.items.splice(index, 1);
  const first = seq.items[0] as Node | undefined;
  if (index === 0 && first && !seq.flow) first.spaceBefore = false;
}

/** A double-quoted string node: exact text survives any whitespace and stays on one line. */
export function quoted(doc: Document, s: string): Scalar {
  const n = doc.createNode(s) as Scalar;
  n.type = Scalar.QUOTE_DOUBLE;
  return n;
}

/** Inserts `node` at `index` (clamped), or at the end when no index is given. */
export function insertItem(seq: YAMLSeq, node: Node, index: number | undefined): void {
  const at = index === undefined || index > seq.items.length ? seq.items.length : Math.max(0, index);
  seq.items.splice(at, 0, node);
}

/**
 * Rewrites only the fields of `m` that differ between `before` and `after`, so an edit of one value is
 * a one-line diff; `write` sets one changed field (its new value may be `undefined`).
 */
export function updateFields(keys: readonly string[], before: object, after: object, write: (key: string, value: unknown, old: unknown) => void): void {
  for (const k of keys) {
    const b = (before as Record<string, unknown>)[k];
    const a = (after as Record<string, unknown>)[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) write(k, a, b);
  }
}

/**
 * A list of keyed items under one key of the top map (annotations and corrections by id, entities by
 * id, tags by name), edited by key. Each edit returns what its inverse needs.
 */
export class KeyedList<T> {
  constructor(
    private readonly doc: Document,
    private readonly top: YAMLMap,
    private readonly key: string,
    private readonly order: readonly string[],
    private readonly items: readonly T[],
    private readonly keyOf: (item: T) => string,
    /** How an item is named in messages: "annotation id", "tag". */
    private readonly what: string,
  ) {}

  /** Inserts `node` for `item` at `index` (the end when absent); the key must be new. */
  add(item: T, node: Node, index: number | undefined): void {
    if (this.find(this.keyOf(item)) >= 0) throw new AnnotationError(`${this.what} '${this.keyOf(item)}' already exists`);
    insertItem(ensureSeq(this.doc, this.top, this.key, this.order), node, index);
  }

  /** Removes the item with this key; returns it and where it stood. */
  remove(key: string): { item: T; index: number } {
    const index = this.need(key);
    removeItem(this.seq(), index);
    return { item: this.items[index], index };
  }

  /** Lets `write` change the item's map from its old value to `item`; returns the old value. */
  update(item: T, write: (m: YAMLMap, before: T) => void): T {
    const index = this.need(this.keyOf(item));
    write(this.seq().items[index] as YAMLMap, this.items[index]);
    return this.items[index];
  }

  private find(key: string): number {
    return this.items.findIndex((x) => this.keyOf(x) === key);
  }

  private need(key: string): number {
    const i = this.find(key);
    if (i < 0) throw new AnnotationError(`no ${this.what} '${key}'`);
    return i;
  }

  private seq(): YAMLSeq {
    return this.top.get(this.key, true) as unknown as YAMLSeq;
  }
}
