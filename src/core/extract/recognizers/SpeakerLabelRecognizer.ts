import { foldWord, nameWords } from '../../entities/names';
import type { Recognizer } from '../configuration';
import type { ExtractionContext } from '../context';
import { CAPITAL_STOPWORDS, ROLES, TITLES, TURN_WORDS } from '../lexicon';
import { titleCaseWords } from '../../text/case';

/**
 * A label: a line's first words, capitalised or in capitals, then an optional ", Outlet" or
 * "(Outlet)", then a colon.
 */
const LABEL = /^((?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}'’-]*)(?:,[^:\n]{1,40}|\s*\([^)\n]{1,40}\))?:\s/u;

/** Paragraphs opening with a label in capitals that make a text a transcript. */
const TRANSCRIPT_LABELS = 3;

/** One labelled line: where it starts and its label's words. */
interface Label {
  start: number;
  label: string;
}

/**
 * Labels of turns in a transcript or an exchange ("FINCH: We will …", "Sen. Finch, WDTN: “…”",
 * "AISHA BELLO (Daily Trust): …"): a label naming by surname a person the document names elsewhere
 * is a mention of that person, in capitals too (the person is then credited with speech by
 * attribution). "Q:" and "A:" name nobody. In a transcript (several turns labelled in capitals),
 * a label in capitals that is a full name is a person's even where the text names them nowhere else.
 */
export class SpeakerLabelRecognizer implements Recognizer {
  /**
   * Before the persons are found: the full names a transcript's labels give ("FAREED SIDDIQUI:")
   * become persons, so that their other writings ("I'm Fareed Siddiqui") are found as theirs.
   */
  registerTranscriptNames(ctx: ExtractionContext): void {
    const labels = findLabels(ctx);
    let caps = 0;
    for (const l of labels) if (inCapitals(l.label)) caps++;
    if (caps < TRANSCRIPT_LABELS) return;
    for (const l of labels) {
      if (!inCapitals(l.label)) continue;
      const words = l.label.split(/\s+/);
      const count = words.length;
      while (words.length && TITLES.has(words[0].toLowerCase())) words.shift();
      // "MR MILLER:", "DR. OKAFOR:": a title and a surname name one person, as a full name does.
      const titled = words.length === 1 && count > 1;
      if ((words.length < 2 && !titled) || words.some((w) => TURN_WORDS.has(w.toLowerCase()) || CAPITAL_STOPWORDS.has(w.toLowerCase()) || ROLES.has(w.toLowerCase()))) continue;
      // (Where the text writes the surname elsewhere, the label is linked to that person once found.)
      if (titled && ctx.text.includes(titleCaseWords(words[0]))) continue;
      const name = (titled ? l.label.split(/\s+/) : words).map(titleCaseWords).join(' ');
      const key = `person:${nameWords(name).map(foldWord).join(' ')}`;
      if (!ctx.persons.has(key)) ctx.persons.set(key, { key, name, forms: new Set([name]), roles: new Set(), speaker: false });
    }
  }

  /**
   * In a transcript, the turns are passed by first name: "Thanks, Mercedes.", "Go ahead, Rania.",
   * "Zarina, thank you for coming in." A lone word standing as a vocative (after a comma or opening
   * a sentence, before a comma or the sentence's end) that is the given name of exactly one person
   * of the document named in full is a mention of that person.
   */
  recognizeVocatives(ctx: ExtractionContext): void {
    if (ctx.persons.size === 0) return;
    let caps = 0;
    for (const l of findLabels(ctx)) if (inCapitals(l.label)) caps++;
    if (caps < TRANSCRIPT_LABELS) return;
    const given = new Map<string, string>();
    for (const p of ctx.persons.values()) {
      const w = nameWords(p.name);
      if (w.length < 2) continue;
      given.set(w[0], given.has(w[0]) && given.get(w[0]) !== p.key ? '' : p.key);
    }
    const toks = ctx.tokens;
    const taken = new Uint8Array(toks.length);
    // A place's name or a person's lone word ("Lara.", "Zarina,") may be the given name; longer names stand.
    for (const c of ctx.candidates) for (let t = c.t0; t < c.t1; t++) if (c.kind !== 'place' && !(c.kind === 'person' && c.t1 - c.t0 === 1)) taken[t] = 1;
    for (let t = 0; t < toks.length; t++) {
      const tok = toks[t];
      if (!tok.cap || taken[t] || ctx.blocked[t] || tok.text.length < 3) continue;
      const key = given.get(tok.lower);
      if (!key) continue;
      const before = t > 0 ? ctx.gap(t - 1) : '\n';
      const after = ctx.gap(t);
      const opens = t === 0 || /[.!?:\n]\s*$/.test(before) || ctx.sentenceTokens[ctx.sentenceOf[t]][0] === t;
      if (!(opens || /,\s*$/.test(before)) || !/^[,.!?]/.test(after)) continue;
      ctx.candidates.push({ start: tok.start, end: tok.end, kind: 'person', t0: t, t1: t + 1, key, priority: 6 });
    }
  }

  recognize(ctx: ExtractionContext): void {
    if (ctx.persons.size === 0) return;
    let bySurname: Map<string, string> | undefined;
    let labelled: Set<number> | undefined;
    for (const l of findLabels(ctx)) {
      // "After Baghdadi: …" is a headline, not a label: every word of a label is part of a name.
      // A title opening it stays ("MR MILLER:").
      const lw = l.label.split(/\s+/);
      let first = 0;
      while (first < lw.length - 1 && TITLES.has(lw[first].toLowerCase())) first++;
      if (lw.some((w, i) => i >= first && CAPITAL_STOPWORDS.has(w.toLowerCase()))) continue;
      bySurname ??= surnames(ctx);
      const words = nameWords(l.label).map(foldWord);
      const key = bySurname.get(words[words.length - 1] ?? '');
      if (!key) continue;
      const t0 = ctx.tokenAt(l.start);
      const t1 = ctx.tokenAt(l.start + l.label.length);
      if (t1 <= t0 || ctx.blocked[t0]) continue;
      // Run again once more persons are known: a label already taken is left alone.
      labelled ??= new Set(ctx.candidates.filter((c) => c.kind === 'person' && c.priority === 6).map((c) => c.t0));
      if (labelled.has(t0)) continue;
      ctx.candidates.push({ start: ctx.tokens[t0].start, end: ctx.tokens[t1 - 1].end, kind: 'person', t0, t1, key, priority: 6 });
    }
  }
}

/** The labelled lines of the document, in order. */
function findLabels(ctx: ExtractionContext): Label[] {
  const text = ctx.text;
  const out: Label[] = [];
  // Most lines have no colon near their start: the text's colons are found from one to the next
  // (paragraphs are in order), without copying or matching the lines.
  let colon = text.indexOf(':');
  for (const para of ctx.paragraphs) {
    if (colon < 0) break;
    const c = text.charCodeAt(para.start);
    if (c < 65 || c > 90) continue;
    const end = Math.min(para.end, para.start + 80);
    if (colon < para.start) colon = text.indexOf(':', para.start);
    if (colon < 0 || colon >= end) continue;
    const m = LABEL.exec(text.slice(para.start, end));
    if (m) out.push({ start: para.start, label: m[1] });
  }
  return out;
}

/** Whether every letter of a label is a capital ("MR. HALLORAN", not "Halloran"). */
function inCapitals(label: string): boolean {
  return label.length > 1 && label === label.toUpperCase() && label !== label.toLowerCase();
}

/**
 * Each person's folded surname, to the person's key; a surname two persons share names neither,
 * unless one of them is written by the surname alone ("General Kaminski" beside "Douglas
 * Kaminski"): the full name is the person's.
 */
function surnames(ctx: ExtractionContext): Map<string, string> {
  const out = new Map<string, { key: string; words: number }>();
  for (const p of ctx.persons.values()) {
    const w = nameWords(p.name).map(foldWord);
    const last = w[w.length - 1];
    if (!last) continue;
    const known = out.get(last);
    if (!known || known.key === p.key) out.set(last, { key: p.key, words: w.length });
    else if (known.words === 1 && known.key !== '' && w.length > 1) out.set(last, { key: p.key, words: w.length });
    else if (w.length > 1 || known.words === 1) out.set(last, { key: '', words: Math.max(known.words, w.length) });
  }
  return new Map([...out].map(([k, v]) => [k, v.key]));
}
