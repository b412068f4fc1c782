import * as assert from 'node:assert';
import { FollowOnQuoteRefiner } from '../../../src/core/extract/refiners/FollowOnQuoteRefiner';
import { prepared } from './attribution/prepared';

/** Each quotation's speaker key after the refiners up to follow-on quotations, with and without it. */
function run(text: string): { before: Array<string | null>; after: Array<string | null> } {
  const { ctx } = prepared(text, FollowOnQuoteRefiner);
  const before = ctx.quotes.map((q) => q.speaker);
  new FollowOnQuoteRefiner().refine(ctx);
  return { before, after: ctx.quotes.map((q) => q.speaker) };
}

describe('follow-on quotations', () => {
  it('a quotation that is a whole sentence continues the quotation before it in its paragraph', () => {
    const { before, after } = run('"Do not retreat," Col. Mark Ellison said. "Victory is near."');
    assert.strictEqual(before[1], null);
    assert.ok(after[0] !== null);
    assert.strictEqual(after[1], after[0]);
  });
  it('or the one after it, when none before has a speaker', () => {
    const { after } = run('"Victory is near." "Do not retreat," Col. Mark Ellison said.');
    assert.ok(after[1] !== null);
    assert.strictEqual(after[0], after[1]);
  });
  it('a paragraph of nothing but quotation continues the quotation ending the paragraph before', () => {
    const { after } = run('Col. Mark Ellison spoke first. "We hold the bridge," he said.\n\n"We will hold the city."');
    assert.ok(after[0] !== null);
    assert.strictEqual(after[1], after[0]);
  });
  it('a quotation inside narration is not continued', () => {
    const { after } = run('"Do not retreat," Col. Mark Ellison said. The so-called "victory" was far away.');
    assert.strictEqual(after[1], null);
  });
  it('nor one in the next paragraph that has words of its own', () => {
    const { after } = run('"Do not retreat," Col. Mark Ellison said.\n\nThe crowd left. "Victory is near."');
    assert.strictEqual(after[1], null);
  });
});
