import type { Recognizer } from '../configuration';
import { findQuotes } from '../../text/quotes';
import type { ExtractionContext } from '../context';

/** Quotations in straight or curly double marks, paired within each paragraph; speakers come later. */
export class QuoteRecognizer implements Recognizer {
  recognize(ctx: ExtractionContext): void {
    ctx.quoteSpans = findQuotes(ctx.text, ctx.paragraphs);
    ctx.quotes = ctx.quoteSpans.map((q) => ({ start: q.start, end: q.end, speaker: null }));
  }
}
