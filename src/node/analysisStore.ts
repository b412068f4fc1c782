import { deserialize, serialize } from 'node:v8';
import type { AnalysisCache, CorpusIndex, LinkSnapshot } from '../core/corpus/corpusIndex';
import { isPackedAnalysis, type PackedAnalysis } from '../core/corpus/packedAnalysis';

/** Bump when the file's layout changes: a file of another format is ignored (and rewritten). */
export const CACHE_FORMAT = 2;

/** What the store knows of a file on disk: enough to tell, from a stat, that it did not change. */
export interface FileStamp {
  mtime: number;
  size: number;
}

/** Reads and writes the cache file (the extension's workspace storage, or a plain path). */
export interface StoreIO {
  /** The file's bytes, or undefined when there is none. */
  read(): Promise<Uint8Array | undefined>;
  /** Replaces the file atomically. */
  write(data: Uint8Array): Promise<void>;
}

/** A decoded cache file. */
export interface CacheContents {
  files: Map<string, FileStamp & { key: string }>;
  analyses: Map<string, PackedAnalysis>;
  /** The links of the session that wrote the file, when it ran the same code (see {@link decodeCache}). */
  links?: LinkSnapshot;
}

/** The serialized shape: a few large arrays, which `v8.deserialize` reads in one pass each. */
interface Stored {
  format: number;
  /** Identifies the code that linked (see {@link AnalysisStore}); links of other code are dropped. */
  code: string;
  uris: string[];
  mtimes: Float64Array;
  sizes: Float64Array;
  /** Per file: position of its analysis in `keys`. */
  fileKeys: Int32Array;
  keys: string[];
  /** Every analysis's strings, concatenated; analysis i's are [strEnds[i-1], strEnds[i]). */
  strings: string;
  strEnds: Int32Array;
  /** Every analysis's ints, concatenated, likewise. */
  ints: Int32Array;
  intEnds: Int32Array;
  links: LinkSnapshot | null;
}

/** Encodes the cache file (see {@link decodeCache}). */
export function encodeCache(c: CacheContents, code: string): Uint8Array {
  const keys: string[] = [];
  const keyAt = new Map<string, number>();
  const parts: PackedAnalysis[] = [];
  const uris: string[] = [];
  const mtimes: number[] = [];
  const sizes: number[] = [];
  const fileKeys: number[] = [];
  for (const [uri, f] of c.files) {
    const a = c.analyses.get(f.key);
    if (!a) continue;
    let at = keyAt.get(f.key);
    if (at === undefined) {
      keyAt.set(f.key, (at = keys.length));
      keys.push(f.key);
      parts.push(a);
    }
    uris.push(uri);
    mtimes.push(f.mtime);
    sizes.push(f.size);
    fileKeys.push(at);
  }
  const strEnds = new Int32Array(parts.length);
  const intEnds = new Int32Array(parts.length);
  let s = 0;
  let n = 0;
  parts.forEach((p, i) => {
    strEnds[i] = s += p.strings.length;
    intEnds[i] = n += p.ints.length;
  });
  const ints = new Int32Array(n);
  parts.forEach((p, i) => ints.set(p.ints, i === 0 ? 0 : intEnds[i - 1]));
  const stored: Stored = {
    format: CACHE_FORMAT,
    code,
    uris,
    mtimes: Float64Array.from(mtimes),
    sizes: Float64Array.from(sizes),
    fileKeys: Int32Array.from(fileKeys),
    keys,
    strings: parts.map((p) => p.strings).join(''),
    strEnds,
    ints,
    intEnds,
    links: c.links ?? null,
  };
  return serialize(stored);
}

/**
 * Decodes a cache file; undefined when it is corrupt or of another format. The links are kept only
 * when `code` is the code that wrote them: linking may change with the code while analyses are
 * versioned by their keys.
 */
export function decodeCache(data: Uint8Array, code: string): CacheContents | undefined {
  let s: Stored;
  try {
    s = deserialize(data) as Stored;
  } catch {
    return undefined;
  }
  if (!s || typeof s !== 'object' || s.format !== CACHE_FORMAT) return undefined;
  const { uris, mtimes, sizes, fileKeys, keys, strings, strEnds, ints, intEnds } = s;
  if (!Array.isArray(uris) || !(mtimes instanceof Float64Array) || !(sizes instanceof Float64Array) || !(fileKeys instanceof Int32Array)) return undefined;
  if (!Array.isArray(keys) || typeof strings !== 'string' || !(strEnds instanceof Int32Array) || !(ints instanceof Int32Array) || !(intEnds instanceof Int32Array)) return undefined;
  if (mtimes.length !== uris.length || sizes.length !== uris.length || fileKeys.length !== uris.length) return undefined;
  if (strEnds.length !== keys.length || intEnds.length !== keys.length) return undefined;
  if ((keys.length ? strEnds[keys.length - 1] : 0) !== strings.length || (keys.length ? intEnds[keys.length - 1] : 0) !== ints.length) return undefined;
  const analyses = new Map<string, PackedAnalysis>();
  for (let i = 0; i < keys.length; i++) {
    const s0 = i === 0 ? 0 : strEnds[i - 1];
    const n0 = i === 0 ? 0 : intEnds[i - 1];
    if (typeof keys[i] !== 'string' || strEnds[i] < s0 || intEnds[i] < n0) return undefined;
    const a: PackedAnalysis = { strings: strings.slice(s0, strEnds[i]), ints: ints.subarray(n0, intEnds[i]) };
    if (!isPackedAnalysis(a)) return undefined;
    analyses.set(keys[i], a);
  }
  const files = new Map<string, FileStamp & { key: string }>();
  for (let i = 0; i < uris.length; i++) {
    const key = keys[fileKeys[i]];
    if (typeof uris[i] !== 'string' || key === undefined) return undefined;
    files.set(uris[i], { mtime: mtimes[i], size: sizes[i], key });
  }
  const out: CacheContents = { files, analyses };
  if (s.code === code && isLinkSnapshot(s.links)) out.links = s.links;
  return out;
}

function isLinkSnapshot(x: unknown): x is LinkSnapshot {
  const l = x as LinkSnapshot | null;
  return (
    !!l &&
    Array.isArray(l.docs) &&
    Array.isArray(l.keys) &&
    l.keys.length === l.docs.length &&
    Array.isArray(l.ids) &&
    l.locals instanceof Int32Array &&
    l.locals.every((i) => i >= 0 && i < l.ids.length) &&
    Array.isArray(l.entities) &&
    l.entities.every((e) => e && typeof e.id === 'string' && typeof e.name === 'string' && Array.isArray(e.aliases))
  );
}

/**
 * Keeps analyses across restarts in one file, keyed by content hash (via the index's keys) and
 * remembered per file with its mtime and size, so a warm start only stats files; with them the
 * links of the last session, so a warm start of an unchanged corpus does not link again. The file is
 * written whole and atomically (by the {@link StoreIO}); a corrupt or foreign file is ignored.
 *
 * `code` identifies the running code (e.g. the size and mtime of the bundle): links are reused only
 * by the code that made them.
 */
export class AnalysisStore implements AnalysisCache {
  private analyses = new Map<string, PackedAnalysis>();
  private files = new Map<string, FileStamp & { key: string }>();
  private loadedLinks: LinkSnapshot | undefined;

  constructor(
    private readonly io: StoreIO | undefined,
    private readonly code = '',
  ) {}

  async load(): Promise<void> {
    if (!this.io) return;
    let data: Uint8Array | undefined;
    try {
      data = await this.io.read();
    } catch {
      return; // an unreadable cache: extraction rebuilds it
    }
    const c = data && decodeCache(data, this.code);
    if (!c) return;
    this.analyses = c.analyses;
    this.files = c.files;
    this.loadedLinks = c.links;
  }

  /** The links the loaded file was saved with, once (then forgotten, as the index takes them over). */
  takeLinks(): LinkSnapshot | undefined {
    const l = this.loadedLinks;
    this.loadedLinks = undefined;
    return l;
  }

  get(key: string): PackedAnalysis | undefined {
    return this.analyses.get(key);
  }

  set(key: string, analysis: PackedAnalysis): void {
    this.analyses.set(key, analysis);
  }

  /** Whether the store remembers the file at all (when not, a stat cannot find it unchanged). */
  knows(doc: string): boolean {
    return this.files.has(doc);
  }

  /** The remembered analysis of a file, if its stat still matches. */
  lookup(doc: string, stat: FileStamp): { key: string; analysis: PackedAnalysis } | undefined {
    const f = this.files.get(doc);
    if (!f || f.mtime !== stat.mtime || f.size !== stat.size) return undefined;
    const analysis = this.analyses.get(f.key);
    return analysis && { key: f.key, analysis };
  }

  /** Remembers that `doc`, with this stat, was indexed as the index now holds it. */
  remember(doc: string, stat: FileStamp, index: CorpusIndex): void {
    const key = index.keyOf(doc);
    const analysis = index.packedOf(doc);
    if (!key || !analysis) return;
    this.files.set(doc, { mtime: stat.mtime, size: stat.size, key });
    this.analyses.set(key, analysis);
  }

  forget(doc: string): void {
    this.files.delete(doc);
  }

  /** Encodes what the index holds now; analyses no document uses any more are dropped. */
  encode(index: CorpusIndex): Uint8Array {
    const files = new Map<string, FileStamp & { key: string }>();
    const analyses = new Map<string, PackedAnalysis>();
    for (const [doc, f] of this.files) {
      if (!index.has(doc)) continue;
      const a = this.analyses.get(f.key);
      if (!a) continue;
      files.set(doc, f);
      analyses.set(f.key, a);
    }
    this.analyses = analyses;
    return encodeCache({ files, analyses, links: index.size ? index.linkSnapshot() : undefined }, this.code);
  }

  /** Writes what the index holds now (see {@link encode}). */
  async save(index: CorpusIndex): Promise<void> {
    if (!this.io) return;
    await this.io.write(this.encode(index));
  }
}
