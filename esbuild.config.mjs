// Bundles the extension, the CLI, the extraction and text workers (one file each, `vscode` external),
// the webviews' pages (one script and stylesheet each, for the browser, loaded only when a view
// opens), and the integration suite.
//   node esbuild.config.mjs               development: sourcemaps, no minification
//   node esbuild.config.mjs --production  minified, no sourcemaps (what the .vsix ships)
//   node esbuild.config.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const listTs = (dir) =>
  readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.ts')).map((f) => join(dir, String(f)));

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  // The date recognizer tells chrono's parsers and refiners apart by class name (it drops chrono's
  // unlikely-format filters, and picks parsers by their cue words): minified names must stay.
  keepNames: true,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  metafile: true,
};

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
  { ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist' },
  // The extraction pool's worker thread, loaded by path from beside the extension and the CLI.
  { ...common, entryPoints: { extractWorker: 'src/node/extractWorker.ts' }, outdir: 'dist' },
  // The text worker of the Concordance and Statements views.
  { ...common, entryPoints: { textWorker: 'src/node/textWorker.ts' }, outdir: 'dist' },
  // The webviews' pages: browser bundles, each with its stylesheet.
  {
    ...common,
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
    keepNames: false,
    entryPoints: Object.fromEntries(['concordance', 'timeline', 'map', 'network'].map((v) => [v, `src/webviews/${v}/main.ts`])),
    outdir: 'dist/webviews',
  },
];
// The gazetteer's coordinates, read by the Map when it first opens (kept out of the bundles).
mkdirSync('dist', { recursive: true });
copyFileSync('src/core/extract/data/coordinates.generated.json', 'dist/coordinates.json');
if (!production) {
  // The integration suite runs inside the extension host; mocha is loaded from node_modules at run time.
  const suites = listTs('test/integration');
  if (suites.length) builds.push({ ...common, minify: false, entryPoints: suites, outdir: 'out/test/integration', outbase: 'test/integration', bundle: true, external: ['vscode', 'mocha'] });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('[esbuild] watching…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  for (const r of results) {
    for (const [file, info] of Object.entries(r.metafile.outputs)) {
      if ((file.endsWith('.js') || file.endsWith('.css')) && file.startsWith('dist/')) console.log(`[esbuild] ${file} ${(info.bytes / 1024).toFixed(1)} KB`);
    }
  }
}
