import type { ExtractionContext, Referent } from '../../context';
import { personGender } from '../../gender';
import { AUXILIARIES } from '../../lexicon';

/*
 * The candidate speakers of each quotation and what is known about each, as numbers a learned model
 * weighs (see ../SpeakerChoiceRefiner.ts): the rules' own answer, every person, organisation or
 * unnamed source written or credited with speech nearby, the speakers of the quotations around it.
 * Built once per document from the mentions and speech verbs; per quotation the work is over the
 * anchors of a few paragraphs, with no allocation per token.
 */

/** What a candidate speaker of one quotation is, in the order of the model's weights. */
export const CANDIDATE_FEATURES = [
  // The rules' answer, and how they reached it.
  'rule', 'ruleVerbAfter', 'ruleVerbBefore', 'ruleFollowOn', 'ruleVerbOther',
  // Where the candidate is written or credited, relative to the quotation.
  'sameSentenceBefore', 'sameSentenceAfter', 'previousSentence', 'earlierSentence', 'nextSentence', 'previousParagraph', 'olderParagraph',
  'distance', 'nearestBefore', 'secondBefore', 'nearestAfter',
  // Speech verbs credited to the candidate around the quotation.
  'speechSameSentence', 'speechPreviousSentence', 'speechNextSentence', 'speechParagraph', 'speechPreviousParagraph',
  // The speakers of the speech and quotations before and after.
  'lastSpeaker', 'previousQuote', 'previousQuoteEarlierParagraph', 'nextQuote',
  // How the candidate is written.
  'sentenceSubject', 'possessive', 'onlyInQuotations', 'colonLabel', 'objectOfSpeech',
  // A pronoun subject of the quotation's verb ("he said") and the candidate's gender.
  'genderAgrees', 'genderClashes',
  // Who the candidate is in the document.
  'person', 'organization', 'source', 'mentions', 'speeches', 'topSpeaker', 'headline', 'paragraphTopic', 'previousParagraphTopic',
  // Pairs a linear model cannot form by itself.
  'aloneAndPreviousQuote', 'aloneAndSpeechPreviousSentence', 'noRuleAndSameSentenceBefore', 'noRuleAndSentenceSubject',
] as const;

/** What a quotation is, weighed for the choice of no speaker at all. */
export const NONE_FEATURES = [
  'bias', 'noRule', 'ruleVerbNoSubject', 'alone', 'oneWord', 'fewWords', 'someWords', 'manyWords', 'capitalised', 'endsInPunctuation',
  'speechInSentence', 'titleCue', 'firstParagraph', 'titleCase', 'afterPossessive', 'markup',
] as const;

export const F = CANDIDATE_FEATURES.length;
export const G = NONE_FEATURES.length;
/** At most this many candidates per quotation (the nearest are kept). */
export const MAX_CANDIDATES = 24;

const fi = (name: (typeof CANDIDATE_FEATURES)[number]): number => CANDIDATE_FEATURES.indexOf(name);
const gi = (name: (typeof NONE_FEATURES)[number]): number => NONE_FEATURES.indexOf(name);
const X = Object.fromEntries(CANDIDATE_FEATURES.map((n) => [n, fi(n)])) as Record<(typeof CANDIDATE_FEATURES)[number], number>;
const Y = Object.fromEntries(NONE_FEATURES.map((n) => [n, gi(n)])) as Record<(typeof NONE_FEATURES)[number], number>;

/** Verbs whose object is the person spoken to ("told Fox News", "asked the senator"). */
const ADDRESSING = new Set(['told', 'tell', 'tells', 'telling', 'asked', 'asks', 'asking', 'interviewed', 'informed', 'urged', 'warned', 'reminded', 'assured', 'thanked', 'pressed', 'questioned']);

/** Words right before a quotation that make it a name or a title rather than speech. */
const TITLE_CUES = new Set(['entitled', 'titled', 'called', 'dubbed', 'so-called', 'named', 'headlined', 'nicknamed', 'labelled', 'labeled', 'slogan', 'hashtag', 'word', 'words', 'term', 'phrase', 'motto', 'banner']);

const FAR = 1e9;

const scratch = {
  x: new Float64Array(MAX_CANDIDATES * F),
  none: new Float64Array(G),
  slotId: new Int32Array(MAX_CANDIDATES),
  minBefore: new Float64Array(MAX_CANDIDATES),
  minAfter: new Float64Array(MAX_CANDIDATES),
  nearest: new Int32Array(MAX_CANDIDATES),
  plain: new Int32Array(MAX_CANDIDATES),
  quoted: new Int32Array(MAX_CANDIDATES),
};

/** Whether only spaces stand between the start of its line and offset `at`. */
function opensLine(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i--;
  return i < 0 || text.charCodeAt(i) === 10;
}

/**
 * Candidate speakers of a document's quotations, one quotation at a time: {@link forQuote} fills
 * {@link refs} (n of them), the features {@link x} (row i holds candidate i's {@link F} numbers)
 * and the quotation's {@link none} features.
 */
export class SpeakerCandidates {
  /** Referents met in the document, by a small id; and what is counted of each. */
  private readonly ids = new Map<string, number>();
  private readonly byId: Referent[] = [];
  private readonly mentionCount: number[] = [];
  private readonly speechCount: number[] = [];
  private readonly inHeadline: number[] = [];
  /** Each referent's gender: 0 not worked out yet, 1 unknown, 2 masculine, 3 feminine. */
  private readonly gender: number[] = [];
  private topSpeaker = -1;
  /** Anchors (a mention of a referent, or a speech verb credited to it), in token order. */
  private readonly aTok: Int32Array;
  private readonly aEnd: Int32Array;
  private readonly aVerb: Uint8Array;
  private readonly aId: Int32Array;
  /** Every speech verb's token, credited or not, in order. */
  private readonly verbs: Int32Array;
  private readonly inQuote: Uint8Array;
  private readonly paraFirstSentence: Int32Array;
  private readonly paraLastSentence: Int32Array;
  /** Per quotation: its first token, the token after it, its first and last paragraph. */
  private readonly qTok0: Int32Array;
  private readonly qTok1: Int32Array;
  private readonly qPara: Int32Array;
  private readonly qParaEnd: Int32Array;

  /** The candidates of the last quotation given to {@link forQuote}: the first {@link n} of these. */
  readonly refs: Referent[] = new Array<Referent>(MAX_CANDIDATES);
  n = 0;
  // The features and the per-candidate working values live in buffers shared by all documents:
  // extraction is synchronous, one document at a time per thread.
  readonly x = scratch.x;
  readonly none = scratch.none;
  private readonly slotId = scratch.slotId;
  private readonly minBefore = scratch.minBefore;
  private readonly minAfter = scratch.minAfter;
  private readonly nearest = scratch.nearest;
  private readonly plain = scratch.plain;
  private readonly quoted = scratch.quoted;

  constructor(private readonly ctx: ExtractionContext) {
    const toks = ctx.tokens;
    const nt = toks.length;
    this.inQuote = ctx.inQuotation();
    const np = ctx.paragraphs.length;
    this.paraFirstSentence = new Int32Array(np).fill(-1);
    this.paraLastSentence = new Int32Array(np).fill(-1);
    for (let s = 0; s < ctx.sentences.length; s++) {
      const p = ctx.paragraphOfSentence[s];
      if (this.paraFirstSentence[p] < 0) this.paraFirstSentence[p] = s;
      this.paraLastSentence[p] = s;
    }
    const nq = ctx.quoteSpans.length;
    this.qTok0 = new Int32Array(nq);
    this.qTok1 = new Int32Array(nq);
    this.qPara = new Int32Array(nq);
    this.qParaEnd = new Int32Array(nq);
    for (let qi = 0; qi < nq; qi++) {
      const q = ctx.quoteSpans[qi];
      const a = Math.min(ctx.tokenAt(q.start), nt - 1);
      const b = Math.max(a + 1, ctx.tokenAt(q.end));
      this.qTok0[qi] = a;
      this.qTok1[qi] = b;
      this.qPara[qi] = a >= 0 ? ctx.paragraphOfSentence[ctx.sentenceOf[a]] : 0;
      this.qParaEnd[qi] = a >= 0 ? ctx.paragraphOfSentence[ctx.sentenceOf[Math.min(b - 1, nt - 1)]] : 0;
    }

    // Anchors, then their order by token (one native sort of packed numbers).
    const tok: number[] = [];
    const end: number[] = [];
    const verb: number[] = [];
    const id: number[] = [];
    for (const c of ctx.candidates) {
      if (!c.key || (c.kind !== 'person' && c.kind !== 'org')) continue;
      const k = this.idOf(c.key, c.kind, c.t0, c.t1);
      tok.push(c.t0);
      end.push(c.t1);
      verb.push(0);
      id.push(k);
      this.mentionCount[k]++;
    }
    // Named organisations, at each writing of their name (outlets quoted without a verb, "CNN: …", included);
    // not the agency a dateline credits, which wrote the text rather than speaking in it.
    for (const o of ctx.orgs) {
      if (ctx.tokenMention[o.t0] >= 0 || o.credit) continue;
      const key = `organization:${ctx.text.slice(toks[o.t0].start, toks[o.t1 - 1].end).toLowerCase()}`;
      const k = this.idOf(key, 'org', o.t0, o.t1);
      tok.push(o.t0);
      end.push(o.t1);
      verb.push(0);
      id.push(k);
      this.mentionCount[k]++;
    }
    this.verbs = new Int32Array(ctx.verbSubjects.size);
    let nv = 0;
    for (const [t, r] of ctx.verbSubjects) {
      this.verbs[nv++] = t;
      if (!r) continue;
      const k = this.idOf(r.key, r.kind, r.t0, r.t1, r);
      tok.push(t);
      end.push(t + 1);
      verb.push(1);
      id.push(k);
      this.speechCount[k]++;
    }
    this.verbs.sort();
    const na = tok.length;
    const packed = new Float64Array(na);
    for (let i = 0; i < na; i++) packed[i] = tok[i] * 2 ** 21 + i;
    packed.sort();
    this.aTok = new Int32Array(na);
    this.aEnd = new Int32Array(na);
    this.aVerb = new Uint8Array(na);
    this.aId = new Int32Array(na);
    for (let j = 0; j < na; j++) {
      const i = packed[j] % 2 ** 21;
      this.aTok[j] = tok[i];
      this.aEnd[j] = end[i];
      this.aVerb[j] = verb[i];
      this.aId[j] = id[i];
    }
    let best = 0;
    for (let k = 0; k < this.byId.length; k++) if (this.speechCount[k] > best) [this.topSpeaker, best] = [k, this.speechCount[k]];
    // A headline: a first paragraph of one sentence.
    if (np > 1 && this.paraFirstSentence[0] === this.paraLastSentence[0]) {
      const last = ctx.sentenceTokens[this.paraLastSentence[0]]?.[1] ?? 0;
      for (let j = 0; j < na && this.aTok[j] < last; j++) if (!this.aVerb[j]) this.inHeadline[this.aId[j]] = 1;
    }
  }

  private idOf(key: string, kind: Referent['kind'], t0?: number, t1?: number, r?: Referent): number {
    let k = this.ids.get(key);
    if (k === undefined) {
      k = this.byId.length;
      this.ids.set(key, k);
      this.byId.push(r ?? (kind === 'person' ? { key, kind } : { key, kind, t0, t1 }));
      this.mentionCount.push(0);
      this.speechCount.push(0);
      this.inHeadline.push(0);
      this.gender.push(0);
    }
    return k;
  }

  /** Fills the candidates of quotation qi and their features; `alone`: the quotation is its whole sentence. */
  forQuote(qi: number, alone: boolean): void {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const q = ctx.quoteSpans[qi];
    const qa = this.qTok0[qi];
    const qb = this.qTok1[qi];
    const sq = ctx.sentenceOf[qa];
    const sqEnd = ctx.sentenceOf[Math.min(qb - 1, toks.length - 1)];
    const pq = this.qPara[qi];
    const pqEnd = this.qParaEnd[qi];
    const wa = ctx.sentenceTokens[this.paraFirstSentence[Math.max(0, pq - 2)]][0];
    const wb = ctx.sentenceTokens[Math.min(this.paraLastSentence[pqEnd], sqEnd + 1)][1];
    const rule = ctx.quotes[qi].speaker;
    const verb = ctx.quoteVerbs[qi] ?? -1;
    const pronoun = verb >= 0 ? this.pronounOf(verb) : 0;
    const x = this.x;
    this.n = 0;

    // First the candidates that need no anchor in the window: the rules' answer, the speakers of the
    // quotations around; then whoever is written or credited in the window (slots run out only in
    // documents dense with names).
    const ruleId = rule === null ? -1 : this.slotOfKey(rule);
    const prev = qi > 0 ? ctx.quotes[qi - 1].speaker : null;
    const prevPara = qi > 0 ? this.qPara[qi - 1] : -1;
    const prevId = prev !== null && prevPara >= pq - 1 ? this.slotOfKey(prev) : -1;
    const next = qi + 1 < ctx.quotes.length ? ctx.quotes[qi + 1].speaker : null;
    const nextId = next !== null && this.qPara[qi + 1] === pqEnd ? this.slotOfKey(next) : -1;

    let lo = 0;
    let hi = this.aTok.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.aTok[mid] < wa) lo = mid + 1;
      else hi = mid;
    }
    let lastSpeaker = -1;
    let paraTopic = -1;
    let prevParaTopic = -1;
    let mentionSentence = -1;
    for (let a = lo; a < this.aTok.length && this.aTok[a] < wb; a++) {
      const t = this.aTok[a];
      if (t >= qa && t < qb) continue;
      const isVerb = this.aVerb[a] === 1;
      const rid = this.aId[a];
      if (isVerb && t < qa) lastSpeaker = rid;
      const k = this.slot(rid);
      if (k < 0) continue;
      if (!isVerb && this.inQuote[t]) {
        this.quoted[k]++;
        continue;
      }
      const row = k * F;
      const sa = ctx.sentenceOf[t];
      const pa = ctx.paragraphOfSentence[sa];
      if (!isVerb) {
        this.plain[k]++;
        if (pa === pq && paraTopic < 0) paraTopic = rid;
        if (pa === pq - 1 && prevParaTopic < 0) prevParaTopic = rid;
        // The first name written in its sentence, in the quotation's sentence or the one before: a subject.
        if (sa !== mentionSentence) {
          mentionSentence = sa;
          if (sa === sq || (sa === sq - 1 && pa === pq)) x[row + X.sentenceSubject] = 1;
        }
      } else {
        if (sa >= sq && sa <= sqEnd) x[row + X.speechSameSentence] = 1;
        else if (sa === sq - 1 && pa === pq) x[row + X.speechPreviousSentence] = 1;
        else if (sa === sqEnd + 1 && pa === pqEnd) x[row + X.speechNextSentence] = 1;
        if (pa === pq) x[row + X.speechParagraph] = 1;
        else if (pa === pq - 1) x[row + X.speechPreviousParagraph] = 1;
      }
      if (t < qa) {
        const d = qa - this.aEnd[a];
        if (sa === sq) x[row + X.sameSentenceBefore] = 1;
        else if (pa === pq && sa === sq - 1) x[row + X.previousSentence] = 1;
        else if (pa === pq) x[row + X.earlierSentence] = 1;
        else if (pa === pq - 1) x[row + X.previousParagraph] = 1;
        else x[row + X.olderParagraph] = 1;
        if (d <= this.minBefore[k]) {
          this.minBefore[k] = d;
          if (!isVerb) this.nearest[k] = a;
        }
        if (!isVerb && t > 0 && ADDRESSING.has(toks[t - 1].lower)) x[row + X.objectOfSpeech] = 1;
        // "Name, Outlet: “…”": the quotation follows a colon after a name opening its line.
        if (!isVerb && pa === pq && d <= 12 && opensLine(ctx.text, toks[t].start) && /^[^.!?"\u201c\u201d\n]{0,60}:\s*$/.test(ctx.text.slice(toks[this.aEnd[a] - 1].end, q.start))) x[row + X.colonLabel] = 1;
      } else {
        const d = t - qb;
        if (!isVerb && t > 0 && ADDRESSING.has(toks[t - 1].lower)) x[row + X.objectOfSpeech] = 1;
        if (sa === sqEnd) x[row + X.sameSentenceAfter] = 1;
        else if (sa === sqEnd + 1 && pa === pqEnd) x[row + X.nextSentence] = 1;
        if (d < this.minAfter[k]) this.minAfter[k] = d;
      }
    }
    // Before the window: the speaker credited last.
    if (lastSpeaker < 0) for (let a = lo - 1; a >= 0 && lastSpeaker < 0; a--) if (this.aVerb[a]) lastSpeaker = this.aId[a];

    // Ranks by distance, then the features of each candidate as a whole.
    let b1 = -1;
    let b2 = -1;
    let a1 = -1;
    for (let k = 0; k < this.n; k++) {
      if (this.minBefore[k] < FAR) {
        if (b1 < 0 || this.minBefore[k] < this.minBefore[b1]) [b2, b1] = [b1, k];
        else if (b2 < 0 || this.minBefore[k] < this.minBefore[b2]) b2 = k;
      }
      if (this.minAfter[k] < FAR && (a1 < 0 || this.minAfter[k] < this.minAfter[a1])) a1 = k;
    }
    const noRule = rule === null;
    for (let k = 0; k < this.n; k++) {
      const row = k * F;
      const rid = this.slotId[k];
      if (rid === ruleId) {
        x[row + X.rule] = 1;
        if (verb >= qb) x[row + X.ruleVerbAfter] = 1;
        else if (verb >= 0) x[row + X.ruleVerbBefore] = 1;
        else x[row + X.ruleFollowOn] = 1;
      } else if (verb >= 0) x[row + X.ruleVerbOther] = 1;
      const d = Math.min(this.minBefore[k], this.minAfter[k]);
      x[row + X.distance] = d < FAR ? Math.log2(1 + d) / 8 : 1.25;
      if (k === b1) x[row + X.nearestBefore] = 1;
      if (k === b2) x[row + X.secondBefore] = 1;
      if (k === a1) x[row + X.nearestAfter] = 1;
      if (rid === lastSpeaker) x[row + X.lastSpeaker] = 1;
      if (rid === prevId) x[row + (prevPara === pq ? X.previousQuote : X.previousQuoteEarlierParagraph)] = 1;
      if (rid === nextId) x[row + X.nextQuote] = 1;
      const na = this.nearest[k];
      if (na >= 0 && isPossessive(ctx.text, toks[this.aEnd[na] - 1].end)) x[row + X.possessive] = 1;
      if (this.quoted[k] > 0 && this.plain[k] === 0 && x[row + X.speechParagraph] + x[row + X.speechPreviousParagraph] === 0) x[row + X.onlyInQuotations] = 1;
      const kind = this.byId[rid].kind;
      x[row + (kind === 'person' ? X.person : kind === 'org' ? X.organization : X.source)] = 1;
      if (pronoun && kind === 'person') {
        const g = this.genderOf(rid);
        if (g > 1) x[row + (g === pronoun ? X.genderAgrees : X.genderClashes)] = 1;
      }
      x[row + X.mentions] = Math.log2(1 + this.mentionCount[rid]) / 4;
      x[row + X.speeches] = Math.log2(1 + this.speechCount[rid]) / 4;
      if (rid === this.topSpeaker) x[row + X.topSpeaker] = 1;
      if (this.inHeadline[rid]) x[row + X.headline] = 1;
      if (rid === paraTopic) x[row + X.paragraphTopic] = 1;
      if (rid === prevParaTopic) x[row + X.previousParagraphTopic] = 1;
      if (alone && x[row + X.previousQuote]) x[row + X.aloneAndPreviousQuote] = 1;
      if (alone && x[row + X.speechPreviousSentence]) x[row + X.aloneAndSpeechPreviousSentence] = 1;
      if (noRule && x[row + X.sameSentenceBefore]) x[row + X.noRuleAndSameSentenceBefore] = 1;
      if (noRule && x[row + X.sentenceSubject]) x[row + X.noRuleAndSentenceSubject] = 1;
    }
    this.noneFeatures(qi, qa, qb, sq, sqEnd, pq, alone, rule, verb);
  }

  private noneFeatures(qi: number, qa: number, qb: number, sq: number, sqEnd: number, pq: number, alone: boolean, rule: string | null, verb: number): void {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const text = ctx.text;
    const y = this.none;
    y.fill(0);
    y[Y.bias] = 1;
    if (rule === null) y[Y.noRule] = 1;
    if (rule === null && verb >= 0) y[Y.ruleVerbNoSubject] = 1;
    if (alone) y[Y.alone] = 1;
    const words = qb - qa;
    y[words <= 1 ? Y.oneWord : words <= 3 ? Y.fewWords : words <= 8 ? Y.someWords : Y.manyWords] = 1;
    const q = ctx.quoteSpans[qi];
    let i = q.start + 1;
    while (i < q.end - 1 && text.charCodeAt(i) <= 32) i++;
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) y[Y.capitalised] = 1;
    let j = q.end - 2;
    while (j > q.start && text.charCodeAt(j) <= 32) j--;
    const e = text.charCodeAt(j);
    if (e === 44 || e === 46 || e === 63 || e === 33) y[Y.endsInPunctuation] = 1;
    const [s0] = ctx.sentenceTokens[sq];
    const s1 = ctx.sentenceTokens[sqEnd][1];
    for (let v = this.firstVerbAtOrAfter(s0); v < this.verbs.length && this.verbs[v] < s1; v++) {
      if (!this.inQuote[this.verbs[v]]) {
        y[Y.speechInSentence] = 1;
        break;
      }
    }
    for (let t = qa - 1; t >= Math.max(s0, qa - 4); t--) {
      if (this.inQuote[t]) break;
      if (TITLE_CUES.has(toks[t].lower)) {
        y[Y.titleCue] = 1;
        break;
      }
    }
    if (pq === 0) y[Y.firstParagraph] = 1;
    // "This Week,", "Fox and Friends": a name in Title Case, not words someone said.
    if (words >= 2 && words <= 6) {
      let caps = true;
      for (let t = qa; t < qb && caps; t++) if (toks[t].text.length >= 4 && !toks[t].cap) caps = false;
      if (caps) y[Y.titleCase] = 1;
    }
    // "NBC's “Today”": a possessor right before the mark.
    const b = text.charCodeAt(q.start - 1) === 32 ? q.start - 2 : q.start - 1;
    if (b > 0 && (text.charCodeAt(b) === 115 || text.charCodeAt(b) === 39 || text.charCodeAt(b) === 0x2019) && (text.charCodeAt(b - 1) === 39 || text.charCodeAt(b - 1) === 0x2019 || text.charCodeAt(b) !== 115)) y[Y.afterPossessive] = 1;
    // pic="…": an attribute of some markup left in the text.
    if (text.charCodeAt(q.start - 1) === 61) y[Y.markup] = 1;
  }

  /** 2 when the subject of the speech verb at token v is "he" (before it or inverted after it), 3 for "she", else 0. */
  private pronounOf(v: number): number {
    const toks = this.ctx.tokens;
    let t = v - 1;
    while (t >= 0 && AUXILIARIES.has(toks[t].lower)) t--;
    const w = t >= 0 && (toks[t].lower === 'he' || toks[t].lower === 'she') ? toks[t].lower : toks[v + 1]?.lower;
    return w === 'he' ? 2 : w === 'she' ? 3 : 0;
  }

  private genderOf(id: number): number {
    if (this.gender[id] === 0) {
      const g = personGender(this.ctx, this.byId[id].key);
      this.gender[id] = g === 'm' ? 2 : g === 'f' ? 3 : 1;
    }
    return this.gender[id];
  }

  private firstVerbAtOrAfter(t: number): number {
    let lo = 0;
    let hi = this.verbs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.verbs[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The slot of referent id among this quotation's candidates, added (its features cleared) if new; -1 when full. */
  private slot(id: number): number {
    for (let k = 0; k < this.n; k++) if (this.slotId[k] === id) return k;
    if (this.n === MAX_CANDIDATES) return -1;
    const k = this.n++;
    this.refs[k] = this.byId[id];
    this.slotId[k] = id;
    this.x.fill(0, k * F, (k + 1) * F);
    this.minBefore[k] = FAR;
    this.minAfter[k] = FAR;
    this.nearest[k] = -1;
    this.plain[k] = 0;
    this.quoted[k] = 0;
    return k;
  }

  /** The id of a speaker key (registered if the document never wrote it), given a slot. */
  private slotOfKey(key: string): number {
    const id = this.ids.get(key) ?? this.idOf(key, key.startsWith('source:') ? 'source' : key.startsWith('organization:') ? 'org' : 'person');
    this.slot(id);
    return id;
  }
}

/** Whether a possessive "'s" (or a bare apostrophe) follows offset `at`. */
function isPossessive(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c !== 39 && c !== 0x2019) return false;
  const s = text.charCodeAt(at + 1);
  return s === 115 || !((s >= 65 && s <= 90) || (s >= 97 && s <= 122));
}
