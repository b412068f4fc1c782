/**
 * Organisation-name normalization shared by in-document coreference and cross-document linking:
 * "the Pentagon" and "Pentagon", "U.N." and "UN", "Al-Furqan Media" and "al Furqan", "ISIS" and
 * "Islamic State" get one key.
 */

/** Words that close a body's name without changing which body it is ("Al-Furqan Media Group", "Acme Corp."). */
const DESIGNATORS = new Set(['media', 'group', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'co', 'plc', 'llc', 'foundation', 'establishment', 'company', 'holdings', 'ag', 'sa', 'nv', 'gmbh']);

/** Arabic articles written before a name ("al-Furqan", "a-Furqan"). */
const ARTICLES = new Set(['al', 'el', 'a', 'an', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'ez']);

/**
 * Other names of organisations that news on armed groups writes in several ways: the key of each
 * alias maps to the key of the name. General knowledge of the field, like the gazetteer's
 * spellings of countries.
 */
const ALIASES: ReadonlyArray<[string, string[]]> = [
  ['Islamic State', ['ISIS', 'ISIL', 'IS', 'Daesh', 'Da’esh', 'Islamic State in Iraq and Syria', 'Islamic State of Iraq and Syria', 'Islamic State in Iraq and the Levant', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and al-Sham']],
  ['al-Qaeda', ['al-Qaida', 'al-Qa’ida', 'Qaeda', 'Qaida']],
  ['Hayat Tahrir al-Sham', ['HTS', 'Tahrir al-Sham', 'Hay’at Tahrir al-Sham']],
  ['al-Shabaab', ['al-Shabab', 'Shabaab', 'Shabab', 'Harakat al-Shabaab al-Mujahideen']],
  ['Hezbollah', ['Hizbollah', 'Hizballah', 'Hizbullah']],
  ['Houthis', ['Houthi', 'Ansar Allah', 'Ansarallah']],
  ['Boko Haram', ['Jama’atu Ahlis Sunna Lidda’awati wal-Jihad', 'JAS']],
  ['Islamic State West Africa Province', ['ISWAP']],
  ['Islamic State Khorasan Province', ['ISKP', 'ISIS-K', 'IS-K', 'Islamic State Khorasan']],
  ['al-Qaeda in the Arabian Peninsula', ['AQAP']],
  ['al-Qaeda in the Islamic Maghreb', ['AQIM']],
  ['United Nations', ['UN', 'U.N.']],
  ['Taliban', ['Islamic Emirate of Afghanistan']],
];

let aliasKeys: Map<string, string> | undefined;

function baseKey(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`ʿʾ]s$/i, '')
    .replace(/['’‘`ʿʾ.]/g, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean);
  if (words[0] === 'the' && words.length > 1) words.shift();
  while (words.length > 1 && DESIGNATORS.has(words[words.length - 1])) words.pop();
  return words.filter((w, i) => !(ARTICLES.has(w) && i < words.length - 1)).join(' ');
}

const keys = new Map<string, string>();

/** The key two writings of one organisation's name share (remembered: names recur; the memory is bounded). */
export function organizationKey(name: string): string {
  let out = keys.get(name);
  if (out !== undefined) return out;
  if (!aliasKeys) {
    aliasKeys = new Map();
    for (const [canonical, others] of ALIASES) for (const o of others) aliasKeys.set(baseKey(o), baseKey(canonical));
  }
  const k = baseKey(name);
  out = aliasKeys.get(k) ?? k;
  if (keys.size > 20000) keys.clear();
  keys.set(name, out);
  return out;
}
