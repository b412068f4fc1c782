import type { Refiner } from '../configuration';
import type { ExtractionContext, Referent } from '../context';
import model from '../data/attribution.generated.json';
import { AttributionState } from './attribution/AttributionState';
import { orgAt, orgSpeaker } from './attribution/organizations';
import { inLabelledTurn } from './attribution/labels';
import { NOBODY } from './attribution/quotations';
import { CANDIDATE_FEATURES, F, G, NONE_FEATURES, SpeakerCandidates } from './attribution/speakerCandidates';
import { standsAlone } from './FollowOnQuoteRefiner';

/**
 * Weights of the speaker choice, by feature name: learned from annotated news by
 * scripts/train-attribution.mjs (a conditional logistic regression over each quotation's candidates).
 */
export interface SpeakerModel {
  candidate: Record<string, number>;
  none: Record<string, number>;
}

/** What {@link SpeakerChoiceRefiner} lets an observer see of each quotation (to train a model). */
export type SpeakerChoiceObserver = (ctx: ExtractionContext, qi: number, candidates: SpeakerCandidates) => void;

/**
 * Chooses each quotation's speaker among its candidates (see ./attribution/speakerCandidates.ts):
 * the rules' answer, the persons, organisations and unnamed sources written or credited with speech
 * nearby, or nobody. Each candidate's score is a weighted sum of its features; the highest wins.
 * Quotations are taken in reading order, so a follow-on sees the choice made for the one before.
 */
export class SpeakerChoiceRefiner implements Refiner {
  private readonly w = new Float64Array(F);
  private readonly v = new Float64Array(G);

  /**
   * `weights`: the model (the one shipped by default); `observe`: called for each quotation before
   * the choice; `apply`: false to leave the rules' answers as they are (an observer's view of them).
   */
  constructor(weights: SpeakerModel = model, private readonly observe?: SpeakerChoiceObserver, private readonly apply = true) {
    CANDIDATE_FEATURES.forEach((n, i) => (this.w[i] = weights.candidate[n] ?? 0));
    NONE_FEATURES.forEach((n, i) => (this.v[i] = weights.none[n] ?? 0));
  }

  refine(ctx: ExtractionContext): void {
    if (ctx.quoteSpans.length === 0) return;
    let cands: SpeakerCandidates | undefined;
    let st: AttributionState | undefined;
    let changed = false;
    for (let qi = 0; qi < ctx.quoteSpans.length; qi++) {
      // What the rules decide needs no candidates (unless someone watches).
      const decided = decidedByRules(ctx, qi);
      if (decided && (this.apply || !this.observe)) continue;
      cands ??= new SpeakerCandidates(ctx);
      cands.forQuote(qi, standsAlone(ctx, qi));
      this.observe?.(ctx, qi, cands);
      if (!this.apply || decided) continue;
      let best = -1;
      let bestScore = 0;
      for (let g = 0; g < G; g++) bestScore += this.v[g] * cands.none[g];
      for (let k = 0; k < cands.n; k++) {
        let s = 0;
        for (let f = 0, row = k * F; f < F; f++) s += this.w[f] * cands.x[row + f];
        if (s > bestScore) [best, bestScore] = [k, s];
      }
      const chosen = best < 0 ? null : cands.refs[best];
      if ((chosen?.key ?? null) === ctx.quotes[qi].speaker) continue;
      if (!chosen) ctx.quotes[qi].speaker = null;
      else ctx.quotes[qi].speaker = this.speaker(ctx, chosen, (st ??= new AttributionState(ctx))) ?? ctx.quotes[qi].speaker;
      changed = true;
    }
    if (changed) dropSilentOrganizations(ctx);
  }

  /** Makes r a speaker of the document: a person is typed so, an organisation's names become mentions. */
  private speaker(ctx: ExtractionContext, r: Referent, st: AttributionState): string | null {
    if (r.kind === 'person') {
      const p = ctx.persons.get(r.key);
      if (p) p.speaker = true;
    } else if (r.kind === 'org') {
      if (r.t0 === undefined) return ctx.entities.has(r.key) ? r.key : null;
      const org = ctx.entities.has(r.key) ? r : orgAt(st, r.t0, r.t0);
      if (!org) return null;
      orgSpeaker(st, org);
      return org.key;
    }
    return r.key;
  }
}

/** Organisations are mentions only as speakers of a quotation: those the choice took their quotations from are not. */
function dropSilentOrganizations(ctx: ExtractionContext): void {
  const quoted = new Set<string>();
  for (const q of ctx.quotes) if (q.speaker) quoted.add(q.speaker);
  const kept = ctx.candidates.filter((c) => c.kind !== 'org' || (c.key !== undefined && quoted.has(c.key)));
  if (kept.length === ctx.candidates.length) return;
  ctx.candidates = kept;
  ctx.indexMentions();
}

/**
 * Whether the rules' answer for quotation qi stands whatever the model says, as the definition
 * decides it (ENTITIES.md: quotations): titles, so-called terms and the words of a thing are
 * nobody's, and a named person the rules credit is the speaker — as the subject of the innermost
 * speech verb governing the quotation, as the speaker a follow-on quotation continues, or as the
 * label of its line. The model chooses where the rules give nobody, an unnamed source or an organisation,
 * except inside a labelled turn, where a speech verb of the quotation's own sentence decides.
 */
export function decidedByRules(ctx: ExtractionContext, qi: number): boolean {
  const speaker = ctx.quotes[qi].speaker;
  if (ctx.quoteVerbs[qi] === NOBODY || (speaker !== null && ctx.persons.has(speaker))) return true;
  // In a labelled turn the label relays what others said: a quotation with a speech verb of its
  // own sentence is that verb's subject's, not the label's ("SIDDIQUI: The ministry said … “…”").
  const v = ctx.quoteVerbs[qi];
  return speaker !== null && v >= 0 && ctx.sentenceOf[v] === ctx.sentenceOf[ctx.tokenAt(ctx.quoteSpans[qi].start)] && inLabelledTurn(ctx, v);
}
