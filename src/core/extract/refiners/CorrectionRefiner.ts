import { nameKey, namesCompatible, nameWords, foldWord, tidyName } from '../../entities/names';
import type { MentionType } from '../../model';
import type { Refiner } from '../configuration';
import type { ExtractionContext } from '../context';
import type { AliasRule, Correction, DocumentAnalysis, LocalEntity, LocalMention } from '../types';

/**
 * Applies the analyst's aliases and corrections to a finished analysis. Runs last, so that what
 * the analyst said always wins over what the recognizers found.
 */
export class CorrectionRefiner implements Refiner {
  private text = '';

  constructor(
    private readonly corrections: readonly Correction[] = [],
    private readonly aliases: readonly AliasRule[] = [],
  ) {}

  /** Rewrites `ctx.analysis`, which the refiners before have assembled. */
  refine(ctx: ExtractionContext): void {
    if (ctx.analysis) this.correct(ctx.text, ctx.analysis);
  }

  private correct(text: string, a: DocumentAnalysis): void {
    this.text = text;
    for (const rule of this.aliases) this.applyAlias(a, rule);
    for (const c of this.corrections) this.apply(a, c);
    // Entities no mention or quotation refers to any more are dropped.
    const used = new Set<string>();
    for (const m of a.mentions) used.add(m.key);
    for (const q of a.quotes) if (q.speaker) used.add(q.speaker);
    a.entities = a.entities.filter((e) => used.has(e.key));
    a.mentions.sort((x, y) => x.start - y.start);
  }

  private applyAlias(a: DocumentAnalysis, rule: AliasRule): void {
    if (!rule.alias) return;
    const type = rule.type ?? 'person';
    const entity = this.entityFor(a, rule.name, type);
    if (!entity.forms.includes(rule.alias)) entity.forms.push(rule.alias);
    entity.pinnedName = rule.name;
    let from = 0;
    for (;;) {
      const i = this.text.indexOf(rule.alias, from);
      if (i < 0) break;
      from = i + rule.alias.length;
      const before = this.text[i - 1] ?? ' ';
      const after = this.text[from] ?? ' ';
      if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after)) continue;
      const speaker = a.mentions.some((m) => m.key === entity.key && m.type === 'speaker');
      this.put(a, { start: i, end: from, text: rule.alias, type: type === 'place' ? 'place' : speaker ? 'speaker' : type, key: entity.key });
    }
  }

  private apply(a: DocumentAnalysis, c: Correction): void {
    switch (c.kind) {
      case 'reject':
        a.mentions = a.mentions.filter((m) => m.end <= c.start || m.start >= c.end);
        return;
      case 'type': {
        const text = this.text.slice(c.start, c.end);
        const existing = a.mentions.find((m) => m.start === c.start && m.end === c.end);
        const kind = entityKind(c.type);
        let key = existing?.key;
        if (!existing || a.entities.find((e) => e.key === existing.key)?.type !== kind) key = this.entityFor(a, tidyName(text), kind).key;
        this.put(a, { start: c.start, end: c.end, text, type: c.type, key: key as string, value: existing?.value });
        return;
      }
      case 'same': {
        const m = a.mentions.find((x) => x.start === c.start && x.end === c.end);
        if (!m) return;
        const type = a.entities.find((e) => e.key === m.key)?.type ?? 'person';
        const target = this.entityFor(a, c.name, type);
        target.pinnedName ??= c.name;
        if (!target.forms.includes(m.text)) target.forms.push(m.text);
        m.key = target.key;
        return;
      }
      case 'rename': {
        const e = this.find(a, c.from);
        if (!e) return;
        e.name = c.to;
        e.pinnedName = c.to;
        if (!e.forms.includes(c.to)) e.forms.push(c.to);
        return;
      }
      case 'speaker': {
        const q = a.quotes.find((x) => x.start === c.start && x.end === c.end);
        if (!q) return;
        if (c.speaker === null) {
          q.speaker = null;
          return;
        }
        // A quoted organisation stays an organisation entity; its mentions become speaker mentions.
        const named = this.find(a, c.speaker);
        const e = named?.type === 'organization' ? named : this.entityFor(a, c.speaker, 'person');
        q.speaker = e.key;
        for (const m of a.mentions) if (m.key === e.key && (m.type === 'person' || m.type === 'organization')) m.type = 'speaker';
        return;
      }
    }
  }

  /** Adds a mention, dropping those it overlaps. */
  private put(a: DocumentAnalysis, m: LocalMention): void {
    a.mentions = a.mentions.filter((x) => x.end <= m.start || x.start >= m.end);
    a.mentions.push(m);
  }

  private find(a: DocumentAnalysis, name: string): LocalEntity | undefined {
    const exact = a.entities.find((e) => e.key === name || e.name === name || e.forms.includes(name));
    if (exact) return exact;
    const words = nameWords(name).map(foldWord);
    return a.entities.find((e) => e.type === 'person' && words.length >= 2 && namesCompatible(words, nameWords(e.name).map(foldWord)));
  }

  /** The entity of this document named `name`, created if missing. */
  private entityFor(a: DocumentAnalysis, name: string, type: LocalEntity['type']): LocalEntity {
    const found = this.find(a, name);
    if (found && found.type === type) return found;
    const key = `${type}:${type === 'person' ? nameKey(name) : name.toLowerCase()}:analyst`;
    let e = a.entities.find((x) => x.key === key);
    if (!e) {
      e = { key, type, name, forms: [name], pinnedName: name };
      if (type === 'place') e.placeKey = `place:${name.toLowerCase()}`;
      a.entities.push(e);
    }
    return e;
  }
}

function entityKind(t: MentionType): LocalEntity['type'] {
  return t === 'speaker' ? 'person' : t;
}
