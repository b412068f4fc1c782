import type { ExtractionContext } from './context';
import { ADDRESS_VERBS, AUDIENCES, OBJECT_VERBS, ORG_HEADS, PASSIVE, PHRASAL_SPEECH, QUOTE_VERBS, RECORDING_NOUNS, SPEECH_VERBS, WRITE_VERBS } from './lexicon';

const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'these', 'those', 'our', 'my', 'your', 'this', 'that', 'such', 'no', 'any', 'some', 'whose']);

/**
 * Whether token i is a verb crediting speech to its subject ("said", "called on", "talks of").
 * Nouns spelled like verbs ("his remarks", "the group's claims") are not.
 */
export function isSpeechVerb(ctx: ExtractionContext, i: number): boolean {
  if (i < 0 || i >= ctx.tokens.length) return false;
  let v = ctx.speechVerb[i];
  if (v === 0) {
    v = speechVerb(ctx, i) ? 1 : 2;
    ctx.speechVerb[i] = v;
  }
  return v === 1;
}

function speechVerb(ctx: ExtractionContext, i: number): boolean {
  const t = ctx.tokens[i];
  if (!t || t.num) return false;
  const phrasal = PHRASAL_SPEECH.get(t.lower);
  if (phrasal) {
    const next = ctx.tokens[i + 1];
    if (!next || !phrasal.has(next.lower)) return false;
  } else if (WRITE_VERBS.has(t.lower)) {
    if (!writesWords(ctx, i)) return false;
  } else if (ADDRESS_VERBS.has(t.lower)) {
    if (!addressesAudience(ctx, i)) return false;
  } else if (!SPEECH_VERBS.has(t.lower)) return false;
  // "self-declared", "self-proclaimed": adjectives.
  if (i > 0 && ctx.tokens[i - 1].end === t.start - 1 && ctx.text[t.start - 1] === '-') return false;
  if (t.cap) {
    // Capitalised only at the start of a sentence, or after a name in a headline ("Clinton Says …");
    // a capitalised "Said" elsewhere is a name.
    const [s0, s1] = ctx.sentenceTokens[ctx.sentenceOf[i]] ?? [0, 0];
    if (s0 !== i && !(i > s0 && ctx.tokens[i - 1].cap && ctx.joined(i - 1) && titleCase(ctx, s0, s1))) return false;
  }
  const prev = ctx.tokens[i - 1];
  if (prev && NOUN_DETERMINERS.has(prev.lower) && ctx.sentenceOf[i - 1] === ctx.sentenceOf[i]) return false;
  // "describing talk of negotiations": right after another verb, the word is its object.
  if (phrasal && prev && ctx.joined(i - 1) && (SPEECH_VERBS.has(prev.lower) || QUOTE_VERBS.has(prev.lower) || OBJECT_VERBS.has(prev.lower))) return false;
  if (prev && /['’]s\s*$/.test(ctx.gap(i - 1))) return false;
  // "a giddy tweet", "his latest remarks", "some positive comments": a noun after a determiner and an adjective.
  if (prev && NOUN_FORMS.has(t.lower) && i > 1 && NOUN_DETERMINERS.has(ctx.tokens[i - 2].lower) && ADJECTIVE.test(prev.lower) && !prev.cap && ctx.joined(i - 2) && ctx.joined(i - 1)) return false;
  return true;
}

/**
 * "wrote that …", "wrote to the Council", "wrote on X that …", "wrote in a letter that …": writing
 * that reports words. Not "wrote a book", "wrote the song".
 */
function writesWords(ctx: ExtractionContext, i: number): boolean {
  const toks = ctx.tokens;
  const next = toks[i + 1];
  if (!next || !ctx.joined(i)) return false;
  if (next.lower === 'that') return true;
  if (next.lower === 'to') return !!toks[i + 2] && ctx.joined(i + 1) && (toks[i + 2].cap || DEFINITE_OR_POSSESSIVE.has(toks[i + 2].lower));
  if (next.lower !== 'on' && next.lower !== 'in') return false;
  // The place it was written, then what: "on Telegram that", "in a letter to the minister that".
  for (let j = i + 2; j < Math.min(toks.length, i + 10) && ctx.joined(j - 1); j++) if (toks[j].lower === 'that') return j > i + 2;
  return false;
}

const DEFINITE_OR_POSSESSIVE = new Set(['the', 'his', 'her', 'their', 'its', 'a']);

/** "addressed the Security Council", "addressed reporters", "addressed a rally": speaking to an audience. Not "addressed the problem", "addressed the Ukraine crisis". */
function addressesAudience(ctx: ExtractionContext, i: number): boolean {
  const toks = ctx.tokens;
  let j = i + 1;
  if (!toks[j] || !ctx.joined(i)) return false;
  if (DEFINITE_OR_POSSESSIVE.has(toks[j].lower)) j++;
  const w = toks[j];
  if (!w || !ctx.joined(j - 1)) return false;
  if (AUDIENCES.has(w.lower)) return true;
  // A body named in capitals: its words up to a head that names a body ("the Security Council", "the General Assembly").
  for (let k = j; k < Math.min(toks.length, j + 5) && toks[k].cap; k++) {
    if (ORG_HEADS.has(toks[k].lower)) return true;
    if (!ctx.joined(k)) break;
  }
  return false;
}

/** Forms of speech verbs that are also nouns ("comments", "a tweet"). */
const NOUN_FORMS = new Set(['tweet', 'tweets', 'comment', 'comments', 'remark', 'remarks', 'claim', 'claims', 'promise', 'promises', 'pledge', 'pledges', 'vow', 'vows', 'demand', 'demands', 'warning', 'warnings', 'answer', 'answers', 'reply', 'replies', 'appeal', 'appeals', 'order', 'orders', 'charge', 'charges', 'threat', 'boast', 'boasts', 'statement', 'denial', 'note', 'notes', 'quip', 'quips']);
/** Endings of adjectives between a determiner and a noun ("latest", "positive", "giddy", "angry", "public"). */
const ADJECTIVE = /(?:est|ive|ous|ful|ic|al|y|ed|less|ent|ant|ible|able)$/;

/** Whether the speech verb at i is a participle or gerund ("saying", "calling on"): its subject is the clause's. */
export function isParticiple(ctx: ExtractionContext, i: number): boolean {
  return ctx.tokens[i].lower.endsWith('ing');
}

/** Whether tokens i, i+1 are "according to". */
export function isAccordingTo(ctx: ExtractionContext, i: number): boolean {
  return ctx.tokens[i].lower === 'according' && ctx.tokens[i + 1]?.lower === 'to';
}

/** "issued an audio tape", "released a new message": a recording verb whose object is a recording. */
export function takesRecording(ctx: ExtractionContext, i: number): boolean {
  const toks = ctx.tokens;
  if (PASSIVE.has(toks[i - 1]?.lower ?? '')) return false;
  for (let j = i + 1; j < Math.min(toks.length, i + 5); j++) {
    if (RECORDING_NOUNS.has(toks[j].lower)) return true;
    if (/[.;:,]/.test(ctx.gap(j - 1))) return false;
  }
  return false;
}

/** Whether tokens [s0, s1) are written in Title Case, as headlines are: most words of three letters or more capitalised. */
function titleCase(ctx: ExtractionContext, s0: number, s1: number): boolean {
  let words = 0;
  let caps = 0;
  for (let k = s0; k < s1; k++) {
    const w = ctx.tokens[k];
    if (w.num || w.text.length < 3) continue;
    words++;
    if (w.cap) caps++;
  }
  return words >= 3 && caps >= 0.8 * words;
}
