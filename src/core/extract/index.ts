import { EntityLinker } from '../entities/EntityLinker';
import type { DocumentDate, Entity, Mention, Quote } from '../model';
import { extractDocument } from './extractDocument';
import type { AliasRule, Correction } from './types';

export { extractDocument } from './extractDocument';
export { EntityLinker } from '../entities/EntityLinker';
/** Milliseconds spent inside chrono-node since the process started: the benchmark's breakdown. */
export { chronoClock } from './recognizers/DateRecognizer';
export type { AliasRule, Correction, DocumentAnalysis, ExtractOptions, LocalEntity, LocalMention, LocalQuote } from './types';

/** One document handed to the extractor. */
export interface SourceDocument {
  /** How the document is named in results (a path relative to where the run started, or a URI). */
  file: string;
  text: string;
  /** The analyst's date for the document, when set; otherwise the extractor infers one. */
  documentDate?: string;
  /** The analyst's corrections for this document, applied last. */
  corrections?: Correction[];
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
export function extractCorpus(docs: readonly SourceDocument[], opts: { aliases?: AliasRule[] } = {}): CorpusResult {
  const linker = new EntityLinker();
  // Document ids are the file names, made unique when the same name is given twice.
  const ids = docs.map((d, i) => (docs.findIndex((x) => x.file === d.file) === i ? d.file : `${d.file}#${i}`));
  const analyses = docs.map((d, i) => {
    const a = extractDocument(d.text, { documentDate: d.documentDate, corrections: d.corrections, aliases: opts.aliases });
    linker.set(ids[i], a);
    return a;
  });
  const documents = docs.map((d, i) => {
    const r = linker.resolve(ids[i]);
    const out: DocumentResult = { file: d.file, mentions: r.mentions, quotes: r.quotes };
    if (analyses[i].documentDate) out.documentDate = analyses[i].documentDate;
    return out;
  });
  return { documents, entities: linker.entities() };
}
