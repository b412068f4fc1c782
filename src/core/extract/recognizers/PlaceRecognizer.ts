import type { ExtractionContext } from '../context';
import { gazetteer, type GazetteerEntry } from '../gazetteer';
import { chunkAt, LOC, MARGIN, nameChunks, PER, votesFor } from '../names/NameTagger';
import { givenNameGender } from '../gender';
import { CAP_ORG_DESIGNATORS, EUROPEAN_PARTICLES, LOCATIVE_PREPOSITIONS, ORG_HEADS, PLACE_DESIGNATORS, PLACE_NOUNS, TIME_ZONES, TITLES } from '../lexicon';
import { ARABIC_PLACE_HEADS, inTitleCaseLine, isAcronym, isCalendarWord, isGroupWord, isNameParticle, isPartisan, isSacred, isStopword, NOT_NAME_WORDS } from './wordClasses';
import { titleCaseWords } from '../../text/case';

/** Prepositions that, before an unknown capitalised word, make it a place ("fighting in Baghouz"). */
/** Designators of areas and waterways: the bare name means the same place ("Euphrates" = "Euphrates River"). */
const AREA_DESIGNATORS = new Set(['province', 'provinces', 'governorate', 'region', 'district', 'state', 'county', 'river', 'valley', 'mountains', 'desert', 'sea', 'lake', 'gulf', 'peninsula', 'plain', 'plains', 'countryside', 'subdistrict', 'prefecture', 'municipality', 'basin', 'delta', 'strait', 'island', 'islands', 'coast', 'hills', 'heights']);

/** Designators written before the name. */
const PREFIX_DESIGNATORS = new Set(['camp', 'mount', 'lake', 'fort', 'port', 'cape', 'wadi', 'jebel', 'jabal', 'jabel', 'tell', 'tal']);

const NAME_LINKS = new Set(['of', 'and', 'the', 'de', 'del', 'da', 'do', 'du', 'la', 'le', 'es', 'ez', 'al', 'el', 'and', '&', 'upon', 'on']);

const STRONG_LOCATIVE = new Set(['in', 'near', 'outside', 'around', 'across', 'inside', 'towards', 'toward', 'between']);

/** Points of the compass, before "of" and a place's name ("north of Baga", "40 km southeast of Bosaso"). */
const COMPASS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);


/** Nouns of taking or holding a place, before "of" and its name ("the fall of Baghouz"). */
const SEIZURES = new Set(['fall', 'siege', 'capture', 'recapture', 'liberation', 'occupation', 'sack', 'bombardment', 'shelling']);

/** Events named after the place they happened in ("the Chibok kidnapping", "the Crocus attack"). */
const PLACED_EVENTS = new Set(['kidnapping', 'kidnappings', 'abduction', 'abductions', 'attack', 'attacks', 'bombing', 'bombings', 'massacre', 'massacres', 'siege', 'raid', 'shooting', 'blast', 'explosion', 'earthquake', 'floods', 'uprising']);

/** Words that may follow a noun phrase's last word ("in the Ruhr where …"); not "and" ("in the Marchal and Lambrecks case"). */
const AFTER_PHRASE = new Set(['but', 'where', 'which', 'who', 'in', 'on', 'at', 'to', 'from', 'for', 'with', 'by', 'since', 'until', 'after', 'before', 'as', 'is', 'was', 'are', 'were', 'has', 'had', 'have']);

/** Whether the noun phrase ends before token e: punctuation (not a hyphen) or a word that opens what follows. */
function closesPhrase(ctx: ExtractionContext, e: number): boolean {
  const next = ctx.tokens[e];
  if (!next) return true;
  const gap = ctx.gap(e - 1);
  if (/^\s*[,.;:)!?]/.test(gap)) return true;
  return /^\s+$/.test(gap) && AFTER_PHRASE.has(next.text);
}

/** Whether the name ending before token e is set off by an apposition naming a body: "at Vantage, a monitoring group, …". */
function bodyApposition(ctx: ExtractionContext, e: number): boolean {
  const toks = ctx.tokens;
  const det = toks[e];
  if (!det || !/^\s*,\s*$/.test(ctx.gap(e - 1)) || (det.text !== 'a' && det.text !== 'an' && det.text !== 'the')) return false;
  for (let j = e + 1; j < Math.min(toks.length, e + 5) && ctx.joined(j - 1) && !LOCATIVE_PREPOSITIONS.has(toks[j].text) && toks[j].text !== 'of'; j++) {
    // The body's noun closes the apposition ("a monitoring group,"), not "the headquarters of …".
    if (ORG_HEADS.has(toks[j].text) && (j + 1 >= toks.length || /^\s*[,.;:)]/.test(ctx.gap(j)))) return true;
  }
  return false;
}

/** Rooms and buildings named by a capitalised common noun ("in the Chamber", "in the Hall"): no places. */
const ROOMS = new Set(['chamber', 'hall', 'room', 'building', 'palace', 'house', 'floor', 'gallery']);

/** Prepositions that make a place of an unknown name only when the name ends the clause ("abducted from Chibok."). */
const WEAK_LOCATIVE = new Set(['at', 'from', 'to', 'into', 'and']);

/** Institutions named after a place-like word are not places. */
const INSTITUTIONS = new Set(['white house', 'pentagon', 'kremlin', 'downing street', 'capitol', 'élysée', 'elysee', 'knesset', 'west', 'east']);
/** The first word of each, in lower case: a name whose first word is none of these is no institution. */
const INSTITUTION_FIRST_WORDS = new Set([...INSTITUTIONS].map((n) => n.split(' ')[0]));

/** Whether the name [s, e), spelled `name`, is an institution's (see {@link INSTITUTIONS}). */
function isInstitution(ctx: ExtractionContext, s: number, name: string): boolean {
  return INSTITUTION_FIRST_WORDS.has(ctx.tokens[s].lower) && INSTITUTIONS.has(name.toLowerCase());
}

/**
 * Places from the gazetteer and from context: a designator after a name ("Anbar province",
 * "Tishreen Dam"), "the city of X", a dateline ("ERBIL (Kurdistan 24) –", "MOSUL, Iraq —"), and an
 * unknown capitalised word after a locative preposition. A name found once as a place is a place
 * wherever else it is written in the document.
 */
export class PlaceRecognizer {
  recognize(ctx: ExtractionContext): void {
    const toks = ctx.tokens;
    const gaz = gazetteer();
    const taken = new Uint8Array(toks.length);
    for (const c of ctx.candidates) if (c.kind === 'person') for (let t = c.t0; t < c.t1; t++) taken[t] = 1;
    const free = (i: number): boolean => i >= 0 && i < toks.length && !taken[i] && !ctx.blocked[i];
    const found = new Map<string, GazetteerEntry>();
    const add = (t0: number, t1: number, entry: GazetteerEntry, priority: number): void => {
      for (let t = t0; t < t1; t++) taken[t] = 1;
      ctx.candidates.push({ start: toks[t0].start, end: toks[t1 - 1].end, kind: 'place', t0, t1, key: entry.key, name: entry.name, priority });
      found.set(spelling(ctx, t0, t1), entry);
    };

    this.datelines(ctx, free, add);

    for (let i = 0; i < toks.length; i++) {
      if (ctx.nameish[i] === 0 || !free(i)) continue;
      if (isCalendarWord(toks[i]) || isSacred(toks[i])) continue;
      // Longest gazetteer name starting here.
      let best: { e: number; entry: GazetteerEntry } | undefined;
      let e = i + 1;
      // (A name of several words is in the gazetteer only if its first word opens one.)
      const last = gaz.firstWords.has(toks[i].text) ? Math.min(toks.length, i + gaz.maxWords) : i + 1;
      for (; e <= last; e++) {
        if (e > i + 1 && (!ctx.joined(e - 2) || !free(e - 1))) break;
        // Multi-word names continue with capitalised words and a few links ("Bosnia and Herzegovina").
        if (e > i + 1 && !toks[e - 1].cap && !NAME_LINKS.has(toks[e - 1].lower) && !isNameParticle(toks[e - 1], toks[e])) break;
        const entry = gaz.get(spelling(ctx, i, e));
        if (entry) best = { e, entry };
      }
      // "Nur-Sultan", "Guinea-Bissau": a hyphened name the gazetteer knows whole.
      if ((!best || best.e === i + 1) && hyphened(ctx, i)) {
        let h = i + 1;
        while (h < i + 3 && hyphened(ctx, h)) h++;
        for (let k = h, done = false; k > i && !done; k--) {
          let whole = true;
          for (let t = i + 1; t <= k && whole; t++) whole = free(t);
          const entry = whole ? gaz.get(ctx.text.slice(toks[i].start, toks[k].end)) : undefined;
          if (entry) {
            best = { e: k + 1, entry };
            done = true;
          }
        }
      }
      const prev = toks[i - 1];
      const locative = !!prev && !prev.cap && LOCATIVE_PREPOSITIONS.has(prev.lower);
      // Designator: "Anbar province", "Euphrates River", "Jeddah camp".
      let nameEnd = i + 1;
      while (nameEnd < toks.length && nameEnd < i + 3 && ctx.joined(nameEnd - 1) && free(nameEnd) && (toks[nameEnd].cap || isNameParticle(toks[nameEnd], toks[nameEnd + 1])) && !PLACE_DESIGNATORS.has(toks[nameEnd].lower)) nameEnd++;
      // "Charles de Gaulle airport": a particle between capitalised words, when a designator closes the name.
      if (nameEnd > i && nameEnd + 2 < toks.length && EUROPEAN_PARTICLES.has(toks[nameEnd].lower) && !toks[nameEnd].cap && ctx.joined(nameEnd - 1) && ctx.joined(nameEnd) && toks[nameEnd + 1].cap && free(nameEnd + 1)) {
        let k = nameEnd + 1;
        while (k < toks.length && k < nameEnd + 3 && toks[k].cap && free(k) && !PLACE_DESIGNATORS.has(toks[k].lower) && ctx.joined(k)) k++;
        if (k < toks.length && PLACE_DESIGNATORS.has(toks[k].lower) && !toks[k].cap && ctx.joined(k - 1)) nameEnd = k;
      }
      const des = toks[nameEnd];
      if (des && ctx.joined(nameEnd - 1) && PLACE_DESIGNATORS.has(des.lower) && !taken[nameEnd] && this.nameLike(ctx, i, nameEnd)) {
        const capOrg = des.cap && CAP_ORG_DESIGNATORS.has(des.lower) && !best;
        if (!capOrg && !(des.cap && ctx.blocked[nameEnd])) {
          const name = spelling(ctx, i, nameEnd);
          // A second designator names another site: "Manda Bay airfield" is not Manda Bay.
          let desEnd = nameEnd + 1;
          while (desEnd < toks.length && desEnd < nameEnd + 3 && ctx.joined(desEnd - 1) && free(desEnd) && PLACE_DESIGNATORS.has(toks[desEnd].lower) && !toks[desEnd].cap) desEnd++;
          const full = spelling(ctx, i, desEnd);
          // "Anbar province" is Anbar; "Mosul Dam" is not Mosul, nor is "Aleppo province" the city.
          const bareIsCity = !!best && best.e === nameEnd && (best.entry.kind === 'city' || best.entry.kind === 'town');
          const sameAsBare = AREA_DESIGNATORS.has(des.lower) && !bareIsCity && desEnd === nameEnd + 1;
          const key = sameAsBare ? (best && best.e === nameEnd ? best.entry.key : `place:${name.toLowerCase()}`) : `place:${full.toLowerCase()}`;
          const entry: GazetteerEntry = { key, name: full, kind: 'town' };
          add(i, desEnd, entry, 4);
          if (sameAsBare) found.set(name, entry);
          i = desEnd - 1;
          continue;
        }
      }
      if (best) {
        const name = spelling(ctx, i, best.e);
        const next = toks[best.e];
        const followedByCountry = (!!next && /^\s*,\s*$/.test(ctx.gap(best.e - 1)) && gaz.get(next.text)?.kind === 'country') || this.placedIn(ctx, best.e);
        // "Vermont Democrats", "a Texas Republican": a party's members after the place leave it whole.
        const nextCap = !!next && ctx.joined(best.e - 1) && next.cap && !PLACE_DESIGNATORS.has(next.lower) && !isPartisan(next);
        if (isInstitution(ctx, i, name)) continue;
        // "Kris Van der Straeten": a particle and a capitalised word after it make it part of a person's name.
        if (!!next && !next.cap && EUROPEAN_PARTICLES.has(next.lower) && ctx.joined(best.e - 1) && ctx.joined(best.e) && !!toks[best.e + 1]?.cap && !PLACE_DESIGNATORS.has(toks[best.e + 1].lower)) continue;
        // "in Düsseldorf, Hamburg and Celle": a town listed after a place is framed as it is.
        const last = ctx.candidates[ctx.candidates.length - 1];
        const listed = !!prev && !!last && last.kind === 'place' && ((prev.lower === 'and' && last.t1 === i - 1) || (last.t1 === i && /^\s*,\s*$/.test(ctx.gap(i - 1))));
        // Small towns need a frame; any place needs to stand as its own name, not the start of a longer one.
        const namedPlace = prev?.lower === 'of' && PLACE_NOUNS.has(toks[i - 2]?.lower ?? '');
        if (best.entry.kind === 'town' && !locative && !followedByCountry && !listed && !namedPlace) continue;
        // A town's or city's name the document writes as a person's throughout ("to Obama" beside
        // "Barack Obama", "Obama said"): one preposition is weaker evidence, as for unknown names below.
        if ((best.entry.kind === 'town' || best.entry.kind === 'city') && !followedByCountry && personVotes(ctx, name)) continue;
        if (nextCap && best.entry.kind !== 'country' && !isAcronym(next)) continue;
        if (best.entry.kind !== 'country' && prev && TITLES.has(prev.lower) && ctx.joined(i - 1)) continue;
        add(i, best.e, best.entry, 3);
        i = best.e - 1;
        continue;
      }
      // "Dinslaken, in North Rhine-Westphalia": a name placed in a known place is a place's.
      if (nameEnd - i <= 3 && this.placedIn(ctx, nameEnd) && !isAcronym(toks[i]) && this.nameLike(ctx, i, nameEnd) && ctx.sentenceTokens[ctx.sentenceOf[i]]?.[0] !== i && !inTitleCaseLine(ctx, i) && !personVotes(ctx, spelling(ctx, i, nameEnd)) && !this.personLike(ctx, i, nameEnd)) {
        const name = spelling(ctx, i, nameEnd);
        add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 2);
        i = nameEnd - 1;
        continue;
      }
      // "X, a farming village on …": an apposition naming the kind of place.
      if (nameEnd - i <= 3 && this.nameLike(ctx, i, nameEnd) && /^\s*,\s*$/.test(ctx.gap(nameEnd - 1))) {
        let j = nameEnd;
        if (toks[j] && /^(?:a|an|the)$/.test(toks[j].lower)) {
          j++;
          while (j < nameEnd + 5 && toks[j] && !toks[j].cap && !PLACE_NOUNS.has(toks[j].lower) && ctx.joined(j - 1)) j++;
          if (toks[j] && PLACE_NOUNS.has(toks[j].lower) && !toks[j].cap && ctx.joined(j - 1) && !/^(?:of|for)$/.test(toks[j + 1]?.lower ?? '')) {
            const name = spelling(ctx, i, nameEnd);
            add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 4);
            i = nameEnd - 1;
            continue;
          }
        }
      }
      // "Camp David", "Mount Sinjar": a designator written before the name.
      if (PREFIX_DESIGNATORS.has(toks[i].lower) && toks[i].cap && nameEnd > i + 1 && this.nameLike(ctx, i + 1, nameEnd)) {
        const name = spelling(ctx, i, nameEnd);
        add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 4);
        i = nameEnd - 1;
        continue;
      }
      // "the city of X", "the village of X".
      if (prev?.lower === 'of' && PLACE_NOUNS.has(toks[i - 2]?.lower ?? '') && this.nameLike(ctx, i, nameEnd)) {
        const name = spelling(ctx, i, nameEnd);
        add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 4);
        i = nameEnd - 1;
        continue;
      }
      // "the fall of Baghouz", "the siege of Kobani": a place taken or held; "the Chibok kidnapping", "the
      // Crocus attack": a place naming what happened there.
      const heldPlace = prev?.text === 'of' && !!toks[i - 2] && SEIZURES.has(toks[i - 2].text) && ctx.joined(i - 2) && closesPhrase(ctx, nameEnd);
      const eventNoun = toks[nameEnd];
      const eventPlace = prev?.text === 'the' && !!eventNoun && ctx.joined(nameEnd - 1) && PLACED_EVENTS.has(eventNoun.text) && closesPhrase(ctx, nameEnd + 1);
      if ((heldPlace || eventPlace) && nameEnd - i <= 2 && this.nameLike(ctx, i, nameEnd) && !isAcronym(toks[i]) && !this.personLike(ctx, i, nameEnd) && !personVotes(ctx, spelling(ctx, i, nameEnd)) && !inTitleCaseLine(ctx, i)) {
        const name = spelling(ctx, i, nameEnd);
        add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 2);
        i = nameEnd - 1;
        continue;
      }
      // "in Baghouz": one or two unknown capitalised words after a locative preposition, ending the phrase.
      // "across the Ruhr", "in the Twin Cities": a place named with its article, not a body's head word
      // nor a room ("in the Council", "in the Chamber"), nor a point of the compass alone ("in the West").
      // The name ends its noun phrase: no noun after it ("in the Bosnian dinar", "in the Lancet medical journal").
      // ("between the Moslems and …" names peoples.)
      const articled = !!prev && prev.text === 'the' && i >= 2 && ctx.joined(i - 1) && ctx.joined(i - 2) && STRONG_LOCATIVE.has(toks[i - 2].text) && toks[i - 2].text !== 'between' && !gazetteer().demonyms.has(toks[nameEnd - 1].text.replace(/s$/, '')) && !ORG_HEADS.has(toks[nameEnd - 1].lower) && !PLACE_DESIGNATORS.has(toks[nameEnd - 1].lower) && !ROOMS.has(toks[nameEnd - 1].lower) && !(nameEnd - i === 1 && COMPASS.has(toks[i].lower)) && closesPhrase(ctx, nameEnd);
      const strong = !!prev && ((STRONG_LOCATIVE.has(prev.lower) && !prev.cap) || compassOf(ctx, i) || articled);
      const weak = !!prev && WEAK_LOCATIVE.has(prev.lower) && !prev.cap && /^\s*[,.;]/.test(ctx.text.slice(toks[nameEnd - 1].end, toks[nameEnd - 1].end + 2));
      const andAfterPlace = prev?.lower === 'and' && ctx.candidates.length > 0 && ctx.candidates[ctx.candidates.length - 1].kind === 'place' && ctx.candidates[ctx.candidates.length - 1].t1 === i - 1;
      if ((strong || weak || andAfterPlace) && nameEnd - i <= 2 && this.nameLike(ctx, i, nameEnd) && !inTitleCaseLine(ctx, i)) {
        const after = toks[nameEnd];
        const endsPhrase = !after || !ctx.joined(nameEnd - 1) || !after.cap;
        const possessive = /^['’]s/.test(ctx.text.slice(toks[nameEnd - 1].end));
        const name = spelling(ctx, i, nameEnd);
        // A preposition is weaker evidence than a document that writes the name as a person's throughout.
        const person = personVotes(ctx, name) && !ARABIC_PLACE_HEADS.has(toks[i].lower);
        if (endsPhrase && !possessive && !person && !isAcronym(toks[i]) && (prev?.lower !== 'and' || andAfterPlace) && !bodyApposition(ctx, nameEnd)) {
          add(i, nameEnd, { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 2);
          i = nameEnd - 1;
        }
      }
    }

    // Names the tagger is sure are places' that no rule placed ("fighting near Grozny", "Leduc Reef").
    for (const c of nameChunks(ctx)) {
      if (c.label !== LOC || c.margin < MARGIN.place || inTitleCaseLine(ctx, c.t0)) continue;
      // A time zone after a clock time ("1:32 p.m. EST").
      if (c.t1 - c.t0 === 1 && TIME_ZONES.has(toks[c.t0].text)) continue;
      let ok = true;
      for (let t = c.t0; t < c.t1 && ok; t++) if (!free(t)) ok = false;
      if (!ok || !this.nameLike(ctx, c.t0, c.t1)) continue;
      const name = spelling(ctx, c.t0, c.t1);
      if (isInstitution(ctx, c.t0, name)) continue;
      // "in the House", "to the Chamber": a room or a legislature named by its common noun, not a place.
      if (c.t1 - c.t0 === 1 && ROOMS.has(toks[c.t0].lower) && toks[c.t0 - 1]?.text === 'the') continue;
      if (bodyApposition(ctx, c.t1)) continue;
      // "Interview: …", "Transcript: …": an unknown word opening a line before a colon is a label.
      const at = toks[c.t0].start;
      if (ctx.text.charCodeAt(toks[c.t1 - 1].end) === 58 && (at === 0 || ctx.text.charCodeAt(at - 1) === 10) && !gaz.get(name)) continue;
      add(c.t0, c.t1, gaz.get(name) ?? { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 2);
    }

    // Every other writing of a place found above.
    if (found.size > 0) this.otherWritings(ctx, found, free, add);
    // Names a list places, and then their other writings.
    if (this.listedWithPlaces(ctx, free, add)) this.otherWritings(ctx, found, free, add);
  }

  /** Every other writing of a place found. */
  private otherWritings(ctx: ExtractionContext, found: Map<string, GazetteerEntry>, free: (i: number) => boolean, add: (t0: number, t1: number, e: GazetteerEntry, p: number) => void): void {
    const toks = ctx.tokens;
    const firstWords = new Set([...found.keys()].map((n) => n.split(' ')[0]));
    for (let i = 0; i < toks.length; i++) {
      if (!free(i) || !toks[i].cap || !firstWords.has(toks[i].text)) continue;
      for (let e = Math.min(toks.length, i + 4); e > i; e--) {
        if (e > i + 1 && !ctx.joined(e - 2) && !hyphened(ctx, e - 2)) continue;
        let ok = true;
        for (let t = i; t < e; t++) if (!free(t)) ok = false;
        if (!ok) continue;
        const entry = found.get(spelling(ctx, i, e));
        if (!entry) continue;
        const next = toks[e];
        if (next && ctx.joined(e - 1) && next.cap && !PLACE_DESIGNATORS.has(next.lower)) break;
        add(i, e, entry, 3);
        i = e - 1;
        break;
      }
    }
  }

  /** "Molenbeek, Schaerbeek and Vilvoorde": an unknown name opening a list whose next two items are places. */
  private listedWithPlaces(ctx: ExtractionContext, free: (i: number) => boolean, add: (t0: number, t1: number, e: GazetteerEntry, p: number) => void): boolean {
    const toks = ctx.tokens;
    const gaz = gazetteer();
    let added = false;
    const placeAt = new Map<number, number>();
    for (const c of ctx.candidates) if (c.kind === 'place') placeAt.set(c.t0, c.t1);
    for (let k = 0, n = ctx.candidates.length; k < n; k++) {
      const c = ctx.candidates[k];
      if (c.kind !== 'place') continue;
      const w = c.t0 - 1;
      if (w < 1) continue;
      const comma = commaBetween(ctx, w);
      if (!comma && !(toks[w].lower === 'and' && !toks[w].cap)) continue;
      const i = comma ? w : w - 1;
      if (toks[w]?.lower === 'and' && !ctx.joined(i)) continue;
      if (i < 0 || placeAt.has(i) || !free(i) || isAcronym(toks[i]) || !this.nameLike(ctx, i, i + 1) || ctx.sentenceTokens[ctx.sentenceOf[i]]?.[0] === i || (i > 0 && ctx.joined(i - 1) && toks[i - 1].cap)) continue;
      // The place is followed by the list's next item, a place too.
      const nextItem = commaBetween(ctx, c.t1 - 1) ? c.t1 : toks[c.t1]?.lower === 'and' && ctx.joined(c.t1 - 1) && ctx.joined(c.t1) ? c.t1 + 1 : -1;
      if (nextItem < 0 || !placeAt.has(nextItem) || this.personLike(ctx, i, i + 1) || personVotes(ctx, toks[i].text)) continue;
      const name = toks[i].text;
      add(i, i + 1, gaz.get(name) ?? { key: `place:${name.toLowerCase()}`, name, kind: 'town' }, 2);
      placeAt.set(i, i + 1);
      added = true;
    }
    return added;
  }

  /**
   * Whether the name ending before token e is placed in a known place right after it: ", in North
   * Rhine-Westphalia", ", near Homs", ", in the Hérault" (a capitalised name the gazetteer knows, or
   * after "the").
   */
  private placedIn(ctx: ExtractionContext, e: number): boolean {
    const toks = ctx.tokens;
    const prep = toks[e];
    if (!prep || prep.cap || (prep.lower !== 'in' && prep.lower !== 'near') || !ctx.joined(e) || ctx.text.charCodeAt(ctx.tokens[e - 1].end) !== 44 /* , */ || prep.start !== ctx.tokens[e - 1].end + 2) return false;
    let k = e + 1;
    const article = toks[k]?.lower === 'the' && !toks[k].cap;
    if (article) k++;
    const where = toks[k];
    if (!where || !where.cap || !ctx.joined(k - 1) || isStopword(where) || ctx.blocked[k]) return false;
    // A known place, or the first word of one of several words ("North Rhine-Westphalia").
    const entry = gazetteer().get(where.text);
    return (entry !== undefined && entry.kind !== 'town') || (entry === undefined && gazetteer().firstWords.has(where.text) && !!toks[k + 1]?.cap && ctx.joined(k));
  }

  /** Whether the name [s, e) reads as a person's: a given name opening it, or the tagger's word ("his counterpart, Gordon Smith, in Ottawa"). */
  private personLike(ctx: ExtractionContext, s: number, e: number): boolean {
    if (givenNameGender(ctx.tokens[s].text) !== undefined) return true;
    const c = chunkAt(ctx, s, PER);
    return !!c && c.t0 <= s && c.t1 >= e;
  }

  /** Whether tokens [s, e) can be a place name: capitalised, not a common word, demonym, month or title. */
  private nameLike(ctx: ExtractionContext, s: number, e: number): boolean {
    if (e <= s) return false;
    for (let t = s; t < e; t++) {
      const tok = ctx.tokens[t];
      if (ctx.blocked[t]) return false;
      const inner = t > s && t < e - 1 && EUROPEAN_PARTICLES.has(tok.lower);
      if (!tok.cap && !inner && !isNameParticle(tok, ctx.tokens[t + 1])) return false;
      if (NOT_NAME_WORDS.has(tok.lower) || isGroupWord(tok)) return false;
    }
    return true;
  }

  /**
   * Datelines: a paragraph opening with a name in capitals, then a comma or an agency in brackets,
   * then a dash ("ERBIL (Kurdistan 24) –", "DEIR EZ-ZOR, Syria, April 30, 2019 (Levant Wire) —").
   * The agency's name in brackets is an organisation and blocks the places inside it.
   */
  private datelines(ctx: ExtractionContext, free: (i: number) => boolean, add: (t0: number, t1: number, e: GazetteerEntry, p: number) => void): void {
    const toks = ctx.tokens;
    for (const p of ctx.paragraphs) {
      const head = ctx.text.slice(p.start, Math.min(p.end, p.start + 160));
      // A line of its own: a place in capitals and a date ("BRUSSELS 1996-08-22", "KABUL, Aug. 1").
      const own = /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*),? (?:\d{4}-\d{2}-\d{2}|[A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)\s*$/.exec(head);
      // Several places of one story, each in capitals, are joined by slashes ("DUSHANBE/KABUL, …").
      const m = own ? ([own[0], own[1], ''] as unknown as RegExpExecArray) : /^([A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:\/[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*){0,3})(?=\s*[,(])([^\n]{0,120}?)\s[—–-]{1,2}\s/.exec(head);
      if (!m || DATELINE_LABELS.has(m[1])) continue;
      const paren = /\(([^)]*)\)/.exec(m[2]);
      if (paren) {
        const from = p.start + m[1].length + paren.index;
        for (let t = ctx.tokenAt(from); t < toks.length && toks[t].end <= from + paren[0].length; t++) ctx.blocked[t] = 1;
      }
      let at = p.start;
      for (const part of m[1].split('/')) {
        const i = ctx.tokenAt(at);
        let e = i;
        while (e < toks.length && toks[e].end <= at + part.length) e++;
        at += part.length + 1;
        if (e > i && free(i)) {
          const name = titleCaseWords(spelling(ctx, i, e));
          add(i, e, gazetteer().get(name) ?? { key: `place:${name.toLowerCase()}`, name, kind: 'city' }, 6);
        }
      }
    }
  }
}

/** Capitalised labels that open captions and pages, not datelines. */
const DATELINE_LABELS = new Set(['FILE', 'PHOTO', 'UPDATE', 'UPDATED', 'BREAKING', 'WATCH', 'VIDEO', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'EDITOR', "EDITOR'S NOTE", 'NOTE', 'CORRECTION', 'LIVE', 'AUDIO', 'READ', 'MORE']);

/** Whether tokens i and i + 1 are separated by a comma and one space exactly. */
function commaBetween(ctx: ExtractionContext, i: number): boolean {
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  return !!a && !!b && b.start === a.end + 2 && ctx.text.charCodeAt(a.end) === 44 && ctx.text.charCodeAt(a.end + 1) === 32;
}

/** Whether token i follows a point of the compass and "of" ("north of Baga", "southeast of Bosaso"). */
function compassOf(ctx: ExtractionContext, i: number): boolean {
  const of = ctx.tokens[i - 1];
  const point = ctx.tokens[i - 2];
  return !!of && !!point && of.lower === 'of' && !of.cap && !point.cap && COMPASS.has(point.lower) && ctx.joined(i - 2) && ctx.joined(i - 1);
}

/** Whether token i and the next are one word written with a hyphen, the second capitalised ("Nur-Sultan"). */
function hyphened(ctx: ExtractionContext, i: number): boolean {
  const a = ctx.tokens[i];
  const b = ctx.tokens[i + 1];
  return !!b && b.cap && b.start === a.end + 1 && ctx.text.charCodeAt(a.end) === 45;
}

function spelling(ctx: ExtractionContext, s: number, e: number): string {
  let out = ctx.tokens[s].text;
  for (let t = s + 1; t < e; t++) out += ' ' + ctx.tokens[t].text;
  return out;
}

/** Whether the document's writings of `name` vote for a person's name by far more than for a place's. */
function personVotes(ctx: ExtractionContext, name: string): boolean {
  const votes = votesFor(ctx, name);
  return votes[PER] - votes[LOC] >= MARGIN.personVote;
}
