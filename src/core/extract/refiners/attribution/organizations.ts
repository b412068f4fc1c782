import type { Referent } from '../../context';
import { CAPITAL_STOPWORDS as CAPITAL_WORDS, ROLES } from '../../lexicon';
import { isCommonNounAlone } from '../../recognizers/wordClasses';
import type { AttributionState } from './AttributionState';

/*
 * Organisations as speakers: a named organisation found as a subject, and, once a quotation is
 * credited to it, every writing of its name (and of its bracketed acronym) made a mention.
 */

/** A named organisation credited with a quotation is a speaker: each writing of its name becomes a mention. */
export function orgSpeaker(st: AttributionState, r: Referent): void {
  const ctx = st.ctx;
  if (r.t0 === undefined || r.t1 === undefined) return;
  markOrgName(st, r, r.t0, r.t1);
  // "The African Union Mission in Somalia (AMISOM)": the acronym in brackets is the same speaker.
  const acronym = /^\s*\(\s*([A-Z][A-Za-z0-9.-]*[A-Z0-9])\s*\)/.exec(ctx.text.slice(ctx.tokens[r.t1 - 1].end, ctx.tokens[r.t1 - 1].end + 20));
  if (acronym) {
    const t = ctx.tokenAt(ctx.text.indexOf(acronym[1], ctx.tokens[r.t1 - 1].end));
    const entity = ctx.entities.get(r.key);
    if (entity && !entity.forms.includes(acronym[1])) entity.forms.push(acronym[1]);
    if (t < ctx.tokens.length && ctx.tokens[t].text === acronym[1]) markOrgName(st, r, t, t + 1);
  }
}

/** Each writing of tokens [t0, t1) outside other mentions becomes a mention of the organisation r. */
function markOrgName(st: AttributionState, r: Referent, t0: number, t1: number): void {
  const ctx = st.ctx;
  const name = ctx.text.slice(ctx.tokens[t0].start, ctx.tokens[t1 - 1].end);
  const width = t1 - t0;
  for (let t = 0; t + width <= ctx.tokens.length; t++) {
    if (ctx.tokens[t].text !== ctx.tokens[t0].text) continue;
    if (ctx.text.slice(ctx.tokens[t].start, ctx.tokens[t + width - 1].end) !== name) continue;
    let free = true;
    for (let k = t; k < t + width; k++) if (ctx.tokenMention[k] >= 0) free = false;
    if (!free) continue;
    ctx.candidates.push({ start: ctx.tokens[t].start, end: ctx.tokens[t + width - 1].end, kind: 'org', t0: t, t1: t + width, key: r.key, name, priority: 2 });
  }
  ctx.candidates.sort((a, b) => a.start - b.start);
  ctx.indexMentions();
}

/**
 * A named organisation ending at or just before token k: a recognised organisation name or a
 * capitalised name that is neither a person nor a place ("Amaq, the group's news agency, said").
 */
export function orgAt(st: AttributionState, k: number, s0: number): Referent | null {
  const ctx = st.ctx;
  const org = ctx.orgs.find((o) => o.t0 <= k && k < o.t1);
  let t0: number;
  let t1: number;
  if (org) [t0, t1] = [org.t0, org.t1];
  else {
    const t = ctx.tokens[k];
    if (!t?.cap || ctx.tokenMention[k] >= 0 || CAPITAL_WORDS.has(t.lower) || ROLES.has(t.lower)) return null;
    t1 = k + 1;
    t0 = k;
    while (t0 > s0 && ctx.joined(t0 - 1) && ctx.tokens[t0 - 1].cap && ctx.tokenMention[t0 - 1] < 0) t0--;
    if (CAPITAL_WORDS.has(ctx.tokens[t0].lower)) t0++;
    if (t0 >= t1 || (t1 - t0 === 1 && isCommonNounAlone(ctx, t0))) return null;
  }
  const name = ctx.text.slice(ctx.tokens[t0].start, ctx.tokens[t1 - 1].end);
  const key = `organization:${name.toLowerCase()}`;
  if (!ctx.entities.has(key)) ctx.entities.set(key, { key, type: 'organization', name, forms: [name] });
  return { key, kind: 'org', t0, t1 };
}
