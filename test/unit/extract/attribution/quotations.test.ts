import * as assert from 'node:assert';
import { attributeQuote, NOBODY } from '../../../../src/core/extract/refiners/attribution/quotations';
import { prepared } from './prepared';

/** The speaker attributeQuote gives each quotation of `text`, taken alone and in order. */
function speakers(text: string): Array<string | null> {
  const { ctx, st } = prepared(text);
  return ctx.quoteSpans.map((_q, qi) => {
    attributeQuote(st, qi);
    const key = ctx.quotes[qi].speaker;
    return key === null ? null : (ctx.persons.get(key)?.name ?? ctx.entities.get(key)?.name ?? key);
  });
}

describe('attribution: crediting quotations', () => {
  it('the verb after the quotation, inverted or not', () => {
    assert.deepStrictEqual(speakers('"We will return," said Abu Talha al-Almani. "The war is long," Col. Mark Ellison told reporters.'), ['Abu Talha al-Almani', 'Mark Ellison']);
  });
  it('a name right after the quotation, before its apposition and verb', () => {
    assert.deepStrictEqual(speakers('"The tone is new," Lena Marsh, a researcher at a centre in Leeds, said.'), ['Lena Marsh']);
  });
  it('the verb before the quotation in its sentence, the innermost one', () => {
    assert.deepStrictEqual(speakers('The spokesman, Abu Hafs al-Masri, added that the leader Abu Umar al-Kurdi had urged the "soldiers of the state" to hide.'), ['Abu Umar al-Kurdi']);
  });
  it('a verb that quotes its complement', () => {
    assert.deepStrictEqual(speakers('Col. Mark Ellison called the attack "a response to crimes" of the army.'), ['Mark Ellison']);
  });
  it('no speech verb governing it: no speaker', () => {
    assert.deepStrictEqual(speakers('The tape was entitled "the promise of God" by its makers.'), [null]);
  });
  it('a title, a so-called term and the words of a thing are nobody’s, whatever verb is near', () => {
    const text = 'Col. Mark Ellison said the group runs so-called "provinces" and released a film titled, "Dawn." The claim, which describes the army as "tyrants," was old.';
    const { ctx, st } = prepared(text);
    ctx.quoteSpans.forEach((_q, qi) => attributeQuote(st, qi));
    assert.deepStrictEqual(ctx.quotes.map((q) => q.speaker), [null, null, null]);
    assert.deepStrictEqual([...ctx.quoteVerbs], [NOBODY, NOBODY, NOBODY]);
  });
  it('the verb that credits a quotation is recorded', () => {
    const { ctx, st } = prepared('Col. Mark Ellison said the road was "open again."');
    attributeQuote(st, 0);
    assert.strictEqual(ctx.tokens[ctx.quoteVerbs[0]].text, 'said');
  });
  it('a passive verb gives no speaker', () => {
    assert.deepStrictEqual(speakers('He was called "the butcher" by residents.'), [null]);
  });
});
