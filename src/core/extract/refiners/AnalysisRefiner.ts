import { dateEntityValue } from '../../dates/dateValue';
import { tidyName } from '../../entities/names';
import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';
import type { DocumentAnalysis, LocalEntity, LocalMention } from '../types';

/**
 * Turns the context's typed candidates, quotations and entities into the document's analysis
 * (`ctx.analysis`): one entity per key with every form written, one mention per candidate.
 */
export class AnalysisRefiner implements Refiner {
  /** `documentDate`: the analyst's date, reported when the text gives none. */
  constructor(private readonly documentDate?: string) {}

  refine(ctx: ExtractionContext): void {
    const text = ctx.text;
    const types = ctx.types;
    const entities = new Map<string, LocalEntity>();
    const mentions: LocalMention[] = ctx.candidates.map((c, i) => {
      const mtext = text.slice(c.start, c.end);
      const tidy = c.kind === 'person' ? tidyName(mtext) : mtext;
      let key: string;
      if (c.kind === 'person') {
        key = c.key as string;
        if (!entities.has(key)) {
          const p = ctx.persons.get(key);
          entities.set(key, { key, type: 'person', name: p?.name ?? tidy, forms: [], roles: p ? [...p.roles] : [] });
        }
      } else if (c.kind === 'org') {
        key = c.key as string;
        if (!entities.has(key)) entities.set(key, { key, type: 'organization', name: c.name ?? mtext, forms: [] });
      } else if (c.kind === 'place') {
        key = c.key as string;
        if (!entities.has(key)) entities.set(key, { key, type: 'place', name: c.name ?? mtext, forms: [], placeKey: key });
      } else {
        // One entity per day: a time or part of the day is a mention of its day (the mention keeps its own value).
        const day = c.value ? dateEntityValue(c.value) : undefined;
        key = day ? `date:${day}` : `date:?${mtext.toLowerCase()}`;
        if (!entities.has(key)) entities.set(key, { key, type: 'date', name: day ?? mtext, forms: [], value: day });
      }
      const e = entities.get(key) as LocalEntity;
      if (!e.forms.includes(tidy)) e.forms.push(tidy);
      const m: LocalMention = { start: c.start, end: c.end, text: mtext, type: types[i], key };
      if (c.kind === 'date' && c.value) m.value = c.value;
      return m;
    });
    for (const e of ctx.entities.values()) entities.set(e.key, e);
    for (const p of ctx.persons.values()) {
      const e = entities.get(p.key);
      if (e) for (const f of p.forms) if (!e.forms.includes(f)) e.forms.push(f);
    }
    const analysis: DocumentAnalysis = {
      mentions,
      quotes: ctx.quotes.map((q) => ({ ...q })),
      entities: [...entities.values()],
      documentDate: ctx.documentDate ?? (this.documentDate ? { value: this.documentDate, source: 'analyst' } : undefined),
    };
    // A quotation may credit a person never mentioned by name (a pronoun resolved across a removed mention).
    for (const q of analysis.quotes) {
      if (q.speaker && !entities.has(q.speaker)) {
        const p = ctx.persons.get(q.speaker);
        if (p) analysis.entities.push({ key: p.key, type: 'person', name: p.name, forms: [...p.forms], roles: [...p.roles] });
        else q.speaker = null;
      }
    }
    ctx.analysis = analysis;
  }
}
