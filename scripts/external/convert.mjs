// Converts local copies of public annotated news corpora into the layout `npm run eval -- --external`
// scores: <out>/<set>/<name>.txt (the text) + <name>.json (what people annotated) + set.json.
// None of it belongs in the repository (the corpora's licences forbid copies): keep <out> outside it.
//
//   node scripts/external/convert.mjs --out ~/corpora/converted \
//        --conll ~/corpora/conll2003     (folder with eng.train and eng.testa; eng.testb is never read)
//        --timeml ~/corpora/TBAQ-cleaned (TimeBank + AQUAINT TimeML, TempEval-3's training data)
//        --polnear ~/corpora/PolNeAR     (the repository's root; data/train and data/dev only)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { convertConll } from './conll.mjs';
import { convertPolnear } from './polnear.mjs';
import { convertTimeml } from './timeml.mjs';

const args = process.argv.slice(2);
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const out = opt('--out');
if (!out || !(opt('--conll') || opt('--timeml') || opt('--polnear'))) {
  console.error('usage: convert.mjs --out <dir> [--conll <dir>] [--timeml <dir>] [--polnear <dir>]');
  process.exit(2);
}

function writeSet(name, corpus, split, docs) {
  const dir = path.join(out, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const d of docs) {
    writeFileSync(path.join(dir, `${d.name}.txt`), d.text);
    writeFileSync(path.join(dir, `${d.name}.json`), JSON.stringify({ file: `${d.name}.txt`, ...d.gold }));
  }
  writeFileSync(path.join(dir, 'set.json'), JSON.stringify({ name, corpus, split, documents: docs.length }, null, 1));
  console.log(`${name}: ${docs.length} documents → ${dir}`);
}

if (opt('--conll')) for (const split of ['train', 'dev']) writeSet(`conll-${split}`, 'conll', split, convertConll(opt('--conll'), split));
if (opt('--timeml')) writeSet('timebank', 'timeml', 'train', convertTimeml(opt('--timeml')));
if (opt('--polnear')) for (const split of ['train', 'dev']) writeSet(`polnear-${split}`, 'polnear', split, convertPolnear(opt('--polnear'), split));
