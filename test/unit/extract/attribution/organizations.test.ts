import * as assert from 'node:assert';
import { orgAt, orgSpeaker } from '../../../../src/core/extract/refiners/attribution/organizations';
import { nameOf, prepared, tokenOf } from './prepared';

describe('attribution: organisations as speakers', () => {
  it('a recognised organisation name around the token is the organisation', () => {
    const { ctx, st } = prepared('The United Nations Support Mission in Libya rejected the message.');
    const r = orgAt(st, tokenOf(ctx, 'Libya'), 0);
    assert.strictEqual(nameOf(ctx, r), 'org:United Nations Support Mission in Libya');
  });
  it('a capitalised run that is neither person nor place, sentence stopwords left out', () => {
    const { ctx, st } = prepared('Then Nashir Media, the group’s agency, spoke.');
    assert.strictEqual(nameOf(ctx, orgAt(st, tokenOf(ctx, 'Media'), 0)), 'org:Nashir Media');
  });
  it('no organisation at a role word or a person', () => {
    const { ctx, st } = prepared('Spokesman Col. Mark Ellison spoke.');
    assert.strictEqual(orgAt(st, tokenOf(ctx, 'Spokesman'), 0), null);
    assert.strictEqual(orgAt(st, tokenOf(ctx, 'Ellison'), 0), null);
  });
  it('once credited, every writing of the name and of its bracketed acronym is a mention', () => {
    const { ctx, st } = prepared('The United Nations Support Mission in Libya (UNSMIL) spoke. UNSMIL has 200 staff in the United Nations Support Mission in Libya offices.');
    const r = orgAt(st, tokenOf(ctx, 'Mission'), 0);
    assert.ok(r);
    orgSpeaker(st, r);
    assert.deepStrictEqual(
      ctx.candidates.filter((c) => c.kind === 'org').map((c) => ctx.text.slice(c.start, c.end)),
      ['United Nations Support Mission in Libya', 'UNSMIL', 'UNSMIL', 'United Nations Support Mission in Libya'],
    );
  });
});
