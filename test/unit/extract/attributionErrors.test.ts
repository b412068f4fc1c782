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

describe('attribution on real news: kinds of error', () => {
  it('a follow-on quotation belongs to the speaker of the sentence before, in its paragraph or the one before', () => {
    check('Sen. Laura Finch told the crowd in Dayton that the mill would reopen.\n\n"We owe these workers more than speeches."', { 'We owe these workers': 'Laura Finch' });
    check('Gov. Mark Oduya warned that the budget was short. "There is no money left."', { 'There is no money': 'Mark Oduya' });
  });
  it('a Title-Case headline cue: "Finch Says …"', () => {
    check('Finch Says "Workers Deserve Better"\n\nSen. Laura Finch spent Monday in Dayton, where she toured a closed steel mill.', { 'Workers Deserve Better': 'Laura Finch' });
  });
  it('organisations and outlets as speakers; a body named only by a description, or a country, is a speaker local to the document', () => {
    check('"The mill will not reopen," wrote The Dayton Herald in an editorial.', { 'The mill will not': 'Dayton Herald' });
    check('The ministry said the border was "fully secure."', { 'fully secure': 'source:The ministry' });
    check('"We will respond in kind," Iraq said on Monday.', { 'We will respond': 'source:Iraq' });
    check('Sen. Laura Finch’s office sent a letter on Monday. The letter said the mill was "beyond saving."', { 'beyond saving': 'source:The letter' });
  });
  it('a quoted fragment inside narration belongs to the sentence’s subject', () => {
    check('Sen. Laura Finch blamed the closure on "greedy managers" and left before noon.', { 'greedy managers': 'Laura Finch' });
  });
  it('a pronoun is not resolved to a person of the other gender', () => {
    check('Sen. Laura Finch introduced Gov. Mark Oduya at the rally. "We are ready," he said.', { 'We are ready': 'Mark Oduya' });
    check('Gov. Mark Oduya praised Sen. Laura Finch on Monday. "I owe him a great deal," she said.', { 'I owe him': 'Laura Finch' });
  });
  it('the person, not the place or the possessor, in a complex subject', () => {
    check('Gov. Mark Oduya of Ohio said the plan was "dead on arrival."', { 'dead on arrival': 'Mark Oduya' });
    check('Sen. Dan Whitmore (R-Ohio) said the deal was "a disaster."', { 'a disaster': 'Dan Whitmore' });
    check('Sen. Laura Finch’s colleague, Sen. Dan Whitmore, said the vote was "a disgrace."', { 'a disgrace': 'Dan Whitmore' });
  });
  it('a role of a body or a country is a person described, not the body: "the President of the Assembly warned"', () => {
    const text = 'The debate opened on Monday.\n\nThe President of the Assembly warned that the text was "the last thread holding us together."\n\nThe representative of the Kelmar Arab Republic said the camps were run by "foreign agents."\n\nThe director of the Office for the Protection of Harbours (OPH) said on Tuesday that "the ports are safe."';
    const a = extractDocument(text);
    assert.strictEqual(speakerOf(a, text, 'the last thread'), 'source:The President of the Assembly', renderQuotes(text, a));
    assert.strictEqual(speakerOf(a, text, 'foreign agents'), 'source:The representative of the Kelmar Arab Republic', renderQuotes(text, a));
    assert.strictEqual(speakerOf(a, text, 'the ports are safe'), 'source:The director of the Office for the Protection of Harbours', renderQuotes(text, a));
    assert.deepStrictEqual(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.text), []);
    assert.ok(!a.mentions.some((m) => m.text === 'Assembly' && m.type === 'person'));
  });
  it('a full name after a role and its complement is the subject: "Secretary of State Ann T. Marlowe said"', () => {
    const text = 'Secretary of State Ann T. Marlowe said the talks were "a step forward."';
    const a = extractDocument(text);
    assert.match(speakerOf(a, text, 'a step forward') ?? '', /Ann T\. Marlowe$/, renderQuotes(text, a));
  });
  it('the person before a body’s name and its bracketed acronym: "X of the Party for Reform (PFR) called …"', () => {
    check('Sen. Anton Berg said the vote would be close. Lena Marek of the Alternative for Norway (AfN) called the women "a danger" and demanded that they lose their passports.', { 'a danger': 'Lena Marek' });
  });
  it('a role given to a named person before stays theirs with its complement', () => {
    check('Marta Ilves, the head of the Harbour Authority, toured the docks. Later the head of the Harbour Authority said that "nothing was lost."', { 'nothing was lost': 'Marta Ilves' });
  });
  it('a title, a so-called term and the words of a thing have no speaker', () => {
    check('Col. Mark Ellison said the group runs so-called "provinces" abroad and released a film titled "Dawn."', { provinces: null, Dawn: null });
    check('According to Col. Mark Ellison, the claim, which describes the army as "tyrants," was copied.', { tyrants: null });
  });
  it('the name of a show, a book or a film in Title Case after a possessor or a preposition has no speaker', () => {
    check('"The vote was rigged," Sen. Dan Whitmore said on Channel Nine’s "Morning With Ann Reyes" on Sunday.', { 'Morning With': null, 'The vote was rigged': 'Dan Whitmore' });
    check('Actress Mara Quill, a star of "Winter of the Lions," said she would vote for Finch.', { 'Winter of the Lions': null });
    check('Gov. Mark Oduya called the plan "Dead On Arrival" in a speech.', { 'Dead On Arrival': 'Mark Oduya' });
  });
  it('trials and hearings: who answers is the one asked, and testifying is speech', () => {
    check('Prosecutor Helen Marsh asked Daniel Okafor why he had deleted his messages. "Because I was afraid," he answered.', { 'Because I was afraid': 'Daniel Okafor' });
    check('Judge Margaret Ellery asked Ruth Adeyemi about the videos.\n\n"I did not want to watch them," she replied.', { 'I did not want': 'Ruth Adeyemi' });
    check('Sen. Laura Finch spoke first. A second witness, Ruth Adeyemi, testified that the defendant had "laughed at the videos."', { 'laughed at the videos': 'Ruth Adeyemi' });
  });
  it('a pronoun stands for the subject of the sentence before, not for a possessor named first there', () => {
    check('Tom Reddy took the stand on Tuesday.\n\nKarim Haddad’s barrister, Claire Moss, said that Reddy had made it up.\n\n"I was paid nothing," he said.', { 'I was paid nothing': 'Tom Reddy' });
  });
  it('the subject of a participle is the clause’s subject, not a possessor named before it', () => {
    check('Rep. Laura Finch chairs the panel. Finch’s deputy on the panel, Rep. Dan Whitmore of Ohio, voted against the bill, warning that it would "tie our hands for years."', { 'tie our hands': 'Dan Whitmore' });
  });
  it('a body named before a longer complement is the subject, not the place ending it', () => {
    check('"Justice has been done," the U.S. Attorney\'s Office for the District of Vermont said in a statement.', { 'Justice has been done': "U.S. Attorney's Office for the District of Vermont" });
  });
  it('interview turns: the words the one answering says "I" call something are theirs', () => {
    const interview = 'Ruth Adeyemi has studied the fishing towns for ten years. Nkem Obi asked her about the levies. Adeyemi says the group "taxes everything that moves."\n\nQ: What do the fishermen pay?\n\nA: A share of every catch, and they get a stamped receipt. I call it "rule by paperwork." It works.';
    check(interview, { 'rule by paperwork': 'Ruth Adeyemi' });
    check('Ruth Adeyemi spoke to Nkem Obi.\n\nADEYEMI: They pay a share of every catch. I would call it "rule by paperwork."\n\nOBI: And the army?', { 'rule by paperwork': 'Ruth Adeyemi' });
  });
  it('a verb of writing after a subject of a few words credits the quotation before it', () => {
    check('Sen. Laura Finch spoke on Monday. "The plan will cost jobs in every county," the board wrote in its reply.', { 'The plan will cost': 'source:the board' });
  });
  it('an object after a verb is not the subject of a participle ("took a swipe at …, calling it")', () => {
    const text = 'Reformers in the assembly took a swipe at the budget on Monday, calling it "a fantasy."';
    const a = extractDocument(text);
    assert.notStrictEqual(speakerOf(a, text, 'a fantasy'), 'source:a swipe', renderQuotes(text, a));
    assert.ok(!a.entities.some((e) => e.name === 'a swipe'), renderQuotes(text, a));
  });
  it('"put it" is speech: "as one official put it", "a farmer put it to me simply: “…”"', () => {
    check('A farmer in the delta put it to me very simply: "The water took everything."', { 'The water took': 'source:A farmer' });
  });
  it('a word mentioned after "the word" has no speaker, even in a labelled turn', () => {
    check('Ruth Adeyemi spoke to Nkem Obi.\n\nADEYEMI: The police use the word "radical" for anyone who prays too visibly.\n\nOBI: And the courts?', { radical: null });
  });
});
