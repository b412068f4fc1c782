import type { CorpusResult, DocumentResult } from '../extract';
import type { CorpusIndex } from './corpusIndex';

/**
 * The CLI's JSON (../docs: "the CLI's JSON") for documents of an index: each one's mentions,
 * quotations and date as the editor resolves them, then the corpus's entities. `docs` gives the
 * index's id of each document and the name it has in the result, in the order wanted; documents
 * the index does not hold are left out.
 */
export function corpusResult(index: CorpusIndex, docs: readonly { doc: string; file: string }[]): CorpusResult {
  const documents: DocumentResult[] = [];
  for (const { doc, file } of docs) {
    const r = index.resolved(doc);
    if (!r) continue;
    const out: DocumentResult = { file, mentions: r.mentions, quotes: r.quotes };
    if (r.documentDate) out.documentDate = r.documentDate;
    documents.push(out);
  }
  return { documents, entities: [...index.entities()] };
}
