import type { ConcordanceQuery, KwicLine } from '../core/analysis/concordance';
import type { QuoteText } from '../core/analysis/statements';

/** Spans of one document: [start, end, start, end, …]. */
export interface SpanRequest {
  doc: string;
  spans: number[];
}

/** Messages to the text worker (see textWorker.ts). */
export type TextRequest =
  /** The corpus's documents: texts of others are dropped, new ones are read when first needed. */
  | { type: 'sync'; docs: string[] }
  /** These documents changed: read them again when next needed. */
  | { type: 'invalidate'; docs: string[] }
  /** The text of a document as an editor holds it (unsaved edits): used until invalidated. */
  | { type: 'put'; doc: string; text: string }
  /** Reads every document not read yet. */
  | { type: 'load'; id: number }
  /** A concordance search: lines stream back in batches, then a `done`. `cancel[0]` set to 1 stops it. */
  | { type: 'search'; id: number; query: ConcordanceQuery; maxLines: number; cancel: SharedArrayBuffer }
  /** KWIC lines of given spans (an entity's mentions), streamed like a search. */
  | { type: 'kwic'; id: number; requests: SpanRequest[]; maxLines: number; cancel: SharedArrayBuffer }
  /** The words and sentence bounds of quotations. */
  | { type: 'quotes'; id: number; requests: SpanRequest[] };

/** Messages from the text worker. */
export type TextResponse =
  | { type: 'loaded'; id: number; documents: number; chars: number; failed: number; ms: number }
  | { type: 'lines'; id: number; lines: KwicLine[] }
  | { type: 'done'; id: number; matches: number; documents: number; searched: number; ms: number; cancelled: boolean; error?: string }
  /** Per request, per span: its text, or null when the document could not be read or the span lies outside it. */
  | { type: 'quotes'; id: number; results: (QuoteText | null)[][] };
