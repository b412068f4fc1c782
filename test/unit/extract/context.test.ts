import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { ExtractionContext } from '../../../src/core/extract/context';

describe('extraction context', () => {
  it('tokenAt finds the first token starting at or after any offset, on texts with words spread unevenly', () => {
    const piece = fc.constantFrom('Mosul', 'a', 'U.S.', ' ', '   ', '\n\n', '—', '“', '”', '12', '5,000', 'al-Baghdadi', ', ', '. ', '-'.repeat(40), ' '.repeat(300), 'x'.repeat(50));
    const text = fc.array(piece, { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const ctx = new ExtractionContext(t);
        const starts = ctx.tokens.map((k) => k.start);
        for (let o = -2; o <= t.length + 2; o++) {
          let want = 0;
          while (want < starts.length && starts[want] < o) want++;
          assert.equal(ctx.tokenAt(o), want, JSON.stringify([t, o]));
        }
        assert.equal(ctx.tokenAt(Number.NaN), 0);
      }),
      { numRuns: 500 },
    );
  });
});
