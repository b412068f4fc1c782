import type { Refiner } from '../configuration';
import { organizationKey } from '../../entities/organizations';
import type { Candidate, ExtractionContext } from '../context';
import { BACK_HEADS } from '../recognizers/OrganizationRecognizer';
import { acronymOf, isAcronym, isAcronymText } from '../recognizers/wordClasses';

/**
 * Makes mentions of the organisation names that overlap removal kept ({@link ExtractionContext.orgs}):
 * every writing of one organisation in the document, its acronym included ("Syrian Democratic
 * Forces (SDF)", then "SDF"), is one local entity named by its fullest form. Runs after attribution,
 * which makes mentions of the organisations it credits with a quotation; those keep their place and
 * join the same entity. Names of events ("Battle of Mosul") only blocked the names inside them.
 */
export class OrganizationMentionRefiner implements Refiner {
  refine(ctx: ExtractionContext): void {
    const text = ctx.text;
    const toks = ctx.tokens;
    // Organisation names in text order, each with its written form.
    const orgs = ctx.orgs.filter((o) => !o.event && o.t1 > o.t0).sort((a, b) => a.start - b.start);
    if (orgs.length === 0 && !ctx.candidates.some((c) => c.kind === 'org')) return;
    const forms = orgs.map((o) => text.slice(o.start, o.end));
    const acronym = orgs.map((o) => o.t1 - o.t0 === 1 && isAcronym(toks[o.t0]));
    const byForm = new Map<string, string>();
    const names = new Map<string, { name: string; forms: string[] }>();
    const keyOf = (form: string, bare: boolean): string => {
      const norm = organizationKey(form);
      let key = byForm.get(norm);
      if (key === undefined) {
        // A bare acronym joins the organisation whose capitalised words it abbreviates.
        if (bare) for (const [k, e] of names) if (acronymOf(e.name) === form.replace(/\./g, '')) key = k;
        // A company's first word alone joins its full name ("Barrick" for "Barrick Gold Corp").
        if (!bare && !form.includes(' ')) for (const [k, e] of names) if (e.name.startsWith(form + ' ')) key ??= k;
        // A body's head word alone joins the first body the document named with it ("the Office" for "the United Nations Office for West Africa").
        if (!bare && BACK_HEADS.has(form.toLowerCase())) for (const [k, e] of names) if ((' ' + e.name + ' ').includes(' ' + form + ' ')) key ??= k;
        key ??= `organization:${norm}`;
        byForm.set(norm, key);
      }
      let entity = names.get(key);
      if (!entity) names.set(key, (entity = { name: form, forms: [] }));
      if (!entity.forms.includes(form)) entity.forms.push(form);
      return key;
    };
    // Full names first, so that acronyms written before them still find them.
    // Names of several words first, then single words: short forms and acronyms find their full names.
    // "the Syrian Democratic Forces (SDF)", "the Alternative for Germany (AfD)": the acronym in
    // brackets names the same organisation, whatever its letters, wherever the document writes it.
    for (let i = 0; i < orgs.length; i++) {
      const o = orgs[i];
      if (o.t1 - o.t0 <= 1) continue;
      const key = keyOf(forms[i], false);
      // (Or after ", or": "the Allied Democratic Forces, or ADF,".)
      const bracket = text.charCodeAt(o.end + 1) === 40 ? /^\s*\(\s*([A-Z][A-Za-z0-9.&-]*[A-Z0-9.])\s*\)/.exec(text.slice(o.end, o.end + 24)) : text.startsWith(', or ', o.end) ? /^, or ([A-Z][A-Za-z0-9.&-]*[A-Z0-9.])\b/.exec(text.slice(o.end, o.end + 24)) : null;
      if (bracket && !byForm.has(organizationKey(bracket[1]))) byForm.set(organizationKey(bracket[1]), key);
    }
    for (let i = 0; i < orgs.length; i++) if (orgs[i].t1 - orgs[i].t0 === 1 && !acronym[i]) keyOf(forms[i], false);
    const keys = orgs.map((_, i) => keyOf(forms[i], acronym[i]));
    // Organisations credited with a quotation: attribution named them by their written form.
    const rekey = (key: string): string => {
      if (!key.startsWith('organization:') || names.has(key)) return key;
      const k = byForm.get(organizationKey(key.slice('organization:'.length)));
      return k ?? key;
    };
    for (const q of ctx.quotes) if (q.speaker) q.speaker = rekey(q.speaker);
    const quoted: Candidate[] = [];
    for (const c of ctx.candidates) {
      if (c.kind !== 'org' || !c.key) continue;
      c.key = rekey(c.key);
      quoted.push(c);
      const e = names.get(c.key);
      const form = text.slice(c.start, c.end);
      if (e && !e.forms.includes(form)) e.forms.push(form);
    }
    const added: Candidate[] = [];
    orgs.forEach((o, i) => {
      for (let t = o.t0; t < o.t1; t++) if (ctx.tokenMention[t] >= 0) return;
      added.push({ start: o.start, end: o.end, kind: 'org', t0: o.t0, t1: o.t1, key: keys[i], priority: o.priority });
    });
    for (const [key, e] of names) {
      // The entity's name is its fullest writing; an acronym only when nothing else was written.
      const name = e.forms.reduce((best, f) => (isAcronymText(best) && !isAcronymText(f)) || (isAcronymText(best) === isAcronymText(f) && f.length > best.length) ? f : best, e.name);
      const known = ctx.entities.get(key);
      const forms = known ? [...new Set([...known.forms, ...e.forms])] : e.forms;
      ctx.entities.set(key, { key, type: 'organization', name, forms });
    }
    for (const list of [quoted, added]) for (const c of list) c.name = ctx.entities.get(c.key as string)?.name ?? c.name;
    if (added.length === 0) return;
    // Both lists are in text order: merged, and only the new mentions indexed.
    const merged: Candidate[] = [];
    let i = 0;
    let j = 0;
    const old = ctx.candidates;
    while (i < old.length || j < added.length) merged.push(j >= added.length || (i < old.length && old[i].start <= added[j].start) ? old[i++] : added[j++]);
    ctx.candidates = merged;
    for (let k = 0; k < merged.length; k++) {
      const c = merged[k];
      for (let t = c.t0; t < c.t1; t++) ctx.tokenMention[t] = k;
    }
  }
}
