import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { documentStatements, quoteText, type Statement } from '../core/analysis/statements';
import { CorpusFile, CORPUS_FILE_NAME, extractOptionsFrom, type CorpusData, type SidecarData } from '../core/annotations';
import { CorpusIndex } from '../core/corpus/corpusIndex';
import type { Entity, Mention } from '../core/model';

/** A document as the CLI read it: its text and, when it has one, its sidecar's data. */
export interface ReadDocument {
  file: string;
  text: string;
  sidecar?: SidecarData;
}

/** A quotation with its speaker's name and words, for the exports. */
export interface ExportedQuote {
  start: number;
  end: number;
  speaker: string | null;
  speakerName?: string;
  words: string;
  date?: string;
  dateSource?: Statement['dateSource'];
  place?: string;
  placeName?: string;
}

/** What the exports carry of the analysis, per file, with the analyst's corrections applied. */
export interface CorpusAnalysis {
  mentions: Map<string, Mention[]>;
  quotes: Map<string, ExportedQuote[]>;
  statements: Statement[];
  entities: Entity[];
  entity(id: string): Entity | undefined;
}

/**
 * The analysis the extension shows, done headless: the corpus index over the documents, each
 * extracted with its analyst's date and corrections and the corpus file's names and aliases
 * (`corpus-lens.yaml` in the document's folder or above), then statements read from the texts.
 */
export async function analyzeCorpus(docs: readonly ReadDocument[], err: (s: string) => void): Promise<CorpusAnalysis> {
  const corpusFiles = new Map<string, Promise<CorpusData | undefined>>();
  const corpusOf = (file: string): Promise<CorpusData | undefined> => {
    const dir = path.dirname(path.resolve(file));
    let p = corpusFiles.get(dir);
    if (!p) {
      p = (async () => {
        const at = path.join(dir, CORPUS_FILE_NAME);
        const bytes = await fs.readFile(at).catch(() => undefined);
        if (bytes) {
          const r = CorpusFile.parse(bytes);
          if (r.ok) return r.file.data;
          for (const problem of r.problems) err(`${at}:${problem.line}:${problem.col}: ${problem.message}`);
          return undefined;
        }
        const up = path.dirname(dir);
        return up === dir ? undefined : corpusOf(path.join(up, 'x'));
      })();
      corpusFiles.set(dir, p);
    }
    return p;
  };
  const options = new Map(await Promise.all(docs.map(async (d) => [d.file, extractOptionsFrom(d.sidecar, await corpusOf(d.file))] as const)));
  const index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), optionsFor: (doc) => options.get(doc) });
  index.batch(() => docs.forEach((d) => index.update(d.file, d.text)));
  const mentions = new Map<string, Mention[]>();
  const quotes = new Map<string, ExportedQuote[]>();
  const statements: Statement[] = [];
  for (const d of docs) {
    const scan = index.scan(d.file);
    if (!scan) continue;
    mentions.set(d.file, index.resolved(d.file)?.mentions ?? []);
    const texts = Array.from({ length: scan.quoteCount }, (_, q) => quoteText(d.text, scan.quoteStart(q), scan.quoteEnd(q)));
    const said = documentStatements(d.file, scan, texts);
    statements.push(...said);
    quotes.set(
      d.file,
      said.map((s, i) => ({
        start: s.start,
        end: s.end,
        speaker: s.speaker,
        speakerName: s.speaker ? index.entity(s.speaker)?.name : undefined,
        words: texts[i].words,
        date: s.date,
        dateSource: s.dateSource,
        place: s.place,
        placeName: s.place ? index.entity(s.place)?.name : undefined,
      })),
    );
  }
  return { mentions, quotes, statements, entities: [...index.entities()], entity: (id) => index.entity(id) };
}
