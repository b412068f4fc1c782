// Learns the weights of the speaker choice (src/core/extract/refiners/SpeakerChoiceRefiner.ts) from
// PolNeAR's train split and writes them to src/core/extract/data/attribution.generated.json.
//   npm run attribution:train -- <PolNeAR checkout | converted polnear-train folder> [--l2 0.001] [--folds 5] [--dry]
// The corpus stays where it is (its licence forbids copies): only the learned numbers are written.
// Only the train split is read. For each quotation the extractor lists its candidate speakers with
// their features (the rules' answer among them, and "nobody"); a candidate is right when it names the
// person or organisation the annotators credited (compared as the eval's scorer compares them), any
// candidate is right for an unnamed source or a pronoun, and only "nobody" for a quotation without
// one. The model is a conditional logistic regression (a softmax over each quotation's candidates),
// fitted by full-batch Adam with an L2 penalty; --folds reports cross-validated accuracy first.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { convertPolnear } from './external/polnear.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const VALUED = new Set(['--l2', '--folds']);
const source = args.find((a, i) => !a.startsWith('--') && !VALUED.has(args[i - 1]));
const l2 = Number(opt('--l2', 0.001));
const folds = Number(opt('--folds', 0));
const dry = args.includes('--dry');
const out = path.join(root, 'src/core/extract/data/attribution.generated.json');
if (!source || !existsSync(source) || !Number.isFinite(l2) || !Number.isInteger(folds)) {
  console.error('usage: train-attribution.mjs <PolNeAR checkout | converted polnear-train folder> [--l2 0.001] [--folds 5] [--dry]');
  process.exit(2);
}

// ── the documents ──
let docs;
if (existsSync(path.join(source, 'set.json'))) {
  const meta = JSON.parse(readFileSync(path.join(source, 'set.json'), 'utf8'));
  if (meta.corpus !== 'polnear' || meta.split !== 'train') {
    console.error(`${source} holds ${meta.corpus} ${meta.split}: only PolNeAR's train split is learned from`);
    process.exit(2);
  }
  docs = readdirSync(source)
    .filter((n) => n.endsWith('.json') && n !== 'set.json')
    .sort()
    .map((n) => {
      const g = JSON.parse(readFileSync(path.join(source, n), 'utf8'));
      return { ...g, text: readFileSync(path.join(source, g.file), 'utf8') };
    });
} else docs = convertPolnear(source, 'train').map((d) => ({ file: `${d.name}.txt`, text: d.text, ...d.gold }));

// ── the extractor, observed ──
const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-train-'));
const bundle = path.join(dir, 'extract.cjs');
await build({
  stdin: {
    contents: `export { createConfiguration } from './src/core/extract/configuration';
      export { extractDocument } from './src/core/extract/extractDocument';
      export { decidedByRules, SpeakerChoiceRefiner } from './src/core/extract/refiners/SpeakerChoiceRefiner';
      export { CANDIDATE_FEATURES, NONE_FEATURES } from './src/core/extract/refiners/attribution/speakerCandidates';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
});
const { createConfiguration, decidedByRules, extractDocument, SpeakerChoiceRefiner, CANDIDATE_FEATURES, NONE_FEATURES } = await import(pathToFileURL(bundle).href);
rmSync(dir, { recursive: true, force: true });
const F = CANDIDATE_FEATURES.length;
const G = NONE_FEATURES.length;
const CLASH = CANDIDATE_FEATURES.indexOf('genderClashes');

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s$/, '');
const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
const overlap = (a, b) => Math.min(a.end, b.end) - Math.max(a.start, b.start) > 0;

/** One quotation: its candidates' features (rows of F), its own (G), which candidates are right. */
const examples = [];
const stats = { quotes: 0, matched: 0, decided: 0, reachable: 0, byCategory: {} };
for (const d of docs) {
  const seen = [];
  const observe = (ctx, qi, cands) => {
    const q = ctx.quoteSpans[qi];
    const rows = new Float64Array(cands.n * F);
    rows.set(cands.x.subarray(0, cands.n * F));
    const names = cands.refs.slice(0, cands.n).map((r) => {
      if (r.kind === 'person') {
        const p = ctx.persons.get(r.key);
        const spans = ctx.candidates.filter((c) => c.key === r.key).map((c) => ({ start: c.start, end: c.end }));
        return { words: new Set([...(p ? [p.name, ...p.forms] : [])].flatMap(words)), spans };
      }
      const e = ctx.entities.get(r.key);
      const name = e?.name ?? r.key.replace(/^organization:/, '');
      const spans = r.t0 !== undefined ? [{ start: ctx.tokens[r.t0].start, end: ctx.tokens[r.t1 - 1].end }] : [];
      return { words: new Set(r.kind === 'source' ? [] : words(name)), spans, source: r.kind === 'source' };
    });
    seen.push({ decided: decidedByRules(ctx, qi), start: q.start, end: q.end, rows, none: Float64Array.from(cands.none), names, rule: ctx.quotes[qi].speaker, refs: cands.refs.slice(0, cands.n).map((r) => r.key) });
  };
  const config = createConfiguration({ documentDate: d.documentDate ?? undefined });
  const refiners = config.refiners.map((r) => (r instanceof SpeakerChoiceRefiner ? new SpeakerChoiceRefiner(undefined, observe, false) : r));
  extractDocument(d.text, {}, { ...config, refiners });
  for (const g of d.quotes) {
    if (!['person', 'organization', 'unnamed', 'pronoun', 'none'].includes(g.category)) continue;
    stats.quotes++;
    const c = (stats.byCategory[g.category] ??= { quotes: 0, reachable: 0 });
    c.quotes++;
    const s = seen.find((x) => x.start < g.end && g.start < x.end);
    if (!s) continue;
    stats.matched++;
    // The model never overrides these: they teach it nothing.
    if (s.decided) {
      stats.decided++;
      continue;
    }
    const n = s.names.length;
    // Index n stands for "nobody".
    const right = new Uint8Array(n + 1);
    if (g.category === 'none') right[n] = 1;
    // A pronoun the annotations leave unnamed: anyone but a person of the other gender.
    else if (g.category === 'pronoun') for (let k = 0; k < n; k++) right[k] = s.rows[k * F + CLASH] ? 0 : 1;
    else if (g.category === 'unnamed') {
      // The unnamed source itself when the extractor has it (a description, or a name inside it); else anyone.
      s.names.forEach((nm, k) => {
        if (nm.source || (g.source && nm.spans.some((sp) => overlap(sp, g.source)))) right[k] = 1;
      });
      if (!right.some(Boolean)) right.fill(1, 0, n);
    }
    else
      s.names.forEach((nm, k) => {
        if (g.names.some((gn) => nm.words.has(words(gn.text).at(-1) ?? '') || nm.spans.some((sp) => overlap(sp, gn)))) right[k] = 1;
      });
    if (!right.some(Boolean)) continue;
    stats.reachable++;
    c.reachable++;
    examples.push({ n, rows: s.rows, none: s.none, right, category: g.category, ruleIndex: s.rule === null ? n : s.refs.indexOf(s.rule) });
  }
}
console.log(`${docs.length} documents, ${stats.quotes} quotations with an attribution class, ${stats.matched} found by the extractor, ${stats.decided} decided by the rules, ${stats.reachable} of the others with a right candidate`);
for (const [c, v] of Object.entries(stats.byCategory)) console.log(`  ${c.padEnd(13)} ${v.reachable}/${v.quotes} reachable`);

// ── the model ──
function scores(theta, e, out) {
  let max = -Infinity;
  for (let k = 0; k < e.n; k++) {
    let s = 0;
    for (let f = 0; f < F; f++) s += theta[f] * e.rows[k * F + f];
    out[k] = s;
    if (s > max) max = s;
  }
  let s = 0;
  for (let g = 0; g < G; g++) s += theta[F + g] * e.none[g];
  out[e.n] = s;
  return Math.max(max, s);
}

function fit(train) {
  const P = F + G;
  const theta = new Float64Array(P);
  const m = new Float64Array(P);
  const v = new Float64Array(P);
  const grad = new Float64Array(P);
  const sc = new Float64Array(64);
  const p = new Float64Array(64);
  const lr = 0.05;
  let loss = 0;
  for (let it = 1; it <= 1500; it++) {
    grad.fill(0);
    loss = 0;
    for (const e of train) {
      const max = scores(theta, e, sc);
      let z = 0;
      let zr = 0;
      for (let k = 0; k <= e.n; k++) {
        p[k] = Math.exp(sc[k] - max);
        z += p[k];
        if (e.right[k]) zr += p[k];
      }
      loss += Math.log(z) - Math.log(zr);
      // d loss / d score_k = p_k - p_k·[right]/P(right)
      for (let k = 0; k <= e.n; k++) {
        const dk = p[k] / z - (e.right[k] ? p[k] / zr : 0);
        if (dk === 0) continue;
        if (k < e.n) for (let f = 0; f < F; f++) grad[f] += dk * e.rows[k * F + f];
        else for (let g = 0; g < G; g++) grad[F + g] += dk * e.none[g];
      }
    }
    loss /= train.length;
    for (let j = 0; j < P; j++) {
      const gj = grad[j] / train.length + l2 * theta[j];
      loss += (l2 / 2) * theta[j] * theta[j];
      m[j] = 0.9 * m[j] + 0.1 * gj;
      v[j] = 0.999 * v[j] + 0.001 * gj * gj;
      theta[j] -= (lr * (m[j] / (1 - 0.9 ** it))) / (Math.sqrt(v[j] / (1 - 0.999 ** it)) + 1e-8);
    }
  }
  return { theta, loss };
}

function accuracy(theta, test) {
  const sc = new Float64Array(64);
  const by = {};
  let right = 0;
  let rules = 0;
  for (const e of test) {
    scores(theta, e, sc);
    let best = e.n;
    for (let k = 0; k < e.n; k++) if (sc[k] > sc[best]) best = k;
    const c = (by[e.category] ??= { n: 0, model: 0, rules: 0 });
    c.n++;
    if (e.right[best]) [right, c.model] = [right + 1, c.model + 1];
    if (e.ruleIndex >= 0 && e.right[e.ruleIndex]) [rules, c.rules] = [rules + 1, c.rules + 1];
  }
  return { model: right / test.length, rules: rules / test.length, by };
}

if (folds > 1) {
  let model = 0;
  let rules = 0;
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_e, i) => i % folds !== f);
    const test = examples.filter((_e, i) => i % folds === f);
    const a = accuracy(fit(train).theta, test);
    model += a.model / folds;
    rules += a.rules / folds;
  }
  console.log(`${folds}-fold cross-validation over reachable quotations: model ${model.toFixed(3)}, rules ${rules.toFixed(3)} (l2 ${l2})`);
}

const { theta, loss } = fit(examples);
const a = accuracy(theta, examples);
console.log(`fitted on ${examples.length} quotations: loss ${loss.toFixed(4)}, accuracy ${a.model.toFixed(3)} (the rules alone ${a.rules.toFixed(3)})`);
for (const [c, v] of Object.entries(a.by)) console.log(`  ${c.padEnd(13)} model ${(v.model / v.n).toFixed(3)}  rules ${(v.rules / v.n).toFixed(3)}  (${v.n})`);
const round = (x) => Math.round(x * 1e4) / 1e4;
const weights = {
  candidate: Object.fromEntries(CANDIDATE_FEATURES.map((n, i) => [n, round(theta[i])])),
  none: Object.fromEntries(NONE_FEATURES.map((n, i) => [n, round(theta[F + i])])),
};
console.log(JSON.stringify(weights));
if (!dry) {
  writeFileSync(out, JSON.stringify(weights, null, 1) + '\n');
  console.log(`${path.relative(root, out)} written`);
}
