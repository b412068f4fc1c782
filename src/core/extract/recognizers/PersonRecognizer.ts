import { foldWord, isKunya, lastNameWord, nameWords, namesCompatible, tidyName } from '../../entities/names';
import type { ExtractionContext, PersonRecord } from '../context';
import { gazetteer } from '../gazetteer';
import { givenNameGender } from '../gender';
import { AUXILIARIES, EUROPEAN_PARTICLES, ORG_HEADS, PLACE_DESIGNATORS, PLACE_NOUNS, POSTNOMINALS, ROLES, TITLES } from '../lexicon';
import { chunkAt, MARGIN, ORG, PER } from '../names/NameTagger';
import { isSpeechVerb } from '../speech';
import { ARABIC_PLACE_HEADS, inTitleCaseLine, isAcronym, isCommonNounAlone, isGroupWord, isNameParticle, isPartisan, isStopword, NOT_NAME_WORDS } from './wordClasses';

/** A stretch of name-like tokens [s, e), with the index of a title right before it or -1. */
interface NameRun {
  s: number;
  e: number;
  title: number;
  /** False for the last word of a multi-word office ("Prime Minister"): it licenses the name but stays outside. */
  titleInside: boolean;
}

/**
 * Words between two names that present the second as another name of the first: "X, also known as
 * Y", "Y, whose real name is X", "X (known as Y)", "Y, the nom de guerre of X", "X, whom everyone knows
 * as Y", "a man who calls himself Y".
 */
const ALIAS_PHRASE = /\b(?:(?:better |also |widely |commonly )?known as|kn(?:ows?|ew) (?:him |her )?as|nom de guerre|noms de guerre|alias|a\.k\.a\.|aka|also called|kunya|(?:real|birth|given|true|full|legal) name|born|goes by|went by|calls? (?:him|her)self|called (?:him|her)self|identifies (?:him|her)self as|(?:formerly|previously) called|pseudonym)\b/i;

/** The end of an alias phrase, right before the other name: "… known as", "… the nom de guerre of", "… real name is". */
const ALIAS_BEFORE_NAME = /(?:\bas|\bof|\bis|\bwas|\balias|a\.k\.a\.|\baka|\bcalled|\bby|self|\bborn|\bguerre)\s*,?\s*$/i;

/** Between two names, words that tell they are two persons even beside an alias phrase ("X and his brother, known as Y"). */
const ALIAS_BREAK = /[;:"“”]|\b(?:and|or|with|met|told|said|says|whom he|whom she)\b/i;

/**
 * Whether the text's first line is a sentence of the story, not a headline: it closes with a full
 * stop, and a paragraph of prose follows it (not a byline or a dateline of a few words), or nothing does.
 */
function storyOpening(text: string): boolean {
  let end = text.indexOf('\n');
  if (end < 0) end = text.length;
  let last = end - 1;
  while (last >= 0 && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 13)) last--;
  if (text.charCodeAt(last) !== 46 /* . */) return false;
  let from = end;
  while (from < text.length && (text.charCodeAt(from) <= 32)) from++;
  if (from >= text.length) return true;
  let to = text.indexOf('\n', from);
  if (to < 0) to = text.length;
  let words = 1;
  for (let i = from; i < to && words <= 8; i++) if (text.charCodeAt(i) === 32) words++;
  return words > 8;
}

/** Ordinal words, spelled out ("Third", "Eightieth", "Twenty-first" as its last part). */
const ORDINAL = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+teenth|\p{L}+ieth)$/u;

/** Words that open a noun phrase: before a lone capitalised word they make it a common noun ("this Chamber", "the three States"). */
const DETERMINERS = new Set(['the', 'this', 'these', 'those', 'its', 'their', 'our', 'every', 'each', 'some', 'many', 'several', 'other', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'member', 'fellow']);

/**
 * Whether the lone capitalised word at s stands in a noun phrase a determiner opens: "this Chamber",
 * "the three States", "the coastal States", "Member States" (a determiner and at most one lower-case
 * word before it, or a capitalised "Member").
 */
function determinedNoun(ctx: ExtractionContext, s: number): boolean {
  const toks = ctx.tokens;
  const p1 = toks[s - 1];
  if (!p1 || !ctx.joined(s - 1)) return false;
  if (p1.lower === 'member') return true;
  if (p1.cap) return false;
  if (DETERMINERS.has(p1.lower)) return p1.lower !== 'the';
  const p2 = toks[s - 2];
  return !!p2 && !p2.cap && ctx.joined(s - 2) && DETERMINERS.has(p2.lower) && /^\p{Ll}+$/u.test(p1.text) && !AUXILIARIES.has(p1.lower) && !LONE_NAME_VERBS.has(p1.lower) && !PLACE_PREPOSITIONS.has(p1.lower) && p1.lower !== 'and';
}

/** Participles of what befalls a person, after "was": "X was killed", "X was arrested". */
const PERSON_FATES = new Set(['killed', 'arrested', 'captured', 'assassinated', 'executed', 'detained', 'sentenced', 'wounded', 'injured', 'kidnapped', 'abducted', 'appointed', 'elected', 'born', 'buried', 'extradited', 'jailed', 'imprisoned', 'convicted', 'acquitted', 'pardoned', 'beheaded', 'martyred']);

/** Lower-case nouns after a surname that make it the name of a group ("the Haqqani network"). */
const GROUP_AFTER_NAME = new Set(['network', 'networks', 'clan', 'family', 'faction', 'group', 'tribe', 'militia', 'movement', 'brigade', 'brigades', 'doctrine', 'administration', 'government', 'era', 'regime']);

/**
 * Speech verbs that license a lone capitalised word as a person ("Trump responded", "Baghdadi
 * mocked"): what people do with words. Verbs that agencies and outlets do as often ("reported",
 * "announced", "published", "confirmed") are left out, so "Amaq reported" is not a person.
 */
const LONE_NAME_VERBS = new Set(['said', 'says', 'told', 'tells', 'added', 'adds', 'warned', 'urged', 'argued', 'claimed', 'vowed', 'declared',
  'responded', 'replied', 'insisted', 'stressed', 'explained', 'wrote', 'writes', 'asked', 'recalled', 'conceded', 'boasted', 'threatened',
  'mocked', 'pledged', 'promised', 'admitted', 'lamented', 'complained', 'cautioned', 'remarked', 'exhorted', 'implored', 'joked', 'quipped', 'scoffed']);

const KUNYA = new Set(['abu', 'umm', 'abi']);

/** Nouns of kinship that name the person after them ("Bin Laden's son Hamza"). */
const KIN = new Set(['son', 'sons', 'daughter', 'daughters', 'brother', 'sister', 'wife', 'husband', 'widow', 'father', 'mother', 'nephew', 'niece', 'cousin', 'uncle', 'aunt', 'grandson', 'granddaughter', 'son-in-law', 'brother-in-law']);

/** Words of an office written before its title word ("Prime Minister", "Vice President", "Foreign Secretary"). */
const OFFICE_WORDS = new Set(['prime', 'vice', 'deputy', 'foreign', 'defence', 'defense', 'interior', 'finance', 'justice', 'health', 'acting', 'assistant', 'attorney', 'home', 'trade', 'economy', 'education', 'energy', 'labour', 'labor']);

/** A line's first two or three words in capitals, then an optional outlet (", Outlet" or "(Outlet)"), then a colon. */
const CAPITAL_LABEL = /^(\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){1,2})( ?\([^)\n]{1,40}\)|,[^:\n]{1,40})?:\s/u;

/** A paragraph opening with a name in capitals and the speaker's country in brackets, as meeting records write it ("ANA LIMA (Brazil) said …"). */
const CAPITAL_DELEGATE = /^(\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+){1,3}) \([^)\n]{2,40}\),? /u;




/**
 * Whether the capitalised word at i stands inside one person's name: right after a given name and
 * right before a capitalised word or an Arabic nisba ("Mohammed Shia al-Sudani").
 */
function middleNameWord(ctx: ExtractionContext, i: number): boolean {
  const toks = ctx.tokens;
  const next = toks[i + 1];
  if (!next || !(next.cap || /^(?:al|el)-\p{Lu}/u.test(next.text)) || !ctx.joined(i - 1) || !ctx.joined(i) || isGroupWord(next) || isStopword(next)) return false;
  return givenNameGender(toks[i - 1].text) !== undefined;
}

/**
 * Where a person's name starts inside a run that follows an office and "for" ("Under-Secretary-General
 * for Humanitarian Affairs Tom Fletcher", "Minister for Foreign Affairs Ayman Safadi"): at a given
 * name after the portfolio's words, with at least a surname after it; s when there is none.
 */
function portfolioEnd(ctx: ExtractionContext, s: number, e: number): number {
  const toks = ctx.tokens;
  const p = toks[s - 1];
  const office = toks[s - 2];
  if (e - s < 3 || !p || !office || p.lower !== 'for' || p.cap || !office.cap || !ctx.joined(s - 2) || !ctx.joined(s - 1)) return s;
  if (!TITLES.has(office.lower) && !ROLES.has(office.lower) && office.lower !== 'general') return s;
  for (let k = s + 1; k < e - 1; k++) if (givenNameGender(toks[k].text) !== undefined) return k;
  return s;
}

/**
 * Whether tokens [t0, t1) end a short title in quotation marks, every word of it capitalised
 * ("titled “And Be Patient”"): words of a title, not a name the tagger may take on its own.
 */
function inQuotedTitle(ctx: ExtractionContext, t0: number, t1: number): boolean {
  const toks = ctx.tokens;
  const close = ctx.text.charCodeAt(toks[t1 - 1].end);
  if (close !== 34 && close !== 0x201d) return false;
  for (let t = t0 - 1; t >= Math.max(0, t0 - 6); t--) {
    const gap = ctx.text.slice(toks[t].end, toks[t + 1].start);
    if (gap.includes('\n')) return false;
    if (/["\u201c]\s*$/.test(gap)) return t + 1 < t0;
    if (!toks[t].cap || !ctx.joined(t)) return false;
  }
  return false;
}

/** Prepositions after which a capitalised name is a place's, in news prose ("fighting in Baga"). */
const STRONG_LOCATIVE = new Set(['in', 'near', 'outside', 'around', 'inside', 'toward', 'towards']);

/** Prepositions after which a lone capitalised word is a place, not the subject of a following verb ("an official in Marawi said"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'outside', 'inside', 'around', 'across', 'into', 'toward', 'towards', 'of']);

/**
 * Finds named persons by shape and context, without a list of people: Arabic name patterns
 * ("Abu Bakr al-Baghdadi", "X bin Y"), a title ("Col. John Dorrian"), a role noun before the name
 * ("analyst Aki Peritz"), a speech verb beside it, an apposition after it ("Hassan Hassan, a
 * fellow…"), or a middle initial. Every later form of a found name (surname, with or without its
 * article) is then a mention of the same person.
 */
export class PersonRecognizer {
  /** Folded words of each person's name, recomputed when the name grows. */
  private readonly folded = new WeakMap<PersonRecord, { name: string; words: string[]; joined: string }>();

  private runsFound: NameRun[] = [];

  recognize(ctx: ExtractionContext): void {
    const runs = (this.runsFound = this.runs(ctx));
    // Labels and delegates' names in capitals open their paragraphs: registered first, as they come first.
    this.capitalLabels(ctx);
    let lastEnd = -1;
    for (const r of runs) {
      let name = this.license(ctx, r);
      // "By Sarah Okoye and Daniel Brennan": a full name opening with a given name, coordinated with a person's.
      if (!name && lastEnd > 0 && r.s === lastEnd + 1 && ctx.tokens[lastEnd].lower === 'and' && ctx.joined(lastEnd - 1) && ctx.joined(lastEnd) && r.e - r.s >= 2 && r.e - r.s <= 3 && givenNameGender(ctx.tokens[r.s].text) !== undefined) name = { s: r.s, e: r.e };
      if (name) {
        this.register(ctx, name.s, name.e);
        lastEnd = name.e;
      }
    }
    this.matchAll(ctx, runs);
  }

  /**
   * After the rules for organisations and places: the names no rule took that the tagger is sure
   * are persons' ("Lebed", "Werner Zwingmann"), with every other writing of them still free.
   */
  recognizeLearned(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const taken = new Uint8Array(toks.length);
    for (const c of ctx.candidates) for (let t = c.t0; t < c.t1; t++) taken[t] = 1;
    const touched = new Set<string>();
    for (const r of this.runsFound) {
      const c = chunkAt(ctx, r.s, PER);
      // The whole run, and nowhere in a place's frame ("in Baga", "the town of Baga").
      if (!c || c.margin < MARGIN.person || c.t0 !== r.s || c.t1 !== r.e || inTitleCaseLine(ctx, r.s)) continue;
      // "the three States", "this Chamber", "Member States": a capitalised noun after a determiner.
      if (c.t1 - c.t0 === 1 && determinedNoun(ctx, c.t0)) continue;
      // "Eightieth Session", "Third Committee": an ordinal word names no person.
      let ordinal = false;
      for (let t = c.t0; t < c.t1 && !ordinal; t++) ordinal = ORDINAL.test(toks[t].lower);
      if (ordinal) continue;
      if (inQuotedTitle(ctx, c.t0, c.t1)) continue;
      let free = true;
      for (let t = r.s; t < r.e && free; t++) if (taken[t] || ctx.blocked[t]) free = false;
      if (!free || this.inPlaceFrame(ctx, c.t0, c.t1)) continue;
      if (this.isPlace(ctx, c.t0, c.t1) && c.margin < MARGIN.overridePlace) continue;
      // The shapes the rules keep for places: "Ain Issa", "Lamu County".
      if ((ARABIC_PLACE_HEADS.has(toks[c.t0].lower) && c.t1 - c.t0 >= 2) || PLACE_DESIGNATORS.has(toks[c.t1 - 1].lower)) continue;
      touched.add(this.register(ctx, c.t0, c.t1));
    }
    // Their writings on words nothing else took.
    if (touched.size) this.matchAll(ctx, this.runsFound, touched, taken);
    // Once every name is found, by the rules or the tagger: the names the text gives one person.
    if (ALIAS_PHRASE.test(ctx.text)) {
      this.aliasNames(ctx);
      this.mergeAliases(ctx);
    }
  }

  /**
   * A name on the other side of an alias phrase from a person's is that person's other name, though
   * nothing else licenses it: "[Halima Sow] (known as Umm Khalid)", "X, whose real name is [Y]".
   */
  private aliasNames(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const people = ctx.candidates.filter((c) => c.kind === 'person');
    if (people.length === 0) return;
    const taken = new Uint8Array(toks.length);
    for (const c of ctx.candidates) for (let t = c.t0; t < c.t1; t++) taken[t] = 1;
    const runs = this.runsFound;
    const free = (r: NameRun): boolean => {
      if (r.e - r.s > 4 || r.title >= 0 || this.isPlace(ctx, r.s, r.e)) return false;
      for (let t = r.s; t < r.e; t++) if (taken[t] || ctx.blocked[t] || isAcronym(toks[t])) return false;
      return true;
    };
    // Runs by their first and last token.
    const byStart = new Map<number, NameRun>();
    const byEnd = new Map<number, NameRun>();
    for (const r of runs) {
      byStart.set(r.s, r);
      byEnd.set(r.e, r);
    }
    // The words between the two names: a comma or a bracket, then an alias phrase and nothing else.
    const aliasGap = (between: string): boolean => between.length <= 60 && /^\s*[,(]/.test(between) && ALIAS_PHRASE.test(between) && !ALIAS_BREAK.test(between) && ALIAS_BEFORE_NAME.test(between);
    for (const c of people) {
      const sentence = ctx.sentenceOf[c.t0];
      // After the person: ", also known as [Y]", " (known as [Y])".
      for (let t = c.t1; t < Math.min(toks.length, c.t1 + 9) && ctx.sentenceOf[t] === sentence; t++) {
        const r = byStart.get(t);
        if (!r) continue;
        if (free(r) && aliasGap(ctx.text.slice(c.end, toks[r.s].start))) this.addAlias(ctx, r, taken);
        break;
      }
      // Before it: "[X], whose real name is Y", "[X] (known as Y)".
      for (let t = c.t0; t > Math.max(0, c.t0 - 9) && ctx.sentenceOf[t - 1] === sentence; t--) {
        const r = byEnd.get(t);
        if (!r) continue;
        if (free(r) && aliasGap(ctx.text.slice(toks[r.e - 1].end, c.start))) this.addAlias(ctx, r, taken);
        break;
      }
    }
  }

  private addAlias(ctx: ExtractionContext, r: NameRun, taken: Uint8Array): void {
    const toks = ctx.tokens;
    const key = this.register(ctx, r.s, r.e);
    for (let t = r.s; t < r.e; t++) taken[t] = 1;
    ctx.candidates.push({ start: toks[r.s].start, end: toks[r.e - 1].end, kind: 'person', t0: r.s, t1: r.e, key, priority: 5 });
  }

  /**
   * Turn labels of a transcript written in capitals, opening a line ("AISHA BELLO (Daily Trust): …",
   * "FAREED SIDDIQUI: …"): a given name and one or two more words, or two or three words before an
   * outlet, are a person's name, not an acronym. The document's other writings of it (a bare
   * "BELLO:") are then found as forms of it.
   */
  private capitalLabels(ctx: ExtractionContext): void {
    const text = ctx.text;
    const toks = ctx.tokens;
    for (const para of ctx.paragraphs) {
      const c = text.charCodeAt(para.start);
      if (c < 65 || c > 90) continue;
      const head = text.slice(para.start, Math.min(para.end, para.start + 90));
      let m = CAPITAL_LABEL.exec(head);
      if (m) {
        const first = m[1].slice(0, m[1].indexOf(' '));
        // A reporter's label names the outlet after the name; otherwise the first word is a given name.
        if (!m[2] && givenNameGender(first) === undefined) continue;
      } else {
        // A delegate's name in capitals before the country and a speech verb.
        m = CAPITAL_DELEGATE.exec(head);
        if (!m || !isSpeechVerb(ctx, ctx.tokenAt(para.start + m[0].length))) continue;
        // Not a body's or a place's name in capitals ("UNITED NATIONS (New York) said").
        const words = m[1].toLowerCase().split(' ');
        if (words.some((w) => ORG_HEADS.has(w)) || gazetteer().get(words.map((w) => w[0].toUpperCase() + w.slice(1)).join(' ')) !== undefined) continue;
      }
      const t0 = ctx.tokenAt(para.start);
      let t1 = t0;
      while (t1 < toks.length && toks[t1].end <= para.start + m[1].length) t1++;
      let free = t1 > t0;
      for (let t = t0; t < t1 && free; t++) free = !ctx.blocked[t];
      if (!free) continue;
      const key = this.register(ctx, t0, t1);
      ctx.candidates.push({ start: toks[t0].start, end: toks[t1 - 1].end, kind: 'person', t0, t1, key, priority: 5 });
    }
  }

  /**
   * Names the text gives one person ("Umar, who is better known by his nom de guerre, Abu Ubaidah";
   * "Ibrahim Awad al-Badri, also known as Abu Bakr al-Baghdadi"; "Hamid Karzoun, whose real name is
   * Yusuf Dabbas"): two names next to each other in a sentence, with an alias phrase and nothing else
   * between them, are one person's, every mention of either a mention of that person.
   */
  private mergeAliases(ctx: ExtractionContext): void {
    const people = ctx.candidates.filter((c) => c.kind === 'person').sort((x, y) => x.start - y.start);
    for (let k = 1; k < people.length; k++) {
      const b = people[k];
      const a = people[k - 1];
      if (a.key === b.key || ctx.sentenceOf[a.t0] !== ctx.sentenceOf[b.t0]) continue;
      const between = ctx.text.slice(a.end, b.start);
      if (between.length > 80 || !ALIAS_PHRASE.test(between) || ALIAS_BREAK.test(between)) continue;
      const from = ctx.persons.get(b.key as string);
      const into = ctx.persons.get(a.key as string);
      if (!from || !into) continue;
      for (const f of from.forms) into.forms.add(f);
      for (const r of from.roles) into.roles.add(r);
      for (const c of ctx.candidates) if (c.key === from.key) c.key = into.key;
      ctx.persons.delete(from.key);
    }
  }

  /** Maximal stretches of capitalised words and name particles, split at words that never belong to a name. */
  private runs(ctx: ExtractionContext): NameRun[] {
    const toks = ctx.tokens;
    const out: NameRun[] = [];
    let s = -1;
    let title = -1;
    let titleInside = false;
    const close = (e: number): void => {
      // "Under-Secretary-General for Humanitarian Affairs Tom Fletcher": the office's portfolio is no part of the name after it.
      const named = s >= 0 ? portfolioEnd(ctx, s, e) : s;
      if (named > s) out.push({ s: named, e, title: named - 1, titleInside: false });
      else if (s >= 0 && e > s) out.push({ s, e, title, titleInside });
      s = -1;
      title = -1;
    };
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const nameLike = !ctx.blocked[i] && ctx.nameish[i] === 1 && !t.num;
      if (!nameLike) {
        // "Marieke de Vries", "Ludwig van der Rohe": a particle between the capitalised words of one name.
        if (s >= 0 && EUROPEAN_PARTICLES.has(t.lower) && ctx.joined(i - 1) && ctx.joined(i) && !ctx.blocked[i]) {
          let k = i + 1;
          if (EUROPEAN_PARTICLES.has(toks[k]?.lower ?? '') && !toks[k].cap && ctx.joined(k)) k++;
          if (toks[k]?.cap && !ctx.blocked[k] && !isStopword(toks[k])) {
            i = k - 1;
            continue;
          }
        }
        close(i);
        continue;
      }
      // "Jean-Pierre Raffarin", "Abdul-Karim al-Kabariti", "Lea Hoffmann-Yılmaz": capitalised words joined by a hyphen stay in one name.
      if (s >= 0 && !ctx.joined(i - 1) && !hyphenName(ctx, i - 1)) close(i);
      const isTitle = TITLES.has(t.lower) && t.cap;
      const sentenceStart = ctx.sentenceTokens[ctx.sentenceOf[i]]?.[0] === i;
      const bad = NOT_NAME_WORDS.has(t.lower) || isAcronym(t) || isGroupWord(t) || isPartisan(t) || POSTNOMINALS.has(t.text) ||
        // A capitalised gerund opening a sentence ("Losing Adnani is a blow") is a verb.
        (sentenceStart && t.lower.length > 5 && t.lower.endsWith('ing'));
      if (isTitle && ctx.joined(i) && toks[i + 1]?.cap) {
        close(i);
        // A title after another capitalised word belongs to a multi-word office ("Prime Minister"): outside the span.
        title = i;
        titleInside = !(i > 0 && ctx.joined(i - 1) && toks[i - 1].cap && !isStopword(toks[i - 1]) && !isGroupWord(toks[i - 1]));
        continue;
      }
      // "Mohammed Shia al-Sudani": a sect's or people's word between a given name and the rest of the name is part of it.
      // "Ms. Inga Rhonda King (…)": a title's word closing a name that opens with a given name is its surname.
      const surnameTitle = isTitle && s >= 0 && i > s && ctx.joined(i - 1) && !(ctx.joined(i) && toks[i + 1]?.cap) && givenNameGender(toks[s].text) !== undefined;
      if (bad && !surnameTitle && !(s >= 0 && isGroupWord(t) && middleNameWord(ctx, i))) {
        close(i);
        continue;
      }
      if (s < 0) s = i;
      // A possessive or punctuation after the word ends the name.
      if (!ctx.joined(i) && !hyphenName(ctx, i)) close(i + 1);
    }
    close(toks.length);
    return out;
  }

  /** The part of a run licensed as a person's name, if any. */
  private license(ctx: ExtractionContext, r: NameRun): { s: number; e: number } | undefined {
    const toks = ctx.tokens;
    const { s, e } = r;
    const words = toks.slice(s, e);
    if (ARABIC_PLACE_HEADS.has(words[0].lower) && e - s >= 2 && r.title < 0) return undefined;
    // Arabic names: a kunya (Abu …) or a nisba (… al-X, … bin X) after a first word.
    const kunya = words.findIndex((w, k) => KUNYA.has(w.lower) && k < words.length - 1);
    let lastParticle = -1;
    words.forEach((w, k) => {
      if (k > 0 && (isNameParticle(w, words[k + 1]) || /^(?:al|el)-/i.test(w.text))) lastParticle = k;
    });
    if (kunya >= 0 || lastParticle > 0) {
      const from = kunya >= 0 ? s + kunya : s;
      let to = lastParticle > 0 ? s + lastParticle + 1 : e;
      if (lastParticle > 0 && /^(?:al|el|bin|ibn|bint)$/i.test(toks[to - 1].text) && to < e) to++;
      // "Abdullah bin Zayed Al Nahyan": a family name with its article written apart and capitalised.
      if (lastParticle > 0 && to + 1 < e && (toks[to].text === 'Al' || toks[to].text === 'Al-') && ctx.joined(to - 1) && ctx.joined(to) && toks[to + 1].cap) to += 2;
      if (kunya >= 0 && lastParticle < kunya) to = Math.min(e, from + 3);
      if (to - from >= 2 && !this.isPlace(ctx, from, to)) return { s: from, e: Math.min(to, from + 6) };
    }
    if (e - s > 4) return undefined;
    // "Labour Prime Minister …", "its Foreign Minister": words of an office before its title word are no name.
    const after = toks[e];
    if (after && after.cap && ctx.joined(e - 1) && (TITLES.has(after.lower) || ROLES.has(after.lower)) && OFFICE_WORDS.has(toks[e - 1].lower)) return undefined;
    // A company's or agency's name before "said" ("Brush Wellman said"), as the tagger reads it.
    if (r.title < 0 && this.surelyOrganization(ctx, s, e)) return undefined;
    // "Lamu County", "Sambisa Forest": a place designator ends place names, not names of people.
    if (PLACE_DESIGNATORS.has(toks[e - 1].lower)) return undefined;
    if (r.title >= 0) return { s, e };
    // A place's name unless the tagger is sure it is a person's, or a small town's name speaks ("Obama said").
    if (this.isPlace(ctx, s, e) && !this.surelyPerson(ctx, s, e) && !(this.isTown(ctx, s, e) && ctx.joined(e - 1) && LONE_NAME_VERBS.has(ctx.tokens[e]?.lower ?? ''))) return undefined;
    // "Salah, 45, a shopkeeper": a name followed by an age.
    if (/^\s*,\s*$/.test(ctx.gap(e - 1)) && toks[e]?.num && /^\d{1,2}$/.test(toks[e].text) && /^\s*,/.test(ctx.gap(e)) && !isAcronym(toks[s])) return { s, e };
    if (e - s < 2) {
      // A lone surname right before a speech verb: "Baghdadi said", "al-Baghdadi told".
      const t = toks[s];
      const k = e;
      // Sentence-initial plurals are groups of people ("Officials said", "Residents told").
      const groupNoun = ctx.sentenceTokens[ctx.sentenceOf[s]]?.[0] === s && /(?:ers|ists|ysts|ials|ents|ants|ats|ies|ces|ians|ans|ors|ives|ops|ps|sses|aides)$/.test(t.lower);
      // A common noun capitalised as the first word of a headline or sentence: "Militia says …".
      if (isCommonNounAlone(ctx, s)) return undefined;
      // A letter, or the end of a hyphened word ("ISIS-K claimed"), is no one's name.
      if (t.text.length < 2 || (s > 0 && toks[s - 1].end === t.start - 1 && ctx.text.charCodeAt(t.start - 1) === 45)) return undefined;
      const prevWord = toks[s - 1];
      const afterPreposition = !!prevWord && !prevWord.cap && PLACE_PREPOSITIONS.has(prevWord.lower) && ctx.joined(s - 1);
      // "the Assembly warned", "the Republic said", "the Syrian Arab Republic said": a person's lone name takes no article nor demonym.
      const afterArticle = (prevWord?.lower === 'the' && !prevWord.cap && ctx.joined(s - 1)) || (!!prevWord && ctx.joined(s - 1) && isGroupWord(prevWord)) || determinedNoun(ctx, s);
      if (!isAcronym(t) && !groupNoun && !afterPreposition && !afterArticle && ctx.joined(s) && k < toks.length && ctx.sentenceOf[k] === ctx.sentenceOf[s] && LONE_NAME_VERBS.has(toks[k].lower)) return { s, e };
      if (/^(?:al|el)-/i.test(t.text) && isSpeechVerb(ctx, k)) return { s, e };
      // "Bin Laden's son Hamza": a given name after a kinship noun and a possessive.
      if (prevWord && KIN.has(prevWord.lower) && ctx.joined(s - 1) && s >= 2 && /^['\u2019]s\s+$/.test(ctx.gap(s - 2)) && givenNameGender(t.text) !== undefined) return { s, e };
      return undefined;
    }
    if (e - s === 3 && /^\p{Lu}\.$/u.test(toks[s + 1].text)) return { s, e };
    // "The Special Representative …, Leonardo Santos Simão, said": a name set off by commas before a speech verb, opening with a given name.
    if (s > 0 && /,\s*$/.test(ctx.gap(s - 1)) && /^\s*,\s*$/.test(ctx.gap(e - 1)) && ctx.sentenceOf[e] === ctx.sentenceOf[s] && isSpeechVerb(ctx, e) && givenNameGender(toks[s].text) !== undefined) return { s, e };
    const before = toks[s - 1];
    const sameSentence = (i: number): boolean => i >= 0 && i < toks.length && ctx.sentenceOf[i] === ctx.sentenceOf[s];
    if (before && sameSentence(s - 1) && ctx.joined(s - 1)) {
      if (ROLES.has(before.lower) && (!before.cap || (e - s >= 2 && givenNameGender(toks[s].text) !== undefined))) return { s, e };
      if (before.lower === 'by' || (before.lower === 'to' && toks[s - 2]?.lower === 'according')) return { s, e };
      if (isSpeechVerb(ctx, s - 1)) return { s, e };
    }
    // A name in apposition to a role: "the interior minister, Ali Qahtan, …", "a spokesman for the committee, X Y, said".
    if (before && sameSentence(s - 1) && /^\s*,\s*$/.test(ctx.gap(s - 1)) && e - s >= 2 && (e >= toks.length || /^\s*[,.;]/.test(ctx.gap(e - 1)))) {
      for (let j = s - 1; j >= Math.max(0, s - 9) && sameSentence(j); j--) {
        if (j < s - 1 && /[,;:.!?()\u2014]/.test(ctx.gap(j))) break;
        if (ROLES.has(toks[j].lower) && !toks[j].cap) return { s, e };
      }
    }
    // "X said", "X, the …, said", "X has warned", "X MP said".
    let k = e;
    if (k < toks.length && POSTNOMINALS.has(toks[k].text) && ctx.joined(k - 1)) k++;
    while (k < toks.length && sameSentence(k) && AUXILIARIES.has(toks[k].lower) && !/[,;:]/.test(ctx.gap(k - 1))) k++;
    if (sameSentence(k) && !/[,;:.]/.test(ctx.gap(k - 1)) && isSpeechVerb(ctx, k)) return { s, e };
    // "X was killed", "X was arrested": what befalls a person (a name of two words or more).
    if (sameSentence(e + 1) && !/[,;:.]/.test(ctx.gap(e - 1)) && /^(?:was|had been|has been)$/.test(toks[e]?.lower ?? '') && PERSON_FATES.has(toks[e + 1]?.lower ?? '')) return { s, e };
    if (sameSentence(e + 2) && !/[,;:.]/.test(ctx.gap(e - 1)) && /^(?:had|has)$/.test(toks[e]?.lower ?? '') && toks[e + 1]?.lower === 'been' && PERSON_FATES.has(toks[e + 2]?.lower ?? '')) return { s, e };
    // Apposition: "X, a resident fellow at …", "X, who …".
    if (/^\s*,\s*$/.test(ctx.gap(e - 1))) {
      for (let j = e; j < Math.min(toks.length, e + 5) && sameSentence(j); j++) {
        const w = toks[j];
        if (w.lower === 'who' || (w.lower === 'whose' && j === e)) return { s, e };
        if (ROLES.has(w.lower) && !w.cap) return { s, e };
        // "X Y, Minister for Foreign Affairs of Mali, told …": an office written as a title, with its portfolio.
        if (j === e && w.cap && e - s >= 2 && ROLES.has(w.lower) && ctx.joined(j) && (toks[j + 1]?.lower === 'of' || toks[j + 1]?.lower === 'for') && !toks[j + 1].cap) return { s, e };
        if (j > e && /[,.;:]/.test(ctx.gap(j - 1))) break;
      }
    }
    // A known given name and a surname opening the text's first line, where the tagger reads names as
    // a headline's or a dateline's ("Anna Smith met Bob Jones in Paris." as the first sentence).
    if (e - s <= 3 && s === ctx.tokenAt(0) && givenNameGender(toks[s].text) !== undefined && !inTitleCaseLine(ctx, s) && !isAcronym(toks[e - 1]) && storyOpening(ctx.text)) {
      let names = true;
      for (let t = s; t < e && names; t++) names = (t === s || !ORG_HEADS.has(toks[t].lower)) && !isAcronym(toks[t]) && !isGroupWord(toks[t]) && (gazetteer().get(toks[t].text)?.kind ?? 'town') === 'town';
      if (names && toks[e] && !toks[e].cap && (ctx.joined(e - 1) || ctx.gap(e - 1) === ', ') && sameSentence(e)) return { s, e };
    }
    return undefined;
  }

  /** Capitalised words the document writes after a locative preposition or "the town of", computed once. */
  private framed: Set<string> | undefined;

  /** Whether the document writes the name [s, e) after a locative preposition or "the town of" somewhere. */
  private inPlaceFrame(ctx: ExtractionContext, s: number, e: number): boolean {
    const toks = ctx.tokens;
    if (!this.framed) {
      this.framed = new Set();
      for (let i = 1; i < toks.length; i++) {
        const prev = toks[i - 1];
        if (toks[i].cap && !prev.cap && (STRONG_LOCATIVE.has(prev.lower) || (prev.lower === 'of' && PLACE_NOUNS.has(toks[i - 2]?.lower ?? '')))) this.framed.add(toks[i].text);
      }
    }
    if (!this.framed.has(toks[s].text)) return false;
    const first = toks[s].text;
    for (let i = 1; i + (e - s) <= toks.length; i++) {
      if (toks[i].text !== first) continue;
      let same = true;
      for (let k = 1; k < e - s && same; k++) same = toks[i + k].text === toks[s + k].text;
      if (!same) continue;
      const prev = toks[i - 1];
      if (!prev.cap && (STRONG_LOCATIVE.has(prev.lower) || (prev.lower === 'of' && PLACE_NOUNS.has(toks[i - 2]?.lower ?? '')))) return true;
    }
    return false;
  }

  private surelyOrganization(ctx: ExtractionContext, s: number, e: number): boolean {
    const c = chunkAt(ctx, s, ORG);
    return !!c && c.t0 <= s && c.t1 >= e && c.margin >= (e - s > 1 ? MARGIN.vetoPersonName : MARGIN.vetoPerson);
  }

  private surelyPerson(ctx: ExtractionContext, s: number, e: number): boolean {
    const c = chunkAt(ctx, s, PER);
    return !!c && c.t0 <= s && c.t1 >= e && c.margin >= MARGIN.overridePlace;
  }

  /** Whether [s, e) is only a small town's name in the gazetteer (a town the news names in a locative frame). */
  private isTown(ctx: ExtractionContext, s: number, e: number): boolean {
    // (A name of several words is in the gazetteer only if its first word opens one.)
    if (e - s > 1 && !gazetteer().firstWords.has(ctx.tokens[s].text)) return false;
    let text = ctx.tokens[s].text;
    for (let t = s + 1; t < e; t++) text += ' ' + ctx.tokens[t].text;
    return gazetteer().get(text)?.kind === 'town';
  }

  private isPlace(ctx: ExtractionContext, s: number, e: number): boolean {
    if (e - s > 3 || (e - s > 1 && !gazetteer().firstWords.has(ctx.tokens[s].text))) return false;
    let text = ctx.tokens[s].text;
    for (let t = s + 1; t < e; t++) text += ' ' + ctx.tokens[t].text;
    // A kunya names a person before a small town ("Abu Kamal"), not before a city or region ("Abu Dhabi").
    const place = gazetteer().get(text);
    return place !== undefined && (place.kind !== 'town' || !/^(?:Abu|Umm)\b/.test(text));
  }

  /** Names registered before, by their text: the same text names the same person again. */
  private readonly registered = new Map<string, string>();

  /** Adds the name [s, e) to the person it names (a new one when none); returns the person's key. */
  private register(ctx: ExtractionContext, s: number, e: number): string {
    const text = spanText(ctx, s, e);
    const known = this.registered.get(text);
    if (known !== undefined && ctx.persons.has(known)) return known;
    const key = this.registerNew(ctx, text);
    this.registered.set(text, key);
    return key;
  }

  private registerNew(ctx: ExtractionContext, text: string): string {
    const name = tidyName(text);
    const words = nameWords(name).map(foldWord);
    const joined = words.join(' ');
    for (const p of ctx.persons.values()) {
      let pw = this.folded.get(p);
      if (!pw || pw.name !== p.name) {
        const pWords = nameWords(p.name).map(foldWord);
        pw = { name: p.name, words: pWords, joined: pWords.join(' ') };
        this.folded.set(p, pw);
      }
      if (joined === pw.joined || (words.length >= 2 && pw.words.length >= 2 && namesCompatible(words, pw.words))) {
        p.forms.add(name);
        if (words.length > pw.words.length) p.name = name;
        return p.key;
      }
    }
    // A surname alone licensed by its title ("General Kaminski" after "Lt. Gen. Douglas Kaminski"):
    // the one person named so far whose name ends with it. (A full name after a surname alone may be
    // another member of the family, "Clinton", then "Bill Clinton": it stays apart.)
    if (words.length === 1) {
      let only: PersonRecord | undefined;
      let count = 0;
      for (const p of ctx.persons.values()) {
        const pw = this.folded.get(p);
        if (!pw || pw.words.length < 2 || pw.words[pw.words.length - 1] !== words[0]) continue;
        only = p;
        count++;
      }
      if (only && count === 1) {
        only.forms.add(name);
        return only.key;
      }
    }
    const key = `person:${words.join(' ')}`;
    ctx.persons.set(key, { key, name, forms: new Set([name]), roles: new Set(), speaker: false });
    return key;
  }

  /** Every occurrence of a found name or of a shorter form of it keeping the surname. */
  private matchAll(ctx: ExtractionContext, runs: NameRun[], only?: ReadonlySet<string>, taken?: Uint8Array): void {
    const toks = ctx.tokens;
    const people = [...ctx.persons.values()].map((p, order) => ({ p, order, words: nameWords(p.name).map(foldWord) })).filter((x) => !only || only.has(x.p.key));
    if (people.length === 0) return;
    const lastWords = new Set(people.map((x) => x.words[x.words.length - 1]));
    // "Abu Hamza" for "Abu Hamza al-Qurashi": a kunya ends with its second word.
    for (const x of people) if (x.words.length > 2 && isKunya(x.words.slice(0, 2))) lastWords.add(x.words[1]);
    // The folds of the words the document writes in lower case, read when a longer writing of a
    // name needs them, and only those of the words whose first letter the fold asked about can
    // start with (a fold keeps its word's first letter, every vowel and y folded to 'a').
    const lowerWords = new Set<string>();
    const lowerFirsts = new Set<number>();
    const isLowerWord = (f: string): boolean => {
      const first = f.charCodeAt(0);
      if (!lowerFirsts.has(first)) {
        lowerFirsts.add(first);
        for (const t of toks) {
          if (t.cap || t.num) continue;
          const c = t.lower.charCodeAt(0);
          if (c === first || (first === 97 && (c === 101 || c === 105 || c === 111 || c === 117 || c === 121))) lowerWords.add(foldWord(t.lower));
        }
      }
      return lowerWords.has(f);
    };
    // "Donald Trump Calls Out Ted Cruz" (a headline) is no longer writing of "Ted Cruz": the words
    // before a name's first word are a longer writing of it only if none is a common word of the text.
    const commonWordBefore = (words: string[], name: readonly string[]): boolean => {
      for (let k = 0; k < words.length && words[k] !== name[0]; k++) if (isLowerWord(words[k])) return true;
      return false;
    };
    // The folded last word of each token, computed once: every name length ending there reads it.
    const lastFold: Array<string | undefined> = new Array(toks.length);
    const foldAt = (t: number): string => (lastFold[t] ??= foldWord(lastNameWord(toks[t].text)));
    for (const r of runs) {
      let i = r.s;
      while (i < r.e) {
        if (taken?.[i]) {
          i++;
          continue;
        }
        let found: { p: PersonRecord; end: number } | undefined;
        for (let len = Math.min(6, r.e - i); len >= 1 && !found; len--) {
          if (!lastWords.has(foldAt(i + len - 1)) || (taken && taken[i + len - 1])) continue;
          const words = nameWords(spanText(ctx, i, i + len)).map(foldWord);
          const hits = people.filter((x) => namesCompatible(words, x.words) && (words.length <= x.words.length || !commonWordBefore(words, x.words)));
          if (hits.length === 0) continue;
          // A surname shared by several people goes to the one the article introduced first: its subject.
          if (len === 1 || hits.length > 1) hits.sort((a, b) => a.order - b.order);
          found = { p: hits[0].p, end: i + len };
        }
        // "al-Hashimi" for "Abu Ibrahim al-Hashimi al-Qurashi": a nisba of one person's name, standing alone.
        if (!found && /^(?:al|el)-\p{Lu}/u.test(toks[i].text) && !(i + 1 < r.e && ctx.joined(i))) {
          const w = foldAt(i);
          const owners = people.filter((x) => x.words.length > 2 && x.words.indexOf(w) > 0);
          if (owners.length === 1) found = { p: owners[0].p, end: i + 1 };
        }
        // "the Haqqani network", "the Bin Laden family": a surname naming a group, not the person.
        if (found && found.end === i + 1 && GROUP_AFTER_NAME.has(toks[i + 1]?.lower ?? '') && ctx.joined(i)) found = undefined;
        if (!found) {
          i++;
          continue;
        }
        const t0 = i === r.s && r.title >= 0 && r.titleInside ? r.title : i;
        ctx.candidates.push({ start: toks[t0].start, end: toks[found.end - 1].end, kind: 'person', t0, t1: found.end, key: found.p.key, priority: 5 });
        const form = tidyName(spanText(ctx, i, found.end));
        found.p.forms.add(form);
        // "Umar" first, "Ahmad Umar" later: the entity is named by its fullest form.
        if (nameWords(form).length > nameWords(found.p.name).length) found.p.name = form;
        this.collectRoles(ctx, found.p, t0, found.end);
        i = found.end;
      }
    }
  }

  /** Role nouns right before the name or in an apposition after it: "ISIS leader X", "X, a spokesperson". */
  private collectRoles(ctx: ExtractionContext, p: PersonRecord, t0: number, t1: number): void {
    const toks = ctx.tokens;
    for (let j = t0 - 1; j >= Math.max(0, t0 - 3); j--) {
      if (ROLES.has(toks[j].lower)) p.roles.add(toks[j].lower);
      if (/[.;:!?]/.test(ctx.gap(j))) break;
    }
    if (/^\s*,/.test(ctx.gap(t1 - 1))) {
      for (let j = t1; j < Math.min(toks.length, t1 + 8); j++) {
        if (ROLES.has(toks[j].lower)) p.roles.add(toks[j].lower);
        if (/[,.;:]/.test(ctx.gap(j))) break;
      }
    }
  }
}

/**
 * The text of tokens [s, e): a single token's own string (shared by every token that writes it, its
 * hash known to the memos it is looked up in), a slice of the text for several.
 */
function spanText(ctx: ExtractionContext, s: number, e: number): string {
  return e - s === 1 ? ctx.tokens[s].text : ctx.text.slice(ctx.tokens[s].start, ctx.tokens[e - 1].end);
}

/** Whether tokens i and i + 1 are capitalised words of one name joined by a hyphen ("Jean-Pierre", "Hoffmann-Yılmaz"). */
function hyphenName(ctx: ExtractionContext, i: number): boolean {
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  // (Not a party and a state: "R-Texas", "D-Minn.".)
  return !!a && !!b && a.cap && b.cap && b.start === a.end + 1 && ctx.text.charCodeAt(a.end) === 45 && a.text.length > 1 && b.text.length > 1 && !isAcronym(a) && !isAcronym(b);
}
