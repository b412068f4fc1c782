import data from './data/gazetteer.generated.json';

/** How a gazetteer name may be taken: countries and regions anywhere, small towns only in a locative frame. */
export type PlaceKind = 'country' | 'region' | 'city' | 'town';

export interface GazetteerEntry {
  /** Shared by every spelling of the place ("country:US" for US, U.S., America). */
  key: string;
  /** The place's canonical name. */
  name: string;
  kind: PlaceKind;
}

interface GazetteerData {
  countries: string[][];
  regions: string[];
  bigCities: string;
  smallCities: string;
  demonyms: string[];
}

/** Place names by their exact spelling, from the generated table (see scripts/build-gazetteer.mjs). */
export class Gazetteer {
  private readonly byName = new Map<string, GazetteerEntry>();
  readonly demonyms: ReadonlySet<string>;
  /** Longest entry, in words. */
  readonly maxWords: number;
  /** The first word of every entry of two words or more. */
  readonly firstWords = new Set<string>();

  constructor(d: GazetteerData = data as GazetteerData) {
    let maxWords = 1;
    const add = (name: string, e: GazetteerEntry): void => {
      if (name.startsWith('the ')) name = name.slice(4);
      if (!this.byName.has(name)) this.byName.set(name, e);
      const space = name.indexOf(' ');
      if (space > 0) {
        this.firstWords.add(name.slice(0, space));
        maxWords = Math.max(maxWords, name.split(' ').length);
      }
    };
    for (const [code, canonical, ...aliases] of d.countries) {
      const e: GazetteerEntry = { key: `country:${code}`, name: canonical, kind: 'country' };
      add(canonical, e);
      for (const a of aliases) add(a, e);
    }
    for (const r of d.regions) add(r, { key: `place:${r.toLowerCase()}`, name: r, kind: 'region' });
    for (const c of d.bigCities.split('|')) add(c, { key: `place:${c.toLowerCase()}`, name: c, kind: 'city' });
    for (const c of d.smallCities.split('|')) add(c, { key: `place:${c.toLowerCase()}`, name: c, kind: 'town' });
    this.demonyms = demonymForms(d);
    this.maxWords = maxWords;
  }

  /** The entry spelled exactly `name` (words separated by single spaces). */
  get(name: string): GazetteerEntry | undefined {
    return this.byName.get(name);
  }
}

/**
 * The table's demonyms with the forms news prose writes beside them: plurals of the nouns ("Afghans",
 * "Iraqis") and the names of peoples whose lands are called after them ("Tajik", "Uzbeks", "Kazakh"
 * from Tajikistan, Uzbekistan, Kazakhstan). None of them is a place or a person.
 */
function demonymForms(d: GazetteerData): Set<string> {
  const out = new Set<string>();
  const plural = (w: string): void => {
    out.add(w);
    if (!/(?:s|sh|ch|ese|x|z|i)$/.test(w)) out.add(w + 's');
    else if (w.endsWith('i')) out.add(w + 's');
  };
  for (const w of d.demonyms) if (w && !w.includes(',')) plural(w);
  for (const [, canonical] of d.countries) {
    const m = /^(\p{Lu}\p{Ll}{3,}?)i?stan$/u.exec(canonical);
    if (m && !m[1].endsWith('i')) plural(m[1]);
  }
  return out;
}

let shared: Gazetteer | undefined;

/** The gazetteer built once per process from the generated table. */
export function gazetteer(): Gazetteer {
  return (shared ??= new Gazetteer());
}
