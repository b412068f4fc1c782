import { CorpusFile, type CorpusEdit } from './corpusFile';
import { sidecarPathFor } from './paths';
import { SidecarFile, type SidecarEdit } from './sidecar';
import type { ParseFailure, Problem } from './types';
import { WriteConflictError, type FileVersion, type WorkspacePort } from './workspace/port';
import { displayValue, MAX_FILE_BYTES } from './yamlSource';

/** A file as found on disk: absent, readable (with the version a write must find unchanged), or refused with its problems. */
export type StoreLoad<F> =
  | { kind: 'missing'; path: string }
  | { kind: 'ok'; path: string; file: F; warnings: Problem[]; version: FileVersion }
  | { kind: 'invalid'; path: string; problems: Problem[] };

/** The outcome of an update. `unchanged`: the change left the text as it was, nothing was written. */
export type StoreUpdate<F, E> =
  | { kind: 'written' | 'unchanged'; path: string; file: F; inverse: E[]; version: FileVersion | undefined }
  | { kind: 'invalid'; path: string; problems: Problem[] };

export type SidecarLoad = StoreLoad<SidecarFile>;
export type SidecarUpdate = StoreUpdate<SidecarFile, SidecarEdit>;
export type CorpusLoad = StoreLoad<CorpusFile>;
export type CorpusUpdate = StoreUpdate<CorpusFile, CorpusEdit>;

/** Tuning of {@link YamlStore} writes. */
export interface StoreOptions {
  /** Attempts of a compare-and-swap write before giving up with {@link WriteConflictError}. Default 30. */
  attempts?: number;
  /** Refuse files larger than this, from their size alone. Default {@link MAX_FILE_BYTES}. */
  maxBytes?: number;
}

interface Codec<F> {
  parse(bytes: Uint8Array): { ok: true; file: F; warnings: Problem[] } | ParseFailure;
  toBytes(file: F): Uint8Array;
  toString(file: F): string;
}

const unreadable = (e: unknown): Problem => ({ severity: 'error', code: 'unreadable', message: `cannot read: ${displayValue(e instanceof Error ? e.message : String(e), 200)}`, line: 1, col: 1, offset: 0 });
const tooLarge = (size: number, max: number): Problem => ({ severity: 'error', code: 'too-large', message: `file is ${megabytes(size)}, larger than the limit of ${megabytes(max)}; not read`, line: 1, col: 1, offset: 0 });
const megabytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${n} bytes`);
/**
 * A random pause between attempts, growing with each conflict (up to 100 ms), so writers that
 * collided do not collide again in step and a writer that keeps losing gets its turn.
 */
const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 2 ** attempt)));

/**
 * Reads and writes one kind of YAML file through a {@link WorkspacePort}. Every write is a
 * compare-and-swap: the file is read, the change is applied to what is there now, and the result
 * replaces the file only if nobody changed it meanwhile; otherwise it is read again and the change
 * applied again, a bounded number of times. A file that does not validate is reported and never
 * overwritten.
 */
class YamlStore<F, E> {
  constructor(
    protected readonly port: WorkspacePort,
    private readonly codec: Codec<F>,
    private readonly opts: StoreOptions = {},
  ) {}

  async loadPath(path: string, parse = this.codec.parse): Promise<StoreLoad<F>> {
    const max = this.opts.maxBytes ?? MAX_FILE_BYTES;
    let r;
    try {
      r = await this.port.read(path, { maxBytes: max });
    } catch (e) {
      return { kind: 'invalid', path, problems: [unreadable(e)] };
    }
    if (r.kind === 'missing') return { kind: 'missing', path };
    if (r.kind === 'too-large') return { kind: 'invalid', path, problems: [tooLarge(r.size, max)] };
    const parsed = parse(r.bytes);
    return parsed.ok ? { kind: 'ok', path, file: parsed.file, warnings: parsed.warnings, version: r.version } : { kind: 'invalid', path, problems: parsed.problems };
  }

  /**
   * Reads the file at `path` (or starts from `create()` when there is none), lets `change` edit it and
   * writes the result if its text changed. `change` runs again on the fresh file after a conflict, so
   * it must derive its edits from the file it is given. It may throw to abort (nothing is written).
   */
  async updatePath(path: string, create: () => F, change: (file: F) => E[] | void, parse = this.codec.parse): Promise<StoreUpdate<F, E>> {
    const attempts = Math.max(1, this.opts.attempts ?? 30);
    for (let attempt = 1; ; attempt++) {
      const loaded = await this.loadPath(path, parse);
      if (loaded.kind === 'invalid') return loaded;
      const file = loaded.kind === 'ok' ? loaded.file : create();
      const before = loaded.kind === 'ok' ? this.codec.toString(file) : undefined;
      const inverse = change(file) ?? [];
      const version = loaded.kind === 'ok' ? loaded.version : null;
      if (this.codec.toString(file) === before) return { kind: 'unchanged', path, file, inverse, version: version ?? undefined };
      const w = await this.port.writeIfUnchanged(path, this.codec.toBytes(file), version);
      if (w.kind === 'written') return { kind: 'written', path, file, inverse, version: w.version };
      if (attempt >= attempts) throw new WriteConflictError(path, attempt);
      await backoff(attempt);
    }
  }
}

/** Sidecars (`<document>.lens.yaml`) through a {@link WorkspacePort}; see {@link YamlStore} for the write rules. */
export class SidecarStore extends YamlStore<SidecarFile, SidecarEdit> {
  constructor(port: WorkspacePort, opts?: StoreOptions) {
    super(port, { parse: (b) => SidecarFile.parse(b), toBytes: (f) => f.toBytes(), toString: (f) => f.toString() }, opts);
  }

  /** Loads the sidecar of `docPath`; `documentText` enables the offset checks. */
  load(docPath: string, documentText?: string): Promise<SidecarLoad> {
    return this.loadPath(sidecarPathFor(docPath), (b) => SidecarFile.parse(b, { documentText }));
  }

  /**
   * Changes the sidecar of `docPath` (created for `documentText` when missing) by compare-and-swap.
   * `change` may run more than once (after a conflict, on the file as it is then). Throws
   * {@link WriteConflictError} when the file kept changing, and whatever the port throws.
   */
  update(docPath: string, documentText: string, change: (file: SidecarFile) => SidecarEdit[] | void): Promise<SidecarUpdate> {
    return this.updatePath(sidecarPathFor(docPath), () => SidecarFile.create(documentText), change, (b) => SidecarFile.parse(b, { documentText }));
  }
}

/** `corpus-lens.yaml` through a {@link WorkspacePort}, with the same compare-and-swap writes. */
export class CorpusStore extends YamlStore<CorpusFile, CorpusEdit> {
  constructor(port: WorkspacePort, opts?: StoreOptions) {
    super(port, { parse: (b) => CorpusFile.parse(b), toBytes: (f) => f.toBytes(), toString: (f) => f.toString() }, opts);
  }

  /** Loads the corpus file at `path`. */
  load(path: string): Promise<CorpusLoad> {
    return this.loadPath(path);
  }

  /** Changes the corpus file at `path` (created when missing) by compare-and-swap, as {@link SidecarStore.update}. */
  update(path: string, change: (file: CorpusFile) => CorpusEdit[] | void): Promise<CorpusUpdate> {
    return this.updatePath(path, () => CorpusFile.create(), change);
  }
}
