import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import { corpusResult } from '../core/corpus/corpusResult';
import type { CorpusResult } from '../core/extract';
import type { ExtractOptions } from '../core/extract/types';
import { displayPath } from './io';

/**
 * Extraction for a CLI run, through the editor's own path: a {@link CorpusIndex} whose options for
 * each document are what the analyst's files say (see ../node/analystInput.ts), documents named
 * by `file:` URIs as the editor names them, entities linked across the run. Each document is
 * extracted alone: one that makes the extractor throw is left out and the run goes on.
 */
export class CorpusRun {
  private readonly options = new Map<string, ExtractOptions | undefined>();
  private readonly index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), optionsFor: (doc) => this.options.get(doc) });
  private readonly docs: { doc: string; file: string }[] = [];

  /** @param defaultDate the document date of documents whose sidecar gives none (`--date`). */
  constructor(private readonly defaultDate?: string) {}

  /** Extracts a document; returns why it failed (the document is then left out), or undefined. */
  add(filePath: string, text: string, options: ExtractOptions | undefined): string | undefined {
    const doc = pathToFileURL(path.resolve(filePath)).href;
    this.options.set(doc, this.defaultDate && !options?.documentDate ? { ...options, documentDate: this.defaultDate } : options);
    try {
      this.index.update(doc, text);
    } catch (e) {
      this.options.delete(doc);
      return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    this.docs.push({ doc, file: displayPath(filePath) });
    return undefined;
  }

  get size(): number {
    return this.docs.length;
  }

  /** The CLI's JSON of every document extracted, in the order added. */
  result(): CorpusResult {
    return corpusResult(this.index, this.docs);
  }
}
