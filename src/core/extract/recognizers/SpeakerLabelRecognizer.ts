import { foldWord, nameWords } from '../../entities/names';
import type { Recognizer } from '../configuration';
import type { ExtractionContext } from '../context';
import { CAPITAL_STOPWORDS } from '../lexicon';

/** A label: a line's first words, capitalised or in capitals, then an optional ", Outlet", then a colon. */
const LABEL = /^((?:[A-Z][\p{L}.'’-]*\s+){0,3}[A-Z][\p{L}'’-]*)(?:,[^:\n]{1,40})?:\s/u;

/**
 * Labels of turns in a transcript or an exchange ("FINCH: We will …", "Sen. Finch, WDTN: “…”"): a
 * label naming by surname a person the document names elsewhere is a mention of that person, in
 * capitals too (the person is then credited with speech by attribution). "Q:" and "A:" name nobody.
 */
export class SpeakerLabelRecognizer implements Recognizer {
  recognize(ctx: ExtractionContext): void {
    if (ctx.persons.size === 0) return;
    const text = ctx.text;
    let bySurname: Map<string, string> | undefined;
    for (const para of ctx.paragraphs) {
      const c = text.charCodeAt(para.start);
      if (c < 65 || c > 90) continue;
      // Most lines have no colon near their start: found without copying or matching the line.
      const end = Math.min(para.end, para.start + 80);
      let colon = para.start;
      while (colon < end && text.charCodeAt(colon) !== 58) colon++;
      if (colon === end) continue;
      const m = LABEL.exec(text.slice(para.start, end));
      if (!m) continue;
      // "After Baghdadi: …" is a headline, not a label: every word of a label is part of a name.
      if (m[1].split(/\s+/).some((w) => CAPITAL_STOPWORDS.has(w.toLowerCase()))) continue;
      bySurname ??= surnames(ctx);
      const words = nameWords(m[1]).map(foldWord);
      const key = bySurname.get(words[words.length - 1] ?? '');
      if (!key) continue;
      const t0 = ctx.tokenAt(para.start);
      const t1 = ctx.tokenAt(para.start + m[1].length);
      if (t1 <= t0 || ctx.blocked[t0]) continue;
      ctx.candidates.push({ start: ctx.tokens[t0].start, end: ctx.tokens[t1 - 1].end, kind: 'person', t0, t1, key, priority: 6 });
    }
  }
}

/** Each person's folded surname, to the person's key; a surname two persons share names neither. */
function surnames(ctx: ExtractionContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of ctx.persons.values()) {
    const w = nameWords(p.name).map(foldWord);
    const last = w[w.length - 1];
    if (!last) continue;
    out.set(last, out.has(last) && out.get(last) !== p.key ? '' : p.key);
  }
  return out;
}
