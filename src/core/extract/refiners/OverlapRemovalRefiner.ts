import type { Candidate, ExtractionContext } from '../context';

/**
 * Keeps non-overlapping candidates, higher priority first, then longer: a person's name beats a
 * town of the same spelling, an organisation's name beats the place inside it. Organisations only
 * block and are dropped afterwards.
 */
export class OverlapRemovalRefiner {
  refine(ctx: ExtractionContext): void {
    const cs = ctx.candidates;
    const order: number[] = new Array(cs.length);
    for (let k = 0; k < cs.length; k++) order[k] = k;
    order.sort((a, b) => cs[b].priority - cs[a].priority || cs[b].end - cs[b].start - (cs[a].end - cs[a].start) || a - b);
    const used = new Uint8Array(ctx.tokens.length);
    const kept: Candidate[] = [];
    ctx.orgs = [];
    for (const k of order) {
      const c = cs[k];
      let free = c.t1 > c.t0;
      for (let t = c.t0; t < c.t1 && free; t++) if (used[t]) free = false;
      if (!free) continue;
      for (let t = c.t0; t < c.t1; t++) used[t] = 1;
      if (c.kind !== 'org') kept.push(c);
      else ctx.orgs.push(c);
    }
    // Kept candidates cover disjoint tokens: ordered by their first token, they are in text order.
    const startingAt = new Array<Candidate | undefined>(ctx.tokens.length);
    for (const c of kept) startingAt[c.t0] = c;
    ctx.candidates = [];
    for (const c of startingAt) if (c) ctx.candidates.push(c);
    ctx.indexMentions();
  }
}
