import type { ExtractionContext } from '../../context';
import { ASKING_VERBS, AUXILIARIES } from '../../lexicon';
import { credit, type AttributionState } from './AttributionState';

/** After a label's name: an optional ", Outlet" or "(Outlet)", then the colon. */
const AFTER_LABEL = /^(?:,[^:\n]{1,40}|\s*\([^)\n]{1,40}\))?:\s/;

/** The label of a question from the floor, which names nobody: "Q:", "QUESTION:". */
const QUESTION_LABEL = /^(?:Q|QUESTION|Question)\s*:\s/;

/** After an asker's name: the outlet they introduce themselves by ("…, Defense Wire."). */
const AFTER_ASKER = /^,\s+(?:the\s+)?[A-Z][^.,:;?!\n]{0,50}[.?]/;

/**
 * "Q: Thanks. Lara Okonjo, Defense Wire. …": a question from the floor whose asker opens a sentence
 * of it with their name and outlet; the asker is credited with speech.
 */
function creditAsker(st: AttributionState, start: number, end: number): void {
  const ctx = st.ctx;
  const limit = Math.min(end, start + 120);
  for (let t = ctx.tokenAt(start); t < ctx.tokens.length && ctx.tokens[t].start < limit; t++) {
    const m = ctx.mentionAt(t);
    if (m?.kind !== 'person' || m.t0 !== t || !m.key) continue;
    const before = ctx.text.slice(start, m.start);
    if (/[.:!?]\s+$/.test(before) && AFTER_ASKER.test(ctx.text.slice(m.end, Math.min(end, m.end + 60)))) credit(st, t, { key: m.key, kind: 'person' });
    return;
  }
}

/**
 * Labelled turns ("FINCH: …", "Sen. Laura Finch, WDTN: “…”", see ../../recognizers/SpeakerLabelRecognizer):
 * a person mention opening a line and followed by a colon speaks that line. The person is credited
 * with speech, and the line's quotations the rules left without a speaker are theirs.
 */
export function creditLabels(st: AttributionState): void {
  const ctx = st.ctx;
  let qi = 0;
  // Who answers the "A:" turns of an interview: the person credited with speech most often before the first.
  let interviewee: string | null | undefined;
  for (const para of ctx.paragraphs) {
    if (QUESTION_LABEL.test(ctx.text.slice(para.start, para.start + 12))) {
      creditAsker(st, para.start, para.end);
      continue;
    }
    const t0 = ctx.tokenAt(para.start);
    let key: string;
    let answer = false;
    if (ANSWER_LABEL.test(ctx.text.slice(para.start, para.start + 10))) {
      if (interviewee === undefined) interviewee = mostCredited(st);
      if (interviewee === null) continue;
      key = interviewee;
      answer = true;
    } else {
      const m = ctx.mentionAt(t0);
      if (m?.kind !== 'person' || m.t0 !== t0 || !m.key || !AFTER_LABEL.test(ctx.text.slice(m.end, Math.min(para.end, m.end + 44)))) continue;
      credit(st, t0, { key: m.key, kind: 'person' });
      key = m.key;
    }
    while (qi < ctx.quoteSpans.length && ctx.quoteSpans[qi].start < para.start) qi++;
    for (let k = qi; k < ctx.quoteSpans.length && ctx.quoteSpans[k].start < para.end; k++) {
      // Quotations with no speech verb (in a named turn), or one whose subject is the turn's own "I" ("I call it “…”").
      const v = ctx.quoteVerbs[k];
      if (ctx.quotes[k].speaker !== null || (v === -1 ? answer : !(v >= 0 && saidByI(st, v)))) continue;
      ctx.quotes[k].speaker = key;
      ctx.quoteVerbs[k] = v >= 0 ? v : t0;
    }
  }
}

/** The label of an answer in an interview, which names nobody: "A:", "ANSWER:". */
const ANSWER_LABEL = /^(?:A|ANSWER|Answer)\s*:\s/;


/** The person credited with speech most often so far, by verbs other than of asking (the interviewer's); null when none is. */
function mostCredited(st: AttributionState): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null;
  let n = 0;
  for (const [t, r] of st.verbSubject) {
    if (r?.kind !== 'person' || ASKING_VERBS.has(st.ctx.tokens[t].lower)) continue;
    const c = (counts.get(r.key) ?? 0) + 1;
    counts.set(r.key, c);
    if (c > n) [best, n] = [r.key, c];
  }
  return best;
}

/** Whether the subject of the speech verb at v is "I" ("I call it", "I would say", "as I told them"). */
function saidByI(st: AttributionState, v: number): boolean {
  const toks = st.ctx.tokens;
  let t = v - 1;
  while (t >= 0 && v - t <= 3 && AUXILIARIES.has(toks[t].lower)) t--;
  return toks[t]?.text === 'I';
}

/** Whether the paragraph holding token t is a turn opened by a person's label ("SIDDIQUI: …"). */
export function inLabelledTurn(ctx: ExtractionContext, t: number): boolean {
  const para = ctx.paragraphs[ctx.paragraphOfSentence[ctx.sentenceOf[t]]];
  if (!para) return false;
  const m = ctx.mentionAt(ctx.tokenAt(para.start));
  return m?.kind === 'person' && m.start === para.start && AFTER_LABEL.test(ctx.text.slice(m.end, Math.min(para.end, m.end + 44)));
}
