import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';
import { ADDRESS_VERBS, PHRASAL_SPEECH, RECORDING_NOUNS, RECORDING_VERBS, SPEECH_VERBS, WRITE_VERBS } from '../lexicon';
import { scratchInt32, Slot } from '../scratch';
import { isAccordingTo, isSpeechVerb, takesRecording } from '../speech';
import { WordSet } from '../wordSet';
import { AttributionState, credit } from './attribution/AttributionState';
import { creditLabels } from './attribution/labels';
import { attributeQuote } from './attribution/quotations';
import { subjectOf } from './attribution/subjects';

/** Every word that may credit speech below: speech verbs, recording verbs and nouns, "according (to)". */
const CREDITING_WORDS = new WordSet([...SPEECH_VERBS, ...PHRASAL_SPEECH.keys(), ...WRITE_VERBS, ...ADDRESS_VERBS, ...RECORDING_VERBS, ...RECORDING_NOUNS, 'according']);

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
      else if (RECORDING_NOUNS.has(toks[i].lower)) {
        const p = recordingOwner(ctx, i);
        if (p) credit(st, i, p);
      }
    }
    creditLabels(st);
  }
}

const POSSESSIVE_GAP = /^['’]s?\s+$/;

/** Recordings that carry their owner's voice when "of" names him ("an audio recording of X"); not a video or a photograph of someone. */
const VOICE_OF = new Set(['tape', 'tapes', 'recording', 'recordings', 'audio', 'speech', 'speeches', 'sermon', 'sermons', 'voice', 'lecture', 'lectures']);
/** Recordings a possessor speaks in ("X's audio message", "X's latest speech"); not "X's address" (where he lives) nor "X's video" or "X's interview" (by or with him). */
const OWNED_SPEECH = new Set(['tape', 'tapes', 'recording', 'recordings', 'message', 'messages', 'speech', 'speeches', 'sermon', 'sermons', 'voice', 'remarks', 'statement', 'statements', 'lecture', 'lectures', 'proclamation']);

/**
 * The person whose words the recording noun at i holds: "a message from X", "a speech by X", "an
 * audio recording of X", "X's new audio message".
 */
function recordingOwner(ctx: ExtractionContext, i: number): { key: string; kind: 'person' } | null {
  const toks = ctx.tokens;
  const lower = toks[i].lower;
  const next = toks[i + 1]?.lower;
  if (next === 'from' || next === 'by' || (next === 'of' && VOICE_OF.has(lower) && ctx.joined(i))) {
    const p = ctx.mentionAt(i + 2);
    return p?.kind === 'person' && p.key ? { key: p.key, kind: 'person' } : null;
  }
  if (!OWNED_SPEECH.has(lower)) return null;
  // Back over up to three lower-case modifiers ("new 30-minute audio") to the possessor.
  for (let j = i - 1; j >= 0 && i - j <= 4; j--) {
    if (POSSESSIVE_GAP.test(ctx.gap(j))) {
      const p = ctx.mentionAt(j);
      return p?.kind === 'person' && p.key && p.t1 === j + 1 ? { key: p.key, kind: 'person' } : null;
    }
    if (toks[j].cap || !ctx.joined(j)) return null;
  }
  return null;
}
