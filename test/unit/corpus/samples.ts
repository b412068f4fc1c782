import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The sample corpus's documents: [relative path, text], in a fixed order. */
export function sampleTexts(): [string, string][] {
  const root = path.join(__dirname, '../../../samples/corpus');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name.endsWith('.txt') ? [path.join(dir, e.name)] : []));
  return walk(root)
    .sort()
    .map((f) => [path.relative(root, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]);
}
