import * as assert from 'node:assert/strict';
import { runFuzz, summary, type Mode, type Stats } from './fuzz/harness';

// The re-anchoring fuzz test: 20 reports written by ./fuzz/generator.ts, 100 random sequences of
// realistic edits on each (typos, reworded clauses, inserted, deleted and moved sentences and
// paragraphs, re-wrapped lines, updates on top), five annotations per sequence: 10,000 cases, each
// re-anchored three ways. The seed is fixed, so every run sees the same cases.
//
// Soundness is absolute: no placement on other text, in any mode. The orphan rates are bounded just
// above where they stand for this seed (5.41 %, 6.32 %, 4.67 %), so that a change that orphans more
// fails. 4.10 % of the passages are deleted outright and must be orphans. With the selectors alone
// (after a git checkout) a passage whose sentence next to it was rewritten keeps only half its
// context, which is also all a copy of the same words elsewhere may have, and these generated reports
// repeat names, quotes and clauses far more than real ones: such passages are orphaned rather than
// guessed.
const BOUNDS: Record<Mode, number> = { 'old text known': 0.056, 'selectors only': 0.065, editor: 0.048 };

describe('re-anchoring fuzz: 10,000 realistic edit sequences, never on other text', function () {
  this.timeout(120_000);
  let stats: Record<Mode, Stats>;

  before(() => {
    stats = runFuzz({ seed: 1, texts: 20, sequencesPerText: 100, annotationsPerSequence: 5, maxEdits: 8 });
    console.log(summary(stats).replace(/^/gm, '      '));
  });

  for (const mode of ['old text known', 'selectors only', 'editor'] as const) {
    it(`${mode}: no wrong placement, orphan rate under ${(BOUNDS[mode] * 100).toFixed(1)} %`, () => {
      const s = stats[mode];
      assert.ok(s.cases >= 10_000, `${s.cases} cases`);
      assert.equal(s.wrong, 0, `wrong placements:\n${s.examples.join('\n')}`);
      assert.ok(s.orphan / s.cases < BOUNDS[mode], `${((100 * s.orphan) / s.cases).toFixed(2)} % orphaned`);
    });
  }
});
