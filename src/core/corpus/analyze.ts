import { extractDocument } from '../extract/extractDocument';
import type { ExtractOptions } from '../extract/types';
import { packAnalysis, type PackedAnalysis } from './packedAnalysis';

/**
 * Extracts one document and packs the result with its word count and line starts: everything the
 * corpus index keeps of a text. Pure (text and options in, analysis out), so it runs as well in a
 * worker thread as in the index's own.
 */
export function analyzeText(text: string, options: ExtractOptions | undefined): PackedAnalysis {
  return packAnalysis(extractDocument(text, options), text);
}
