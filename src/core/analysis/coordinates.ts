import gazetteerData from '../extract/data/gazetteer.generated.json';

/**
 * Where the gazetteer's places lie, from coordinates.generated.json (scripts/build-gazetteer.mjs):
 * one position per gazetteer entry in the order the gazetteer reads them, four base-64 digits each.
 * The table is handed in (the Map reads it when it opens), so it stays out of the extension's bundle.
 */
export interface CoordinateTable {
  /** Entries per list: countries, regions, big cities, small cities. */
  counts: number[];
  coords: string;
}

interface GazetteerLists {
  countries: string[][];
  regions: string[];
  bigCities: string;
  smallCities: string;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Longitude and latitude in degrees. */
export type LonLat = readonly [number, number];

/** Looks places up by name (any spelling the gazetteer knows, case- and accent-insensitive). */
export class PlaceCoordinates {
  private readonly at = new Map<string, number>();

  constructor(
    private readonly table: CoordinateTable,
    lists: GazetteerLists = gazetteerData as GazetteerLists,
  ) {
    const expected = lists.countries.length + lists.regions.length + split(lists.bigCities).length + split(lists.smallCities).length;
    if (table.coords.length !== expected * 4) throw new Error(`coordinate table does not match the gazetteer (${table.coords.length / 4} positions for ${expected} places): run npm run gazetteer`);
    let n = 0;
    // First spelling wins, as in the gazetteer.
    const add = (name: string, i: number) => {
      const k = key(name);
      if (!this.at.has(k)) this.at.set(k, i);
    };
    for (const row of lists.countries) {
      for (const name of row.slice(1)) add(name, n);
      n++;
    }
    for (const list of [lists.regions, split(lists.bigCities), split(lists.smallCities)]) for (const name of list) add(name, n++);
  }

  /**
   * The position of the first of `names` the gazetteer knows, or undefined. A name the gazetteer
   * does not know is tried again without its designator ("Idlib province", "Borno State", "the Euphrates River").
   */
  locate(names: readonly string[]): LonLat | undefined {
    const tries = [...names, ...names.map((n) => n.replace(DESIGNATOR, '')).filter((n, k) => n !== names[k] && n.length > 2)];
    for (const name of tries) {
      const i = this.at.get(key(name));
      if (i === undefined) continue;
      const c = this.table.coords;
      if (c[i * 4] === '!') continue;
      const y = B64.indexOf(c[i * 4]) * 64 + B64.indexOf(c[i * 4 + 1]);
      const x = B64.indexOf(c[i * 4 + 2]) * 64 + B64.indexOf(c[i * 4 + 3]);
      return [round((x / 4095) * 360 - 180), round((y / 4095) * 180 - 90)];
    }
    return undefined;
  }
}

/** Words that follow a place's name in prose to say what kind of place it is. */
const DESIGNATOR = /\s+(?:province|governorate|state|region|district|county|river|city|camp|airport|valley|prefecture|oblast|department)$/i;

function split(s: string): string[] {
  return s ? s.split('|') : [];
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function key(name: string): string {
  return name
    .replace(/^the /i, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
