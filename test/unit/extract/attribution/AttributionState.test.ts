import * as assert from 'node:assert';
import { credit, GAP, gapHas } from '../../../../src/core/extract/refiners/attribution/AttributionState';
import { prepared, tokenOf } from './prepared';

describe('attribution: its state', () => {
  it('the marks between a token and the next, read once', () => {
    const { ctx, st } = prepared('Col. Mark Ellison said: "We stay," and left; then (late) he spoke.');
    assert.ok(gapHas(st, tokenOf(ctx, 'said'), GAP.colon));
    assert.ok(!gapHas(st, tokenOf(ctx, 'said'), GAP.comma | GAP.semicolon));
    assert.ok(gapHas(st, tokenOf(ctx, 'left'), GAP.semicolon));
    assert.ok(gapHas(st, tokenOf(ctx, 'then'), GAP.openParen));
    assert.ok(!gapHas(st, ctx.tokens.length - 1, GAP.period), 'no text after the last token');
    assert.ok(!gapHas(st, -1, GAP.period));
  });
  it('crediting a verb makes its subject the last speaker, and a person a speaker of the document', () => {
    const { ctx, st } = prepared('Col. Mark Ellison spoke at the base.');
    const key = ctx.mentionAt(0)?.key as string;
    credit(st, tokenOf(ctx, 'spoke'), { key, kind: 'person' });
    assert.strictEqual(st.last?.r.key, key);
    assert.strictEqual(st.lastPerson?.r.key, key);
    assert.strictEqual(ctx.persons.get(key)?.speaker, true);
    assert.strictEqual(ctx.verbSubjects.get(tokenOf(ctx, 'spoke'))?.key, key);
  });
});
