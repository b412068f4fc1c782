import type { DocumentDate, MentionType } from '../model';
import { paragraphs, sentences } from '../text/sentences';
import type { Span } from '../text/spans';
import { tokenize, type Token } from '../text/tokens';
import { isNameParticle } from './recognizers/wordClasses';
import type { DocumentAnalysis, LocalEntity, LocalQuote } from './types';

/** What a recognizer proposes: a typed span over whole tokens, before overlaps are resolved. */
export interface Candidate extends Span {
  kind: 'person' | 'place' | 'date' | 'org';
  /** Index of the first and one past the last token covered. */
  t0: number;
  t1: number;
  /** Entity key for persons and places; date and org candidates get theirs later. */
  key?: string;
  value?: string;
  /** For places: the gazetteer's canonical name. */
  name?: string;
  /** Higher wins when candidates overlap. */
  priority: number;
  /** For org candidates: the name of an event ("Battle of Mosul"), which blocks like an organisation but is no mention. */
  event?: boolean;
  /** For org candidates: an agency credited at a dateline or caption ("ERBIL (Kurdistan 24) –"), the text's author rather than a voice in it, or a platform words are published on ("on Twitter"). */
  credit?: boolean;
}

/** A person entity being built: its name forms as token-lists, and the role words around it. */
export interface PersonRecord {
  key: string;
  name: string;
  forms: Set<string>;
  roles: Set<string>;
  speaker: boolean;
}

/** Who a speech verb or quotation is credited to. */
export type Referent = { key: string; kind: 'person' | 'source' | 'org'; t0?: number; t1?: number };

/**
 * The state one document's extraction builds up, shared by the recognizers and refiners of a
 * configuration (./configuration.ts) in order: tokens and sentences (made here), candidates and quotation spans
 * (recognizers), accepted mentions and organisations (overlap removal), speakers of quotations and
 * speaking persons (attribution), mention types, and last the analysis.
 */
export class ExtractionContext {
  readonly tokens: Token[];
  /** Where each token starts, for binary search. */
  private readonly tokenStarts: Int32Array;
  readonly paragraphs: Span[];
  readonly sentences: Span[];
  /** For each token, the index of its sentence. */
  readonly sentenceOf: Int32Array;
  /** For each sentence, the index of its first token and one past its last. */
  readonly sentenceTokens: Array<[number, number]>;
  /** For each sentence, its paragraph. */
  readonly paragraphOfSentence: Int32Array;
  candidates: Candidate[] = [];
  /** For each token, the index into {@link candidates} of the accepted mention covering it, or -1. */
  tokenMention: Int32Array;
  /** For each token, 1 when it may be part of a name: capitalised, or a name particle ("al-Baghdadi", "bin"). */
  readonly nameish: Uint8Array;
  /** Tokens inside organisation names: no person or place is recognized there. */
  readonly blocked: Uint8Array;
  /** Cache of speech-verb tests per token: 0 unknown, 1 yes, 2 no. */
  readonly speechVerb: Uint8Array;
  readonly persons = new Map<string, PersonRecord>();
  readonly entities = new Map<string, LocalEntity>();
  quotes: LocalQuote[] = [];
  /** Organisation (and event) names kept by overlap removal; organisations become mentions after attribution. */
  orgs: Candidate[] = [];
  quoteSpans: Span[] = [];
  /** Who each speech verb credits, by the verb's token; null when it has no subject (attribution). */
  readonly verbSubjects = new Map<number, Referent | null>();
  /** For each quotation, the token of the speech verb that introduces or governs it, or -1 (attribution). */
  quoteVerbs = new Int32Array(0);
  documentDate: DocumentDate | undefined;
  /** The mention type of each accepted candidate, in order (speaker typing). */
  types: MentionType[] = [];
  /** What the extraction returns, once assembled from the above. */
  analysis: DocumentAnalysis | undefined;
  private sourceCount = 0;
  private quoteTokens: Uint8Array | undefined;

  constructor(readonly text: string) {
    this.tokens = tokenize(text);
    const n = this.tokens.length;
    // The per-token arrays share one buffer (one allocation instead of six): three of 32-bit integers, then three of bytes.
    const buffer = new ArrayBuffer(15 * n);
    this.tokenStarts = new Int32Array(buffer, 0, n);
    this.sentenceOf = new Int32Array(buffer, 4 * n, n);
    this.tokenMention = new Int32Array(buffer, 8 * n, n).fill(-1);
    this.blocked = new Uint8Array(buffer, 12 * n, n);
    this.nameish = new Uint8Array(buffer, 13 * n, n);
    this.speechVerb = new Uint8Array(buffer, 14 * n, n);
    for (let i = 0; i < this.tokens.length; i++) this.tokenStarts[i] = this.tokens[i].start;
    this.paragraphs = paragraphs(text);
    this.sentences = [];
    const paraOf: number[] = [];
    this.paragraphs.forEach((p, i) => {
      for (const s of sentences(text, p)) {
        this.sentences.push(s);
        paraOf.push(i);
      }
    });
    this.paragraphOfSentence = new Int32Array(paraOf);
    this.sentenceTokens = [];
    let t = 0;
    for (let s = 0; s < this.sentences.length; s++) {
      const sent = this.sentences[s];
      while (t < this.tokens.length && this.tokens[t].start < sent.start) this.sentenceOf[t++] = Math.max(0, s - 1);
      const first = t;
      while (t < this.tokens.length && this.tokens[t].start < sent.end) this.sentenceOf[t++] = s;
      this.sentenceTokens.push([first, t]);
    }
    while (t < this.tokens.length) this.sentenceOf[t++] = Math.max(0, this.sentences.length - 1);
    for (let i = 0; i < this.tokens.length; i++) if ((this.tokens[i].cap && !isFirstPersonContraction(this.tokens[i].lower)) || isNameParticle(this.tokens[i], this.tokens[i + 1])) this.nameish[i] = 1;
  }

  /** The text between two adjacent tokens (punctuation and spaces). */
  gap(i: number): string {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    if (!a || !b) return '';
    return this.text.slice(a.end, b.start);
  }

  /** True when tokens i and i+1 are separated by exactly one space. */
  joined(i: number): boolean {
    const a = this.tokens[i];
    const b = this.tokens[i + 1];
    return !!a && !!b && b.start === a.end + 1 && (this.text[a.end] === ' ' || this.text[a.end] === '\u00a0');
  }

  /**
   * Index of the first token starting at or after `offset`. Words spread evenly over a text: the
   * search starts where the offset's share of the text puts it, widens by doubling steps to a
   * stretch holding the answer (a step or two), and halves that.
   */
  tokenAt(offset: number): number {
    const starts = this.tokenStarts;
    const n = starts.length;
    if (n === 0) return 0;
    const guess = Math.min(n - 1, Math.max(0, Math.floor((offset / Math.max(1, this.text.length)) * n) || 0));
    let lo: number;
    let hi: number;
    if (starts[guess] < offset) {
      lo = guess + 1;
      let probe = lo;
      for (let step = 1; probe < n && starts[probe] < offset; step *= 2) {
        lo = probe + 1;
        probe += step;
      }
      hi = Math.min(probe, n);
    } else {
      hi = guess;
      let probe = guess - 1;
      for (let step = 1; probe >= 0 && starts[probe] >= offset; step *= 2) {
        hi = probe;
        probe -= step;
      }
      lo = Math.max(probe + 1, 0);
    }
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The accepted mention candidate covering token i, if any. */
  mentionAt(i: number): Candidate | undefined {
    const m = i >= 0 && i < this.tokenMention.length ? this.tokenMention[i] : -1;
    return m >= 0 ? this.candidates[m] : undefined;
  }

  /** A new anonymous source ("a U.S. official") local to this document, described by tokens [t0, t1) when given. */
  newSource(description: string, t0?: number, t1?: number): Referent {
    const key = `source:${++this.sourceCount}`;
    this.entities.set(key, { key, type: 'source', name: description, forms: [description] });
    return t0 === undefined ? { key, kind: 'source' } : { key, kind: 'source', t0, t1 };
  }

  /** 1 for each token inside a quotation, read once the quotations are recognized. */
  inQuotation(): Uint8Array {
    if (!this.quoteTokens) {
      const toks = this.tokens;
      this.quoteTokens = new Uint8Array(toks.length);
      for (const q of this.quoteSpans) for (let t = this.tokenAt(q.start); t < toks.length && toks[t].end <= q.end; t++) this.quoteTokens[t] = 1;
    }
    return this.quoteTokens;
  }

  /** Rebuilds {@link tokenMention} after candidates change. */
  indexMentions(): void {
    this.tokenMention.fill(-1);
    this.candidates.forEach((c, ci) => {
      for (let t = c.t0; t < c.t1; t++) this.tokenMention[t] = ci;
    });
  }
}

/** "I'm", "I'd", "I'll", "I've": capitalised, never part of a name. */
function isFirstPersonContraction(lower: string): boolean {
  return lower.length >= 3 && lower.length <= 4 && lower.charCodeAt(0) === 105 && (lower.charCodeAt(1) === 39 || lower.charCodeAt(1) === 8217);
}
