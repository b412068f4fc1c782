import { isAlias, isMap, isScalar, isSeq, Lexer, LineCounter, parseDocument, Scalar, visit, type Document, type Node, type YAMLMap } from 'yaml';
import type { Problem } from './types';

/**
 * Files above this size are refused from their size, before they are read: annotations of one text
 * never come near it (a sidecar of 1,000 annotations is about 400 KB), and it bounds what parsing costs.
 */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * Most YAML tokens a file may hold (an annotation is about 100). The YAML library's cost grows with
 * them — a file of blank lines or of one-character items is cheap in bytes but not in tokens — so the
 * file is lexed once, stopping at this many, before it is parsed.
 */
export const MAX_TOKENS = 300_000;
/** Deepest nesting of flow collections (`[[[…]]]`); Corpus Lens files nest three deep. */
export const MAX_FLOW_DEPTH = 64;
/** At most this many problems are listed per file; one more line says how many were left out. */
export const MAX_PROBLEMS = 100;
/** Longest accepted string value (a quote or a note); longer ones are refused as corrupt. */
export const MAX_STRING_LENGTH = 65_536;
/** Longest accepted short string (ids, tags, names, times). */
export const MAX_SHORT_STRING_LENGTH = 1_024;
/** Longest source of one scalar: the longest string, every character escaped (`\\uXXXX`), quoted. */
const MAX_TOKEN_LENGTH = 6 * MAX_STRING_LENGTH + 2;

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
  return { severity, code, message: escapeControls(message), line: pos.line, col: pos.col, offset };
}

// Matching control characters is the point here.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/g;

function escapeChar(c: string, i: number, s: string): string {
  const code = c.charCodeAt(0);
  // A well-formed surrogate pair is one character, not a control.
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) return c;
  if (code >= 0xdc00 && code <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff) return c;
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    case '\x1b':
      return '\\e';
  }
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `s` with every character that could break or forge a line of output, or steer a terminal, written
 * as an escape: C0 and C1 controls (newline, ESC…), DEL, line and paragraph separators, bidi
 * overrides and lone surrogates. Every problem message goes through it.
 */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, escapeChar);
}

/**
 * A value from a file as shown in a message: single-quoted, backslashes and quotes escaped, controls
 * escaped (see {@link escapeControls}), cut to `max` characters.
 */
export function displayValue(v: string, max = 60): string {
  const cut = v.length > max ? v.slice(0, max) + '…' : v;
  return `'${escapeControls(cut.replace(/\\/g, '\\\\').replace(/'/g, "\\'"))}'`;
}

/** Line and column (1-based) of `offset` in `text`, counted without a line index. */
function lineColAt(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}

/**
 * One linear pass of the YAML lexer with budgets, before the parser sees the text: the first limit
 * hit is the problem. Without it, a file within the size cap could cost the parser seconds and a
 * gigabyte (10 MB of blank lines, 64k one-line items), or overflow the stack (deeply nested `[`).
 */
function prescan(text: string): Problem | undefined {
  let tokens = 0;
  let depth = 0;
  let offset = 0;
  const at = (code: string, message: string): Problem => ({ severity: 'error', code, message, offset, ...lineColAt(text, offset) });
  for (const tok of new Lexer().lex(text)) {
    // The lexer marks where documents, scalars and flow collections start with control characters
    // that are not part of the source.
    if (tok.length === 1 && (tok === '\x02' || tok === '\x18' || tok === '\x1f')) continue;
    if (++tokens > MAX_TOKENS) return at('too-complex', `too complex: ${MAX_TOKENS.toLocaleString('en')} YAML tokens reached here, and a Corpus Lens file has far fewer (not parsed)`);
    if (tok === '[' || tok === '{') {
      if (++depth > MAX_FLOW_DEPTH) return at('too-complex', `too complex: collections nested more than ${MAX_FLOW_DEPTH} deep (not parsed)`);
    } else if (tok === ']' || tok === '}') depth = Math.max(0, depth - 1);
    else if (tok.length > MAX_TOKEN_LENGTH) return at('too-long', `a value of ${tok.length.toLocaleString('en')} characters is longer than any Corpus Lens value (not parsed)`);
    offset += tok.length;
  }
  return undefined;
}

/** Reports the second and later keys of a map that repeat an earlier key, in one linear pass per map. */
function duplicateKeys(doc: Document, lc: LineCounter, problems: Problem[]): void {
  visit(doc, {
    Map(_, m) {
      if (m.items.length < 2) return;
      const seen = new Set<unknown>();
      for (const pair of m.items) {
        const k = pair.key;
        if (!isScalar(k)) continue;
        const key = typeof k.value === 'string' ? `s:${k.value}` : `${typeof k.value}:${String(k.value)}`;
        if (seen.has(key)) problems.push(problemAt(lc, k.range?.[0] ?? m.range?.[0] ?? 0, 'duplicate-key', 'Map keys must be unique'));
        else seen.add(key);
      }
    },
  });
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
  const budget = prescan(text);
  if (budget) return { doc: undefined, lineCounter, problems: [budget], bom, text };

  // The library's own duplicate-key check compares every key with every other (64k keys: half a
  // minute); duplicateKeys() below does it in one pass.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const problems: Problem[] = [];
  for (const e of doc.errors) problems.push(problemAt(lineCounter, e.pos[0], e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'syntax', cleanMessage(e.message)));
  // Offsets of the tags the library could not resolve, in file order (it reports them as it reads).
  const unresolved: number[] = [];
  for (const w of doc.warnings) {
    // An unknown tag would otherwise silently become a plain string; say so and refuse the file.
    const tag = w.code === 'TAG_RESOLVE_FAILED';
    if (tag) unresolved.push(w.pos[0]);
    problems.push(problemAt(lineCounter, w.pos[0], tag ? 'tag' : 'syntax', tag ? `${cleanMessage(w.message)}: tags are not allowed in Corpus Lens files` : cleanMessage(w.message), tag ? 'error' : 'warning'));
  }
  unresolved.sort((a, b) => a - b);
  duplicateKeys(doc, lineCounter, problems);
  let aliases = 0;
  let firstAlias: Problem | undefined;
  visit(doc, {
    Alias(_, node) {
      if (aliases++ === 0) firstAlias = problemAt(lineCounter, node.range?.[0] ?? 0, 'alias', `alias *${node.source} is not allowed in Corpus Lens files (write the value out)`);
    },
    Node(_, node) {
      if ((isScalar(node) || isMap(node) || isSeq(node)) && node.tag && !STANDARD_TAGS.has(node.tag)) {
        const at = node.range?.[0] ?? 0;
        // Already reported when the library could not resolve it: the warning sits on the tag, just before the node.
        const before = unresolved[lastAtOrBefore(unresolved, at)];
        if (before === undefined || at - before >= node.tag.length + 4) problems.push(problemAt(lineCounter, at, 'tag', `tag ${node.tag} is not allowed in Corpus Lens files`));
      }
    },
  });
  if (firstAlias) {
    if (aliases > 1) firstAlias.message += ` (${aliases} aliases in this file)`;
    problems.push(firstAlias);
  }
  return { doc, lineCounter, problems: sortProblems(problems), bom, text };
}

/** Index of the last element of sorted `xs` that is ≤ `x`, or -1. */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

const STANDARD_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq']);

function cleanMessage(m: string): string {
  return m.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/**
 * Problems in file order, without the repeats a parser emits for one cause, at most
 * {@link MAX_PROBLEMS} of them (errors first), then one line saying how many more there were.
 * `dropped` counts problems found but not even kept (see {@link Checker.report}).
 */
export function sortProblems(ps: Problem[], dropped = { count: 0, error: false }): Problem[] {
  const seen = new Set<string>();
  const unique = ps.filter((p) => {
    const key = `${p.line}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const byPlace = (a: Problem, b: Problem) => a.offset - b.offset || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);
  if (unique.length <= MAX_PROBLEMS && dropped.count === 0) return unique.sort(byPlace);
  const errors = unique.filter((p) => p.severity === 'error').sort(byPlace);
  const others = unique.filter((p) => p.severity !== 'error').sort(byPlace);
  const kept = [...errors.slice(0, MAX_PROBLEMS), ...others.slice(0, Math.max(0, MAX_PROBLEMS - errors.length))].sort(byPlace);
  const more = unique.length - kept.length + dropped.count;
  if (more > 0) {
    const last = kept[kept.length - 1];
    // An error left out must still make the file unreadable.
    const error = dropped.error || errors.length > MAX_PROBLEMS;
    kept.push({ severity: error ? 'error' : 'warning', code: 'more', message: `${more.toLocaleString('en')} more problems in this file are not listed`, line: last.line, col: last.col, offset: last.offset });
  }
  return kept;
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
  /** Problems found beyond the ones kept: a broken file of 100,000 items does not need 100,000 messages. */
  readonly dropped = { count: 0, error: false };
  /** Whether any error was found, kept or not. */
  hasErrors = false;
  constructor(private readonly lc: LineCounter) {}

  report(node: Node | null | undefined, code: string, message: string, severity: Problem['severity'] = 'error', fallbackOffset = 0): void {
    if (severity === 'error') this.hasErrors = true;
    if (this.problems.length >= 4 * MAX_PROBLEMS) {
      this.dropped.count++;
      if (severity === 'error') this.dropped.error = true;
      return;
    }
    this.problems.push(problemAt(this.lc, node?.range?.[0] ?? fallbackOffset, code, message, severity));
  }

  // Every reader below takes `undefined` as "absent, and already reported" (see `required`) and
  // returns undefined without a second report; `null` is a YAML null, reported as a wrong type.

  map(node: unknown, where: string): YAMLMap | undefined {
    if (node === undefined) return undefined;
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
      if (!known.includes(key.value)) this.report(key, 'unknown-key', `${where}: unknown key ${displayValue(key.value)} (kept, but Corpus Lens ignores it)`, 'warning');
      // A key without a value node is reported at the key, not at the start of the file.
      out.set(key.value, (pair.value as Node | null) ?? Object.assign(new Scalar(null), { range: key.range }));
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
    if (node === undefined) return undefined;
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
      this.report(node, 'format', `${where}: ${displayValue(v)} is not ${opts.patternHint ?? 'in the expected format'}`);
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
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value) || node.value < 0) {
      this.report(node as Node, 'type', `${where}: expected a non-negative integer, got ${isScalar(node) && typeof node.value === 'number' ? String(node.value) : kindOf(node)}`);
      return undefined;
    }
    return node.value;
  }

  integer(node: unknown, where: string): number | undefined {
    if (node === undefined) return undefined;
    if (!isScalar(node) || typeof node.value !== 'number' || !Number.isSafeInteger(node.value)) {
      this.report(node as Node, 'type', `${where}: expected an integer, got ${kindOf(node)}`);
      return undefined;
    }
    return node.value;
  }

  stringList(node: unknown, where: string, opts: { max?: number } = {}): string[] | undefined {
    if (node === undefined) return undefined;
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
    if (node === undefined) return undefined;
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
