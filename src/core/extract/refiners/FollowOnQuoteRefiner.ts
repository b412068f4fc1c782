import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';
import { NOBODY } from './attribution/quotations';

/**
 * Follow-on quotations: a quotation that is a sentence on its own, still without a speaker,
 * continues the speech of the quotation next to it in its paragraph (the one before first), and a
 * paragraph made of nothing but quotation continues the quotation that ends the paragraph before.
 */
export class FollowOnQuoteRefiner implements Refiner {
  refine(ctx: ExtractionContext): void {
    const qs = ctx.quoteSpans;
    const paraOf = (off: number): number => {
      const t = Math.min(ctx.tokens.length - 1, ctx.tokenAt(off));
      return t >= 0 ? ctx.paragraphOfSentence[ctx.sentenceOf[t]] : -1;
    };
    let spokeIn: Map<number, string> | undefined;
    for (let pass = 0; pass < 2; pass++) {
      for (let qi = 0; qi < qs.length; qi++) {
        if (ctx.quotes[qi].speaker !== null || ctx.quoteVerbs[qi] === NOBODY) continue;
        if (!standsAlone(ctx, qi)) continue;
        const p = paraOf(qs[qi].start);
        // A paragraph made of nothing but quotation continues the quotation that ends the paragraph before.
        const continues = qi > 0 && paraOf(qs[qi - 1].start) === p - 1 && paragraphIsQuote(ctx, p);
        const prev = qi > 0 && (paraOf(qs[qi - 1].start) === p || continues) ? ctx.quotes[qi - 1].speaker : null;
        const next = qi + 1 < qs.length && paraOf(qs[qi + 1].start) === p ? ctx.quotes[qi + 1].speaker : null;
        ctx.quotes[qi].speaker = prev ?? next ?? (pass === 0 ? previousSpeaker(ctx, qi, (spokeIn ??= speakersBySentence(ctx))) : null);
      }
    }
  }
}

/** For each sentence with a speech verb credited to a person, that person (the last one in the sentence). */
function speakersBySentence(ctx: ExtractionContext): Map<number, string> {
  const out = new Map<number, string>();
  const at = new Map<number, number>();
  for (const [t, r] of ctx.verbSubjects) {
    if (r?.kind !== 'person') continue;
    const s = ctx.sentenceOf[t];
    if ((at.get(s) ?? -1) < t) {
      at.set(s, t);
      out.set(s, r.key);
    }
  }
  return out;
}

/**
 * "Sen. X told the crowd the plant would reopen. “We owe them more.”": a quotation with no speech
 * verb of its own continues the person credited by the speech verb of the sentence before it (in
 * its paragraph, or ending the paragraph before when the quotation opens its own).
 */
function previousSpeaker(ctx: ExtractionContext, qi: number, spokeIn: Map<number, string>): string | null {
  const t = ctx.tokenAt(ctx.quoteSpans[qi].start);
  if (t >= ctx.tokens.length) return null;
  const s = ctx.sentenceOf[t];
  if (s === 0) return null;
  const p = ctx.paragraphOfSentence[s];
  const before = ctx.paragraphOfSentence[s - 1];
  if (before !== p && (before !== p - 1 || ctx.sentenceTokens[s][0] !== t)) return null;
  return spokeIn.get(s - 1) ?? null;
}

/** Whether paragraph p holds nothing outside its quotations but punctuation. */
function paragraphIsQuote(ctx: ExtractionContext, p: number): boolean {
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
export function standsAlone(ctx: ExtractionContext, qi: number): boolean {
  const q = ctx.quoteSpans[qi];
  const t = ctx.tokenAt(q.start);
  if (t >= ctx.tokens.length) return false;
  const s = ctx.sentences[ctx.sentenceOf[t]];
  return !hasLetter(ctx.text, s.start, q.start) && !hasLetter(ctx.text, q.end, Math.max(q.end, s.end));
}

const LETTER = /\p{L}/u;

/** Whether text[from, to) holds a letter (of any script). */
function hasLetter(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
    if (c >= 128 && LETTER.test(text[i])) return true;
  }
  return false;
}
