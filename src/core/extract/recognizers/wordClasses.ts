import type { Token } from '../../text/tokens';
import type { ExtractionContext } from '../context';
import { gazetteer } from '../gazetteer';
import { CAPITAL_STOPWORDS, MONTHS, ORG_HEADS, ROLES, TITLES, TURN_WORDS, WEEKDAYS } from '../lexicon';

const set = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Adjectives and nouns of peoples, faiths and languages, beyond the country demonyms of the gazetteer. */
export const GROUP_WORDS = set(`kurd kurds kurdish arab arabs arabic sunni sunnis shia shias shiite shiites shi'ite shi'ites shi'a alawite alawites
  yazidi yazidis turkmen pashtun pashtuns baloch berber berbers tuareg muslim muslims christian christians jewish jew jews islamic islamist
  islamists jihadi jihadis jihadist jihadists western westerners eastern northern southern european europeans african africans asian
  asians persian latin hindu hindus buddhist catholic catholics protestant orthodox coptic copts druze salafi salafist wahhabi sufi
  english french german spanish russian chinese english-language islam christianity judaism hinduism buddhism peshmerga mujahideen
  mujahedeen taliban hausa swahili somali pashto dari urdu farsi amharic yoruba igbo kanuri fulani tigrinya hebrew turkish kurmanji sorani
  berber tamazight`);

/**
 * Members of parties and movements, named like peoples: never part of a person's or a place's name
 * ("a New Hampshire Republican", "Democrat Hillary Clinton", "two Vermont Democrats").
 */
const PARTISANS = set('republican republicans democrat democrats tory tories libertarian libertarians socialist socialists communist communists conservatives liberals');

export function isPartisan(t: Token): boolean {
  return PARTISANS.has(t.lower);
}

/** Words for God, holy books and holy days; deities and feasts are not persons. */
export const SACRED_WORDS = set('god allah lord almighty quran koran bible torah gospel messenger prophets heaven hell paradise ramadan eid christmas easter hajj');

/** Arabic common nouns that open place names ("Bir al-Abd", "Deir ez-Zor", "Ras al-Ain"), not names of people. */
export const ARABIC_PLACE_HEADS = new Set(['bir', 'ras', 'tal', 'tall', 'tell', 'deir', 'dayr', 'jabal', 'jebel', 'wadi', 'ain', 'ayn', 'khan', 'qasr', 'jisr', 'bab', 'kafr', 'kfar', 'beit', 'bayt', 'marj', 'suq', 'souk', 'sidi', 'hassi', 'minat', 'mina', 'qalat', 'burj', 'hisn', 'sharm', 'mersa', 'marsa', 'jurf', 'tel']);

/** True for a word written all in capitals of two letters or more (an acronym: ISIS, SDF, VOA). */
export function isAcronym(t: Token): boolean {
  // Read the ASCII letters in place; a word with other characters takes the general test.
  const w = t.text;
  let length = 0;
  let upper = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === 46 /* . */) continue;
    if (c >= 128) return isAcronymText(w);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper = true;
    length++;
  }
  return length >= 2 && upper;
}

/** True for a word written in capitals, dots aside, of two letters or more ("SDF", "U.N."). */
export function isAcronymText(w: string): boolean {
  const s = w.replace(/\./g, '');
  return s.length >= 2 && s === s.toUpperCase() && /[A-Z]/.test(s) && !/\s/.test(s);
}

/**
 * The acronym a name's capitalised words make: "Syrian Democratic Forces" → "SDF", "Islamic State
 * in Iraq and Syria" → "ISIS", "al-Qaeda in the Arabian Peninsula" → "AQAP"; lower-case links are left out.
 */
export function acronymOf(name: string): string {
  let out = '';
  for (const w of name.split(/\s+/)) {
    const article = /^(?:al|el)-(\p{Lu})/iu.exec(w);
    if (article) out += 'A' + article[1];
    else if (/^\p{Lu}/u.test(w)) out += w[0];
  }
  return out;
}

/** Adjective of a people, faith or language ("Iraqi", "Kurdish", "Sunni"). */
export function isGroupWord(t: Token): boolean {
  return GROUP_WORDS.has(t.lower) || gazetteer().demonyms.has(t.text);
}

export function isSacred(t: Token): boolean {
  return SACRED_WORDS.has(t.lower);
}

const MONTH_ABBREVIATIONS = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/** Month and weekday names and month abbreviations, each also with a full stop ("nov."). */
export const CALENDAR_WORDS = new Set([...MONTHS, ...WEEKDAYS, ...MONTH_ABBREVIATIONS].flatMap((w) => [w, `${w}.`]));

export function isCalendarWord(t: Token): boolean {
  return CALENDAR_WORDS.has(t.lower);
}

export function isStopword(t: Token): boolean {
  return CAPITAL_STOPWORDS.has(t.lower);
}

/**
 * Stopwords, calendar words, words for God and holy days, roles and titles in one set, by their
 * lower case: a word that opens no name is told by one lookup instead of five.
 */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([...CAPITAL_STOPWORDS, ...CALENDAR_WORDS, ...SACRED_WORDS, ...ROLES, ...TITLES]);

/** Articles that join a capitalised word in a name ("al-Baghdadi"), written in lower case. */
const JOINED_ARTICLES = new Set(['al', 'el', 'ad', 'as', 'ash', 'an', 'ar', 'at', 'az', 'ez', 'a']);
const UPPER_AT = /\p{Lu}/uy;
/** Particles written apart inside a name, before a capitalised word: "bin Laden", "al Baghdadi". */
const PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'bint', 'abu']);

/** Whether a word opens with an Arabic article joined by a hyphen, in either case ("al-Sham", "Al-Naba", "ash-Shabab"). */
export function hasJoinedArticle(t: Token): boolean {
  const hyphen = t.text.indexOf('-');
  return hyphen > 0 && hyphen <= 3 && JOINED_ARTICLES.has(t.lower.slice(0, hyphen)) && hyphen + 1 < t.text.length;
}

/** A lower-case Arabic particle that may sit inside a name: "al", "bin", "ibn", or a joined "al-X". */
export function isNameParticle(t: Token, next: Token | undefined): boolean {
  if (t.cap || t.num) return false;
  // Every article and particle starts with a, b, e or i.
  const w = t.text;
  const c = w.charCodeAt(0);
  if (c !== 97 && c !== 98 && c !== 101 && c !== 105) return false;
  // "al-Baghdadi": an article, a hyphen, a capital.
  const hyphen = w.indexOf('-');
  if (hyphen > 0 && hyphen <= 3 && JOINED_ARTICLES.has(w.slice(0, hyphen))) {
    UPPER_AT.lastIndex = hyphen + 1;
    if (UPPER_AT.test(w)) return true;
  }
  return !!next?.cap && PARTICLES.has(t.lower);
}

/** Whether tokens [t0, t1) are a turn's label naming a part, not a person ("QUESTION:", "MODERATOR:" opening a line). */
export function isTurnLabel(ctx: ExtractionContext, t0: number, t1: number): boolean {
  const toks = ctx.tokens;
  if (ctx.text.charCodeAt(toks[t1 - 1].end) !== 58 /* : */) return false;
  const start = toks[t0].start;
  if (start > 0 && ctx.text.charCodeAt(start - 1) !== 10 /* \n */) return false;
  for (let t = t0; t < t1; t++) if (!TURN_WORDS.has(toks[t].lower)) return false;
  return true;
}

/**
 * Whether the capitalised word at token t, standing alone, is a common noun capitalised only because
 * it opens its sentence or headline: the text never writes it capitalised elsewhere but at the start
 * of a sentence, and either writes it in lower case ("Farmer says …", then "the farmer") or it is a
 * word for a body ("Militia says …"). A surname opening a sentence is written capitalised inside it
 * too ("Mayor Don Guardian", then "Guardian said").
 */
export function isCommonNounAlone(ctx: ExtractionContext, t: number): boolean {
  const toks = ctx.tokens;
  if (ctx.sentenceTokens[ctx.sentenceOf[t]]?.[0] !== t) return false;
  const text = toks[t].text;
  const lower = toks[t].lower;
  const { head, next } = writingsOf(ctx);
  for (let i = head[bucketOf(text)] - 1; i >= 0; i = next[i] - 1) {
    const w = toks[i];
    if (w.cap && w.text === text && i !== t && ctx.sentenceTokens[ctx.sentenceOf[i]][0] !== i) return false;
  }
  for (let i = head[bucketOf(lower)] - 1; i >= 0; i = next[i] - 1) {
    const w = toks[i];
    if (!w.cap && w.text === lower) return true;
  }
  return ORG_HEADS.has(lower);
}

/**
 * The document's tokens by the length and first letter of their text, as chains: token i + 1 heads
 * the chain of its bucket in `head`, and `next[i]` is the next token of the chain plus one (0 ends it).
 * Built without hashing a string, so that asking about a word reads only the tokens that may equal it.
 */
interface Writings {
  head: Int32Array;
  next: Int32Array;
}

const writings = new WeakMap<ExtractionContext, Writings>();

function bucketOf(w: string): number {
  return ((w.length & 15) << 6) | (w.charCodeAt(0) & 63);
}

function writingsOf(ctx: ExtractionContext): Writings {
  let w = writings.get(ctx);
  if (w) return w;
  const toks = ctx.tokens;
  w = { head: new Int32Array(1024), next: new Int32Array(toks.length) };
  for (let i = toks.length - 1; i >= 0; i--) {
    const b = bucketOf(toks[i].text);
    w.next[i] = w.head[b];
    w.head[b] = i + 1;
  }
  writings.set(ctx, w);
  return w;
}

/** Short words a title-case headline leaves in lower case. */
const TITLE_LINKS = new Set(['of', 'in', 'on', 'at', 'to', 'from', 'for', 'with', 'by', 'and', 'as', 'than', 'towards', 'after', 'over', 'into', 'the', 'a']);

/** Whether a token of [i, j) is a lower-case word a title-case headline leaves in lower case. */
function hasTitleLink(toks: readonly Token[], i: number, j: number): boolean {
  for (let k = i; k < j; k++) if (!toks[k].cap && TITLE_LINKS.has(toks[k].text)) return true;
  return false;
}

/** Tokens on title-case lines, per document, computed once. */
const titleLines = new WeakMap<ExtractionContext, Uint8Array>();

/**
 * Whether token t stands on a headline written in title case: a line of five words or more that
 * ends without a full stop, most of whose words of four letters or more are capitalised ("Terrorism
 * Moving from Sahel towards Coastal States Faster than Region Can Respond"). Its capitals say
 * nothing of names, so words on it are names only on other evidence than their shape.
 */
export function inTitleCaseLine(ctx: ExtractionContext, t: number): boolean {
  let marks = titleLines.get(ctx);
  if (!marks) {
    marks = new Uint8Array(ctx.tokens.length);
    titleLines.set(ctx, marks);
    const toks = ctx.tokens;
    const text = ctx.text;
    let i = 0;
    while (i < toks.length) {
      const lineEnd = text.indexOf('\n', toks[i].start);
      const end = lineEnd < 0 ? text.length : lineEnd;
      let j = i;
      let long = 0;
      let capital = 0;
      let numbers = 0;
      while (j < toks.length && toks[j].start < end) {
        if (toks[j].text.length >= 4 && !toks[j].num) {
          long++;
          if (toks[j].cap) capital++;
        }
        if (toks[j].num) numbers++;
        j++;
      }
      // Lower-case links between capitalised words, and no figures nor brackets: a headline, not a
      // list of names and results ("Luke Jensen and Murphy Jensen (U.S.) beat …").
      // (The links are looked for only on a line whose other counts make it a headline: not in prose.)
      const headline =
        j - i >= 5 && long >= 4 && numbers === 0 && capital / long >= 0.75 && hasTitleLink(toks, i, j) && !/[.!?:"”]$/.test(text.slice(toks[j - 1].end, end).trim()) && !text.slice(toks[i].start, end).includes('(');
      if (headline) for (let k = i; k < j; k++) marks[k] = 1;
      i = j;
    }
  }
  return marks[t] === 1;
}
