import type { ExtractionContext, Referent } from '../../context';
import type { Gender } from '../../gender';

/**
 * What the attribution of one document has learned so far, in reading order: which speech verbs
 * have which subject, the referent credited last, the unnamed sources met and the descriptions
 * already resolved. Made afresh for each document; the functions of this folder read and extend it.
 */
export class AttributionState {
  /** 1 for each token inside a quotation. */
  readonly inQuote: Uint8Array;
  /** The last referent credited with speech, and the sentence where that happened. */
  last: { r: Referent; sentence: number } | undefined;
  /** The same for the last one that may be a person (not a body or a country): what "he" and "the leader" may stand for. */
  lastPerson: { r: Referent; sentence: number } | undefined;
  /** The same for the last named person: whom "the leader said" stands for when no one was named with that role. */
  lastNamed: { r: Referent; sentence: number } | undefined;
  /** The subject found for each speech verb (by token), null when it has none: the context's map. */
  readonly verbSubject: Map<number, Referent | null>;
  /** Unnamed sources met so far, by the singular of their head noun ("official"). */
  readonly sources: Array<{ head: string; r: Referent }> = [];
  /** Descriptions already resolved, by their determiner's token. */
  readonly described = new Map<number, { head: number; r: Referent }>();
  /** How many speech verbs each referent has been credited with. */
  readonly speechCount = new Map<string, number>();
  /** Speakers local to the document for bodies and countries, by their wording, and their keys. */
  readonly bodies = new Map<string, Referent>();
  readonly bodyKeys = new Set<string>();
  /** Each person's gender once worked out, null when the text does not tell. */
  readonly genders = new Map<string, Gender | null>();

  /** Punctuation between each token and the next, read once when first asked: 0 not read yet, else 128 | {@link GAP} bits. */
  readonly gapBits: Uint8Array;

  constructor(readonly ctx: ExtractionContext) {
    this.verbSubject = ctx.verbSubjects;
    if (ctx.quoteVerbs.length !== ctx.quoteSpans.length) ctx.quoteVerbs = new Int32Array(ctx.quoteSpans.length).fill(-1);
    this.gapBits = new Uint8Array(ctx.tokens.length);
    this.inQuote = ctx.inQuotation();
  }
}

/** The speech verb at token i has subject r: r is the last speaker, and a person credited with speech is a speaker. */
export function credit(st: AttributionState, i: number, r: Referent | null): void {
  st.verbSubject.set(i, r);
  if (!r) return;
  spoke(st, r, st.ctx.sentenceOf[i]);
  st.speechCount.set(r.key, (st.speechCount.get(r.key) ?? 0) + 1);
  if (r.kind === 'person') {
    const p = st.ctx.persons.get(r.key);
    if (p) p.speaker = true;
  }
}

/** r spoke in sentence s: the last speaker, and the last who may be a person unless r is a body or an organisation. */
export function spoke(st: AttributionState, r: Referent, sentence: number): void {
  st.last = { r, sentence };
  if (r.kind === 'person' || (r.kind === 'source' && !st.bodyKeys.has(r.key))) st.lastPerson = st.last;
  if (r.kind === 'person') st.lastNamed = st.last;
}

/** Marks that may stand between two tokens, as bits of {@link gapHas}'s mask. */
export const GAP = { comma: 1, semicolon: 2, colon: 4, period: 8, openParen: 16 } as const;

/** Whether the text between token i and the next holds one of the marks in `mask` (no text there when either is missing). */
export function gapHas(st: AttributionState, i: number, mask: number): boolean {
  const toks = st.ctx.tokens;
  if (i < 0 || i + 1 >= toks.length) return false;
  let bits = st.gapBits[i];
  if (bits === 0) {
    bits = 128;
    const text = st.ctx.text;
    for (let c = toks[i].end; c < toks[i + 1].start; c++) {
      const ch = text.charCodeAt(c);
      if (ch === 44) bits |= GAP.comma;
      else if (ch === 59) bits |= GAP.semicolon;
      else if (ch === 58) bits |= GAP.colon;
      else if (ch === 46) bits |= GAP.period;
      else if (ch === 40) bits |= GAP.openParen;
    }
    st.gapBits[i] = bits;
  }
  return (bits & mask) !== 0;
}

/** Whether a mention ending at `end` is a possessor ("Haddad's barrister", "the Joneses' lawyer"): not the subject when someone else is named. */
export function isPossessor(st: AttributionState, end: number): boolean {
  return POSSESSIVE_AFTER.test(st.ctx.text.slice(end, end + 3));
}

const POSSESSIVE_AFTER = /^['’]s?(?![\p{L}])/u;
