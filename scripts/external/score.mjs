// Scores the extractor on converted public corpora (see convert.mjs). Each corpus annotates some
// kinds only, so each is scored on those: CoNLL-2003 persons (speaker and person mentions
// together), places and organisations; TimeML DATE and TIME expressions and their values; PolNeAR
// the speaker of every quotation.

const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

export function prf(c) {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** One-to-one matching by largest overlap (or exact span when `strict`); returns matched pairs and the leftovers. */
function match(gold, pred, strict = false) {
  const used = new Set();
  const pairs = [];
  const missed = [];
  for (const g of gold) {
    let best = -1;
    let bestOv = 0;
    pred.forEach((p, i) => {
      if (used.has(i)) return;
      const ov = strict ? (p.start === g.start && p.end === g.end ? 1 : 0) : overlap(g, p);
      if (ov > bestOv) [best, bestOv] = [i, ov];
    });
    if (best < 0) missed.push(g);
    else {
      used.add(best);
      pairs.push([g, pred[best]]);
    }
  }
  return { pairs, missed, spurious: pred.filter((_, i) => !used.has(i)) };
}

const NER_TYPES = { person: ['speaker', 'person'], place: ['place'], organization: ['organization'] };

export function scoreNer(docs, result) {
  const groups = { all: {}, 'not sports': {} };
  for (const g of Object.values(groups)) for (const t of Object.keys(NER_TYPES)) g[t] = { tp: 0, fp: 0, fn: 0 };
  const errors = [];
  // A quoted organisation is a speaker mention of an organisation entity: scored as an organisation.
  const orgIds = new Set(result.entities.filter((e) => e.type === 'organization').map((e) => e.id));
  docs.forEach((d, i) => {
    const pred = result.documents[i].mentions.map((m) => (m.type === 'speaker' && orgIds.has(m.entity) ? { ...m, type: 'organization' } : m));
    for (const [type, predTypes] of Object.entries(NER_TYPES)) {
      const m = match(d.mentions.filter((x) => x.type === type), pred.filter((x) => predTypes.includes(x.type)));
      for (const g of d.sport ? [groups.all] : [groups.all, groups['not sports']]) {
        g[type].tp += m.pairs.length;
        g[type].fp += m.spurious.length;
        g[type].fn += m.missed.length;
      }
      for (const x of m.missed) errors.push(`${d.file}: missed ${type} "${x.text}" @${x.start}${gotAs(pred, x)}`);
      for (const x of m.spurious) errors.push(`${d.file}: spurious ${type} "${x.text}" @${x.start}`);
    }
  });
  const lines = [];
  for (const [name, g] of Object.entries(groups)) {
    for (const [t, c] of Object.entries(g)) lines.push(row(`${t} (${name})`, c));
  }
  const f = (name, t) => prf(groups[name][t]).f;
  return { lines, errors, summary: { person: f('all', 'person'), place: f('all', 'place'), organization: f('all', 'organization'), note: `not sports: person ${fmt(f('not sports', 'person'))}, place ${fmt(f('not sports', 'place'))}, organization ${fmt(f('not sports', 'organization'))}` } };
}

/** TimeML values the product's definition leaves out: vague references to the present, past and future. */
const VAGUE = /^(PRESENT|PAST|FUTURE)_REF$/;

export function scoreTimeml(docs, result) {
  const sets = { 'DATE+TIME': () => true, 'in the definition': (g) => !VAGUE.test(g.timemlValue) };
  const lines = [];
  const errors = [];
  const summary = {};
  for (const [name, keep] of Object.entries(sets)) {
    const relaxed = { tp: 0, fp: 0, fn: 0 };
    const strict = { tp: 0, fp: 0, fn: 0 };
    let valueRight = 0;
    let goldN = 0;
    let predN = 0;
    docs.forEach((d, i) => {
      const all = result.documents[i].mentions.filter((m) => m.type === 'date');
      const gold = d.mentions.filter(keep);
      // Predictions that overlap a gold expression left out of this set are neither right nor wrong.
      const pred = all.filter((p) => !d.mentions.some((g) => !keep(g) && overlap(g, p) > 0));
      goldN += gold.length;
      predN += pred.length;
      const m = match(gold, pred);
      relaxed.tp += m.pairs.length;
      relaxed.fp += m.spurious.length;
      relaxed.fn += m.missed.length;
      const s = match(gold, pred, true);
      strict.tp += s.pairs.length;
      strict.fp += s.spurious.length;
      strict.fn += s.missed.length;
      for (const [g, p] of m.pairs) {
        if (sameValue(g.timemlValue, p.value)) valueRight++;
        else if (name === 'DATE+TIME') errors.push(`${d.file}: value of "${g.text}" gold ${g.timemlValue} got ${p.value ?? '-'} ("${p.text}")`);
      }
      if (name === 'DATE+TIME') {
        for (const x of m.missed) errors.push(`${d.file}: missed date "${x.text}" (${x.timemlValue}) @${x.start}`);
        for (const x of m.spurious) errors.push(`${d.file}: spurious date "${x.text}" (${x.value ?? '-'}) @${x.start}`);
      }
    });
    const value = prf({ tp: valueRight, fp: predN - valueRight, fn: goldN - valueRight });
    lines.push(row(`relaxed (${name})`, relaxed), row(`strict (${name})`, strict), `   ${`value F1 (${name})`.padEnd(34)} ${fmt(value.f)}   (${valueRight} right of ${goldN} gold, ${predN} found)`);
    summary[name] = { relaxed: prf(relaxed).f, strict: prf(strict).f, value: value.f };
  }
  return { lines, errors, summary: { date: summary['DATE+TIME'].relaxed, dateValue: summary['DATE+TIME'].value, note: `strict ${fmt(summary['DATE+TIME'].strict)}; in the definition: relaxed ${fmt(summary['in the definition'].relaxed)}, value ${fmt(summary['in the definition'].value)}` } };
}

/**
 * TimeML writes a time of day as a suffix of the date (1998-01-09TAF, 1998-01-09T15:00): compared as
 * written, once the gold's short writings of the same value are put in ISO's: a week number of one
 * digit (2000-W7 is 2000-W07), an hour without its minutes (1989-11-06T17 is 1989-11-06T17:00).
 */
function sameValue(gold, pred) {
  return pred !== undefined && isoWriting(gold) === pred;
}

const isoWriting = (v) => v.replace(/-W(\d)(?!\d)/, '-W0$1').replace(/T(\d\d)$/, 'T$1:00');

const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019]s$/, '');
const words = (s) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);

export function scorePolnear(docs, result) {
  const cats = ['person', 'organization', 'unnamed', 'pronoun', 'none'];
  const right = Object.fromEntries(cats.map((c) => [c, 0]));
  const total = Object.fromEntries(cats.map((c) => [c, 0]));
  const quotes = { tp: 0, fp: 0, fn: 0 };
  let namedPred = 0;
  let namedPredRight = 0;
  const errors = [];
  const entities = new Map(result.entities.map((e) => [e.id, e]));
  docs.forEach((d, i) => {
    const r = result.documents[i];
    const m = match(d.quotes, r.quotes);
    quotes.tp += m.pairs.length;
    quotes.fp += m.spurious.length;
    quotes.fn += m.missed.length;
    const predOf = new Map(m.pairs.map(([g, p]) => [g, p]));
    for (const g of d.quotes) {
      if (!cats.includes(g.category)) continue;
      total[g.category]++;
      const p = predOf.get(g);
      const speaker = p?.speaker ?? null;
      const e = speaker ? entities.get(speaker) : undefined;
      let ok;
      if (g.category === 'none') ok = speaker === null;
      else if (g.category === 'unnamed' || g.category === 'pronoun') ok = speaker !== null;
      else {
        const mentions = r.mentions.filter((x) => x.entity === speaker);
        const names = e ? [e.name, ...e.aliases] : [];
        ok = !!speaker && g.names.some((n) => mentions.some((x) => overlap(x, n) > 0) || names.some((nm) => words(nm).includes(words(n.text).at(-1))));
      }
      if (e && e.type !== 'source' && g.category !== 'none') {
        namedPred++;
        if (ok) namedPredRight++;
      }
      if (ok) right[g.category]++;
      else errors.push(`${d.file}: ${g.category} "${clip(d.text.slice(g.start, g.end))}" @${g.start} gold ${g.source ? `"${g.source.text}"` : 'none'}${g.names?.length ? ` (${[...new Set(g.names.map((n) => n.text))].join(' / ')})` : ''} got ${e ? `${e.name} [${e.type}]` : speaker === null ? 'none' : speaker}${p ? '' : ' (quotation not found)'}`);
    }
  });
  const acc = (cs) => {
    const t = cs.reduce((n, c) => n + total[c], 0);
    return { v: t ? cs.reduce((n, c) => n + right[c], 0) / t : 1, t, r: cs.reduce((n, c) => n + right[c], 0) };
  };
  const named = acc(['person', 'organization']);
  const all = acc(cats);
  const lines = [
    row('quotations found', quotes),
    `   ${'attribution, all'.padEnd(34)} ${fmt(all.v)}   (${all.r}/${all.t})`,
    `   ${'attribution, named speakers'.padEnd(34)} ${fmt(named.v)}   (${named.r}/${named.t})`,
    ...cats.map((c) => `   ${`  ${c}`.padEnd(34)} ${fmt(total[c] ? right[c] / total[c] : 1)}   (${right[c]}/${total[c]})`),
    `   ${'named speaker given, right'.padEnd(34)} ${fmt(namedPred ? namedPredRight / namedPred : 1)}   (${namedPredRight}/${namedPred})`,
  ];
  return { lines, errors, summary: { attribution: all.v, namedAttribution: named.v, note: `named speakers ${fmt(named.v)}; persons ${fmt(total.person ? right.person / total.person : 1)}, organisations ${fmt(total.organization ? right.organization / total.organization : 1)}; a named speaker given is right ${fmt(namedPred ? namedPredRight / namedPred : 1)}` } };
}

function gotAs(pred, g) {
  const o = pred.find((m) => overlap(m, g) > 0);
  return o ? ` (got ${o.type} "${o.text}")` : '';
}

export function row(name, c) {
  const { p, r, f } = prf(c);
  return `   ${name.padEnd(34)} P ${fmt(p)}  R ${fmt(r)}  F1 ${fmt(f)}   (tp ${c.tp}, fp ${c.fp}, fn ${c.fn})`;
}

export const fmt = (x) => x.toFixed(3);
const clip = (s) => (s.length > 50 ? `${s.slice(0, 47)}…` : s);
