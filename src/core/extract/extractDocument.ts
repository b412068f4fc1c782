import { createConfiguration, type Configuration } from './configuration';
import { ExtractionContext } from './context';
import type { DocumentAnalysis, ExtractOptions } from './types';

/**
 * Finds speakers, persons, organisations, places, dates and quotations in one document. Pure and synchronous:
 * the same text and options always give the same analysis, cheap enough to rerun on every edit.
 * Runs the configuration's recognizers, then its refiners, in order (see {@link createConfiguration}).
 */
export function extractDocument(text: string, opts: ExtractOptions = {}, config: Configuration = createConfiguration(opts)): DocumentAnalysis {
  const ctx = new ExtractionContext(text);
  for (const r of config.recognizers) r.recognize(ctx);
  for (const r of config.refiners) r.refine(ctx);
  if (!ctx.analysis) throw new Error('extraction configuration without a refiner assembling the analysis');
  return ctx.analysis;
}
