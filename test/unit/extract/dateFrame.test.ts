import * as assert from 'node:assert/strict';
import { frameOf, type Frame } from '../../../src/core/extract/recognizers/dateFrame';

/** The frame of the date written between [[ and ]]. */
function frame(markup: string): Frame {
  const start = markup.indexOf('[[');
  const end = markup.indexOf(']]') - 2;
  return frameOf(markup.replace('[[', '').replace(']]', ''), start, end);
}

describe('the frame of a date', () => {
  it('a past-tense verb right before the date points back, whatever the clause says', () => {
    assert.equal(frame('The envoy, who will retire soon, said [[Friday]] that talks failed.'), 'past');
    assert.equal(frame('Cuba predicted [[Wednesday]] that the boy would return.'), 'past');
    assert.equal(frame('He was killed on [[Dec. 20]].'), 'past');
  });
  it('"since" points back', () => {
    assert.equal(frame('Police have searched for him since shortly after the [[Oct. 23]] killing.'), 'past');
  });
  it('a participle after "be" or a modal does not', () => {
    assert.equal(frame('Repairs will be finished by [[Saturday]].'), 'future');
    assert.equal(frame('Repairs would be finished by [[Saturday]].'), 'weak-future');
    assert.equal(frame('The appeal is heard in [[May]].'), undefined);
  });
  it('words of the future near the date point forward strongly, elsewhere in the clause weakly', () => {
    assert.equal(frame('The ministers will meet on [[Tuesday]].'), 'future');
    assert.equal(frame('The vote is scheduled for [[March 2]].'), 'future');
    assert.equal(frame('His relatives said they would look for ways to get around the ruling issued by the court in [[August]].'), 'weak-future');
    assert.equal(frame('On [[Tuesday]], the group will march.'), 'weak-future');
    assert.equal(frame('The bank extended loans through [[January]].'), 'weak-future');
  });
  it('a limit is ahead unless its clause is in the past; a future after the date counts only when the date opens its clause', () => {
    assert.equal(frame('Until [[Thursday]], the police had not named him.'), 'past');
    assert.equal(frame('The envoys issued a statement [[Friday]] saying the pact will hold.'), undefined);
  });
  it('a past-tense verb right after a reduced relative points back', () => {
    assert.equal(frame('A second round due on [[Friday]] was postponed.'), 'past');
  });
  it('the clause starts after a sentence end, not after an abbreviation', () => {
    assert.equal(frame('The group will vote. Its leader is in the city on [[Monday]].'), undefined);
    assert.equal(frame('The curfew will start at 10 p.m. [[Friday]].'), 'future');
  });
  it('a date opening a clause told in the past points back, unless the clause speaks of the future', () => {
    assert.equal(frame('In [[January]], the company brought in a new chief executive.'), 'past');
    assert.equal(frame('In [[January]], the company that was sold will move.'), 'weak-future');
    assert.equal(frame('In [[January]], a new chief executive takes over.'), undefined);
  });
  it('a scheduled event in the present tense right before the date is ahead', () => {
    assert.equal(frame('The two envoys meet separately [[Monday]] with the mediator.'), 'future');
    assert.equal(frame('The ministers resume talks on [[Thursday]].'), undefined);
    assert.equal(frame('The final vote is on [[Friday]].'), 'future');
    assert.equal(frame('The video is from [[Tuesday]].'), undefined);
  });
  it('a scheduled verb in the present a few words before the date looks ahead, unless a past tense comes between', () => {
    assert.equal(frame('The foreign minister arrives in Kabul on [[Sunday]] for talks.'), 'weak-future');
    assert.equal(frame('The minister arrives in Kabul, officials said on [[Sunday]].'), 'past');
    assert.equal(frame('The arrivals of the convoys in Kabul on [[Sunday]] were filmed.'), 'past');
  });
  it('a verb of putting off reads its limit ahead', () => {
    assert.equal(frame('Officials postponed until [[Tuesday]] any decision on the permit.'), 'future');
    assert.equal(frame('The guests stayed until [[Tuesday]].'), 'past');
  });
  it('the words of a quotation do not set the frame of the narration after it', () => {
    assert.equal(frame('"Parliament will have to act," the paper wrote in an editorial on [[Tuesday]].'), undefined);
    assert.equal(frame('"We will sign it on [[Tuesday]]," the minister said.'), 'future');
  });
  it('"will" governs its clause up to the date unless a past tense comes between', () => {
    assert.equal(frame('Colonel Adeyemi will be named commander of the relief convoy for a mission in [[December]].'), 'future');
    assert.equal(frame('He will always remember what the soldiers found in the village in [[December]].'), 'weak-future');
  });
  it('a date opening its clause takes the future of a long subject’s verb', () => {
    assert.equal(frame('On [[Tuesday]], the National Association of Rural Health Workers and Midwives plans to hold a rally.'), 'weak-future');
  });
  it('a sentence with no such word has no frame', () => {
    assert.equal(frame('Fighting broke out in the city on [[Monday]].'), undefined);
  });
});
