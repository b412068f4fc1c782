import { promises as fs } from 'node:fs';
import { CorpusFile, documentPathFor, isCorpusFilePath, isSidecarPath, SidecarFile, type Problem } from '../core/annotations';
import { collectFiles, readText } from './io';

export const validateHelp = `corpus-lens validate <files or folders…>

  Checks every annotation file (*.lens.yaml) and corpus file (corpus-lens.yaml) found.
  Prints one line per problem as file:line:col: message and exits 1 if any file has an
  error; otherwise prints how many files are fine.`;

export async function runValidate(args: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const inputs = args.filter((a) => !a.startsWith('--'));
  if (inputs.length === 0) inputs.push('.');
  const files = (await collectFiles(inputs, { extensions: ['.yaml'] })).filter((f) => isSidecarPath(f) || isCorpusFilePath(f));
  let failed = 0;
  for (const file of files) {
    const problems = await check(file);
    for (const p of problems) (p.severity === 'error' ? err : out)(`${file}:${p.line}:${p.col}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
    if (problems.some((p) => p.severity === 'error')) failed++;
  }
  if (failed) {
    err(`${failed} of ${files.length} ${files.length === 1 ? 'file has' : 'files have'} errors`);
    return 1;
  }
  out(`${files.length} ${files.length === 1 ? 'file' : 'files'} ok`);
  return 0;
}

async function check(file: string): Promise<Problem[]> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    return [{ severity: 'error', code: 'unreadable', message: `cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`, line: 1, col: 1, offset: 0 }];
  }
  if (isCorpusFilePath(file)) {
    const r = CorpusFile.parse(bytes);
    return r.ok ? r.warnings : r.problems;
  }
  const doc = documentPathFor(file);
  let documentText: string | undefined;
  const warnings: Problem[] = [];
  if (doc) {
    const exists = await fs.stat(doc).then((s) => s.isFile(), () => false);
    if (exists) {
      const t = await readText(doc);
      if (t.ok) documentText = t.text;
    } else warnings.push({ severity: 'warning', code: 'no-document', message: `the document ${doc} does not exist`, line: 1, col: 1, offset: 0 });
  }
  const r = SidecarFile.parse(bytes, { documentText });
  return r.ok ? [...warnings, ...r.warnings] : [...warnings, ...r.problems];
}
