import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import type { FileSystemPort } from '../core/annotations/ports';

/** The file operations {@link NodeFileSystem} needs; tests swap some for failing ones. */
export interface NodeFsOps {
  readFile(p: string): Promise<Uint8Array>;
  stat(p: string): Promise<{ isDirectory(): boolean; mode: number }>;
  open(p: string, flags: string, mode?: number): Promise<{ writeFile(d: Uint8Array): Promise<void>; sync(): Promise<void>; close(): Promise<void> }>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
}

const realOps: NodeFsOps = {
  readFile: (p) => fsp.readFile(p),
  stat: (p) => fsp.stat(p),
  open: (p, flags, mode) => fsp.open(p, flags, mode),
  rename: (a, b) => fsp.rename(a, b),
  unlink: (p) => fsp.unlink(p),
};

/**
 * {@link FileSystemPort} on node's file system. Writes go to a temporary file in the same folder
 * (so the rename stays on one file system and is atomic), flushed to disk, then renamed over the
 * target; on any failure the temporary file is removed and the target is untouched.
 */
export class NodeFileSystem implements FileSystemPort {
  constructor(private readonly ops: NodeFsOps = realOps) {}

  async read(p: string): Promise<Uint8Array | undefined> {
    try {
      const st = await this.ops.stat(p);
      if (st.isDirectory()) throw new Error(`${p} is a directory, not a file`);
      return await this.ops.readFile(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async write(p: string, data: Uint8Array): Promise<void> {
    let mode = 0o666;
    try {
      const st = await this.ops.stat(p);
      if (st.isDirectory()) throw new Error(`${p} is a directory, not a file`);
      mode = st.mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const tmp = path.join(path.dirname(p), `.${path.basename(p)}.${randomBytes(6).toString('hex')}.tmp`);
    let handle;
    try {
      handle = await this.ops.open(tmp, 'wx', mode);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.ops.rename(tmp, p);
    } catch (e) {
      await this.ops.unlink(tmp).catch(() => undefined);
      throw e;
    }
  }
}
