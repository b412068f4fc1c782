import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';

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
    for (let pass = 0; pass < 2; pass++) {
      for (let qi = 0; qi < qs.length; qi++) {
        if (ctx.quotes[qi].speaker !== null) continue;
        if (!standsAlone(ctx, qi)) continue;
        const p = paraOf(qs[qi].start);
        // A paragraph made of nothing but quotation continues the quotation that ends the paragraph before.
        const continues = qi > 0 && paraOf(qs[qi - 1].start) === p - 1 && paragraphIsQuote(ctx, p);
        const prev = qi > 0 && (paraOf(qs[qi - 1].start) === p || continues) ? ctx.quotes[qi - 1].speaker : null;
        const next = qi + 1 < qs.length && paraOf(qs[qi + 1].start) === p ? ctx.quotes[qi + 1].speaker : null;
        ctx.quotes[qi].speaker = prev ?? next;
      }
    }
  }
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
function standsAlone(ctx: ExtractionContext, qi: number): boolean {
  const q = ctx.quoteSpans[qi];
  const t = ctx.tokenAt(q.start);
  if (t >= ctx.tokens.length) return false;
  const s = ctx.sentences[ctx.sentenceOf[t]];
  const outside = ctx.text.slice(s.start, q.start) + ctx.text.slice(q.end, Math.max(q.end, s.end));
  return !/\p{L}/u.test(outside);
}
