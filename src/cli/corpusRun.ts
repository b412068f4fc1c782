import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { documentStatements, quoteText, type QuoteText, type Statement } from '../core/analysis/statements';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import { corpusResult } from '../core/corpus/corpusResult';
import type { CorpusResult } from '../core/extract';
import type { ExtractOptions } from '../core/extract/types';
import type { Entity } from '../core/model';
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
  private readonly docs: { doc: string; file: string; text?: string }[] = [];

  /** @param defaultDate the document date of documents whose sidecar gives none (`--date`). */
  constructor(private readonly defaultDate?: string) {}

  /**
   * Extracts a document; returns why it failed (the document is then left out), or undefined.
   * `keepText` keeps the text for {@link statements} (the words of each quotation).
   */
  add(filePath: string, text: string, options: ExtractOptions | undefined, keepText = false): string | undefined {
    const doc = pathToFileURL(path.resolve(filePath)).href;
    this.options.set(doc, this.defaultDate && !options?.documentDate ? { ...options, documentDate: this.defaultDate } : options);
    try {
      this.index.update(doc, text);
    } catch (e) {
      this.options.delete(doc);
      return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    this.docs.push({ doc, file: displayPath(filePath), ...(keepText ? { text } : {}) });
    return undefined;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * Every quotation as a statement (speaker, date, dateline place) and, per file, with its words and
   * names, for the exports. Only documents added with `keepText` have their words.
   */
  statements(): { statements: Statement[]; quotes: Map<string, ExportedQuote[]>; names: { file(doc: string): string; words(s: Statement): string | undefined; entity(id: string): Entity | undefined } } {
    const statements: Statement[] = [];
    const quotes = new Map<string, ExportedQuote[]>();
    const files = new Map<string, string>();
    const words = new Map<string, string>();
    const entity = (id: string) => this.index.entity(id);
    for (const d of this.docs) {
      const scan = this.index.scan(d.doc);
      if (!scan) continue;
      files.set(d.doc, d.file);
      const texts: (QuoteText | undefined)[] = Array.from({ length: scan.quoteCount }, (_, q) => (d.text === undefined ? undefined : quoteText(d.text, scan.quoteStart(q), scan.quoteEnd(q))));
      const said = documentStatements(d.doc, scan, texts);
      statements.push(...said);
      quotes.set(
        d.file,
        said.map((s, i) => {
          const w = texts[i]?.words;
          if (w !== undefined) words.set(`${d.doc}#${s.start}`, w);
          return { start: s.start, end: s.end, speaker: s.speaker, speakerName: s.speaker ? entity(s.speaker)?.name : undefined, words: w, date: s.date, place: s.place };
        }),
      );
    }
    return { statements, quotes, names: { file: (doc) => files.get(doc) ?? doc, words: (s) => words.get(`${s.doc}#${s.start}`), entity } };
  }

  /** The CLI's JSON of every document extracted, in the order added. */
  result(): CorpusResult {
    return corpusResult(this.index, this.docs);
  }
}

/** A quotation with its speaker's name and words, as the exports write it. */
export interface ExportedQuote {
  start: number;
  end: number;
  speaker: string | null;
  speakerName?: string;
  words?: string;
  date?: string;
  place?: string;
}
