import type { Referent } from '../../context';
import { ASKING_VERBS, DEFINITE, INDEFINITE, ORG_HEADS, RECORDING_NOUNS, ROLES, SOURCE_NOUNS } from '../../lexicon';
import { personGender, pronounGender, type Gender } from '../../gender';
import { GAP, gapHas, isPossessor, type AttributionState } from './AttributionState';
import { isPartisan } from '../../recognizers/wordClasses';
import { orgAt } from './organizations';

/*
 * Coreference: the person (or unnamed source, organisation, recording's owner) that a pronoun or a
 * description stands for, from the names, speakers and descriptions met before it.
 */

/** Words after a description that give its name ("a spokesman calling himself X", "a voice identified as that of X"). */
export const NAMING = new Set(['calling', 'identifying', 'identified', 'named', 'known', 'called', 'styling']);
export const OTHER_PRONOUNS = new Set(['they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'there', 'this']);
/** Prepositions that make the phrase after them a complement, not a subject ("the spokesman of the group"). */
const COMPLEMENT_OF = new Set(['of', 'for', 'in', 'at', 'from', 'by', 'with', 'to', 'on']);
/** Written documents that "say" things: "the report said", "the email read" (ENTITIES.md: a speaker local to the document). */
const DOCUMENTS = new Set(['report', 'reports', 'email', 'e-mail', 'letter', 'memo', 'editorial', 'article', 'column', 'website', 'site', 'ad', 'advert', 'advertisement', 'survey', 'poll', 'book', 'release', 'filing', 'complaint', 'lawsuit', 'indictment', 'ruling', 'document', 'documents', 'transcript', 'platform', 'post', 'tweet', 'op-ed', 'petition', 'affidavit', 'verdict', 'study', 'analysis']);
/** Sentences back a pronoun may reach for its antecedent. */
const PRONOUN_REACH = 6;

/** Person mention or pronoun at token k, resolved. */
export function referentAt(st: AttributionState, k: number): Referent | null {
  const m = st.ctx.mentionAt(k);
  if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
  const t = st.ctx.tokens[k];
  if (t && (t.lower === 'he' || t.lower === 'she')) return resolvePronoun(st, k);
  return null;
}

/**
 * A description ending at head token h ("the ISIS leader", "a U.S. official", "the tape"):
 * a recording is its speaker's; a definite role resolves to the person last described by it; an
 * indefinite or plural one is a new unnamed source.
 */
export function description(st: AttributionState, h: number, s0: number): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  const head = toks[h];
  if (!head) return null;
  // "Analysts said …", "Residents told …": a bare plural source opening the sentence.
  if (head.cap && SOURCE_NOUNS.has(head.lower) && head.lower.endsWith('s') && ctx.sentenceTokens[ctx.sentenceOf[h]][0] === h) {
    const r = ctx.newSource(head.text.toLowerCase(), h, h + 1);
    st.sources.push({ head: head.lower.replace(/s$/, ''), r });
    return r;
  }
  let d = h;
  while (d > s0 && h - d < 7 && !DEFINITE.has(toks[d].lower) && !INDEFINITE.has(toks[d].lower) && !gapHas(st, d - 1, GAP.comma | GAP.semicolon | GAP.colon | GAP.period)) d--;
  const det = toks[d].lower;
  // A lede describing its subject before naming him: "A Frenchman who fought in Syria told the court
  // … ¶ Yanis B., 31, is one of …": the person who opens the next paragraph.
  if (INDEFINITE.has(det) && !SOURCE_NOUNS.has(head.lower) && !head.num && !ctx.mentionAt(h)) {
    const named = namedInNextParagraph(st, d);
    if (named) return named;
  }
  if (head.cap && !ROLES.has(head.lower) && !isPartisan(head)) return null;
  // "the group's chief spokesman", "Al-Shabaab's spokesman": a possessor before the head.
  const possessive = toks.slice(d, h).some((_t, k) => /['’]s/.test(ctx.gap(d + k)));
  if (RECORDING_NOUNS.has(head.lower)) {
    if (DEFINITE.has(det)) {
      const earlier = earlierRecording(st, h);
      if (earlier !== undefined) return earlier;
    }
    return recordingOwner(st, h);
  }
  const text = ctx.text.slice(toks[d].start, head.end);
  // The same phrase met again (the subject of a second verb): the same referent.
  const seen = st.described.get(d);
  if (seen && seen.head === h) return seen.r;
  const r = describe(st, h, d, text, possessive);
  if (r) st.described.set(d, { head: h, r });
  return r;
}

function describe(st: AttributionState, h: number, d: number, text: string, possessive: boolean): Referent | null {
  const ctx = st.ctx;
  const head = ctx.tokens[h];
  const det = ctx.tokens[d].lower;
  // "a spokesman calling himself Abu Hamza", "a voice identified as that of Ahmad Umar": the name given.
  if (NAMING.has(ctx.tokens[h + 1]?.lower ?? '')) {
    for (let t = h + 2; t < Math.min(ctx.tokens.length, h + 7) && !gapHas(st, t - 1, GAP.comma | GAP.semicolon | GAP.colon | GAP.period); t++) {
      const m = ctx.mentionAt(t);
      if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
      if (m) break;
    }
  }
  if (DEFINITE.has(det)) {
    const earlier = [...st.sources].reverse().find((s) => s.head === head.lower.replace(/s$/, ''));
    if (earlier) return earlier.r;
  }
  // "a fisherman who escaped told reporters": any indefinite description is an unnamed source.
  if (INDEFINITE.has(det) && (!head.cap || isPartisan(head)) && !head.num && !OTHER_PRONOUNS.has(head.lower)) {
    const r = ctx.newSource(text, d, h + 1);
    st.sources.push({ head: head.lower.replace(/s$/, ''), r });
    return r;
  }
  const isRole = ROLES.has(head.lower) || SOURCE_NOUNS.has(head.lower) || head.lower === 'speaker' || OFFICES.has(head.lower);
  // "The African Union Mission in Somalia … rejected the message. “…,” the mission said": the organisation just named.
  // A body named only by its description ("the ministry said", "the campaign said"): a speaker of its own.
  if (!isRole && DEFINITE.has(det)) {
    const body = (ORG_HEADS.has(head.lower) || DOCUMENTS.has(head.lower)) && !head.cap && !COMPLEMENT_OF.has(ctx.tokens[d - 1]?.lower ?? '');
    return namedOrganization(st, h) ?? (body ? localSpeaker(st, text, d, h + 1) : null);
  }
  if (!isRole) return null;
  if (!DEFINITE.has(det) && !possessive && head.lower.endsWith('s') && SOURCE_NOUNS.has(head.lower)) {
    const r = ctx.newSource(text, d, h + 1);
    st.sources.push({ head: head.lower.replace(/s$/, ''), r });
    return r;
  }
  if (!DEFINITE.has(det) && !possessive) {
    // A headline's bare role ("Minister Says “…”"): the person the story names with it, else the one it names first.
    if (d !== h || !inHeadline(ctx, h)) return null;
    return namedLater(st, h, (key) => !!ctx.persons.get(key)?.roles.has(head.lower)) ?? namedLater(st, h, () => true);
  }
  const src = [...st.sources].reverse().find((s) => s.head === head.lower.replace(/s$/, ''));
  if (src) return src.r;
  if (head.lower === 'speaker' && st.last) return st.last.r;
  // The person last described with this role word, or named with a title standing for it ("Sen. X …
  // the senator"); else the one credited with speech last.
  let best: string | undefined;
  for (const c of ctx.candidates) {
    if (c.kind !== 'person' || !c.key || c.start >= head.start) continue;
    if (ctx.persons.get(c.key)?.roles.has(head.lower) || titledAs(st, c.t0, c.t1, head.lower)) best = c.key;
  }
  if (best) return { key: best, kind: 'person' };
  // An office or a standing no one was named with ("the Vermont senator", "the Republican
  // candidate"): the person the sentences before are about, as for a pronoun.
  if (OFFICES.has(head.lower)) return topicBefore(st, d, head.lower);
  // "the second official said", "the other source": a further source no one was named as is a new unnamed source, not the last person named.
  if (SOURCE_NOUNS.has(head.lower) && ctx.tokens.slice(d + 1, h).some((t) => FURTHER.has(t.lower))) {
    const r = ctx.newSource(text, d, h + 1);
    st.sources.push({ head: head.lower.replace(/s$/, ''), r });
    return r;
  }
  if (st.lastNamed) return st.lastNamed.r;
  const first = mostMentioned(st, head.start);
  if (first) return first;
  // A lede naming its subject by role before naming him: "The leader of al-Shabaab has praised …
  // In it, a voice identified as that of Ahmad Umar …": the person named next.
  const next = namedNext(st, h, 3);
  if (next) return next;
  if (SOURCE_NOUNS.has(head.lower)) {
    const r = ctx.newSource(text, d, h + 1);
    st.sources.push({ head: head.lower.replace(/s$/, ''), r });
    return r;
  }
  return null;
}

/** Words that make a description another source than the ones before ("the second official"). */
const FURTHER = new Set(['second', 'third', 'fourth', 'other', 'another', 'second-ranking', 'separate']);

/** Offices a description may name a titled person by, which are no role word of their own ("the senator said"). */
const OFFICES = new Set(['senator', 'congressman', 'congresswoman', 'lawmaker', 'candidate', 'nominee', 'front-runner', 'frontrunner', 'hopeful', 'contender', 'incumbent', 'challenger', 'billionaire', 'businessman', 'businesswoman', 'mogul']);
/** Words of {@link OFFICES} that tell the gender of the one they describe. */
const OFFICE_GENDER = new Map<string, Gender>([['congressman', 'm'], ['businessman', 'm'], ['congresswoman', 'f'], ['businesswoman', 'f']]);
/** Sentences back a description may reach for the person it stands for. */
const DESCRIPTION_REACH = 2;

/**
 * The person a description opening at token d stands for when no one was named with its words:
 * the first person named earlier in its sentence, else in the nearest sentence before (up to
 * {@link DESCRIPTION_REACH} back), of the gender the word tells if it tells one; null when none.
 */
function topicBefore(st: AttributionState, d: number, word: string): Referent | null {
  const ctx = st.ctx;
  const wanted = OFFICE_GENDER.get(word);
  const fits = (key: string): boolean => !wanted || (genderOf(st, key) ?? wanted) === wanted;
  const sentence = ctx.sentenceOf[d];
  for (let s = sentence; s >= Math.max(0, sentence - DESCRIPTION_REACH); s--) {
    const [a, b] = ctx.sentenceTokens[s];
    const first = firstPerson(st, a, Math.min(b, d), fits);
    if (first) return first;
  }
  return null;
}

/** The role words a title before a name stands for: "Sen. X" is the senator, "Rep. X" the congressman. */
const TITLE_ROLES = new Map<string, readonly string[]>([
  ['sen.', ['senator', 'lawmaker']],
  ['senator', ['senator', 'lawmaker']],
  ['rep.', ['congressman', 'congresswoman', 'representative', 'lawmaker']],
  ['representative', ['congressman', 'congresswoman', 'representative', 'lawmaker']],
  ['congressman', ['congressman', 'representative', 'lawmaker']],
  ['congresswoman', ['congresswoman', 'representative', 'lawmaker']],
  ['gov.', ['governor']],
  ['pres.', ['president']],
  ['gen.', ['general']],
  ['col.', ['colonel']],
  ['capt.', ['captain']],
  ['lt.', ['lieutenant']],
  ['sgt.', ['sergeant']],
  ['adm.', ['admiral']],
  ['amb.', ['ambassador']],
  ['prof.', ['professor']],
  ['dr.', ['doctor']],
]);

/**
 * Whether the person named over tokens [t0, t1) bears a title standing for `role`: written inside
 * the mention or right before it ("Judge Ann Price", "Gov. Mary Oakes", "Ohio Sen. Paul Verne").
 */
function titledAs(st: AttributionState, t0: number, t1: number, role: string): boolean {
  const toks = st.ctx.tokens;
  let from = t0;
  while (from > 0 && from > t0 - 3 && !gapHas(st, from - 1, GAP.comma | GAP.semicolon | GAP.colon | GAP.period | GAP.openParen) && toks[from - 1].cap) from--;
  for (let k = from; k < t1 - 1; k++) {
    const w = toks[k].lower;
    if (w === role ? ROLES.has(w) || OFFICES.has(w) : TITLE_ROLES.get(w)?.includes(role)) return true;
  }
  return false;
}

/**
 * "The army said in a statement that … “…,” the statement said": a definite recording noun whose
 * noun was written in the previous sentences, in a sentence whose speech verb was credited, is
 * that speaker's (null when the speaker was not a named person or organisation); undefined when
 * there is no such earlier mention.
 */
function earlierRecording(st: AttributionState, h: number): Referent | null | undefined {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  const sentence = ctx.sentenceOf[h];
  const word = toks[h].lower;
  for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
    const [a, b] = ctx.sentenceTokens[s];
    let has = false;
    for (let t = a; t < b; t++) if (!st.inQuote[t] && toks[t].lower === word) has = true;
    if (!has) continue;
    for (let t = a; t < b; t++) if (st.verbSubject.has(t)) return st.verbSubject.get(t) ?? null;
    // "In a statement on Tuesday, army spokesman X dismissed the footage": the person issuing it.
    for (let t = a; t < b; t++) {
      const m = ctx.mentionAt(t);
      if (m?.kind === 'person' && m.key && !st.inQuote[t]) return { key: m.key, kind: 'person' };
    }
    return undefined;
  }
  return undefined;
}

/** "The tape says": the person the recording belongs to, i.e. the document's main speaker so far (or, before any, the person named next). */
function recordingOwner(st: AttributionState, h: number): Referent | null {
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of st.speechCount) if (c > n && st.ctx.persons.has(k)) [best, n] = [k, c];
  if (best) return { key: best, kind: 'person' };
  const before = mostMentioned(st, st.ctx.tokens[h].start);
  if (before) return before;
  // A recording that opens the story, its voice identified in what follows: "… the voice on the recording says. Officers believe the speaker is X."
  const ctx = st.ctx;
  const sentence = ctx.sentenceOf[h];
  const last = ctx.sentenceTokens[Math.min(ctx.sentenceTokens.length - 1, sentence + 2)][1];
  for (let t = h + 1; t < last; t++) {
    const m = ctx.mentionAt(t);
    if (m?.kind === 'person' && m.key && !st.inQuote[t]) return { key: m.key, kind: 'person' };
  }
  return null;
}

/** The organisation named in this or the two sentences before whose name holds the head word at h. */
function namedOrganization(st: AttributionState, h: number): Referent | null {
  const ctx = st.ctx;
  const word = ctx.tokens[h].lower;
  const from = ctx.sentenceTokens[Math.max(0, ctx.sentenceOf[h] - 2)][0];
  for (let i = ctx.orgs.length - 1; i >= 0; i--) {
    const o = ctx.orgs[i];
    if (o.t0 === undefined || o.t1 === undefined || o.t1 > h || o.t0 < from) continue;
    for (let t = o.t0; t < o.t1; t++) if (ctx.tokens[t].lower === word && ctx.tokens[t].cap) return orgAt(st, o.t0, o.t0);
  }
  return null;
}

/** Paragraphs (headline and dateline included) a lede may take before it names its subject. */
const LEDE_PARAGRAPHS = 3;

/**
 * The person named first in the paragraph after the one of token d, when that paragraph opens
 * with the name and no person is named before d (but in the headline): the subject a lede
 * described before naming.
 */
function namedInNextParagraph(st: AttributionState, d: number): Referent | null {
  const ctx = st.ctx;
  const p = ctx.paragraphOfSentence[ctx.sentenceOf[d]];
  if (p >= LEDE_PARAGRAPHS) return null;
  for (const c of ctx.candidates) {
    if (c.start >= ctx.tokens[d].start) break;
    if (c.kind === 'person' && !inHeadline(ctx, c.t0)) return null;
  }
  for (let s = ctx.sentenceOf[d] + 1; s < ctx.sentenceTokens.length; s++) {
    if (ctx.paragraphOfSentence[s] === p) continue;
    if (ctx.paragraphOfSentence[s] !== p + 1) return null;
    const t = ctx.sentenceTokens[s][0];
    const m = ctx.mentionAt(t);
    return m?.kind === 'person' && m.key && m.t0 === t && !st.inQuote[t] ? { key: m.key, kind: 'person' } : null;
  }
  return null;
}

/** Sentences a headline's pronoun or role may reach into the story for the person it stands for. */
const HEADLINE_REACH = 4;

/** Whether token k is in the document's first paragraph of one sentence: its headline. */
function inHeadline(ctx: AttributionState['ctx'], k: number): boolean {
  const s = ctx.sentenceOf[k];
  return ctx.paragraphOfSentence[s] === 0 && (ctx.sentenceTokens.length === s + 1 || ctx.paragraphOfSentence[s + 1] !== 0);
}

/**
 * The first person the story names after the headline holding token k, outside quotations, within
 * {@link HEADLINE_REACH} sentences, whom `fits` accepts. Not one named in the headline itself: a
 * pronoun does not stand for a person of its own clause ("He accused Tomas Brandt of …").
 */
function namedLater(st: AttributionState, k: number, fits: (key: string) => boolean): Referent | null {
  const ctx = st.ctx;
  const sentence = ctx.sentenceOf[k];
  if (sentence + 1 >= ctx.sentenceTokens.length) return null;
  const end = ctx.sentenceTokens[Math.min(ctx.sentenceTokens.length - 1, sentence + HEADLINE_REACH)][1];
  for (let t = ctx.sentenceTokens[sentence + 1][0]; t < end; t++) {
    const m = ctx.mentionAt(t);
    if (m?.kind === 'person' && m.key && !st.inQuote[t] && fits(m.key)) return { key: m.key, kind: 'person' };
  }
  return null;
}

/** The first person named after token h, outside quotations, within the next `reach` sentences. */
function namedNext(st: AttributionState, h: number, reach: number): Referent | null {
  const ctx = st.ctx;
  const lastSentence = Math.min(ctx.sentenceTokens.length - 1, ctx.sentenceOf[h] + reach);
  const end = ctx.sentenceTokens[lastSentence][1];
  for (let t = h + 1; t < end; t++) {
    const m = ctx.mentionAt(t);
    if (m?.kind === 'person' && m.key && !st.inQuote[t]) return { key: m.key, kind: 'person' };
  }
  return null;
}

function mostMentioned(st: AttributionState, before: number): Referent | null {
  const counts = new Map<string, number>();
  for (const c of st.ctx.candidates) if (c.kind === 'person' && c.key && c.start < before) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best ? { key: best, kind: 'person' } : null;
}

/**
 * "he"/"she": the first person named earlier in the same sentence, else the first person named in
 * the nearest sentence before, else the speaker credited last.
 */
export function resolvePronoun(st: AttributionState, k: number): Referent | null {
  const ctx = st.ctx;
  const sentence = ctx.sentenceOf[k];
  const [s0] = ctx.sentenceTokens[sentence];
  // A person whose gender is known and is not the pronoun's is never its referent ("Clinton … he").
  const wanted = pronounGender(ctx.tokens[k].lower);
  const fits = (key: string): boolean => !wanted || (genderOf(st, key) ?? wanted) === wanted;
  const last = st.last;
  // "The judge asked Okafor why … “…,” he answered": who answers is the one asked.
  const asked = ANSWERING.has(ctx.tokens[k + 1]?.lower ?? '') || ANSWERING.has(ctx.tokens[k - 1]?.lower ?? '') ? askedBefore(st, k) : null;
  if (asked && fits(asked.key)) return asked;
  const same = firstPerson(st, s0, k, fits);
  if (same) return same;
  // The first person named in the nearest sentence before: usually that sentence's subject.
  for (let s = sentence - 1; s >= Math.max(0, sentence - PRONOUN_REACH); s--) {
    const [a, b] = ctx.sentenceTokens[s];
    // "He made no mention of X. He did praise …": a sentence opened by the same pronoun continues its referent.
    // Only an earlier token: a sentence without words (a lone quotation mark) starts at the next one, maybe k itself.
    if (a < b && a < k && ctx.tokens[a].lower === ctx.tokens[k].lower && !st.inQuote[a]) return resolvePronoun(st, a);
    const first = firstPerson(st, a, Math.min(b, k), fits);
    if (first) return first;
    if (last && last.sentence === s && (last.r.kind !== 'person' || fits(last.r.key))) return last.r;
  }
  if (last) return last.r.kind !== 'person' || fits(last.r.key) ? last.r : null;
  // A headline's pronoun, before anyone is named: the person the story names first ("She says “…”").
  return inHeadline(ctx, k) ? namedLater(st, k, fits) : null;
}

/**
 * The first person named in tokens [a, b), outside quotations, whom `fits` accepts; a possessor
 * ("Haddad's barrister") only when no other person is named there, as it is not the subject.
 */
function firstPerson(st: AttributionState, a: number, b: number, fits: (key: string) => boolean): Referent | null {
  const ctx = st.ctx;
  let possessor: Referent | null = null;
  for (let t = a; t < b; t++) {
    const m = ctx.mentionAt(t);
    if (m?.kind !== 'person' || !m.key || st.inQuote[t] || !fits(m.key)) continue;
    if (!isPossessor(st, m.end)) return { key: m.key, kind: 'person' };
    possessor ??= { key: m.key, kind: 'person' };
    t = m.t1 - 1;
  }
  return possessor;
}

/** Verbs of answering: their subject is the one asked before. */
const ANSWERING = new Set(['answered', 'answers', 'replied', 'replies', 'responded', 'responds', 'retorted']);

/** The person last named as the object of a verb of asking, in the sentence of token k before it or the two sentences before. */
function askedBefore(st: AttributionState, k: number): Referent | null {
  const ctx = st.ctx;
  const from = ctx.sentenceTokens[Math.max(0, ctx.sentenceOf[k] - 2)][0];
  for (let t = k - 2; t >= from; t--) {
    if (st.inQuote[t] || !ASKING_VERBS.has(ctx.tokens[t].lower)) continue;
    const m = ctx.mentionAt(t + 1);
    return m?.kind === 'person' && m.key ? { key: m.key, kind: 'person' } : null;
  }
  return null;
}

/**
 * The speaker local to the document that a body named by a description ("the ministry") or a
 * country ("Iraq said") stands for: one per wording, the place staying a place.
 */
export function localSpeaker(st: AttributionState, name: string, t0: number, t1: number): Referent {
  const key = name.toLowerCase().replace(/^(?:the|this|that)\s+/, '');
  let r = st.bodies.get(key);
  if (!r) {
    st.bodies.set(key, (r = st.ctx.newSource(name, t0, t1)));
    st.bodyKeys.add(r.key);
  }
  return r;
}

/** The gender of person `key`, worked out once per document. */
export function genderOf(st: AttributionState, key: string): Gender | undefined {
  let g = st.genders.get(key);
  if (g === undefined) st.genders.set(key, (g = personGender(st.ctx, key) ?? null));
  return g ?? undefined;
}
