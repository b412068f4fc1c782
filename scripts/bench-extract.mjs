// Measures the extractor's speed on a generated corpus (≥ 10 MB of news-like prose written from
// templates), one file at a time on one core, and chrono-node alone on the same text beside it.
// Memory is sampled after each half of the corpus: it must not grow with the corpus's size.
//   node scripts/bench-extract.mjs [--mb 10]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const targetMb = args.includes('--mb') ? Number(args[args.indexOf('--mb') + 1]) : 10;

const dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bench-'));
const bundle = path.join(dir, 'extract.cjs');
await build({ entryPoints: [path.join(root, 'src/core/extract/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: bundle, logLevel: 'error' });
const { extractDocument, chronoClock } = await import(pathToFileURL(bundle).href);
rmSync(dir, { recursive: true, force: true });
const chrono = createRequire(import.meta.url)('chrono-node');

// A small deterministic generator, so runs are comparable.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const first = ['Abu Omar', 'Abu Khalid', 'Abu Yusuf', 'Umm Layla', 'Karim', 'Nadia', 'Tomas', 'Lena', 'Samir', 'Farida', 'Jonas', 'Rashid'];
const last = ['al-Tunisi', 'al-Somali', 'al-Kurdi', 'al-Masri', 'Haddad', 'Verhoeven', 'Marsh', 'Awad', 'Rahimi', 'Okafor', 'Lindqvist', 'Brennan'];
const titles = ['Col.', 'Capt.', 'Gen.', 'Mr.', 'Dr.', ''];
const roles = ['a senior analyst at a research centre', 'the group’s spokesman', 'a former intelligence officer', 'a local commander', 'a researcher who studies militant media'];
const places = ['Mosul', 'Raqqa', 'Aleppo', 'Baghdad', 'Kabul', 'Mogadishu', 'Maiduguri', 'Tripoli', 'Sanaa', 'Deir ez-Zor', 'Idlib province', 'the Euphrates River', 'Syria', 'Iraq', 'Nigeria', 'Somalia'];
const dates = ['on Monday', 'late Tuesday', 'last December', 'in May 2017', 'on Nov. 3, 2016', 'four days ago', 'earlier this year', 'in 2014', 'on the morning of June 5', 'this Thursday'];
const quotes = ['We will not retreat', 'The war is long and victory is near', 'They are losing ground every day', 'Nobody expected the city to fall so quickly', 'This message is meant for the fighters themselves'];
const agencies = ['(Gulf Wire)', '(Newswire)', '(Levant Wire)'];

function person() {
  const t = pick(titles);
  return `${t ? t + ' ' : ''}${pick(first)} ${pick(last)}`;
}

function article() {
  const speaker = person();
  const other = person();
  const place = pick(places);
  const paras = [
    `${place.replace(/^the /, '').toUpperCase().split(' ')[0]} ${pick(agencies)} — ${speaker}, ${pick(roles)}, said ${pick(dates)} that fighters had regrouped near ${pick(places)}.`,
    `“${pick(quotes)},” ${speaker} told reporters in ${pick(places)}. “${pick(quotes)}.”`,
    `In an audio message released ${pick(dates)}, ${other} urged supporters to attack U.S.-backed forces in ${pick(places)} and called on them to “${pick(quotes).toLowerCase()}.”`,
    `"${pick(quotes)}," a U.S. official said, speaking on condition of anonymity. The official added that the group lost ${pick(places)} ${pick(dates)}.`,
    `The 24-minute recording, the first in two years, was distributed by the group’s media arm. It was entitled “${pick(quotes).toLowerCase()}.”`,
    `${other.split(' ').pop()} has rarely appeared in public since ${pick(['2014', '2016', '2019'])}, and analysts say the Islamic State in Iraq and Syria is weaker than ever.`,
  ];
  return paras.join('\n\n') + '\n';
}

const docs = [];
let bytes = 0;
while (bytes < targetMb * 1024 * 1024) {
  // Articles of 3–30 KB, like real news pages.
  let text = '';
  const n = 1 + Math.floor(rand() * 20);
  for (let i = 0; i < n; i++) text += article() + '\n';
  docs.push(text);
  bytes += Buffer.byteLength(text);
}
const words = docs.reduce((a, d) => a + d.split(/\s+/).length, 0);
const mb = bytes / 1024 / 1024;

// Warm up the JIT and the gazetteer.
for (let i = 0; i < 20; i++) extractDocument(docs[i % docs.length]);

const rss = () => process.memoryUsage().rss / 1024 / 1024;
let peak = rss();
let rssHalf = 0;
let mentions = 0;
chronoClock.ms = 0;
const t0 = performance.now();
docs.forEach((d, i) => {
  mentions += extractDocument(d).mentions.length;
  if (i % 50 === 0) peak = Math.max(peak, rss());
  if (i === Math.floor(docs.length / 2)) rssHalf = rss();
});
const secs = (performance.now() - t0) / 1000;
const inChrono = chronoClock.ms / 1000;
const rssEnd = rss();
peak = Math.max(peak, rssEnd);

const t1 = performance.now();
let chronoDates = 0;
for (const d of docs) chronoDates += chrono.casual.parse(d).length;
const chronoSecs = (performance.now() - t1) / 1000;

console.log(`corpus        ${docs.length} documents, ${mb.toFixed(1)} MB, ${(words / 1e6).toFixed(2)} M words`);
console.log(`extractor     ${(mb / secs).toFixed(2)} MB/s, ${Math.round(words / secs).toLocaleString('en')} words/s, ${secs.toFixed(1)} s, ${mentions.toLocaleString('en')} mentions`);
console.log(`  of which   chrono-node ${inChrono.toFixed(1)} s (${((100 * inChrono) / secs).toFixed(0)}%), on date-bearing sentences only`);
console.log(`chrono alone  ${(mb / chronoSecs).toFixed(2)} MB/s on the whole text (${chronoDates.toLocaleString('en')} dates), ${chronoSecs.toFixed(1)} s`);
console.log(`memory        RSS after half ${rssHalf.toFixed(0)} MB, after all ${rssEnd.toFixed(0)} MB, peak ${peak.toFixed(0)} MB`);
