// TimeML (TimeBank 1.2 and AQUAINT as cleaned for TempEval-3: the TBAQ-cleaned folder) → texts with
// their DATE and TIME expressions and normalized values. Only the training data is read: the
// TempEval-3 platinum test set is reserved. The text is the content of <TEXT> with every tag
// removed (entities decoded); the creation time (DCT) is the document date.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s) => s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e.toLowerCase()]));

/** Every .tml file under `dir` (TBAQ-cleaned: TimeBank/ and AQUAINT/), macOS resource forks skipped. */
export function convertTimeml(dir) {
  const files = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      if (n.startsWith('.')) continue;
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.tml')) files.push(p);
    }
  };
  walk(dir);
  if (!files.length) throw new Error(`no .tml files under ${dir}`);
  return files.map((f) => convertFile(f, path.relative(dir, f)));
}

function convertFile(file, rel) {
  const xml = readFileSync(file, 'utf8');
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml);
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml);
  if (!body) throw new Error(`${rel}: no <TEXT>`);
  let text = '';
  const timexes = [];
  const stack = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m;
  while ((m = re.exec(body[1]))) {
    if (m[5] !== undefined) {
      text += decode(m[5]);
      continue;
    }
    const [, closing, tag, attrs, selfClosing] = m;
    if (tag !== 'TIMEX3' || selfClosing) continue;
    if (!closing) {
      const a = Object.fromEntries([...attrs.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
      stack.push({ start: text.length, type: a.type, value: a.value });
    } else {
      const t = stack.pop();
      if (t && (t.type === 'DATE' || t.type === 'TIME')) timexes.push({ start: t.start, end: text.length, text: text.slice(t.start, text.length), type: 'date', timexType: t.type, timemlValue: t.value });
    }
  }
  // Leading and trailing blank lines of <TEXT> are layout, not text; offsets shift with the trim.
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  const mentions = timexes.map((t) => ({ ...t, start: t.start - lead, end: t.end - lead })).filter((t) => t.start >= 0 && t.end <= trimmed.length);
  const dctValue = dct ? dct[1].slice(0, 10) : null;
  return {
    name: rel.replace(/[\\/]/g, '__').replace(/\.tml$/, ''),
    text: `${trimmed}\n`,
    gold: { documentDate: /^\d{4}-\d\d-\d\d$/.test(dctValue ?? '') ? dctValue : null, mentions },
  };
}
