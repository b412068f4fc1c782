import * as assert from 'node:assert';
import { extractDocument } from '../../../src/core/extract';
import { expectMentions, renderQuotes, speakerOf } from './spans';

function check(text: string, expected: Record<string, string | null>): void {
  const a = extractDocument(text);
  for (const [fragment, want] of Object.entries(expected)) {
    const got = speakerOf(a, text, fragment);
    assert.strictEqual(got, want, `speaker of "${fragment}": expected ${want}, got ${got}\n  ${renderQuotes(text, a)}`);
  }
}

describe('attribution of quotations', () => {
  it('verb after the quotation, inverted or not', () => {
    check('"We will return," said Abu Talha al-Almani. "The war is long," Col. Mark Ellison told reporters.', { 'We will return': 'Abu Talha al-Almani', 'The war is long': 'Mark Ellison' });
  });
  it('a pronoun resolves to the person named in the sentence before', () => {
    check('Col. Mark Ellison spoke from Baghdad on Monday. "They are losing," he said.', { 'They are losing': 'Mark Ellison' });
  });
  it('a split quotation and a following quotation keep the speaker', () => {
    check('"Do not retreat," Abu Salim al-Jazrawi said. "Victory is near."', { 'Victory is near': 'Abu Salim al-Jazrawi' });
  });
  it('verb before the quotation: "X said that …"', () => {
    check('Abu Salim al-Jazrawi says that he is "certain of victory" in the city.', { 'certain of victory': 'Abu Salim al-Jazrawi' });
  });
  it('a fragment in reported speech belongs to the innermost speech verb', () => {
    check('The spokesman, Abu Hafs al-Masri, added that the leader Abu Umar al-Kurdi had urged the "soldiers of the state" to hide.', { 'soldiers of the state': 'Abu Umar al-Kurdi' });
  });
  it('a description resolves to the person it described', () => {
    check('Abu Umar al-Kurdi, the leader of the group, released a tape. The group leader talks of a "long war" ahead.', { 'long war': 'Abu Umar al-Kurdi' });
  });
  it('words of a recording belong to its speaker', () => {
    check('Abu Umar al-Kurdi issued an audio message on Monday. "Hold your ground," the recording says.', { 'Hold your ground': 'Abu Umar al-Kurdi' });
  });
  it('an unnamed source is a speaker of its own', () => {
    check('"They are not panicking," a Western diplomat told reporters.', { 'They are not panicking': 'source:a Western diplomat' });
  });
  it('a party member named by the place he comes from is an unnamed source, and the place stays a place', () => {
    const text = '“The race is over,” said a New Hampshire Republican, who asked not to be named. Two Vermont Democrats said the count would take days.';
    check(text, { 'The race is over': 'source:a New Hampshire Republican' });
    expectMentions('“The race is over,” said a [[New Hampshire]]{place} Republican, who asked not to be named. Two [[Vermont]]{place} Democrats said the count would take days.', ['speaker', 'person', 'place']);
  });
  it('a slogan, motto or hashtag named as such has no speaker, even after a quoted speaker', () => {
    check('"We hold the line," said Omar Baraka. The slogan "no retreat" was painted on the walls, and the hashtag "standfirm" spread.', { 'We hold the line': 'Omar Baraka', 'no retreat': null, standfirm: null });
  });
  it('titles of recordings and scare quotes have no speaker', () => {
    check('Abu Umar al-Kurdi issued a tape. The tape was entitled "the promise of God" and the group still runs so-called "provinces" abroad.', { 'the promise of God': null, provinces: null });
  });
  it('a subject followed by an apposition or a relative clause', () => {
    check('A Western diplomat in Nairobi, who declined to be identified, told a radio station: "The threat is real."', { 'The threat is real': 'source:A Western diplomat' });
    check('Col. Ruth Amadi spoke on Monday. A senior police officer, who asked not to be named because he was not authorised to speak, said the tape was "at least a year old."', { 'at least a year old': 'source:A senior police officer' });
    check('An official who briefed reporters but could not be named called the message "predictable" and "thin."', { predictable: 'source:An official', thin: 'source:An official' });
  });
  it('the antecedent of "who" speaks, also in a coordinated verb', () => {
    check('It was an answer, of sorts, to President Tom Keller, who announced the raid and said the leader had "died like a coward."', { 'died like a coward': 'Tom Keller' });
    check('The video mocks Gen. Ade Bako, who has claimed that the group is "technically defeated."', { 'technically defeated': 'Ade Bako' });
  });
  it('verbs that quote their complement', () => {
    check('Omar Saleh, the group leader, calls the attack "a response to crimes" of the army.', { 'a response to crimes': 'Omar Saleh' });
    check('Omar Saleh spoke on Monday. Omar Saleh rejected the talks, describing talk of negotiations as "the propaganda of the enemy."', { 'the propaganda of the enemy': 'Omar Saleh' });
    check('"The name is a statement of lineage," wrote Lena Marsh, a researcher.', { 'The name is a statement of lineage': 'Lena Marsh' });
    check('He was called "the butcher" by residents.', { 'the butcher': null });
  });
  it('a verb coordinated with a credited one keeps its subject across a quotation', () => {
    check('The spokesman added that Abu Umar al-Kurdi had urged the "soldiers" to hide and called on all to "take caution."', { 'take caution': 'Abu Umar al-Kurdi' });
  });
  it('a sentence opened by the same pronoun keeps its referent', () => {
    check('Omar Saleh spoke for an hour. He made no mention of Yusuf Dallo, who died in July. He did praise the fighters, calling them "lions."', { lions: 'Omar Saleh' });
  });
  it('a pronoun after a stray quotation mark ends (an empty sentence has no opening pronoun)', () => {
    // The lone mark is a sentence without words: its first token is the pronoun itself.
    for (const text of ['Anna Smith met Bob. "\nHe told me."\n', 'Anna Smith met Bob. "\n"\nShe told me."\n', '"\nHe told me."']) {
      assert.doesNotThrow(() => extractDocument(text), JSON.stringify(text));
    }
  });
  it('"the statement said" after a statement issued by a named person', () => {
    check('Omar Saleh released a video. In a statement on Tuesday, army spokesman Col. Ade Bako dismissed the footage. "It is old," the statement said.', { 'It is old': 'Ade Bako' });
  });
  it('a description with a complement opening the clause', () => {
    check('Abu Umar al-Kurdi, the group\'s chief spokesman, was once a teacher. The chief spokesman of the group has called on followers to make Ramadan "a month of calamity" for enemies.', { 'a month of calamity': 'Abu Umar al-Kurdi' });
  });
  it('a lede names its subject by role before naming him', () => {
    check('The leader of the militant group has praised the assault, saying in an audio message that the city would "never know safety." In the recording, a voice identified as that of Abu Ubaida al-Sumali calls the attack "a response to the crimes" of the army.', { 'never know safety': 'Abu Ubaida al-Sumali', 'a response to the crimes': 'Abu Ubaida al-Sumali' });
  });
  it('a description that gives its name: "a spokesman calling himself X"', () => {
    check('In the recording, a spokesman calling himself Abu Yahya al-Tamimi named the new leader as Abu Khalid al-Tamimi and urged supporters to "pledge allegiance."', { 'pledge allegiance': 'Abu Yahya al-Tamimi' });
  });
  it('an organisation named before "the mission said", and its acronym, are a speaker', () => {
    const text = 'The United Nations Support Mission in Libya (UNSMIL) rejected the message. "Threats will not change our mandate," the mission said. UNSMIL has 200 staff.';
    const a = extractDocument(text);
    assert.strictEqual(speakerOf(a, text, 'Threats will not'), 'United Nations Support Mission in Libya');
    assert.deepStrictEqual(a.mentions.map((m) => [m.text, m.type]), [['United Nations Support Mission in Libya', 'speaker'], ['UNSMIL', 'speaker'], ['UNSMIL', 'speaker']]);
  });
  it('"the statement read", an age in apposition, a rank outside the name, bare plural sources', () => {
    check('Abu Yahya al-Libi released a new audio message on Sunday. "We will fight on," the statement read.', { 'We will fight on': 'Abu Yahya al-Libi' });
    check('"We are afraid," Salah, 45, a shopkeeper, told a reporter by phone.', { 'We are afraid': 'Salah' });
    check('The ministry declined to comment. A spokeswoman, Lt. Col. Ann Price, said only that "the review continues."', { 'the review continues': 'Ann Price' });
    check('Abu Yahya al-Libi spoke for an hour. Analysts said the speech was "a sign of desperation."', { 'a sign of desperation': 'source:analysts' });
  });
  it('"according to a tweet by X"', () => {
    check('"The tone is new," according to a tweet by Lena Marsh, a fellow at a research centre.', { 'The tone is new': 'Lena Marsh' });
  });
  it('a named organisation credited with a quotation is a speaker, and its name a speaker mention', () => {
    const text = 'Nashir, the group’s news agency, said the commander died “while defending the front,” but gave no details.';
    const a = extractDocument(text);
    assert.strictEqual(speakerOf(a, text, 'while defending'), 'Nashir');
    assert.deepStrictEqual(a.mentions.map((m) => [m.text, m.type]), [['Nashir', 'speaker']]);
  });
  it('an organisation credited with reported speech but no quotation is an organisation mention, not a speaker', () => {
    const a = extractDocument('The Islamic State said it would fight on.');
    assert.deepStrictEqual(a.mentions.map((m) => [m.text, m.type]), [['Islamic State', 'organization']]);
  });
  it('a person credited with speech in a quotation-less sentence is a speaker', () => {
    const a = extractDocument('Abu Umar al-Kurdi urged supporters to attack. Abu Yahya al-Libi was killed in 2012.');
    assert.deepStrictEqual(a.mentions.filter((m) => m.type !== 'date').map((m) => [m.text, m.type]), [['Abu Umar al-Kurdi', 'speaker'], ['Abu Yahya al-Libi', 'person']]);
  });
});
