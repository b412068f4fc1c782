/**
 * How the core reaches files. Paths are whatever the adapter understands (file system paths in the
 * CLI, URI strings in the extension); the core only joins them with the sidecar suffix.
 */
export interface FileSystemPort {
  /**
   * The file's bytes, or `undefined` when nothing exists at `path`. Throws for anything else that
   * prevents reading (a directory at that path, permissions): the caller reports it and writes nothing.
   */
  read(path: string): Promise<Uint8Array | undefined>;
  /**
   * Replaces the file's content atomically: readers see the old bytes or the new ones, never a mix,
   * and a failure leaves the old file as it was.
   */
  write(path: string, data: Uint8Array): Promise<void>;
}
