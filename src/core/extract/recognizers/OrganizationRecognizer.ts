import type { Token } from '../../text/tokens';
import type { ExtractionContext } from '../context';
import { ARABIC_ORG_HEADS, CAPITAL_STOPWORDS, ORG_HEADS } from '../lexicon';
import { isAcronym, isCalendarWord, isNameParticle } from './wordClasses';

/** Words that extend an organisation's name across lower-case links ("Institute for Middle East Policy"). */
const LINKS = new Set(['of', 'for', 'and', 'the', 'on', 'de', '&']);

/** Words heading names of events; like organisations, their names block the places inside them. */
const EVENT_HEADS = new Set(['battle', 'war', 'siege', 'massacre', 'revolution', 'uprising', 'offensive', 'campaign', 'crisis', 'accords', 'accord', 'agreement', 'treaty', 'conference', 'summit', 'declaration', 'protocol']);

/** Names of armed groups common in the news: organisations on their own, never persons or places. */
const GROUP_NAMES = new Set(['al-qaeda', 'al-qaida', 'qaeda', 'qaida', 'taliban', 'hezbollah', 'hizbollah', 'hizballah', 'hamas', 'al-shabaab', 'al-shabab', 'shabaab', 'isis', 'isil', 'daesh', 'aqap', 'aqim', 'iswap', 'iskp', 'hts', 'al-nusra', 'nusra', 'houthis', 'houthi', 'lashkar-e-taiba', 'jemaah', 'ansarallah']);

/** Heads of bodies named after the country they serve in ("… Mission in Somalia"). */
const SERVING_HEADS = new Set(['mission', 'missions', 'force', 'forces', 'command', 'office', 'operation', 'operations']);

/** Heads written before the rest of the name ("Operation Inherent Resolve", "Jabhat al-Nusra"). */
const PREFIX_HEADS = new Set(['operation', 'boko', ...ARABIC_ORG_HEADS]);

/**
 * Marks organisation and event names so that no person or place is found inside them: "Syrian
 * Democratic Forces", "Islamic State in Iraq and Syria", "George Washington University",
 * "Kurdistan 24", "Operation Inherent Resolve". Organisations are not mentions; they only block.
 * A name ends at its last head word, so a title-case headline ("Iraqi Forces Are Outside Mosul")
 * does not swallow the words after it.
 */
export class OrganizationRecognizer {
  recognize(ctx: ExtractionContext): void {
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
        if (e < n && ctx.joined(e - 1) && (toks[e].cap || isNameParticle(toks[e], toks[e + 1]) || (LINKS.has(toks[e].lower) && e + 1 < n && ctx.joined(e) && (toks[e + 1].cap || LINKS.has(toks[e + 1].lower))))) {
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
        while (a > s && (toks[a - 1].cap || isNameParticle(toks[a - 1], toks[a])) && !CAPITAL_STOPWORDS.has(toks[a - 1].lower) && !isCalendarWord(toks[a - 1])) a--;
      }
      let end = a;
      let extending = false;
      for (let t = h; t < e; t++) {
        const tok = toks[t];
        const islamicState = (tok.lower === 'state' && t > a && toks[t - 1].lower === 'islamic') || GROUP_NAMES.has(tok.lower);
        if (PREFIX_HEADS.has(tok.lower) && tok.cap) {
          end = e;
          break;
        }
        if (isHeadAt(toks, a, t) || islamicState) {
          end = t + 1;
          extending = false;
          // "African Union Mission in Somalia", "United Nations Assistance Mission in Afghanistan": a body named after where it serves.
          if (SERVING_HEADS.has(tok.lower) && t > a && toks[t + 1]?.lower === 'in' && ctx.joined(t) && ctx.joined(t + 1) && toks[t + 2]?.cap && !CAPITAL_STOPWORDS.has(toks[t + 2].lower)) {
            let k = t + 2;
            while (toks[k + 1]?.cap && ctx.joined(k)) k++;
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
        else if (extending && tok.cap) end = t + 1;
        else extending = false;
      }
      const numbered = end === a && e < n && toks[e].num && toks[e].text.length <= 3 && ctx.joined(e - 1) && a < e && !isCalendarWord(toks[e - 1]) && !isAcronym(toks[e - 1]);
      if (numbered) end = e + 1;
      if (end > a) {
        for (let t = a; t < end; t++) ctx.blocked[t] = 1;
        ctx.candidates.push({ start: toks[a].start, end: toks[end - 1].end, kind: 'org', t0: a, t1: end, priority: 2, event: isEvent(toks, a, end) });
      }
      i = Math.max(e, end);
    }
  }
}

/** Prefix heads that name events, not bodies: "Operation Inherent Resolve", "Ghazwat Badr", "Eid al-Adha". */
const EVENT_PREFIXES = new Set(['operation', 'ghazwah', 'ghazwat', 'ghazwa', 'eid']);

/** Whether the name [a, end) is an event's: its last head word names one ("Battle of Mosul", "Geneva Conference"). */
function isEvent(toks: readonly Token[], a: number, end: number): boolean {
  if (EVENT_PREFIXES.has(toks[a].lower)) return true;
  for (let t = end - 1; t >= a; t--) {
    if (EVENT_HEADS.has(toks[t].lower) && toks[t].cap) return true;
    if (isHead(toks[t].lower, toks[t].cap) || GROUP_NAMES.has(toks[t].lower)) return false;
  }
  return false;
}

/** Whether token t heads an organisation's name whose capitalised words start at a. */
function isHeadAt(toks: readonly Token[], a: number, t: number): boolean {
  const tok = toks[t];
  if (GROUP_NAMES.has(tok.lower) || isHead(tok.lower, tok.cap)) return true;
  if (tok.lower === 'state' && t > a && toks[t - 1].lower === 'islamic') return true;
  // "Islamic State West Africa Province": a branch; "Anbar Province" stays a place.
  if (tok.lower !== 'province' || !tok.cap) return false;
  if (t - a >= 2) return true;
  for (let x = a; x < t; x++) if (toks[x].lower === 'state') return true;
  return false;
}

function isHead(lower: string, cap: boolean): boolean {
  if (!cap) return false;
  return ORG_HEADS.has(lower) || EVENT_HEADS.has(lower);
}
