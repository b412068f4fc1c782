/**
 * The analyst's work on one document and on the corpus, as stored in YAML. Offsets follow
 * ../model.ts: UTF-16 code units into the document's exact text, `end` exclusive.
 */

/**
 * Where an annotation sits: a W3C TextPositionSelector (`start`, `end`) and TextQuoteSelector
 * (`exact`, `prefix`, `suffix`) in one. For a placed annotation `exact === text.slice(start, end)`;
 * the quote and its context are what lets re-anchoring find the passage again after the text changed.
 */
export interface TextTarget {
  start: number;
  end: number;
  exact: string;
  /** Up to {@link CONTEXT_LENGTH} characters before `start` (fewer at the start of the text). */
  prefix: string;
  /** Up to {@link CONTEXT_LENGTH} characters after `end`. */
  suffix: string;
}

/** Characters of context kept on each side of a quote. */
export const CONTEXT_LENGTH = 32;

/**
 * A tagged and/or commented passage. `id` is stable for the life of the annotation (merges and undo
 * key on it). Times are ISO 8601 strings. `status: 'orphaned'` means the passage could not be found in
 * the current text: `exact` keeps the quote, `start`/`end` the last place it was known to be.
 */
export interface Annotation {
  id: string;
  target: TextTarget;
  tags: string[];
  note?: string;
  author?: string;
  created: string;
  modified: string;
  status?: 'orphaned';
}

/** What an analyst says about a detected entity at a passage. */
export type CorrectionAction = 'mark' | 'not-entity' | 'same-as' | 'rename';

/**
 * An analyst's correction of the extractor: `mark` a passage as an entity of `type`, say it is
 * `not-entity`, say it is the `same-as` another `entity` id, or `rename` the entity to `name`.
 */
export interface Correction {
  id: string;
  target: TextTarget;
  action: CorrectionAction;
  type?: string;
  entity?: string;
  name?: string;
  author: string;
  created: string;
  status?: 'orphaned';
}

/** Facts about the document itself. `hash` is `sha256:` + hex of the UTF-8 bytes of the text the offsets index. */
export interface DocumentInfo {
  hash: string;
  /** ISO date (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`) set by the analyst. */
  date?: string;
  source?: string;
  title?: string;
}

/** The typed content of a sidecar (`report.txt.lens.yaml`). */
export interface SidecarData {
  version: 1;
  document: DocumentInfo;
  annotations: Annotation[];
  corrections: Correction[];
}

/** An entity as the analyst curated it in `corpus-lens.yaml`. */
export interface CorpusEntity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  note?: string;
  /** Ids of entities merged into this one (their mentions now resolve here). */
  merged: string[];
}

/** A tag the corpus uses, with how it is shown. */
export interface TagDefinition {
  name: string;
  /** `#rrggbb[aa]` or a theme color id such as `charts.red`. */
  color?: string;
  description?: string;
}

/** The typed content of `corpus-lens.yaml`. */
export interface CorpusData {
  version: 1;
  entities: CorpusEntity[];
  tags: TagDefinition[];
  /** Glob(s) naming the corpus documents, relative to the workspace root; absent = the default. */
  documents?: string[];
}

/**
 * One thing wrong (or doubtful) in a file, positioned for `file:line:col` reports and editor
 * diagnostics. `line` and `col` are 1-based; `offset` is the 0-based character offset in the decoded
 * text (byte offset for encoding errors). An `error` makes the file unreadable and unwritable; a
 * `warning` does not.
 */
export interface Problem {
  severity: 'error' | 'warning';
  /** Short machine-readable kind, e.g. `syntax`, `type`, `duplicate-key`, `alias`. */
  code: string;
  message: string;
  line: number;
  col: number;
  offset: number;
}

/** A file was refused: `problems` holds at least one error. Nothing can be written from it. */
export interface ParseFailure {
  ok: false;
  problems: Problem[];
}

/** Thrown when an edit would make the data invalid (duplicate id, offsets outside the text…). */
export class AnnotationError extends Error {}
