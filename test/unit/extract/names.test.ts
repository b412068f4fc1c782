import * as assert from 'node:assert/strict';
import { extractDocument } from '../../../src/core/extract';
import { expectMentions } from './spans';

const PEOPLE = ['speaker', 'person'];

describe('names of persons and places', () => {
  describe('names are not cut short', () => {
    it('a particle inside a European name stays inside it', () => {
      expectMentions('[[Marieke de Vries]]{speaker}, a Dutch researcher, said the talks had failed.', PEOPLE);
      expectMentions('A spokesman for the firm, [[Pieter van der Berg]]{speaker}, said the accounts were in order.', PEOPLE);
    });
    it('a city of two words is one place', () => {
      expectMentions('Delegates flew from [[New York]]{place} to [[Antwerp]]{place} on Sunday.', ['place']);
    });
  });

  describe('names are not run together', () => {
    it('a title-case headline naming two people holds two names, not one long writing of the second', () => {
      expectMentions(
        '[[Mara Velez]]{speaker} Calls Out [[Tom Hendry]]{speaker} Over Budget Cuts\n\n[[Senator Tom Hendry]]{speaker} said on Monday that the cuts would hold. The mayor, [[Mara Velez]]{speaker}, calls the plan reckless and says it will hurt schools, and she wants it out of the budget.',
        PEOPLE,
      );
    });
  });

  describe('cities of Europe', () => {
    it('English names of large cities and small towns in a frame', () => {
      expectMentions('The convoy left [[Cologne]]{place} for [[Antwerp]]{place}, then drove on to [[Esztergom]]{place}.', ['place']);
    });
    it('a small town listed after other places', () => {
      expectMentions('The women were tried by courts in [[Düsseldorf]]{place}, [[Hamburg]]{place} and [[Celle]]{place} last year.', ['place']);
    });
    it('names written without their accents or with umlauts spelled out', () => {
      expectMentions('Flights from [[Sao Paulo]]{place} and [[Muenchen]]{place} were cancelled.', ['place']);
    });
    it('states and their abbreviations', () => {
      expectMentions('The plant in [[Dayton]]{place}, [[Ohio]]{place}, and another in [[Fresno]]{place}, [[Calif.]]{place}, closed.', ['place']);
    });
  });

  describe('a surname is not a place', () => {
    it('a surname that is also a small town, before a speech verb', () => {
      expectMentions('[[Obama]]{speaker} said the plan would work.', [...PEOPLE, 'place']);
    });
    it('a title before a name that is also a town', () => {
      expectMentions('[[President Obama]]{person} arrived in [[Seoul]]{place} on Monday.', [...PEOPLE, 'place']);
    });
    it('a capitalised office before a given name and a surname that is also a town', () => {
      expectMentions(
        'Former U.N. Ambassador [[Ruth Bolton]]{speaker} and [[Senator Ann Kowal]]{person} both criticised the plan on Friday.\n\n[[Bolton]]{speaker} said the vote was a mistake, and [[Kowal]]{person} agreed.',
        [...PEOPLE, 'place'],
      );
    });
    it('a town the document names as a person throughout is the person, even after a preposition', () => {
      expectMentions(
        'In early polls [[Barack Obama]]{person} trailed among older voters. The shift to [[Obama]]{person} came after the first debate, and many who had doubted [[Obama]]{person} changed their minds. Few expected [[Obama]]{person} to carry the state.',
        [...PEOPLE, 'place'],
      );
    });
    it('a preposition does not outweigh a document that writes the name as a person’s', () => {
      expectMentions(
        '[[Shimon Peres]]{speaker} said he was ready. The meeting between [[Peres]]{speaker} and [[Yasser Arafat]]{person} will take place at a checkpoint in [[Gaza]]{place}.',
        [...PEOPLE, 'place'],
      );
    });
  });

  describe('complex subjects', () => {
    it('the person of "X of Y said" speaks, the place is a place', () => {
      const a = expectMentions('[[Gov. Mike Pence]]{speaker} of [[Indiana]]{place} said he would sign the bill.', [...PEOPLE, 'place']);
      assert.ok(a.entities.some((e) => e.name === 'Mike Pence' && e.type === 'person'));
    });
  });

  describe('names no rule licenses', () => {
    it('a name with no title, role or verb around it, and its surname later', () => {
      expectMentions('Guests at the dinner in [[Oslo]]{place} included [[Tomas Brandt]]{person} and [[Erik Lindqvist]]{person}. [[Lindqvist]]{person} left early.', [
        ...PEOPLE,
        'place',
      ]);
    });
  });

  describe('places written apart from prose', () => {
    it('a dateline on a line of its own, a city in capitals and a date', () => {
      expectMentions('[[BRUSSELS]]{place} 2016-03-22\n\nThe meeting ended without a statement.', ['place']);
    });
    it('demonyms that name countries elsewhere are not places', () => {
      expectMentions('Thai and Saudi officials met in [[Bangkok]]{place}; Serb and Western diplomats stayed away.', ['place']);
    });
    it('a region of another country named like an adjective is not a place here', () => {
      expectMentions('Somali and Kenyan troops crossed into [[Kenya]]{place} with their Western allies.', ['place']);
    });
    it('a feast is not a person', () => {
      const a = extractDocument('Ramadan begins next week. Ramadan said nothing about the fast.');
      assert.ok(!a.mentions.some((m) => m.text === 'Ramadan' && (m.type === 'person' || m.type === 'speaker')));
    });
  });

  describe('transcripts', () => {
    const KINDS = [...PEOPLE, 'organization'];
    it('a turn label in capitals with a given name is a person, not an acronym', () => {
      expectMentions(
        'Notes from the weekly press call.\n\n[[MARGARET LUNDQVIST]]{speaker}: Good morning. We have three items today.\n\n[[LUNDQVIST]]{speaker}: That is all from me.',
        KINDS,
      );
    });
    it('a reporter’s label with an outlet in brackets is a person, the outlet an organisation', () => {
      const text = 'The minister took questions.\n\nTEMBA OKAFOR ([[Harbour Gazette]]{organization}): Will the road reopen before the rains?';
      const a = expectMentions(text, ['organization']);
      const at = text.indexOf('TEMBA');
      assert.ok(a.mentions.some((m) => m.start === at && m.end === at + 'TEMBA OKAFOR'.length && PEOPLE.includes(m.type)), text);
    });
    it('a contraction of I before a name is not part of the name', () => {
      expectMentions('[[FAREED SALIK]]{speaker}: Welcome to the programme. I’m [[Fareed Salik]]{speaker}, and my guest tonight is a historian.', PEOPLE);
    });
    it('a label of a title and a surname is a speaker even where the text never names him in full; a turn word is nobody', () => {
      expectMentions(
        'Transcript of the daily briefing.\n\n[[MS HARLAND]]{speaker}: Good afternoon. I have two items.\n\nQUESTION: On the ceasefire – is it holding?\n\n[[MS HARLAND]]{speaker}: It is holding for now.\n\nQUESTION: And the hostages?\n\n[[MS HARLAND]]{speaker}: I have nothing new on that.',
        KINDS,
      );
    });
    it('a surname after a rank is the person the document named in full', () => {
      const a = expectMentions(
        'Briefers: Lt. Gen. [[Douglas Marek]]{speaker}, director of operations.\n\nI will now turn to [[General Marek]]{speaker}.\n\n[[GEN. MAREK]]{speaker}: Thank you.',
        PEOPLE,
      );
      assert.equal(new Set(a.mentions.filter((m) => m.type === 'speaker').map((m) => m.key)).size, 1);
    });
  });

  describe('peoples and languages are neither places nor persons', () => {
    it('a people named after its land, and plurals of demonyms', () => {
      expectMentions('The channel posts in Tajik, Uzbek and Russian. Thousands of Tajiks and Afghans work in [[Moscow]]{place}, and some Kazakhs said they would stay.', [...PEOPLE, 'place']);
    });
  });

  describe('names the text gives one person', () => {
    /** The entity keys of the people mentioned, in text order. */
    const keys = (a: ReturnType<typeof expectMentions>): string[] => a.mentions.filter((m) => PEOPLE.includes(m.type)).map((m) => m.key);

    it('a real name and the name the person is known by', () => {
      const a = expectMentions('The cell was led by [[Tarek Nassouri]]{person}, whom his men knew as [[Abu Hafs al-Lubnani]]{person}, until his arrest in the spring.', PEOPLE);
      assert.equal(new Set(keys(a)).size, 1);
    });
    it('a nom de guerre, then the real name; the real name speaks for both', () => {
      const a = expectMentions(
        'The voice on the tape belongs to a preacher who calls himself [[Abu Harith al-Masri]]{speaker}, a convert from Lille whose birth name was [[Kevin Marchand]]{speaker}. "We are patient," [[al-Masri]]{speaker} says.',
        PEOPLE,
      );
      assert.equal(new Set(keys(a)).size, 1);
    });
    it('"whose real name is", "whose birth name was" and a name in brackets', () => {
      const a = expectMentions('Police named the recruiter as [[Laurent Dufresne]]{person}, whose real name is [[Omar Haddadi]]{person}, after a search of his flat.', PEOPLE);
      assert.equal(new Set(keys(a)).size, 1);
      const b = expectMentions('The court heard from [[Halima Sow]]{person} (known as [[Umm Khalid]]{person}) on the second day.', PEOPLE);
      assert.equal(new Set(keys(b)).size, 1);
    });
    it('two persons with an alias phrase after the second stay two', () => {
      const a = expectMentions('The judge questioned [[Tarek Nassouri]]{person} and his cousin [[Walid Karam]]{person}, known as a driver.', PEOPLE);
      assert.equal(new Set(keys(a)).size, 2);
    });
  });

  describe('capitalised common nouns are no persons', () => {
    it('a capitalised noun after a determiner, a number or a demonym', () => {
      expectMentions(
        'The delegate of the Arab Republic of Nowhere spoke last. Some Member States armed the militias, the three States had announced in January that they would leave, and [[Ruth Keller]]{speaker} was angry. "Nobody in this Chamber asked the farmers of Mali whether they wanted the mission to stay for ten years," [[Keller]]{speaker} said. The representative of the Syrian Arab Republic said the camps were full.',
        PEOPLE,
      );
    });
  });

  describe('plural nouns opening a sentence are groups of people', () => {
    it('diplomats, analysts and militants before a speech verb', () => {
      expectMentions('Diplomats said the talks had stalled. Analysts said the same. Militants warned of more attacks.', PEOPLE);
    });
  });

  describe('ordinal words name no person', () => {
    it('a session or a committee numbered in words', () => {
      expectMentions('Regional Council\nNinetieth Session, 4th Meeting (PM)\n\nThe council heard the report of its Fourth Committee.', PEOPLE);
    });
  });

  describe('the first line of a text', () => {
    it('a sentence opening the story keeps its persons; a headline above a dateline is no evidence of one', () => {
      expectMentions('[[Nadia Okafor]]{person} met [[Tomas Rieger]]{person} in [[Vienna]]{place} on a wet morning.\n\nThe two spoke for an hour about the harvest, the roads and the prices of grain in the region.', [...PEOPLE, 'place']);
      expectMentions('Lydia Freight sets new bond terms.\n\n[[LONDON]]{place} 1996-08-22\n\nThe company said the terms would be published on its website next week.', [...PEOPLE, 'place']);
    });
  });

  describe('headlines in title case', () => {
    it('capitalised words of a title-case headline are no names on their shape alone', () => {
      expectMentions(
        'Council Hears Appeals from Families Stranded in Limbo as Envoy Warns of Winter\n\nThe envoy told the council that families in [[Hasakah]]{place} had waited five years.',
        [...PEOPLE, 'place'],
      );
    });
  });

  it('a storm named like a person is no person, there nor alone later', () => {
    expectMentions('Hurricane Odette gained strength on Sunday. By noon Odette was 300 miles east of the islands, and Typhoon Marla hit the coast.', ['person', 'speaker', 'organization']);
  });

  it('capitalised words joined by a hyphen stay in one person\'s name; a party and a state do not', () => {
    expectMentions(
      '[[Jean-Luc Marchetti]]{person} met [[Abdul-Rahim al-Tayeb]]{person} on Monday; [[Greta Lindqvist-Okafor]]{speaker} said nothing. Later [[Marchetti]]{person} left. [[Rep. Dana Cole]]{person} (D-[[Minn.]]{place}) abstained.',
      ['person', 'speaker', 'place'],
    );
  });

  it('a letter after a hyphen is no person, even before a speech verb', () => {
    expectMentions('Fighters loyal to ISIS-K claimed the raid, and [[Tom Hale]]{speaker} said so too.', ['person', 'speaker']);
  });

  it('the words of an office before its title word are no person\'s name', () => {
    expectMentions('He accused Labour Prime Minister [[Tomas Brandt]]{person} of planning it.', ['person', 'speaker']);
  });

  it('witnesses and aides opening a sentence before a speech verb are groups of people, not surnames', () => {
    expectMentions('Eyewitnesses said the crew was freed. Aides said he would rest. [[Hughes]]{speaker} said so.', ['person', 'speaker']);
  });
});
