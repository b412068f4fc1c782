import * as assert from 'node:assert';
import { FollowOnQuoteRefiner, standsAlone } from '../../../../src/core/extract/refiners/FollowOnQuoteRefiner';
import { SpeakerChoiceRefiner } from '../../../../src/core/extract/refiners/SpeakerChoiceRefiner';
import { CANDIDATE_FEATURES, F, NONE_FEATURES, SpeakerCandidates } from '../../../../src/core/extract/refiners/attribution/speakerCandidates';
import { prepared } from './prepared';

type Row = Record<string, number>;

/** Each quotation's candidates (by name) with their non-zero features, and its own features, as the choice sees them. */
function candidates(text: string): Array<{ candidates: Record<string, Row>; none: Row }> {
  const { ctx } = prepared(text, SpeakerChoiceRefiner);
  const c = new SpeakerCandidates(ctx);
  return ctx.quoteSpans.map((_q, qi) => {
    c.forQuote(qi, standsAlone(ctx, qi));
    const out: Record<string, Row> = {};
    for (let k = 0; k < c.n; k++) {
      const r = c.refs[k];
      const name = r.kind === 'person' ? (ctx.persons.get(r.key)?.name ?? r.key) : `${r.kind}:${ctx.entities.get(r.key)?.name ?? r.key}`;
      out[name] = Object.fromEntries(CANDIDATE_FEATURES.map((f, i) => [f, c.x[k * F + i]]).filter(([, v]) => v !== 0));
    }
    return { candidates: out, none: Object.fromEntries(NONE_FEATURES.map((f, i) => [f, c.none[i]]).filter(([, v]) => v !== 0)) };
  });
}

describe('attribution: candidate speakers and their features', () => {
  it('the rules’ answer, with the verb that gave it, and the persons written nearby', () => {
    const [q] = candidates('Gen. Ade Bako met Col. Mark Ellison at the base. "The road is open," Ellison said.');
    assert.deepStrictEqual(Object.keys(q.candidates).sort(), ['Ade Bako', 'Mark Ellison']);
    const ellison = q.candidates['Mark Ellison'];
    assert.strictEqual(ellison.rule, 1);
    assert.strictEqual(ellison.ruleVerbAfter, 1);
    assert.strictEqual(ellison.sameSentenceAfter, 1);
    assert.strictEqual(ellison.speechSameSentence, 1);
    assert.strictEqual(q.candidates['Ade Bako'].rule, undefined);
    assert.strictEqual(q.candidates['Ade Bako'].previousSentence, 1);
    assert.strictEqual(q.candidates['Ade Bako'].sentenceSubject, 1);
  });
  it('the speaker of the quotation before, and a pronoun’s gender against each person’s', () => {
    const qs = candidates('Sen. Laura Finch introduced Gov. Mark Oduya at the rally. "We are ready," he said. "Nobody can stop us."');
    assert.strictEqual(qs[0].candidates['Mark Oduya'].genderAgrees, 1);
    assert.strictEqual(qs[0].candidates['Laura Finch'].genderClashes, 1);
    assert.strictEqual(qs[1].candidates['Mark Oduya'].previousQuote, 1);
    assert.strictEqual(qs[1].none.alone, 1);
  });
  it('a name opening its line before a colon is a label; a name after "told" is spoken to', () => {
    const [label] = candidates('Sen. Laura Finch, WDTN: "We owe these workers more."');
    assert.strictEqual(label.candidates['Laura Finch'].colonLabel, 1);
    const [told] = candidates('"It is over," Gen. Ade Bako told Col. Mark Ellison.');
    assert.strictEqual(told.candidates['Mark Ellison'].objectOfSpeech, 1);
    assert.strictEqual(told.candidates['Ade Bako'].objectOfSpeech, undefined);
  });
  it('what the quotation itself is: its length, its capital, a title word before it', () => {
    const [title] = candidates('Col. Mark Ellison met the crew.\n\nThe crew had a film nicknamed "Dawn" in the works.');
    assert.deepStrictEqual(title.none, { bias: 1, noRule: 1, oneWord: 1, capitalised: 1, titleCue: 1 });
  });
  it('a name in Title Case, a possessor right before it, an attribute of markup', () => {
    const [show] = candidates('Col. Mark Ellison spoke about it on the station’s "Morning Watch" program.');
    assert.strictEqual(show.none.titleCase, 1);
    assert.strictEqual(show.none.afterPossessive, 1);
    const [words] = candidates('Col. Mark Ellison said the road was "open again" on Monday.');
    assert.strictEqual(words.none.titleCase, undefined);
    assert.strictEqual(words.none.afterPossessive, undefined);
    const [attribute] = candidates('Col. Mark Ellison posted <img src="dawn.png"> on Monday.');
    assert.strictEqual(attribute.none.markup, 1);
  });
  it('a possessor is marked as one', () => {
    const [q] = candidates('Col. Mark Ellison’s aide, Capt. Ruth Amadi, said the road was "open again."');
    assert.ok(Object.values(q.candidates).some((row) => row.possessive === 1));
  });
  it('no quotation, no work: the follow-on refiner and the choice leave a text without quotations alone', () => {
    const { ctx } = prepared('Col. Mark Ellison spoke at the base.', FollowOnQuoteRefiner);
    new FollowOnQuoteRefiner().refine(ctx);
    new SpeakerChoiceRefiner().refine(ctx);
    assert.deepStrictEqual(ctx.quotes, []);
  });
});
