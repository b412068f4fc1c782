import type { ExtractionContext } from './context';
import { DateRecognizer } from './recognizers/DateRecognizer';
import { OrganizationRecognizer } from './recognizers/OrganizationRecognizer';
import { PersonRecognizer } from './recognizers/PersonRecognizer';
import { PlaceRecognizer } from './recognizers/PlaceRecognizer';
import { QuoteRecognizer } from './recognizers/QuoteRecognizer';
import { SpeakerLabelRecognizer } from './recognizers/SpeakerLabelRecognizer';
import { AnalysisRefiner } from './refiners/AnalysisRefiner';
import { AttributionRefiner } from './refiners/AttributionRefiner';
import { CorrectionRefiner } from './refiners/CorrectionRefiner';
import { FollowOnQuoteRefiner } from './refiners/FollowOnQuoteRefiner';
import { OrganizationMentionRefiner } from './refiners/OrganizationMentionRefiner';
import { OverlapRemovalRefiner } from './refiners/OverlapRemovalRefiner';
import { SpeakerChoiceRefiner } from './refiners/SpeakerChoiceRefiner';
import { SpeakerTypingRefiner } from './refiners/SpeakerTypingRefiner';
import type { ExtractOptions } from './types';

/**
 * Proposes what it finds in the document: candidates (persons, places, dates, organisations) into
 * `ctx.candidates`, quotation spans, a document date. Adds, never removes another recognizer's work.
 */
export interface Recognizer {
  recognize(ctx: ExtractionContext): void;
}

/**
 * Works on what the stages before it left in the context: removes overlaps, credits speech, types
 * mentions, assembles `ctx.analysis`, applies the analyst's corrections. Deterministic and synchronous.
 */
export interface Refiner {
  refine(ctx: ExtractionContext): void;
}

/**
 * The extraction pipeline as data, after chrono-node's `Configuration`: {@link extractDocument}
 * runs every recognizer, then every refiner, in this order, over one {@link ExtractionContext}.
 */
export interface Configuration {
  readonly recognizers: readonly Recognizer[];
  readonly refiners: readonly Refiner[];
}

/**
 * The product's configuration for one document's options. Organisations are recognized first, as
 * they block the names inside them; the analyst's corrections are applied last, so they always win.
 */
export function createConfiguration(opts: ExtractOptions = {}): Configuration {
  const organizations = new OrganizationRecognizer();
  const persons = new PersonRecognizer();
  const labels = new SpeakerLabelRecognizer();
  return {
    // The names only the learned tagger vouches for come after the rules of each kind.
    recognizers: [
      organizations,
      // A transcript's labels name persons before the persons are looked for.
      { recognize: (ctx) => labels.registerTranscriptNames(ctx) },
      persons,
      labels,
      { recognize: (ctx) => organizations.recognizeLearned(ctx) },
      new PlaceRecognizer(),
      { recognize: (ctx) => persons.recognizeLearned(ctx) },
      // Labels naming the persons only the tagger found, and the first names turns are passed by.
      labels,
      { recognize: (ctx) => labels.recognizeVocatives(ctx) },
      new DateRecognizer(opts.documentDate),
      new QuoteRecognizer(),
    ],
    refiners: [
      new OverlapRemovalRefiner(),
      new AttributionRefiner(),
      new FollowOnQuoteRefiner(),
      new SpeakerChoiceRefiner(),
      new OrganizationMentionRefiner(),
      new SpeakerTypingRefiner(),
      new AnalysisRefiner(opts.documentDate),
      new CorrectionRefiner(opts.corrections, opts.aliases),
    ],
  };
}
