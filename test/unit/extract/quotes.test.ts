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
  it('a quotation left open goes on in the next paragraph when that one opens with a fresh mark: one span', () => {
    const text = 'The minister spoke. “We made hard choices. Some will hurt.\n\n“But the rest was worse,” she said.\n\n"Next," he said.';
    assert.deepStrictEqual(quotes(text), ['“We made hard choices. Some will hurt.\n\n“But the rest was worse,”', '"Next,"']);
  });
  it('over as many paragraphs as open with a fresh mark, straight marks too', () => {
    const text = '"One part.\n\n"Two parts.\n\n"Three," he said.';
    assert.deepStrictEqual(quotes(text), [text.slice(0, text.indexOf(' he'))]);
  });
  it('but a paragraph opening with a transcript’s label is a new turn, not the same quotation', () => {
    const text = 'The transcript reads: "HOST: Good morning.\n\n"FINCH: Good morning to you."';
    assert.deepStrictEqual(quotes(text), ['"HOST: Good morning.', '"FINCH: Good morning to you."']);
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

describe('quotations found from mark to mark', () => {
  it('paragraphs without a mark between quoted ones are skipped, and each keeps its own quotations', () => {
    const text = '"First," she said.\n\nNo quotation here at all.\n\nNor here.\n\nThen he said “last”.';
    assert.deepStrictEqual(quotes(text), ['"First,"', '“last”']);
  });
  it('a mark closing one paragraph does not pair with one opening the next', () => {
    const text = 'He called it “the end.\n\nShe said ”nothing" at all.';
    assert.deepStrictEqual(quotes(text), ['“the end.']);
  });
  it('paragraphs given out of order are each read whole', () => {
    const text = '"One," he said.\n\n"Two," she said.';
    const [p1, p2] = paragraphs(text);
    assert.deepStrictEqual(
      findQuotes(text, [p2, p1]).map((q) => text.slice(q.start, q.end)),
      ['"Two,"', '"One,"'],
    );
  });
});
