import { createConfiguration } from '../../../../src/core/extract/configuration';
import { ExtractionContext, type Referent } from '../../../../src/core/extract/context';
import { AttributionRefiner } from '../../../../src/core/extract/refiners/AttributionRefiner';
import { AttributionState } from '../../../../src/core/extract/refiners/attribution/AttributionState';

/**
 * The context as the product's configuration leaves it just before the first refiner of class
 * `before` (attribution by default), with a fresh attribution state over it.
 */
export function prepared(text: string, before: abstract new (...args: never[]) => unknown = AttributionRefiner): { ctx: ExtractionContext; st: AttributionState } {
  const config = createConfiguration();
  const ctx = new ExtractionContext(text);
  for (const r of config.recognizers) r.recognize(ctx);
  for (const r of config.refiners) {
    if (r.constructor === before) break;
    r.refine(ctx);
  }
  return { ctx, st: new AttributionState(ctx) };
}

/** Index of the token spelled `word` (the nth such, from 0). */
export function tokenOf(ctx: ExtractionContext, word: string, nth = 0): number {
  let seen = 0;
  for (let i = 0; i < ctx.tokens.length; i++) if (ctx.tokens[i].text === word && seen++ === nth) return i;
  throw new Error(`no token "${word}" (#${nth}) in: ${ctx.text}`);
}

/** A referent as a test reads it: the person's name, `source:<description>`, `org:<name>`, or null. */
export function nameOf(ctx: ExtractionContext, r: Referent | null | undefined): string | null {
  if (!r) return null;
  if (r.kind === 'person') return ctx.persons.get(r.key)?.name ?? r.key;
  const e = ctx.entities.get(r.key);
  return `${r.kind === 'org' ? 'org' : 'source'}:${e?.name ?? r.key}`;
}
