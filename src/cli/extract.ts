import * as path from 'node:path';
import { extractCorpus, type SourceDocument } from '../core/extract';
import { collectFiles, readText } from './io';

export const extractHelp = `corpus-lens extract <files or folders…> [--json]

  Finds speakers, persons, organisations, places, dates and quotations in every document.
  Folders are walked for .txt and .md files.

  --json   print one JSON object {documents, entities} instead of a listing`;

export async function runExtract(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const json = args.includes('--json');
  const inputs = args.filter((a) => !a.startsWith('--'));
  const files = await collectFiles(inputs, { extensions: ['.txt', '.md'] });
  const docs: SourceDocument[] = [];
  for (const file of files) {
    const r = await readText(file);
    if (!r.ok) {
      err(`${file}: ${r.reason}`);
      continue;
    }
    docs.push({ file: path.relative(process.cwd(), file) || file, text: r.text });
  }
  const result = extractCorpus(docs);
  if (json) {
    out(JSON.stringify(result, null, 1));
    return 0;
  }
  const names = new Map(result.entities.map((e) => [e.id, e.name]));
  for (const doc of result.documents) {
    out(`${doc.file}: ${doc.mentions.length} mentions, ${doc.quotes.length} quotations`);
    for (const m of doc.mentions) out(`  ${m.start}-${m.end}\t${m.type}\t${m.text}${m.value ? ` = ${m.value}` : ''}\t→ ${names.get(m.entity) ?? m.entity}`);
    for (const q of doc.quotes) out(`  ${q.start}-${q.end}\tquote\t${q.speaker ? names.get(q.speaker) ?? q.speaker : '(no speaker)'}`);
  }
  return 0;
}
