import * as assert from 'node:assert';
import { extractDocument } from '../../../../src/core/extract';
import { speakerOf } from '../spans';

describe('attribution: labelled turns and colon labels', () => {
  const text = 'Sen. Laura Finch sat down with the station on Monday.\n\nQ: Will the mill reopen?\n\nFINCH: Not this year. I told them, "Not while I am in office."\n\nSen. Laura Finch, WDTN: "We owe these workers more."';
  const a = extractDocument(text);

  it('a label naming a person of the document is a speaker mention of that person, in capitals too', () => {
    assert.deepStrictEqual(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.text), ['Sen. Laura Finch', 'FINCH', 'Sen. Laura Finch']);
    const keys = new Set(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.key));
    assert.strictEqual(keys.size, 1);
  });
  it('the quotations of a labelled line are the label’s; "Q:" names nobody', () => {
    assert.strictEqual(speakerOf(a, text, 'Not while I am'), 'Laura Finch');
    assert.strictEqual(speakerOf(a, text, 'We owe these'), 'Laura Finch');
    assert.ok(!a.mentions.some((m) => m.text === 'Q'));
  });
  it('a headline opening with a name and a colon is not a label', () => {
    const t = 'After Finch: the mill town waits\n\nSen. Laura Finch left on Monday.';
    assert.deepStrictEqual(extractDocument(t).mentions.filter((m) => m.type !== 'date').map((m) => m.text), ['Finch', 'Sen. Laura Finch']);
  });
});
