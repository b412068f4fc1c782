import { credit, type AttributionState } from './AttributionState';
import { NOBODY } from './quotations';

/** After a label's name: an optional ", Outlet", then the colon. */
const AFTER_LABEL = /^(?:,[^:\n]{1,40})?:\s/;

/**
 * Labelled turns ("FINCH: …", "Sen. Laura Finch, WDTN: “…”", see ../../recognizers/SpeakerLabelRecognizer):
 * a person mention opening a line and followed by a colon speaks that line. The person is credited
 * with speech, and the line's quotations the rules left without a speaker are theirs.
 */
export function creditLabels(st: AttributionState): void {
  const ctx = st.ctx;
  let qi = 0;
  for (const para of ctx.paragraphs) {
    const t0 = ctx.tokenAt(para.start);
    const m = ctx.mentionAt(t0);
    if (m?.kind !== 'person' || m.t0 !== t0 || !m.key || !AFTER_LABEL.test(ctx.text.slice(m.end, Math.min(para.end, m.end + 44)))) continue;
    credit(st, t0, { key: m.key, kind: 'person' });
    while (qi < ctx.quoteSpans.length && ctx.quoteSpans[qi].start < para.start) qi++;
    for (let k = qi; k < ctx.quoteSpans.length && ctx.quoteSpans[k].start < para.end; k++) {
      if (ctx.quotes[k].speaker !== null || ctx.quoteVerbs[k] === NOBODY) continue;
      ctx.quotes[k].speaker = m.key;
      ctx.quoteVerbs[k] = t0;
    }
  }
}
