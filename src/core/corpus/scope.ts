import picomatch from 'picomatch';

/** Name of the file that marks a folder as a corpus (and holds its knowledge base). */
export const CORPUS_FILE = 'corpus-lens.yaml';

/**
 * Decides which files of a corpus folder are documents, from the `documents` and `exclude` globs.
 * Paths are POSIX-style, relative to the corpus folder.
 */
export class CorpusScope {
  private readonly include: (p: string) => boolean;
  private readonly exclude: (p: string) => boolean;

  constructor(
    readonly documents: string,
    readonly excluded: string,
  ) {
    this.include = picomatch(documents, { dot: false, nocase: true });
    this.exclude = excluded ? picomatch(excluded, { dot: true }) : () => false;
  }

  /** True for a corpus document; sidecars and the corpus file never are. */
  matches(relativePath: string): boolean {
    if (relativePath.endsWith('.lens.yaml') || relativePath === CORPUS_FILE) return false;
    return this.include(relativePath) && !this.exclude(relativePath);
  }
}
