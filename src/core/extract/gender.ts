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

/** Each document's persons' genders, worked out together on first need. */
const byDocument = new WeakMap<ExtractionContext, Map<string, Gender | null>>();

/**
 * The gender of the person `key` of the document: from a gendered title written before the name
 * ("Mrs. Clinton"), a gendered role beside it ("spokeswoman"), else the given name opening the
 * name; undefined when none tells, or when they disagree.
 */
export function personGender(ctx: ExtractionContext, key: string): Gender | undefined {
  let genders = byDocument.get(ctx);
  if (!genders) byDocument.set(ctx, (genders = documentGenders(ctx)));
  return genders.get(key) ?? undefined;
}

function documentGenders(ctx: ExtractionContext): Map<string, Gender | null> {
  // Titles over all the mentions, in one pass: null once two disagree.
  const titled = new Map<string, Gender | null>();
  for (const c of ctx.candidates) {
    if (c.kind !== 'person' || !c.key) continue;
    const g = TITLE_GENDER.get(ctx.tokens[c.t0].lower);
    if (!g) continue;
    const seen = titled.get(c.key);
    titled.set(c.key, seen === undefined || seen === g ? g : null);
  }
  const out = new Map<string, Gender | null>();
  for (const p of ctx.persons.values()) {
    let g: Gender | null | undefined = titled.get(p.key);
    for (const r of p.roles) {
      const v = ROLE_GENDER.get(r);
      if (v) g = g === undefined || g === v ? v : null;
    }
    if (g === undefined) {
      const given = p.name.split(/\s+/)[0];
      g = given && !given.includes('.') ? (givenNameGender(given) ?? null) : null;
    }
    out.set(p.key, g);
  }
  return out;
}

/** The gender a pronoun token requires ("he", "she", "his", "her"), or undefined. */
export function pronounGender(lower: string): Gender | undefined {
  return lower === 'he' || lower === 'him' || lower === 'his' || lower === 'himself' ? 'm' : lower === 'she' || lower === 'her' || lower === 'hers' || lower === 'herself' ? 'f' : undefined;
}
