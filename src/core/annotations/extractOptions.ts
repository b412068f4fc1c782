import type { AliasRule, Correction as ExtractCorrection, ExtractOptions } from '../extract/types';
import { MENTION_TYPES, type MentionType } from '../model';
import type { CorpusData, SidecarData } from './types';

/**
 * What the analyst's files tell the extractor about one document: its date, the corrections made on
 * it (orphaned ones are skipped: their passage is gone), and the corpus-wide names and aliases.
 */
export function extractOptionsFrom(sidecar: SidecarData | undefined, corpus: CorpusData | undefined): ExtractOptions | undefined {
  const corrections: ExtractCorrection[] = [];
  for (const c of sidecar?.corrections ?? []) {
    if (c.status === 'orphaned') continue;
    const { start, end } = c.target;
    if (c.action === 'mark' && c.type && (MENTION_TYPES as readonly string[]).includes(c.type)) corrections.push({ kind: 'type', start, end, type: c.type as MentionType });
    else if (c.action === 'not-entity') corrections.push({ kind: 'reject', start, end });
    else if (c.action === 'same-as' && c.entity) corrections.push({ kind: 'same', start, end, name: c.entity });
    else if (c.action === 'rename' && c.name) corrections.push({ kind: 'same', start, end, name: c.name });
  }
  const aliases: AliasRule[] = [];
  for (const e of corpus?.entities ?? []) {
    // A renamed or merged entity: its id and every alias now resolve to the analyst's name.
    corrections.push({ kind: 'rename', from: e.id, to: e.name });
    for (const merged of e.merged) corrections.push({ kind: 'rename', from: merged, to: e.name });
    const type = e.type === 'place' || e.type === 'person' || e.type === 'organization' ? e.type : undefined;
    for (const alias of e.aliases) aliases.push({ alias, name: e.name, ...(type ? { type } : {}) });
  }
  const date = sidecar?.document.date;
  if (!date && !corrections.length && !aliases.length) return undefined;
  return { ...(date ? { documentDate: date } : {}), ...(corrections.length ? { corrections } : {}), ...(aliases.length ? { aliases } : {}) };
}
