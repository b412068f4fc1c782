import * as assert from 'node:assert/strict';
import { expectMentions, speakerOf } from './spans';

describe('speakers and persons', () => {
  const cases: Array<[string, string]> = [
    ['a named person with a speech verb is a speaker everywhere in the document',
      '[[Abu Omar al-Tunisi]]{speaker} released a statement. Later, [[Tunisi]]{speaker} said the war would go on.'],
    ['what befalls a person names one: "X was killed"',
      'He took charge after [[Musa Abdi Kamal]]{person} was killed in an airstrike in 2014.'],
    ['a surname naming a group is no mention of the person',
      'The council named [[Khalil Rahmani]]{person}, whose Rahmani network runs the border trade.'],
    ['a nisba of one person standing alone is that person',
      'The group named [[Abu Ibrahim al-Hashimi al-Qurashi]]{person} as leader. Whether [[al-Hashimi]]{person} is a veteran is unclear.'],
    ['a lone surname with a speech verb people use is a speaker; with an agency verb it is not a person',
      'Amaq reported the raid. “It was a lie,” [[Halvorsen]]{speaker} responded, and [[Okafor]]{speaker} mocked the claim.'],
    ['a person never credited with speech is a person',
      'The group was founded by [[Abu Yahya al-Libi]]{person} in the mountains.'],
    ['a one-word title is inside the span, a multi-word office outside',
      'Army spokesman, [[Maj. Laura Brennan]]{speaker} said the convoy was hit. Prime Minister [[Karim Haddad]]{person} was abroad.'],
    ['a lower-case role before the name is outside the span',
      '"It is over," said senior analyst [[Tomas Verhoeven]]{speaker} of the research group.'],
    ['a possessive stays outside the span',
      '[[Omar Saleh]]{speaker} spoke to reporters. [[Saleh]]{speaker}’s aides declined to comment.'],
    ['an apposition after a name introduces a person',
      '[[Nadia Farouk]]{person}, a professor of history, wrote a book about the region.'],
    ['a middle initial marks a name',
      'Reporting by [[Peter K. Lindqvist]]{person}'],
    ['"according to" credits speech',
      'According to [[Samir Awad]]{speaker}, the commander fled.'],
    ['a recording issued by a person is speech',
      '[[Abu Khalid al-Somali]]{speaker} issued an audio tape on Friday calling on his men to hold firm.'],
    ['deities are not persons',
      'He thanked God and Allah for the victory of [[Abu Anas al-Shami]]{person}.'],
    ['a passive "was told" credits nobody',
      '[[Hamid Rezaei]]{person} was told to leave the city.'],
    ['briefing and informing a body, addressing it, criticising, expressing concern, apologising and pleading are speech',
      'On Monday [[Lena Okoro]]{speaker} briefed the Council on the camps, and [[Piet Claes]]{speaker} informed members that aid had stopped. [[Rui Mota]]{speaker} addressed the General Assembly by video link. [[Ines Vidal]]{speaker} criticised the delay, [[Omar Tahir]]{speaker} expressed concern about the fighting and [[Karl Jung]]{speaker} apologised to the families. In court, [[Sami Haddad]]{speaker} pleaded not guilty.'],
    ['addressing a problem or a crisis, and being briefed or informed, are not speech',
      '[[Lena Okoro]]{person} addressed the Sahel crisis in her report. [[Piet Claes]]{person} was briefed by officials, and [[Rui Mota]]{person} was informed of the decision.'],
    ['writing that reports words is speech; writing a book is not',
      'On Friday [[Lena Okoro]]{speaker} wrote on Telegram that the vote was rigged, and [[Piet Claes]]{speaker} wrote to the Council. [[Rui Mota]]{person} wrote a book about the war.'],
    ['an audio recording of a person, and a person\'s audio message, are his speech',
      'Supporters shared an audio recording of [[Abu Talha al-Sudani]]{speaker} on Sunday. [[Abu Yasir al-Maqdisi]]{speaker}’s new audio message followed. Police found a video of [[Karim Nouri]]{person} at the scene.'],
    ['a name opening the text and followed by a comma and a participle is a name',
      '[[Tom Hale]]{speaker}, speaking in Vienna, urged restraint.'],
  ];
  for (const [name, markup] of cases) it(name, () => expectMentions(markup, ['speaker', 'person']));

  it('a common noun opening a headline is no name: a word for a body, or one the text writes in lower case', () => {
    expectMentions('Militia says convoy reached the river\n\nThe militia’s commander, [[Col. Ivo Brandt]]{speaker}, said the bridge was held.', ['speaker', 'person', 'organization']);
    const text = 'Farmer says drought has ruined the harvest\n\nA farmer who grows barley near the river said the crop was "gone for this year."';
    const a = expectMentions(text, ['speaker', 'person', 'organization']);
    assert.equal(speakerOf(a, text, 'gone for'), 'source:A farmer');
  });

  it('a word opening a sentence that the text also writes capitalised inside one is a name, even if also written in lower case', () => {
    expectMentions('Levee holds after the storm\n\n[[Reed]]{speaker} said the levee would hold. Officials met [[Reed]]{speaker} by the river, where reed beds line the bank.', ['speaker', 'person']);
  });

  it('organisations and title-case headlines hold no person', () => {
    expectMentions('Syrian Democratic Forces Advance Toward Northern Towns\n\nThe Human Rights Watch report was published.', ['speaker', 'person']);
  });
});
