import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';

/**
 * A person credited with speech anywhere in the document is a speaker in every mention there; so is
 * an organisation credited with a quotation. Other organisations are organisation mentions.
 */
export class SpeakerTypingRefiner implements Refiner {
  /** Sets the mention type of each candidate, in order, in `ctx.types`. */
  refine(ctx: ExtractionContext): void {
    let quoted: Set<string> | undefined;
    ctx.types = ctx.candidates.map((c) => {
      if (c.kind === 'person') return c.key && ctx.persons.get(c.key)?.speaker ? 'speaker' : 'person';
      if (c.kind === 'org') {
        quoted ??= new Set(ctx.quotes.map((q) => q.speaker).filter((s): s is string => s !== null));
        return c.key && quoted.has(c.key) ? 'speaker' : 'organization';
      }
      return c.kind === 'place' ? 'place' : 'date';
    });
  }
}
