import type { Entity, Mention, Quote } from '../model';
import type { DocumentAnalysis, LocalEntity } from '../extract/types';
import { acronymOf, isAcronymText } from '../extract/recognizers/wordClasses';
import { foldWord, nameWords, isKunya, namesCompatible, slug, tidyName } from './names';
import { organizationKey } from './organizations';

/** One cross-document entity being assembled from the local entities that name it. */
interface Cluster {
  type: Entity['type'];
  /** Folded words of the fullest person name, for matching. */
  words: string[];
  /** Key matching places and dates exactly. */
  exact?: string;
  /** How many local entities joined, and the document of the first (unnamed sources' ids name it). */
  members: number;
  firstDoc: string;
  forms: Map<string, number>;
  pinned?: string;
  /** For places and dates: the gazetteer's or the value's name, shown rather than the commonest spelling. */
  preferred?: string;
  id: string;
}

/**
 * Links the entities of many documents into corpus-wide ids, incrementally: documents are set and
 * deleted one by one and ids are recomputed lazily on the next read. Persons match by name (same
 * folded words, or a shorter form keeping the surname), organisations by any name written for both
 * or by an acronym and the name it abbreviates ("SDF", "Syrian Democratic Forces"), places by
 * gazetteer key, dates by ISO value; unnamed sources and unresolved dates stay local to their document.
 */
export class EntityLinker {
  private readonly docs = new Map<string, DocumentAnalysis>();
  private clusters: Cluster[] | undefined;
  /** Document → local entity key → cluster: per document, so that lookups never build `doc + key` strings. */
  private byLocal = new Map<string, Map<string, Cluster>>();

  /** Adds or replaces a document's analysis; `docId` names the document (its path), and unnamed sources' ids include it. */
  set(docId: string, analysis: DocumentAnalysis): void {
    this.docs.set(docId, analysis);
    this.clusters = undefined;
  }

  delete(docId: string): void {
    if (this.docs.delete(docId)) this.clusters = undefined;
  }

  /** The document's mentions and quotations with corpus-wide entity ids. */
  resolve(docId: string): { mentions: Mention[]; quotes: Quote[] } {
    this.build();
    const a = this.docs.get(docId);
    if (!a) return { mentions: [], quotes: [] };
    const local = this.byLocal.get(docId);
    const id = (key: string): string => local?.get(key)?.id ?? slug(key);
    return {
      mentions: a.mentions.map((m) => {
        const out: Mention = { start: m.start, end: m.end, text: m.text, type: m.type, entity: id(m.key) };
        if (m.value !== undefined) out.value = m.value;
        return out;
      }),
      quotes: a.quotes.map((q) => ({ start: q.start, end: q.end, speaker: q.speaker === null ? null : id(q.speaker) })),
    };
  }

  /** The corpus-wide id of a document's local entity key, as {@link resolve} maps it. */
  idOf(docId: string, key: string): string {
    this.build();
    return this.byLocal.get(docId)?.get(key)?.id ?? slug(key);
  }

  /** Every entity of the corpus, persons first, then places, sources and dates. */
  entities(): Entity[] {
    this.build();
    const order = { person: 0, organization: 1, source: 2, place: 3, date: 4 } as const;
    return (this.clusters ?? [])
      .map((c) => {
        const name = this.canonical(c);
        return { id: c.id, type: c.type, name, aliases: [...c.forms.keys()].filter((f) => f !== name).sort() };
      })
      .sort((a, b) => order[a.type] - order[b.type] || a.id.localeCompare(b.id));
  }

  private build(): void {
    if (this.clusters) return;
    const clusters: Cluster[] = [];
    this.byLocal = new Map();
    this.wordsOf.clear();
    this.tidyOf.clear();
    const exact = new Map<string, Cluster>();
    const persons: Array<{ doc: string; e: LocalEntity; words: string[] }> = [];
    const orgs: Array<{ doc: string; e: LocalEntity }> = [];
    for (const [doc, a] of this.docs) {
      for (const e of a.entities) {
        if (e.type === 'person') {
          persons.push({ doc, e, words: this.foldedWords(e.pinnedName ?? e.name) });
          continue;
        }
        if (e.type === 'organization') {
          orgs.push({ doc, e });
          continue;
        }
        let k: string | undefined;
        if (e.type === 'place') k = `place\u0000${e.pinnedName ? e.pinnedName.toLowerCase() : (e.placeKey ?? e.name.toLowerCase())}`;
        else if (e.type === 'date') k = e.value ? `date\u0000${e.value}` : `date\u0000${e.name.toLowerCase()}`;
        let c = k ? exact.get(k) : undefined;
        if (!c) {
          c = { type: e.type, words: [], exact: k, members: 0, firstDoc: doc, forms: new Map(), id: '' };
          clusters.push(c);
          if (k) exact.set(k, c);
        }
        this.join(c, doc, e);
      }
    }
    // Fullest names first, so that a surname alone joins the person it belongs to.
    persons.sort((x, y) => Number(!!y.e.pinnedName) - Number(!!x.e.pinnedName) || y.words.length - x.words.length);
    const personClusters: Cluster[] = [];
    // Compatible names end with the same word: clusters are looked up by it, not scanned (tens of
    // thousands of persons in a large corpus).
    const byWords = new Map<string, Cluster>();
    const byLastWord = new Map<string, Cluster[]>();
    /** Full names by the kunya that opens them ("abu hamza" → Abu Hamza al-Qurashi). */
    const byKunya = new Map<string, Cluster[]>();
    for (const p of persons) {
      let c: Cluster | undefined;
      if (p.e.pinnedName) c = personClusters.find((x) => x.pinned === p.e.pinnedName || x.forms.has(p.e.pinnedName as string));
      const wordsKey = p.words.join(' ');
      const last = p.words[p.words.length - 1] ?? '';
      if (!c) {
        const exactHit = byWords.get(wordsKey);
        const candidates = isKunya(p.words) ? [...(byLastWord.get(last) ?? []), ...(byKunya.get(wordsKey) ?? [])] : (byLastWord.get(last) ?? []);
        const hits = exactHit ? [exactHit] : candidates.filter((x) => namesCompatible(p.words, x.words));
        // A short name that fits several people is left apart rather than merged wrongly.
        if (hits.length === 1 || (hits.length > 1 && p.words.length >= 2)) c = hits[0];
        else if (hits.length > 1) c = hits.sort((a, b) => b.members - a.members)[0];
      }
      if (!c) {
        c = { type: 'person', words: p.words, members: 0, firstDoc: p.doc, forms: new Map(), id: '' };
        personClusters.push(c);
        clusters.push(c);
        if (!byWords.has(wordsKey)) byWords.set(wordsKey, c);
        const sameLast = byLastWord.get(last);
        if (sameLast) sameLast.push(c);
        else byLastWord.set(last, [c]);
        if (p.words.length > 2 && isKunya(p.words.slice(0, 2))) {
          const k = `${p.words[0]} ${p.words[1]}`;
          const sameKunya = byKunya.get(k);
          if (sameKunya) sameKunya.push(c);
          else byKunya.set(k, [c]);
        }
      }
      if (p.e.pinnedName) c.pinned ??= p.e.pinnedName;
      this.join(c, p.doc, p.e);
    }
    this.linkOrganizations(orgs, clusters);
    const used = new Map<string, number>();
    for (const c of clusters) {
      let base: string;
      if (c.type === 'source') base = `source:${docName(c.firstDoc)}:${slug(this.canonical(c).replace(/^(?:an?|the|one|some)\s+/i, ''))}`;
      else if (c.type === 'date') base = c.exact ? (c.exact.split('\u0000')[1] as string) : `date:${this.canonical(c).toLowerCase()}`;
      else base = slug(this.canonical(c));
      const n = used.get(base) ?? 0;
      used.set(base, n + 1);
      c.id = n === 0 ? base : `${base}-${n + 1}`;
    }
    this.clusters = clusters;
  }

  /**
   * Organisations: local entities that share a written name (case, dots and a leading article
   * aside) are one; an organisation written only as an acronym then joins the one whose name it
   * abbreviates, the most mentioned when several do. An analyst's name pins the entity.
   */
  private linkOrganizations(orgs: ReadonlyArray<{ doc: string; e: LocalEntity }>, clusters: Cluster[]): void {
    const byForm = new Map<string, Cluster>();
    const formKey = organizationKey;
    const pending: Array<{ doc: string; e: LocalEntity }> = [];
    const joinByForms = (x: { doc: string; e: LocalEntity }, create: boolean): boolean => {
      const keys = x.e.pinnedName ? [`\u0000${x.e.pinnedName}`] : [...new Set([x.e.name, ...x.e.forms].map(formKey))];
      let c: Cluster | undefined;
      for (const k of keys) if ((c = byForm.get(k))) break;
      if (!c) {
        if (!create) return false;
        c = { type: 'organization', words: [], members: 0, firstDoc: x.doc, forms: new Map(), id: '' };
        clusters.push(c);
      }
      for (const k of keys) if (!byForm.has(k)) byForm.set(k, c);
      if (x.e.pinnedName) c.pinned ??= x.e.pinnedName;
      this.join(c, x.doc, x.e);
      return true;
    };
    // Names of several words first: acronyms then find the names they abbreviate.
    for (const x of orgs) {
      if (x.e.pinnedName || [x.e.name, ...x.e.forms].some((f) => !isAcronymText(f))) joinByForms(x, true);
      else pending.push(x);
    }
    const byAcronym = new Map<string, Cluster>();
    for (const c of clusters) {
      if (c.type !== 'organization') continue;
      for (const f of c.forms.keys()) {
        const a = f.includes(' ') ? acronymOf(f) : '';
        if (a.length < 2) continue;
        const other = byAcronym.get(a);
        if (!other || other.members < c.members) byAcronym.set(a, c);
      }
    }
    for (const x of pending) {
      if (joinByForms(x, false)) continue;
      const c = byAcronym.get(x.e.name.replace(/\./g, ''));
      if (c) {
        for (const f of [x.e.name, ...x.e.forms]) byForm.set(formKey(f), c);
        this.join(c, x.doc, x.e);
      } else joinByForms(x, true);
    }
  }

  // The same names recur in thousands of documents: their words and tidy forms are computed once.
  private readonly wordsOf = new Map<string, string[]>();
  private readonly tidyOf = new Map<string, string>();

  private foldedWords(name: string): string[] {
    let w = this.wordsOf.get(name);
    if (!w) this.wordsOf.set(name, (w = nameWords(name).map(foldWord)));
    return w;
  }

  private tidy(form: string): string {
    let t = this.tidyOf.get(form);
    if (t === undefined) this.tidyOf.set(form, (t = tidyName(form)));
    return t;
  }

  private join(c: Cluster, doc: string, e: LocalEntity): void {
    c.members++;
    if (c.type !== 'person' && c.type !== 'organization') c.preferred ??= e.pinnedName ?? e.name;
    let local = this.byLocal.get(doc);
    if (!local) this.byLocal.set(doc, (local = new Map()));
    local.set(e.key, c);
    // A place's name as written, never the gazetteer's official form when nobody wrote it ("Türkiye" for "Turkey").
    const written = c.type === 'place' && !e.pinnedName && e.forms.length ? e.forms : [e.name, ...e.forms];
    for (const f of written) {
      const form = c.type === 'person' ? this.tidy(f) : f;
      c.forms.set(form, (c.forms.get(form) ?? 0) + 1);
    }
  }

  /**
   * A place's shown name: the analyst's, else the form the corpus writes most (datelines in capitals
   * and abbreviations last), ties going to the gazetteer's name when someone wrote it, then the longer form.
   */
  private placeName(c: Cluster): string {
    const given = c.preferred ?? '';
    let best = '';
    let score = -Infinity;
    for (const [f, n] of c.forms) {
      const s = n * 10 - (allCaps(f) ? 1000 : 0) - (f.includes('.') ? 5 : 0) + (f.toLowerCase() === given.toLowerCase() ? 10000 : 0) + (/^(?:the|The) /.test(f) ? -20 : 0);
      if (s > score || (s === score && f.length > best.length)) [best, score] = [f, s];
    }
    // The gazetteer's common English name ("United States" for "U.S." and "America"), but never an official form nobody wrote ("Türkiye").
    if (score >= 10000 - 1000) return best;
    if (given && /^[A-Za-z .'-]+$/.test(given)) return given;
    return best || given;
  }

  /** The name shown for an entity: the analyst's, else the fullest, most written form. */
  private canonical(c: Cluster): string {
    if (c.pinned) return c.pinned;
    if (c.type === 'place') return this.placeName(c);
    if (c.preferred) return c.preferred;
    let best = '';
    let score = -Infinity;
    for (const [f, n] of c.forms) {
      const words = c.type === 'person' ? nameWords(f).length : 0;
      // An organisation is named by its most written full name, by an acronym only when nothing else was written.
      const s = words * 1000 + (c.type === 'organization' && isAcronymText(f) ? -1e6 : 0) + n * 10 + (/\bal-/.test(f) ? 5 : 0) + (/^(?:the|The) /.test(f) ? -20 : 0);
      if (s > score || (s === score && f.length > best.length)) [best, score] = [f, s];
    }
    return best;
  }
}

/** Whether a form is written in capitals throughout (a dateline's "MOSUL"). */
function allCaps(f: string): boolean {
  return f === f.toUpperCase() && /\p{Lu}\p{Lu}/u.test(f);
}

/**
 * A document id's file name without folders or extension: "corpus/raqqa.txt" → "raqqa". Ids that
 * are URIs (the editor's, the CLI's) are decoded, so "my%20notes.txt" is "my notes" whoever names it.
 */
function docName(docId: string): string {
  let base = docId.split(/[\\/]/).pop() ?? docId;
  if (base.includes('%')) {
    try {
      base = decodeURIComponent(base);
    } catch {
      // not an encoded name: a file may be called "100%.txt"
    }
  }
  return base.replace(/\.[^.]+$/, '') || docId;
}
