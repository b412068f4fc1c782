import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cooccurrenceNetwork, NETWORK_TYPES, type NetworkData, type NetworkOptions } from '../../../src/core/analysis/network';
import { placeCounts, type PlaceFilter } from '../../../src/core/analysis/places';
import { inDateRange } from '../../../src/core/analysis/dates';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { sampleTexts } from '../corpus/samples';
import { DOCS, fixtureIndex } from './fixtures';

// Counts remembered per document (the network's pairs, the map's places) must always give what a
// count made afresh gives: through edits, new documents, removals and relinks.

/** The network counted directly, pair by pair with entity ids (what the remembered pairs must add up to). */
function networkAfresh(index: CorpusIndex, opts: NetworkOptions = {}): NetworkData {
  const types = new Set<string>(opts.types ?? NETWORK_TYPES);
  const minWeight = Math.max(1, opts.minWeight ?? 1);
  const maxNodes = opts.maxNodes ?? 150;
  const weights = new Map<string, number>();
  for (const doc of index.documents()) {
    const r = index.resolved(doc)!;
    const byLine = new Map<number, Set<string>>();
    for (const m of r.mentions) {
      const type = index.entity(m.entity)?.type;
      if (!type || !types.has(type)) continue;
      const line = index.positionOf(doc, m.start)!.line;
      if (!byLine.has(line)) byLine.set(line, new Set());
      byLine.get(line)!.add(m.entity);
    }
    for (const ids of byLine.values()) {
      const list = [...ids];
      for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
        const key = [list[a], list[b]].sort().join('\u0000');
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const strength = new Map<string, number>();
  const links = [...weights].filter(([, w]) => w >= minWeight).map(([k, weight]) => {
    const [source, target] = k.split('\u0000');
    strength.set(source, (strength.get(source) ?? 0) + weight);
    strength.set(target, (strength.get(target) ?? 0) + weight);
    return { source, target, weight };
  });
  const ranked = [...strength].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const kept = new Set(ranked.slice(0, maxNodes).map(([id]) => id));
  const drawn = links.filter((l) => kept.has(l.source) && kept.has(l.target)).sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1));
  const nodes = ranked
    .filter(([id]) => kept.has(id))
    .map(([id]) => ({ entity: id, name: index.entity(id)!.name, type: index.entity(id)!.type, kind: index.kindOf(id), mentions: index.stats(id).mentions, strength: drawn.filter((l) => l.source === id || l.target === id).reduce((n, l) => n + l.weight, 0) }))
    .filter((n) => n.strength > 0);
  return { nodes, links: drawn, omitted: ranked.length - kept.size };
}

/** Place counts made directly from the resolved mentions. */
function placesAfresh(index: CorpusIndex, filter: PlaceFilter = {}) {
  const only = filter.entity ? new Set(index.references(filter.entity).map((r) => r.doc)) : undefined;
  const byPlace = new Map<string, Map<string, number>>();
  for (const doc of index.documents()) {
    if (only && !only.has(doc)) continue;
    if (!inDateRange(index.resolved(doc)!.documentDate?.value, filter.from, filter.to) && (filter.from || filter.to)) continue;
    for (const m of index.resolved(doc)!.mentions) {
      if (m.type !== 'place') continue;
      if (!byPlace.has(m.entity)) byPlace.set(m.entity, new Map());
      byPlace.get(m.entity)!.set(doc, (byPlace.get(m.entity)!.get(doc) ?? 0) + 1);
    }
  }
  return [...byPlace]
    .map(([id, docs]) => ({ entity: id, mentions: [...docs.values()].reduce((a, b) => a + b, 0), documents: [...docs].map(([doc, mentions]) => ({ doc, mentions })).sort((a, b) => b.mentions - a.mentions || (a.doc < b.doc ? -1 : 1)) }))
    .sort((a, b) => b.mentions - a.mentions || (index.entity(a.entity)?.name ?? a.entity).localeCompare(index.entity(b.entity)?.name ?? b.entity));
}

const sameAsAfresh = (index: CorpusIndex, what: string) => {
  for (const opts of [{}, { minWeight: 2 }, { types: ['place'] }, { maxNodes: 5 }] as NetworkOptions[]) assert.deepEqual(cooccurrenceNetwork(index, opts), networkAfresh(index, opts), `${what}: network ${JSON.stringify(opts)}`);
  for (const filter of [{}, { from: '2016', to: '2017-06' }, { entity: index.entities().find((e) => e.type === 'person')?.id }] as PlaceFilter[]) {
    assert.deepEqual(
      placeCounts(index, filter).map((p) => ({ entity: p.entity, mentions: p.mentions, documents: p.documents })),
      placesAfresh(index, filter),
      `${what}: places ${JSON.stringify(filter)}`,
    );
  }
};

describe('counts remembered per document (network, places)', () => {
  it('should give what a fresh count gives, through edits, additions, removals and relinks', () => {
    const samples = sampleTexts();
    const index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex') });
    index.batch(() => samples.slice(0, -2).forEach(([d, t]) => index.update(d, t)));
    sameAsAfresh(index, 'first');
    // Editing that leaves the document's entities as they were (so its ids, its links array, stay)
    // but changes which of them share a paragraph and how often places are named: the last two
    // paragraphs made one, then written twice.
    const [doc, text] = samples[1];
    const links = index.scan(doc)!.links;
    const paragraphs = text.trimEnd().split('\n\n');
    const joined = `${paragraphs.at(-2)} ${paragraphs.at(-1)}`;
    const edited = [...paragraphs.slice(0, -2), joined, joined].join('\n\n');
    index.update(doc, edited);
    index.entities();
    assert.equal(index.scan(doc)!.links, links, 'the same entities: the same links');
    sameAsAfresh(index, 'paragraphs joined');
    // A new person and a place named together: a relink across the corpus.
    index.update(doc, `${text}\nLater, Zebulon Quartermaine said in Mosul that "nothing will change".\n`);
    sameAsAfresh(index, 'a new person');
    // Two more documents, then one removed.
    index.batch(() => samples.slice(-2).forEach(([d, t]) => index.update(d, t)));
    sameAsAfresh(index, 'added');
    index.remove(samples[0][0]);
    sameAsAfresh(index, 'removed');
  });

  it('should keep a document’s links while new links leave its ids as they were', () => {
    const index = fixtureIndex();
    index.entities();
    const cairo = index.scan('cairo.txt')!.links;
    assert.ok(cairo);
    index.update('aleppo.txt', `${DOCS['aleppo.txt']}\nKarim Nasser, a fighter, was seen in Homs.\n`);
    index.entities();
    assert.equal(index.scan('cairo.txt')!.links, cairo, 'cairo.txt’s ids are the same array');
    assert.notEqual(index.scan('aleppo.txt')!.links, undefined);
    // Samira Haddad's surname alone elsewhere: geneva.txt's ids stay, the new document's are new.
    index.update('beirut.txt', 'Envoy in Beirut\n\nBEIRUT (Wire) — "We will wait," Haddad said.\n');
    index.entities();
    assert.equal(index.scan('cairo.txt')!.links, cairo);
  });
});
