import { expectMentions } from './spans';

describe('places', () => {
  const cases: Array<[string, string]> = [
    ['countries and big cities from the gazetteer', 'Fighters moved from [[Syria]]{place} to [[Baghdad]]{place} and on to [[Turkey]]{place}.'],
    ['all spellings of the United States', 'The [[U.S.]]{place}-backed force and the [[US]]{place}-led coalition, backed by [[America]]{place} and the [[United States]]{place}.'],
    ['a designator after the name is inside the span', 'Troops reached the [[Tigris River]]{place} and the [[Haditha Dam]]{place} in [[Anbar province]]{place}.'],
    ['"the town of X" makes X a place', 'They entered the town of [[Qaryatayn]]{place} at dawn.'],
    ['an apposition naming the kind of place', '[[Shadadi]]{place}, a small town on the river, was retaken.'],
    ['a dateline in capitals', '[[KIRKUK]]{place} (Gulf Wire) – Militants attacked a checkpoint.'],
    ['a dateline with its country', '[[AMMAN]]{place}, [[Jordan]]{place} — Officials met on the border.'],
    ['an unknown name after "near" and a designator before the name', 'Clashes near [[Tal Afar]]{place} spread to [[Camp Speicher]]{place}.'],
    ['metonymy: a capital as actor', '[[Washington]]{place} ordered its diplomats to leave [[Ankara]]{place}.'],
    ['regions and continents', 'Recruits came from [[Europe]]{place}, [[North Africa]]{place} and the [[Middle East]]{place}.'],
  ];
  for (const [name, markup] of cases) it(name, () => expectMentions(markup, ['place']));

  it('organisations whose names contain places are not places', () => {
    expectMentions('The Islamic State in Iraq and Syria fought the Syrian Democratic Forces, reported Kurdistan 24 and George Washington University researchers at the Tahrir Institute for Middle East Policy.', ['place']);
  });
  it('al-Qaeda in the Arabian Peninsula blocks its region', () => {
    expectMentions('Al-Qaeda in the Arabian Peninsula claimed the attack in [[Yemen]]{place}.', ['place']);
  });
  it('demonyms, institutions and "the West" are not places', () => {
    expectMentions('Iraqi and Kurdish troops, the White House and the Pentagon, and the West watched.', ['place']);
  });
  it('common English words that are also town names stay words', () => {
    expectMentions('Police said Most of the Reading was Split over the Deal.', ['place']);
  });
  it('a place named with its article after a locative preposition, ending its noun phrase', () => {
    expectMentions(
      'The men became a byword across the [[Vellmark]]{place}. She grew up in the [[Lower Fens]]{place}, where jobs were scarce. Delegates in the Chamber voted, life in the West changed, and prices rose in the Ostland dinar.',
      ['place'],
    );
  });

  it('a place named by what happened there or by its taking', () => {
    expectMentions(
      'It began in the year of the [[Dalmaru]]{place} kidnapping, months before the [[Oskel]]{place} attack. After the fall of [[Tell Nuri]]{place}, the camps grew; the Kennedy assassination and the Pryce shooting were other stories.',
      ['place'],
    );
  });

  it('a kunya before a city or region is its name, not a person\'s', () => {
    expectMentions('Two of the men were held in [[Abu Dhabi]]{place}, the embassy said.', ['place', 'person', 'speaker']);
  });

  it('a surname that is also a city belongs to the person', () => {
    expectMentions('"We are ready," said Capt. Jeff Davis. Davis added nothing.', ['place']);
  });

  describe('small places by their frame', () => {
    it('a dateline naming two places joined by a slash', () => {
      expectMentions('[[TASHKENT]]{place}/[[BISHKEK]]{place}, March 3 (Steppe Wire) — Border guards closed two crossings.', ['place']);
    });
    it('a name placed in a known place after a comma is a place, a person so placed is not', () => {
      expectMentions('The preacher spoke about [[Oberwinkel]]{place}, in [[Bavaria]]{place}, where he grew up. The minister met his counterpart, Gordon Hale, in [[Ottawa]]{place}.', ['place']);
    });
    it('a name after a point of the compass and "of"', () => {
      expectMentions('Gunmen struck villages north of [[Kawuri Gana]]{place} and 30 km west of [[Mallam Fatori]]{place} on Tuesday.', ['place', 'person', 'speaker']);
    });
    it('an unknown name opening a list whose next items are places, and its other writings', () => {
      expectMentions('The mayor asked that [[Oudekerk]]{place}, [[Brussels]]{place} and [[Antwerp]]{place} get more police, and warned of an [[Oudekerk]]{place}-style riot.', ['place']);
    });
    it('a site named after a person with a particle, and a prison or barracks named before its word', () => {
      expectMentions('He was arrested at [[Charles de Gaulle airport]]{place}, held in the [[Ghwayran prison]]{place} and later at [[Maimalari Barracks]]{place}.', ['place', 'person', 'organization']);
    });
  });

  describe('bodies and rooms after a locative preposition', () => {
    it('a name set off by an apposition naming a body is no place, but one naming a headquarters still is', () => {
      expectMentions('Analysts at Sentinelworks, a monitoring group, said the video was new. The envoys met in [[Tessit]]{place}, the headquarters of the mission.', ['place']);
    });
    it('"the House" is a chamber, not a place', () => {
      expectMentions('After a vote in [[Ohio]]{place}, the measure died in the House.', ['place']);
    });
  });

  describe('no place inside other names', () => {
    it('a town\'s name inside a person\'s name with a particle, an acronym before "in", a time zone', () => {
      expectMentions(
        '"We were warned," De Smet said. Joris Van der Meulen of the opposition was unconvinced. A commander of Ansar al-Sahel, or ASWB, in the [[Mopti region]]{place} was named. The briefing began at 1:32 p.m. EST.',
        ['place'],
      );
    });
  });
});
