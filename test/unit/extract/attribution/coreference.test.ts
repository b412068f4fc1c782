import * as assert from 'node:assert';
import { credit } from '../../../../src/core/extract/refiners/attribution/AttributionState';
import { description, referentAt, resolvePronoun } from '../../../../src/core/extract/refiners/attribution/coreference';
import { nameOf, prepared, tokenOf } from './prepared';

describe('attribution: coreference of pronouns and descriptions', () => {
  it('a pronoun is the first person named earlier in its sentence', () => {
    const { ctx, st } = prepared('When Col. Mark Ellison met Gen. Ade Bako, he said little.');
    assert.strictEqual(nameOf(ctx, resolvePronoun(st, tokenOf(ctx, 'he'))), 'Mark Ellison');
  });
  it('else the first person named in the nearest sentence before', () => {
    const { ctx, st } = prepared('Col. Mark Ellison spoke after Ade Bako. The room was full. He said little.');
    assert.strictEqual(nameOf(ctx, resolvePronoun(st, tokenOf(ctx, 'He'))), 'Mark Ellison');
  });
  it('never a person of the other gender', () => {
    const { ctx, st } = prepared('Sen. Laura Finch introduced Gov. Mark Oduya at the rally. He said little.');
    assert.strictEqual(nameOf(ctx, resolvePronoun(st, tokenOf(ctx, 'He'))), 'Mark Oduya');
  });
  it('a sentence opened by the same pronoun keeps its referent', () => {
    const { ctx, st } = prepared('Omar Saleh spoke for an hour. He made no mention of Yusuf Dallo. He did praise the fighters.');
    assert.strictEqual(nameOf(ctx, resolvePronoun(st, tokenOf(ctx, 'He', 1))), 'Omar Saleh');
  });
  it('with no name in reach, the speaker credited last', () => {
    const { ctx, st } = prepared('Omar Saleh spoke. It rained. It rained. It rained. It rained. It rained. It rained. It rained. He left.');
    credit(st, tokenOf(ctx, 'spoke'), { key: ctx.mentionAt(0)?.key as string, kind: 'person' });
    assert.strictEqual(nameOf(ctx, resolvePronoun(st, tokenOf(ctx, 'He'))), 'Omar Saleh');
  });
  it('a person mention is its own referent, any other word none', () => {
    const { ctx, st } = prepared('Col. Mark Ellison spoke in Mosul.');
    assert.strictEqual(nameOf(ctx, referentAt(st, tokenOf(ctx, 'Mark'))), 'Mark Ellison');
    assert.strictEqual(referentAt(st, tokenOf(ctx, 'Mosul')), null);
  });
  it('an indefinite description is a new unnamed source; the definite one met later is the same source', () => {
    const { ctx, st } = prepared('A U.S. official spoke on Monday. The official added more.');
    const first = description(st, tokenOf(ctx, 'official'), 0);
    const again = description(st, tokenOf(ctx, 'official', 1), tokenOf(ctx, 'The'));
    assert.strictEqual(nameOf(ctx, first), 'source:A U.S. official');
    assert.deepStrictEqual(again, first);
  });
  it('a definite role resolves to the person last described by that role', () => {
    const { ctx, st } = prepared('Abu Umar al-Kurdi, the leader of the group, released a tape. Omar Saleh spoke too. The group leader talks of war.');
    assert.strictEqual(nameOf(ctx, description(st, tokenOf(ctx, 'leader', 1), tokenOf(ctx, 'The'))), 'Abu Umar al-Kurdi');
  });
  it('a body or a document named only by a description is one speaker local to the document, met again the same', () => {
    const { ctx, st } = prepared('The ministry spoke on Monday. The ministry spoke again. The letter was short.');
    const first = description(st, tokenOf(ctx, 'ministry'), tokenOf(ctx, 'The'));
    assert.strictEqual(nameOf(ctx, first), 'source:The ministry');
    assert.deepStrictEqual(description(st, tokenOf(ctx, 'ministry', 1), tokenOf(ctx, 'The', 1)), first);
    assert.strictEqual(nameOf(ctx, description(st, tokenOf(ctx, 'letter'), tokenOf(ctx, 'The', 2))), 'source:The letter');
  });
  it('"the tape" is the recording of the document’s main speaker', () => {
    const { ctx, st } = prepared('Abu Umar al-Kurdi issued an audio message on Monday. Analysts were surprised. The tape runs an hour.');
    credit(st, tokenOf(ctx, 'issued'), { key: ctx.mentionAt(0)?.key as string, kind: 'person' });
    assert.strictEqual(nameOf(ctx, description(st, tokenOf(ctx, 'tape'), tokenOf(ctx, 'The'))), 'Abu Umar al-Kurdi');
  });
});
