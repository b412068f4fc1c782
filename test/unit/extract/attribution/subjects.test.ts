import * as assert from 'node:assert';
import { credit } from '../../../../src/core/extract/refiners/attribution/AttributionState';
import { subjectOf } from '../../../../src/core/extract/refiners/attribution/subjects';
import { nameOf, prepared, tokenOf } from './prepared';

/** The subject the rules find for the speech verb `verb` (its nth writing) in `text`. */
function subject(text: string, verb: string, nth = 0, afterQuote = false): string | null {
  const { ctx, st } = prepared(text);
  return nameOf(ctx, subjectOf(st, tokenOf(ctx, verb, nth), afterQuote));
}

describe('attribution: subjects of speech verbs', () => {
  it('the name right before the verb, across auxiliaries', () => {
    assert.strictEqual(subject('Col. Mark Ellison has repeatedly warned of a long campaign.', 'warned'), 'Mark Ellison');
  });
  it('the name after an inverted verb following a quotation', () => {
    assert.strictEqual(subject('"We will return," said Abu Talha al-Almani.', 'said', 0, true), 'Abu Talha al-Almani');
  });
  it('the name after "according to"', () => {
    assert.strictEqual(subject('The tape is new, according to Lena Marsh, a researcher.', 'according'), 'Lena Marsh');
  });
  it('no subject for a passive verb', () => {
    assert.strictEqual(subject('Col. Mark Ellison met the envoy. He was told to wait.', 'told'), null);
  });
  it('the name before an apposition', () => {
    assert.strictEqual(subject('Abu Umar al-Kurdi, the leader of the group, has warned of attacks.', 'warned'), 'Abu Umar al-Kurdi');
  });
  it('the antecedent of "who", also for a verb coordinated inside the relative clause', () => {
    assert.strictEqual(subject('It answered President Tom Keller, who announced the raid and said it had worked.', 'said'), 'Tom Keller');
  });
  it('the clause subject of a participle', () => {
    assert.strictEqual(subject('Abu Umar al-Kurdi rejected the talks, saying they were a trap.', 'saying'), 'Abu Umar al-Kurdi');
  });
  it('the subject of the speech verb a second one is coordinated with', () => {
    const { ctx, st } = prepared('Abu Umar al-Kurdi urged the fighters to hide and warned them of drones.');
    const urged = tokenOf(ctx, 'urged');
    credit(st, urged, subjectOf(st, urged));
    assert.strictEqual(nameOf(ctx, subjectOf(st, tokenOf(ctx, 'warned'))), 'Abu Umar al-Kurdi');
  });
  it('a bare plural opening the sentence is an unnamed source', () => {
    assert.strictEqual(subject('Analysts said the speech was weak.', 'said'), 'source:analysts');
  });
  it('a subject phrase carrying a relative clause', () => {
    assert.strictEqual(subject('An official who could not be named said the talks had failed.', 'said'), 'source:An official');
  });
  it('the person in a complex subject: not the place or body after "of", not the bracketed party, not the possessor', () => {
    assert.strictEqual(subject('Gov. Mark Oduya of Ohio said the plan was dead.', 'said'), 'Mark Oduya');
    assert.strictEqual(subject('Col. Ann Price of the Army Corps of Engineers told reporters it was fine.', 'told'), 'Ann Price');
    assert.strictEqual(subject('Sen. Dan Whitmore (R-Ohio) said the deal was bad.', 'said'), 'Dan Whitmore');
    assert.strictEqual(subject('Sen. Laura Finch’s colleague, Sen. Dan Whitmore, said the vote was bad.', 'said'), 'Dan Whitmore');
  });
  it('a place as a speaker is a speaker local to the document; so is a body named by a description', () => {
    assert.strictEqual(subject('Iraq said the border was closed.', 'said'), 'source:Iraq');
    assert.strictEqual(subject('The ministry said the border was closed.', 'said'), 'source:The ministry');
    assert.strictEqual(subject('The spokesman of the ministry said the border was closed.', 'said'), 'source:The spokesman');
  });
  it('an organisation after an inverted verb', () => {
    assert.strictEqual(subject('"It will not reopen," wrote The Dayton Herald in an editorial.', 'wrote', 0, true), 'org:Dayton Herald');
  });
  it('a capitalised name that is neither a person nor a place is an organisation', () => {
    assert.strictEqual(subject('Nashir, the group’s news agency, said the commander died.', 'said'), 'org:Nashir');
  });
});
