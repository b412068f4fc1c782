import { promises as fsp } from 'node:fs';
import * as path from 'node:path';
import {
  CorpusStore,
  extractOptionsFrom,
  hashText,
  MAX_FILE_BYTES,
  reanchorEdits,
  sidecarPathFor,
  SidecarStore,
  type CorpusData,
  type WorkspacePort,
  type Problem,
  type SidecarData,
} from '../core/annotations';
import { CORPUS_FILE } from '../core/corpus/scope';
import type { ExtractOptions } from '../core/extract/types';
import { NodeFileSystem } from './fsPort';

/** A document's sidecar as the run uses it. */
export type SidecarInput = { kind: 'missing' } | { kind: 'ok'; path: string; data: SidecarData } | { kind: 'invalid'; path: string };

/** A problem in one of the analyst's files, which made (part of) it unusable. */
export interface InputProblem {
  /** The file the problem is in (a sidecar or a corpus file). */
  file: string;
  problem: Problem;
}

/** What the analyst's files say about one document. */
export interface DocumentInput {
  /**
   * The document's sidecar. When the text is known and changed since the sidecar was written, its
   * annotations and corrections are re-anchored to it in memory (as the editor does on loading it;
   * nothing is written).
   */
  sidecar: SidecarInput;
  /** The corpus file that applies: `corpus-lens.yaml` in the nearest folder above the document holding one. */
  corpus: CorpusData | undefined;
  /** What the extractor is told about the document, exactly as the editor tells it. */
  options: ExtractOptions | undefined;
  /** Errors that made a file of the analyst unusable (it is then ignored, as in the editor); a corpus file's only the first time. */
  problems: InputProblem[];
}

interface CorpusState {
  data: CorpusData | undefined;
  problems: InputProblem[];
}

/**
 * Reads the analyst's input for documents on disk, the way the editor reads it for the same files:
 * each document's sidecar (`<file>.lens.yaml`: document date, corrections) and the corpus file
 * (`corpus-lens.yaml`: names, aliases, merges) of the folder that is its corpus root, turned into
 * extraction options by {@link extractOptionsFrom}. A sidecar or corpus file that does not validate
 * is reported and ignored (the editor shows it in the Problems panel and extracts without it).
 * Nothing is ever written.
 */
export class AnalystInput {
  private readonly store: SidecarStore;
  private readonly corpusStore: CorpusStore;
  /** Folder → the corpus file that applies to documents in it (found by walking up). */
  private readonly roots = new Map<string, Promise<string | undefined>>();
  private readonly corpora = new Map<string, Promise<CorpusState>>();
  private readonly reported = new Set<string>();

  constructor(fs: WorkspacePort = new NodeFileSystem()) {
    this.store = new SidecarStore(fs);
    this.corpusStore = new CorpusStore(fs);
  }

  /** The analyst's input for the document at `docPath`, whose current text is `text` (undefined when it cannot be read). */
  async document(docPath: string, text: string | undefined): Promise<DocumentInput> {
    const problems: InputProblem[] = [];
    const corpusPath = await this.corpusFileFor(docPath);
    let corpus: CorpusData | undefined;
    if (corpusPath) {
      const state = await this.corpusAt(corpusPath);
      corpus = state.data;
      if (!this.reported.has(corpusPath)) {
        this.reported.add(corpusPath);
        problems.push(...state.problems);
      }
    }
    const sidecar = await this.sidecar(docPath, text, problems);
    const options = extractOptionsFrom(sidecar.kind === 'ok' ? sidecar.data : undefined, corpus);
    return { sidecar, corpus, options, problems };
  }

  private async sidecar(docPath: string, text: string | undefined, problems: InputProblem[]): Promise<SidecarInput> {
    const file = sidecarPathFor(docPath);
    const refused = await refuse(file);
    if (refused) {
      problems.push({ file, problem: unusable(refused) });
      return { kind: 'invalid', path: file };
    }
    const loaded = await this.store.load(docPath, text);
    if (loaded.kind === 'missing') return { kind: 'missing' };
    if (loaded.kind === 'invalid') {
      problems.push(...loaded.problems.filter((p) => p.severity === 'error').map((problem) => ({ file, problem })));
      return { kind: 'invalid', path: file };
    }
    if (text !== undefined && loaded.file.data.document.hash !== hashText(text)) {
      const { edits } = reanchorEdits(loaded.file, text);
      if (edits.length) loaded.file.apply(edits);
    }
    return { kind: 'ok', path: file, data: loaded.file.data };
  }

  /** The corpus file of the nearest folder above `docPath` that has one. */
  private corpusFileFor(docPath: string): Promise<string | undefined> {
    return this.rootFrom(path.dirname(path.resolve(docPath)));
  }

  private rootFrom(dir: string): Promise<string | undefined> {
    let found = this.roots.get(dir);
    if (!found) {
      found = (async () => {
        const candidate = path.join(dir, CORPUS_FILE);
        const exists = await fsp.lstat(candidate).then(
          () => true,
          () => false,
        );
        if (exists) return candidate;
        const parent = path.dirname(dir);
        return parent === dir ? undefined : this.rootFrom(parent);
      })();
      this.roots.set(dir, found);
    }
    return found;
  }

  private corpusAt(file: string): Promise<CorpusState> {
    let state = this.corpora.get(file);
    if (!state) {
      state = (async (): Promise<CorpusState> => {
        const refused = await refuse(file);
        if (refused) return { data: undefined, problems: [{ file, problem: unusable(refused) }] };
        let loaded;
        try {
          loaded = await this.corpusStore.load(file);
        } catch (e) {
          return { data: undefined, problems: [{ file, problem: unusable(`cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`) }] };
        }
        if (loaded.kind === 'missing') return { data: undefined, problems: [] };
        if (loaded.kind === 'invalid') return { data: undefined, problems: loaded.problems.filter((p) => p.severity === 'error').map((problem) => ({ file, problem })) };
        return { data: loaded.file.data, problems: [] };
      })();
      this.corpora.set(file, state);
    }
    return state;
  }
}

/**
 * Why a file of the analyst must not be read at all: not a regular file (a FIFO would block the
 * read), or over the size limit (checked before reading). Undefined when it may be read or is absent.
 */
async function refuse(file: string): Promise<string | undefined> {
  let st;
  try {
    st = await fsp.stat(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : `cannot read (${code ?? 'error'})`;
  }
  if (!st.isFile()) return 'not a regular file';
  if (st.size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`;
  return undefined;
}

function unusable(message: string): Problem {
  return { severity: 'error', code: 'unreadable', message, line: 1, col: 1, offset: 0 };
}
