import * as assert from 'node:assert';
import { afterOfOrThe } from '../../../src/core/extract/recognizers/DateRecognizer';
import { extractDocument } from '../../../src/core/extract';
import { expectMentions } from './spans';

describe('dates', () => {
  const opts = { documentDate: '2016-11-03' };
  const cases: Array<[string, string]> = [
    ['absolute dates keep their precision', 'It began on [[Nov. 3, 2015]]{date:2015-11-03}, grew in [[December 2015]]{date:2015-12} and peaked in [[2011]]{date:2011}.'],
    ['premodifiers inside, prepositions outside', 'The tape came out [[late Tuesday]]{date:2016-11-01}, his first since [[last December]]{date:2015-12}.'],
    ['"ago" inside the span', 'He was seen [[10 years ago]]{date:2006} and again [[Four days ago]]{date:2016-10-30}.'],
    ['a bare weekday is the latest one on or before the document date', 'The video was released [[Saturday]]{date:2016-10-29} and aired [[this Thursday]]{date:2016-11-03}.'],
    ['a bare month is the latest one on or before the document date', 'The city fell in [[May]]{date:2016-05}.'],
    ['"earlier this year"', 'He spoke [[earlier this year]]{date:2016}.'],
    ['part of the day belongs to the date', 'Fighting began on the [[morning of June 5]]{date:2016-06-05}.'],
    ['dates in event names take the latest such day', 'Since the [[November 13]]{date:2015-11-13} attacks, Paris has changed.'],
  ];
  for (const [name, markup] of cases) it(name, () => expectMentions(markup, ['date'], opts));

  it('durations, sets, vague words, generic weekdays and holidays are not dates', () => {
    expectMentions('The 24-minute message was recorded in the past two weeks, after two years of war and nearly three weeks of fighting, every week, recently and now, in a Friday sermon during Ramadan.', ['date'], opts);
  });
  it('a vague amount before "ago" is not a date, a count or "a" is', () => {
    expectMentions('It fell [[a year ago]]{date:2015}, was retaken several months ago and lost again a few weeks ago; many years ago it was a village.', ['date'], opts);
  });
  it('"today" meaning nowadays is not a date', () => {
    expectMentions('The group said [[today]]{date:2016-11-03} it had fewer fighters than it has today, and even today it holds towns.', ['date'], opts);
  });
  it('"may" and "march" as words are not months', () => {
    expectMentions('Fighters may march on the city, and they may win.', ['date'], opts);
  });
  it('relative dates stay unresolved, but marked, without a document date', () => {
    const a = extractDocument('The tape was released on Monday.');
    assert.deepStrictEqual(a.mentions.map((m) => [m.text, m.value]), [['Monday', undefined]]);
    assert.strictEqual(a.documentDate, undefined);
  });
  it('the document date is inferred from the latest full date', () => {
    const a = extractDocument('MOSUL, Iraq, Nov. 3, 2016 — The tape was released on Monday. It recalled Jan. 5, 2015.');
    assert.deepStrictEqual(a.documentDate, { value: '2016-11-03', source: 'inferred' });
    assert.strictEqual(a.mentions.find((m) => m.text === 'Monday')?.value, '2016-10-31');
  });
  it("the analyst's date wins", () => {
    const a = extractDocument('It was filmed on Nov. 3, 2016. It was released on Monday.', { documentDate: '2016-11-10' });
    assert.deepStrictEqual(a.documentDate, { value: '2016-11-10', source: 'analyst' });
    assert.strictEqual(a.mentions.find((m) => m.text === 'Monday')?.value, '2016-11-07');
  });
});

describe('end-of-period guard', () => {
  it('passes only offsets right after "of" or "the" and whitespace', () => {
    const text = 'by the end of March, the End Of  May, soft June, bathe July, of';
    const at = (w: string): number => text.indexOf(w);
    assert.strictEqual(afterOfOrThe(text, at('March')), true);
    assert.strictEqual(afterOfOrThe(text, at('May')), true);
    assert.strictEqual(afterOfOrThe(text, at('June')), false);
    assert.strictEqual(afterOfOrThe(text, at('July')), false);
    assert.strictEqual(afterOfOrThe(text, at('end')), true);
    assert.strictEqual(afterOfOrThe(text, 0), false);
  });
});
