// Learns the weights of the name tagger (src/core/extract/names) from annotated news and writes
// src/core/extract/data/name-model.generated.json: numbers only (hashed feature buckets and int8
// weights), no text of the corpus.
//
//   node scripts/build-name-model.mjs --train <dir> [--epochs 8] [--check <dir>] [--out <file>]
//
// <dir> is a corpus converted by scripts/external/convert.mjs (CoNLL-2003's training split:
// <name>.txt + <name>.json with person / place / organization spans). Only a training split may be
// given; --check scores the tagger alone on another converted split (development only).
// An averaged perceptron over the tagger's own features, reading left to right with the labels it
// predicted (as the tagger does); deterministic: documents in name order, no random numbers.
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const trainDir = opt('--train');
const checkDir = opt('--check');
const epochs = Number(opt('--epochs', 8));
const out = path.resolve(opt('--out', path.join(root, 'src/core/extract/data/name-model.generated.json')));
if (!trainDir) {
  console.error('usage: node scripts/build-name-model.mjs --train <converted training split> [--epochs N] [--check <dir>] [--out <file>]');
  process.exit(2);
}
for (const dir of [trainDir, checkDir].filter(Boolean)) {
  const meta = JSON.parse(readFileSync(path.join(dir, 'set.json'), 'utf8'));
  if (dir === trainDir && meta.split !== 'train') {
    console.error(`${dir} is the ${meta.split} split: weights are learned from a training split only`);
    process.exit(2);
  }
  if (/test/i.test(meta.split)) {
    console.error(`${dir}: a test split is never read`);
    process.exit(2);
  }
}

const tmp = mkdtempSync(path.join(tmpdir(), 'corpus-lens-names-'));
const bundle = path.join(tmp, 'names.cjs');
await build({
  stdin: {
    contents: `export { ExtractionContext } from './src/core/extract/context';
export { TaggerInput, LABELS, MAX_FEATURES, BITS } from './src/core/extract/names/features';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'error',
});
const { ExtractionContext, TaggerInput, LABELS, MAX_FEATURES, BITS } = await import(pathToFileURL(bundle).href);
rmSync(tmp, { recursive: true, force: true });
const TYPES = { person: 1, place: 2, organization: 3 };

function load(dir) {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json') && n !== 'set.json')
    .sort()
    .map((n) => {
      const g = JSON.parse(readFileSync(path.join(dir, n), 'utf8'));
      return { ...g, text: readFileSync(path.join(dir, g.file), 'utf8') };
    });
}

const train = load(trainDir);

function prepare(docs) {
  return docs.map((d) => {
    const ctx = new ExtractionContext(d.text);
    const input = new TaggerInput(ctx, true);
    const gold = new Uint8Array(ctx.tokens.length);
    for (const m of d.mentions) {
      const label = TYPES[m.type];
      if (!label) continue;
      for (let t = ctx.tokenAt(m.start); t < ctx.tokens.length && ctx.tokens[t].start < m.end; t++) gold[t] = label;
    }
    return { d, ctx, input, gold };
  });
}

const SIZE = (1 << BITS) * 4;
const w = new Float32Array(SIZE);
const total = new Float64Array(SIZE);
const stamp = new Int32Array(SIZE);
let clock = 1;
const feats = new Int32Array(MAX_FEATURES);

function scores(k, into) {
  into.fill(0);
  for (let f = 0; f < k; f++) {
    const b = feats[f] * 4;
    for (let l = 0; l < 4; l++) into[l] += w[b + l];
  }
  let best = 0;
  for (let l = 1; l < 4; l++) if (into[l] > into[best]) best = l;
  return best;
}

function update(k, label, delta) {
  for (let f = 0; f < k; f++) {
    const i = feats[f] * 4 + label;
    total[i] += (clock - stamp[i]) * w[i];
    stamp[i] = clock;
    w[i] += delta;
  }
}

const docs = prepare(train);
const s = new Float64Array(4);
for (let epoch = 0; epoch < epochs; epoch++) {
  let errors = 0;
  let seen = 0;
  // A fixed interleaving per epoch, so no document order dominates the last updates.
  const order = docs.map((_, i) => i).sort((a, b) => ((a * 7919 + epoch * 104729) % docs.length) - ((b * 7919 + epoch * 104729) % docs.length));
  for (const di of order) {
    const { input, gold } = docs[di];
    let prev = 0;
    let prevPrev = 0;
    for (let p = 0; p < input.tagged.length; p++) {
      if (input.runStart[p] === p) prev = prevPrev = 0;
      const k = input.features(p, prev, prevPrev, feats);
      const guess = scores(k, s);
      const want = gold[input.tagged[p]];
      if (guess !== want) {
        update(k, want, 1);
        update(k, guess, -1);
        errors++;
      }
      seen++;
      clock++;
      prevPrev = prev;
      prev = guess;
    }
  }
  console.log(`epoch ${epoch + 1}: ${errors} errors in ${seen} positions`);
}
// Averaged weights.
const avg = new Float32Array(SIZE);
for (let i = 0; i < SIZE; i++) avg[i] = (total[i] + (clock - stamp[i]) * w[i]) / clock;
w.set(avg);

// int8 weights with one scale; buckets whose four weights all round to zero are dropped.
let max = 0;
for (let i = 0; i < SIZE; i++) max = Math.max(max, Math.abs(w[i]));
const scale = max / 127;
const buckets = [];
const weights = [];
for (let b = 0; b < 1 << BITS; b++) {
  const q = [0, 1, 2, 3].map((l) => Math.round(w[b * 4 + l] / scale));
  if (q.every((x) => x === 0)) continue;
  buckets.push(b);
  weights.push(...q.map((x) => x & 0xff));
}
const deltas = [];
let last = 0;
for (const b of buckets) {
  let d = b - last;
  last = b;
  while (d >= 0x80) {
    deltas.push((d & 0x7f) | 0x80);
    d = Math.floor(d / 128);
  }
  deltas.push(d);
}
const model = { bits: BITS, labels: [...LABELS], scale, buckets: Buffer.from(deltas).toString('base64'), weights: Buffer.from(weights).toString('base64') };
const json = JSON.stringify(model);
writeFileSync(out, json + '\n');
console.log(`${path.relative(root, out)}: ${(json.length / 1024).toFixed(0)} KiB, ${buckets.length} buckets of ${1 << BITS}`);
// Quantized weights, as the tagger reads them, for the check below.
for (let b = 0; b < SIZE; b++) w[b] = Math.round(w[b] / scale) * scale;

if (checkDir) {
  const check = prepare(load(checkDir));
  const c = { all: {}, news: {} };
  for (const g of Object.values(c)) for (let l = 1; l < 4; l++) g[l] = { tp: 0, fp: 0, fn: 0 };
  for (const { d, ctx, input, gold } of check) {
    const pred = new Uint8Array(ctx.tokens.length);
    let prev = 0;
    let prevPrev = 0;
    for (let p = 0; p < input.tagged.length; p++) {
      if (input.runStart[p] === p) prev = prevPrev = 0;
      const k = input.features(p, prev, prevPrev, feats);
      const guess = scores(k, s);
      pred[input.tagged[p]] = guess;
      prevPrev = prev;
      prev = guess;
    }
    const spans = (labels) => {
      const out = [];
      for (let t = 0; t < labels.length; t++) {
        if (!labels[t]) continue;
        let e = t;
        while (e + 1 < labels.length && labels[e + 1] === labels[t] && ctx.tokens[e + 1].start - ctx.tokens[e].end <= 1) e++;
        out.push({ l: labels[t], s: t, e });
        t = e;
      }
      return out;
    };
    const gs = spans(gold);
    const ps = spans(pred);
    for (const g of d.sport ? [c.all] : [c.all, c.news]) {
      for (const x of ps) {
        const hit = gs.some((y) => y.l === x.l && y.s <= x.e && x.s <= y.e);
        g[x.l][hit ? 'tp' : 'fp']++;
      }
      for (const y of gs) if (!ps.some((x) => x.l === y.l && y.s <= x.e && x.s <= y.e)) g[y.l].fn++;
    }
  }
  for (const [name, g] of Object.entries(c)) {
    console.log(
      `${name}: ` +
        [1, 2, 3]
          .map((l) => {
            const p = g[l].tp / Math.max(1, g[l].tp + g[l].fp);
            const r = g[l].tp / Math.max(1, g[l].tp + g[l].fn);
            return `${LABELS[l]} P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)}`;
          })
          .join(' · '),
    );
  }
}
