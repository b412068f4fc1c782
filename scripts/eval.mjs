// Scores the extractor against the gold files in test/gold/<set>/*.json.
//   node scripts/eval.mjs                 dev, sample, tune and tune2
//   node scripts/eval.mjs --set heldout   one set (heldout, heldout3: written blind, scored only to report)
//   node scripts/eval.mjs --errors        also list missed and spurious mentions and wrong speakers
//   node scripts/eval.mjs --external <dir> also the public corpora converted into <dir> by
//                                         scripts/external/convert.mjs (CoNLL-2003, TimeML, PolNeAR)
//   --set a,b                             only these sets (own or external names)
// Ends with one table of every set scored.
// Mentions match when their types are equal and their spans overlap (one to one); quotations match
// by overlapping spans. Attribution maps each gold entity to the predicted entity most of its
// mentions overlap; cross-file linking is scored over pairs of matched mentions.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmt as fmt3, scoreNer, scorePolnear, scoreTimeml } from './external/score.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const setArg = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const showErrors = args.includes('--errors');
const external = args.includes('--external') ? path.resolve(args[args.indexOf('--external') + 1] ?? '') : undefined;
const wanted = setArg ? setArg.split(',') : undefined;
// Own sets are the folders of test/gold; any other name is a set of the external folder.
const sets = wanted ? wanted.filter((s) => existsSync(path.join(root, 'test/gold', s)) || !external) : ['dev', 'sample', 'tune', 'tune2'];
const table = [];
const TYPES = ['speaker', 'person', 'organization', 'place', 'date'];

const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-eval-'));
const bundle = path.join(dir, 'extract.cjs');
await build({ entryPoints: [path.join(root, 'src/core/extract/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { extractCorpus } = await import(pathToFileURL(bundle).href);
rmSync(dir, { recursive: true, force: true });

for (const set of sets) {
  const goldDir = path.join(root, 'test/gold', set);
  if (!existsSync(goldDir)) {
    console.log(`\n## ${set}: no gold folder (${path.relative(root, goldDir)}), skipped`);
    continue;
  }
  const golds = [];
  const skipped = [];
  for (const f of readdirSync(goldDir).filter((n) => n.endsWith('.json')).sort()) {
    const g = JSON.parse(readFileSync(path.join(goldDir, f), 'utf8'));
    const file = path.resolve(root, g.file);
    if (!existsSync(file)) {
      skipped.push(g.file);
      continue;
    }
    golds.push({ ...g, text: readFileSync(file, 'utf8').replace(/^\uFEFF/, '') });
  }
  console.log(`\n## ${set}: ${golds.length} documents`);
  if (skipped.length) console.log(`   skipped ${skipped.length} whose text is absent (${skipped[0]}${skipped.length > 1 ? ', …' : ''})`);
  if (!golds.length) continue;
  const t0 = performance.now();
  const result = extractCorpus(golds.map((g) => ({ file: g.file, text: g.text, documentDate: g.documentDate ?? undefined })));
  const ms = performance.now() - t0;
  table.push({ set, docs: golds.length, ...report(golds, result, ms) });
}

if (external) {
  if (!existsSync(external)) {
    console.error(`eval: ${external} not found (make it with scripts/external/convert.mjs)`);
    process.exit(2);
  }
  const scorers = { conll: scoreNer, timeml: scoreTimeml, polnear: scorePolnear };
  for (const name of readdirSync(external).sort()) {
    const setFile = path.join(external, name, 'set.json');
    if (!existsSync(setFile) || (wanted && !wanted.includes(name))) continue;
    const meta = JSON.parse(readFileSync(setFile, 'utf8'));
    const docs = readdirSync(path.join(external, name))
      .filter((n) => n.endsWith('.json') && n !== 'set.json')
      .sort()
      .map((n) => {
        const g = JSON.parse(readFileSync(path.join(external, name, n), 'utf8'));
        return { ...g, text: readFileSync(path.join(external, name, g.file), 'utf8') };
      });
    console.log(`\n## ${name} (${meta.corpus} ${meta.split}): ${docs.length} documents`);
    const t0 = performance.now();
    const result = extractCorpus(docs.map((d) => ({ file: d.file, text: d.text, documentDate: d.documentDate ?? undefined })));
    const ms = performance.now() - t0;
    const scored = scorers[meta.corpus](docs, result);
    for (const l of scored.lines) console.log(l);
    console.log(`   ${'time'.padEnd(34)} ${ms.toFixed(0)} ms`);
    if (showErrors) for (const e of scored.errors) console.log(`     - ${e}`);
    table.push({ set: name, docs: docs.length, ...scored.summary });
  }
}

const COLS = [['speaker', 'speaker'], ['person', 'person'], ['organization', 'organisation'], ['place', 'place'], ['date', 'date'], ['dateValue', 'date values'], ['attribution', 'attribution'], ['namedAttribution', 'named attribution'], ['linking', 'linking']];
console.log(`\n| set | docs | ${COLS.map((c) => c[1]).join(' | ')} | notes |`);
console.log(`|---|---|${COLS.map(() => '---').join('|')}|---|`);
for (const r of table) console.log(`| ${r.set} | ${r.docs} | ${COLS.map(([k]) => (r[k] === undefined ? '' : fmt3(r[k]))).join(' | ')} | ${r.note ?? ''} |`);

function report(golds, result, ms) {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  let dateValues = 0;
  let dateValuesRight = 0;
  const q = { tp: 0, fp: 0, fn: 0, attributed: 0, right: 0 };
  const pairs = [];
  const errors = [];
  // Gold entity → predicted entity votes, over all overlapping mentions (any type) and matched quotes.
  const votes = new Map();
  const vote = (g, p) => {
    if (!votes.has(g)) votes.set(g, new Map());
    const m = votes.get(g);
    m.set(p, (m.get(p) ?? 0) + 1);
  };
  const quotePairs = [];
  golds.forEach((g, di) => {
    const pred = result.documents[di];
    for (const gm of g.mentions) for (const pm of pred.mentions) if (gm.start < pm.end && pm.start < gm.end) vote(gm.entity, pm.entity);
    const used = new Set();
    for (const type of TYPES) {
      const gs = g.mentions.filter((m) => m.type === type);
      const ps = pred.mentions.map((m, i) => ({ m, i })).filter((x) => x.m.type === type);
      for (const gm of gs) {
        let best;
        let bestOverlap = 0;
        for (const { m, i } of ps) {
          if (used.has(i)) continue;
          const ov = Math.min(gm.end, m.end) - Math.max(gm.start, m.start);
          if (ov > bestOverlap) [best, bestOverlap] = [{ m, i }, ov];
        }
        if (best) {
          used.add(best.i);
          counts[type].tp++;
          pairs.push({ gold: gm.entity, pred: best.m.entity });
          if (type === 'date') {
            dateValues++;
            if ((gm.value ?? null) === (best.m.value ?? null)) dateValuesRight++;
            else errors.push(`${g.file}: date value "${slice(g, gm)}" gold ${gm.value ?? '-'} got ${best.m.value ?? '-'}`);
          }
        } else {
          counts[type].fn++;
          errors.push(`${g.file}: missed ${type} "${slice(g, gm)}" @${gm.start}${wrongType(pred.mentions, gm)}`);
        }
      }
      for (const { m, i } of ps) {
        if (used.has(i)) continue;
        counts[type].fp++;
        errors.push(`${g.file}: spurious ${type} "${m.text}" @${m.start}`);
      }
    }
    const usedQ = new Set();
    for (const gq of g.quotes) {
      const k = pred.quotes.findIndex((pq, i) => !usedQ.has(i) && gq.start < pq.end && pq.start < gq.end);
      if (k < 0) {
        q.fn++;
        errors.push(`${g.file}: missed quote "${clip(slice(g, gq))}" @${gq.start}`);
        continue;
      }
      usedQ.add(k);
      q.tp++;
      quotePairs.push({ doc: g.file, gold: gq, pred: pred.quotes[k], text: clip(slice(g, gq)) });
      if (gq.speaker && pred.quotes[k].speaker && !votes.has(gq.speaker)) vote(gq.speaker, pred.quotes[k].speaker);
    }
    q.fp += pred.quotes.length - usedQ.size;
    pred.quotes.forEach((pq, i) => {
      if (!usedQ.has(i)) errors.push(`${g.file}: spurious quote "${clip(g.text.slice(pq.start, pq.end))}" @${pq.start}`);
    });
  });
  const mapping = new Map([...votes].map(([g, m]) => [g, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
  for (const p of quotePairs) {
    q.attributed++;
    const want = p.gold.speaker === null ? null : (mapping.get(p.gold.speaker) ?? `unmapped:${p.gold.speaker}`);
    if (want === p.pred.speaker) q.right++;
    else errors.push(`${p.doc}: speaker of "${p.text}" gold ${p.gold.speaker} got ${p.pred.speaker}`);
  }
  // Linking: pairs of matched mentions in the same gold entity vs the same predicted entity.
  let both = 0;
  let goldSame = 0;
  let predSame = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const gs = pairs[i].gold === pairs[j].gold;
      const ps = pairs[i].pred === pairs[j].pred;
      if (gs) goldSame++;
      if (ps) predSame++;
      if (gs && ps) both++;
    }
  }
  if (showErrors) {
    // Linking errors: a predicted entity holding several gold ones (a merge), a gold entity split over several.
    const group = (key, other) => {
      const m = new Map();
      for (const p of pairs) {
        if (!m.has(p[key])) m.set(p[key], new Map());
        const inner = m.get(p[key]);
        inner.set(p[other], (inner.get(p[other]) ?? 0) + 1);
      }
      return m;
    };
    for (const [pred, golds] of group('pred', 'gold')) if (golds.size > 1) errors.push(`linking: ${pred} merges ${[...golds].map(([g, n]) => `${g}×${n}`).join(', ')}`);
    for (const [gold, preds] of group('gold', 'pred')) if (preds.size > 1) errors.push(`linking: ${gold} split into ${[...preds].map(([p, n]) => `${p}×${n}`).join(', ')}`);
  }
  const row = (name, c) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    const f = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`   ${name.padEnd(22)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`);
  };
  for (const t of TYPES) row(t, counts[t]);
  const all = TYPES.reduce((a, t) => ({ tp: a.tp + counts[t].tp, fp: a.fp + counts[t].fp, fn: a.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
  row('all mentions', all);
  console.log(`   ${'date values'.padEnd(22)} ${fmt(dateValues ? dateValuesRight / dateValues : 1)}   (${dateValuesRight}/${dateValues})`);
  row('quotations', q);
  console.log(`   ${'attribution'.padEnd(22)} ${fmt(q.attributed ? q.right / q.attributed : 1)}   (${q.right}/${q.attributed})`);
  row('linking (pairs)', { tp: both, fp: predSame - both, fn: goldSame - both });
  console.log(`   ${'time'.padEnd(22)} ${ms.toFixed(0)} ms`);
  if (showErrors) for (const e of errors) console.log(`     - ${e}`);
  const f1 = (c) => {
    const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
    const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
    return p + r ? (2 * p * r) / (p + r) : 0;
  };
  return {
    ...Object.fromEntries(TYPES.map((t) => [t, f1(counts[t])])),
    dateValue: dateValues ? dateValuesRight / dateValues : 1,
    attribution: q.attributed ? q.right / q.attributed : 1,
    linking: f1({ tp: both, fp: predSame - both, fn: goldSame - both }),
    note: `quotations ${fmt(f1(q))}`,
  };
}

function wrongType(mentions, gm) {
  const o = mentions.find((m) => m.start < gm.end && gm.start < m.end);
  return o ? ` (got ${o.type} "${o.text}")` : '';
}

function slice(g, s) {
  return g.text.slice(s.start, s.end);
}

function clip(s) {
  return s.length > 50 ? `${s.slice(0, 47)}…` : s;
}

function fmt(x) {
  return x.toFixed(3);
}
