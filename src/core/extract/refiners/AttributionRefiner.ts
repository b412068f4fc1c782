import type { ExtractionContext, Referent } from '../context';
import { AUXILIARIES, CAPITAL_STOPWORDS as CAPITAL_WORDS, DEFINITE, INDEFINITE, PASSIVE, PHRASAL_SPEECH, QUOTE_VERBS, RECORDING_NOUNS, RECORDING_VERBS, ROLES, SOURCE_NOUNS, SPEECH_VERBS } from '../lexicon';
import { isParticiple, isSpeechVerb } from '../speech';

const NP_STOPS = new Set(['in', 'at', 'of', 'for', 'on', 'to', 'with', 'from', 'by', 'who', 'that', 'which', 'and', 'but', 'told', 'via']);
const PREPOSITIONS = new Set(['in', 'on', 'at', 'of', 'for', 'from', 'by', 'with', 'to', 'into', 'during', 'after', 'before', 'since', 'about', 'through', 'via', 'under', 'over']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'then']);
/** Words opening a new clause after a comma ("…, and the commander said"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'while', 'whereas', 'as', 'because', 'although', 'though', 'so', 'yet']);
/** Words opening an introductory clause ("When asked, …", "After the raid, …"). */
const SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'since', 'as', 'although', 'though', 'because', 'if', 'once', 'despite', 'like', 'unlike', 'asked']);
/** Prepositions that attach a complement to a role noun ("the leader of …", "a spokesman for …"). */
const COMPLEMENT_PREPOSITIONS = new Set(['of', 'for', 'in', 'at', 'from']);
/** Words after a description that give its name ("a spokesman calling himself X", "a voice identified as that of X"). */
const NAMING = new Set(['calling', 'identifying', 'identified', 'named', 'known', 'called', 'styling']);
const OTHER_PRONOUNS = new Set(['they', 'it', 'we', 'i', 'you', 'who', 'which', 'that', 'there', 'this']);
/** Every word that may credit speech below: speech verbs, recording verbs and nouns, "according (to)". */
const CREDITING_WORDS = new Set([...SPEECH_VERBS, ...PHRASAL_SPEECH.keys(), ...RECORDING_VERBS, ...RECORDING_NOUNS, 'according']);
/** Sentences back a pronoun may reach for its antecedent. */
const PRONOUN_REACH = 6;

/**
 * Credits speech: finds each speech verb's subject (a named person, a pronoun or description
 * resolved to one, a recording resolved to its speaker, or an unnamed source), gives every
 * quotation the subject of the verb that governs it, and marks persons credited with speech as
 * speakers of the document.
 */
export class AttributionRefiner {
  private ctx!: ExtractionContext;
  private inQuote!: Uint8Array;
  /** The last referent credited with speech, and the sentence where that happened. */
  private last: { r: Referent; sentence: number } | undefined;
  private readonly verbSubject = new Map<number, Referent | null>();
  private sources: Array<{ head: string; r: Referent }> = [];
  /** Descriptions already resolved, by their determiner's token. */
  private readonly described = new Map<number, { head: number; r: Referent }>();
  private speechCount = new Map<string, number>();

  refine(ctx: ExtractionContext): void {
    this.ctx = ctx;
    this.last = undefined;
    this.verbSubject.clear();
    this.sources = [];
    this.described.clear();
    this.speechCount.clear();
    const toks = ctx.tokens;
    this.inQuote = new Uint8Array(toks.length);
    for (const q of ctx.quoteSpans) for (let t = ctx.tokenAt(q.start); t < toks.length && toks[t].end <= q.end; t++) this.inQuote[t] = 1;

    // Quotations and verbs in reading order, so pronouns see the speakers credited before them.
    const quoteAt = new Int32Array(toks.length + 1).fill(-1);
    ctx.quoteSpans.forEach((q, qi) => (quoteAt[ctx.tokenAt(q.end)] = qi));
    const done = new Set<number>();
    for (let i = 0; i <= toks.length; i++) {
      const qi = quoteAt[i];
      if (qi >= 0) this.attributeQuote(qi, done);
      if (i === toks.length || this.inQuote[i] || !CREDITING_WORDS.has(toks[i].lower) || this.verbSubject.has(i)) continue;
      if (isSpeechVerb(ctx, i) || this.isAccordingTo(i)) this.credit(i, this.subjectOf(i));
      else if (RECORDING_VERBS.has(toks[i].lower) && this.takesRecording(i)) this.credit(i, this.subjectOf(i));
      else if (RECORDING_NOUNS.has(toks[i].lower) && (toks[i + 1]?.lower === 'from' || toks[i + 1]?.lower === 'by')) {
        const p = ctx.mentionAt(i + 2);
        if (p?.kind === 'person' && p.key) this.credit(i, { key: p.key, kind: 'person' });
      }
    }
    this.inherit();
  }

  private credit(i: number, r: Referent | null): void {
    this.verbSubject.set(i, r);
    if (!r) return;
    this.last = { r, sentence: this.ctx.sentenceOf[i] };
    this.speechCount.set(r.key, (this.speechCount.get(r.key) ?? 0) + 1);
    if (r.kind === 'person') {
      const p = this.ctx.persons.get(r.key);
      if (p) p.speaker = true;
    }
  }

  private isAccordingTo(i: number): boolean {
    return this.ctx.tokens[i].lower === 'according' && this.ctx.tokens[i + 1]?.lower === 'to';
  }

  /** "issued an audio tape", "released a new message": a recording verb whose object is a recording. */
  private takesRecording(i: number): boolean {
    const toks = this.ctx.tokens;
    if (PASSIVE.has(toks[i - 1]?.lower ?? '')) return false;
    for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) {
      if (RECORDING_NOUNS.has(toks[j].lower)) return true;
      if (/[.;:,]/.test(this.ctx.gap(j - 1))) return false;
    }
    return false;
  }

  private attributeQuote(qi: number, done: Set<number>): void {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const q = ctx.quoteSpans[qi];
    const inner = ctx.text.slice(q.start + 1, q.end - 1).trimEnd();
    const after = ctx.tokenAt(q.end);
    const endSentence = after < toks.length ? ctx.sentenceOf[after] : -1;
    const closesClause = /[,?!—–-]$/.test(inner) || /^\s*[,—–]/.test(ctx.text.slice(q.end, q.end + 3)) || (/\.$/.test(inner) && !!toks[after] && !toks[after].cap);
    const nextQuote = ctx.quoteSpans[qi + 1]?.start ?? Infinity;
    // Verb after the quotation: "…,” said X", "…,” X told reporters", "…,” according to X".
    if (closesClause && endSentence >= 0 && (ctx.tokens[after - 1] === undefined || ctx.sentenceOf[Math.max(0, ctx.tokenAt(q.start))] <= endSentence)) {
      for (let j = after; j < Math.min(toks.length, after + 14) && ctx.sentenceOf[j] === endSentence && toks[j].start < nextQuote; j++) {
        const statementReads = (toks[j].lower === 'read' || toks[j].lower === 'reads') && RECORDING_NOUNS.has(toks[j - 1]?.lower ?? '');
        if (isSpeechVerb(ctx, j) || this.isAccordingTo(j) || (QUOTE_VERBS.has(toks[j].lower) && j - after <= 1) || statementReads) {
          // "…,” Hassan Hassan, co-author of …, said": a name right after the quotation is its speaker.
          const first = ctx.mentionAt(after);
          const named: Referent | null = first?.kind === 'person' && first.key && j > after ? { key: first.key, kind: 'person' } : null;
          const subject = this.subjectOf(j, true);
          const r = (subject?.kind === 'org' || !subject ? (named ?? subject) : subject) ?? this.rightOf(after, j);
          this.credit(j, r);
          this.setQuote(qi, r, done);
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
      if (this.inQuote[j]) continue;
      // "called the attack “a response …”", "described the talks as “propaganda”": a verb that quotes its complement.
      const quoting = QUOTE_VERBS.has(toks[j].lower) && qt - j <= 7 && !toks[j].cap;
      if (isSpeechVerb(ctx, j) || this.isAccordingTo(j) || quoting) {
        const r = this.verbSubject.has(j) ? (this.verbSubject.get(j) ?? null) : this.subjectOf(j);
        this.verbSubject.set(j, r);
        this.setQuote(qi, r, done);
        return;
      }
    }
  }

  private setQuote(qi: number, r: Referent | null, done: Set<number>): void {
    if (r?.kind === 'org') this.orgSpeaker(r);
    this.ctx.quotes[qi].speaker = r ? r.key : null;
    done.add(qi);
    if (r) {
      this.last = { r, sentence: this.ctx.sentenceOf[Math.min(this.ctx.tokens.length - 1, this.ctx.tokenAt(this.ctx.quoteSpans[qi].start))] };
      if (r.kind === 'person') {
        const p = this.ctx.persons.get(r.key);
        if (p) p.speaker = true;
      }
    }
  }

  /** A named organisation credited with a quotation is a speaker: each writing of its name becomes a mention. */
  private orgSpeaker(r: Referent): void {
    const ctx = this.ctx;
    if (r.t0 === undefined || r.t1 === undefined) return;
    this.markOrgName(r, r.t0, r.t1);
    // "The African Union Mission in Somalia (AMISOM)": the acronym in brackets is the same speaker.
    const acronym = /^\s*\(\s*([A-Z][A-Za-z0-9.-]*[A-Z0-9])\s*\)/.exec(ctx.text.slice(ctx.tokens[r.t1 - 1].end, ctx.tokens[r.t1 - 1].end + 20));
    if (acronym) {
      const t = ctx.tokenAt(ctx.text.indexOf(acronym[1], ctx.tokens[r.t1 - 1].end));
      const entity = ctx.entities.get(r.key);
      if (entity && !entity.forms.includes(acronym[1])) entity.forms.push(acronym[1]);
      if (t < ctx.tokens.length && ctx.tokens[t].text === acronym[1]) this.markOrgName(r, t, t + 1);
    }
  }

  /** Each writing of tokens [t0, t1) outside other mentions becomes a mention of the organisation r. */
  private markOrgName(r: Referent, t0: number, t1: number): void {
    const ctx = this.ctx;
    const name = ctx.text.slice(ctx.tokens[t0].start, ctx.tokens[t1 - 1].end);
    const width = t1 - t0;
    for (let t = 0; t + width <= ctx.tokens.length; t++) {
      if (ctx.tokens[t].text !== ctx.tokens[t0].text) continue;
      if (ctx.text.slice(ctx.tokens[t].start, ctx.tokens[t + width - 1].end) !== name) continue;
      let free = true;
      for (let k = t; k < t + width; k++) if (ctx.tokenMention[k] >= 0) free = false;
      if (!free) continue;
      ctx.candidates.push({ start: ctx.tokens[t].start, end: ctx.tokens[t + width - 1].end, kind: 'org', t0: t, t1: t + width, key: r.key, name, priority: 2 });
    }
    ctx.candidates.sort((a, b) => a.start - b.start);
    ctx.indexMentions();
  }

  /**
   * A named organisation ending at or just before token k: a recognised organisation name or a
   * capitalised name that is neither a person nor a place ("Amaq, the group's news agency, said").
   */
  private orgAt(k: number, s0: number): Referent | null {
    const ctx = this.ctx;
    const org = ctx.orgs.find((o) => o.t0 <= k && k < o.t1);
    let t0: number;
    let t1: number;
    if (org) [t0, t1] = [org.t0, org.t1];
    else {
      const t = ctx.tokens[k];
      if (!t?.cap || ctx.tokenMention[k] >= 0 || CAPITAL_WORDS.has(t.lower) || ROLES.has(t.lower)) return null;
      t1 = k + 1;
      t0 = k;
      while (t0 > s0 && ctx.joined(t0 - 1) && ctx.tokens[t0 - 1].cap && ctx.tokenMention[t0 - 1] < 0) t0--;
      if (CAPITAL_WORDS.has(ctx.tokens[t0].lower)) t0++;
      if (t0 >= t1) return null;
    }
    const name = ctx.text.slice(ctx.tokens[t0].start, ctx.tokens[t1 - 1].end);
    const key = `organization:${name.toLowerCase()}`;
    if (!ctx.entities.has(key)) ctx.entities.set(key, { key, type: 'organization', name, forms: [name] });
    return { key, kind: 'org', t0, t1 };
  }

  /** A quotation that is a sentence on its own continues the speech of the quotation next to it in its paragraph. */
  private inherit(): void {
    const ctx = this.ctx;
    const qs = ctx.quoteSpans;
    const paraOf = (off: number): number => {
      const t = Math.min(ctx.tokens.length - 1, ctx.tokenAt(off));
      return t >= 0 ? ctx.paragraphOfSentence[ctx.sentenceOf[t]] : -1;
    };
    for (let pass = 0; pass < 2; pass++) {
      for (let qi = 0; qi < qs.length; qi++) {
        if (ctx.quotes[qi].speaker !== null) continue;
        if (!this.standsAlone(qi)) continue;
        const p = paraOf(qs[qi].start);
        // A paragraph made of nothing but quotation continues the quotation that ends the paragraph before.
        const continues = qi > 0 && paraOf(qs[qi - 1].start) === p - 1 && this.paragraphIsQuote(p);
        const prev = qi > 0 && (paraOf(qs[qi - 1].start) === p || continues) ? ctx.quotes[qi - 1].speaker : null;
        const next = qi + 1 < qs.length && paraOf(qs[qi + 1].start) === p ? ctx.quotes[qi + 1].speaker : null;
        ctx.quotes[qi].speaker = prev ?? next;
      }
    }
  }

  /** Whether paragraph p holds nothing outside its quotations but punctuation. */
  private paragraphIsQuote(p: number): boolean {
    const ctx = this.ctx;
    let text = '';
    let at = -1;
    ctx.sentences.forEach((s, si) => {
      if (ctx.paragraphOfSentence[si] !== p) return;
      if (at < 0) at = s.start;
      text = ctx.text.slice(at, s.end);
    });
    if (at < 0) return false;
    for (const q of ctx.quoteSpans) {
      if (q.end <= at || q.start >= at + text.length) continue;
      text = text.slice(0, q.start - at) + ' '.repeat(q.end - q.start) + text.slice(q.end - at);
    }
    return !/\p{L}/u.test(text);
  }

  /** Whether the quotation is all of its sentence (apart from punctuation). */
  private standsAlone(qi: number): boolean {
    const ctx = this.ctx;
    const q = ctx.quoteSpans[qi];
    const t = ctx.tokenAt(q.start);
    if (t >= ctx.tokens.length) return false;
    const s = ctx.sentences[ctx.sentenceOf[t]];
    const outside = ctx.text.slice(s.start, q.start) + ctx.text.slice(q.end, Math.max(q.end, s.end));
    return !/\p{L}/u.test(outside);
  }

  /** The subject of the speech verb at i. */
  private subjectOf(i: number, afterQuote = false): Referent | null {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const sentence = ctx.sentenceOf[i];
    const [s0, s1] = ctx.sentenceTokens[sentence];
    if (this.isAccordingTo(i)) return this.rightOf(i + 2, Math.min(s1, i + 10));
    // Inverted after a quotation: "…,” said X".
    const gapBefore = i > 0 ? ctx.gap(i - 1) : '';
    if (afterQuote && /["\u201d]\s*[,]?\s*$|^[,]?["\u201d]/.test(gapBefore)) {
      const r = this.rightOf(i + 1, Math.min(s1, i + 10));
      if (r) return r;
    }
    // "he was told", "is said to": passive, no speaker.
    if (PASSIVE.has(toks[i - 1]?.lower ?? '') && /^(?:told|asked|said|urged|warned|ordered|instructed|reminded|called|accused|described|charged|alleged)$/.test(toks[i].lower)) return null;
    let j = i - 1;
    while (j >= s0 && AUXILIARIES.has(toks[j].lower) && !/[,;:]/.test(ctx.gap(j))) j--;
    if (j < s0) return null;
    // "It said …" right after an organisation was credited with speech: the organisation.
    if (toks[j].lower === 'it' && j === s0 && this.last?.r.kind === 'org' && sentence - this.last.sentence <= 2) return this.last.r;
    // "Buhari, who has claimed …": the relative pronoun's antecedent.
    if (toks[j].lower === 'who' && !this.inQuote[j]) return this.antecedent(j, s0);
    if (CONJUNCTIONS.has(toks[j].lower)) {
      // "Trump, who announced the raid and said …": a verb coordinated inside a relative clause.
      const w = this.openRelative(s0, j);
      if (w >= 0) return this.antecedent(w, s0);
      // "X had urged … and called on …": the subject of the speech verb it is coordinated with.
      for (let k = j - 1; k >= s0; k--) {
        if (this.inQuote[k]) continue;
        if (/[;:]/.test(ctx.gap(k))) break;
        const r = this.verbSubject.get(k);
        if (r) return r;
      }
    }
    if (isParticiple(ctx, i) || CONJUNCTIONS.has(toks[j].lower)) return this.clauseSubject(s0, i);
    // "A Western diplomat in Nairobi, who declined to be identified, told …", "An official who could not be named called …".
    const opening = this.openingSubject(s0, j);
    if (opening) return opening;
    if (/,\s*$/.test(ctx.gap(j)) || /["\u201d]/.test(ctx.gap(j))) {
      // "X, the caliph of the Islamic State, has warned": the name before the apposition.
      for (let k = j; k >= s0; k--) {
        if (this.inQuote[k]) break;
        const r = this.referentAt(k);
        if (r) return r;
      }
      // No person before the apposition: the clause may open with an organisation's name.
      for (let k = s0; k < j; k++) {
        if (this.inQuote[k]) continue;
        if (/,/.test(ctx.gap(k))) return this.orgAt(k, s0);
      }
      return null;
    }
    return this.referentAt(j) ?? this.personOfPlace(j, s0) ?? this.description(j, s0) ?? this.orgAt(j, s0) ?? this.headWithComplement(s0, j);
  }

  /** "Gov. Mike Pence of Indiana said": a person's name with the place they serve or come from. */
  private personOfPlace(j: number, s0: number): Referent | null {
    const ctx = this.ctx;
    const place = ctx.mentionAt(j);
    if (place?.kind !== 'place') return null;
    const k = place.t0 - 1;
    if (k - 1 < s0 || !/^(?:of|from)$/.test(ctx.tokens[k].lower) || !ctx.joined(k - 1) || !ctx.joined(k)) return null;
    const m = ctx.mentionAt(k - 1);
    return m?.kind === 'person' && m.key ? { key: m.key, kind: 'person' } : null;
  }

  /** "The chief spokesman of the Islamic State group has called …": a description whose head takes a complement. */
  private headWithComplement(s0: number, j: number): Referent | null {
    const toks = this.ctx.tokens;
    const { segments, si } = this.clauseSegments(s0, j);
    // The subject phrase runs up to the verb: no apposition or clause stands between.
    if (si !== segments.length - 1) return null;
    const a = segments[si][0];
    if (a >= j || !(DEFINITE.has(toks[a].lower) || INDEFINITE.has(toks[a].lower))) return null;
    const h = this.npHead(a, j);
    if (h >= j || !COMPLEMENT_PREPOSITIONS.has(toks[h + 1]?.lower ?? '')) return null;
    return this.description(h, a);
  }


  /** The nearest relative "who" before token j whose clause is still open at j (no comma since), or -1. */
  private openRelative(s0: number, j: number): number {
    const ctx = this.ctx;
    for (let k = j - 1; k >= s0; k--) {
      if (this.inQuote[k] || /[,;:]/.test(ctx.gap(k))) return -1;
      if (ctx.tokens[k].lower === 'who') return k;
    }
    return -1;
  }

  /** What the relative pronoun at w refers to: the name or description right before it. */
  private antecedent(w: number, s0: number): Referent | null {
    const k = w - 1;
    if (k < s0) return null;
    const m = this.ctx.mentionAt(k);
    if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
    if (m) return null;
    return this.description(k, s0);
  }

  /**
   * The clause ending at token j (after the last quotation, semicolon or ", and"), split at commas,
   * with the index of its first segment that is not an introductory phrase: the subject phrase.
   */
  private clauseSegments(s0: number, j: number): { segments: Array<[number, number]>; si: number } {
    const ctx = this.ctx;
    let cs = s0;
    for (let k = s0; k <= j; k++) {
      if (this.inQuote[k]) cs = k + 1;
      else if (k > s0 && /;/.test(ctx.gap(k - 1))) cs = k;
      else if (k > s0 && /,/.test(ctx.gap(k - 1)) && CLAUSE_OPENERS.has(ctx.tokens[k].lower)) cs = k + 1;
    }
    const segments: Array<[number, number]> = [];
    let a = Math.min(cs, j);
    for (let k = a; k <= j; k++) {
      if (k === j || /[,(]/.test(ctx.gap(k))) {
        segments.push([a, k + 1]);
        a = k + 1;
      }
    }
    let si = 0;
    while (si < segments.length - 1 && this.introductory(segments[si][0], segments[si][1])) si++;
    return { segments, si };
  }

  /**
   * The subject phrase that opens the clause of the verb after token j, when an apposition or a
   * relative clause stands between them: "A senior member of the council, reached by telephone,
   * told …", "The spokesman, Abu X, said …", "An official who could not be named called …".
   * Introductory phrases ("In a statement on Tuesday,", "Speaking from Raqqa,") are skipped.
   * Undefined when the clause has no such shape.
   */
  private openingSubject(s0: number, j: number): Referent | null | undefined {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const { segments, si } = this.clauseSegments(s0, j);
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
      if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
      if (m && m.kind !== 'org' && k === a0) return undefined;
    }
    if (toks[a0].lower === 'he' || toks[a0].lower === 'she') return a1 === a0 + 1 ? this.resolvePronoun(a0) : undefined;
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
    const h = this.npHead(a0, a1);
    if (h >= a1) return undefined;
    return this.description(h, a0) ?? undefined;
  }

  /** Whether tokens [a, b) are an introductory phrase: a prepositional, adverbial, participial or date phrase. */
  private introductory(a: number, b: number): boolean {
    const ctx = this.ctx;
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

  /** Person mention or pronoun at token k, resolved. */
  private referentAt(k: number): Referent | null {
    const m = this.ctx.mentionAt(k);
    if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
    const t = this.ctx.tokens[k];
    if (t && (t.lower === 'he' || t.lower === 'she')) return this.resolvePronoun(k);
    return null;
  }

  /** The subject after an inverted verb or "according to": the first name, pronoun or description. */
  private rightOf(from: number, to: number): Referent | null {
    const toks = this.ctx.tokens;
    // A name in the window wins over the descriptions around it ("a tweet by Hassan Hassan").
    for (let k = from; k < Math.min(to, toks.length) && !this.inQuote[k]; k++) {
      const m = this.ctx.mentionAt(k);
      if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
      if (/[.;:,]/.test(this.ctx.gap(k)) && k > from) break;
    }
    for (let k = from; k < Math.min(to, toks.length); k++) {
      if (this.inQuote[k]) return null;
      const r = this.referentAt(k);
      if (r) return r;
      if (OTHER_PRONOUNS.has(toks[k].lower) && k === from) return null;
      if (DEFINITE.has(toks[k].lower) || INDEFINITE.has(toks[k].lower)) {
        const d = this.description(this.npHead(k, to), k);
        if (d) return d;
      }
      if (/[.;:]/.test(this.ctx.gap(k))) return null;
    }
    return null;
  }

  /** The first subject of the sentence before token i: for participles and coordinated verbs. */
  private clauseSubject(s0: number, i: number): Referent | null {
    const toks = this.ctx.tokens;
    for (let k = s0; k < i; k++) {
      if (this.inQuote[k]) continue;
      const r = this.referentAt(k);
      if (r) return r;
      const t = toks[k];
      // A description opening a clause, not one inside a prepositional phrase ("In the speech, …").
      if ((DEFINITE.has(t.lower) || INDEFINITE.has(t.lower)) && !PREPOSITIONS.has(toks[k - 1]?.lower ?? '')) {
        const h = this.npHead(k, i);
        const d = this.description(h, k);
        if (d) return d;
        k = h;
      }
    }
    return null;
  }

  /** The head noun of a phrase opened by the determiner at d: its last word before punctuation, a preposition or a verb. */
  private npHead(d: number, limit: number): number {
    const toks = this.ctx.tokens;
    let h = d + 1;
    while (h + 1 < limit && this.ctx.joined(h) && !NP_STOPS.has(toks[h + 1].lower) && !this.isVerbish(h + 1) && !NAMING.has(toks[h + 1].lower) && !/^[a-z]+ing$/.test(toks[h + 1].text)) h++;
    return h;
  }

  private isVerbish(k: number): boolean {
    const t = this.ctx.tokens[k];
    return isSpeechVerb(this.ctx, k) || RECORDING_VERBS.has(t.lower) || AUXILIARIES.has(t.lower) || PASSIVE.has(t.lower);
  }

  /**
   * A description ending at head token h ("the ISIS leader", "a U.S. official", "the tape"):
   * a recording is its speaker's; a definite role resolves to the person last described by it; an
   * indefinite or plural one is a new unnamed source.
   */
  private description(h: number, s0: number): Referent | null {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const head = toks[h];
    if (!head) return null;
    // "Analysts said …", "Residents told …": a bare plural source opening the sentence.
    if (head.cap && SOURCE_NOUNS.has(head.lower) && head.lower.endsWith('s') && ctx.sentenceTokens[ctx.sentenceOf[h]][0] === h) {
      const r = ctx.newSource(head.text.toLowerCase());
      this.sources.push({ head: head.lower.replace(/s$/, ''), r });
      return r;
    }
    if (head.cap && !ROLES.has(head.lower)) return null;
    let d = h;
    while (d > s0 && h - d < 7 && !DEFINITE.has(toks[d].lower) && !INDEFINITE.has(toks[d].lower) && !/[,;:.]/.test(ctx.gap(d - 1))) d--;
    const det = toks[d].lower;
    const possessive = /['’]s\s*$/.test(ctx.gap(h - 1)) === false && toks.slice(d, h).some((_t, k) => /['’]s/.test(ctx.gap(d + k)));
    if (RECORDING_NOUNS.has(head.lower)) {
      if (DEFINITE.has(det)) {
        const earlier = this.earlierRecording(h);
        if (earlier !== undefined) return earlier;
      }
      return this.recordingOwner(h);
    }
    const text = ctx.text.slice(toks[d].start, head.end);
    // The same phrase met again (the subject of a second verb): the same referent.
    const seen = this.described.get(d);
    if (seen && seen.head === h) return seen.r;
    const r = this.describe(h, d, text, possessive);
    if (r) this.described.set(d, { head: h, r });
    return r;
  }

  private describe(h: number, d: number, text: string, possessive: boolean): Referent | null {
    const ctx = this.ctx;
    const head = ctx.tokens[h];
    const det = ctx.tokens[d].lower;
    // "a spokesman calling himself Abu Hamza", "a voice identified as that of Ahmad Umar": the name given.
    if (NAMING.has(ctx.tokens[h + 1]?.lower ?? '')) {
      for (let t = h + 2; t < Math.min(ctx.tokens.length, h + 7) && !/[,;:.]/.test(ctx.gap(t - 1)); t++) {
        const m = ctx.mentionAt(t);
        if (m?.kind === 'person' && m.key) return { key: m.key, kind: 'person' };
        if (m) break;
      }
    }
    if (DEFINITE.has(det)) {
      const earlier = [...this.sources].reverse().find((s) => s.head === head.lower.replace(/s$/, ''));
      if (earlier) return earlier.r;
    }
    // "a fisherman who escaped told reporters": any indefinite description is an unnamed source.
    if (INDEFINITE.has(det) && !head.cap && !head.num && !OTHER_PRONOUNS.has(head.lower)) {
      const r = ctx.newSource(text);
      this.sources.push({ head: head.lower.replace(/s$/, ''), r });
      return r;
    }
    const isRole = ROLES.has(head.lower) || SOURCE_NOUNS.has(head.lower) || head.lower === 'speaker';
    // "The African Union Mission in Somalia … rejected the message. “…,” the mission said": the organisation just named.
    if (!isRole && DEFINITE.has(det)) return this.namedOrganization(h);
    if (!isRole) return null;
    if (!DEFINITE.has(det) && !possessive && head.lower.endsWith('s') && SOURCE_NOUNS.has(head.lower)) {
      const r = ctx.newSource(text);
      this.sources.push({ head: head.lower.replace(/s$/, ''), r });
      return r;
    }
    if (!DEFINITE.has(det) && !possessive) return null;
    const src = [...this.sources].reverse().find((s) => s.head === head.lower.replace(/s$/, ''));
    if (src) return src.r;
    if (head.lower === 'speaker' && this.last) return this.last.r;
    // The person last described with this role word; else the one credited with speech last.
    let best: { key: string; at: number } | undefined;
    for (const c of ctx.candidates) {
      if (c.kind !== 'person' || !c.key || c.start >= head.start) continue;
      if (ctx.persons.get(c.key)?.roles.has(head.lower)) best = { key: c.key, at: c.start };
    }
    if (best) return { key: best.key, kind: 'person' };
    if (this.last?.r.kind === 'person') return this.last.r;
    const first = this.mostMentioned(head.start);
    if (first) return first;
    // A lede naming its subject by role before naming him: "The leader of al-Shabaab has praised …
    // In it, a voice identified as that of Ahmad Umar …": the person named next.
    const next = this.namedNext(h, 3);
    if (next) return next;
    if (SOURCE_NOUNS.has(head.lower)) {
      const r = ctx.newSource(text);
      this.sources.push({ head: head.lower.replace(/s$/, ''), r });
      return r;
    }
    return null;
  }

  /**
   * "The army said in a statement that … “…,” the statement said": a definite recording noun whose
   * noun was written in the previous sentences, in a sentence whose speech verb was credited, is
   * that speaker's (null when the speaker was not a named person or organisation); undefined when
   * there is no such earlier mention.
   */
  private earlierRecording(h: number): Referent | null | undefined {
    const ctx = this.ctx;
    const toks = ctx.tokens;
    const sentence = ctx.sentenceOf[h];
    const word = toks[h].lower;
    for (let s = sentence - 1; s >= Math.max(0, sentence - 2); s--) {
      const [a, b] = ctx.sentenceTokens[s];
      let has = false;
      for (let t = a; t < b; t++) if (!this.inQuote[t] && toks[t].lower === word) has = true;
      if (!has) continue;
      for (let t = a; t < b; t++) if (this.verbSubject.has(t)) return this.verbSubject.get(t) ?? null;
      // "In a statement on Tuesday, army spokesman X dismissed the footage": the person issuing it.
      for (let t = a; t < b; t++) {
        const m = ctx.mentionAt(t);
        if (m?.kind === 'person' && m.key && !this.inQuote[t]) return { key: m.key, kind: 'person' };
      }
      return undefined;
    }
    return undefined;
  }

  /** "The tape says": the person the recording belongs to, i.e. the document's main speaker so far (or, before any, the person named next). */
  private recordingOwner(h: number): Referent | null {
    let best: string | undefined;
    let n = 0;
    for (const [k, c] of this.speechCount) if (c > n && this.ctx.persons.has(k)) [best, n] = [k, c];
    if (best) return { key: best, kind: 'person' };
    const before = this.mostMentioned(this.ctx.tokens[h].start);
    if (before) return before;
    // A recording that opens the story, its voice identified in what follows: "… the voice on the recording says. Officers believe the speaker is X."
    const ctx = this.ctx;
    const sentence = ctx.sentenceOf[h];
    const last = ctx.sentenceTokens[Math.min(ctx.sentenceTokens.length - 1, sentence + 2)][1];
    for (let t = h + 1; t < last; t++) {
      const m = ctx.mentionAt(t);
      if (m?.kind === 'person' && m.key && !this.inQuote[t]) return { key: m.key, kind: 'person' };
    }
    return null;
  }

  /** The organisation named in this or the two sentences before whose name holds the head word at h. */
  private namedOrganization(h: number): Referent | null {
    const ctx = this.ctx;
    const word = ctx.tokens[h].lower;
    const from = ctx.sentenceTokens[Math.max(0, ctx.sentenceOf[h] - 2)][0];
    for (let i = ctx.orgs.length - 1; i >= 0; i--) {
      const o = ctx.orgs[i];
      if (o.t0 === undefined || o.t1 === undefined || o.t1 > h || o.t0 < from) continue;
      for (let t = o.t0; t < o.t1; t++) if (ctx.tokens[t].lower === word && ctx.tokens[t].cap) return this.orgAt(o.t0, o.t0);
    }
    return null;
  }

  /** The first person named after token h, outside quotations, within the next `reach` sentences. */
  private namedNext(h: number, reach: number): Referent | null {
    const ctx = this.ctx;
    const lastSentence = Math.min(ctx.sentenceTokens.length - 1, ctx.sentenceOf[h] + reach);
    const end = ctx.sentenceTokens[lastSentence][1];
    for (let t = h + 1; t < end; t++) {
      const m = ctx.mentionAt(t);
      if (m?.kind === 'person' && m.key && !this.inQuote[t]) return { key: m.key, kind: 'person' };
    }
    return null;
  }

  private mostMentioned(before: number): Referent | null {
    const counts = new Map<string, number>();
    for (const c of this.ctx.candidates) if (c.kind === 'person' && c.key && c.start < before) counts.set(c.key, (counts.get(c.key) ?? 0) + 1);
    let best: string | undefined;
    let n = 0;
    for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
    return best ? { key: best, kind: 'person' } : null;
  }

  /**
   * "he"/"she": the first person named earlier in the same sentence, else the first person named in
   * the nearest sentence before, else the speaker credited last.
   */
  private resolvePronoun(k: number): Referent | null {
    const ctx = this.ctx;
    const sentence = ctx.sentenceOf[k];
    const [s0] = ctx.sentenceTokens[sentence];
    for (let t = s0; t < k; t++) {
      const m = ctx.mentionAt(t);
      if (m?.kind === 'person' && m.key && !this.inQuote[t]) return { key: m.key, kind: 'person' };
    }
    // The first person named in the nearest sentence before: usually that sentence's subject.
    for (let s = sentence - 1; s >= Math.max(0, sentence - PRONOUN_REACH); s--) {
      const [a, b] = ctx.sentenceTokens[s];
      // "He made no mention of X. He did praise …": a sentence opened by the same pronoun continues its referent.
      if (a < k && ctx.tokens[a] && ctx.tokens[a].lower === ctx.tokens[k].lower && !this.inQuote[a]) return this.resolvePronoun(a);
      for (let t = a; t < b; t++) {
        const m = ctx.mentionAt(t);
        if (m?.kind === 'person' && m.key && !this.inQuote[t]) return { key: m.key, kind: 'person' };
      }
      if (this.last && this.last.sentence === s) return this.last.r;
    }
    return this.last?.r ?? null;
  }
}
