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

/**
 * Present-tense verbs of events that are scheduled, which put a date right after them in the
 * future: "the ministers meet Monday", "the talks resume on Tuesday", "the vote is Friday".
 */
const PRESENT_SCHEDULED = new Set(
  `meet meets visit visits begin begins start starts resume resumes return returns arrive arrives leave leaves travel travels head heads
  fly flies vote votes convene convenes reconvene reconvenes host hosts face faces testify testifies expire expires open opens hold holds
  is are`.split(/\s+/),
);

/** Verbs of putting off that read the time limit after them as ahead: "postponed until Tuesday". */
const PUT_OFF = new Set(['postponed', 'delayed', 'adjourned', 'deferred', 'extended', 'suspended', 'pushed', 'put']);

/** Words between a verb and its date: "said on Tuesday", "met late Friday", "narrowed in the first quarter". */
const SKIPPED = new Set(['on', 'in', 'during', 'for', 'from', 'late', 'early', 'earlier', 'until', 'last', 'this', 'the', 'of', 'and', 'as', 'at', 'by']);

/** "will", "shall", "'ll" (the last one in the clause). */
const WILL = /\b(?:will|shall)\b(?![^]*\b(?:will|shall)\b)|['’]ll\b(?![^]*['’]ll\b)/i;

/** A past-tense auxiliary right after the date: "… due on Friday was postponed". */
const PAST_AFTER = /^\s*(?:was|were|had\s+been)\b/i;
/** A past auxiliary after the date, before the end of its sentence. */
const PAST_IN_CLAUSE = /^[^.;!?]{0,60}?\b(?:had|was|were|did)\b/i;
/** A future auxiliary after the date in its clause: "On Tuesday, the group will…". */
const FUTURE_AFTER = /^[^.;:!?"“”]{0,90}?\b(?:will|shall|is\s+to|are\s+to|plans?\s+to|is\s+scheduled|are\s+scheduled)\b|^[^.;:!?"“”]{0,90}?['’]ll\b/i;

const MODAL_OR_BE = new Set(['be', 'been', 'being', 'is', 'are', 'am', 'to', 'will', 'would', 'could', 'should', 'must', 'may', 'might', 'can', 'shall']);

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
  const from = afterQuote(text, clauseStart(text, start), start);
  const words = wordsBefore(text, from, start, 4);
  const n = words.length;
  // The verb the date attaches to: the first word before it that is not a preposition, premodifier
  // or adverb ("meet separately Monday").
  for (let k = n - 1; k >= 0 && k >= n - 3; k--) {
    const w = words[k];
    if (SKIPPED.has(w) || (w.length > 4 && w.endsWith('ly'))) continue;
    // A participle after "be", a present "is" or a modal ("would be finished by Saturday", "is heard
    // in May") is not a past tense; a verb of putting off reads its limit ahead ("postponed until Tuesday").
    if (pastTenseAt(words, k)) {
      if (PUT_OFF.has(w) && (words[k + 1] === 'until' || words[k + 1] === 'till' || words[k + 2] === 'until')) return 'future';
      return 'past';
    }
    // A scheduled event in the present tense: "the ministers meet Monday", "the vote is on Friday".
    // ("The video is from Tuesday" looks back.)
    if (PRESENT_SCHEDULED.has(w) && words[k - 1] !== 'to' && !MODAL_OR_BE.has(words[k - 1] ?? '') && words[k + 1] !== 'from' && words[k + 1] !== 'of') return 'future';
    break;
  }
  // "since the Nov. 13 attacks", "since shortly after the Oct. 23 killing".
  if (words.includes('since')) return 'past';
  // "until mid-November", "loans through January": a time limit, ahead unless a past verb governs it.
  const last = words[n - 1] === 'mid' || words[n - 1] === 'early' || words[n - 1] === 'late' ? words[n - 2] : words[n - 1];
  const limit = last === 'until' || last === 'till' || last === 'through';
  const after = text.slice(end, end + 110);
  if (PAST_AFTER.test(after)) return 'past';
  const clause = text.slice(from, start);
  if (FUTURE.test(clause)) {
    if (FUTURE_STRONG.test(clause)) return 'future';
    // "will be named commander … for a mission in December": "will" governs the clause up to the date
    // unless a past tense comes between ("will remember what he did in December").
    const will = WILL.exec(clause);
    return will && !hasPastVerb(wordsAfter(clause.slice(will.index + will[0].length), 20)) ? 'future' : 'weak-future';
  }
  // "until Thursday, they had not called him": a limit in the past.
  if (limit) return PAST_IN_CLAUSE.test(after) ? 'past' : 'weak-future';
  // "The minister arrives in Kabul on Sunday": a scheduled event in the present tense a few words
  // before the date, no past tense between.
  if (n >= 3 && scheduledPresent(wordsBefore(text, from, start, 7))) return 'weak-future';
  // "On Tuesday, the group will…": a date opening its clause takes the clause's tense.
  if (n <= 1 && FUTURE_AFTER.test(after)) return 'weak-future';
  // A date opening a clause told in the past: a past-tense verb among the first words after it and
  // no word of the future in the rest of the clause ("In January, the company brought in a new chief").
  if (n <= 1) {
    const rest = CLAUSE_REST.exec(after)?.[0] ?? '';
    if (!FUTURE.test(rest) && hasPastVerb(wordsAfter(rest, 6))) return 'past';
  }
  return undefined;
}

/**
 * Where the words governing a date start: after the last quotation mark before it, when there is
 * one in its clause. The tense of a quotation is not that of the narration after it ("…will revisit
 * it," the paper wrote on Tuesday), and a date inside a quotation is governed by the quotation's words.
 */
function afterQuote(text: string, from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === 34 || c === 0x201c || c === 0x201d) return k + 1;
  }
  return from;
}

/** Verbs of a scheduled event in the third person present, which are not also plural nouns in news. */
const SCHEDULED_3SG = new Set(['meets', 'begins', 'resumes', 'arrives', 'travels', 'flies', 'convenes', 'reconvenes', 'testifies', 'expires', 'goes', 'departs']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those']);

/** Whether one of `words` is a scheduled verb in the present ({@link SCHEDULED_3SG}) with no past tense after it. */
function scheduledPresent(words: string[]): boolean {
  for (let k = words.length - 1; k >= 0; k--) {
    if (pastTenseAt(words, k)) return false;
    if (SCHEDULED_3SG.has(words[k]) && !DETERMINERS.has(words[k - 1] ?? '')) return true;
  }
  return false;
}

/** The rest of a clause after a date. */
const CLAUSE_REST = /^[^.;!?]{0,100}/;

/** Whether words[k] is a past tense: a past form that no "be" or modal right before makes a participle. */
function pastTenseAt(words: string[], k: number): boolean {
  return isPastVerb(words[k]) && !FUTURE.test(words[k]) && !MODAL_OR_BE.has(words[k - 1] ?? '');
}

/** Whether a word in the list is a past tense ({@link pastTenseAt}). */
function hasPastVerb(words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (pastTenseAt(words, k)) return true;
  return false;
}

/** Up to `max` words (letters and apostrophes), lower-cased, from the start of `text`. */
function wordsAfter(text: string, max: number): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z']+/g)) {
    out.push(m[0].toLowerCase());
    if (out.length >= max) break;
  }
  return out;
}

const isLower = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39;

/**
 * Where the clause holding offset `at` starts, at most 120 characters back: after a line break or
 * semicolon, or after the end of a sentence — a stop after a word's last letter and before a
 * capital ("said. Then"), not an abbreviation ("p.m. Friday", "Mr. Smith", "Jan. 5").
 */
function clauseStart(text: string, at: number): number {
  const min = Math.max(0, at - 120);
  for (let k = at - 1; k >= min; k--) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 59) return k + 1;
    if (c !== 46 && c !== 33 && c !== 63) continue;
    if (c === 46 && !(k >= 2 && isLower(text.charCodeAt(k - 1)) && isLower(text.charCodeAt(k - 2)))) continue;
    let j = k + 1;
    while (j < at && /["”’)]/.test(text[j])) j++;
    if (j >= at || !/\s/.test(text[j])) continue;
    while (j < at && /\s/.test(text[j])) j++;
    if (j < at && /["“‘(]/.test(text[j])) j++;
    if (j < at && isUpper(text.charCodeAt(j))) return j;
  }
  return min;
}

/** Up to `max` words (letters and apostrophes), lower-cased, that end before `to` and start at or after `from`, in text order. */
function wordsBefore(text: string, from: number, to: number, max: number): string[] {
  const out: string[] = [];
  let k = to - 1;
  while (out.length < max) {
    while (k >= from && !isLetter(text.charCodeAt(k))) k--;
    if (k < from) break;
    const e = k + 1;
    while (k >= from && isLetter(text.charCodeAt(k))) k--;
    out.push(text.slice(k + 1, e).toLowerCase());
  }
  return out.reverse();
}
