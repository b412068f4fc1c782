import { promises as fsp } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FileStamp } from './analysisStore';
import type { DocumentSource } from './corpusLoader';

/** Documents named by `file:` URIs, read from node's file system (the benchmark and tests). */
export class NodeDocumentSource implements DocumentSource {
  openText(): string | undefined {
    return undefined;
  }

  async stat(doc: string): Promise<FileStamp | undefined> {
    try {
      const st = await fsp.stat(fileURLToPath(doc));
      return { mtime: Math.trunc(st.mtimeMs), size: st.size };
    } catch {
      return undefined;
    }
  }

  async read(doc: string): Promise<string | undefined> {
    try {
      return await fsp.readFile(fileURLToPath(doc), 'utf8');
    } catch {
      return undefined;
    }
  }
}

/** The store's file at a path, replaced atomically (temporary file in the same folder, then rename). */
export function fileStoreIO(file: string): { read(): Promise<Uint8Array | undefined>; write(data: Uint8Array): Promise<void> } {
  return {
    async read() {
      try {
        return await fsp.readFile(file);
      } catch {
        return undefined;
      }
    },
    async write(data) {
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fsp.writeFile(tmp, data);
      await fsp.rename(tmp, file);
    },
  };
}
