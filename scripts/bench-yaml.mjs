// Time and peak memory of parsing each hostile YAML input (test/unit/annotations/hostileInputs.ts),
// one fresh process per input so each peak is its own.
//   node scripts/bench-yaml.mjs
// Bundles the inputs and the sidecar codec with esbuild (no build step needed). Nothing here
// asserts: the numbers are printed beside the targets (< 2 s, < 200 MB), slowest last.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(path.join(tmpdir(), 'lens-bench-yaml-'));
try {
  const entry = path.join(dir, 'entry.ts');
  writeFileSync(
    entry,
    `import { HOSTILE } from ${JSON.stringify(path.join(root, 'test/unit/annotations/hostileInputs.ts'))};
import { SidecarFile } from ${JSON.stringify(path.join(root, 'src/core/annotations/index.ts'))};
const name = process.argv[2];
if (!name) {
  console.log(JSON.stringify(HOSTILE.map((h) => [h.name, h.what])));
} else {
  const bytes = new TextEncoder().encode(HOSTILE.find((h) => h.name === name)!.text());
  const base = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const r = SidecarFile.parse(bytes);
  const ms = performance.now() - t0;
  const problems = r.ok ? r.warnings : r.problems;
  console.log(JSON.stringify({ bytes: bytes.length, ms, peakMB: process.resourceUsage().maxRSS / 1024, baseMB: base / 1024, ok: r.ok, problems: problems.length, first: problems[0]?.message ?? '' }));
}
`,
  );
  const bundle = path.join(dir, 'bench.js');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'error' });
  const run = (...args) => {
    const r = spawnSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  };
  const rows = run().map(([name, what]) => ({ name, what, ...run(name) }));
  console.log('input                    size      time    peak RSS (whole process)   result');
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(24)} ${(r.bytes / 1024 / 1024).toFixed(2).padStart(5)} MB ${r.ms.toFixed(0).padStart(6)} ms  ${r.peakMB.toFixed(0).padStart(5)} MB (${r.baseMB.toFixed(0)} MB before)   ` +
        `${r.ok ? 'read' : 'refused'}, ${r.problems} problem${r.problems === 1 ? '' : 's'}${r.first ? `: ${r.first.slice(0, 70)}` : ''}`,
    );
  }
  const slowest = rows.reduce((a, b) => (b.ms > a.ms ? b : a));
  const biggest = rows.reduce((a, b) => (b.peakMB > a.peakMB ? b : a));
  console.log(`\nslowest: ${slowest.name} (${slowest.what}) ${slowest.ms.toFixed(0)} ms, peak ${slowest.peakMB.toFixed(0)} MB; most memory: ${biggest.name} ${biggest.peakMB.toFixed(0)} MB — targets < 2000 ms, < 200 MB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
