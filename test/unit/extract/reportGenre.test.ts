import * as assert from 'node:assert/strict';
import { expectMentions, speakerOf } from './spans';

const PEOPLE = ['speaker', 'person'];

// Sentences of the kinds of text analysts read: wire reports, UN meetings, trials, interviews.
describe('reports, meetings and trials', () => {
  describe('names of officials', () => {
    it("a sect's word inside an Arabic name does not split it", () => {
      expectMentions('Iraqi Prime Minister [[Mohammed Shia al-Sudani]]{speaker} said on Tuesday that the talks would resume.', PEOPLE);
      expectMentions('[[Mohammed Shia al-Sudani]]{speaker} told reporters the government would not negotiate with Shia militias.', PEOPLE);
    });
  });

  describe('Arabic names of persons and groups', () => {
    it('a family name with its capitalised article written apart stays in the name', () => {
      expectMentions('Foreign Minister [[Abdullah bin Zayed Al Nahyan]]{person} met the delegation on Sunday.', PEOPLE);
    });
    it('a group named with "Jund" is a body, not a person', () => {
      expectMentions('[[Jund al-Aqsa]]{organization} claimed the attack on the checkpoint.', [...PEOPLE, 'organization']);
    });
  });

  describe('trial reports', () => {
    it("an officer of a body's unit speaks, not the body", () => {
      expectMentions('Detective Sergeant [[Paul Wren]]{speaker} of the [[Counter Terrorism Policing]]{organization} unit said a flag was found in the bedroom.', [...PEOPLE, 'organization']);
    });
  });

  describe('meeting records', () => {
    it("a title's word closing a name that opens with a given name is the surname", () => {
      expectMentions('The President of the Council, [[Ms. Inga Rhonda King]]{person} ([[Saint Vincent and the Grenadines]]{place}), opened the meeting.', [...PEOPLE, 'place']);
    });
    it("a delegate's name in capitals before the country is a speaker, and the later 'Mr.' form is the same person", () => {
      const a = expectMentions('The meeting opened at 10 a.m.\n\n[[TOMAS HALVORSEN]]{speaker} ([[Norway]]{place}) said the text was balanced. [[Mr. Halvorsen]]{speaker} added that his delegation would vote in favour.', [...PEOPLE, 'place', 'organization']);
      assert.equal(new Set(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.key)).size, 1);
    });
    it('a name set off by commas after a long office speaks, and the quotation is hers', () => {
      const text = 'Ms. Ada Okafor (Nigeria) said her country would vote in favour.\nThe Special Representative of the Secretary-General for West Africa and the Sahel, Leonardo Santos Simão, said the threats were "unprecedented".';
      const a = expectMentions('[[Ms. Ada Okafor]]{speaker} ([[Nigeria]]{place}) said her country would vote in favour.\nThe Special Representative of the Secretary-General for [[West Africa]]{place} and the [[Sahel]]{place}, [[Leonardo Santos Simão]]{speaker}, said the threats were "unprecedented".', [...PEOPLE, 'place']);
      assert.equal(speakerOf(a, text, 'unprecedented'), 'Leonardo Santos Simão');
    });
  });

  describe('offices written as titles', () => {
    it("a name before a capitalised office with its portfolio speaks", () => {
      expectMentions('[[Ousmane Keita]]{speaker}, Minister for Foreign Affairs of [[Mali]]{place}, told the Council that his Government would not accept interference.', [...PEOPLE, 'place']);
      expectMentions('The vote was close. [[Ousmane Keita]]{speaker}, Minister of Justice, said the court would sit again in May.', [...PEOPLE, 'place']);
    });
  });

  describe('political news', () => {
    it("'Speaker' before a name is the person's title, and the quotation is the person's, not a body's", () => {
      const text = 'Speaker Dana Whitfield called the measure "a dead letter" on Tuesday.';
      const a = expectMentions('[[Speaker Dana Whitfield]]{speaker} called the measure "a dead letter" on Tuesday.', [...PEOPLE, 'organization']);
      assert.match(a.quotes[0]?.speaker ?? '', /^person:/);
      assert.equal(speakerOf(a, text, 'a dead letter'), 'Dana Whitfield');
    });
    it('a party member described by his state is a person: the state is a place, no body is named', () => {
      expectMentions('Hale, a [[New York]]{place} Republican, said the vote would be close. The [[New York]]{place} Republican later voted no.', ['place', 'organization']);
    });
  });

  describe('bylines and interview headings', () => {
    it('both names of a byline are persons', () => {
      expectMentions('By [[Sarah Okoye]]{person} and [[Daniel Brennan]]{person}\nThe army said on Sunday that the road was open.', PEOPLE);
    });
    it('a word opening a line before a colon is a label, not a place', () => {
      expectMentions('"The operation continues," Nwachukwu told reporters.\n(Reporting by Ahmed Kingimi; Editing by Frances Kerry)\n\nInterview: Mohamed Bazoum\nLE MONDE: Do you fear a coup?', ['place']);
    });
  });

  describe('titles and Arabic place names', () => {
    it('capitalised words of a quoted title are no person', () => {
      expectMentions('In the audio message, released by al-Furqan, [[al-Baghdadi]]{speaker} urged his followers to attack.\nThe speech, titled "And Be Patient", was the first since 2016. [[Baghdadi]]{speaker} also praised [[Abu Musab al-Zarqawi]]{person}.', PEOPLE);
    });
    it("a place opening with 'Jurf' is a place, not a person", () => {
      expectMentions('Militia commanders were seen in [[Jurf al-Sakhar]]{place} last week.', [...PEOPLE, 'place']);
    });
  });

  describe('kin', () => {
    it("a given name after a kinship noun and a possessive is a person", () => {
      expectMentions('The leader\'s son [[Hamza]]{person} has appeared in a new video.', PEOPLE);
    });
  });

  describe('offices with a portfolio', () => {
    it("the portfolio after an office and 'for' is outside the name that follows it", () => {
      expectMentions('Under-Secretary-General for Humanitarian Affairs [[Tom Fletcher]]{speaker} said aid was short. [[Fletcher]]{speaker} asked for funds.', PEOPLE);
      expectMentions('The Minister for Foreign Affairs [[Ayman Safadi]]{speaker} told the meeting the crossing was closed.', PEOPLE);
    });
    it('a country as the portfolio stays a place', () => {
      expectMentions('Special Envoy for [[Yemen]]{place} [[Hans Grundberg]]{speaker} urged restraint.', [...PEOPLE, 'place']);
    });
  });

  describe('hyphened place names', () => {
    it('a place the gazetteer knows whole is one place, and so is its next writing', () => {
      expectMentions('Ministers met in [[Nur-Sultan]]{place} in June. [[Nur-Sultan]]{place} hosted the talks again.', ['place']);
      expectMentions('The envoy flew from [[Dakar]]{place} to [[Guinea-Bissau]]{place} on Friday.', ['place']);
    });
  });

  describe('names of bodies written with hyphens', () => {
    it("a capitalised prefix and its word stay in the body's name", () => {
      expectMentions('The [[Organization for Security and Co-operation in Europe]]{organization} sent observers to the vote.', ['organization', 'place']);
      expectMentions('The [[Office for the Co-ordination of Humanitarian Affairs]]{organization} asked for funds.', ['organization', 'place']);
    });
    it('the Arabic "and the" joined to a name word stays in the group\'s name', () => {
      expectMentions('[[Jama\'at Nusrat al-Islam wal-Muslimin]]{organization} claimed the raid near [[Gao]]{place}.', [...PEOPLE, 'organization', 'place']);
    });
  });

  describe('two bodies joined by "and the"', () => {
    it('a body and a group named without a head word are two names', () => {
      expectMentions('He left the [[Department of Trade and Industry]]{organization} and the [[Islamic State]]{organization} recruited him.', ['organization', 'place']);
      expectMentions('The [[Ministry of Water and Energy]]{organization} and the [[Taliban]]{organization} signed the deal.', ['organization', 'place']);
    });
  });

  describe('outlets and forces', () => {
    it('an Arabic outlet spoken to, or airing something, is an organisation, not a place', () => {
      expectMentions('The minister also spoke to [[Al-Arabiya]]{organization} about the ceasefire.', ['organization', 'place']);
      expectMentions('The footage was aired by [[Al-Mayadeen]]{organization} before it was taken down.', ['organization', 'place']);
    });
    it('a person of that shape the text named before stays a person', () => {
      expectMentions('Prime Minister Mohammed Shia al-Sudani met the envoy. The envoy later spoke to Al-Sudani by phone.', ['organization', 'place']);
    });
    it('the Peshmerga are a body', () => {
      expectMentions('The [[Peshmerga]]{organization} retook the village on Friday.', ['organization', 'place']);
    });
  });

  describe('letters after a name', () => {
    it('the letters after a name are no speaker: the person before them asked', () => {
      expectMentions('Prosecutor [[Alison Morgan]]{speaker} KC asked him whether he had bought the knives.', PEOPLE);
    });
    it('a member of parliament speaks, the letters are nothing', () => {
      const text = 'Tariq Hussain MP said the law was "rushed".';
      const a = expectMentions('[[Tariq Hussain]]{speaker} MP said the law was "rushed".', [...PEOPLE, 'organization']);
      assert.equal(speakerOf(a, text, 'rushed'), 'Tariq Hussain');
    });
  });
});
