import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';

/** A person credited with speech anywhere in the document is a speaker in every mention there. */
export class SpeakerTypingRefiner implements Refiner {
  /** Sets the mention type of each candidate, in order, in `ctx.types`. */
  refine(ctx: ExtractionContext): void {
    ctx.types = ctx.candidates.map((c) => {
      if (c.kind === 'person') return c.key && ctx.persons.get(c.key)?.speaker ? 'speaker' : 'person';
      // Organisations are mentions only as speakers of a quotation.
      if (c.kind === 'org') return 'speaker';
      return c.kind === 'place' ? 'place' : 'date';
    });
  }
}
