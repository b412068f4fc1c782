import type { FileVersion, PortDisposable, PortRead, PortWatchEvent, PortWrite, WorkspacePort } from '../../../../src/core/annotations';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

/**
 * A {@link WorkspacePort} in memory, for stories about the annotation workspace: files are strings
 * under `/`-separated paths, versions count writes, watchers hear every change a moment later (as
 * real ones do). `beforeWrite` runs just before each compare-and-swap, so a test can let "another
 * window" write at the worst moment.
 */
export class MemoryPort implements WorkspacePort {
  private readonly files = new Map<string, { bytes: Uint8Array; version: FileVersion }>();
  private readonly watchers = new Set<{ root: string; suffixes: readonly string[]; listener: (e: PortWatchEvent) => void }>();
  private generation = 0;
  /** Called before every writeIfUnchanged, after the caller read the file. */
  beforeWrite: ((path: string) => void) | undefined;
  /** Every read, by path (to see that a file was not read, or not read again). */
  readonly reads: string[] = [];
  /** Every write made through the port, by path. */
  readonly writes: string[] = [];

  /** Sets a file as another program would (fires the watchers). */
  set(path: string, text: string | Uint8Array): void {
    const existed = this.files.has(path);
    this.files.set(path, { bytes: typeof text === 'string' ? enc(text) : text, version: `v${++this.generation}` });
    this.notify(path, existed ? 'changed' : 'created');
  }

  get(path: string): string | undefined {
    const f = this.files.get(path);
    return f && dec(f.bytes);
  }

  delete(path: string): void {
    if (this.files.delete(path)) this.notify(path, 'deleted');
  }

  paths(): string[] {
    return [...this.files.keys()].sort();
  }

  async read(path: string, opts: { maxBytes?: number } = {}): Promise<PortRead> {
    this.reads.push(path);
    await tick();
    const f = this.files.get(path);
    if (!f) return { kind: 'missing' };
    if (f.bytes.length > (opts.maxBytes ?? Infinity)) return { kind: 'too-large', size: f.bytes.length };
    return { kind: 'file', bytes: f.bytes, version: f.version };
  }

  async writeIfUnchanged(path: string, data: Uint8Array, expected: FileVersion | null | undefined): Promise<PortWrite> {
    await tick();
    this.beforeWrite?.(path);
    const f = this.files.get(path);
    if (expected !== undefined && (f?.version ?? null) !== expected) return { kind: 'conflict' };
    const version = `v${++this.generation}`;
    this.files.set(path, { bytes: data, version });
    this.writes.push(path);
    this.notify(path, f ? 'changed' : 'created');
    return { kind: 'written', version };
  }

  async list(root: string, suffixes: readonly string[]): Promise<string[]> {
    await tick();
    return this.paths().filter((p) => p.startsWith(root + '/') && suffixes.some((s) => p.endsWith(s)));
  }

  watch(root: string, suffixes: readonly string[], listener: (e: PortWatchEvent) => void): PortDisposable {
    const w = { root, suffixes, listener };
    this.watchers.add(w);
    return { dispose: () => this.watchers.delete(w) };
  }

  private notify(path: string, kind: PortWatchEvent['kind']): void {
    for (const w of this.watchers) {
      if (path.startsWith(w.root + '/') && w.suffixes.some((s) => path.endsWith(s))) setTimeout(() => this.watchers.has(w) && w.listener({ path, kind }), 1);
    }
  }
}

/** Lets other promises run, as real I/O would. */
const tick = () => new Promise<void>((r) => setImmediate(r));

/** Resolves once every watcher event and the work it started have run. */
export async function settled(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 2));
}
