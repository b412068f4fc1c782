// `npm run package`: builds dist-vsix/corpus-lens.vsix with vsce (which runs `vscode:prepublish`, the
// production bundle) from what .vscodeignore lets through. The output folder is created first: a
// fresh clone has none, and vsce does not make it.
//   node scripts/package.mjs [--out <file.vsix>] [--root <extension folder>]
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const root = resolve(arg('--root', here));
const out = resolve(root, arg('--out', join('dist-vsix', 'corpus-lens.vsix')));

mkdirSync(dirname(out), { recursive: true });
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'inherit' });
process.exitCode = r.status ?? 1;
