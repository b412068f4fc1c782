import { AnalystInput } from '../node/analystInput';
import { CorpusRun } from './corpusRun';
import { collectFiles, errorMessage, parseCommand, parseDateOption, problemLine, readText, Reporter, requirePaths } from './io';

export const extractHelp = `corpus-lens extract <files or folders…> [--json] [--date YYYY-MM-DD]

  Finds speakers, persons, organisations, places, dates and quotations in every
  document, with the analyst's input the editor uses: each document's annotation
  file (<file>.lens.yaml: document date, corrections) and the corpus file
  (corpus-lens.yaml: names, aliases, merges) of the nearest folder above it that has
  one. Folders are walked for .txt and .md files.

  --json               print one JSON object {documents, entities} instead of a listing
  --date YYYY-MM-DD    the document date of documents whose annotation file gives none

  Files that cannot be used are reported on stderr, one line each, and skipped; the
  run goes on. Exit 0: all used; 1: something was skipped; 2: usage error.`;

const DOCUMENT_EXTENSIONS = ['.txt', '.md'];

export async function runExtract(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { values, paths } = parseCommand('extract', args, { json: { type: 'boolean' }, date: { type: 'string' } });
  requirePaths('extract', paths);
  const date = parseDateOption('extract', values.date);
  const report = new Reporter(err);
  const files = await collectFiles(paths, { extensions: DOCUMENT_EXTENSIONS }, report);
  const analyst = new AnalystInput();
  const run = new CorpusRun(date);
  for (const file of files) {
    try {
      const r = await readText(file);
      if (!r.ok) {
        report.skip(file, r.reason);
        continue;
      }
      if (r.warning) report.warn(file, r.warning);
      const input = await analyst.document(file, r.text);
      for (const p of input.problems) report.problem(`${problemLine(p.file, p.problem)} (ignored)`);
      const failed = run.add(file, r.text, input.options);
      if (failed) report.skip(file, `the extractor failed (${failed})`);
    } catch (e) {
      report.skip(file, errorMessage(e));
    }
  }
  if (files.length === 0 && !report.skipped) report.problem(`corpus-lens: extract: no documents (${DOCUMENT_EXTENSIONS.join(', ')}) in ${paths.join(', ')}`);
  const result = run.result();
  if (values.json) out(JSON.stringify(result, null, 1));
  else {
    const names = new Map(result.entities.map((e) => [e.id, e.name]));
    for (const doc of result.documents) {
      out(`${doc.file}: ${doc.mentions.length} mentions, ${doc.quotes.length} quotations`);
      for (const m of doc.mentions) out(`  ${m.start}-${m.end}\t${m.type}\t${m.text}${m.value ? ` = ${m.value}` : ''}\t→ ${names.get(m.entity) ?? m.entity}`);
      for (const q of doc.quotes) out(`  ${q.start}-${q.end}\tquote\t${q.speaker ? names.get(q.speaker) ?? q.speaker : '(no speaker)'}`);
    }
  }
  if (report.skipped && files.length) err(`corpus-lens: extract: ${run.size} of ${files.length} ${files.length === 1 ? 'document' : 'documents'} extracted; ${report.skipped} ${report.skipped === 1 ? 'problem' : 'problems'} above`);
  return report.exitCode;
}
