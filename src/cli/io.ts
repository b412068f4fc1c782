import { constants, promises as fs, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

/** A failure the CLI reports as one line on stderr before exiting with {@link EXIT.skipped}. */
export class CliError extends Error {}

/** A command line the CLI cannot run (unknown option, missing path, bad value): exit {@link EXIT.usage}. */
export class UsageError extends CliError {}

/**
 * Exit codes. `skipped`: the run completed and printed, but something named or found was not
 * used (a file skipped, an annotation file that does not validate) — each reported on stderr.
 */
export const EXIT = { ok: 0, skipped: 1, usage: 2, internal: 70 } as const;

/** Files larger than this are skipped: the corpus is prose, not data dumps. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The options and paths of a command; unknown options and bad values are a {@link UsageError}. */
export function parseCommand<T extends Record<string, { type: 'string' | 'boolean' }>>(command: string, args: readonly string[], options: T): { values: { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean }; paths: string[] } {
  try {
    const r = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: r.values as { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean }, paths: r.positionals };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = e instanceof Error ? e.message : String(e);
    const option = /'(-[^' ]*)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${command}: unknown option ${option ?? message} (see corpus-lens ${command} --help)`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) throw new UsageError(`${command}: ${/does not take/.test(message) ? `${option} takes no value` : `${option} needs a value`}`);
    throw new UsageError(`${command}: ${message.split('\n')[0]}`);
  }
}

/** Rejects a command line without a path: the CLI never guesses what to read. */
export function requirePaths(command: string, paths: readonly string[]): void {
  if (paths.length === 0) throw new UsageError(`${command}: name at least one file or folder (see corpus-lens ${command} --help)`);
}

/** `--date YYYY-MM-DD`, checked to be a real day. */
export function parseDateOption(command: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || !d || d.getUTCFullYear() !== +m[1] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) throw new UsageError(`${command}: --date must be a day written YYYY-MM-DD (got '${shown(value)}')`);
  return value;
}

/** A path or message made safe for one line of a terminal: control characters written as escapes. */
export function shown(s: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** How a document is named in results (the JSON's `file`): relative to where the run started. */
export function displayPath(p: string): string {
  return path.relative(process.cwd(), p) || p;
}

/**
 * Writes problems to stderr, one line each (`file: message`, the file named as given or as found
 * in a folder named), and remembers whether anything was skipped, which decides the exit code.
 */
export class Reporter {
  skipped = 0;
  constructor(private readonly err: (s: string) => void) {}

  /** Something named or found was not used. */
  skip(file: string, reason: string): void {
    this.skipped++;
    this.err(`${shown(file)}: skipped: ${shown(reason)}`);
  }

  /** A problem that made part of the input unusable (an annotation file that does not validate). */
  problem(line: string): void {
    this.skipped++;
    this.err(shown(line));
  }

  /** Worth knowing, nothing left out (a file read in another encoding). */
  warn(file: string, message: string): void {
    this.err(`${shown(file)}: warning: ${shown(message)}`);
  }

  get exitCode(): number {
    return this.skipped ? EXIT.skipped : EXIT.ok;
  }
}

export interface CollectOptions {
  /** Extensions (with dot) taken when walking a folder; files named explicitly are always taken. */
  extensions: readonly string[];
}

/**
 * Expands files and folders into a list of regular files, in the order named, each folder's files
 * sorted by name. What cannot be used is reported and left out, never fatal:
 * - a path named that does not exist, cannot be read, or is not a regular file or folder (a FIFO,
 *   a device, a socket); a symbolic link named is followed;
 * - in a folder walk: a FIFO, device or socket with a document extension, a broken symbolic link or
 *   one to a file outside the folder named (with a document extension), a symbolic link to a folder
 *   (not followed: no loops), a folder that cannot be read.
 * Dot-files, dot-folders and node_modules are passed over in silence, as git and the editor do.
 */
export async function collectFiles(inputs: readonly string[], opts: CollectOptions, report: Reporter): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    const key = path.resolve(p);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const input of inputs) {
    let stat: Stats;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      report.skip(input, code === 'ENOENT' || code === 'ENOTDIR' ? 'no such file or folder' : `cannot read (${code ?? 'error'})`);
      continue;
    }
    if (stat.isDirectory()) {
      const root = await fs.realpath(input).catch(() => path.resolve(input));
      await walk(input, root, opts, add, report);
    } else if (stat.isFile()) add(input);
    else report.skip(input, `not a regular file (${kindOf(stat)})`);
  }
  return out;
}

async function walk(dir: string, root: string, opts: CollectOptions, add: (p: string) => void, report: Reporter): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    report.skip(dir, `cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    const wanted = opts.extensions.includes(path.extname(e.name).toLowerCase());
    let entry: Dirent | Stats = e;
    // Some file systems do not say what an entry is.
    if (!e.isFile() && !e.isDirectory() && !e.isSymbolicLink() && !e.isFIFO() && !e.isSocket() && !e.isCharacterDevice() && !e.isBlockDevice()) {
      try {
        entry = await fs.lstat(p);
      } catch (err) {
        if (wanted) report.skip(p, `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
        continue;
      }
    }
    if (entry.isDirectory()) await walk(p, root, opts, add, report);
    else if (entry.isFile()) {
      if (wanted) add(p);
    } else if (entry.isSymbolicLink()) await followLink(p, root, wanted, add, report);
    else if (wanted) report.skip(p, `not a regular file (${kindOf(entry)})`);
  }
}

/** A symbolic link met in a walk: taken when it leads to a regular file inside the folder named. */
async function followLink(p: string, root: string, wanted: boolean, add: (p: string) => void, report: Reporter): Promise<void> {
  let target: Stats;
  try {
    target = await fs.stat(p);
  } catch (e) {
    if (wanted) report.skip(p, `symbolic link that leads nowhere (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
    return;
  }
  if (target.isDirectory()) return void report.skip(p, 'symbolic link to a folder, not followed');
  if (!wanted) return;
  if (!target.isFile()) return void report.skip(p, `symbolic link to ${kindOf(target)}`);
  const real = await fs.realpath(p).catch(() => undefined);
  if (!real || !(real === root || real.startsWith(root.endsWith(path.sep) ? root : root + path.sep))) return void report.skip(p, 'symbolic link to a file outside the folder, not followed');
  add(p);
}

function kindOf(s: Dirent | Stats): string {
  if (s.isFIFO()) return 'a FIFO';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  if (s.isDirectory()) return 'a folder';
  if (s.isSymbolicLink()) return 'a symbolic link';
  return 'not a file';
}

/** A file's bytes, or why they were not read. `missing`: nothing exists at the path. */
export type BytesResult = { ok: true; bytes: Buffer } | { ok: false; reason: string; missing?: boolean };

/**
 * Reads a regular file of at most `maxBytes`. The size is checked before reading (and the read is
 * bounded, for files that grow or report no size); anything but a regular file — a FIFO, a device —
 * is refused without reading, even when swapped in between the check and the open.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<BytesResult> {
  const tooLarge = `larger than ${formatBytes(maxBytes)}`;
  let stat: Stats;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? { ok: false, reason: 'no such file', missing: true } : { ok: false, reason: `cannot read (${code ?? 'error'})` };
  }
  if (!stat.isFile()) return { ok: false, reason: `not a regular file (${kindOf(stat)})` };
  if (stat.size > maxBytes) return { ok: false, reason: tooLarge };
  let handle: fs.FileHandle;
  try {
    // Non-blocking: opening a FIFO put there since the check must not wait for a writer.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { ok: false, reason: `not a regular file (${kindOf(st)})` };
    if (st.size > maxBytes) return { ok: false, reason: tooLarge };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = Math.min(Math.max(st.size + 1 - total, 64 * 1024), maxBytes + 1 - total);
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const { bytesRead } = await handle.read(buf, 0, want, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) return { ok: false, reason: tooLarge };
    return { ok: true, bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return { ok: false, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

function formatBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / 1024 / 1024} MB` : `${n} bytes`;
}

/** A document's text, or why it was not read; `warning` says the text was decoded other than as UTF-8. */
export type ReadResult = { ok: true; text: string; warning?: string } | { ok: false; reason: string; missing?: boolean };

/** Reads a corpus document (see {@link readRegularFile} and {@link decodeDocument}). */
export async function readText(file: string, maxBytes = MAX_FILE_BYTES): Promise<ReadResult> {
  const r = await readRegularFile(file, maxBytes);
  return r.ok ? decodeDocument(r.bytes) : r;
}

/**
 * A document's text from its bytes: UTF-8 (a byte-order mark dropped), or UTF-16 when it starts
 * with a UTF-16 byte-order mark. Bytes that are not UTF-8 are read as Windows-1252 — the Latin-1
 * of Western European text, whose typographic quotation marks it keeps — with a warning, so that
 * `Málaga` stays one word instead of `M` and a replacement character. A file with NUL bytes (and no
 * UTF-16 mark) is binary and refused.
 */
export function decodeDocument(bytes: Uint8Array): ReadResult {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { ok: true, text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, reason: `not valid ${utf16.toUpperCase()} despite its byte-order mark` };
    }
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, reason: 'binary file' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: true, text: new TextDecoder('windows-1252').decode(bytes), warning: 'not valid UTF-8; read as Windows-1252 (Latin-1)' };
  }
}

/**
 * A problem in a file as one line: `file:line:col: message`, or `file: message` when it is about
 * the whole file. A path outside the folder the run started in (a corpus file found above it) is
 * shown relative to it.
 */
export function problemLine(file: string, p: { line: number; col: number; message: string; code?: string; severity?: string }): string {
  const name = path.isAbsolute(file) ? displayPath(file) : file;
  const where = p.code === 'unreadable' ? name : `${name}:${p.line}:${p.col}`;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** The message of anything thrown, on one line. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
}
