import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './types';

/** Files above this size are refused before parsing: annotations of one text never come near it. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Longest accepted string value (a quote or a note); longer ones are refused as corrupt. */
export const MAX_STRING_LENGTH = 65_536;
/** Longest accepted short string (ids, tags, names, times). */
export const MAX_SHORT_STRING_LENGTH = 1_024;

/** Options for writing that keep hand formatting and never reflow long quotes. */
export const WRITE_OPTIONS = { lineWidth: 0, flowCollectionPadding: false } as const;

/** A parsed YAML file with its line index; `problems` lists every syntax-level error found. */
export interface YamlSource {
  doc: Document.Parsed | undefined;
  lineCounter: LineCounter;
  problems: Problem[];
  /** The file started with a byte order mark, which a write must keep. */
  bom: boolean;
  /** The decoded text, byte order mark removed. */
  text: string;
}

function problemAt(lc: LineCounter | undefined, offset: number, code: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  const pos = lc ? lc.linePos(offset) : { line: 1, col: 1 };
  return { severity, code, message, line: pos.line, col: pos.col, offset };
}

/** Byte offset of the first invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let len: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [len, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [len, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [len, min] = [4, 0x10000];
    else return i;
    if (i + len > n) return i;
    let cp = b & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

function lineColOfByte(bytes: Uint8Array, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Decodes and parses one YAML file with the limits every Corpus Lens file shares: size cap, strict
 * UTF-8, one document, unique keys, no aliases (they are the billion-laughs vector, and nothing we
 * write uses them), no custom or unknown tags (`!!js/function` and friends stay inert strings and are
 * reported). Never throws on bad input.
 */
export function parseYamlSource(source: string | Uint8Array): YamlSource {
  const lineCounter = new LineCounter();
  const fail = (p: Problem): YamlSource => ({ doc: undefined, lineCounter, problems: [p], bom: false, text: '' });
  let text: string;
  if (typeof source === 'string') {
    if (source.length > MAX_FILE_BYTES) return fail(problemAt(undefined, 0, 'too-large', `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
    text = source;
  } else {
    if (source.length > MAX_FILE_BYTES) return fail(problemAt(undefined, 0, 'too-large', `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`));
    const bad = firstInvalidUtf8(source);
    if (bad >= 0) {
      const { line, col } = lineColOfByte(source, bad);
      return fail({ severity: 'error', code: 'encoding', message: `invalid UTF-8 byte 0x${source[bad].toString(16).padStart(2, '0')} (byte ${bad}); the file must be UTF-8 text`, line, col, offset: bad });
    }
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(source);
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < nul; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return fail(problemAt(lineCounter, nul, 'binary', 'not a text file (contains a NUL character)'));
  }
  if (text.trim() === '') return { doc: undefined, lineCounter, problems: [problemAt(undefined, 0, 'empty', 'empty file: expected a map starting with `version: 1`')], bom, text };

  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) problems.push(problemAt(lineCounter, e.pos[0], e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax', cleanMessage(e.message)));
  for (const w of doc.warnings) {
    // An unknown tag would otherwise silently become a plain string; say so and refuse the file.
    const tag = w.code === 'TAG_RESOLVE_FAILED';
    problems.push(problemAt(lineCounter, w.pos[0], tag ? 'tag' : 'syntax', tag ? `${cleanMessage(w.message)}: tags are not allowed in Corpus Lens files` : cleanMessage(w.message), tag ? 'error' : 'warning'));
  }
  let aliases = 0;
  let firstAlias: Problem | undefined;
  visit(doc, {
    Alias(_, node) {
      if (aliases++ === 0) firstAlias = problemAt(lineCounter, node.range?.[0] ?? 0, 'alias', `alias *${node.source} is not allowed in Corpus Lens files (write the value out)`);
    },
    Node(_, node) {
      if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && !STANDARD_TAGS.has(node.tag)) {
        const at = node.range?.[0] ?? 0;
        if (!problems.some((p) => p.code === 'tag' && p.offset <= at && at - p.offset < node.tag!.length + 4)) {
          problems.push(problemAt(lineCounter, at, 'tag', `tag ${node.tag} is not allowed in Corpus Lens files`));
        }
      }
    },
  });
  if (firstAlias) {
    if (aliases > 1) firstAlias.message += ` (${aliases} aliases in this file)`;
    problems.push(firstAlias);
  }
  return { doc, lineCounter, problems: sortProblems(problems), bom, text };
}

const STANDARD_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

function cleanMessage(m: string): string {
  return m.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/** Problems in file order, without the repeats a parser emits for one cause. */
export function sortProblems(ps: Problem[]): Problem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const key = `${p.line}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).sort((a, b) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/** A value's kind in words, for "expected X, got Y" messages. */
function kindOf(node: unknown): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'string') return 'a string';
    if (typeof v === 'number') return Number.isInteger(v) ? 'a number' : 'a decimal number';
    if (typeof v === 'boolean') return 'a boolean';
  }
  return 'an unexpected value';
}

/**
 * Reads typed values out of a YAML tree and records each mismatch as a positioned problem. Every
 * method returns `undefined` after reporting when the value is unusable, so the caller can keep
 * reading and report every problem in one pass.
 */
export class Checker {
  readonly problems: Problem[] = [];
  constructor(private readonly lc: LineCounter) {}

  report(node: Node | null | undefined, code: string, message: string, severity: Problem['severity'] = 'error', fallbackOffset = 0): void {
    this.problems.push(problemAt(this.lc, node?.range?.[0] ?? fallbackOffset, code, message, severity));
  }

  map(node: unknown, where: string): YAMLMap | undefined {
    if (isMap(node)) return node;
    this.report(node as Node, 'type', `${where}: expected a map, got ${kindOf(node)}`);
    return undefined;
  }

  /** The map's fields by key; non-string keys are errors, unknown keys warnings (they are kept on write). */
  fields(m: YAMLMap, where: string, known: readonly string[]): Map<string, Node | null> {
    const out = new Map<string, Node | null>();
    for (const pair of m.items) {
      const key = pair.key;
      if (!isScalar(key) || typeof key.value !== 'string') {
        this.report(key as Node, 'type', `${where}: keys must be plain strings`);
        continue;
      }
      if (!known.includes(key.value)) this.report(key, 'unknown-key', `${where}: unknown key '${key.value}' (kept, but Corpus Lens ignores it)`, 'warning');
      out.set(key.value, pair.value as Node | null);
    }
    return out;
  }

  required(fields: Map<string, Node | null>, key: string, where: string, m: YAMLMap): Node | null | undefined {
    if (!fields.has(key)) {
      this.report(m, 'missing', `${where}: missing required key '${key}'`);
      return undefined;
    }
    return fields.get(key);
  }

  string(node: unknown, where: string, opts: { max?: number; allowEmpty?: boolean; pattern?: RegExp; patternHint?: string } = {}): string | undefined {
    if (!isScalar(node) || typeof node.value !== 'string') {
      this.report(node as Node, 'type', `${where}: expected a string, got ${kindOf(node)}`);
      return undefined;
    }
    const v = node.value;
    const max = opts.max ?? MAX_SHORT_STRING_LENGTH;
    if (v.length > max) {
      this.report(node, 'too-long', `${where}: string of ${v.length} characters is longer than the limit of ${max}`);
      return undefined;
    }
    if (!opts.allowEmpty && v === '') {
      this.report(node, 'empty', `${where}: must not be empty`);
      return undefined;
    }
    if (opts.pattern && !opts.pattern.test(v)) {
      this.report(node, 'format', `${where}: '${v.length > 60 ? v.slice(0, 60) + '…' : v}' is not ${opts.patternHint ?? 'in the expected format'}`);
      return undefined;
    }
    return v;
  }

  /** A string, also accepting a plain number where YAML would read `2016` as one. */
  stringish(node: unknown, where: string, opts: { pattern?: RegExp; patternHint?: string } = {}): string | undefined {
    if (isScalar(node) && typeof node.value === 'number' && Number.isInteger(node.value)) {
      const s = String(node.value);
      if (!opts.pattern || opts.pattern.test(s)) return s;
    }
    return this.string(node, where, opts);
  }

  offset(node: unknown, where: string): number | undefined {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value) || node.value < 0) {
      this.report(node as Node, 'type', `${where}: expected a non-negative integer, got ${isScalar(node) && typeof node.value === 'number' ? String(node.value) : kindOf(node)}`);
      return undefined;
    }
    return node.value;
  }

  integer(node: unknown, where: string): number | undefined {
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value)) {
      this.report(node as Node, 'type', `${where}: expected an integer, got ${kindOf(node)}`);
      return undefined;
    }
    return node.value;
  }

  stringList(node: unknown, where: string, opts: { max?: number } = {}): string[] | undefined {
    if (!isSeq(node)) {
      this.report(node as Node, 'type', `${where}: expected a list of strings, got ${kindOf(node)}`);
      return undefined;
    }
    const out: string[] = [];
    node.items.forEach((item, i) => {
      const s = this.string(item, `${where}[${i}]`, opts);
      if (s !== undefined) out.push(s);
    });
    return out.length === node.items.length ? out : undefined;
  }

  seq(node: unknown, where: string): Node[] | undefined {
    if (node === null || (isScalar(node) && node.value === null)) return [];
    if (!isSeq(node)) {
      this.report(node as Node, 'type', `${where}: expected a list, got ${kindOf(node)}`);
      return undefined;
    }
    return node.items as Node[];
  }
}

export const ISO_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
