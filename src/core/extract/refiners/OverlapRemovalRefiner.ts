import type { Refiner } from '../configuration';
import type { Candidate, ExtractionContext } from '../context';
import { scratchFloat64, scratchInt32, scratchUint8, Slot } from '../scratch';

/** Priorities run from 0 to this; spans are compared up to this many characters. */
const MAX_PRIORITY = 1000;
const WIDE = 2 ** 20 - 1;

/**
 * Keeps non-overlapping candidates, higher priority first, then longer: a person's name beats a
 * town of the same spelling, an organisation's name beats the place inside it. Organisations only
 * block and are dropped afterwards.
 */
export class OverlapRemovalRefiner implements Refiner {
  refine(ctx: ExtractionContext): void {
    const cs = ctx.candidates;
    const used = scratchUint8(Slot.overlapUsed, ctx.tokens.length);
    const kept: Candidate[] = [];
    ctx.orgs = [];
    for (const k of order(cs)) {
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

/** Candidate indices by priority (highest first), then length (longest first), then index. */
function order(cs: readonly Candidate[]): Iterable<number> {
  if (cs.length >= 2 ** 20) {
    return Array.from(cs.keys()).sort((a, b) => cs[b].priority - cs[a].priority || cs[b].end - cs[b].start - (cs[a].end - cs[a].start) || a - b);
  }
  // One number per candidate holds all three, sorted natively; its low 20 bits are the index.
  const keys = scratchFloat64(Slot.overlapOrder, cs.length);
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    keys[k] = (MAX_PRIORITY - c.priority) * 2 ** 40 + (WIDE - Math.min(WIDE, c.end - c.start)) * 2 ** 20 + k;
  }
  keys.sort();
  const out = scratchInt32(Slot.overlapOrder, cs.length);
  for (let k = 0; k < keys.length; k++) out[k] = keys[k] % 2 ** 20;
  return out;
}
