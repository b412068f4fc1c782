import { promises as fs } from 'node:fs';
import * as path from 'node:path';

/** A failure the CLI reports as one line on stderr before exiting non-zero. */
export class CliError extends Error {}

/** Files larger than this are skipped: the corpus is prose, not data dumps. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface CollectOptions {
  /** Extensions (with dot) taken when walking a folder; files named explicitly are always taken. */
  extensions: readonly string[];
}

/**
 * Expands files and folders into a sorted list of files. A missing path is a {@link CliError};
 * folders are walked recursively, skipping dot-folders and node_modules.
 */
export async function collectFiles(inputs: readonly string[], opts: CollectOptions): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliError(code === 'ENOENT' || code === 'ENOTDIR' ? `${input}: no such file or folder` : `${input}: cannot read (${code ?? 'error'})`);
    }
    if (stat.isDirectory()) await walk(input, opts, out);
    else out.push(input);
  }
  return [...new Set(out)];
}

async function walk(dir: string, opts: CollectOptions, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new CliError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, opts, out);
    else if (e.isFile() && opts.extensions.includes(path.extname(e.name).toLowerCase())) out.push(p);
  }
}

/** Result of reading a text file for the corpus: its text, or why it was skipped. */
export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a corpus document as UTF-8; binary files and files over {@link MAX_FILE_BYTES} are skipped. */
export async function readText(file: string): Promise<ReadResult> {
  let buf: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.size > MAX_FILE_BYTES) return { ok: false, reason: `skipped: larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` };
    buf = await fs.readFile(file);
  } catch (e) {
    throw new CliError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, reason: 'skipped: binary file' };
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
}
