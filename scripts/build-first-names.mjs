// Builds src/core/extract/data/firstNames.generated.json from a maintained package
// (gender-detection-from-name, its English list of 32,000 given names), so the extension ships two
// plain word lists instead of the package: a pronoun ("he", "she") is not resolved to a person
// whose given name is of the other gender. The lists are front-coded (see frontCoded) to halve their size.
// Run: npm run first-names  (prints the size of the written module)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const english = require('gender-detection-from-name/names/en.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src/core/extract/data/firstNames.generated.json');

const female = [];
const male = [];
for (const [name, gender] of english) {
  if (!/^[a-z][a-z'-]*[a-z]$/.test(name)) continue;
  if (gender === 'female') female.push(name);
  else if (gender === 'male') male.push(name);
}
/** Sorted names, each written as the length of the prefix it shares with the one before (0–9) and the rest. */
function frontCoded(names) {
  let out = '';
  let prev = '';
  for (const w of names.sort()) {
    let p = 0;
    while (p < 9 && p < prev.length && p < w.length && prev[p] === w[p]) p++;
    out += p + w.slice(p);
    prev = w;
  }
  return out;
}
const json = JSON.stringify({ female: frontCoded(female), male: frontCoded(male) });
writeFileSync(out, json + '\n');
console.log(`${path.relative(root, out)}: ${(json.length / 1024).toFixed(0)} KiB; ${female.length} female and ${male.length} male given names`);
