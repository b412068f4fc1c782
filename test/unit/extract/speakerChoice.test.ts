import * as assert from 'node:assert';
import { createConfiguration } from '../../../src/core/extract/configuration';
import { extractDocument } from '../../../src/core/extract';
import { SpeakerChoiceRefiner, type SpeakerModel } from '../../../src/core/extract/refiners/SpeakerChoiceRefiner';
import { speakerOf } from './spans';

/** Extraction with the speaker choice given these weights instead of the shipped ones. */
function withModel(text: string, model: SpeakerModel): ReturnType<typeof extractDocument> {
  const c = createConfiguration();
  return extractDocument(text, {}, { ...c, refiners: c.refiners.map((r) => (r instanceof SpeakerChoiceRefiner ? new SpeakerChoiceRefiner(model) : r)) });
}

describe('the learned choice of speaker', () => {
  const text = 'Gen. Ade Bako met Col. Mark Ellison at the base on Monday. The convoy left at dawn and "nobody stopped it" until noon.';

  it('the highest scoring candidate wins, nobody when "none" scores highest', () => {
    assert.strictEqual(speakerOf(withModel(text, { candidate: { rule: 1 }, none: { bias: 0.5 } }), text, 'nobody stopped'), null);
    assert.strictEqual(speakerOf(withModel(text, { candidate: { previousSentence: 1, sentenceSubject: 1 }, none: { bias: 0.5 } }), text, 'nobody stopped'), 'Ade Bako');
    assert.strictEqual(speakerOf(withModel(text, { candidate: { previousSentence: 1, nearestBefore: 1 }, none: { bias: 0.5 } }), text, 'nobody stopped'), 'Mark Ellison');
  });
  it('a person chosen becomes a speaker in every mention', () => {
    const a = withModel(text, { candidate: { previousSentence: 1, sentenceSubject: 1 }, none: { bias: 0.5 } });
    assert.deepStrictEqual(a.mentions.filter((m) => m.text.includes('Bako')).map((m) => m.type), ['speaker']);
    assert.deepStrictEqual(a.mentions.filter((m) => m.text.includes('Ellison')).map((m) => m.type), ['person']);
  });
  it('never overrides what the definition decides: a title, or the named subject of the verb governing the quotation', () => {
    const t = 'Col. Mark Ellison released a video titled "The Long Road" on Monday. Gen. Ade Bako said the army was "ready."';
    const a = withModel(t, { candidate: { person: 5, sentenceSubject: 5 }, none: {} });
    assert.strictEqual(speakerOf(a, t, 'The Long Road'), null);
    assert.strictEqual(speakerOf(a, t, 'ready'), 'Ade Bako');
  });
  it('an organisation chosen is a speaker, its name a mention; one the choice took its quotation from is none', () => {
    const t = 'The Dayton Herald ran the story on Monday. "The mill will not reopen."';
    const chosen = withModel(t, { candidate: { organization: 2 }, none: { bias: 1 } });
    assert.strictEqual(speakerOf(chosen, t, 'The mill'), 'Dayton Herald');
    assert.deepStrictEqual(chosen.mentions.map((m) => [m.text, m.type]).filter(([, ty]) => ty === 'speaker'), [['Dayton Herald', 'speaker']]);
    const none = withModel(t, { candidate: { organization: 0.5 }, none: { bias: 1 } });
    assert.deepStrictEqual(none.mentions.filter((m) => m.type === 'speaker'), []);
  });
  it('the shipped weights name every feature the candidates have', () => {
    const a = extractDocument(text);
    assert.ok(a.quotes.length === 1);
  });
});
