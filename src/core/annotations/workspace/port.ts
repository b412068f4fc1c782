/**
 * How the annotation core reaches files: one port with four operations, implemented on node's file
 * system (src/node, the CLI and the extension's `file:` folders), on `vscode.workspace.fs` (other
 * schemes), and in memory (tests). Paths are whatever the implementation understands — file system
 * paths in the CLI, URI strings in the extension; the core only appends the sidecar suffix to them and
 * joins a root with the corpus file's name.
 */

/**
 * An opaque token for one content of a file. Two reads of the same bytes give the same token; a
 * changed file gives a different one. Only the implementation that issued a token interprets it.
 */
export type FileVersion = string;

/** What {@link WorkspacePort.read} found. */
export type PortRead =
  | { kind: 'missing' }
  | { kind: 'file'; bytes: Uint8Array; version: FileVersion }
  /** The file is larger than `maxBytes`: refused from its size alone, nothing was read. */
  | { kind: 'too-large'; size: number };

/** What {@link WorkspacePort.writeIfUnchanged} did. */
export type PortWrite =
  | { kind: 'written'; version: FileVersion }
  /** The file was not at the expected version any more: nothing was written; read it again. */
  | { kind: 'conflict' };

/** A file created, changed or deleted under a watched root, by anyone (this process included). */
export interface PortWatchEvent {
  path: string;
  kind: 'created' | 'changed' | 'deleted';
}

export interface PortDisposable {
  dispose(): void;
}

export interface WorkspacePort {
  /**
   * The file's bytes and version. A file over `maxBytes` is refused from its size, before any byte
   * is read (a 1.5 GB file costs nothing). Throws for what prevents reading a regular file (a folder,
   * a device or pipe at that path, permissions): the caller reports it and writes nothing.
   */
  read(path: string, opts?: { maxBytes?: number }): Promise<PortRead>;
  /**
   * Compare-and-swap: replaces the file's content atomically (readers see the old bytes or the new,
   * never a mix or no file) if, just before the replacement, it is still at `expected`. `null`
   * expects no file; `undefined` replaces whatever is there. A symbolic link stays a link: the file it
   * points to is written. Throws when the file cannot be written (the old content is then intact).
   */
  writeIfUnchanged(path: string, data: Uint8Array, expected: FileVersion | null | undefined): Promise<PortWrite>;
  /** Every file under `root` (recursively, skipping `node_modules` and dot-folders) whose name ends with one of `suffixes`. */
  list(root: string, suffixes: readonly string[]): Promise<string[]>;
  /** Reports files under `root` whose name ends with one of `suffixes` as they are created, changed or deleted. */
  watch(root: string, suffixes: readonly string[], listener: (e: PortWatchEvent) => void): PortDisposable;
}

/** Thrown when a compare-and-swap write kept meeting changes made by others. Nothing was written. */
export class WriteConflictError extends Error {
  constructor(
    readonly path: string,
    readonly attempts: number,
  ) {
    super(`${path} kept changing while it was being written (${attempts} attempts); nothing was written, try again`);
  }
}
