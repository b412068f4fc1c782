import * as assert from 'node:assert';
import { extractDocument } from '../../../src/core/extract';
import { renderQuotes, speakerOf } from './spans';

function check(text: string, expected: Record<string, string | null>): void {
  const a = extractDocument(text);
  for (const [fragment, want] of Object.entries(expected)) {
    const got = speakerOf(a, text, fragment);
    assert.strictEqual(got, want, `speaker of "${fragment}": expected ${want}, got ${got}\n  ${renderQuotes(text, a)}`);
  }
}

/** A person introduced with a title, someone else quoted after, then the title's role word as subject. */
function afterAnother(introduced: string, described: string): string {
  return `${introduced} toured the flooded valley on Monday. Opposition leader Tom Hale criticised the visit. "It was a waste of money," Hale said.\n\n"We will rebuild every bridge," ${described} said.`;
}

describe('attribution: a role description after someone else spoke', () => {
  it('the role word of a title written inside or before the name: "Judge …", "President …"', () => {
    check(afterAnother('Judge Ann Price', 'the judge'), { 'We will rebuild': 'Ann Price' });
    check(afterAnother('President Nora Lind', 'the president'), { 'We will rebuild': 'Nora Lind' });
  });
  it('the office an abbreviated title stands for: "Gov." the governor, "Sen." the senator, "Rep." the congressman', () => {
    check(afterAnother('Gov. Mary Oakes', 'the governor'), { 'We will rebuild': 'Mary Oakes' });
    check(afterAnother('Sen. Paul Verne', 'the senator'), { 'We will rebuild': 'Paul Verne' });
    check(afterAnother('Sen. Paul Verne', 'the Ohio senator'), { 'We will rebuild': 'Paul Verne' });
    check(afterAnother('Rep. Dana Cole', 'the congresswoman'), { 'We will rebuild': 'Dana Cole' });
  });
  it('still the one named with the role word, when the title was written out', () => {
    check(afterAnother('Foreign Minister Anna Berg', 'the minister'), { 'We will rebuild': 'Anna Berg' });
  });
});

describe('attribution: an adverb between the subject and its speech verb', () => {
  it('"as she angrily said": the subject before the adverb, not a description before it', () => {
    check('Sen. Anna Berg jabbed her finger at an activist as she angrily said, "Stop lying about my record."', { 'Stop lying': 'Anna Berg' });
  });
});

describe('attribution: verbs that go on with a quotation', () => {
  it('"…,” the mayor continued": the subject right after the quotation', () => {
    check('Sen. Anna Berg spoke for an hour. Tom Hale, the mayor, listened. "She promised us bridges," Hale said. Berg left early. "Nobody came back," the mayor continued.', { 'Nobody came back': 'Tom Hale' });
  });
  it('a verb of writing after a longer subject that ends with a name', () => {
    check('Many of the party’s members admire her. "Go Anna, go!" the Northern Union’s regional leader Tom Hale wrote on his blog.', { 'Go Anna': 'Tom Hale' });
  });
});

describe('attribution: the verb after a quotation is in its paragraph', () => {
  it('a question, then the next paragraph opening "X continued, …": the question is not X’s', () => {
    check('Sen. Anna Berg spoke for an hour.\n\nTom Hale asked, "Will the bridges be built?"\n\nBerg continued, "Yes. Every one of them."', { 'Will the bridges': 'Tom Hale', 'Every one of them': 'Anna Berg' });
  });
});
