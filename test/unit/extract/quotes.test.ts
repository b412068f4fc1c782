import * as assert from 'node:assert';
import { findQuotes } from '../../../src/core/text/quotes';
import { paragraphs } from '../../../src/core/text/sentences';

function quotes(text: string): string[] {
  return findQuotes(text, paragraphs(text)).map((q) => text.slice(q.start, q.end));
}

describe('quotations', () => {
  it('finds straight and curly quotations, marks included', () => {
    assert.deepStrictEqual(quotes('“We will win,” he said. "We will not stop," she added.'), ['“We will win,”', '"We will not stop,"']);
  });
  it('ignores single quotation marks', () => {
    assert.deepStrictEqual(quotes("The 'apostate' army and the ‘Caliphate’ were named."), []);
  });
  it('an unclosed mark runs to the end of its paragraph, never further', () => {
    const text = '“This quotation goes on to the next paragraph.\n\nThe reporter wrote this, not the speaker. "Second," he said.';
    assert.deepStrictEqual(quotes(text), ['“This quotation goes on to the next paragraph.', '"Second,"']);
  });
  it('a stray closing mark is ignored', () => {
    assert.deepStrictEqual(quotes('A 12” screen and a ”stray mark.'), []);
  });
  it('a second opening mark pairs with the closing one', () => {
    assert.deepStrictEqual(quotes('He said “one thing and “another thing” today.'), ['“another thing”']);
  });
  it('mixed straight and curly marks pair', () => {
    assert.deepStrictEqual(quotes('He said “we stand firm" and left.'), ['“we stand firm"']);
  });
});
