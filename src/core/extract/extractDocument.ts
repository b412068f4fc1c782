import { dateEntityValue } from '../dates/dateValue';
import { tidyName } from '../entities/names';
import { ExtractionContext } from './context';
import { DateRecognizer } from './recognizers/DateRecognizer';
import { OrganizationRecognizer } from './recognizers/OrganizationRecognizer';
import { PersonRecognizer } from './recognizers/PersonRecognizer';
import { PlaceRecognizer } from './recognizers/PlaceRecognizer';
import { QuoteRecognizer } from './recognizers/QuoteRecognizer';
import { AttributionRefiner } from './refiners/AttributionRefiner';
import { CorrectionRefiner } from './refiners/CorrectionRefiner';
import { OverlapRemovalRefiner } from './refiners/OverlapRemovalRefiner';
import { SpeakerTypingRefiner } from './refiners/SpeakerTypingRefiner';
import type { DocumentAnalysis, ExtractOptions, LocalEntity, LocalMention } from './types';

/**
 * Finds speakers, persons, places, dates and quotations in one document. Pure and synchronous:
 * the same text and options always give the same analysis, cheap enough to rerun on every edit.
 * Recognizers run in order (organisations first, as they block the names inside them), then the
 * refiners: overlap removal, attribution of speech, speaker typing, and the analyst's corrections last.
 */
export function extractDocument(text: string, opts: ExtractOptions = {}): DocumentAnalysis {
  const ctx = new ExtractionContext(text);
  new OrganizationRecognizer().recognize(ctx);
  new PersonRecognizer().recognize(ctx);
  new PlaceRecognizer().recognize(ctx);
  new DateRecognizer(opts.documentDate).recognize(ctx);
  new QuoteRecognizer().recognize(ctx);
  new OverlapRemovalRefiner().refine(ctx);
  new AttributionRefiner().refine(ctx);
  const types = new SpeakerTypingRefiner().refine(ctx);

  const entities = new Map<string, LocalEntity>();
  const mentions: LocalMention[] = ctx.candidates.map((c, i) => {
    const mtext = text.slice(c.start, c.end);
    let key: string;
    if (c.kind === 'person') {
      key = c.key as string;
      if (!entities.has(key)) {
        const p = ctx.persons.get(key);
        entities.set(key, { key, type: 'person', name: p?.name ?? tidyName(mtext), forms: [], roles: p ? [...p.roles] : [] });
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
    const form = c.kind === 'person' ? tidyName(mtext) : mtext;
    if (!e.forms.includes(form)) e.forms.push(form);
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
    documentDate: ctx.documentDate ?? (opts.documentDate ? { value: opts.documentDate, source: 'analyst' } : undefined),
  };
  // A quotation may credit a person never mentioned by name (a pronoun resolved across a removed mention).
  for (const q of analysis.quotes) {
    if (q.speaker && !entities.has(q.speaker)) {
      const p = ctx.persons.get(q.speaker);
      if (p) analysis.entities.push({ key: p.key, type: 'person', name: p.name, forms: [...p.forms], roles: [...p.roles] });
      else q.speaker = null;
    }
  }
  return new CorrectionRefiner(text, opts.corrections, opts.aliases).refine(analysis);
}
