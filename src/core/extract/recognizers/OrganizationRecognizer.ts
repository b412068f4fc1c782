import type { Token } from '../../text/tokens';
import type { Candidate, ExtractionContext } from '../context';
import { ARABIC_ORG_HEADS, CAPITAL_STOPWORDS, ORG_HEADS, POSTNOMINALS, ROLES, TIME_ZONES } from '../lexicon';
import { gazetteer } from '../gazetteer';
import { WordSet } from '../wordSet';
import { givenNameGender } from '../gender';
import { MARGIN, nameChunks, ORG, PER } from '../names/NameTagger';
import { acronymOf, hasJoinedArticle, isAcronym, isCalendarWord, isCommonNounAlone, isGroupWord, isNameParticle, isPartisan, isSacred, isStopword, isTurnLabel } from './wordClasses';

/** Words that extend an organisation's name across lower-case links ("Institute for Middle East Policy"). */
const LINKS = new Set(['of', 'for', 'and', 'the', 'on', 'de', '&']);

/** Lower-case words inside names of places and persons ("Lanao del Sur", "Mike Pence of Indiana"). */
const NAME_LINK_WORDS = new Set(['del', 'de', 'da', 'do', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den']);

/** Words that close a company's name ("Barrick Gold Corp", "Stagecoach Holdings Plc"). */
const COMPANY_DESIGNATORS = new Set(['corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'co', 'plc', 'llc', 'ag', 'sa', 'nv', 'gmbh', 'bv', 'spa', 'holdings', 'group', 'industries', 'bancorp']);

/** Buildings that stand for institutions, by their first word (and second, '' when one word). */
const INSTITUTION_BUILDINGS = new Map([['White', 'House'], ['Kremlin', ''], ['Pentagon', ''], ['Élysée', ''], ['Elysee', ''], ['Downing', 'Street'], ['Blue', 'House']]);

/**
 * Whether the "and" at t joins two names because an Arabic name closes the first or opens the second
 * with its article capitalised (not "Islamic State in Iraq and al-Sham"):
 * "Hayat Tahrir al-Sham and Jabhat Fatah al-Sham", "the Al-Furqan Foundation and Al-Naba". English
 * words joined by "and" inside one body's name never do ("Department of Trade and Industry").
 */
function arabicPair(toks: readonly Token[], t: number): boolean {
  const before = toks[t - 1];
  const after = toks[t + 1];
  return toks[t].lower === 'and' && !!before && !!after && after.cap && (hasJoinedArticle(before) || (hasJoinedArticle(after) && after.text.charCodeAt(0) < 97) || ARABIC_ORG_HEADS.has(after.lower));
}

/** German and Dutch articles, which open the names of publications in English prose, never of persons. */
const FOREIGN_ARTICLES = new Set(['Der', 'Die', 'Das', 'Het']);
/** The lengths of those articles, a bit each: other words are passed over without a lookup. */
const FOREIGN_ARTICLE_LENGTHS = [...FOREIGN_ARTICLES].reduce((m, w) => m | (1 << w.length), 0);

/** Spanish, Portuguese, French and Italian articles, which open the names of publications and of some persons and places. */
const ROMANCE_ARTICLES = new Set(['La', 'Le', 'El', 'Il', 'O', 'Los', 'Las', 'Les']);
/** The lengths of those articles, a bit each: other words are passed over without a lookup. */
const ROMANCE_ARTICLE_LENGTHS = [...ROMANCE_ARTICLES].reduce((m, w) => m | (1 << w.length), 0);

/** Online platforms named in the news, each a company's: organisations, never places or persons. */
const PLATFORMS = new Set(['Telegram', 'WhatsApp', 'TikTok', 'Facebook', 'Twitter', 'YouTube', 'Instagram', 'Snapchat', 'Reddit', 'WeChat', 'Weibo', 'VKontakte', 'LinkedIn', 'Google', 'Microsoft']);
/** The lengths of those names, a bit each: other words are passed over without a lookup. */
const PLATFORM_LENGTHS = [...PLATFORMS].reduce((m, w) => m | (1 << w.length), 0);

/** Lower-case words for armed units and networks after their names ("the Danab brigade", "the Haqqani network"). */
const UNIT_NOUNS = new Set(['brigade', 'brigades', 'battalion', 'battalions', 'regiment', 'militia', 'network', 'faction']);

/** Words before a storm's name ("Hurricane Edouard", "Typhoon Haiyan", "Tropical Storm Alma"). */
const STORM_WORDS = new Set(['hurricane', 'typhoon', 'cyclone', 'storm']);

/** Words for outlets after their names ("Interfax news agency", "the Ekho daily"): outside the name. */
const OUTLET_NOUNS = new Set(['daily', 'newspaper', 'weekly', 'magazine']);

/** Legislatures named by one word of their own ("the Senate", "the Knesset"). */
const LEGISLATURES = new Set(['congress', 'senate', 'bundestag', 'bundesrat', 'knesset', 'duma', 'sejm', 'riksdag', 'storting', 'folketing', 'verkhovna']);

/** Parties named by a plural of their own ("the Greens", "the Tories"). */
const PARTY_NAMES = new Set(['Greens', 'Tories']);

/** First words of parties named "… Democrats" ("Social Democrats", "Christian Democrats"). */
const PARTY_FIRST_WORDS = new Set(['Social', 'Christian', 'Free', 'Liberal', 'Sweden']);

/** Common nouns for companies by their trade, before a name in apposition ("German retailer Halvo"); also said of persons ("insurer Thierry Dehaan"). */
const TRADES = ['retailer', 'manufacturer', 'carmaker', 'automaker', 'airline', 'insurer', 'lender', 'utility', 'brokerage', 'conglomerate', 'chipmaker'];
const TRADE_NOUNS = new Set(TRADES);

/** Common nouns for bodies, before a name in apposition ("the news agency Amaq"). */
const BODY_NOUNS = new Set(['organization', 'organisation', 'agency', 'outlet', 'outlets', 'wing', 'arm', 'channel', 'station', 'newspaper', 'broadcaster', 'foundation', 'company', 'firm', 'militia', 'faction', 'movement', 'party', 'website', 'magazine', 'daily', 'weekly', ...TRADES]);

/** Words heading names of events; like organisations, their names block the places inside them. */
const EVENT_HEADS = new Set(['battle', 'war', 'siege', 'massacre', 'revolution', 'uprising', 'offensive', 'campaign', 'crisis', 'accords', 'accord', 'agreement', 'treaty', 'conference', 'summit', 'declaration', 'protocol']);

/** Names of armed groups common in the news: organisations on their own, never persons or places. */
const GROUP_NAMES = new Set(['peshmerga', 'al-qaeda', 'al-qaida', 'qaeda', 'qaida', 'taliban', 'hezbollah', 'hizbollah', 'hizballah', 'hamas', 'al-shabaab', 'al-shabab', 'shabaab', 'isis', 'isil', 'daesh', 'aqap', 'aqim', 'iswap', 'iskp', 'hts', "da'esh", 'al-nusra', 'nusra', 'houthis', 'houthi', 'lashkar-e-taiba', 'jemaah', 'ansarallah']);

/** Heads of bodies' names that stand for the body alone after "the" once it is named ("the Office", "the Directorate"). */
export const BACK_HEADS = new Set(['office', 'department', 'directorate', 'administration', 'commission', 'committee', 'council', 'ministry', 'agency', 'bureau', 'secretariat', 'inspectorate', 'authority', 'tribunal', 'assembly', 'mission', 'command', 'board', 'party', 'front', 'movement', 'federation', 'institute', 'foundation']);

/** Head words that also qualify a later head ("General Intelligence and Security Service", "Press and Information Office"). */
const ATTRIBUTIVE_HEADS = new Set(['intelligence', 'international', 'media', 'news', 'press', 'police', 'radio', 'television', 'tv', 'broadcasting', 'times', 'post']);

/** Heads of bodies named after the country they serve in ("… Mission in Somalia"). */
const SERVING_HEADS = new Set(['mission', 'missions', 'force', 'forces', 'command', 'office', 'operation', 'operations']);

/** Heads of institutions named with the place they stand in ("… Center at West Point"). */
const SEATED_HEADS = new Set(['center', 'centre', 'institute', 'school', 'college', 'university', 'academy', 'museum', 'library', 'hospital']);

/** The gap of a possessive between two words of a name: "'s ", "’s ". */
const POSSESSIVE_GAP = /^['’]s $/;

/** Peoples and groups named in the possessive inside the names of bodies ("People's", "Children's"). */
const POSSESSORS = new Set(['people', 'children', 'women', 'workers', 'veterans', 'farmers', 'mothers', 'soldiers', 'citizens']);

/** Words closing the names of news outlets ("Defense Wire", "Garowe Online", "Sahel Monitor", "Daily Trust"). */
const OUTLET_HEADS = new Set(['wire', 'report', 'online', 'monitor', 'observer', 'dispatch', 'bulletin', 'insider', 'mirror']);
/** Every word that heads a name: a body's, an event's, an outlet's (see isHead). */
const HEADS = new WordSet([...ORG_HEADS, ...EVENT_HEADS, ...OUTLET_HEADS]);

/** Heads written before the rest of the name ("Operation Inherent Resolve", "Jabhat al-Nusra", "Radio Andalus"). */
const PREFIX_HEADS = new Set(['operation', 'boko', 'radio', "jama'atu", 'jamaatu', "jama'at", ...ARABIC_ORG_HEADS]);

/**
 * Marks organisation and event names so that no person or place is found inside them: "Syrian
 * Democratic Forces", "Islamic State in Iraq and Syria", "George Washington University",
 * "Kurdistan 24", "Operation Inherent Resolve". Organisations are not mentions; they only block.
 * A name ends at its last head word, so a title-case headline ("Iraqi Forces Are Outside Mosul")
 * does not swallow the words after it.
 */
/** Prefixes written with a capital and a hyphen before a lower-case word inside a body's name ("Co-operation", "Counter-terrorism"). */
const HYPHEN_PREFIXES = new Set(['co', 'counter', 'anti', 'inter', 'non', 'self', 'multi', 'pan', 'trans', 'socio']);

/** Words of speaking to, or airing on, an outlet before its preposition ("spoke to", "an interview with", "aired by"). */
const OUTLET_CUES = new Set(['spoke', 'speaking', 'talking', 'talked', 'said', 'interview', 'interviews', 'interviewed', 'aired', 'broadcast', 'published', 'quoted', 'cited', 'reported', 'appeared', 'appearing', 'statement', 'statements', 'remarks', 'comments']);

export class OrganizationRecognizer {
  recognize(ctx: ExtractionContext): void {
    this.ampersands(ctx);
    this.storms(ctx);
    this.institutions(ctx);
    this.credits(ctx);
    this.mastheads(ctx);
    this.appositions(ctx);
    const toks = ctx.tokens;
    const n = toks.length;
    let i = 0;
    while (i < n) {
      if (ctx.nameish[i] === 0) {
        i++;
        continue;
      }
      const s = i;
      let e = i + 1;
      for (;;) {
        // "Iraqi Counter-Terrorism Service": two capitalised words joined by a hyphen belong to one name.
        const hyphened = e < n && toks[e].cap && toks[e - 1].cap && toks[e].start === toks[e - 1].end + 1 && ctx.text.charCodeAt(toks[e - 1].end) === 45;
        // "the Federal Prosecutor's Office", "People's Liberation Army": the possessive of an office or a
        // people before the head word stays inside (not a person's: "Trump's Party").
        const possessive = e < n && toks[e].cap && toks[e - 1].cap && isHead(toks[e].lower, true) && (ROLES.has(toks[e - 1].lower) || POSSESSORS.has(toks[e - 1].lower)) && POSSESSIVE_GAP.test(ctx.gap(e - 1));
        // "Organization for Security and Co-operation in Europe", "Counter-terrorism Policing": a capitalised prefix and its word are one word.
        const joinedWord = e + 1 < n && toks[e].start === toks[e - 1].end + 1 && ctx.text.charCodeAt(toks[e - 1].end) === 45 && !toks[e].cap && !toks[e].num && toks[e - 1].cap && HYPHEN_PREFIXES.has(toks[e - 1].lower);
        const wal = e + 1 < n && ctx.joined(e - 1) && toks[e].text === 'wal' && toks[e + 1].cap && toks[e + 1].start === toks[e].end + 1 && ctx.text.charCodeAt(toks[e].end) === 45;
        // "Jama'at Nusrat al-Islam wal-Muslimin", "Ahl al-Sunna wal-Jamaa": the Arabic "and the" joined to the next name word.
        if (wal) {
          e += 2;
          continue;
        }
        if (joinedWord || hyphened || possessive || (e < n && ctx.joined(e - 1) && (toks[e].cap || isNameParticle(toks[e], toks[e + 1]) || (LINKS.has(toks[e].lower) && e + 1 < n && ctx.joined(e) && (toks[e + 1].cap || LINKS.has(toks[e + 1].lower)) && !arabicPair(toks, e))))) {
          e++;
          continue;
        }
        break;
      }
      while (e > s + 1 && !toks[e - 1].cap && LINKS.has(toks[e - 1].lower)) e--;
      let a = s;
      while (a < e && (CAPITAL_STOPWORDS.has(toks[a].lower) || isCalendarWord(toks[a]))) a++;
      // The name starts at the capitalised words right before its first head, never across a link:
      // "Al-Baghdadi Lists the Enemies of the Islamic State" names only "Islamic State".
      let h = a;
      while (h < e && !isHeadAt(toks, a, h) && !(PREFIX_HEADS.has(toks[h].lower) && toks[h].cap)) h++;
      if (h < e) {
        a = h;
        // (A stopword opening a place's name stays: "New York Stock Exchange".)
        while (a > s && (toks[a - 1].cap || isNameParticle(toks[a - 1], toks[a])) && (!CAPITAL_STOPWORDS.has(toks[a - 1].lower) || gazetteer().get(`${toks[a - 1].text} ${toks[a].text}`) !== undefined) && !isCalendarWord(toks[a - 1])) a--;
      }
      let end = a;
      let extending = false;
      // "Halvorsen Shipping Corp and Brandt Logistics Ltd": two companies, the name ends at the first.
      let cut = -1;
      for (let t = h; t < e; t++) {
        const tok = toks[t];
        // "Dhow Online and the Delta Monitor": two names, each closed by its own head and the second
        // with its own article ("General Intelligence and Security Service" is one).
        // "the European Union and NATO", "the Irish Navy and Air Corps": a body's head word, then another
        // name with its own head or an acronym alone ("Department of Trade and Industry" is one).
        const acronymAlone = t + 2 === e && isAcronym(toks[t + 1]) && toks[t + 1].text.length >= 2;
        if (tok.lower === 'and' && end === t && t > a && (COMPANY_DESIGNATORS.has(toks[t - 1].lower) || (toks[t + 1]?.lower === 'the' && headAfter(toks, t + 2, e)) || acronymAlone || (isHeadAt(toks, a, t - 1) && !ATTRIBUTIVE_HEADS.has(toks[t - 1].lower) && headAfter(toks, t + 1, e)))) {
          cut = t;
          break;
        }
        const islamicState = (tok.lower === 'state' && t > a && toks[t - 1].lower === 'islamic') || GROUP_NAMES.has(tok.lower);
        if (PREFIX_HEADS.has(tok.lower) && tok.cap) {
          end = e;
          break;
        }
        if (isHeadAt(toks, a, t) || islamicState) {
          end = t + 1;
          extending = false;
          // "African Union Mission in Somalia", "United Nations Assistance Mission in Afghanistan": a body named after where it serves.
          // (A city after it is the seat, not the land served: "the Federal Prosecutor's Office in Karlsruhe".)
          const seat = toks[t + 2] ? gazetteer().get(toks[t + 2].text)?.kind : undefined;
          if (SERVING_HEADS.has(tok.lower) && t > a && toks[t + 1]?.lower === 'in' && ctx.joined(t) && ctx.joined(t + 1) && toks[t + 2]?.cap && !CAPITAL_STOPWORDS.has(toks[t + 2].lower) && seat !== 'city' && seat !== 'town') {
            let k = t + 2;
            while (toks[k + 1]?.cap && ctx.joined(k)) k++;
            end = k + 1;
            t = k;
            continue;
          }
          // "the Combating Terrorism Center at West Point": an institution named with its seat.
          if (SEATED_HEADS.has(tok.lower) && toks[t + 1]?.lower === 'at' && ctx.joined(t) && ctx.joined(t + 1) && toks[t + 2]?.cap && !CAPITAL_STOPWORDS.has(toks[t + 2].lower)) {
            let k = t + 2;
            while (toks[k + 1]?.cap && ctx.joined(k) && k < t + 4) k++;
            end = k + 1;
            t = k;
            continue;
          }
          if (islamicState && toks[t + 1]?.lower === 'in' && ctx.joined(t)) {
            // "Islamic State in Iraq and Syria": a group named after the lands it claims.
            let k = t + 2;
            const article = toks[k]?.lower === 'the';
            if (article) k++;
            if (article && toks[k]?.cap) {
              // "al-Qaeda in the Arabian Peninsula", "… in the Islamic Maghreb".
              while (k + 1 < e + 4 && toks[k + 1]?.cap && ctx.joined(k)) k++;
              end = k + 1;
              t = k;
            } else if (toks[k]?.cap && ctx.joined(k) && toks[k + 1]?.lower === 'and' && toks[k + 2]) {
              let k2 = k + 2;
              if (toks[k2]?.lower === 'the') k2++;
              if (toks[k2]?.cap) {
                end = k2 + 1;
                t = k2;
              }
            }
          }
        } else if (!tok.cap && LINKS.has(tok.lower) && end === t && end > a) extending = true;
        // "Office for the District of Minnesota", "Office on Drugs and Crime": links in a row ("for the") go on extending.
        // (Not "and the", which joins two names, nor after a company's closing word: "Oakley Inc of the United States".)
        else if (extending && tok.lower === 'the' && (toks[t - 1].lower === 'for' || toks[t - 1].lower === 'of' || toks[t - 1].lower === 'on') && !COMPANY_DESIGNATORS.has(toks[t - 2]?.lower ?? '')) extending = true;
        // (Not over a date: "the European Commission on Wednesday".)
        else if (extending && tok.cap && !isCalendarWord(tok)) end = t + 1;
        // "Co-operation": the rest of a capitalised prefix's word.
        // ("… and Co-operation in Europe": the land a name so closed is about goes with it.)
        else if (extending && end === t && !tok.cap && tok.start === toks[t - 1].end + 1 && ctx.text.charCodeAt(tok.start - 1) === 45 && HYPHEN_PREFIXES.has(toks[t - 1].lower)) {
          end = t + 1;
          if (toks[t + 1]?.lower === 'in' && t + 2 < n && toks[t + 2].cap && ctx.joined(t) && ctx.joined(t + 1)) {
            end = t + 3;
            e = Math.max(e, end);
            t += 2;
          }
        }
        else extending = false;
      }
      // "Kurdistan 24", "France 24": a channel named after a place and a number (not "Airbus 310", "Windows 95").
      const numbered = end === a && e < n && toks[e].num && toks[e].text.length <= 3 && ctx.joined(e - 1) && a < e && !isCalendarWord(toks[e - 1]) && !isAcronym(toks[e - 1]) && gazetteer().get(spellingOf(ctx, a, e)) !== undefined;
      if (numbered) end = e + 1;
      // A head word alone is a common noun ("Coalition officials", "the Caliphate"), a place's name
      // is a place's ("West Bank"), and a headline in capitals is no evidence ("PRESS", "FRONT").
      const single = end - a === 1 && !GROUP_NAMES.has(toks[a].lower) && (!PREFIX_HEADS.has(toks[a].lower) || toks[a].lower === 'radio');
      if (end > a && (single || gazetteer().get(spellingOf(ctx, a, end)) !== undefined || inCapitalLine(ctx, a))) end = a;
      if (end > a) {
        for (let t = a; t < end; t++) ctx.blocked[t] = 1;
        ctx.candidates.push({ start: toks[a].start, end: toks[end - 1].end, kind: 'org', t0: a, t1: end, priority: 2, event: isEvent(toks, a, end) });
      }
      i = cut >= 0 ? cut + 1 : Math.max(e, end);
    }
    this.namedUnits(ctx);
    this.legislatures(ctx);
    this.shortForms(ctx);
    this.bracketedAcronyms(ctx);
    this.headsAlone(ctx);
  }

  /**
   * A body's head word alone after "the", capitalised, once the document named that body in full:
   * "the United Nations Office for West Africa", then "the Office would convene"; "the Counter-Terrorism
   * Committee Executive Directorate", then "the Directorate". (Lower-case, or with no such body, it is
   * a common noun: "the office", "the Committee" in a text naming no committee.)
   */
  private headsAlone(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    let heads: Set<string> | undefined;
    for (const c of ctx.candidates) {
      if (c.kind !== 'org' || c.event || c.t1 - c.t0 < 2) continue;
      for (let t = c.t0; t < c.t1; t++) if (toks[t].cap && BACK_HEADS.has(toks[t].lower)) (heads ??= new Set()).add(toks[t].text);
    }
    if (!heads) return;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      if (!heads.has(t.text) || ctx.blocked[i] || (toks[i - 1].text !== 'the' && toks[i - 1].text !== 'The') || !ctx.joined(i - 1)) continue;
      // Alone: no capitalised word after it ("the Office of Foreign Assets Control" is another body).
      if (i + 1 < toks.length && (toks[i + 1].cap || (ctx.joined(i) && LINKS.has(toks[i + 1].lower) && toks[i + 2]?.cap))) continue;
      this.mark(ctx, i, i + 1);
    }
  }

  /**
   * A name of several capitalised words with its acronym in brackets after it ("the Counter-Terrorism
   * Committee Executive Directorate (CTED)", "the Alternative for Germany (AfD)"): the whole name is
   * an organisation's, and so is the acronym, here and wherever else the document writes it alone.
   */
  private bracketedAcronyms(ctx: ExtractionContext): void {
    const text = ctx.text;
    const toks = ctx.tokens;
    const acronyms = new Set<string>();
    for (let open = text.indexOf(' ('); open >= 0; open = text.indexOf(' (', open + 2)) {
      const a = ctx.tokenAt(open + 2);
      const acr = toks[a];
      if (!acr || acr.start !== open + 2 || text.charCodeAt(acr.end) !== 41 /* ) */ || !isAcronymLike(acr.text) || ctx.blocked[a]) continue;
      // The capitalised words right before the bracket, across the links of a body's name.
      const last = a - 1;
      if (last < 0 || toks[last].end !== open || !toks[last].cap) continue;
      let s = last;
      while (s > 0 && s > last - 10 && (ctx.joined(s - 1) || text.charCodeAt(toks[s - 1].end) === 45) && (toks[s - 1].cap || (LINKS.has(toks[s - 1].lower) && toks[s - 1].lower !== 'and') || isNameParticle(toks[s - 1], toks[s]))) s--;
      // The name starts where its initials best spell the acronym ("Counter-Terrorism Committee Executive
      // Directorate" for CTED), the nearest such word on a tie ("Alternative for Germany" for AfD, not a person before it).
      const letters = acr.text.replace(/[a-z]/g, '');
      let best = -1;
      let bestScore = 0;
      for (let t = s; t < last; t++) {
        if (!toks[t].cap || CAPITAL_STOPWORDS.has(toks[t].lower) || isCalendarWord(toks[t]) || ROLES.has(toks[t].lower) || toks[t].text[0] !== letters[0]) continue;
        const initials = acronymOf(spellingOf(ctx, t, last + 1));
        let k = 0;
        while (k < initials.length && k < letters.length && initials[k] === letters[k]) k++;
        if (k >= bestScore) [best, bestScore] = [t, k];
      }
      if (best < 0) {
        // A body's name found already, abbreviated in its own language ("General Intelligence and
        // Security Service (AIVD)"): the acronym in brackets is that body's, whatever its letters.
        const body = ctx.candidates.find((x) => x.kind === 'org' && x.t1 === last + 1 && !x.event && !x.credit && x.t1 - x.t0 >= 2);
        if (body && !NOT_BODIES.has(toks[last].lower) && this.mark(ctx, a, a + 1)) acronyms.add(acr.text);
        continue;
      }
      s = best;
      // A person's name with the body they belong to ("Philip Cocu (PSV)"): the initials of a body's
      // name spell two letters of its acronym or more, or the name has the links of one ("Alternative for Germany").
      let linked = false;
      for (let t = s + 1; t < last && !linked; t++) linked = !toks[t].cap && LINKS.has(toks[t].lower);
      if (bestScore < 2 && !linked) continue;
      if (!linked && givenNameGender(toks[s].text) !== undefined) continue;
      // Diseases, laws and measures are abbreviated so too ("Creutzfeldt-Jakob Disease (CJD)").
      if (NOT_BODIES.has(toks[last].lower)) continue;
      // A body's name already found there, whole or in part: it runs to the bracket.
      let org: Candidate | undefined;
      let clash = false;
      for (let t = s; t <= last; t++) {
        if (!ctx.blocked[t]) continue;
        const c = ctx.candidates.find((x) => x.kind === 'org' && x.t0 <= t && t < x.t1);
        if (!c || c.event || c.credit || c.t1 > last + 1) clash = true;
        else if (!org) org = c;
        else if (org !== c) clash = true;
      }
      if (clash) continue;
      const spelled = spellingOf(ctx, s, last + 1);
      // A place's own name with its abbreviation ("Democratic Republic of Congo (DRC)").
      if (gazetteer().get(spelled) !== undefined) continue;
      const from = org ? Math.min(org.t0, s) : s;
      for (let t = from; t <= last; t++) ctx.blocked[t] = 1;
      if (org) {
        org.t0 = from;
        org.start = toks[from].start;
        org.t1 = last + 1;
        org.end = toks[last].end;
      } else ctx.candidates.push({ start: toks[from].start, end: toks[last].end, kind: 'org', t0: from, t1: last + 1, priority: 2 });
      this.mark(ctx, a, a + 1);
      acronyms.add(acr.text);
    }
    // "Jama'at Nusrat al-Islam wal-Muslimin, or JNIM,": the acronym given after "or" names the same body.
    for (let at = text.indexOf(', or '); at >= 0; at = text.indexOf(', or ', at + 5)) {
      const a = ctx.tokenAt(at + 5);
      const acr = toks[a];
      if (!acr || acr.start !== at + 5 || !isAcronymLike(acr.text) || ctx.blocked[a] || !/^(?:[,.;:)]|\s+[a-z])/.test(text.slice(acr.end, acr.end + 3))) continue;
      const body = ctx.candidates.find((x) => x.kind === 'org' && x.end === at && !x.event && !x.credit && x.t1 - x.t0 >= 2);
      if (body && this.mark(ctx, a, a + 1)) acronyms.add(acr.text);
    }
    if (acronyms.size === 0) return;
    // The acronym alone, not a word of a longer name ("AOL Europe").
    for (let i = 0; i < toks.length; i++) {
      if (!acronyms.has(toks[i].text) || ctx.blocked[i]) continue;
      if ((i > 0 && ctx.joined(i - 1) && toks[i - 1].cap) || (i + 1 < toks.length && ctx.joined(i) && toks[i + 1].cap)) continue;
      this.mark(ctx, i, i + 1);
    }
  }

  /**
   * Legislatures and parties named by a word or two of their own ("the Senate", "the Bundestag",
   * "the Greens", "Social Democrats"), standing alone: a longer name holding them was found above.
   */
  private legislatures(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (!t.cap || ctx.blocked[i]) continue;
      let e = i;
      if (LEGISLATURES.has(t.lower) || PARTY_NAMES.has(t.text)) e = i + 1;
      else if (PARTY_FIRST_WORDS.has(t.text) && toks[i + 1]?.text === 'Democrats' && ctx.joined(i)) e = i + 2;
      if (e === i) continue;
      // Alone: not part of a longer capitalised name ("Senate Armed Services Committee", "Senate Democrats").
      if ((e < toks.length && ctx.joined(e - 1) && toks[e].cap) || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap && !isStopword(toks[i - 1]))) continue;
      // A word opening a title-case line or a sentence in capitals is no evidence.
      if (inCapitalLine(ctx, i)) continue;
      this.mark(ctx, i, e);
      i = e - 1;
    }
  }

  /**
   * A name before a lower-case word for an armed unit or a network ("the Danab brigade", "the
   * Tariq ibn Ziyad battalion", "the Haqqani network"): with that word, an organisation's name; the
   * name alone elsewhere in the document ("Danab fighters") is the same body.
   */
  private namedUnits(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const names = new Set<string>();
    for (let i = 1; i < toks.length; i++) {
      const noun = toks[i];
      // A lower-case word right after a capitalised one (read first: most words are passed over without a lookup).
      if (noun.cap || !toks[i - 1].cap || ctx.blocked[i] || !ctx.joined(i - 1)) continue;
      // "Interfax news agency", "the Ekho daily": an outlet's name before a word for an outlet; the word stays outside.
      const outlet = OUTLET_NOUNS.has(noun.lower) || (noun.lower === 'news' && toks[i + 1]?.lower === 'agency' && ctx.joined(i));
      if (!UNIT_NOUNS.has(noun.lower) && !outlet) continue;
      let s = i;
      const hyphened = (t: number): boolean => toks[t].start === toks[t - 1].end + 1 && ctx.text.charCodeAt(toks[t - 1].end) === 45 && toks[t - 1].cap;
      while (s > 0 && i - s < 5 && (ctx.joined(s - 1) || (outlet && s < i && hyphened(s))) && !ctx.blocked[s - 1] && (toks[s - 1].cap || isNameParticle(toks[s - 1], toks[s])) && !CAPITAL_STOPWORDS.has(toks[s - 1].lower) && !isCalendarWord(toks[s - 1]) && !isAcronym(toks[s - 1])) s--;
      if (outlet) {
        // A place's or a demonym's word before it is no outlet's name ("the Kenyan daily", "a Paris daily").
        if (gazetteer().get(spellingOf(ctx, s, i)) !== undefined || gazetteer().get(ctx.text.slice(toks[s].start, toks[i - 1].end)) !== undefined || isGroupWord(toks[i - 1]) || ROLES.has(toks[s].lower)) continue;
        if (this.mark(ctx, s, i)) names.add(spellingOf(ctx, s, i));
        continue;
      }
      // The name starts with a capitalised word that is no demonym nor a people's ("Kurdish militia", "Shia militias").
      while (s < i && (!toks[s].cap || isGroupWord(toks[s]))) s++;
      if (s === i || !toks[s].cap) continue;
      // A sentence-opening common word ("Its militia") is no name.
      if (ctx.sentenceTokens[ctx.sentenceOf[s]]?.[0] === s && i - s === 1 && isCommonNounAlone(ctx, s)) continue;
      if (this.mark(ctx, s, i + 1)) names.add(spellingOf(ctx, s, i));
    }
    if (names.size === 0) return;
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].cap || ctx.blocked[i]) continue;
      for (let e = Math.min(toks.length, i + 5); e > i; e--) {
        if (!names.has(spellingOf(ctx, i, e))) continue;
        // The name alone, not the start of a longer one nor the end of one.
        if ((e < toks.length && ctx.joined(e - 1) && toks[e].cap) || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap)) break;
        if (this.mark(ctx, i, e)) i = e - 1;
        break;
      }
    }
  }

  /**
   * A company's first word standing alone for it, once the document named it in full: "Barrick
   * Gold Corp", then "Barrick said"; "Zenith Electronics Corp", then "Zenith".
   */
  private shortForms(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const short = new Set<string>();
    // Names of several words without their closing word ("Brush Wellman" for "Brush Wellman Inc"), by first word.
    const longer = new Map<string, string[]>();
    for (const c of ctx.candidates) {
      if (c.kind !== 'org' || c.event || c.t1 - c.t0 < 2 || !COMPANY_DESIGNATORS.has(toks[c.t1 - 1].lower)) continue;
      const first = toks[c.t0];
      if (!first.cap || CAPITAL_STOPWORDS.has(first.lower)) continue;
      if (c.t1 - c.t0 >= 3 && c.t1 - c.t0 <= 5) {
        const words = [];
        for (let t = c.t0; t < c.t1 - 1; t++) words.push(toks[t].text);
        // (A place's name is a place's: "Hong Kong" for "Hong Kong Telecom Ltd".)
        if (words.every((w) => /^\p{Lu}/u.test(w)) && gazetteer().get(words.join(' ')) === undefined) {
          const list = longer.get(first.text) ?? [];
          list.push(words.join(' '));
          longer.set(first.text, list);
        }
      }
      if (isAcronym(first) || gazetteer().get(first.text) || gazetteer().demonyms.has(first.text) || first.text.length < 3) continue;
      short.add(first.text);
    }
    if (short.size === 0 && longer.size === 0) return;
    for (let i = 0; i < toks.length; i++) {
      if (ctx.blocked[i]) continue;
      const names = longer.get(toks[i].text);
      if (names) {
        let marked = false;
        for (const name of names) {
          const e = i + name.split(' ').length;
          if (e > toks.length || spellingOf(ctx, i, e) !== name || !joinedRun(ctx, i, e)) continue;
          // The name alone, not inside a longer one.
          if ((e < toks.length && ctx.joined(e - 1) && toks[e].cap) || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap)) continue;
          if ((marked = this.mark(ctx, i, e))) {
            i = e - 1;
            break;
          }
        }
        if (marked) continue;
      }
      if (!short.has(toks[i].text)) continue;
      // The word alone: not the start of another capitalised name, nor the end of one.
      if ((i + 1 < toks.length && ctx.joined(i) && toks[i + 1].cap) || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap)) continue;
      this.mark(ctx, i, i + 1);
    }
  }

  /**
   * Buildings standing for the institutions they house ("the White House said", "the Kremlin"), and
   * the companies whose platforms the news names ("on Telegram", "a TikTok video").
   */
  private institutions(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    for (let i = 0; i < toks.length; i++) {
      // "Der Spiegel", "Die Zeit", "Het Parool": a German or Dutch article opening a name titles a publication.
      // (Not inside a person's name: "Johan Van Der Merwe".)
      const inName = i > 0 && ctx.joined(i - 1) && toks[i - 1].cap;
      const foreign = toks[i].cap && toks[i].text.length < 31 && (FOREIGN_ARTICLE_LENGTHS & (1 << toks[i].text.length)) !== 0 && FOREIGN_ARTICLES.has(toks[i].text);
      if (foreign && toks[i + 1]?.cap && ctx.joined(i) && !inName && !(toks[i].text === 'Die' && ctx.sentenceTokens[ctx.sentenceOf[i]]?.[0] === i)) {
        let e = i + 2;
        while (e < toks.length && e < i + 4 && toks[e].cap && ctx.joined(e - 1)) e++;
        this.mark(ctx, i, e);
        i = e - 1;
        continue;
      }
      // "La Jornada", "O Globo", "Le Soir", "El Mundo": so too a Romance article, unless the name is a
      // place's ("La Paz", "Los Angeles") or the end of a person's written elsewhere ("Marine Le Pen").
      if (toks[i].cap && toks[i].text.length < 31 && (ROMANCE_ARTICLE_LENGTHS & (1 << toks[i].text.length)) !== 0 && ROMANCE_ARTICLES.has(toks[i].text) && toks[i + 1]?.cap && ctx.joined(i) && !inName && !(i + 2 < toks.length && ctx.joined(i + 1) && toks[i + 2].cap)) {
        const name = `${toks[i].text} ${toks[i + 1].text}`;
        if (gazetteer().get(name) === undefined && !new RegExp(`\\p{Lu}\\p{Ll}+ ${name}\\b`, 'u').test(ctx.text)) this.mark(ctx, i, i + 2);
        i++;
        continue;
      }
      if (toks[i].cap && toks[i].text.length < 31 && (PLATFORM_LENGTHS & (1 << toks[i].text.length)) !== 0 && PLATFORMS.has(toks[i].text)) {
        // A medium the words are published on ("wrote on Twitter"), not a voice.
        this.mark(ctx, i, i + 1, true);
        continue;
      }
      // First letters of the buildings' names: most words are passed over without a lookup.
      const c = toks[i].text.charCodeAt(0);
      if (c !== 87 && c !== 75 && c !== 80 && c !== 69 && c !== 0xc9 && c !== 68 && c !== 66) continue;
      const two = INSTITUTION_BUILDINGS.get(toks[i].text);
      if (two === undefined) continue;
      if (two === '') this.mark(ctx, i, i + 1);
      else if (toks[i + 1]?.text === two && ctx.joined(i)) this.mark(ctx, i, i + 2);
    }
  }

  /**
   * Storms named like persons ("Hurricane Edouard", "Typhoon Haiyan", "Tropical Storm Alma"), and
   * their names alone elsewhere in the document ("Edouard was 1,100 miles east"): no person's, no
   * mention at all, as events.
   */
  private storms(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    let names: Set<string> | undefined;
    for (let i = 0; i + 1 < toks.length; i++) {
      if (!toks[i].cap || !STORM_WORDS.has(toks[i].lower) || !ctx.joined(i) || !toks[i + 1].cap || CAPITAL_STOPWORDS.has(toks[i + 1].lower) || isCalendarWord(toks[i + 1])) continue;
      // A word of a longer name ("the Hurricane Relief Fund") ends the storm's name at its next word.
      if (i + 2 < toks.length && ctx.joined(i + 1) && toks[i + 2].cap) continue;
      let s = i;
      if (toks[i].lower === 'storm' && i > 0 && toks[i - 1].text === 'Tropical' && ctx.joined(i - 1)) s = i - 1;
      if (!this.markEvent(ctx, s, i + 2)) continue;
      (names ??= new Set()).add(toks[i + 1].text);
      i++;
    }
    if (!names) return;
    for (let i = 0; i < toks.length; i++) {
      if (!names.has(toks[i].text) || ctx.blocked[i]) continue;
      if ((i + 1 < toks.length && ctx.joined(i) && toks[i + 1].cap) || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap)) continue;
      this.markEvent(ctx, i, i + 1);
    }
  }

  /** Marks tokens [t0, t1) as an event's name: it blocks persons and places, and is no mention. */
  private markEvent(ctx: ExtractionContext, t0: number, t1: number): boolean {
    for (let t = t0; t < t1; t++) if (ctx.blocked[t]) return false;
    for (let t = t0; t < t1; t++) ctx.blocked[t] = 1;
    ctx.candidates.push({ start: ctx.tokens[t0].start, end: ctx.tokens[t1 - 1].end, kind: 'org', t0, t1, priority: 2, event: true });
    return true;
  }

  /**
   * Capitalised names joined by an ampersand ("Steptoe & Johnson", "Goldman Sachs & Co", "Procter &
   * Gamble"): firms' names, never a person's nor a place's (unless the gazetteer knows the whole).
   */
  private ampersands(ctx: ExtractionContext): void {
    const text = ctx.text;
    const toks = ctx.tokens;
    for (let at = text.indexOf(' & '); at >= 0; at = text.indexOf(' & ', at + 3)) {
      const l = ctx.tokenAt(at) - 1;
      const r = l + 1;
      if (l < 0 || r >= toks.length || toks[l].end !== at || toks[r].start !== at + 3 || !toks[l].cap || !toks[r].cap || ctx.blocked[l] || ctx.blocked[r]) continue;
      let s = l;
      while (s > 0 && l - s < 3 && ctx.joined(s - 1) && toks[s - 1].cap && !CAPITAL_STOPWORDS.has(toks[s - 1].lower) && !isCalendarWord(toks[s - 1])) s--;
      let e = r + 1;
      while (e < toks.length && e - r < 3 && ctx.joined(e - 1) && toks[e].cap) e++;
      // (Two places joined so are a place's name: "Trinidad & Tobago".)
      if (inCapitalLine(ctx, l) || (gazetteer().get(toks[l].text) !== undefined && gazetteer().get(toks[r].text) !== undefined)) continue;
      this.mark(ctx, s, e);
    }
  }

  /**
   * An Arabic outlet's name spoken to, or airing or quoting something ("told Al-Arabiya", "in an
   * interview with Al-Mayadeen", "aired by Al-Jazeera"): a lone "Al-" name no person took and no
   * place's in the gazetteer, after a verb or noun of speaking and its preposition.
   */
  private outletsSpokenTo(ctx: ExtractionContext, free: (t0: number, t1: number) => boolean): void {
    const toks = ctx.tokens;
    for (let i = 1; i < toks.length; i++) {
      const t = toks[i];
      if (t.text.charCodeAt(0) !== 65 /* A */ || !/^Al-\p{Lu}/u.test(t.text) || !free(i, i + 1) || !ctx.joined(i - 1)) continue;
      if ((ctx.joined(i) && toks[i + 1]?.cap) || gazetteer().get(t.text) !== undefined) continue;
      const p = toks[i - 1].lower;
      const cue = p === 'told' || p === 'tells' || ((p === 'to' || p === 'with' || p === 'by' || p === 'on') && i >= 2 && ctx.joined(i - 2) && OUTLET_CUES.has(toks[i - 2].lower));
      if (cue) this.mark(ctx, i, i + 1);
    }
  }

  /** Marks tokens [t0, t1) as an organisation's name, unless part of it is taken already. */
  private mark(ctx: ExtractionContext, t0: number, t1: number, credit?: boolean): boolean {
    // "O God, …", "O Mujahideen in Sham, …": a vocative opening a clause addresses someone, it names no body.
    // (A publication opening with the article O, "O Globo", is named in the singular.)
    if (ctx.tokens[t0].text === 'O' && t1 - t0 > 1 && (t0 === 0 || /[.,;:!?"\u201c\u2018(\n\u2014-]\s*$/.test(ctx.gap(t0 - 1))) && (isSacred(ctx.tokens[t0 + 1]) || /(?:s|een|in)$/.test(ctx.tokens[t0 + 1].lower))) return false;
    for (let t = t0; t < t1; t++) if (ctx.blocked[t]) return false;
    for (let t = t0; t < t1; t++) ctx.blocked[t] = 1;
    const c: Candidate = { start: ctx.tokens[t0].start, end: ctx.tokens[t1 - 1].end, kind: 'org', t0, t1, priority: 3 };
    if (credit) c.credit = true;
    ctx.candidates.push(c);
    return true;
  }

  /**
   * An agency credited in brackets at a dateline or caption: "ERBIL (Kurdistan 24) –", "MOSUL,
   * Iraq, Nov. 4, 2016 (Newswire) —", "(Levant Wire) BEIRUT". Its capitalised words are an outlet's name.
   */
  private credits(ctx: ExtractionContext): void {
    const text = ctx.text;
    const toks = ctx.tokens;
    for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
      const first = text.charCodeAt(open + 1);
      if (first < 65 || first > 90) continue;
      const close = text.indexOf(')', open);
      if (close < 0 || close - open > 40) continue;
      const t0 = ctx.tokenAt(open);
      let t1 = t0;
      while (t1 < toks.length && toks[t1].end <= close) t1++;
      if (t1 === t0 || t1 - t0 > 4 || !toks[t0].cap) continue;
      let names = true;
      for (let t = t0; t < t1 && names; t++) names = (toks[t].cap || toks[t].num) && (t === t0 || ctx.joined(t - 1));
      if (!names || toks[t1 - 1].end !== close || toks[t0].start !== open + 1) continue;
      const after = /^[ \t]*(?:[—–-]|\n|\p{Lu}{3,}\b)/u.test(text.slice(close + 1, close + 12));
      const before = /(?:\b\d{4}|\b\p{Lu}{3,})[ \t]*$/u.test(text.slice(Math.max(0, open - 12), open));
      const opensSentence = /(?:^|[.!?\n])[ \t]*$/.test(text.slice(Math.max(0, open - 3), open));
      if (after && (before || opensSentence || /^[ \t]*[—–-]/.test(text.slice(close + 1, close + 4)))) this.mark(ctx, t0, t1, true);
    }
  }

  /** The outlet named at the top of a web page: "Sahel Watch | Analysis", "Horn Radio | January 19, 2019". */
  private mastheads(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const text = ctx.text;
    // Only the top of the page: its first lines, up to 600 characters.
    const top = text.slice(0, Math.min(text.length, 600));
    if (!top.includes(' | ')) return;
    for (const p of ctx.paragraphs.slice(0, 4)) {
      for (let line = p.start; line < p.end && line < top.length; ) {
        const nl = text.indexOf('\n', line);
        const end = nl < 0 || nl > p.end ? p.end : nl;
        const bar = top.indexOf(' | ', line);
        if (bar > line && bar < end) {
          const t0 = ctx.tokenAt(line);
          let t1 = t0;
          while (t1 < toks.length && toks[t1].end <= bar && toks[t1].cap && (t1 === t0 || ctx.joined(t1 - 1))) t1++;
          if (t1 > t0 && t1 - t0 <= 4 && toks[t1 - 1].end === bar) this.mark(ctx, t0, t1);
        }
        line = end + 1;
      }
    }
  }

  /**
   * A name standing as the apposition of a word for a body: "its media organization, Al Furqan,", "the
   * news agency Amaq", "German retailer Halvo"; or with the description after it: "Al-Hadid, the
   * group's media arm", "Norvik, a Danish insurer,".
   */
  private appositions(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    for (let i = 0; i + 1 < toks.length; i++) {
      if (toks[i].text === 'the' || toks[i].text === 'a' || toks[i].text === 'an' || toks[i].text === 'its') this.describedAfter(ctx, i);
      // (Not a role, nor a person's name after a trade: "the bank's Governor …", "insurer Thierry Dehaan".)
      if (!toks[i + 1].cap || toks[i].cap || !BODY_NOUNS.has(toks[i].lower) || ROLES.has(toks[i + 1].lower) || (TRADE_NOUNS.has(toks[i].lower) && givenNameGender(toks[i + 1].text) !== undefined)) continue;
      const comma = /^\s*,\s*$/.test(ctx.gap(i));
      if (!comma && !ctx.joined(i)) continue;
      let e = i + 1;
      while (e < toks.length && e < i + 5 && (toks[e].cap || isNameParticle(toks[e], toks[e + 1])) && !CAPITAL_STOPWORDS.has(toks[e].lower) && (e === i + 1 || ctx.joined(e - 1))) e++;
      if (e === i + 1) continue;
      // The apposition closes with the clause ("…, Al Furqan." / "…, Amaq, said").
      if (comma && e < toks.length && !/^\s*[,.;:)]/.test(ctx.text.slice(toks[e - 1].end, toks[e - 1].end + 2))) continue;
      this.mark(ctx, i + 1, e);
    }
  }

  /** The name before ", the group's media arm" (the determiner at token d): a body's, unless a place's. */
  private describedAfter(ctx: ExtractionContext, d: number): void {
    const toks = ctx.tokens;
    // The comma before the determiner, and the name before the comma.
    const n = d - 1;
    if (n < 0 || !toks[n].cap || ctx.blocked[n] || !/^, $/.test(ctx.gap(n))) return;
    // The description: up to four words, lower-case or a possessive's or a demonym's, ending with a word for a body.
    let k = d + 1;
    const linked = (t: number): boolean => ctx.joined(t) || POSSESSIVE_GAP.test(ctx.gap(t));
    while (k < toks.length && k < d + 5 && linked(k - 1) && !BODY_NOUNS.has(toks[k].lower) && (!toks[k].cap || isGroupWord(toks[k]))) k++;
    if (k >= toks.length || !BODY_NOUNS.has(toks[k].lower) || toks[k].cap || !linked(k - 1)) return;
    // The noun closes the description ("the group's media arm,", "the media arm of …"), not "a company director".
    const next = toks[k + 1];
    if (next && (POSSESSIVE_GAP.test(ctx.gap(k)) || (ctx.joined(k) && !/^(?:of|that|which|in|based|for|run|owned|linked|close|known)$/.test(next.lower)))) return;
    let s = n;
    while (s > 0 && n - s < 4 && (ctx.joined(s - 1) || (toks[s].start === toks[s - 1].end + 1 && ctx.text.charCodeAt(toks[s - 1].end) === 45)) && toks[s - 1].cap && !CAPITAL_STOPWORDS.has(toks[s - 1].lower)) s--;
    if (CAPITAL_STOPWORDS.has(toks[s].lower) || ROLES.has(toks[s].lower) || gazetteer().get(ctx.text.slice(toks[s].start, toks[n].end)) !== undefined) return;
    this.mark(ctx, s, n + 1);
  }

  /**
   * Acronyms the text never explains, where a body stands in a sentence: after "the" at the end of
   * its noun phrase ("the NRC", "the Flemish nationalist N-VA"), or as the subject of a verb ("MINUSMA
   * withdrew", "JNIM claimed"): an organisation's, unless the tagger reads a person's or a place's
   * name there, the gazetteer knows it, or it abbreviates a thing or a unit ("the IED", "GMT").
   */
  private unexplainedAcronyms(ctx: ExtractionContext, taken: Uint8Array, names: Set<string>): void {
    const toks = ctx.tokens;
    // Acronyms the text explains in brackets ("the cash reserve ratio (CRR)") are left to that explanation.
    let explained: Set<string> | undefined;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      // (Most words are passed over on their last letter: an acronym ends with a capital.)
      const z = t.text.charCodeAt(t.text.length - 1);
      if (z < 65 || z > 90) continue;
      // Three letters or more, no plural ("ADRs").
      if (!t.cap || t.num || taken[i] || ctx.blocked[i] || t.text.length < 3 || t.text.length > 7 || !isAcronymLike(t.text) || t.text.endsWith('s') || COMMON_ACRONYMS.has(t.text)) continue;
      const prev = toks[i - 1];
      const next = toks[i + 1];
      // A word of a longer name ("FBI Special Agent", "UN Security Council").
      if ((next && ctx.joined(i) && next.cap) || (prev && ctx.joined(i - 1) && prev.cap && !isGroupWord(prev))) continue;
      // A hyphenated name ("N-VA"), a figure ("F-16").
      if ((next && next.start === t.end + 1 && ctx.text.charCodeAt(t.end) === 45) || (prev && t.start === prev.end + 1 && ctx.text.charCodeAt(prev.end) === 45)) continue;
      const afterThe = !!prev && prev.lower === 'the' && !prev.cap && (!next || !/^\s+$/.test(ctx.gap(i)) || !next.cap) && !(next && ctx.joined(i) && /^[a-z]/.test(next.text) && !SUBJECT_VERBS.has(next.lower) && !/[,.;:)]/.test(ctx.gap(i)) && !/^(?:and|or|but|in|on|at|of|to|for|with|from|by|as|that|which|who)$/.test(next.lower));
      const subject = !!next && ctx.joined(i) && SUBJECT_VERBS.has(next.lower);
      // A label ("NDIAYE:"), a line in capitals.
      if ((!afterThe && !subject) || ctx.text.charCodeAt(t.end) === 58 || inCapitalLine(ctx, i)) continue;
      if (gazetteer().get(t.text) || (t.text.length > 3 && gazetteer().get(t.text[0] + t.text.slice(1).toLowerCase()))) continue;
      explained ??= new Set([...ctx.text.matchAll(/\(([A-Z][A-Za-z]{1,7})\)/g)].map((m) => m[1]));
      if (explained.has(t.text)) continue;
      const c = nameChunks(ctx).find((x) => x.t0 <= i && i < x.t1);
      if (c && c.label !== ORG && c.margin >= MARGIN.acronym) continue;
      this.mark(ctx, i, i + 1);
      taken[i] = 1;
      names.add(t.text);
    }
  }

  /**
   * The body a named person belongs to, after "of": "Ana Duarte of the Flemish nationalist N-VA", "Lea
   * Hoffmann of the Greens", "Jan Maes of CD&V". With its article and the words describing it,
   * any name there is a body's unless it is a place's or a person's; without them, only an acronym
   * ("Amal Idris of Bardera" may be a town's).
   */
  private affiliations(ctx: ExtractionContext, taken: Uint8Array, names: Set<string>): void {
    const toks = ctx.tokens;
    // Persons the rules found, and those the tagger will ("Kris Van der Straeten").
    const people: number[] = [];
    for (const c of ctx.candidates) if (c.kind === 'person') people.push(c.t1);
    for (const c of nameChunks(ctx)) {
      if (c.label !== PER) continue;
      // A full name of two words or more ("Griet Claes", "Kris Van der Straeten"), not a title's word ("The Path of the …").
      let s = c.t1 - 1;
      while (s > 0 && ctx.joined(s - 1) && (toks[s - 1].cap || isNameParticle(toks[s - 1], toks[s]) || NAME_LINK_WORDS.has(toks[s - 1].text)) && !CAPITAL_STOPWORDS.has(toks[s - 1].lower)) s--;
      if (c.t1 - s >= 2) people.push(c.t1);
    }
    for (const end of people) {
      let i = end;
      if (toks[i]?.text !== 'of' || !ctx.joined(i - 1)) continue;
      i++;
      const article = toks[i]?.text === 'the' && ctx.joined(i - 1);
      if (article) {
        i++;
        // Words describing the body: lower-case ("far-right", "ruling"), or a capitalised adjective before
        // one ("Flemish nationalist").
        const describing = (t: number): boolean => !!toks[t] && !toks[t].cap && /^[a-z]+$/.test(toks[t].text) && !LINKS.has(toks[t].lower);
        for (let k = 0; k < 4 && i < toks.length; k++) {
          const w = toks[i];
          if (describing(i) && toks[i + 1]?.start === w.end + 1 && ctx.text.charCodeAt(w.end) === 45 && describing(i + 1)) i += 2;
          else if (describing(i) || (w.cap && ctx.joined(i) && describing(i + 1))) i++;
          else break;
          if (i < toks.length && !ctx.joined(i - 1)) break;
        }
      }
      const s = i;
      if (s >= toks.length || !toks[s].cap || !ctx.joined(s - 1) || ctx.blocked[s] || taken[s] || CAPITAL_STOPWORDS.has(toks[s].lower) || isCalendarWord(toks[s])) continue;
      let e = s + 1;
      for (;;) {
        const hyphened = e < toks.length && toks[e].cap && toks[e].start === toks[e - 1].end + 1 && ctx.text.charCodeAt(toks[e - 1].end) === 45;
        if (e < toks.length && e - s < 4 && (hyphened || (ctx.joined(e - 1) && toks[e].cap)) && !ctx.blocked[e] && !taken[e]) e++;
        else break;
      }
      const name = ctx.text.slice(toks[s].start, toks[e - 1].end);
      if (gazetteer().get(name) !== undefined || gazetteer().get(spellingOf(ctx, s, e)) !== undefined || ROLES.has(toks[s].lower)) continue;
      let acronym = true;
      for (let t = s; t < e && acronym; t++) acronym = isAcronym(toks[t]) || (toks[t].text.length === 1 && toks[t].text >= 'A' && toks[t].text <= 'Z');
      if (!article && !acronym) continue;
      // A person's name there is a person's ("the son of Omar Hassan").
      if (!acronym && givenNameGender(toks[s].text) !== undefined) continue;
      if (!this.mark(ctx, s, e)) continue;
      for (let t = s; t < e; t++) taken[t] = 1;
      names.add(spellingOf(ctx, s, e));
    }
  }

  /**
   * Names the tagger is sure are organisations' that no head word marked ("Interfax", "PUK",
   * "Zenith"), among the words persons left free: run after persons, before places, so that they
   * block the places inside them but never a person the rules found.
   */
  recognizeLearned(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const taken = new Uint8Array(toks.length);
    for (const c of ctx.candidates) for (let t = c.t0; t < c.t1; t++) taken[t] = 1;
    const free = (t0: number, t1: number): boolean => {
      for (let t = t0; t < t1; t++) if (ctx.blocked[t] || taken[t]) return false;
      return true;
    };
    const names = new Set<string>();
    this.outletsSpokenTo(ctx, free);
    for (const c of nameChunks(ctx)) {
      if (c.label !== ORG || !free(c.t0, c.t1)) continue;
      const t0 = c.t0;
      // "Tariq Hussain MP", "Alison Morgan KC": a person's name and the letters after it.
      if (c.t1 - t0 >= 2 && POSTNOMINALS.has(toks[c.t1 - 1].text)) continue;
      // The end of a longer name after its link word ("Lanao del Sur"), not a body of its own.
      const link = toks[t0 - 1];
      if (link && !link.cap && t0 >= 2 && ctx.joined(t0 - 1) && ctx.joined(t0 - 2) && toks[t0 - 2].cap && NAME_LINK_WORDS.has(link.lower)) continue;
      // An unknown acronym is an organisation's on less evidence than other words ("NATO", "OSCE").
      const acronym = c.t1 - t0 === 1 && isAcronym(toks[t0]) && !inCapitalLine(ctx, t0);
      // A common noun capitalised only as the first word of its sentence ("Militia says …", then "the militia").
      if (c.t1 - t0 === 1 && !acronym && isCommonNounAlone(ctx, t0)) continue;
      // "the New York Democrat", "an Ohio Republican": a member of a party described by his state is a person.
      if (c.t1 - t0 >= 2 && isPartisan(toks[c.t1 - 1]) && !toks[c.t1 - 1].lower.endsWith('s')) continue;
      // A turn's label in an exchange ("QUESTION:") names nobody.
      if (isTurnLabel(ctx, t0, c.t1)) continue;
      if (c.margin < (acronym ? MARGIN.acronym : MARGIN.organization)) continue;
      const name = spellingOf(ctx, t0, c.t1);
      // A place's name, also in capitals ("MOSUL" opening a dateline).
      const place = gazetteer().get(name) ?? (isAcronym(toks[t0]) && name.length > 3 ? gazetteer().get(name[0] + name.slice(1).toLowerCase()) : undefined);
      if (place && place.kind !== 'town') continue;
      this.mark(ctx, t0, c.t1);
      names.add(name);
    }
    this.unexplainedAcronyms(ctx, taken, names);
    this.affiliations(ctx, taken, names);
    // Every other writing of a name found so ("Interfax said …; Interfax added").
    if (names.size === 0) return;
    const firsts = new Set([...names].map((n) => n.split(' ')[0]));
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].cap || !firsts.has(toks[i].text)) continue;
      for (let e = Math.min(toks.length, i + 6); e > i; e--) {
        if (!names.has(spellingOf(ctx, i, e)) || !free(i, e)) continue;
        if (e < toks.length && ctx.joined(e - 1) && toks[e].cap) break;
        if (this.mark(ctx, i, e)) i = e - 1;
        break;
      }
    }
  }
}

/** Last words of capitalised names abbreviated in brackets that are not bodies' names. */
const NOT_BODIES = new Set(['disease', 'syndrome', 'virus', 'fever', 'index', 'value', 'rate', 'act', 'law', 'bill', 'code', 'device', 'devices', 'weapon', 'weapons', 'system', 'missile', 'missiles', 'vehicle', 'vehicles']);

/** An acronym as bodies write theirs: two to eight letters, capitals but for a few lower-case links ("CTED", "AfD", "UNODC"). */
function isAcronymLike(w: string): boolean {
  if (w.length < 2 || w.length > 8) return false;
  let upper = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (!(c >= 97 && c <= 122) || i === 0) return false;
  }
  return upper >= 2 && upper * 2 >= w.length;
}

/** Acronyms of things, units and titles, not of bodies: never an organisation on their place in a sentence. */
const COMMON_ACRONYMS = new Set(['AM', 'PM', 'TV', 'ID', 'OK', 'IED', 'IEDs', 'GDP', 'CEO', 'CFO', 'MP', 'MPs', 'VAT', 'ATM', 'SUV', 'DNA', 'HIV', 'AIDS', 'GPS', 'VIP', 'ICU', 'NGO', 'NGOs', 'PhD', ...TIME_ZONES, 'AD', 'BC', 'RPG', 'RPGs', 'UAV', 'UAVs', 'SMS', 'PDF', 'URL', 'FAQ', 'COVID', 'PR', 'HQ', 'QC', 'KC', 'II', 'III', 'IV', 'VI', 'VII', 'VIII', 'IX', 'XI', 'XII']);

/** Verbs after a subject: an acronym right before one acts, as bodies do ("MINUSMA withdrew", "the NRC warned"). */
const SUBJECT_VERBS = new Set(['said', 'says', 'is', 'was', 'has', 'had', 'have', 'will', 'would', 'could', 'can', 'did', 'does', 'announced', 'claimed', 'reported', 'warned', 'denied', 'confirmed', 'estimated', 'released', 'published', 'called', 'urged', 'added', 'declined', 'accused', 'issued', 'carried', 'launched', 'withdrew', 'deployed', 'killed', 'attacked', 'controls', 'controlled', 'runs', 'ran', 'wants', 'wanted', 'opposed', 'supports', 'backed', 'rejected', 'demanded', 'blamed', 'pledged', 'promised', 'agreed']);

/** Prefix heads that name events, not bodies: "Operation Inherent Resolve", "Ghazwat Badr", "Eid al-Adha". */
const EVENT_PREFIXES = new Set(['operation', 'ghazwah', 'ghazwat', 'ghazwa', 'eid']);

/** Whether the name [a, end) is an event's: its last head word names one ("Battle of Mosul", "Geneva Conference"). */
function isEvent(toks: readonly Token[], a: number, end: number): boolean {
  if (EVENT_PREFIXES.has(toks[a].lower)) return true;
  // A body's head word opening the name makes it a body's ("Organisation of the Islamic Conference").
  if (toks[a].cap && ORG_HEADS.has(toks[a].lower) && !EVENT_HEADS.has(toks[a].lower) && end - a > 2) return false;
  for (let t = end - 1; t >= a; t--) {
    if (EVENT_HEADS.has(toks[t].lower) && toks[t].cap) return true;
    if (isHead(toks[t].lower, toks[t].cap) || GROUP_NAMES.has(toks[t].lower)) return false;
  }
  return false;
}

/** The words [s, e) joined by single spaces, as the gazetteer spells names. */
function spellingOf(ctx: ExtractionContext, s: number, e: number): string {
  let out = ctx.tokens[s].text;
  for (let t = s + 1; t < e; t++) out += ' ' + ctx.tokens[t].text;
  return out;
}

/** Whether token t stands on a line written in capitals (a headline: "SUMMON APARTHEID POLICE"). */
function inCapitalLine(ctx: ExtractionContext, t: number): boolean {
  const text = ctx.text;
  const at = ctx.tokens[t].start;
  const from = text.lastIndexOf('\n', at) + 1;
  let to = text.indexOf('\n', at);
  if (to < 0) to = text.length;
  let letters = 0;
  let upper = 0;
  for (let c = from; c < to && letters < 200; c++) {
    const ch = text.charCodeAt(c);
    if (ch >= 65 && ch <= 90) upper++;
    if ((ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)) letters++;
  }
  return letters >= 8 && upper / letters > 0.8;
}

/** Whether tokens [s, e) follow one another with only spaces between them. */
function joinedRun(ctx: ExtractionContext, s: number, e: number): boolean {
  for (let t = s; t < e - 1; t++) if (!ctx.joined(t)) return false;
  return true;
}

/** Whether a head word stands among tokens [from, to). */
function headAfter(toks: readonly Token[], from: number, to: number): boolean {
  for (let t = from; t < to; t++) {
    if (isHead(toks[t].lower, toks[t].cap) || GROUP_NAMES.has(toks[t].lower)) return true;
    // "… and the Islamic State": a group's name without a head word.
    if (toks[t].lower === 'islamic' && toks[t + 1]?.lower === 'state' && t + 1 < to) return true;
  }
  return false;
}

/** Whether token t heads an organisation's name whose capitalised words start at a. */
function isHeadAt(toks: readonly Token[], a: number, t: number): boolean {
  const tok = toks[t];
  if (GROUP_NAMES.has(tok.lower)) return true;
  if (isHead(tok.lower, tok.cap)) {
    // "West Bank": the head word closes a place's name, not a body's.
    const place = t > 0 ? gazetteer().get(`${toks[t - 1].text} ${tok.text}`) : undefined;
    return !place || place.kind === 'town';
  }
  if (tok.lower === 'state' && t > a && toks[t - 1].lower === 'islamic') return true;
  // "Islamic State West Africa Province": a branch; "Anbar Province" stays a place.
  if (tok.lower !== 'province' || !tok.cap) return false;
  if (t - a >= 2) return true;
  for (let x = a; x < t; x++) if (toks[x].lower === 'state') return true;
  return false;
}

function isHead(lower: string, cap: boolean): boolean {
  if (!cap) return false;
  return HEADS.has(lower);
}
