import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';
import { PHRASAL_SPEECH, RECORDING_NOUNS, RECORDING_VERBS, SPEECH_VERBS } from '../lexicon';
import { scratchInt32, Slot } from '../scratch';
import { isAccordingTo, isSpeechVerb, takesRecording } from '../speech';
import { WordSet } from '../wordSet';
import { AttributionState, credit } from './attribution/AttributionState';
import { creditLabels } from './attribution/labels';
import { attributeQuote } from './attribution/quotations';
import { subjectOf } from './attribution/subjects';

/** Every word that may credit speech below: speech verbs, recording verbs and nouns, "according (to)". */
const CREDITING_WORDS = new WordSet([...SPEECH_VERBS, ...PHRASAL_SPEECH.keys(), ...RECORDING_VERBS, ...RECORDING_NOUNS, 'according']);

/**
 * Credits speech: finds each speech verb's subject (./attribution/subjects: a named person, a
 * pronoun or description resolved by ./attribution/coreference, a recording resolved to its
 * speaker, an organisation or an unnamed source), gives every quotation the subject of the verb
 * that governs it (./attribution/quotations), and marks persons credited with speech as speakers
 * of the document. One pass in reading order, so that pronouns see the speakers credited before them.
 */
export class AttributionRefiner implements Refiner {
  refine(ctx: ExtractionContext): void {
    const st = new AttributionState(ctx);
    const toks = ctx.tokens;
    const quoteAt = scratchInt32(Slot.quoteAt, toks.length + 1, -1);
    ctx.quoteSpans.forEach((q, qi) => (quoteAt[ctx.tokenAt(q.end)] = qi));
    for (let i = 0; i <= toks.length; i++) {
      const qi = quoteAt[i];
      if (qi >= 0) attributeQuote(st, qi);
      if (i === toks.length || st.inQuote[i] || !CREDITING_WORDS.has(toks[i].lower) || st.verbSubject.has(i)) continue;
      if (isSpeechVerb(ctx, i) || isAccordingTo(ctx, i)) credit(st, i, subjectOf(st, i));
      else if (RECORDING_VERBS.has(toks[i].lower) && takesRecording(ctx, i)) credit(st, i, subjectOf(st, i));
      else if (RECORDING_NOUNS.has(toks[i].lower) && (toks[i + 1]?.lower === 'from' || toks[i + 1]?.lower === 'by')) {
        const p = ctx.mentionAt(i + 2);
        if (p?.kind === 'person' && p.key) credit(st, i, { key: p.key, kind: 'person' });
      }
    }
    creditLabels(st);
  }
}
