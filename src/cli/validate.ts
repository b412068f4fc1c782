import { CorpusFile, documentPathFor, isCorpusFilePath, isSidecarPath, MAX_FILE_BYTES as YAML_MAX_BYTES, SidecarFile, type Problem } from '../core/annotations';
import { collectFiles, errorMessage, parseCommand, problemLine, readRegularFile, readText, Reporter, requirePaths, shown } from './io';

export const validateHelp = `corpus-lens validate <files or folders…>

  Checks every annotation file (*.lens.yaml) and corpus file (corpus-lens.yaml) found.
  Prints one line per problem as file:line:col: message and exits 1 if any file has an
  error or could not be read; otherwise prints how many files are fine. Finding no
  such file at all is said so, with exit 1. Usage errors exit 2.`;

export async function runValidate(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const { paths } = parseCommand('validate', args, {});
  requirePaths('validate', paths);
  const report = new Reporter(err);
  const files = (await collectFiles(paths, { extensions: ['.yaml'] }, report)).filter((f) => isSidecarPath(f) || isCorpusFilePath(f));
  if (files.length === 0) {
    report.problem(`corpus-lens: validate: no annotation files (*.lens.yaml) or corpus files (corpus-lens.yaml) in ${paths.join(', ')}`);
    return report.exitCode;
  }
  let failed = 0;
  let ok = 0;
  for (const file of files) {
    let problems: Problem[] | undefined;
    try {
      problems = await check(file, report);
    } catch (e) {
      report.skip(file, errorMessage(e));
    }
    if (!problems) continue;
    for (const p of problems) (p.severity === 'error' ? err : out)(shown(problemLine(file, p)));
    if (problems.some((p) => p.severity === 'error')) failed++;
    else ok++;
  }
  const skipped = report.skipped ? `; ${report.skipped} skipped (see above)` : '';
  if (failed) {
    err(`${failed} of ${failed + ok} ${failed + ok === 1 ? 'file has' : 'files have'} errors${skipped}`);
    return 1;
  }
  out(`${ok} ${ok === 1 ? 'file' : 'files'} ok${skipped}`);
  return report.exitCode;
}

/** The file's problems, or undefined when it could not be read (reported). */
async function check(file: string, report: Reporter): Promise<Problem[] | undefined> {
  const r = await readRegularFile(file, YAML_MAX_BYTES);
  if (!r.ok) {
    report.skip(file, r.reason);
    return undefined;
  }
  if (isCorpusFilePath(file)) {
    const parsed = CorpusFile.parse(r.bytes);
    return parsed.ok ? parsed.warnings : parsed.problems;
  }
  const doc = documentPathFor(file);
  let documentText: string | undefined;
  const warnings: Problem[] = [];
  if (doc) {
    const t = await readText(doc);
    if (t.ok) documentText = t.text;
    else if (t.missing) warnings.push({ severity: 'warning', code: 'no-document', message: `the document ${doc} does not exist`, line: 1, col: 1, offset: 0 });
  }
  const parsed = SidecarFile.parse(r.bytes, { documentText });
  return parsed.ok ? [...warnings, ...parsed.warnings] : [...warnings, ...parsed.problems];
}
