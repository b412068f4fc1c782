import * as assert from 'node:assert';
import { ExtractionContext, type Candidate } from '../../../src/core/extract/context';
import { OverlapRemovalRefiner } from '../../../src/core/extract/refiners/OverlapRemovalRefiner';

/** A candidate over tokens [t0, t1) of the context's text. */
function cand(ctx: ExtractionContext, kind: Candidate['kind'], t0: number, t1: number, priority: number, key: string): Candidate {
  return { kind, t0, t1, start: ctx.tokens[t0].start, end: ctx.tokens[t1 - 1].end, priority, key };
}

describe('overlap removal', () => {
  const text = 'Abu Omar al-Kurdi left Tal Afar for the Euphrates River valley on Monday.';

  it('keeps the higher priority, then the longer, then the earlier proposed, and returns mentions in text order', () => {
    const ctx = new ExtractionContext(text);
    ctx.candidates = [
      cand(ctx, 'place', 12, 13, 4, 'date-as-place'), // "Monday" as a place: loses to the date
      cand(ctx, 'place', 8, 10, 3, 'euphrates'), // "Euphrates River": loses to the longer one of the same priority
      cand(ctx, 'place', 4, 6, 3, 'tal afar'),
      cand(ctx, 'date', 12, 13, 5, 'monday'),
      cand(ctx, 'place', 8, 11, 3, 'euphrates valley'),
      cand(ctx, 'person', 2, 3, 5, 'kurdi-second'), // the same priority: loses to the longer name
      cand(ctx, 'person', 0, 3, 5, 'abu omar'),
      cand(ctx, 'place', 4, 6, 3, 'tal afar again'), // identical span proposed later: the first wins
    ];
    new OverlapRemovalRefiner().refine(ctx);
    assert.deepStrictEqual(ctx.candidates.map((c) => c.key), ['abu omar', 'tal afar', 'euphrates valley', 'monday']);
    assert.strictEqual(ctx.mentionAt(9)?.key, 'euphrates valley');
  });

  it('sets organisations aside as blockers, not mentions', () => {
    const ctx = new ExtractionContext(text);
    ctx.candidates = [cand(ctx, 'org', 4, 6, 2, 'org'), cand(ctx, 'place', 5, 6, 1, 'afar')];
    new OverlapRemovalRefiner().refine(ctx);
    assert.deepStrictEqual(ctx.candidates, []);
    assert.deepStrictEqual(ctx.orgs.map((c) => c.key), ['org']);
  });
});
