// The re-anchoring fuzz test over several seeds, outside the test suite (its cases are the suite's:
// 20 generated reports, 100 edit sequences each, 5 passages per sequence, per seed).
//   node scripts/fuzz-reanchor.cjs [first seed] [last seed]
// Prints, per seed and in total, the wrong placements, orphans and placements of each mode.
require('../test/register-ts.cjs');
const { runFuzz } = require('../test/unit/annotations/fuzz/harness.ts');

const first = Number(process.argv[2] ?? 1);
const last = Number(process.argv[3] ?? first);
const modes = ['old text known', 'selectors only', 'editor'];
const total = Object.fromEntries(modes.map((m) => [m, { cases: 0, wrong: 0, orphan: 0, missed: 0, gone: 0, examples: [] }]));
const pct = (n, d) => ((100 * n) / d).toFixed(2);
const line = (label, s) =>
  `${label.padEnd(16)} ${String(s.cases).padStart(6)} cases  ${String(s.wrong).padStart(3)} wrong  ${String(s.orphan).padStart(5)} orphaned (${pct(s.orphan, s.cases)} %, ${s.missed} findable, ${pct(s.gone, s.cases)} % deleted)  ${s.cases - s.orphan - s.wrong} placed right`;
for (let seed = first; seed <= last; seed++) {
  const t0 = Date.now();
  const stats = runFuzz({ seed, texts: 20, sequencesPerText: 100, annotationsPerSequence: 5, maxEdits: 8 });
  console.log(`seed ${seed} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  for (const m of modes) {
    const s = stats[m];
    console.log('  ' + line(m, s));
    for (const e of s.examples) console.log('    ' + e);
    for (const k of ['cases', 'wrong', 'orphan', 'missed', 'gone']) total[m][k] += s[k];
  }
}
if (last > first) {
  console.log(`seeds ${first}–${last}`);
  for (const m of modes) console.log('  ' + line(m, total[m]));
}
