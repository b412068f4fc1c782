import data from './data/firstNames.generated.json';
import type { ExtractionContext } from './context';

/** Grammatical gender of a person as the text lets one tell it: masculine or feminine. */
export type Gender = 'm' | 'f';

let names: Map<string, Gender> | undefined;

/** Reads a front-coded list (each name: the length of the prefix shared with the one before, then the rest). */
function decode(coded: string, gender: Gender, into: Map<string, Gender>): void {
  let prev = '';
  let i = 0;
  while (i < coded.length) {
    const shared = coded.charCodeAt(i) - 48;
    let j = i + 1;
    while (j < coded.length && (coded.charCodeAt(j) < 48 || coded.charCodeAt(j) > 57)) j++;
    prev = prev.slice(0, shared) + coded.slice(i + 1, j);
    into.set(prev, gender);
    i = j;
  }
}

/** The gender of a given name ("Hillary", "Donald"), or undefined when the lists do not know it. */
export function givenNameGender(word: string): Gender | undefined {
  if (!names) {
    names = new Map();
    decode(data.female, 'f', names);
    decode(data.male, 'm', names);
  }
  return names.get(word.toLowerCase());
}

const TITLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['mr', 'm'], ['mr.', 'm'], ['mrs', 'f'], ['mrs.', 'f'], ['ms', 'f'], ['ms.', 'f'], ['miss', 'f'], ['sir', 'm'], ['dame', 'f'], ['lady', 'f'],
  ['king', 'm'], ['queen', 'f'], ['prince', 'm'], ['princess', 'f'], ['sheikh', 'm'], ['imam', 'm'], ['mullah', 'm'], ['father', 'm'], ['brother', 'm'], ['sister', 'f'],
]);
const ROLE_GENDER: ReadonlyMap<string, Gender> = new Map([
  ['spokesman', 'm'], ['spokeswoman', 'f'], ['chairman', 'm'], ['chairwoman', 'f'], ['congressman', 'm'], ['congresswoman', 'f'],
  ['businessman', 'm'], ['businesswoman', 'f'], ['husband', 'm'], ['wife', 'f'], ['father', 'm'], ['mother', 'f'], ['son', 'm'],
  ['daughter', 'f'], ['brother', 'm'], ['sister', 'f'], ['widow', 'f'], ['widower', 'm'], ['nephew', 'm'], ['niece', 'f'], ['uncle', 'm'], ['aunt', 'f'],
]);

/**
 * The gender of the person `key` of the document: from a gendered title written before the name
 * ("Mrs. Clinton"), a gendered role beside it ("spokeswoman"), else the given name opening the
 * name; undefined when none tells, or when they disagree.
 */
export function personGender(ctx: ExtractionContext, key: string): Gender | undefined {
  const p = ctx.persons.get(key);
  if (!p) return undefined;
  let g: Gender | undefined;
  const vote = (v: Gender | undefined): boolean => {
    if (!v) return true;
    if (g && g !== v) return false;
    g = v;
    return true;
  };
  for (const r of p.roles) if (!vote(ROLE_GENDER.get(r))) return undefined;
  for (const c of ctx.candidates) {
    if (c.key !== key) continue;
    const first = ctx.tokens[c.t0].lower;
    if (!vote(TITLE_GENDER.get(first))) return undefined;
  }
  if (g) return g;
  const given = p.name.split(/\s+/)[0];
  return given && !given.includes('.') ? givenNameGender(given) : undefined;
}

/** The gender a pronoun token requires ("he", "she", "his", "her"), or undefined. */
export function pronounGender(lower: string): Gender | undefined {
  return lower === 'he' || lower === 'him' || lower === 'his' || lower === 'himself' ? 'm' : lower === 'she' || lower === 'her' || lower === 'hers' || lower === 'herself' ? 'f' : undefined;
}
