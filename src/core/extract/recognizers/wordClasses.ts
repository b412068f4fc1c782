import type { Token } from '../../text/tokens';
import { gazetteer } from '../gazetteer';
import { CAPITAL_STOPWORDS, MONTHS, WEEKDAYS } from '../lexicon';

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Adjectives and nouns of peoples, faiths and languages, beyond the country demonyms of the gazetteer. */
const GROUP_WORDS = set(`kurd kurds kurdish arab arabs arabic sunni sunnis shia shias shiite shiites shi'ite shi'ites shi'a alawite alawites
  yazidi yazidis turkmen pashtun pashtuns baloch berber berbers tuareg muslim muslims christian christians jewish jew jews islamic islamist
  islamists jihadi jihadis jihadist jihadists western westerners eastern northern southern european europeans african africans asian
  asians persian latin hindu hindus buddhist catholic catholics protestant orthodox coptic copts druze salafi salafist wahhabi sufi
  english french german spanish russian chinese english-language islam christianity judaism hinduism buddhism peshmerga mujahideen
  mujahedeen taliban hausa swahili somali pashto dari urdu farsi amharic yoruba igbo kanuri fulani tigrinya hebrew turkish kurmanji sorani
  berber tamazight`);

/** Words for God and holy books; deities are not persons. */
const SACRED = set('god allah lord almighty quran koran bible torah gospel messenger prophets heaven hell paradise');

/** True for a word written all in capitals of two letters or more (an acronym: ISIS, SDF, VOA). */
export function isAcronym(t: Token): boolean {
  const s = t.text.replace(/\./g, '');
  return s.length >= 2 && s === s.toUpperCase() && /[A-Z]/.test(s);
}

/** Adjective of a people, faith or language ("Iraqi", "Kurdish", "Sunni"). */
export function isGroupWord(t: Token): boolean {
  return GROUP_WORDS.has(t.lower) || gazetteer().demonyms.has(t.text);
}

export function isSacred(t: Token): boolean {
  return SACRED.has(t.lower);
}

const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

export function isCalendarWord(t: Token): boolean {
  const w = t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
  return MONTHS.has(w) || WEEKDAYS.has(w) || MONTH_ABBREVIATIONS.has(w);
}

export function isStopword(t: Token): boolean {
  return CAPITAL_STOPWORDS.has(t.lower);
}

/** A lower-case Arabic particle that may sit inside a name: "al", "bin", "ibn", or a joined "al-X". */
export function isNameParticle(t: Token, next: Token | undefined): boolean {
  if (t.cap || t.num) return false;
  if (t.text.includes('-') && /^(?:al|el|ad|as|ash|an|ar|at|az|ez|a)-\p{Lu}/u.test(t.text)) return true;
  if ((t.lower === 'al' || t.lower === 'el' || t.lower === 'bin' || t.lower === 'ibn' || t.lower === 'bint' || t.lower === 'abu' || t.lower === 'bin') && next?.cap) return true;
  return false;
}
