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

  describe('transcripts', () => {
    const show = [
      'Harbour Voices, episode 9: the ferry strike',
      '',
      'ODILE MARCHETTI: Welcome back. I\'m Odile Marchetti, and my guest today is the union organiser Tobias Wren.',
      '',
      'WREN: Thanks for having me.',
      '',
      'MARCHETTI: The port authority said on Friday that the strike was "unlawful from the first day." Is it?',
      '',
      'WREN: No. We gave notice.',
      '',
      'PRIYA NANDAKUMAR (Harbour Gazette): Will the ferries run on Monday?',
      '',
      'WREN: Some will.',
    ].join('\n');
    const a = extractDocument(show);
    const speakers = (x: typeof a): string[] => x.mentions.filter((m) => m.type === 'speaker').map((m) => m.text);

    it('a full name in capitals labelling turns of a transcript is a speaker, with its other writings, "I\'m" left out', () => {
      assert.deepStrictEqual(speakers(a), ['ODILE MARCHETTI', 'Odile Marchetti', 'Tobias Wren', 'WREN', 'MARCHETTI', 'WREN', 'PRIYA NANDAKUMAR', 'WREN']);
      assert.strictEqual(new Set(a.mentions.filter((m) => m.text.toLowerCase().includes('marchetti')).map((m) => m.key)).size, 1);
    });
    it('a quotation with a speech verb of its own in a labelled turn is that verb’s subject’s, not the label’s', () => {
      assert.strictEqual(speakerOf(a, show, 'unlawful from the first day'), 'source:The port authority');
    });
    it('a label by rank and surname names the person the text calls by full name and by rank', () => {
      const t = [
        'Briefing by Maj. Gen. Ilse Vantongeren, commander of the northern sector',
        '',
        'General Vantongeren took questions from reporters.',
        '',
        'MR. OKAFOR: Good morning. General?',
        '',
        'GEN. VANTONGEREN: Good morning. The bridge at Rellmoor is open again.',
        '',
        'MR. OKAFOR: We will take two questions.',
        '',
        'GEN. VANTONGEREN: Go ahead.',
      ].join('\n');
      const b = extractDocument(t);
      const labels = b.mentions.filter((m) => m.text === 'GEN. VANTONGEREN');
      assert.strictEqual(labels.length, 2, JSON.stringify(b.mentions.map((m) => [m.text, m.type])));
      assert.ok(labels.every((m) => m.type === 'speaker'));
    });
    it('the given name a turn is passed by is a mention of that person: "Thanks, Odile.", "Priya."', () => {
      const t = [
        'ODILE MARCHETTI: Welcome back. My guest is the union organiser Tobias Wren. Tobias, thank you for coming.',
        '',
        'TOBIAS WREN: Thanks, Odile. Glad to be here.',
        '',
        'ODILE MARCHETTI: We have a caller. Priya.',
        '',
        'PRIYA NANDAKUMAR: Will the ferries from Tobias Point run on Monday?',
      ].join('\n');
      const b = extractDocument(t);
      const byText = (x: string): string[] => b.mentions.filter((m) => m.text === x).map((m) => `${m.type} ${m.key}`);
      const key = (x: string): string | undefined => b.mentions.find((m) => m.text === x)?.key;
      assert.deepStrictEqual(byText('Tobias'), [`speaker ${key('TOBIAS WREN')}`]);
      assert.deepStrictEqual(byText('Odile'), [`speaker ${key('ODILE MARCHETTI')}`]);
      assert.deepStrictEqual(byText('Priya'), [`speaker ${key('PRIYA NANDAKUMAR')}`]);
    });
    it('an asker who opens a question from the floor with name and outlet is a speaker', () => {
      const t = [
        'MS. DALGAARD: We have time for questions. Henrik.',
        '',
        'Q: Thank you. Henrik Solvang, Nordic Wire. Is the border crossing at Tornvik closed?',
        '',
        'MS. DALGAARD: It is open.',
        '',
        'Q: And the rail line?',
        '',
        'MS. DALGAARD: Open as well.',
      ].join('\n');
      const b = extractDocument(t);
      assert.deepStrictEqual(b.mentions.filter((m) => m.text === 'Henrik Solvang').map((m) => m.type), ['speaker']);
    });
  });
});
