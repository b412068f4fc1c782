import * as vscode from 'vscode';
import type { AnalysisCache, CorpusIndex, DocumentFacts } from '../core/corpus/corpusIndex';
import type { DocumentAnalysis } from '../core/extract/types';

const FORMAT = 1;

interface Stored {
  format: number;
  /** Document URI → what was indexed: the file's stat when read, and the analysis key. */
  files: Record<string, { mtime: number; size: number; key: string } & DocumentFacts>;
  analyses: Record<string, DocumentAnalysis>;
}

/**
 * Keeps analyses across restarts in the extension's workspace storage, keyed by content hash (via the
 * index's keys) and remembered per file with its mtime and size, so a warm start only stats files.
 * Written atomically (temp file + rename), debounced; a corrupt or foreign file is ignored.
 */
export class AnalysisStore implements AnalysisCache {
  private analyses = new Map<string, DocumentAnalysis>();
  private files = new Map<string, Stored['files'][string]>();
  private readonly file: vscode.Uri | undefined;

  constructor(storage: vscode.Uri | undefined) {
    this.file = storage && vscode.Uri.joinPath(storage, 'analysis-cache.json');
  }

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file))) as Stored;
      if (data.format !== FORMAT) return;
      this.analyses = new Map(Object.entries(data.analyses));
      this.files = new Map(Object.entries(data.files));
    } catch {
      // first start, or an unreadable cache: extraction rebuilds it
    }
  }

  get(key: string): DocumentAnalysis | undefined {
    return this.analyses.get(key);
  }

  set(key: string, analysis: DocumentAnalysis): void {
    this.analyses.set(key, analysis);
  }

  /** The remembered state of a file, if its stat still matches. */
  lookup(uri: vscode.Uri, stat: vscode.FileStat): { key: string; analysis: DocumentAnalysis; facts: DocumentFacts } | undefined {
    const f = this.files.get(uri.toString());
    if (!f || f.mtime !== stat.mtime || f.size !== stat.size) return undefined;
    const analysis = this.analyses.get(f.key);
    return analysis && { key: f.key, analysis, facts: { words: f.words, lines: f.lines } };
  }

  /** Remembers that `uri`, with this stat, was indexed as the index now holds it. */
  remember(uri: vscode.Uri, stat: vscode.FileStat, index: CorpusIndex): void {
    const key = index.keyOf(uri.toString());
    const facts = index.facts(uri.toString());
    if (key && facts) this.files.set(uri.toString(), { mtime: stat.mtime, size: stat.size, key, ...facts });
  }

  forget(uri: vscode.Uri): void {
    this.files.delete(uri.toString());
  }

  /** Writes what the index holds now; analyses no document uses any more are dropped. */
  async save(index: CorpusIndex): Promise<void> {
    if (!this.file) return;
    const files: Stored['files'] = {};
    const analyses: Stored['analyses'] = {};
    for (const [uri, f] of this.files) {
      if (!index.has(uri)) continue;
      const a = this.analyses.get(f.key);
      if (!a) continue;
      files[uri] = f;
      analyses[f.key] = a;
    }
    this.analyses = new Map(Object.entries(analyses));
    const data = new TextEncoder().encode(JSON.stringify({ format: FORMAT, files, analyses } satisfies Stored));
    const tmp = this.file.with({ path: `${this.file.path}.${Date.now()}.tmp` });
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await vscode.workspace.fs.writeFile(tmp, data);
    await vscode.workspace.fs.rename(tmp, this.file, { overwrite: true });
  }
}
