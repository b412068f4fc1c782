// Messages between the Concordance page and the extension (types only: shared by both sides).
import type { ConcordanceMode, KwicLine, KwicSort } from '../../core/analysis/concordance';

/** A search as the page asks it: a word, phrase or regular expression, or an entity's mentions. */
export interface SearchRequest {
  mode: ConcordanceMode | 'entity';
  pattern: string;
  caseSensitive?: boolean;
  /** For `entity`: the entity's id. */
  entity?: string;
}

export type ConcordanceToHost =
  | { type: 'ready' }
  | { type: 'search'; request: SearchRequest }
  | { type: 'stop' }
  | { type: 'open'; doc: string; start: number; end: number }
  /** Entity mode: let the analyst pick the entity whose name starts so. */
  | { type: 'pickEntity'; text: string }
  | { type: 'tag'; lines: { doc: string; start: number; end: number; match: string }[] }
  | { type: 'export'; request: SearchRequest; sort: KwicSort };

export type ConcordanceFromHost =
  /** Run this search (from a command, or after an entity was picked). */
  | { type: 'run'; request: SearchRequest }
  | { type: 'started'; request: SearchRequest }
  /** Lines found, with the date and name of the documents seen for the first time. */
  | { type: 'lines'; lines: KwicLine[]; docs: Record<string, { date?: string; file: string }> }
  | { type: 'done'; matches: number; documents: number; ms: number; cancelled: boolean; error?: string; shown: number };
