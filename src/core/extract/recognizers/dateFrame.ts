/**
 * Which way a date the text does not fix points from the document's date: "expect a deal on
 * Friday" forward, "said Friday" back. News reports speak of the past unless a word of intent,
 * schedule or the future governs the date.
 *
 * A frame is strong when the word the date attaches to sets it: a past-tense verb right before it
 * ("predicted Wednesday", "was killed on Dec. 20"), "since", or a past-tense verb right after a
 * reduced relative ("a round due on Friday was postponed"). It is weak when it only comes from a
 * word of the future somewhere earlier in the clause ("would look for ways … by Jan. 14") or right
 * after the date ("On Tuesday, the group will…").
 */
export type Frame = 'past' | 'future' | 'weak-future' | undefined;

/** Words that put a following date in the future: "will", "expects … by", "scheduled for", "due on", "as early as". */
const FUTURE =
  /\b(?:will|won['’]t|shall|would|going\s+to|(?:agreed|agrees|supposed|likely|ready|seeks?|wants?)\s+to|plans?|planned|planning|expects?|expected|expecting|scheduled|schedules?|due|set\s+(?:to|for)|to\s+be\s+held|intends?|intended|aims?|aimed|hopes?|deadline|upcoming|forthcoming|as\s+(?:soon|early)\s+as|no\s+later\s+than|is\s+to|are\s+to|(?:postponed|delayed|adjourned|put\s+off|pushed\s+back)\s+(?:until|till|to)|to\s+(?:resume|begin|start|meet|vote|visit|return|arrive|travel|hold|open|close|take\s+effect))\b|['’]ll\b/i;

/** Words of the future that govern what follows them closely: "will meet on", "is scheduled for", "expects … by". */
const FUTURE_STRONG = /\b(?:will|won['’]t|shall|going\s+to|scheduled|due|set\s+(?:to|for)|to\s+be\s+held|as\s+(?:soon|early)\s+as|no\s+later\s+than|(?:postponed|delayed|adjourned|put\s+off|pushed\s+back)\s+(?:until|till|to)|deadline)\b[^,;]{0,40}$|['’]ll\b[^,;]{0,40}$/i;

/** Irregular past-tense verbs news reports put before a date ("met Monday", "left Tuesday"). */
const IRREGULAR_PAST = new Set(
  `said told was were had did began came went fell took made met left held won lost saw found gave got sent spoke wrote broke brought bought
  caught fought thought led fled struck shot hit ran rose sank stood kept sold paid spent built became chose drove flew knew sought shook
  threw understood withdrew overtook swore stole hid rode rang woke wore dealt meant heard read felt beat bid cast cut hurt let quit shut split spread
  seen known done given taken gone begun fallen won shown spoken written`.split(/\s+/),
);

/** Words ending in -ed that are not past-tense verbs. */
const NOT_PAST = new Set(['need', 'needed', 'speed', 'seed', 'feed', 'bed', 'red', 'shed', 'hundred', 'united', 'indeed', 'led', 'proceed', 'exceed', 'succeed', 'embed', 'breed', 'greed', 'deed', 'weed', 'bleed']);

/** Words between a verb and its date: "said on Tuesday", "met late Friday", "left early Monday". */
const SKIPPED = new Set(['on', 'late', 'early', 'earlier', 'until', 'last', 'this', 'the', 'of', 'and', 'as', 'at', 'by']);

/**
 * The end of a sentence or clause: a word's last letter and a stop before a capital ("said. Then"),
 * not an abbreviation ("p.m. Friday", "Mr. Smith", "Jan. 5"); a semicolon; a line break.
 */
const CLAUSE_END = /(?:[a-z\d]{2}[.!?]|[!?])["”’)]*\s+(?=["“‘(]?\p{Lu})|;\s|\n/gu;

/** A past-tense auxiliary right after the date: "… due on Friday was postponed". */
const PAST_AFTER = /^\s*(?:was|were|had\s+been)\b/i;
/** A future auxiliary after the date in its clause: "On Tuesday, the group will…". */
const FUTURE_AFTER = /^[^.;:!?"“”]{0,60}?\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|is\s+scheduled|are\s+scheduled)\b|^[^.;:!?"“”]{0,60}?['’]ll\b/i;

const MODAL_OR_BE = new Set(['be', 'been', 'being', 'to', 'will', 'would', 'could', 'should', 'must', 'may', 'might', 'can', 'shall']);

function isPastVerb(w: string): boolean {
  if (IRREGULAR_PAST.has(w)) return true;
  return w.length > 4 && w.endsWith('ed') && !NOT_PAST.has(w) && !/(?:scheduled|planned|expected|intended|aimed)$/.test(w);
}

/**
 * The frame of a date spanning `start`–`end` in `text`: read back to the start of its clause (a
 * sentence end or semicolon, at most 120 characters). A date inside a reduced relative clause
 * takes the tense of the verb after it ("a second round due on Friday was postponed").
 */
export function frameOf(text: string, start: number, end = start): Frame {
  const from = Math.max(0, start - 120);
  let clause = text.slice(from, start);
  let cut = 0;
  for (const m of clause.matchAll(CLAUSE_END)) cut = m.index + m[0].length;
  clause = clause.slice(cut);
  const words = clause.toLowerCase().match(/[a-z']+/g) ?? [];
  // The verb the date attaches to: the first word before it that is not a preposition or premodifier.
  for (let k = words.length - 1; k >= 0 && k >= words.length - 3; k--) {
    const w = words[k];
    if (SKIPPED.has(w)) continue;
    // A participle after "be" or a modal ("would be finished by Saturday") is not a past tense.
    if (isPastVerb(w) && !FUTURE.test(w) && !MODAL_OR_BE.has(words[k - 1] ?? '')) return 'past';
    break;
  }
  // "until mid-November", "loans through January": a time limit, ahead unless a past verb governs it.
  const last = words[words.length - 1] === 'mid' || words[words.length - 1] === 'early' || words[words.length - 1] === 'late' ? words[words.length - 2] : words[words.length - 1];
  const limit = last === 'until' || last === 'till' || last === 'through';
  // "since the Nov. 13 attacks", "since shortly after the Oct. 23 killing".
  for (let k = words.length - 1; k >= 0 && k >= words.length - 4; k--) if (words[k] === 'since') return 'past';
  const after = text.slice(end, end + 80);
  if (PAST_AFTER.test(after)) return 'past';
  if (FUTURE.test(clause)) return FUTURE_STRONG.test(clause) ? 'future' : 'weak-future';
  if (FUTURE_AFTER.test(after) || limit) return 'weak-future';
  return undefined;
}
