import type { Referent } from '../../context';
import { DEFINITE, QUOTE_VERBS, RECORDING_NOUNS, WRITE_VERBS } from '../../lexicon';
import { isAccordingTo, isSpeechVerb } from '../../speech';
import { credit, GAP, gapHas, spoke, type AttributionState } from './AttributionState';
import { orgSpeaker } from './organizations';
import { rightOf, subjectOf } from './subjects';

/*
 * Crediting quotations: the subject of the speech verb that introduces a quotation (after it:
 * "…,” said X") or governs it (before it, the innermost: "X had urged the “soldiers…”").
 */

/** Words right before a quotation that make it a name, not speech: "a video titled “…”", "the so-called “…”", "the slogan “…”". */
const TITLE_WORDS = new Set(['titled', 'entitled', 'title', 'subtitled', 'headlined', 'captioned', 'so-called', 'dubbed', 'nicknamed', 'slogan', 'slogans', 'motto', 'hashtag', 'banner', 'headline', 'caption']);
/** Nouns of works right before a quotation that make it the work's name ("the reality show “…”"), unless a verb calls the work so ("called the show “…”"). */
const WORK_NOUNS = new Set(['show', 'sitcom', 'series', 'film', 'movie', 'documentary', 'book', 'novel', 'memoir', 'song', 'album', 'musical', 'podcast']);

/**
 * Verbs that credit the quotation right before them after a subject of a few words, though they are
 * no speech verbs elsewhere: writing ("…,” the editorial board wrote") and going on with one's speech
 * ("…,” he continued", "…,” Conway notes", "…,” she concluded").
 */
const AFTER_QUOTE = new Set([...WRITE_VERBS, 'continued', 'continues', 'concluded', 'concludes', 'notes', 'observed', 'observes', 'joked', 'jokes', 'recounted', 'recounts', 'wondered', 'wonders', 'mused', 'muses', 'shouted', 'responds', 'offered']);

/**
 * In `ctx.quoteVerbs`: the quotation is nobody's words by definition — a title, a so-called term, or
 * the words of a thing ("the claim's language, which describes them as “…”").
 */
export const NOBODY = -2;

/** Credits quotation qi to the subject of its speech verb, when one introduces or governs it. */
export function attributeQuote(st: AttributionState, qi: number): void {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  const q = ctx.quoteSpans[qi];
  if (isTitle(st, qi)) {
    ctx.quoteVerbs[qi] = NOBODY;
    setQuote(st, qi, null);
    return;
  }
  const inner = ctx.text.slice(q.start + 1, q.end - 1).trimEnd();
  const after = ctx.tokenAt(q.end);
  const endSentence = after < toks.length ? ctx.sentenceOf[after] : -1;
  const closesClause = /[,?!—–-]$/.test(inner) || /^\s*[,—–]/.test(ctx.text.slice(q.end, q.end + 3)) || (/\.$/.test(inner) && !!toks[after] && !toks[after].cap);
  const nextQuote = ctx.quoteSpans[qi + 1]?.start ?? Infinity;
  // Verb after the quotation: "…,” said X", "…,” X told reporters", "…,” according to X".
  // Not across a paragraph break: "…?”¶Issa continued, “…”" is the next speaker's turn.
  const sameParagraph = after < toks.length && ctx.text.lastIndexOf('\n', toks[after].start) < q.end;
  if (closesClause && sameParagraph && endSentence >= 0 && (ctx.tokens[after - 1] === undefined || ctx.sentenceOf[Math.max(0, ctx.tokenAt(q.start))] <= endSentence)) {
    for (let j = after; j < Math.min(toks.length, after + 14) && ctx.sentenceOf[j] === endSentence && toks[j].start < nextQuote; j++) {
      const statementReads = (toks[j].lower === 'read' || toks[j].lower === 'reads') && RECORDING_NOUNS.has(toks[j - 1]?.lower ?? '');
      if (isSpeechVerb(ctx, j) || isAccordingTo(ctx, j) || (QUOTE_VERBS.has(toks[j].lower) && j - after <= 1) || (AFTER_QUOTE.has(toks[j].lower) && (j - after <= 4 || (j - after <= 9 && ctx.mentionAt(j - 1)?.kind === 'person'))) || statementReads) {
        // "…,” Hassan Hassan, co-author of …, said": a name right after the quotation is its speaker.
        const first = ctx.mentionAt(after);
        const named: Referent | null = first?.kind === 'person' && first.key && j > after ? { key: first.key, kind: 'person' } : null;
        const subject = subjectOf(st, j, true);
        const r = (subject?.kind === 'org' || !subject ? (named ?? subject) : subject) ?? rightOf(st, after, j);
        credit(st, j, r);
        ctx.quoteVerbs[qi] = j;
        setQuote(st, qi, r);
        return;
      }
    }
  }
  // Verb before it in the same sentence, the innermost one: "X had urged the “soldiers…”".
  const qt = ctx.tokenAt(q.start);
  const sentence = qt < toks.length ? ctx.sentenceOf[qt] : -1;
  const [s0] = ctx.sentenceTokens[sentence] ?? [qt];
  for (let j = qt - 1; j >= s0; j--) {
    // A fragment after an earlier one in the same complement: "talks of a “war” in which the “caliphate” …".
    if (st.inQuote[j]) continue;
    // "called the attack “a response …”", "described the talks as “propaganda”": a verb that quotes its complement.
    const quoting = QUOTE_VERBS.has(toks[j].lower) && qt - j <= 7 && !toks[j].cap;
    if (isSpeechVerb(ctx, j) || isAccordingTo(ctx, j) || quoting) {
      const r = st.verbSubject.has(j) ? (st.verbSubject.get(j) ?? null) : subjectOf(st, j);
      st.verbSubject.set(j, r);
      // "…, which describes them as “…”": a thing speaks, not a person.
      ctx.quoteVerbs[qi] = r === null && toks[j - 1]?.lower === 'which' ? NOBODY : j;
      setQuote(st, qi, r);
      return;
    }
  }
  // No verb before it: the attribution closing its sentence, after a comma ("That would mean a
  // “summer of agony” for them, said Tom Hale, a pollster.", "…, Tom Hale said.").
  if (sentence >= 0 && endSentence === sentence) {
    const closing = closingAttribution(st, after, ctx.sentenceTokens[sentence][1]);
    if (closing) {
      credit(st, closing.j, closing.r);
      ctx.quoteVerbs[qi] = closing.j;
      setQuote(st, qi, closing.r);
    }
  }
}

/** Tokens a closing attribution may leave after its verb ("… said Tom Hale on Tuesday.", "…, Hale told reporters."). */
const CLOSING_TAIL = 4;

/**
 * The speech verb closing the sentence that ends at token s1, after a comma, and the person it
 * credits: inverted ("…, said Tom Hale(, a pollster).") or not ("…, Tom Hale said."); null when
 * there is none, or another quotation stands between.
 */
function closingAttribution(st: AttributionState, from: number, s1: number): { j: number; r: Referent } | null {
  const ctx = st.ctx;
  for (let j = from; j < s1; j++) {
    if (st.inQuote[j]) return null;
    if (!isSpeechVerb(ctx, j) || st.verbSubject.has(j)) continue;
    // Inverted: the verb after a comma, then the name closing the sentence or followed by an apposition.
    if (gapHas(st, j - 1, GAP.comma)) {
      const m = ctx.mentionAt(j + 1);
      if (m?.kind === 'person' && m.key && (m.t1 >= s1 || gapHas(st, m.t1 - 1, GAP.comma | GAP.period))) return { j, r: { key: m.key, kind: 'person' } };
      return null;
    }
    // The name after a comma, then the verb and a short tail.
    const m = ctx.mentionAt(j - 1);
    if (m?.kind === 'person' && m.key && m.t1 === j && gapHas(st, m.t0 - 1, GAP.comma) && s1 - j - 1 <= CLOSING_TAIL) return { j, r: { key: m.key, kind: 'person' } };
    return null;
  }
  return null;
}

/** Whether the quotation is introduced as a title or a so-called term ("titled, “…”", "carries the title “…”"). */
function isTitle(st: AttributionState, qi: number): boolean {
  const ctx = st.ctx;
  const q = ctx.quoteSpans[qi];
  const t = ctx.tokenAt(q.start) - 1;
  if (t < 0 || st.inQuote[t]) return false;
  const before = ctx.text.slice(ctx.tokens[t].end, q.start);
  // "said on ABC's “This Week”", "a star of “Thelma and Louise”": a name in Title Case after a possessor or a preposition.
  if (((TITLE_PREPOSITIONS.has(ctx.tokens[t].lower) && /^\s*$/.test(before)) || /^['’]s?\s*$/.test(before)) && titleCased(st, qi)) return true;
  // "so-called" is written as two tokens.
  const word = ctx.tokens[t].lower === 'called' && ctx.tokens[t - 1]?.lower === 'so' && ctx.gap(t - 1) === '-' ? 'so-called' : ctx.tokens[t].lower;
  // "used the word “extremist”": a word mentioned, not said.
  if (word === 'word' && ctx.tokens[t - 1]?.lower === 'the') return /^\s*$/.test(before);
  if (WORK_NOUNS.has(word) && !ctx.tokens[t].cap) {
    const v = ctx.tokens[t - 1] && DEFINITE.has(ctx.tokens[t - 1].lower) ? t - 2 : t - 1;
    return /^\s*$/.test(before) && !(v >= 0 && (QUOTE_VERBS.has(ctx.tokens[v].lower) || isSpeechVerb(ctx, v)));
  }
  if (!TITLE_WORDS.has(word)) return false;
  return /^[\s,:]*$/.test(before);
}

/** Words of a title that stay in lower case ("Guardians of the Galaxy", "Meet the Press"). */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'but', 'nor', 'vs']);
/** Words after which a quotation in Title Case is the name of a show, a book or a film ("on “Meet the Press”"). */
const TITLE_PREPOSITIONS = new Set(['on', 'of', 'in', 'from', 'with', 'during', 'including', 'called', 'named']);

/** Whether quotation qi is a name of two to eight words in Title Case: every word capitalised but the small ones. */
function titleCased(st: AttributionState, qi: number): boolean {
  const ctx = st.ctx;
  const q = ctx.quoteSpans[qi];
  const toks = ctx.tokens;
  let words = 0;
  for (let k = ctx.tokenAt(q.start); k < toks.length && toks[k].end <= q.end; k++) {
    const w = toks[k];
    if (words === 0 ? !w.cap && !w.num : !w.cap && !w.num && !TITLE_SMALL_WORDS.has(w.lower)) return false;
    words++;
  }
  return words >= 2 && words <= 8;
}

/** Quotation qi is r's (or nobody's): r becomes the last speaker, an organisation a speaker with mentions. */
function setQuote(st: AttributionState, qi: number, r: Referent | null): void {
  if (r?.kind === 'org') orgSpeaker(st, r);
  st.ctx.quotes[qi].speaker = r ? r.key : null;
  if (r) {
    spoke(st, r, st.ctx.sentenceOf[Math.min(st.ctx.tokens.length - 1, st.ctx.tokenAt(st.ctx.quoteSpans[qi].start))]);
    if (r.kind === 'person') {
      const p = st.ctx.persons.get(r.key);
      if (p) p.speaker = true;
    }
  }
}
