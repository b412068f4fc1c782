import { sidecarPathFor } from './paths';
import type { FileSystemPort } from './ports';
import { SidecarFile, type SidecarEdit } from './sidecar';
import type { Problem } from './types';

/** A sidecar as found on disk: absent, readable, or refused with its problems. */
export type SidecarLoad =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; file: SidecarFile; warnings: Problem[] }
  | { kind: 'invalid'; path: string; problems: Problem[] };

/** The outcome of {@link SidecarStore.update}. `written` is false when nothing changed or the file was refused. */
export type SidecarUpdate =
  | { kind: 'written' | 'unchanged'; path: string; file: SidecarFile; inverse: SidecarEdit[] }
  | { kind: 'invalid'; path: string; problems: Problem[] };

/**
 * Reads and writes sidecars through a {@link FileSystemPort}. Every write re-reads the file first and
 * applies the change to what is there now; a file that does not validate is reported and never
 * overwritten.
 */
export class SidecarStore {
  constructor(private readonly fs: FileSystemPort) {}

  /** Loads the sidecar of `docPath`; `documentText` enables the offset checks. */
  async load(docPath: string, documentText?: string): Promise<SidecarLoad> {
    const path = sidecarPathFor(docPath);
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.fs.read(path);
    } catch (e) {
      return { kind: 'invalid', path, problems: [{ severity: 'error', code: 'unreadable', message: `cannot read: ${e instanceof Error ? e.message : String(e)}`, line: 1, col: 1, offset: 0 }] };
    }
    if (!bytes) return { kind: 'missing', path };
    const r = SidecarFile.parse(bytes, { documentText });
    return r.ok ? { kind: 'ok', path, file: r.file, warnings: r.warnings } : { kind: 'invalid', path, problems: r.problems };
  }

  /**
   * Re-reads the sidecar of `docPath` (creating it for `documentText` when missing), lets `change`
   * edit it, and writes it back atomically if its text changed. `change` may throw to abort.
   */
  async update(docPath: string, documentText: string, change: (file: SidecarFile) => SidecarEdit[] | void): Promise<SidecarUpdate> {
    const loaded = await this.load(docPath, documentText);
    if (loaded.kind === 'invalid') return loaded;
    const file = loaded.kind === 'ok' ? loaded.file : SidecarFile.create(documentText);
    const before = loaded.kind === 'ok' ? file.toString() : undefined;
    const inverse = change(file) ?? [];
    const after = file.toString();
    if (after === before) return { kind: 'unchanged', path: loaded.path, file, inverse };
    await this.fs.write(loaded.path, new TextEncoder().encode(after));
    return { kind: 'written', path: loaded.path, file, inverse };
  }
}

