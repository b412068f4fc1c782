// Throughput and memory of the extractor and the corpus index on generated corpora.
//   node scripts/bench.mjs [--docs 10000] [--only index|extract|views]
// The extractor part is scripts/bench-extract.mjs, run as a child process. The index part bundles
// src/core/corpus/corpusIndex.ts with esbuild (no build step needed), generates a deterministic
// corpus of news reports under .bench/ (reused when present) and measures, in a child process run
// with --expose-gc: the cold index, the warm start from a persisted cache (in a fresh process),
// references queries, the decoration path of a long open document, the corpus views' data (statements,
// a concordance search in the text worker beside an inverted index for comparison, timeline, map and
// network), the heap and the peak RSS. `--only views` indexes the corpus and times the views alone.
// Nothing here asserts: the numbers are printed beside their targets and the exit code is 0 unless
// something crashed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);


// ───────────────────────────────────────────── main ─────────────────────────────────────────────

async function main() {
  const only = opt('--only', undefined);
  if (only && only !== 'index' && only !== 'extract' && only !== 'views') {
    console.error('--only takes index, extract or views');
    process.exit(2);
  }
  const docs = Number(opt('--docs', 10000));
  if (!Number.isInteger(docs) || docs < 1) {
    console.error('--docs takes a positive integer');
    process.exit(2);
  }
  let failed = false;

  if (!only || only === 'extract') {
    const extractScript = path.join(root, 'scripts/bench-extract.mjs');
    console.log('── extraction (scripts/bench-extract.mjs) ──');
    if (!existsSync(extractScript)) console.log('scripts/bench-extract.mjs does not exist yet: extraction throughput skipped.');
    else {
      const r = spawnSync(process.execPath, [extractScript], { cwd: root, stdio: 'inherit' });
      if (r.status !== 0) {
        console.log(`bench-extract.mjs exited with ${r.status ?? r.signal}`);
        failed = true;
      }
    }
    console.log();
  }

  if (only !== 'extract') {
    console.log(`── corpus index (${docs.toLocaleString('en')} documents) ──`);
    const work = mkdtempSync(path.join(tmpdir(), 'corpus-lens-bench-'));
    try {
      const out = path.join(work, 'result.json');
      const r = spawnSync(process.execPath, ['--expose-gc', self, '--phase', 'index', '--docs', String(docs), '--work', work, '--out', out, ...(only === 'views' ? ['--views-only'] : [])], {
        cwd: root,
        stdio: 'inherit',
      });
      if (r.status !== 0 || !existsSync(out)) {
        console.log(`the index benchmark exited with ${r.status ?? r.signal}`);
        failed = true;
      } else printTable(JSON.parse(readFileSync(out, 'utf8')));
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  process.exit(failed ? 1 : 0);
}

function printTable(r) {
  const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
  const mb = (x) => `${(x / 1024 / 1024).toFixed(0)} MB`;
  const v = r.views;
  const viewRows = [
    [`statements view: ${v.statements.toLocaleString('en')} statements from the index (median)`, ms(v.statementsMedian), '', ''],
    ['  grouped by speaker (median)', ms(v.groupMedian), '', ''],
    ['  statement store, first build (no texts yet)', ms(v.store.build), '', ''],
    ['  groups built, by speaker / by month (first drawing; median)', `${ms(v.store.groupMedian)} / ${ms(v.store.groupMonthMedian)}`, '', ''],
    ['  one document edited, same names: store update + groups kept (median / max)', `${ms(v.store.sameNames.median)} / ${ms(v.store.sameNames.max)}`, '≤ 50 ms', v.store.sameNames.median <= 50],
    ['  one document edited, a new speaker: entities() relink (median)', ms(v.store.relinkMedian), '', ''],
    ['  one document edited, a new speaker: store update + groups kept (median / max)', `${ms(v.store.newName.median)} / ${ms(v.store.newName.max)}`, '≤ 50 ms', v.store.newName.median <= 50],
    ['  a document\'s quotation texts handed in + groups kept (median)', ms(v.store.textsMedian), '', ''],
    ['  words and sentence dates from the text worker (first time: reads every file)', ms(v.words), '', ''],
    ['  statements again with their texts (median)', ms(v.statementsWithTextsMedian), '', ''],
    ['text worker: reading every text (first search only)', ms(v.load), '', ''],
    [`concordance, word "${v.word}": ${v.wordMatches.toLocaleString('en')} matches (median / first lines)`, `${ms(v.searchMedian)} / ${ms(v.firstLinesMedian)}`, '< 1 s', v.searchMedian < 1000],
    [`concordance, rare word "${v.rare}" (median)`, ms(v.rareMedian), '< 1 s', v.rareMedian < 1000],
    ['  inverted index instead: build / heap / same word', `${ms(v.inverted.build)} / ${mb(v.inverted.heap)} / ${ms(v.inverted.query)}`, '', ''],
    [`timeline data, ${v.lanes} lanes (median)`, ms(v.timelineMedian), '', ''],
    ['map data / network data, first (counts each document)', `${ms(v.mapFirst)} / ${ms(v.networkFirst)}`, '', ''],
    ['map data / network data, again (median)', `${ms(v.mapMedian)} / ${ms(v.networkMedian)}`, '', ''],
    ['map data / network data after one document edited (median)', `${ms(v.mapAfterEditMedian)} / ${ms(v.networkAfterEditMedian)}`, '', ''],
  ];
  const rows = !r.warm ? [
    ['cold total (index + entities())', ms(r.cold.total), '', ''],
    ...viewRows,
  ] : [
    ['cold index (read + update)', ms(r.cold.update), '', ''],
    ['cold cross-document build', ms(r.cold.build), '', ''],
    ['cold total', ms(r.cold.total), '≤ 10 s', r.cold.total <= 10_000],
    ['warm start (fresh process)', ms(r.warm.total), '≤ 1 s', r.warm.total <= 1_000],
    ['  read + decode cache', ms(r.warm.parse), '', ''],
    ['  stat + restore documents', ms(r.warm.stat), '', ''],
    ['  index what changed', ms(r.warm.restore), '', ''],
    [`  entities() (${r.warm.linksReused ? 'saved links reused' : 'linked anew'})`, ms(r.warm.build), '', ''],
    ['references+stats, top 100 (median / p95)', `${ms(r.refs.top.median)} / ${ms(r.refs.top.p95)}`, '≤ 20 ms', r.refs.top.p95 <= 20],
    ['references+stats, 1000 random (median / p95)', `${ms(r.refs.random.median)} / ${ms(r.refs.random.p95)}`, '≤ 20 ms', r.refs.random.p95 <= 20],
    [`decorations, ${r.deco.words.toLocaleString('en')}-word doc (median)`, ms(r.deco.median), '≤ 30 ms', r.deco.median <= 30],
    ['  resolved(doc) / positions', `${ms(r.deco.resolvedMedian)} / ${ms(r.deco.positionsMedian)}`, '', ''],
    ['update of that doc (re-extraction, median)', ms(r.deco.updateMedian), '', ''],
    ['entities() after that update (median)', ms(r.deco.refreshMedian), '', ''],
    ...viewRows,
    ['heap used after cold index + build', mb(r.memory.heapUsed), '≤ 300 MB', r.memory.heapUsed <= 300 * 1024 * 1024],
    ['  of which before the build (analyses, texts)', mb(r.memory.heapBeforeBuild), '', ''],
    ['peak RSS (index process)', mb(r.memory.peakRss), '', ''],
    ['heap used after warm start', mb(r.warm.heapUsed), '', ''],
    ['peak RSS (warm-start process)', mb(r.warm.peakRss), '', ''],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  const w2 = Math.max(...rows.map((x) => x[2].length));
  console.log();
  console.log(
    `corpus: ${r.corpus.docs.toLocaleString('en')} documents, ${(r.corpus.bytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${(r.corpus.words / 1e6).toFixed(2)} M words in ${path.relative(root, r.corpus.dir)}; ` +
      `${r.corpus.entities.toLocaleString('en')} entities, ${r.corpus.mentions.toLocaleString('en')} mentions; cache file ${r.warm ? mb(r.warm.cacheBytes) : 'not written'}`,
  );
  console.log();
  console.log(`${'measure'.padEnd(w0)}  ${'result'.padStart(w1)}  ${'target'.padEnd(w2)}`);
  console.log(`${'-'.repeat(w0)}  ${'-'.repeat(w1)}  ${'-'.repeat(w2)}  ----`);
  for (const [name, value, target, ok] of rows) {
    const mark = target ? (ok ? 'ok' : 'MISS') : '';
    console.log(`${name.padEnd(w0)}  ${value.padStart(w1)}  ${target.padEnd(w2)}  ${mark}`.trimEnd());
  }
}

// ───────────────────────────────────────────── shared ───────────────────────────────────────────

async function loadCore(work) {
  // The index and the modules the extension's indexer feeds it with (loader, store, extraction pool),
  // bundled like the extension: the worker is its own bundle beside the rest.
  const outfile = path.join(work, 'core.cjs');
  if (!existsSync(outfile)) {
    const { build } = await import('esbuild');
    const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' };
    const contents = ['core/corpus/corpusIndex', 'node/analysisStore', 'node/corpusLoader', 'node/extractPool', 'node/nodeDocumentSource', 'core/analysis/statements', 'core/analysis/statementStore', 'core/analysis/statementGroups', 'core/analysis/timeline', 'core/analysis/places', 'core/analysis/network', 'core/analysis/concordance', 'node/corpusTexts']
      .map((m) => `export * from './src/${m}';`)
      .join('\n');
    await build({ ...common, stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-core.ts' }, outfile });
    await build({ ...common, entryPoints: [path.join(root, 'src/node/extractWorker.ts')], outfile: path.join(work, 'extractWorker.js') });
    await build({ ...common, entryPoints: [path.join(root, 'src/node/textWorker.ts')], outfile: path.join(work, 'textWorker.js') });
  }
  return createRequire(import.meta.url)(outfile);
}

/** What the extension's indexer does at start: a store, an index fed by a loader with a pool. */
function makeIndexer(core, work, io) {
  const { CorpusIndex, AnalysisStore, CorpusLoader, ExtractPool, NodeDocumentSource } = core;
  // The code id: like the extension's bundle, the bundle's stamp (links are reused by the same build only).
  const st = statSync(path.join(work, 'core.cjs'));
  const store = new AnalysisStore(io, `${st.size}:${st.mtimeMs}`);
  const index = new CorpusIndex({ hash: sha1, cache: store });
  const pool = new ExtractPool({ workerFile: path.join(work, 'extractWorker.js') });
  const loader = new CorpusLoader({ index, store, pool, source: new NodeDocumentSource(), maxChars: 2_000_000 });
  return { store, index, pool, loader };
}

const sha1 = (t) => createHash('sha1').update(t).digest('hex');

function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
}

const peakRss = () => process.resourceUsage().maxRSS * 1024;

// ──────────────────────────────────────── corpus generator ──────────────────────────────────────

/** mulberry32: a small seeded PRNG, so the corpus is the same on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GENERATOR_VERSION = 2;

const PLACES = (
  'Mosul|Raqqa|Aleppo|Baghdad|Kabul|Mogadishu|Maiduguri|Tripoli|Sanaa|Idlib|Damascus|Homs|Hama|Deir ez-Zor|Kirkuk|Erbil|' +
  'Ramadi|Basra|Najaf|Karbala|Anbar|Diyala|Nineveh|Amman|Beirut|Cairo|Alexandria|Benghazi|Sirte|Tunis|Algiers|Rabat|' +
  'Casablanca|Marrakesh|Nouakchott|Bamako|Niamey|Ouagadougou|Timbuktu|Gao|Agadez|Diffa|Kano|Abuja|Lagos|Yola|Damaturu|' +
  "Bauchi|N'Djamena|Khartoum|Juba|Addis Ababa|Nairobi|Mombasa|Garissa|Kismayo|Baidoa|Djibouti|Aden|Mukalla|Marib|Riyadh|" +
  'Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Muscat|Manama|Kuwait City|Tehran|Mashhad|Isfahan|Ankara|Istanbul|Gaziantep|' +
  'Kilis|Adana|Jerusalem|Gaza|Hebron|Nablus|Ramallah|Islamabad|Karachi|Lahore|Peshawar|Quetta|Rawalpindi|Abbottabad|' +
  'Kandahar|Kunduz|Ghazni|Kunar|Nangarhar|Helmand|Delhi|Mumbai|Dhaka|Colombo|Jakarta|Manila|Kuala Lumpur|Bangkok|Tashkent|' +
  'Dushanbe|Bishkek|Almaty|Moscow|London|Paris|Brussels|Berlin|Hamburg|Munich|Vienna|Rome|Madrid|Barcelona|Lisbon|' +
  'Amsterdam|Copenhagen|Stockholm|Oslo|Helsinki|Warsaw|Athens|Geneva|Washington|Boston|Chicago|Los Angeles|Toronto|Ottawa|' +
  'Sydney|Melbourne|Dakar|Accra|Kampala|Dar es Salaam|Luanda|Tbilisi|Baku|Yerevan|Beijing|Tokyo|Syria|Iraq|Afghanistan|' +
  'Pakistan|Somalia|Nigeria|Libya|Yemen|Egypt|Mali|Niger|Chad|Sudan|Kenya|Ethiopia|Tunisia|Algeria|Morocco|Jordan|Lebanon|' +
  'Turkey|Iran|Saudi Arabia|Qatar|Israel|India|Bangladesh|Indonesia|Philippines|Russia|France|Germany|Belgium|Britain|' +
  'Spain|Italy|Sweden|Denmark|Austria|Mauritania|Burkina Faso|Cameroon|Mozambique|Uganda|Tanzania|Kosovo|Chechnya|Sinai|' +
  'Sahel|Balochistan|Kurdistan|Senegal|Ghana|Oman|Kazakhstan|Tajikistan|Uzbekistan|Kyrgyzstan|Azerbaijan|Armenia|Georgia'
).split('|');

/** The country written after a city in a dateline. */
const COUNTRY_OF = {
  Mosul: 'Iraq', Baghdad: 'Iraq', Kirkuk: 'Iraq', Erbil: 'Iraq', Basra: 'Iraq', Ramadi: 'Iraq', Najaf: 'Iraq', Karbala: 'Iraq',
  Raqqa: 'Syria', Aleppo: 'Syria', Damascus: 'Syria', Homs: 'Syria', Hama: 'Syria', Idlib: 'Syria',
  Kabul: 'Afghanistan', Kandahar: 'Afghanistan', Kunduz: 'Afghanistan', Ghazni: 'Afghanistan',
  Mogadishu: 'Somalia', Kismayo: 'Somalia', Baidoa: 'Somalia', Maiduguri: 'Nigeria', Kano: 'Nigeria', Abuja: 'Nigeria',
  Lagos: 'Nigeria', Yola: 'Nigeria', Tripoli: 'Libya', Benghazi: 'Libya', Sirte: 'Libya', Sanaa: 'Yemen', Aden: 'Yemen',
  Mukalla: 'Yemen', Amman: 'Jordan', Beirut: 'Lebanon', Cairo: 'Egypt', Alexandria: 'Egypt', Tunis: 'Tunisia',
  Algiers: 'Algeria', Rabat: 'Morocco', Bamako: 'Mali', Gao: 'Mali', Timbuktu: 'Mali', Niamey: 'Niger', Agadez: 'Niger',
  Islamabad: 'Pakistan', Karachi: 'Pakistan', Peshawar: 'Pakistan', Quetta: 'Pakistan', Istanbul: 'Turkey', Ankara: 'Turkey',
  Gaziantep: 'Turkey', Tehran: 'Iran', Riyadh: 'Saudi Arabia', Doha: 'Qatar', Nairobi: 'Kenya', Mombasa: 'Kenya',
  Khartoum: 'Sudan', Dhaka: 'Bangladesh', Jakarta: 'Indonesia', Manila: 'Philippines', Paris: 'France', Brussels: 'Belgium',
  Berlin: 'Germany', London: 'Britain', Madrid: 'Spain', Rome: 'Italy', Moscow: 'Russia',
};
const DATELINE_CITIES = Object.keys(COUNTRY_OF);

const OUTLETS = ['Levant Wire', 'Gulf Newswire', 'Sahel Press', 'Reuters', 'AP', 'AFP', 'Horn Dispatch', 'Tigris Times', 'Crescent Report', 'Maghreb Agency'];

const KUNYAS = ['Abu Hamza', 'Abu Omar', 'Abu Khalid', 'Abu Yusuf', 'Abu Bilal', 'Abu Talha', 'Abu Ubayda', 'Abu Muhammad', 'Abu Hafs', 'Abu Zaid', 'Abu Anas', 'Abu Musab', 'Abu Suleiman', 'Abu Qatada', 'Abu Harith', 'Abu Layth', 'Abu Dujana', 'Abu Hajer', 'Umm Layla', 'Umm Sumayya'];
const NISBAS = ['al-Tunisi', 'al-Somali', 'al-Kurdi', 'al-Masri', 'al-Iraqi', 'al-Shami', 'al-Libi', 'al-Yemeni', 'al-Jazrawi', 'al-Muhajir', 'al-Ansari', 'al-Qurashi', 'al-Hashimi', 'al-Adnani', 'al-Baluchi', 'al-Mauritani', 'al-Sudani', 'al-Maqdisi', 'al-Farouq', 'al-Zarqani', 'al-Rimawi', 'al-Haddadi', 'al-Nuwairi', 'al-Khazraji', 'al-Dulaimi'];
const GIVEN = ['Omar', 'Khalid', 'Yusuf', 'Karim', 'Samir', 'Rashid', 'Tariq', 'Hassan', 'Ibrahim', 'Mustafa', 'Nadia', 'Farida', 'Amina', 'Bilal', 'Hamid', 'Jamal', 'Walid', 'Ziad', 'Faisal', 'Salim', 'Idris', 'Mahmoud', 'Nabil', 'Adel', 'Kamal'];
const FAMILY = ['Haddad', 'Awad', 'Rahimi', 'Mansour', 'Qassem', 'Barakat', 'Hijazi', 'Saleh', 'Nasrallah', 'Khatib', 'Darwish', 'Shami', 'Kanaan', 'Tahan', 'Zoubi', 'Obeidi', 'Jabouri', 'Fayyad', 'Sabbagh', 'Ghanem'];
const WFIRST = ['Tomas', 'Lena', 'Jonas', 'Claire', 'Martin', 'Sarah', 'David', 'Emma', 'Peter', 'Helen', 'Mark', 'Julia', 'Robert', 'Anna', 'Michael', 'Laura', 'Daniel', 'Ingrid', 'Paul', 'Rachel', 'Steven', 'Marta', 'Henrik', 'Olivia', 'Simon'];
const WLAST = ['Verhoeven', 'Marsh', 'Okafor', 'Lindqvist', 'Brennan', 'Hollister', 'Castellano', 'Whitcombe', 'Dorrance', 'Kessler', 'Albright', 'Fairbanks', 'Moravec', 'Pellegrini', 'Stroud', 'Vandermeer', 'Thornbury', 'Galloway', 'Ashdown', 'Rourke', 'Lindgren', 'Hartigan', 'Sorensen', 'Novak', 'Quinlan'];
const LEADER_ROLES = ['the leader of the group', 'the group’s self-styled emir', 'the group’s spokesman', 'a senior commander of the group', 'the head of its media office', 'the group’s deputy leader', 'a regional commander'];
const OTHER_ROLES = ['a senior analyst at the Centre for Conflict Studies', 'a former intelligence officer', 'a researcher who studies militant media', 'a spokesman for the coalition', 'a professor of Middle East politics', 'a counterterrorism official', 'a local journalist', 'the provincial governor', 'a military spokesman'];
const TITLES = ['Col.', 'Gen.', 'Maj.', 'Dr.', 'Capt.', 'Sheikh'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_ABBR = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const RELATIVE = ['last week', 'earlier this month', 'two days ago', 'last month', 'yesterday', 'earlier this year', 'three weeks ago', 'last year', 'this week'];
const SPEECH = ['said', 'told', 'warned', 'declared', 'added', 'vowed', 'claimed', 'insisted', 'urged', 'stated'];
const QUOTES = [
  'We will not retreat, and our fighters will remain in every city',
  'The war is long and victory is near',
  'They are losing ground every day and they know it',
  'Nobody expected the city to fall so quickly',
  'This message is meant for the fighters themselves, not for the public',
  'Be patient, for the crusaders will leave as they left before',
  'The recording appears authentic, but we are still examining it',
  'It is a sign of weakness that he speaks only through audio',
  'Our brothers in the desert have not forgotten their oath',
  'The coalition has killed our leaders, but the idea cannot be killed',
  'We call on every Muslim to migrate to the land of the caliphate',
  'There is no evidence that he is directing operations himself',
  'The tone is defensive; he is trying to explain the losses',
  'Whoever abandons the fight now will regret it',
  'The timing suggests the message was recorded weeks ago',
  'We have seen this pattern before, after every major defeat',
];
const HEADLINES = [
  (p) => `${p} urges followers to fight on in new audio message`,
  (p) => `Militant leader ${p} resurfaces in recording, calls for attacks`,
  (p) => `Analysts weigh authenticity of message attributed to ${p}`,
  (p) => `In rare speech, ${p} admits losses and vows revenge`,
  (p) => `Group releases 30-minute recording of ${p}`,
];

function makePersons(rand) {
  const seen = new Set();
  const persons = [];
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  while (persons.length < 300) {
    const r = rand();
    let full;
    let short;
    let leader;
    if (r < 0.35) {
      const k = pick(KUNYAS);
      const n = pick(NISBAS);
      full = `${k} ${n}`;
      short = rand() < 0.5 ? k : n.replace(/^al-/, 'al-');
      leader = true;
    } else if (r < 0.6) {
      const g = pick(GIVEN);
      const f = pick(FAMILY);
      full = rand() < 0.4 ? `${g} ${pick(GIVEN)} al-${f}` : `${g} ${f}`;
      short = full.split(' ').pop();
      leader = rand() < 0.5;
    } else {
      const f = pick(WFIRST);
      const l = pick(WLAST);
      full = `${f} ${l}`;
      short = l;
      leader = false;
    }
    if (seen.has(full)) continue;
    seen.add(full);
    persons.push({ full, short, leader, title: !leader && rand() < 0.3 ? pick(TITLES) : '' });
  }
  return persons;
}

function makeWriter(seed) {
  const rand = prng(seed);
  const persons = makePersons(rand);
  const leaders = persons.filter((p) => p.leader);
  const others = persons.filter((p) => !p.leader);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  // A skewed pick: a few people and places are in most reports, like in real coverage.
  const skewed = (xs) => xs[Math.floor(Math.pow(rand(), 2.2) * xs.length)];
  /** An absolute date with its preposition ("on Nov. 3, 2016", "in May 2017"), or bare. */
  const absoluteDate = (year, bare = false) => {
    const m = Math.floor(rand() * 12);
    const d = 1 + Math.floor(rand() * 28);
    const r = rand();
    const [on, inn] = bare ? ['', ''] : ['on ', 'in '];
    if (r < 0.3) return `${on}${MONTH_ABBR[m]} ${d}, ${year}`;
    if (r < 0.5) return `${on}${d} ${MONTHS[m]} ${year}`;
    if (r < 0.7) return `${inn}${MONTHS[m]} ${year}`;
    if (r < 0.85) return `${on}${MONTHS[m]} ${d}`;
    return `${inn}${year}`;
  };
  const date = (year) => {
    const r = rand();
    if (r < 0.45) return absoluteDate(year - Math.floor(rand() * 3));
    if (r < 0.75) return `on ${pick(WEEKDAYS)}`;
    return pick(RELATIVE);
  };
  const quote = (straight) => {
    const q = pick(QUOTES);
    return straight ? [`"`, q, `"`] : ['“', q, '”'];
  };
  const named = (p) => `${p.title ? p.title + ' ' : ''}${p.full}`;

  function paragraph(ctx) {
    const r = rand();
    const [o, q, c] = quote(rand() < 0.4);
    const verb = pick(SPEECH);
    if (r < 0.2) {
      const who = ctx.leader;
      return `In the recording, released ${date(ctx.year)} on the group’s channels, ${who.short} ${verb === 'told' ? 'said' : verb} that fighters in ${skewed(PLACES)} and ${skewed(PLACES)} would ${pick(['hold their ground', 'not surrender', 'continue the campaign', 'strike again'])}. ${o}${q},${c} ${who.short} said.`;
    }
    if (r < 0.4) {
      const p = ctx.other;
      return `${o}${q},${c} ${verb === 'told' ? 'said' : verb} ${named(p)}, ${pick(OTHER_ROLES)}. ${p.title ? p.title + ' ' + p.short : p.short} ${pick(['added', 'noted', 'said'])} that the message ${pick(['was distributed', 'first appeared', 'circulated'])} ${date(ctx.year)} in ${skewed(PLACES)}.`;
    }
    if (r < 0.55) {
      const p = skewed(others);
      return `${named(p)}, ${pick(OTHER_ROLES)}, told reporters in ${skewed(PLACES)} ${date(ctx.year)}: ${o}${q}.${c} The statement could not be independently verified.`;
    }
    if (r < 0.7) {
      const l2 = skewed(leaders);
      return `The speaker also praised ${named(l2)}, who was killed in an airstrike near ${skewed(PLACES)} ${date(ctx.year)}, calling him ${o}${pick(['a lion of the faith', 'the best of men', 'our martyred brother'])}${c}. ${pick(['Officials in', 'Residents of', 'Witnesses in'])} ${skewed(PLACES)} said the group had ${pick(['lost territory', 'regrouped', 'suffered heavy losses', 'launched new attacks'])} since ${pick(MONTHS)}.`;
    }
    if (r < 0.85) {
      return `According to ${named(ctx.other)}, the ${pick(['24', '31', '17', '45'])}-minute speech was the first since ${absoluteDate(ctx.year - 1, true)}. ${o}${q},${c} ${ctx.other.short} said, adding that ${ctx.leader.short} had last been seen in ${skewed(PLACES)}.`;
    }
    return `${pick(['Security forces', 'Coalition aircraft', 'Local militias', 'Government troops'])} ${pick(['retook', 'entered', 'shelled', 'surrounded'])} parts of ${skewed(PLACES)} ${date(ctx.year)}, and ${pick(['dozens of', 'at least 12', 'more than 40', 'hundreds of'])} people ${pick(['fled toward', 'were displaced to', 'were killed near'])} ${skewed(PLACES)}, ${pick(['officials', 'aid groups', 'monitors'])} said.`;
  }

  /** One report: headline, dateline, paragraphs until about `targetChars`. */
  function article(targetChars) {
    const ctx = { leader: skewed(leaders), other: skewed(others), year: 2014 + Math.floor(rand() * 6) };
    const city = pick(DATELINE_CITIES);
    const parts = [HEADLINES[Math.floor(rand() * HEADLINES.length)](ctx.leader.full), ''];
    const [o, q, c] = quote(rand() < 0.5);
    parts.push(
      `${city.toUpperCase()}, ${COUNTRY_OF[city]} (${pick(OUTLETS)}) — ${named(ctx.leader)}, ${pick(LEADER_ROLES)}, ${pick(['called on', 'urged', 'told'])} followers ${date(ctx.year)} to keep fighting, in an audio message posted online. ${o}${q},${c} ${ctx.leader.short} ${pick(SPEECH.filter((v) => v !== 'told' && v !== 'urged'))}.`,
    );
    let len = parts.reduce((a, p) => a + p.length + 2, 0);
    while (len < targetChars) {
      const p = paragraph(ctx);
      parts.push('', p);
      len += p.length + 2;
    }
    return parts.join('\n') + '\n';
  }

  return { rand, article };
}

/** The corpus's files (generated on first use): absolute paths, in a fixed order. */
function ensureCorpus(docs) {
  const count = Math.max(docs, 10000);
  const dir = path.join(root, '.bench', count === 10000 ? 'corpus-10k' : `corpus-${count}`);
  const manifestFile = path.join(dir, 'manifest.json');
  if (existsSync(manifestFile)) {
    const m = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (m.version === GENERATOR_VERSION && m.files.length === count) {
      console.log(`corpus: reusing ${path.relative(root, dir)}`);
      return { dir, files: m.files.slice(0, docs).map((f) => path.join(dir, f)) };
    }
  }
  console.log(`corpus: writing ${count.toLocaleString('en')} articles to ${path.relative(root, dir)} …`);
  rmSync(dir, { recursive: true, force: true });
  const { rand, article } = makeWriter(20170705);
  const regions = ['levant', 'mesopotamia', 'maghreb', 'sahel', 'horn', 'gulf', 'south-asia', 'europe', 'wire', 'archive'];
  const files = [];
  for (let i = 0; i < count; i++) {
    const rel = path.join(regions[i % regions.length], String(2014 + (Math.floor(i / regions.length) % 6)), `report-${String(i).padStart(5, '0')}.txt`);
    const text = article(2000 + Math.floor(rand() * 2000));
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
    files.push(rel.split(path.sep).join('/'));
  }
  writeFileSync(manifestFile, JSON.stringify({ version: GENERATOR_VERSION, files }));
  return { dir, files: files.slice(0, docs).map((f) => path.join(dir, f)) };
}

/** A long open document: one report of about `words` words. */
function longArticle(words) {
  const { article } = makeWriter(5000);
  let text = article(words * 6.2);
  while (text.split(/\s+/).length < words) text += '\n' + article(3000);
  return text;
}

// ────────────────────────────────────── index phase (child) ─────────────────────────────────────

async function indexPhase() {
  const docs = Number(opt('--docs', 10000));
  const work = opt('--work');
  const core = await loadCore(work);
  const { CorpusIndex } = core;
  const { dir, files } = ensureCorpus(docs);
  const uris = files.map((f) => pathToFileURL(f).href);
  const result = { corpus: { dir, docs: files.length } };

  // Warm the JIT and load the gazetteer on a throwaway index, so the cold figure is the corpus's.
  {
    const warmup = new CorpusIndex({ hash: sha1 });
    for (let i = 0; i < 30; i++) warmup.update(`warmup:${i}`, readFileSync(files[i % files.length], 'utf8'));
    warmup.entities();
  }
  global.gc?.();

  // Cold index: the extension's background pass (loader: stat, read, extract in the pool, batches of 64).
  const { store, index, pool, loader } = makeIndexer(core, work, core.fileStoreIO(path.join(work, 'analysis-cache.bin')));
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  // The same warm-up for the worker threads (their JIT, the gazetteer), outside the index.
  await Promise.all(Array.from({ length: 30 }, (_, i) => pool.analyze(readFileSync(files[i % files.length], 'utf8'), undefined)));
  pool.counts.inline = pool.counts.worker = 0;
  global.gc?.();
  const t0 = performance.now();
  let done = 0;
  let shown = 0;
  await loader.indexAll(uris, undefined, (n) => {
    done += n;
    if (done - shown >= 2560 || done === files.length) {
      shown = done;
      process.stdout.write(`\rindexing ${done}/${files.length}`);
    }
  });
  const tUpdate = performance.now() - t0;
  process.stdout.write(`\rindexing ${files.length}/${files.length}\n`);
  global.gc();
  const heapBeforeBuild = process.memoryUsage().heapUsed;
  const t1 = performance.now();
  const entities = index.entities();
  const tBuild = performance.now() - t1;
  result.cold = { update: tUpdate, build: tBuild, total: tUpdate + tBuild, inline: pool.counts.inline, worker: pool.counts.worker, workers: pool.workers };
  let words = 0;
  let mentions = 0;
  for (const u of uris) {
    words += index.words(u);
    mentions += index.analysis(u).mentions.length;
  }
  Object.assign(result.corpus, { bytes, words, entities: entities.length, mentions });
  console.log(
    `cold: ${(tUpdate / 1000).toFixed(2)} s update (${pool.workers} worker threads: ${pool.counts.worker} documents extracted there, ${pool.counts.inline} on the main thread), ${(tBuild / 1000).toFixed(2)} s entities()`,
  );

  // Heap after the cold index and build.
  global.gc();
  result.memory = { heapUsed: process.memoryUsage().heapUsed, heapBeforeBuild };

  // References: the 100 most-mentioned entities and 1000 random ones.
  const rand = prng(7);
  const byCount = entities.map((e) => [e.id, index.stats(e.id).mentions]).sort((a, b) => b[1] - a[1]);
  const top = byCount.slice(0, 100).map(([id]) => id);
  const random = Array.from({ length: 1000 }, () => entities[Math.floor(rand() * entities.length)].id);
  const timeRefs = (ids) =>
    summary(
      ids.map((id) => {
        const s = performance.now();
        const refs = index.references(id);
        const st = index.stats(id);
        if (refs.length !== st.mentions) throw new Error('references and stats disagree');
        return performance.now() - s;
      }),
    );
  result.refs = { top: timeRefs(top), random: timeRefs(random) };

  result.views = await viewsBench(core, work, index, uris);
  if (args.includes('--views-only')) {
    pool.dispose();
    writeFileSync(opt('--out'), JSON.stringify(result));
    return;
  }

  // Decorations of a long open document: update it, then resolved(doc) and every offset to a position.
  const longText = longArticle(5000);
  const longDoc = pathToFileURL(path.join(dir, '..', 'open-5000-words.txt')).href;
  index.update(longDoc, longText);
  index.entities();
  const updates = [];
  const resolvedTimes = [];
  const positionTimes = [];
  const decos = [];
  const refreshes = [];
  let decorated = 0;
  for (let run = 0; run < 22; run++) {
    // Typing: a word changes in the middle of the document.
    const cut = Math.floor(longText.length / 2) + run * 7;
    const text = `${longText.slice(0, cut)} edit${run} ${longText.slice(cut)}`;
    const u0 = performance.now();
    index.update(longDoc, text);
    const u1 = performance.now();
    const r = index.resolved(longDoc);
    const u2 = performance.now();
    const ranges = [];
    for (const m of r.mentions) ranges.push(index.positionOf(longDoc, m.start), index.positionOf(longDoc, m.end));
    for (const q of r.quotes) ranges.push(index.positionOf(longDoc, q.start), index.positionOf(longDoc, q.end));
    const u3 = performance.now();
    // The views refresh after the change: the cross-document maps are brought up to date.
    index.entities();
    const u4 = performance.now();
    decorated = ranges.length / 2;
    if (run < 2) continue; // JIT warm-up
    refreshes.push(u4 - u3);
    updates.push(u1 - u0);
    resolvedTimes.push(u2 - u1);
    positionTimes.push(u3 - u2);
    decos.push(u3 - u1);
  }
  result.deco = {
    words: longText.split(/\s+/).filter(Boolean).length,
    ranges: decorated,
    median: summary(decos).median,
    resolvedMedian: summary(resolvedTimes).median,
    positionsMedian: summary(positionTimes).median,
    updateMedian: summary(updates).median,
    refreshMedian: summary(refreshes).median,
  };
  index.remove(longDoc);
  result.memory.peakRss = peakRss();

  // Persist the cache as the extension's analysis store does, then time a warm start in a fresh process.
  pool.dispose();
  const t2 = performance.now();
  await store.save(index);
  const cacheFile = path.join(work, 'analysis-cache.bin');
  const cacheBytes = statSync(cacheFile).size;
  console.log(`cache: ${(cacheBytes / 1024 / 1024).toFixed(1)} MB written in ${((performance.now() - t2) / 1000).toFixed(2)} s`);
  const expected = { entities: entities.length };
  const warmOut = path.join(work, 'warm.json');
  const w = spawnSync(process.execPath, ['--expose-gc', self, '--phase', 'warm', '--work', work, '--docs', String(docs), '--out', warmOut], {
    stdio: 'inherit',
  });
  if (w.status !== 0) throw new Error(`warm start process exited with ${w.status ?? w.signal}`);
  result.warm = { ...JSON.parse(readFileSync(warmOut, 'utf8')), cacheBytes };
  if (result.warm.entities !== expected.entities) console.log(`warning: warm start found ${result.warm.entities} entities, cold ${expected.entities}`);
  if (result.warm.restored !== files.length) console.log(`warning: warm start restored ${result.warm.restored} of ${files.length} documents`);

  writeFileSync(opt('--out'), JSON.stringify(result));
}

// ───────────────────────────────────── corpus views (index phase) ────────────────────────────────

/** The data of the Statements view, a concordance search, the timeline, map and network, on the indexed corpus. */
async function viewsBench(core, work, index, uris) {
  const { documentStatements, groupStatements, timelineData, placeCounts, cooccurrenceNetwork, CorpusTexts, compileQuery, searchText } = core;
  const times = (n, fn) => {
    const xs = [];
    let out;
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      out = fn();
      xs.push(performance.now() - t);
    }
    return { median: summary(xs).median, out };
  };
  const r = {};
  // The Statements view's first drawing: every quotation from the index, without texts, then grouped.
  const st = times(5, () => [...index.documents()].flatMap((d) => documentStatements(d, index.scan(d))));
  const statements = st.out;
  r.statements = statements.length;
  r.statementsMedian = st.median;
  r.groupMedian = times(5, () => groupStatements(statements, 'speaker')).median;
  r.store = storeBench(core, index, uris, times);
  // Their words and sentences from the text worker (what the view asks for next), then statements with them.
  const texts = new CorpusTexts({ workerFile: path.join(work, 'textWorker.js') });
  texts.sync(uris);
  const requests = [...index.documents()].map((doc) => {
    const s = index.scan(doc);
    const spans = [];
    for (let q = 0; q < s.quoteCount; q++) spans.push(s.quoteStart(q), s.quoteEnd(q));
    return { doc, spans };
  });
  let t = performance.now();
  const quoteTexts = await texts.quotes(requests);
  r.words = performance.now() - t;
  const byDoc = new Map(requests.map((q, i) => [q.doc, quoteTexts[i]]));
  r.statementsWithTextsMedian = times(5, () => [...index.documents()].flatMap((d) => documentStatements(d, index.scan(d), byDoc.get(d)))).median;
  t = performance.now();
  const loaded = await texts.load();
  r.load = r.words; // the quotes request above read every file; load() now finds them kept
  r.loadAgain = performance.now() - t;
  r.chars = loaded.chars;
  // Concordance: a frequent and a rare word, in the worker (texts kept there), five times each.
  r.word = 'fighters';
  r.rare = 'oath';
  const firsts = [];
  const searches = [];
  let matches = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    let first;
    const done = await texts.search({ mode: 'word', pattern: r.word }, { maxLines: 5000, onLines: () => (first ??= performance.now() - t0) });
    searches.push(performance.now() - t0);
    firsts.push(first ?? 0);
    matches = done.matches;
  }
  r.wordMatches = matches;
  r.searchMedian = summary(searches).median;
  r.firstLinesMedian = summary(firsts).median;
  const rares = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await texts.search({ mode: 'word', pattern: r.rare }, { maxLines: 5000 });
    rares.push(performance.now() - t0);
  }
  r.rareMedian = summary(rares).median;
  texts.dispose();
  // The alternative: an inverted index (word → documents) kept beside the corpus index, then KWIC
  // lines from the texts of the documents it names. Built here in this thread, to compare.
  global.gc?.();
  const heap0 = process.memoryUsage().heapUsed;
  t = performance.now();
  const all = uris.map((u) => readFileSync(new URL(u), 'utf8'));
  const postings = new Map();
  all.forEach((text, d) => {
    for (const w of new Set(text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [])) {
      let p = postings.get(w);
      if (!p) postings.set(w, (p = []));
      p.push(d);
    }
  });
  const build = performance.now() - t;
  global.gc?.();
  const heap = process.memoryUsage().heapUsed - heap0;
  t = performance.now();
  const re = compileQuery({ mode: 'word', pattern: r.word });
  let n = 0;
  for (const d of postings.get(r.word) ?? []) n += searchText(uris[d], all[d], re, () => {});
  r.inverted = { build, heap, query: performance.now() - t, matches: n };
  all.length = 0;
  postings.clear();
  // Timeline (default lanes: the most quoted speakers), map and network.
  const withTexts = [...index.documents()].flatMap((d) => documentStatements(d, index.scan(d), byDoc.get(d)));
  const tl = times(5, () => timelineData(index, withTexts));
  r.timelineMedian = tl.median;
  r.lanes = tl.out.lanes.length;
  t = performance.now();
  placeCounts(index);
  r.mapFirst = performance.now() - t;
  t = performance.now();
  cooccurrenceNetwork(index);
  r.networkFirst = performance.now() - t;
  r.mapMedian = times(3, () => placeCounts(index)).median;
  r.networkMedian = times(3, () => cooccurrenceNetwork(index)).median;
  // After one document changed (a paragraph added, a new person in it): that document is counted again.
  const maps = [];
  const networks = [];
  const edited = uris[17];
  const text = readFileSync(new URL(edited), 'utf8');
  for (let i = 0; i < 5; i++) {
    index.update(edited, `${text}\nIn Mosul, Yannick Brevard${i} met Omar Haddad.\n`);
    index.entities();
    let t0 = performance.now();
    placeCounts(index);
    maps.push(performance.now() - t0);
    t0 = performance.now();
    cooccurrenceNetwork(index);
    networks.push(performance.now() - t0);
  }
  index.update(edited, text);
  r.mapAfterEditMedian = summary(maps).median;
  r.networkAfterEditMedian = summary(networks).median;
  console.log(`views: ${r.statements} statements, ${(r.chars / 1e6).toFixed(1)} M characters kept by the text worker, "${r.word}" ${r.wordMatches} matches`);
  return r;
}

/**
 * The Statements view as the extension keeps it: a StatementStore built once, then brought up to
 * date per changed document, and grouped again (what the view does after each change). A document is
 * edited in two ways: a new quotation by a speaker it already names (its entities stay: no relink),
 * and one by a new person (the corpus is linked anew; the store then checks every document's ids).
 */
function storeBench(core, index, uris, times) {
  const { StatementStore, StatementGroups, quoteText } = core;
  const r = {};
  const store = new StatementStore(index);
  const sub = index.onDidChange(({ docs }) => store.invalidate(docs));
  let t = performance.now();
  store.update();
  store.list();
  r.build = performance.now() - t;
  // The view's groups: built once (one pass, each group sorted), then kept up to date by the store.
  const built = times(3, () => StatementGroups.of(store.list(), 'speaker'));
  r.groupMedian = built.median;
  r.groupMonthMedian = times(3, () => StatementGroups.of(store.list(), 'month')).median;
  const groups = built.out;
  const watching = store.watch((_doc, before, after) => groups.change(before, after));
  const docs = uris.filter((_, i) => i % 97 === 5).filter((u) => store.statementsOf(u).some((s) => s.speaker)).slice(0, 22);
  const edit = (newName) => {
    const xs = [];
    const relinks = [];
    docs.forEach((doc, run) => {
      const text = readFileSync(new URL(doc), 'utf8');
      const speaker = index.entity(store.statementsOf(doc).find((s) => s.speaker).speaker).name;
      const who = newName ? `Yannick Brevard${run}, a spokesman,` : speaker;
      index.update(doc, `${text}\n"We will answer in our own time," ${who} said.\n`);
      let t0 = performance.now();
      index.entities();
      relinks.push(performance.now() - t0);
      t0 = performance.now();
      store.update();
      groups.groups();
      xs.push(performance.now() - t0);
      index.update(doc, text);
      index.entities();
      store.update();
    });
    return { ...summary(xs.slice(2)), relink: summary(relinks.slice(2)).median };
  };
  r.sameNames = edit(false);
  r.newName = edit(true);
  r.relinkMedian = r.newName.relink;
  // A document's quotation texts arrive (the text worker's answer for one document), then the groups.
  const texts = [];
  for (const w of store.wanted(22)) {
    const text = readFileSync(new URL(w.doc), 'utf8');
    const quotes = [];
    for (let i = 0; i < w.spans.length; i += 2) quotes.push(quoteText(text, w.spans[i], w.spans[i + 1]));
    const t0 = performance.now();
    store.setTexts(w.doc, w.analysis, quotes);
    groups.groups();
    texts.push(performance.now() - t0);
  }
  r.textsMedian = summary(texts.slice(2)).median;
  if (groups.size !== store.list().length) throw new Error('the groups kept up to date lost statements');
  watching.dispose();
  sub.dispose();
  return r;
}

// ─────────────────────────────────────── warm phase (child) ─────────────────────────────────────

async function warmPhase() {
  const work = opt('--work');
  const core = await loadCore(work);
  const { files } = ensureCorpus(Number(opt('--docs', 10000)));
  const uris = files.map((f) => pathToFileURL(f).href);
  global.gc?.();
  // As the extension starts: load the store, offer its links to the index, then the background pass.
  const t0 = performance.now();
  const { store, index, pool, loader } = makeIndexer(core, work, core.fileStoreIO(path.join(work, 'analysis-cache.bin')));
  await store.load();
  const links = store.takeLinks();
  if (links) index.adoptLinks(links);
  const t1 = performance.now();
  const misses = await loader.restoreCached(uris);
  const t2 = performance.now();
  await loader.indexAll(misses);
  const t3 = performance.now();
  const entities = index.entities().length;
  const t4 = performance.now();
  pool.dispose();
  global.gc?.();
  writeFileSync(
    opt('--out'),
    JSON.stringify({
      parse: t1 - t0,
      stat: t2 - t1,
      restore: t3 - t2,
      build: t4 - t3,
      total: t4 - t0,
      restored: files.length - misses.length,
      linksReused: !!links,
      entities,
      heapUsed: process.memoryUsage().heapUsed,
      peakRss: peakRss(),
    }),
  );
}

// Dispatch last: the tables above must be initialized before a phase runs.
const phase = opt('--phase', 'main');
if (phase === 'main') await main();
else if (phase === 'index') await indexPhase();
else if (phase === 'warm') await warmPhase();
else throw new Error(`unknown phase ${phase}`);
