// Realistic texts and edit sequences for the re-anchoring fuzz test: news reports built from a
// vocabulary written for this test (names, places, quotes repeat, as they do in real reports), and
// the edits analysts, editors and wire services make to them — typo fixes, reworded clauses, inserted
// and deleted sentences, moved paragraphs, re-wrapped lines, updates on top. Deterministic for a seed.

/** A small, fast PRNG (mulberry32): the same seed gives the same cases on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const NAMES = ['Amina Diallo', 'Karim Haddad', 'Lena Vogt', 'Tomas Ferreira', 'Yusuf Okafor', 'Mira Novak', 'Samir Aziz', 'Helen Park', 'Omar Sheikh', 'Ines Moreau', 'Daniel Osei', 'Farida Rahimi', 'Pavel Dvorak', 'Grace Mensah', 'Ahmed Salah', 'Rosa Lindqvist', 'Jamal Bakr', 'Nadia Karimi', 'Ivo Petrov', 'Sara Haile'];
const ROLES = ['the minister', 'the envoy', 'a spokesman', 'the governor', 'a senior official', 'the commander', 'the mayor', 'a local elder', 'the ambassador', 'a police officer', 'a doctor at the hospital', 'the provincial chief', 'a witness', 'the negotiator', 'a military source', 'the deputy mayor'];
const PLACES = ['Geneva', 'Mosul', 'Kano', 'Idlib', 'Mogadishu', 'Kabul', 'Aden', 'Marawi', 'Gao', 'Raqqa', 'Maiduguri', 'Sanaa', 'Timbuktu', 'Hodeidah', 'Kandahar', 'Benghazi', 'Goma', 'Tikrit', 'Kismayo', 'Diffa'];
const ORGS = ['the United Nations', 'the ministry', 'the council', 'the army', 'the coalition', 'the Red Crescent', 'the regional authority', 'a monitoring group', 'the health ministry', 'local officials', 'the police', 'an aid agency'];
const WHEN = ['on Tuesday', 'on Monday', 'last week', 'on Friday', 'in March 2019', 'late on Sunday', 'earlier this month', 'on Wednesday evening', 'two days later', 'on Thursday morning', 'overnight', 'in mid-April', 'at the weekend', 'on Saturday', 'three weeks ago'];
const SAID = ['said', 'told reporters', 'added', 'warned', 'confirmed', 'said in a statement', 'wrote', 'insisted'];
const QUOTES = [
  'we will not negotiate',
  'the talks are over',
  'a pause, not an end',
  'our forces remain in the city',
  'there will be no retreat',
  'the ceasefire holds for now',
  'we have not received any request',
  'the roads are not safe',
  'nobody has claimed the attack',
  'the convoy will leave at dawn',
  'we are ready to talk',
  'this is a matter for the courts',
  'the water supply was cut again',
  'we buried eleven people today',
  'the election will go ahead',
  'our demands have not changed',
  'the families want answers',
  'nobody told us anything',
];
const CLAUSES = [
  'the talks had failed',
  'the convoy had reached the city',
  'aid deliveries would resume',
  'the border would stay closed',
  'no agreement had been reached',
  'fighting had stopped near the river',
  'the prisoners had been released',
  'the vote would be delayed',
  'the bridge had been repaired',
  'schools would reopen next month',
  'the curfew had been lifted',
  'two soldiers were missing',
  'the airport had reopened',
  'the market was shut for the day',
  'fuel prices had doubled',
  'the hospital was running out of supplies',
  'the road to the capital was blocked',
  'the militia had withdrawn',
  'the inquiry would report in June',
  'the camp was overcrowded',
];
const NOUNS = ['attack', 'convoy', 'meeting', 'statement', 'offensive', 'checkpoint', 'market', 'hospital', 'airport', 'camp', 'rally', 'trial', 'raid', 'ceremony'];
const PAST = ['taken place', 'been postponed', 'ended', 'been cancelled', 'started', 'been confirmed'];
const AFFECTED = ['killed', 'wounded', 'displaced', 'detained', 'evacuated'];
const NUMBERS = ['two', 'three', 'seven', 'at least 12', 'more than 40', 'dozens of', 'about 300', '18', 'nine', 'some 60', 'hundreds of', '27'];
/** Words of names and places. */
const PROPER = new Set([...NAMES, ...PLACES].flatMap((n) => n.split(' ')));
/** Words an edit may put in place of others. */
export const WORDS = ['reportedly', 'again', 'new', 'local', 'armed', 'several', 'senior', 'official', 'northern', 'recent', 'quickly', 'later', 'the', 'a', 'said', 'city', 'talks', 'people'];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One sentence of a report. */
export function sentence(r: Rng): string {
  switch (r.int(9)) {
    case 0:
      return `${r.pick(NAMES)}, ${r.pick(ROLES)}, ${r.pick(SAID)} ${r.pick(WHEN)} that ${r.pick(CLAUSES)}.`;
    case 1:
      return `"${cap(r.pick(QUOTES))}," ${r.pick(ROLES)} ${r.pick(SAID)}.`;
    case 2:
      return `${cap(r.pick(ROLES))} ${r.pick(SAID)} the ${r.pick(NOUNS)} in ${r.pick(PLACES)} had ${r.pick(PAST)} ${r.pick(WHEN)}.`;
    case 3:
      return `According to ${r.pick(ORGS)}, ${r.pick(NUMBERS)} people were ${r.pick(AFFECTED)} in ${r.pick(PLACES)} ${r.pick(WHEN)}.`;
    case 4:
      return `${r.pick(NAMES)} ${r.pick(SAID)}: "${cap(r.pick(QUOTES))}."`;
    case 5:
      return `${r.pick(['The statement', 'The video', 'The recording', 'The claim', 'The report'])}, ${r.pick(['released', 'posted online', 'issued', 'circulated'])} ${r.pick(WHEN)}, ${r.pick(['could not be independently verified', 'has not been confirmed', 'was not immediately verified', 'could not be checked'])}.`;
    case 6:
      return `${cap(r.pick(ORGS))} ${r.pick(SAID)} ${r.pick(CLAUSES)}, and ${r.pick(CLAUSES)}.`;
    case 7:
      return `In ${r.pick(PLACES)}, residents said ${r.pick(CLAUSES)} ${r.pick(WHEN)}.`;
    default:
      return `"${cap(r.pick(QUOTES))}, and ${r.pick(QUOTES)}," said ${r.pick(NAMES)}, ${r.pick(ROLES)} in ${r.pick(PLACES)}.`;
  }
}

/** Lines of at most `width` characters, broken at spaces. */
export function wrap(paragraph: string, width: number): string {
  const out: string[] = [];
  let line = '';
  for (const w of paragraph.split(' ')) {
    if (line && line.length + 1 + w.length > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out.join('\n');
}

/**
 * A sentence not yet in `text`: reports repeat names, places, quotes and phrases, but rarely a whole
 * sentence, or its last 30 characters, word for word.
 */
export function newSentence(r: Rng, text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  for (;;) {
    const s = sentence(r);
    // The unverified-claim sentence is boilerplate, said once in a report.
    if (flat.includes(s.slice(-30)) || (BOILERPLATE.test(s) && BOILERPLATE.test(flat))) continue;
    return s;
  }
}

const BOILERPLATE = /could not be independently verified|has not been confirmed|was not immediately verified|could not be checked/;

/** A paragraph of 1–4 sentences, none already in `text`. */
export function paragraph(r: Rng, text = ''): string {
  const out: string[] = [];
  for (let n = r.range(1, 4); out.length < n; ) out.push(newSentence(r, text + ' ' + out.join(' ')));
  return out.join(' ');
}

/** A report: headline, dateline paragraph, 4–10 paragraphs; hard-wrapped lines in some. */
export function report(r: Rng): string {
  const place = r.pick(PLACES);
  const headline = `${cap(r.pick(ROLES))} says ${r.pick(CLAUSES)} in ${place}`;
  const paras = [`${place.toUpperCase()} (Wire) — ${paragraph(r)}`];
  for (let n = r.range(4, 10); n > 0; n--) paras.push(paragraph(r, paras.join(' ')));
  const width = r.chance(0.4) ? r.range(60, 80) : 0;
  return [headline, ...paras.map((p) => (width ? wrap(p, width) : p))].join('\n\n') + '\n';
}

/** A span worth annotating, within one paragraph: a name, a quotation, a clause, a few words, a sentence. Word-aligned. */
export function passage(r: Rng, text: string): [number, number] | undefined {
  const paras = paragraphsOf(text);
  const [p0, p1] = r.pick(paras);
  const para = text.slice(p0, p1);
  const words: [number, number][] = [];
  for (const m of para.matchAll(/[A-Za-z0-9'’]+/g)) words.push([p0 + m.index, p0 + m.index + m[0].length]);
  if (words.length < 3) return undefined;
  switch (r.int(5)) {
    case 0: {
      // A quotation, inside its quote marks.
      const quotes = [...para.matchAll(/"([^"\n]+)"/g)];
      if (!quotes.length) break;
      const q = r.pick(quotes);
      return [p0 + q.index + 1, p0 + q.index + q[0].length - 1];
    }
    case 1: {
      // A sentence.
      const sentences = [...para.matchAll(/[A-Z"][^.!?]*[.!?]"?/g)].filter((m) => m[0].length > 20);
      if (!sentences.length) break;
      const s = r.pick(sentences);
      return [p0 + s.index, p0 + s.index + s[0].length];
    }
    case 2: {
      // A name or a place: short, so only its context can place it.
      const names = words.filter(([a, b]) => PROPER.has(text.slice(a, b)));
      if (!names.length) break;
      return r.pick(names);
    }
    default:
      break;
  }
  const i = r.int(words.length);
  const j = Math.min(words.length - 1, i + r.range(1, 10));
  return [words[i][0], words[j][1]];
}

/** One edit: replace `[start, end)` of the text by `text`. `move` pastes what the previous edit cut (same characters). */
export interface GenEdit {
  start: number;
  end: number;
  text: string;
  /** The inserted text is the text cut by the edit before (a cut and paste): its characters keep their identity. */
  move?: boolean;
  kind: string;
}

function wordsOf(text: string): [number, number][] {
  return [...text.matchAll(/[A-Za-z0-9'’]+/g)].map((m) => [m.index, m.index + m[0].length]);
}

function sentencesOf(text: string): [number, number][] {
  return [...text.matchAll(/[A-Z"][^.!?\n]*[.!?]"? ?/g)].map((m) => [m.index, m.index + m[0].length]);
}

function paragraphsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[^\n](?:[^\n]|\n(?!\n))*/g)) out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The next edit of a sequence on `text`: one or two (a cut and a paste) changes. */
export function edits(r: Rng, text: string): GenEdit[] {
  const words = wordsOf(text);
  const kind = r.int(100);
  if (kind < 18) {
    // A typo fixed or made: one letter changed, added or removed in a word.
    const [s, e] = r.pick(words);
    const at = r.range(s, e - 1);
    const letter = r.pick([...'abcdefghilmnorstu']);
    const op = r.int(3);
    if (op === 0) return [{ start: at, end: at + 1, text: letter, kind: 'typo' }];
    if (op === 1) return [{ start: at, end: at, text: letter, kind: 'typo' }];
    return [{ start: at, end: at + 1, text: '', kind: 'typo' }];
  }
  if (kind < 32) {
    // A word replaced by another.
    const [s, e] = r.pick(words);
    return [{ start: s, end: e, text: r.pick(WORDS), kind: 'word' }];
  }
  if (kind < 42) {
    // A clause reworded: 2–6 words replaced.
    const i = r.int(words.length);
    const j = Math.min(words.length - 1, i + r.range(1, 5));
    return [{ start: words[i][0], end: words[j][1], text: Array.from({ length: r.range(1, 5) }, () => r.pick(WORDS)).join(' '), kind: 'clause' }];
  }
  if (kind < 54) {
    // A sentence inserted at a sentence boundary.
    const ss = sentencesOf(text);
    const at = ss.length ? r.pick(ss)[0] : 0;
    return [{ start: at, end: at, text: newSentence(r, text) + ' ', kind: 'insert-sentence' }];
  }
  if (kind < 64) {
    // A sentence deleted.
    const ss = sentencesOf(text);
    if (!ss.length) return [];
    const [s, e] = r.pick(ss);
    return [{ start: s, end: e, text: '', kind: 'delete-sentence' }];
  }
  if (kind < 68) {
    // A paragraph deleted.
    const ps = paragraphsOf(text);
    if (ps.length < 3) return [];
    const [s, e] = r.pick(ps.slice(1));
    return [{ start: s, end: Math.min(text.length, e + 2), text: '', kind: 'delete-paragraph' }];
  }
  if (kind < 76) {
    // A paragraph moved: cut, then pasted before another paragraph.
    const ps = paragraphsOf(text);
    if (ps.length < 3) return [];
    const [s, e0] = r.pick(ps.slice(1));
    const e = Math.min(text.length, e0 + 2);
    const cut = text.slice(s, e);
    const rest = text.slice(0, s) + text.slice(e);
    const targets = paragraphsOf(rest).map(([a]) => a);
    const to = r.pick(targets);
    return [
      { start: s, end: e, text: '', kind: 'move' },
      { start: to, end: to, text: cut.endsWith('\n\n') ? cut : cut + '\n\n', move: true, kind: 'move' },
    ];
  }
  if (kind < 86) {
    // Lines re-wrapped: one paragraph wrapped at another width, or unwrapped.
    const ps = paragraphsOf(text);
    const [s, e] = r.pick(ps);
    const flat = text.slice(s, e).replace(/\n/g, ' ');
    const next = r.chance(0.3) ? flat : wrap(flat, r.range(40, 90));
    // Only line breaks and spaces trade places (the lengths are equal): one change per character,
    // from the last, as a re-wrap command reports them.
    const out: GenEdit[] = [];
    for (let i = next.length - 1; i >= 0; i--) if (next[i] !== text[s + i]) out.push({ start: s + i, end: s + i + 1, text: next[i], kind: 'reflow' });
    return out;
  }
  if (kind < 90) {
    // An update on top.
    return [{ start: 0, end: 0, text: `UPDATE ${r.range(1, 9)}: ${newSentence(r, text)}\n\n`, kind: 'update-on-top' }];
  }
  if (kind < 95) {
    // Punctuation: a comma added or removed.
    const commas = [...text.matchAll(/,/g)];
    if (commas.length && r.chance(0.5)) {
      const c = r.pick(commas);
      return [{ start: c.index, end: c.index + 1, text: '', kind: 'comma' }];
    }
    const [, e] = r.pick(words);
    return [{ start: e, end: e, text: ',', kind: 'comma' }];
  }
  // A word's case changed.
  const [s, e] = r.pick(words);
  const w = text.slice(s, e);
  const other = w.charAt(0) === w.charAt(0).toUpperCase() ? w.charAt(0).toLowerCase() + w.slice(1) : cap(w);
  return other === w ? [] : [{ start: s, end: e, text: other, kind: 'case' }];
}
