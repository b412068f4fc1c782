// PolNeAR (political news attribution relations) → texts with their quotations and who is credited
// with each. Only the train and dev splits are read: the test split is reserved and never opened.
// A quotation is every span in double marks (as the product defines it); its source is the Source
// of the attribution whose Content holds most of it, or none. The source is then classified with the
// corpus's CoreNLP layer: a person named in the source span (or, for a pronoun or description, in
// its coreference chain), an organisation, or an unnamed source. Those names are what a predicted
// speaker is compared with.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export const POLNEAR_SPLITS = ['train', 'dev'];

export function convertPolnear(root, split) {
  if (!POLNEAR_SPLITS.includes(split)) throw new Error(`PolNeAR split ${split} is not read (only ${POLNEAR_SPLITS.join(', ')})`);
  const dir = path.join(root, 'data', split);
  if (!existsSync(dir)) throw new Error(`${dir} not found (expected PolNeAR's data/${split})`);
  const dates = new Map();
  const meta = path.join(root, 'data', 'metadata.tsv');
  if (existsSync(meta)) {
    const rows = readFileSync(meta, 'utf8').split('\n').map((l) => l.split('\t'));
    const col = rows[0].indexOf('publication_date');
    for (const r of rows.slice(1)) if (r[1]) dates.set(r[1], r[col]);
  }
  // One annotation per article: the first annotator's, when several annotated it.
  const anns = new Map();
  for (const f of readdirSync(path.join(dir, 'attributions')).sort()) {
    const base = f.replace(/_[0-9a-f]{4}\.ann$/, '');
    if (!anns.has(base)) anns.set(base, f);
  }
  const docs = [];
  for (const [base, annFile] of anns) {
    const textFile = path.join(dir, 'text', `${base}.txt`);
    if (!existsSync(textFile)) continue;
    const text = readFileSync(textFile, 'utf8');
    const attributions = parseAnn(readFileSync(path.join(dir, 'attributions', annFile), 'utf8'));
    const xmlFile = path.join(dir, 'corenlp', `${base}.txt.xml`);
    const nlp = existsSync(xmlFile) ? parseCoreNlp(readFileSync(xmlFile, 'utf8')) : undefined;
    const quotes = findQuotes(text).map((q) => ({ ...q, ...sourceOf(q, attributions, nlp, text) }));
    const d = dates.get(base);
    docs.push({ name: base, text, gold: { documentDate: /^\d{4}-\d\d-\d\d$/.test(d ?? '') ? d : null, corenlp: !!nlp, mentions: [], quotes } });
  }
  return docs;
}

/** brat standoff: text-bound annotations and the events tying Source, Cue and Content together. */
function parseAnn(ann) {
  const spans = new Map();
  const out = [];
  for (const line of ann.split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 2) continue;
    if (line.startsWith('T')) {
      const [type, ...rest] = cols[1].split(' ');
      const ranges = rest.join(' ').split(';').map((r) => r.trim().split(' ').map(Number));
      spans.set(cols[0], { type, ranges });
    } else if (line.startsWith('E')) {
      const roles = Object.fromEntries(cols[1].split(' ').map((x) => x.split(':')));
      out.push({ source: spans, roles });
    }
  }
  return out.map(({ roles }) => ({
    source: roles.Source ? spans.get(roles.Source)?.ranges ?? [] : [],
    content: roles.Content ? spans.get(roles.Content)?.ranges ?? [] : [],
  }));
}

/** Spans in double marks, marks included; a quotation that goes on in the next paragraph's opening mark is one. */
export function findQuotes(text) {
  const quotes = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\u201c' || (c === '"' && open < 0)) {
      if (open < 0) open = i;
    } else if ((c === '\u201d' || c === '"') && open >= 0) {
      if (i > open + 1) quotes.push({ start: open, end: i + 1 });
      open = -1;
    } else if (c === '\n' && open >= 0) {
      // A paragraph ending inside a quotation: it goes on only if the next paragraph opens with a mark.
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (text[j] !== '\u201c' && text[j] !== '"') open = -1;
      else i = j; // the reopening mark belongs to the same quotation
    }
  }
  return quotes;
}

function parseCoreNlp(xml) {
  const tokens = new Map(); // "sid:tid" → {begin, end, ner}
  const all = [];
  const sentRe = /<sentence id="(\d+)"[^>]*>([\s\S]*?)<\/sentence>/g;
  let s;
  while ((s = sentRe.exec(xml))) {
    const tokRe = /<token id="(\d+)">[\s\S]*?<CharacterOffsetBegin>(\d+)<\/CharacterOffsetBegin>\s*<CharacterOffsetEnd>(\d+)<\/CharacterOffsetEnd>[\s\S]*?<NER>([^<]*)<\/NER>[\s\S]*?<\/token>/g;
    let t;
    while ((t = tokRe.exec(s[2]))) {
      const tok = { begin: +t[2], end: +t[3], ner: t[4] };
      tokens.set(`${s[1]}:${t[1]}`, tok);
      all.push(tok);
    }
  }
  const chains = [];
  const corefBlock = /<coreference>\s*(<coreference>[\s\S]*)<\/coreference>\s*<\/document>/.exec(xml);
  if (corefBlock) {
    for (const c of corefBlock[1].split('</coreference>')) {
      const mentions = [];
      for (const m of c.matchAll(/<mention( representative="true")?>\s*<sentence>(\d+)<\/sentence>\s*<start>(\d+)<\/start>\s*<end>(\d+)<\/end>/g)) {
        const a = tokens.get(`${m[2]}:${m[3]}`);
        const b = tokens.get(`${m[2]}:${+m[4] - 1}`);
        if (a && b) mentions.push({ start: a.begin, end: b.end, representative: !!m[1] });
      }
      if (mentions.length) chains.push(mentions);
    }
  }
  return { tokens: all, chains };
}

const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function sourceOf(q, attributions, nlp, text) {
  const inner = { start: q.start + 1, end: q.end - 1 };
  let best;
  let bestOv = 0;
  for (const a of attributions) {
    const ov = a.content.reduce((n, [s, e]) => n + overlap(inner, { start: s, end: e }), 0);
    if (ov > bestOv) [best, bestOv] = [a, ov];
  }
  if (!best || !best.source.length || bestOv * 2 < inner.end - inner.start) return { category: 'none' };
  const src = { start: Math.min(...best.source.map((r) => r[0])), end: Math.max(...best.source.map((r) => r[1])) };
  const source = { ...src, text: text.slice(src.start, src.end) };
  if (!nlp) return { category: 'unknown', source, names: [] };
  const runsIn = (span, ner) => {
    const runs = [];
    let cur;
    for (const t of nlp.tokens) {
      if (t.end <= span.start || t.begin >= span.end || t.ner !== ner) {
        if (cur) runs.push(cur);
        cur = undefined;
        continue;
      }
      if (cur && t.begin - cur.end <= 1) cur.end = t.end;
      else {
        if (cur) runs.push(cur);
        cur = { start: t.begin, end: t.end };
      }
    }
    if (cur) runs.push(cur);
    // A possessor is not the source ("Brazile's colleague, Jake Tapper" is Tapper).
    return runs.filter((r) => !/^['\u2019]s\b/.test(text.slice(r.end, r.end + 3))).map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
  };
  const people = new Set(runsIn({ start: 0, end: text.length }, 'PERSON').map((r) => lastWord(r.text)));
  // CoreNLP sometimes tags a person's surname as an organisation ("Trump"): a word the article also uses as a person's name is a person.
  const classify = (names) => {
    const persons = names.filter((n) => n.ner === 'PERSON' || people.has(lastWord(n.text)));
    return persons.length ? { category: 'person', names: dedupe(persons) } : names.length ? { category: 'organization', names: dedupe(names) } : undefined;
  };
  const named = (span) => [...runsIn(span, 'PERSON').map((r) => ({ ...r, ner: 'PERSON' })), ...runsIn(span, 'ORGANIZATION').map((r) => ({ ...r, ner: 'ORGANIZATION' }))];
  const own = classify(named(src));
  if (own) return { ...own, source };
  // A pronoun or description: the names of its coreference chain's representative mention, else of the whole chain.
  const chain = nlp.chains.find((c) => c.some((m) => overlap(m, src) > 0 && m.start >= src.start - 1 && m.end <= src.end + 1));
  if (chain) {
    const rep = chain.find((m) => m.representative);
    const viaRep = rep && classify(named(rep));
    const viaChain = viaRep ?? classify(chain.flatMap((m) => named(m)));
    if (viaChain) return { ...viaChain, source, viaChain: true };
  }
  if (PRONOUN.test(source.text.trim())) return { category: 'pronoun', source, names: [] };
  return { category: 'unnamed', source, names: [] };
}

const PRONOUN = /^(he|she|they|we|i|you|it|him|her|them|us|me|his|hers|their|our|my|your|its)$/i;
const lastWord = (s) => s.trim().split(/\s+/).pop().replace(/['\u2019]s$/, '').toLowerCase();
function dedupe(names) {
  const seen = new Set();
  return names.filter((n) => !seen.has(`${n.start}:${n.end}`) && seen.add(`${n.start}:${n.end}`)).map((n) => ({ start: n.start, end: n.end, text: n.text }));
}
