import data from '../data/name-model.generated.json';
import type { ExtractionContext } from '../context';
import { BITS, MAX_FEATURES, O, PER, TaggerInput } from './features';

export { LOC, O, ORG, PER } from './features';

/** The learned weights as shipped: bucket numbers (delta-coded) and int8 weights per label, base64. */
interface ModelData {
  bits: number;
  labels: string[];
  scale: number;
  buckets: string;
  weights: string;
}

/** Every label's weight for every bucket, in one array (bucket × 4 + label), as int8 times `scale`: 1 MB, read by the cache. */
class Model {
  readonly w: Int8Array;
  readonly scale: number;
  constructor(d: ModelData) {
    if (d.bits !== BITS || d.labels.length !== 4) throw new Error('name model: unexpected shape');
    this.w = new Int8Array((1 << BITS) * 4);
    this.scale = d.scale;
    const idx = decodeBase64(d.buckets);
    const ws = decodeBase64(d.weights);
    let b = 0;
    let at = 0;
    for (let k = 0; at < idx.length; k++) {
      // Unsigned LEB128 deltas.
      let delta = 0;
      let shift = 0;
      for (;;) {
        const byte = idx[at++];
        delta += (byte & 0x7f) * 2 ** shift;
        shift += 7;
        if (byte < 0x80) break;
      }
      b += delta;
      for (let l = 0; l < 4; l++) this.w[b * 4 + l] = (ws[k * 4 + l] << 24) >> 24;
    }
  }
}

function decodeBase64(s: string): Uint8Array {
  const table = new Int8Array(128).fill(-1);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < abc.length; i++) table[abc.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array((len * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    acc = (acc << 6) | table[s.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

let shared: Model | undefined;

/** What the tagger says of each token: its label (see {@link LABELS}) and by how much it beat the runner-up. */
export interface NameTags {
  label: Uint8Array;
  margin: Float32Array;
  /** The tokens the tagger labelled, in order (every other token is O). */
  tagged: Int32Array;
}

const tagsOf = new WeakMap<ExtractionContext, NameTags>();

/**
 * A learned tagger of names: labels each capitalised word (and the links inside names) as part of a
 * person's, a place's or an organisation's name, or none, reading left to right with the labels it
 * gave the words before. A linear model whose weights are learned at build time from annotated news
 * (scripts/build-name-model.mjs); deterministic, and computed once per document. The recognizers
 * consult it where their rules leave a name undecided.
 */
export function nameTags(ctx: ExtractionContext): NameTags {
  let tags = tagsOf.get(ctx);
  if (tags) return tags;
  const model = (shared ??= new Model(data as ModelData));
  const input = new TaggerInput(ctx);
  const n = ctx.tokens.length;
  tags = { label: new Uint8Array(n), margin: new Float32Array(n), tagged: input.tagged };
  const feats = new Int32Array(MAX_FEATURES);
  const w = model.w;
  let prev = O;
  let prevPrev = O;
  for (let p = 0; p < input.tagged.length; p++) {
    if (input.runStart[p] === p) prev = prevPrev = O;
    const k = input.features(p, prev, prevPrev, feats);
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let f = 0; f < k; f++) {
      const b = feats[f] * 4;
      s0 += w[b];
      s1 += w[b + 1];
      s2 += w[b + 2];
      s3 += w[b + 3];
    }
    let best = 0;
    let top = s0;
    if (s1 > top) [best, top] = [1, s1];
    if (s2 > top) [best, top] = [2, s2];
    if (s3 > top) [best, top] = [3, s3];
    let second = -Infinity;
    if (best !== 0 && s0 > second) second = s0;
    if (best !== 1 && s1 > second) second = s1;
    if (best !== 2 && s2 > second) second = s2;
    if (best !== 3 && s3 > second) second = s3;
    const t = input.tagged[p];
    tags.label[t] = best;
    tags.margin[t] = (top - second) * model.scale;
    prevPrev = prev;
    prev = best;
  }
  tagsOf.set(ctx, tags);
  return tags;
}

/**
 * How sure the tagger must be (its mean margin over a name) before a recognizer takes its word where
 * the rules say nothing: tuned on held-back training documents, so that a name it adds is right
 * far more often than not.
 */
export const MARGIN = {
  person: 25,
  place: 10,
  organization: 25,
  acronym: 8,
  /** A person's name the gazetteer also has as a place's ("Obama said"). */
  overridePlace: 40,
  /** How far the document's votes for a person's name must outweigh a place's to overrule one preposition ("between Peres and Arafat"). */
  personVote: 100,
  /** An organisation's name a rule would take for a person's ("Stagecoach said", "Brush Wellman said"). */
  vetoPerson: 45,
  vetoPersonName: 50,
};

/** A stretch of tokens [t0, t1) the tagger gave one label, and its mean margin. */
export interface NameChunk {
  t0: number;
  t1: number;
  label: number;
  margin: number;
}

const chunksOf = new WeakMap<ExtractionContext, NameChunk[]>();
const votesOf = new WeakMap<ExtractionContext, Map<string, Float64Array>>();
const NO_VOTES = new Float64Array(4);

/** The document's votes for each label of the name written `surface` (see {@link nameChunks}). */
export function votesFor(ctx: ExtractionContext, surface: string): Float64Array {
  nameChunks(ctx);
  return votesOf.get(ctx)?.get(surface) ?? NO_VOTES;
}

/**
 * The tagger's names, in text order: runs of tokens with one label, link words trimmed at their
 * edges. A name takes the label its writings in the document vote for, each by its margin (a full
 * name ending with a word votes for that word too: "Franz Fischler" for "Fischler"), so that "Manda
 * Bay" in a headline is the place the body of the text names.
 */
export function nameChunks(ctx: ExtractionContext): NameChunk[] {
  let out = chunksOf.get(ctx);
  if (out) return out;
  const { label, margin, tagged } = nameTags(ctx);
  const toks = ctx.tokens;
  out = [];
  for (let p = 0; p < tagged.length; p++) {
    const t = tagged[p];
    const l = label[t];
    if (l === O) continue;
    let e = t + 1;
    while (e < toks.length && label[e] === l && toks[e].start - toks[e - 1].end <= 1) e++;
    let a = t;
    let b = e;
    while (a < b && !toks[a].cap && !ctx.nameish[a]) a++;
    while (b > a && !toks[b - 1].cap && !ctx.nameish[b - 1]) b--;
    if (b > a) {
      let sum = 0;
      for (let k = a; k < b; k++) sum += margin[k];
      out.push({ t0: a, t1: b, label: l, margin: sum / (b - a) });
    }
    while (p + 1 < tagged.length && tagged[p + 1] < e) p++;
  }
  const votes = new Map<string, Float64Array>();
  const vote = (key: string, label: number, m: number): void => {
    let v = votes.get(key);
    if (!v) votes.set(key, (v = new Float64Array(4)));
    v[label] += m;
  };
  const keyOf = (c: NameChunk): string => ctx.text.slice(toks[c.t0].start, toks[c.t1 - 1].end);
  for (const c of out) {
    vote(keyOf(c), c.label, c.margin);
    if (c.t1 - c.t0 > 1 && c.label === PER) vote(toks[c.t1 - 1].text, PER, c.margin);
  }
  for (const c of out) {
    const v = votes.get(keyOf(c)) as Float64Array;
    let best = c.label;
    for (let l = 1; l < 4; l++) if (v[l] > v[best]) best = l;
    if (best !== c.label) {
      c.margin = Math.min(c.margin, v[best] - v[c.label]);
      c.label = best;
    }
  }
  chunksOf.set(ctx, out);
  votesOf.set(ctx, votes);
  return out;
}

/** The chunk with this label covering token t, if any. */
export function chunkAt(ctx: ExtractionContext, t: number, label: number): NameChunk | undefined {
  const cs = nameChunks(ctx);
  let lo = 0;
  let hi = cs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cs[mid].t1 <= t) lo = mid + 1;
    else hi = mid;
  }
  const c = cs[lo];
  return c && c.t0 <= t && t < c.t1 && c.label === label ? c : undefined;
}
