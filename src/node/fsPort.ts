import { createHash, randomBytes } from 'node:crypto';
import { constants, promises as fsp, watch as fsWatch } from 'node:fs';
import * as path from 'node:path';
import type { FileVersion, PortDisposable, PortRead, PortWatchEvent, PortWrite, WorkspacePort } from '../core/annotations/workspace/port';
import { isBrokenLockLitter, isStagedLitter, withFileLock } from './fileLock';

/** An open file, as far as {@link NodeFileSystem} uses it. */
export interface NodeFileHandle {
  writeFile(d: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
  stat?(): Promise<{ isFile(): boolean; size: number }>;
  read?(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesRead: number }>;
}

/** The file operations {@link NodeFileSystem} needs; tests swap some for failing ones. */
export interface NodeFsOps {
  readFile(p: string): Promise<Uint8Array>;
  stat(p: string): Promise<{ isDirectory(): boolean; isFile?(): boolean; mode: number; size?: number; mtimeMs: number }>;
  lstat?(p: string): Promise<{ isSymbolicLink(): boolean }>;
  realpath?(p: string): Promise<string>;
  readlink?(p: string): Promise<string>;
  open(p: string, flags: string | number, mode?: number): Promise<NodeFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  link(existing: string, p: string): Promise<void>;
  readdir?(p: string): Promise<string[]>;
}

export const realFsOps: NodeFsOps = {
  readFile: (p) => fsp.readFile(p),
  stat: (p) => fsp.stat(p),
  lstat: (p) => fsp.lstat(p),
  realpath: (p) => fsp.realpath(p),
  readlink: (p) => fsp.readlink(p),
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
  link: (a, b) => fsp.link(a, b),
  readdir: (p) => fsp.readdir(p),
};

/** Temporary files of writes still under way (or of writers that died) are older than this at most before they are removed. */
export const STALE_TEMP_MS = 10 * 60_000;

/**
 * Names of the files a write of `base` leaves for a moment: `.<base>.<12 hex>.tmp` (the new content)
 * and `.<base>.lock.<12 hex>.tmp` (a lock broken aside); a lock being taken is another (see
 * ./fileLock.ts).
 */
const TEMP = /^\.(.+)\.[0-9a-f]{12}\.tmp$/;

/** The version token of some bytes: their length and SHA-256. */
export function versionOf(bytes: Uint8Array): FileVersion {
  return `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}`;
}

const sizeOfVersion = (v: FileVersion) => Number(v.slice(0, v.indexOf(':')));
// Open for reading without blocking: a FIFO put where a file was expected must not hang the reader.
const READ_FLAGS = typeof constants.O_NONBLOCK === 'number' ? constants.O_RDONLY | constants.O_NONBLOCK : 'r';

/**
 * {@link WorkspacePort} on node's file system: the CLI's, and the extension's for `file:` folders.
 *
 * Reads stat first and refuse what is not a regular file or is over the size limit, then read at
 * most the limit. A write takes the file's lock (./fileLock.ts), checks that the file is still at the
 * expected version, writes a temporary file in the same folder (so the rename stays on one file
 * system), flushes it to disk, renames it over the file and flushes the folder. On any failure the
 * temporary file is removed and the file is untouched. Temporary files left by writers that died
 * are removed by the next write in their folder: at once for the same file (under its lock nobody
 * else can be writing it), after {@link STALE_TEMP_MS} for the others (a minute for a lock being
 * taken). A symbolic link is written
 * through: the file it points to is replaced, the link stays.
 */
export class NodeFileSystem implements WorkspacePort {
  constructor(private readonly ops: NodeFsOps = realFsOps) {}

  async read(p: string, opts: { maxBytes?: number } = {}): Promise<PortRead> {
    let st;
    try {
      st = await this.ops.stat(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw e;
    }
    if (st.isDirectory()) throw new Error(`${p} is a directory, not a file`);
    if (st.isFile && !st.isFile()) throw new Error(`${p} is not a regular file`);
    const max = opts.maxBytes ?? Infinity;
    if (st.size !== undefined && st.size > max) return { kind: 'too-large', size: st.size };
    let bytes: Uint8Array;
    try {
      bytes = await this.readBounded(p, max);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw e;
    }
    // The file grew between the stat and the read.
    if (bytes.length > max) return { kind: 'too-large', size: bytes.length };
    return { kind: 'file', bytes, version: versionOf(bytes) };
  }

  /** The file's bytes, but never more than `max + 1` of them. */
  private async readBounded(p: string, max: number): Promise<Uint8Array> {
    const h = await this.ops.open(p, READ_FLAGS);
    try {
      if (!h.read || !h.stat) return await this.ops.readFile(p);
      const st = await h.stat();
      if (!st.isFile()) throw new Error(`${p} is not a regular file`);
      const limit = Math.min(max + 1, Number.MAX_SAFE_INTEGER);
      let buf = new Uint8Array(Math.min(limit, Math.max(st.size + 1, 4096)));
      let n = 0;
      for (;;) {
        if (n === buf.length) {
          if (buf.length >= limit) break;
          const bigger = new Uint8Array(Math.min(limit, buf.length * 2));
          bigger.set(buf);
          buf = bigger;
        }
        const { bytesRead } = await h.read(buf, n, buf.length - n, n);
        if (bytesRead === 0) break;
        n += bytesRead;
      }
      return buf.subarray(0, n);
    } finally {
      await h.close();
    }
  }

  async writeIfUnchanged(p: string, data: Uint8Array, expected: FileVersion | null | undefined): Promise<PortWrite> {
    const target = await this.resolveLinks(p);
    return withFileLock(this.ops, target, async () => {
      await this.removeStaleTemps(target);
      let mode = 0o666;
      let current: { mode: number; size?: number } | undefined;
      try {
        const st = await this.ops.stat(target);
        if (st.isDirectory()) throw new Error(`${p} is a directory, not a file`);
        if (st.isFile && !st.isFile()) throw new Error(`${p} is not a regular file`);
        current = st;
        mode = st.mode & 0o7777;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      }
      if (expected !== undefined && !(await this.isAt(target, current, expected))) return { kind: 'conflict' };
      await this.replace(target, data, mode);
      return { kind: 'written', version: versionOf(data) };
    });
  }

  /** Replaces `p` whatever is there (atomically, under its lock). */
  async write(p: string, data: Uint8Array): Promise<void> {
    await this.writeIfUnchanged(p, data, undefined);
  }

  /** Whether the file (`current` its stat, undefined when absent) is at `expected`. */
  private async isAt(p: string, current: { size?: number } | undefined, expected: FileVersion | null): Promise<boolean> {
    if (expected === null || !current) return expected === null && !current;
    if (current.size !== undefined && current.size !== sizeOfVersion(expected)) return false;
    let bytes: Uint8Array;
    try {
      bytes = await this.readBounded(p, sizeOfVersion(expected));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
    return versionOf(bytes) === expected;
  }

  private async replace(target: string, data: Uint8Array, mode: number): Promise<void> {
    const dir = path.dirname(target);
    const tmp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      const handle = await this.ops.open(tmp, 'wx', mode);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.ops.rename(tmp, target);
    } catch (e) {
      await this.ops.unlink(tmp).catch(() => undefined);
      throw e;
    }
    // The rename itself reaches the disk when the folder is flushed (not possible everywhere).
    try {
      const d = await this.ops.open(dir, 'r');
      await d.sync().catch(() => undefined);
      await d.close();
    } catch {
      // a folder that cannot be opened for reading (Windows): the rename is still atomic
    }
  }

  /** The file a write to `p` must replace: `p`, or where its symbolic link(s) point. */
  private async resolveLinks(p: string): Promise<string> {
    if (!this.ops.lstat || !this.ops.realpath || !this.ops.readlink) return p;
    let current = p;
    for (let hops = 0; hops < 32; hops++) {
      let st;
      try {
        st = await this.ops.lstat(current);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return current;
        throw e;
      }
      if (!st.isSymbolicLink()) return current;
      const to = await this.ops.readlink(current);
      current = path.resolve(path.dirname(current), to);
    }
    throw new Error(`${p}: too many levels of symbolic links`);
  }

  /**
   * Removes temporary files left in the folder of `target` by writers that died: every one of
   * `target` (we hold its lock, so no write of it is under way), others once older than
   * {@link STALE_TEMP_MS}.
   */
  private async removeStaleTemps(target: string): Promise<void> {
    if (!this.ops.readdir) return;
    const dir = path.dirname(target);
    const base = path.basename(target);
    let names: string[];
    try {
      names = await this.ops.readdir(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.startsWith('.')) continue;
      const m = TEMP.exec(name);
      const staged = !m && name.endsWith('.new');
      if (!m && !staged) continue;
      const p = path.join(dir, name);
      // New content for this file: only a writer holding its lock makes one, and we hold it.
      if (m && m[1] === `${base}.lock`) {
        // Its lock set aside by a breaker that died: litter as soon as that lock is stale.
        if (!(await isBrokenLockLitter(this.ops, p))) {
          const st = await this.ops.stat(p).catch(() => undefined);
          if (!st || Date.now() - st.mtimeMs < STALE_TEMP_MS) continue;
        }
      } else if (!(m && m[1] === base)) {
        const st = await this.ops.stat(p).catch(() => undefined);
        if (!st || (staged ? !isStagedLitter(name, st.mtimeMs) : Date.now() - st.mtimeMs < STALE_TEMP_MS)) continue;
      }
      await this.ops.unlink(p).catch(() => undefined);
    }
  }

  async list(root: string, suffixes: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string) => {
      let entries;
      try {
        entries = await fsp.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (suffixes.some((s) => e.name.endsWith(s))) out.push(p);
      }
    };
    await walk(root);
    return out.sort();
  }

  watch(root: string, suffixes: readonly string[], listener: (e: PortWatchEvent) => void): PortDisposable {
    let watcher: ReturnType<typeof fsWatch> | undefined;
    try {
      watcher = fsWatch(root, { recursive: true, persistent: false }, (event, name) => {
        if (!name) return;
        const file = path.join(root, name.toString());
        if (!suffixes.some((s) => file.endsWith(s))) return;
        if (event === 'change') return listener({ path: file, kind: 'changed' });
        void fsp.stat(file).then(
          () => listener({ path: file, kind: 'created' }),
          () => listener({ path: file, kind: 'deleted' }),
        );
      });
      watcher.on('error', () => undefined);
    } catch {
      // a root that cannot be watched reports nothing
    }
    return { dispose: () => watcher?.close() };
  }
}
