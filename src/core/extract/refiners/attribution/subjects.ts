import type { Referent } from '../../context';
import { AUXILIARIES, DEFINITE, INDEFINITE, ORG_HEADS, PASSIVE, POSTNOMINALS, RECORDING_VERBS, ROLES, SOURCE_NOUNS } from '../../lexicon';
import { isAccordingTo, isParticiple, isSpeechVerb } from '../../speech';
import { GAP, gapHas, isPossessor, type AttributionState } from './AttributionState';
import { description, localSpeaker, NAMING, OTHER_PRONOUNS, referentAt, resolvePronoun } from './coreference';
import { orgAt } from './organizations';

/*
 * Subjects of speech verbs: who "said", "told", "according to" credit, read from the clause around
 * the verb — a name, a pronoun or description (resolved in ./coreference), an organisation, or none.
 */

const NP_STOPS = new Set(['in', 'at', 'of', 'for', 'on', 'to', 'with', 'from', 'by', 'who', 'that', 'which', 'and', 'but', 'told', 'via']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'of', 'for', 'from', 'by', 'with', 'to', 'into', 'during', 'after', 'before', 'since', 'about', 'through', 'via', 'under', 'over']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'then']);
/** Words opening a new clause after a comma ("…, and the commander said"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'as', 'because', 'although', 'though', 'so', 'yet']);
/** Words opening an introductory clause ("When asked, …", "After the raid, …"). */
const SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'since', 'as', 'although', 'though', 'because', 'if', 'once', 'despite', 'like', 'unlike', 'asked']);
/** Prepositions that attach a complement to a role noun ("the leader of …", "a spokesman for …"). */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from']);
/** Who speaks for a country or a body at a meeting ("the delegate of the European Union said"), besides the role words. */
const DELEGATES = new Set(['delegate', 'delegation', 'delegates']);
/** Small words inside the names of bodies ("Office for the Protection of the Constitution"). */
const NAME_LINKS = new Set(['of', 'for', 'the', 'and', 'on', 'in']);

/** Nouns and adjectives ending in "-ly" that may stand right before a verb ("the family said", "the weekly said"). */
const LY_NOUNS = new Set(['family', 'assembly', 'supply', 'anomaly', 'monopoly', 'homily', 'weekly', 'monthly', 'quarterly', 'biweekly', 'butterfly']);

/** Whether a word is an adverb of manner between a subject and its verb ("she angrily said", "he initially told"). */
function isMannerAdverb(word: string): boolean {
  return word.length >= 6 && word.endsWith('ly') && word.charCodeAt(0) >= 97 && word.charCodeAt(0) <= 122 && !LY_NOUNS.has(word);
}

/** The subject of the speech verb at i. */
export function subjectOf(st: AttributionState, i: number, afterQuote = false): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  const sentence = ctx.sentenceOf[i];
  const [s0, s1] = ctx.sentenceTokens[sentence];
  if (isAccordingTo(ctx, i)) return rightOf(st, i + 2, Math.min(s1, i + 10));
  // Inverted after a quotation: "…,” said X".
  const gapBefore = i > 0 ? ctx.gap(i - 1) : '';
  if (afterQuote && /["\u201d]\s*[,]?\s*$|^[,]?["\u201d]/.test(gapBefore)) {
    const r = rightOf(st, i + 1, Math.min(s1, i + 10));
    if (r) return r;
  }
  // Inverted after a comma in reported speech: "The two will meet next week, said Tom Hale(, a pollster)."
  if (!afterQuote && i > s0 && gapHas(st, i - 1, GAP.comma)) {
    const m = ctx.mentionAt(i + 1);
    if (m?.kind === 'person' && m.key && m.t0 === i + 1 && (m.t1 >= s1 || gapHas(st, m.t1 - 1, GAP.comma | GAP.period))) return { key: m.key, kind: 'person' };
  }
  // "he was told", "is said to": passive, no speaker.
  if (PASSIVE.has(toks[i - 1]?.lower ?? '') && /^(?:told|asked|said|urged|warned|ordered|instructed|reminded|called|accused|described|charged|alleged|briefed|informed|criticised|criticized|blamed|thanked|addressed|expressed|voiced)$/.test(toks[i].lower)) return null;
  let j = i - 1;
  while (j >= s0 && (AUXILIARIES.has(toks[j].lower) || isMannerAdverb(toks[j].text)) && !gapHas(st, j, GAP.comma | GAP.semicolon | GAP.colon)) j--;
  if (j < s0) return null;
  // "Alison Morgan KC asked": the letters after a person's name are hers, the subject is the person.
  if (j > s0 && POSTNOMINALS.has(toks[j].text) && ctx.joined(j - 1) && ctx.mentionAt(j - 1)?.kind === 'person') j--;
  // "It said …" right after an organisation was credited with speech: the organisation.
  if (toks[j].lower === 'it' && j === s0 && st.last?.r.kind === 'org' && sentence - st.last.sentence <= 2) return st.last.r;
  // "Buhari, who has claimed …": the relative pronoun's antecedent.
  if (toks[j].lower === 'who' && !st.inQuote[j]) return antecedent(st, j, s0);
  if (CONJUNCTIONS.has(toks[j].lower)) {
    // "Trump, who announced the raid and said …": a verb coordinated inside a relative clause.
    const w = openRelative(st, s0, j);
    if (w >= 0) return antecedent(st, w, s0);
    // "X had urged … and called on …": the subject of the speech verb it is coordinated with.
    for (let k = j - 1; k >= s0; k--) {
      if (st.inQuote[k]) continue;
      if (gapHas(st, k, GAP.semicolon | GAP.colon)) break;
      const r = st.verbSubject.get(k);
      if (r) return r;
    }
  }
  if (isParticiple(ctx, i)) return withSubject(st, s0, i) ?? speakerOfClauseBefore(st, s0, i) ?? clauseSubject(st, s0, i);
  if (CONJUNCTIONS.has(toks[j].lower)) return clauseSubject(st, s0, i);
  // "A Western diplomat in Nairobi, who declined to be identified, told …", "An official who could not be named called …".
  const opening = openingSubject(st, s0, j);
  if (opening) return opening;
  if (/,\s*$/.test(ctx.gap(j)) || /["\u201d]/.test(ctx.gap(j))) {
    // "X, the caliph of the Islamic State, has warned": the name before the apposition.
    for (let k = j; k >= s0; k--) {
      if (st.inQuote[k]) break;
      const r = referentAt(st, k);
      if (r) return r;
    }
    // No person before the apposition: the clause may open with an organisation's name.
    for (let k = s0; k < j; k++) {
      if (st.inQuote[k]) continue;
      if (gapHas(st, k, GAP.comma)) return orgAt(st, k, s0);
    }
    return null;
  }
  // "Dries G. of the far-right Vlaams Belang demanded": the person before the complement, even when the complement's name was taken for a person's.
  return roleOfComplement(st, s0, j) ?? personBeforeComplement(st, s0, j) ?? referentAt(st, j) ?? placeSpeaker(st, j) ?? description(st, j, s0) ?? orgAt(st, j, s0) ?? headWithComplement(st, s0, j);
}

/** "Iraq said", "…,” Washington said": a place as a speaker is a speaker local to the document; the mention stays a place. */
function placeSpeaker(st: AttributionState, k: number): Referent | null {
  const m = st.ctx.mentionAt(k);
  if (m?.kind !== 'place' || st.inQuote[k]) return null;
  return localSpeaker(st, st.ctx.text.slice(m.start, m.end), m.t0, m.t1);
}

/**
 * "the President of the Assembly said", "the representative of Syria said": a role of a body, a
 * country or a person, the verb after the name it takes; the subject is the person described (an
 * unnamed source), not the name ending at j.
 */
function roleOfComplement(st: AttributionState, s0: number, j: number): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  if (!toks[j].cap) return null;
  // Back over the name: capitalised words and the small words inside names ("of the", "for").
  let h = -1;
  for (let k = j - 1; k > s0 && k >= j - 12; k--) {
    if (st.inQuote[k] || gapHas(st, k, GAP.comma | GAP.semicolon | GAP.colon | GAP.period)) return null;
    const w = toks[k].lower;
    if (w === 'of' && ctx.joined(k - 1) && (ROLES.has(toks[k - 1].lower) || SOURCE_NOUNS.has(toks[k - 1].lower) || DELEGATES.has(toks[k - 1].lower)) && !ctx.mentionAt(k - 1)) {
      h = k - 1;
      break;
    }
    if (!toks[k].cap && !NAME_LINKS.has(w)) return null;
  }
  if (h < 0) return null;
  // "Secretary of State John Kerry said": a person's full name there is the subject, as before.
  const m = ctx.mentionAt(j);
  if (m?.kind === 'person' && m.t1 - m.t0 > 1) return null;
  // A person the text gave this role before ("Ann Price, the head of the mission, … the head of
  // the mission said"); else a person described, new to the text.
  const role = toks[h].lower;
  let known: string | undefined;
  for (const c of ctx.candidates) {
    if (c.start >= toks[h].start) break;
    if (c.kind === 'person' && c.key && ctx.persons.get(c.key)?.roles.has(role)) known = c.key;
  }
  if (known) return { key: known, kind: 'person' };
  const d = h > s0 && DEFINITE.has(toks[h - 1].lower) ? h - 1 : h;
  // Named without a bracketed acronym after the name.
  let e = h;
  while (e < j && !ctx.gap(e).includes('(')) e++;
  return localSpeaker(st, ctx.text.slice(toks[d].start, toks[e].end), d, e + 1);
}

/**
 * "Gov. Mike Pence of Indiana said", "Sen. Ted Cruz (R-Texas) said": a name followed by the place or
 * body it belongs to, the verb after both; the subject is the person, not the complement ending at j.
 */
function personBeforeComplement(st: AttributionState, s0: number, j: number): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  // A bracketed party and state, or any short aside in brackets, right before the verb.
  if (ctx.gap(j).includes(')')) {
    for (let k = j; k > s0 && k > j - 6; k--) {
      if (ctx.gap(k - 1).includes('(')) return ctx.mentionAt(k - 1)?.kind === 'person' ? referentAt(st, k - 1) : personBeforeName(st, s0, k - 1);
      if (/[)(]/.test(ctx.gap(k - 1))) return null;
    }
    return null;
  }
  // "of Indiana", "of the Army Corps of Engineers": a name (or a place or organisation) after a preposition after the person.
  let a = j;
  // "of the Counter Terrorism Policing unit": a body's name and a common noun of its parts after it.
  const org = ctx.orgs.find((o) => o.t0 <= j && j < o.t1) ?? (!toks[j].cap && j > s0 && ctx.joined(j - 1) && ORG_HEADS.has(toks[j].lower) ? ctx.orgs.find((o) => o.t1 === j) : undefined);
  const m = ctx.mentionAt(j);
  if (org) a = org.t0;
  else if (m) a = m.t0;
  else {
    if (!toks[j].cap) return null;
    while (a > s0 && a > j - 4 && toks[a - 1].cap && ctx.joined(a - 1)) a--;
  }
  // "of the far-right …", "of the Flemish nationalist …": words in lower case between the article and the name.
  let b = a;
  while (b > s0 && b > a - 4 && !toks[b - 1].cap && !toks[b - 1].num && !DEFINITE.has(toks[b - 1].lower) && !COMPLEMENT_PREPOSITIONS.has(toks[b - 1].lower) && (ctx.joined(b - 1) || ctx.gap(b - 1) === '-')) b--;
  if (b < a && b > s0 && DEFINITE.has(toks[b - 1].lower)) a = b;
  if (a > s0 && DEFINITE.has(toks[a - 1].lower)) a--;
  const p = a - 1;
  if (p <= s0 || !COMPLEMENT_PREPOSITIONS.has(toks[p].lower) || !ctx.joined(p - 1) || !ctx.joined(p)) return null;
  const who = ctx.mentionAt(p - 1);
  if (who?.kind === 'person' && who.key) return { key: who.key, kind: 'person' };
  if (who) return null;
  // "the Federal Ministry of the Interior said": one body's name, written over "of the".
  const body = ctx.orgs.find((o) => o.t0 <= p - 1 && p - 1 < o.t1);
  if (body) return body.t1 === p ? orgAt(st, p - 1, s0) : null;
  // "the U.S. Attorney's Office for the District of Minnesota said": a body named before a longer complement.
  for (let k = p - 1; k > s0 && k >= p - 8; k--) {
    if (st.inQuote[k] || !ctx.joined(k - 1)) return null;
    const w = toks[k].lower;
    if (COMPLEMENT_PREPOSITIONS.has(w)) {
      const owner = ctx.orgs.find((o) => o.t1 === k && !o.credit);
      if (owner && !ctx.mentionAt(k - 1)) return orgAt(st, k - 1, s0);
    }
    if (!toks[k].cap && !NAME_LINKS.has(w)) return null;
  }
  return null;
}

/**
 * "Jörg Kessler of the Alternative for Germany (AfD) called …": a person, then "of" or "from" and a
 * body's name ending at token j (its capitalised words and the small words inside it); the person.
 */
function personBeforeName(st: AttributionState, s0: number, j: number): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  if (!toks[j].cap) return null;
  for (let k = j - 1; k > s0 && k >= j - 10; k--) {
    if (st.inQuote[k] || !ctx.joined(k)) return null;
    const w = toks[k].lower;
    if ((w === 'of' || w === 'from') && ctx.joined(k - 1)) {
      const who = ctx.mentionAt(k - 1);
      if (who?.kind === 'person' && who.key) return { key: who.key, kind: 'person' };
    }
    if (!toks[k].cap && !NAME_LINKS.has(w)) return null;
  }
  return null;
}

/** "The chief spokesman of the Islamic State group has called …": a description whose head takes a complement. */
function headWithComplement(st: AttributionState, s0: number, j: number): Referent | null {
  const toks = st.ctx.tokens;
  const { segments, si } = clauseSegments(st, s0, j);
  // The subject phrase runs up to the verb: no apposition or clause stands between.
  if (si !== segments.length - 1) return null;
  const a = segments[si][0];
  if (a >= j || !(DEFINITE.has(toks[a].lower) || INDEFINITE.has(toks[a].lower))) return null;
  const h = npHead(st, a, j);
  if (h >= j || !COMPLEMENT_PREPOSITIONS.has(toks[h + 1]?.lower ?? '')) return null;
  return description(st, h, a);
}

/** The nearest relative "who" before token j whose clause is still open at j (no comma since), or -1. */
function openRelative(st: AttributionState, s0: number, j: number): number {
  const ctx = st.ctx;
  for (let k = j - 1; k >= s0; k--) {
    if (st.inQuote[k] || gapHas(st, k, GAP.comma | GAP.semicolon | GAP.colon)) return -1;
    if (ctx.tokens[k].lower === 'who') return k;
  }
  return -1;
}

/** What the relative pronoun at w refers to: the name or description right before it. */
function antecedent(st: AttributionState, w: number, s0: number): Referent | null {
  const k = w - 1;
  if (k < s0) return null;
  const m = st.ctx.mentionAt(k);
  if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
  if (m) return null;
  return description(st, k, s0);
}

/**
 * The clause ending at token j (after the last quotation, semicolon or ", and"), split at commas,
 * with the index of its first segment that is not an introductory phrase: the subject phrase.
 */
function clauseSegments(st: AttributionState, s0: number, j: number): { segments: Array<[number, number]>; si: number } {
  const ctx = st.ctx;
  let cs = s0;
  // A dateline opening the sentence ("PARIS (Wire) - 14/11/2023 - A man …"): capitalised words and numbers up to a spaced dash.
  let dateline = true;
  for (let k = s0; k <= j; k++) {
    if (dateline && k > s0 && /\s[-–—]\s/.test(ctx.gap(k - 1))) cs = k;
    dateline &&= ctx.tokens[k].cap || ctx.tokens[k].num;
    if (st.inQuote[k]) cs = k + 1;
    else if (k > s0 && gapHas(st, k - 1, GAP.semicolon)) cs = k;
    else if (k > s0 && gapHas(st, k - 1, GAP.comma) && CLAUSE_OPENERS.has(ctx.tokens[k].lower)) cs = k + 1;
  }
  const segments: Array<[number, number]> = [];
  let a = Math.min(cs, j);
  for (let k = a; k <= j; k++) {
    if (k === j || gapHas(st, k, GAP.comma | GAP.openParen)) {
      segments.push([a, k + 1]);
      a = k + 1;
    }
  }
  let si = 0;
  while (si < segments.length - 1 && introductory(st, segments[si][0], segments[si][1])) si++;
  return { segments, si };
}

/**
 * The subject phrase that opens the clause of the verb after token j, when an apposition or a
 * relative clause stands between them: "A senior member of the council, reached by telephone,
 * told …", "The spokesman, Abu X, said …", "An official who could not be named called …".
 * Introductory phrases ("In a statement on Tuesday,", "Speaking from Raqqa,") are skipped.
 * Undefined when the clause has no such shape.
 */
function openingSubject(st: AttributionState, s0: number, j: number): Referent | null | undefined {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  const { segments, si } = clauseSegments(st, s0, j);
  const a0 = segments[si][0];
  let a1 = segments[si][1];
  // A relative clause without commas ends the subject phrase: "An official who could not be named".
  let relative = false;
  for (let k = a1 - 1; k > a0; k--) {
    if (toks[k].lower === 'who' || toks[k].lower === 'whose') [a1, relative] = [k, true];
  }
  // Either the verb follows a comma (an apposition or relative clause closed before it) or the
  // subject phrase carries its own relative clause.
  if (!relative && !(segments.length >= 2 && si < segments.length - 1 && /,\s*$/.test(ctx.gap(j)))) return undefined;
  if (a1 <= a0) return undefined;
  for (let k = a0; k < a1; k++) {
    const m = ctx.mentionAt(k);
    // "Brazile's CNN colleague, Jake Tapper, said": a possessor is not the subject.
    if (m?.kind === 'person' && /^['’]s?\s*$/.test(ctx.gap(m.t1 - 1))) {
      k = m.t1 - 1;
      continue;
    }
    if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
    if (m && m.kind !== 'org' && k === a0) return undefined;
  }
  if (toks[a0].lower === 'he' || toks[a0].lower === 'she') return a1 === a0 + 1 ? resolvePronoun(st, a0) : undefined;
  const det = toks[a0].lower;
  if (!DEFINITE.has(det) && !INDEFINITE.has(det) && !/['’]s\s*$/.test(ctx.gap(a0))) return undefined;
  // "The group's spokesman, Abu X, said": a name standing as the apposition wins over the description.
  const next = segments[si + 1];
  if (next && next[1] > next[0]) {
    // The name may follow a multi-word rank left outside it ("Lt. Col. Ann Price").
    for (let k = next[0]; k < next[1] && k < next[0] + 4; k++) {
      const m = ctx.mentionAt(k);
      if (m?.kind === 'person' && m.key && ctx.tokenAt(m.end) >= next[1] - 1) return { key: m.key, kind: 'person' };
      if (m) break;
    }
  }
  const h = npHead(st, a0, a1);
  if (h >= a1) return undefined;
  return description(st, h, a0) ?? undefined;
}

/** Whether tokens [a, b) are an introductory phrase: a prepositional, adverbial, participial or date phrase. */
function introductory(st: AttributionState, a: number, b: number): boolean {
  const ctx = st.ctx;
  const t = ctx.tokens[a];
  const first = ctx.mentionAt(a);
  if (first && first.kind !== 'date') return false;
  if (PREPOSITIONS.has(t.lower) || SUBORDINATORS.has(t.lower) || AUXILIARIES.has(t.lower)) return true;
  if (/^[a-z]+(?:ing|ed)$/.test(t.lower)) return true;
  for (let k = a; k < b; k++) {
    const m = ctx.mentionAt(k);
    if (!m || m.kind !== 'date') return false;
  }
  return true;
}

/** The subject after an inverted verb or "according to": the first name, pronoun or description. */
export function rightOf(st: AttributionState, from: number, to: number): Referent | null {
  const toks = st.ctx.tokens;
  // A name in the window wins over the descriptions around it ("a tweet by Hassan Hassan"); a
  // possessor only when no one else is named ("said Clinton's top aide Jake Sullivan").
  let possessor: Referent | null = null;
  for (let k = from; k < Math.min(to, toks.length) && !st.inQuote[k]; k++) {
    const m = st.ctx.mentionAt(k);
    if (m?.kind === 'person' && m.key) {
      if (!isPossessor(st, m.end)) return { key: m.key, kind: 'person' };
      possessor ??= { key: m.key, kind: 'person' };
      k = m.t1 - 1;
    }
    if (gapHas(st, k, GAP.period | GAP.semicolon | GAP.colon | GAP.comma) && k > from) break;
  }
  if (possessor) return possessor;
  for (let k = from; k < Math.min(to, toks.length); k++) {
    if (st.inQuote[k]) return null;
    const r = referentAt(st, k) ?? placeSpeaker(st, k);
    if (r) return r;
    // "…,” wrote The Post": a named organisation.
    const o = st.ctx.orgs.find((c) => c.t0 === k || (c.t0 === k + 1 && DEFINITE.has(toks[k].lower)));
    if (o) return orgAt(st, o.t0, o.t0);
    if (OTHER_PRONOUNS.has(toks[k].lower) && k === from) return null;
    if (DEFINITE.has(toks[k].lower) || INDEFINITE.has(toks[k].lower)) {
      const d = description(st, npHead(st, k, to), k);
      if (d) return d;
    }
    if (gapHas(st, k, GAP.period | GAP.semicolon | GAP.colon)) return null;
  }
  return null;
}

/**
 * "X and Y will meet next week, Hale said, adding …", "…, said Hale, adding": a participle after a
 * comma that closes a clause whose speech verb is credited to a person has that person as subject; undefined otherwise.
 */
function speakerOfClauseBefore(st: AttributionState, s0: number, i: number): Referent | undefined {
  if (i - 1 <= s0 || !gapHas(st, i - 1, GAP.comma)) return undefined;
  for (let k = i - 1; k >= s0; k--) {
    if (st.inQuote[k] || (k < i - 1 && gapHas(st, k, GAP.comma | GAP.semicolon | GAP.colon))) return undefined;
    const r = st.verbSubject.get(k);
    if (r) return r.kind === 'person' ? r : undefined;
  }
  return undefined;
}

/**
 * "with the Federation of Teachers calling her “…”", "with Sen. X telling reporters": a participle
 * after "with" and a name has that name as its subject (a person or an organisation); undefined otherwise.
 */
function withSubject(st: AttributionState, s0: number, i: number): Referent | undefined {
  const ctx = st.ctx;
  const k = i - 1;
  if (k <= s0 || !ctx.joined(k)) return undefined;
  const m = ctx.mentionAt(k);
  const person = m?.kind === 'person' && m.key ? m : undefined;
  const org = person ? undefined : ctx.orgs.find((o) => o.t1 === i && !o.event);
  const t0 = person ? person.t0 : org?.t0;
  if (t0 === undefined || t0 <= s0) return undefined;
  const w = DEFINITE.has(ctx.tokens[t0 - 1].lower) ? t0 - 2 : t0 - 1;
  if (w < s0 || ctx.tokens[w].lower !== 'with') return undefined;
  if (person?.key) return { key: person.key, kind: 'person' };
  return orgAt(st, t0, s0) ?? undefined;
}

/** The first subject of the sentence before token i: for participles and coordinated verbs. */
function clauseSubject(st: AttributionState, s0: number, i: number): Referent | null {
  const ctx = st.ctx;
  const toks = ctx.tokens;
  // "Baumann's deputy, Rep. Tomás Ruiz, voted no, warning …": a possessor is not the subject, unless no one else is named.
  let possessor: Referent | null = null;
  for (let k = s0; k < i; k++) {
    if (st.inQuote[k]) continue;
    const r = referentAt(st, k);
    if (r) {
      const m = ctx.mentionAt(k);
      if (!m || !isPossessor(st, m.end)) return r;
      possessor ??= r;
      k = m.t1 - 1;
      continue;
    }
    const t = toks[k];
    // A description opening a clause, not one inside a prepositional phrase ("In the speech, …").
    // Nor an object after a verb ("has taken a swipe at …, saying"): the phrase opens the sentence or a clause.
    if ((DEFINITE.has(t.lower) || INDEFINITE.has(t.lower)) && !PREPOSITIONS.has(toks[k - 1]?.lower ?? '') && opensClause(st, s0, k)) {
      const h = npHead(st, k, i);
      const d = description(st, h, k);
      if (d) return d;
      k = h;
    }
  }
  return possessor;
}

/** Whether token k opens its sentence (from s0) or a clause: after a comma, a semicolon, a colon or a conjunction. */
function opensClause(st: AttributionState, s0: number, k: number): boolean {
  return k === s0 || gapHas(st, k - 1, GAP.comma | GAP.semicolon | GAP.colon) || CLAUSE_OPENERS.has(st.ctx.tokens[k - 1].lower) || SUBORDINATORS.has(st.ctx.tokens[k - 1].lower);
}

/** The head noun of a phrase opened by the determiner at d: its last word before punctuation, a preposition or a verb. */
function npHead(st: AttributionState, d: number, limit: number): number {
  const toks = st.ctx.tokens;
  let h = d + 1;
  while (h + 1 < limit && st.ctx.joined(h) && !NP_STOPS.has(toks[h + 1].lower) && !isVerbish(st, h + 1) && !NAMING.has(toks[h + 1].lower) && !/^[a-z]+ing$/.test(toks[h + 1].text)) h++;
  return h;
}

function isVerbish(st: AttributionState, k: number): boolean {
  const t = st.ctx.tokens[k];
  return isSpeechVerb(st.ctx, k) || RECORDING_VERBS.has(t.lower) || AUXILIARIES.has(t.lower) || PASSIVE.has(t.lower);
}
