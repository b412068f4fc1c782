import type { Document } from 'yaml';
import { AnnotationError, type ParseFailure, type Problem } from './types';
import { Checker, parseYamlSource, sortProblems, WRITE_OPTIONS } from './yamlSource';

/** Positions are not needed when re-validating after an edit: only whether it is still valid. */
const NO_LINES = { linePos: () => ({ line: 1, col: 1 }) } as never;

/** A validated YAML file, its typed content, and the problems worth showing. */
export interface YamlParse<Data> {
  ok: true;
  source: { doc: Document; bom: boolean; text: string };
  data: Data;
  warnings: Problem[];
}

/**
 * Parses and validates a YAML file with `read`. Never throws on bad input: a file with any error is
 * a {@link ParseFailure}, so no object that could be written back exists for it.
 */
export function parseYamlFile<Data>(input: string | Uint8Array, read: (doc: Document, checker: Checker) => Data | undefined): YamlParse<Data> | ParseFailure {
  const src = parseYamlSource(input);
  if (!src.doc || src.problems.some((p) => p.severity === 'error')) return { ok: false, problems: src.problems };
  const checker = new Checker(src.lineCounter);
  const data = read(src.doc, checker);
  const problems = sortProblems([...src.problems, ...checker.problems], checker.dropped);
  if (!data || checker.hasErrors || problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  return { ok: true, source: { doc: src.doc, bom: src.bom, text: src.text }, data, warnings: problems };
}

/**
 * A file held as a YAML Document: reads give typed data; edits change the Document in place, so
 * comments and hand formatting survive and a write is a small diff. Shared by the sidecar and the
 * corpus file, which supply how to read the Document and how to apply one edit.
 */
export abstract class YamlFile<Data, Edit extends { kind: string }> {
  private cached: Data | undefined;

  protected constructor(
    private doc: Document,
    private readonly bom: boolean,
    /** The text as read; written back unchanged until an edit is applied (a no-op save is no diff). */
    private source: string | undefined,
    data?: Data,
  ) {
    this.cached = data;
  }

  /** Reads and validates the Document; undefined (with problems in `checker`) when invalid. */
  protected abstract read(doc: Document, checker: Checker): Data | undefined;
  /** Applies one edit to `doc`, whose content is `data`; returns the inverse edit. */
  protected abstract applyOne(doc: Document, data: Data, edit: Edit): Edit;

  /** The typed content, in file order. */
  get data(): Data {
    if (!this.cached) {
      const data = this.read(this.doc, new Checker(NO_LINES));
      if (!data) throw new Error('the YAML document became invalid');
      this.cached = data;
    }
    return this.cached;
  }

  /** Drops the typed view, to be read again (after what `read` depends on changed). */
  protected invalidate(): void {
    this.cached = undefined;
  }

  /**
   * Applies one edit or a batch, all or nothing, and returns the inverse edits (apply them to undo).
   * Throws {@link AnnotationError} if the result would not validate; the file is then unchanged.
   */
  apply(edits: Edit | readonly Edit[]): Edit[] {
    const list: readonly Edit[] = Array.isArray(edits) ? edits : [edits as Edit];
    const work = this.doc.clone();
    const inverses: Edit[] = [];
    let data = this.data;
    for (const edit of list) {
      inverses.unshift(this.applyOne(work, data, edit));
      const checker = new Checker(NO_LINES);
      const next = this.read(work, checker);
      if (!next || checker.hasErrors) throw new AnnotationError(`${edit.kind}: ${checker.problems.filter((p) => p.severity === 'error').map((e) => e.message).join('; ') || 'invalid result'}`);
      data = next;
    }
    this.doc = work;
    this.cached = data;
    if (list.length) this.source = undefined;
    return inverses;
  }

  /** The file's text as it should be written. */
  toString(): string {
    return (this.bom ? '\ufeff' : '') + (this.source ?? this.doc.toString(WRITE_OPTIONS));
  }

  /** The file's UTF-8 bytes as they should be written. */
  toBytes(): Uint8Array {
    return new TextEncoder().encode(this.toString());
  }
}
