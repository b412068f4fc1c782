import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CorpusIndex, type AnalysisCache, type MentionRef } from '../../../src/core/corpus/corpusIndex';
import type { PackedAnalysis } from '../../../src/core/corpus/packedAnalysis';
import { EntityLinker, extractDocument } from '../../../src/core/extract';
import type { Mention, MentionType, Quote } from '../../../src/core/model';
import { sampleTexts } from './samples';

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

class MemoryCache implements AnalysisCache {
  readonly map = new Map<string, PackedAnalysis>();
  get(key: string) {
    return this.map.get(key);
  }
  set(key: string, a: PackedAnalysis) {
    this.map.set(key, a);
  }
}

/**
 * What the index must answer, computed the plain way: the extractor and the linker on every text,
 * each document's mentions resolved and sorted, references grouped by document in index order.
 */
function oracle(docs: [string, string][]) {
  const linker = new EntityLinker();
  for (const [doc, text] of docs) linker.set(doc, extractDocument(text));
  const resolved = new Map<string, { mentions: Mention[]; quotes: Quote[] }>();
  const refs = new Map<string, MentionRef[]>();
  const quotes = new Map<string, number>();
  for (const [doc] of docs) {
    const r = linker.resolve(doc);
    r.mentions.sort((a, b) => a.start - b.start);
    r.quotes.sort((a, b) => a.start - b.start);
    resolved.set(doc, r);
    for (const m of r.mentions) refs.set(m.entity, [...(refs.get(m.entity) ?? []), { doc, mention: m }]);
    for (const q of r.quotes) if (q.speaker) quotes.set(q.speaker, (quotes.get(q.speaker) ?? 0) + 1);
  }
  return { entities: linker.entities(), resolved, refs, quotes };
}

function assertSame(index: CorpusIndex, docs: [string, string][]) {
  const o = oracle(docs);
  assert.deepStrictEqual([...index.documents()], docs.map(([d]) => d));
  assert.deepStrictEqual(index.entities(), o.entities);
  for (const e of o.entities) {
    const refs = o.refs.get(e.id) ?? [];
    assert.deepStrictEqual(index.references(e.id), refs, e.id);
    const st = index.stats(e.id);
    assert.deepStrictEqual(st, { mentions: refs.length, documents: new Set(refs.map((r) => r.doc)).size, quotes: o.quotes.get(e.id) ?? 0 }, e.id);
    const kind: MentionType | undefined = refs.length ? (refs.some((r) => r.mention.type === 'speaker') ? 'speaker' : refs[0].mention.type) : undefined;
    assert.equal(index.kindOf(e.id), kind, e.id);
    assert.deepStrictEqual(index.entity(e.id), e);
  }
  for (const [doc, text] of docs) {
    const r = index.resolved(doc)!;
    assert.deepStrictEqual(r.mentions, o.resolved.get(doc)!.mentions, doc);
    assert.deepStrictEqual(r.quotes, o.resolved.get(doc)!.quotes, doc);
    assert.deepStrictEqual(r.documentDate, extractDocument(text).documentDate, doc);
    assert.deepStrictEqual(index.analysis(doc), extractDocument(text), doc);
    for (const m of r.mentions.slice(0, 3)) assert.equal(index.mentionAt(doc, m.start + 1), m);
    for (const at of [0, 5, text.indexOf('\n') + 1, Math.floor(text.length / 2), text.length]) {
      const before = text.slice(0, at);
      assert.deepEqual(index.positionOf(doc, at), { line: before.split('\n').length - 1, character: at - (before.lastIndexOf('\n') + 1) }, `${doc} @${at}`);
    }
  }
}

describe('corpus index', () => {
  const samples = sampleTexts().map(([name, text]): [string, string] => [`file:///corpus/${name}`, text]);

  it('answers like the extractor and the linker run on every document', () => {
    const index = new CorpusIndex({ hash: sha1 });
    index.batch(() => samples.forEach(([d, t]) => index.update(d, t)));
    assertSame(index, samples);
    assert.ok(index.search('bagh').length > 0);
    assert.equal(index.search('bagh')[0], index.entities().find((e) => e.id === index.search('bagh')[0].id));
  });

  it('counts each entity once under its kind: quoted organisations are speakers, as in the Entities view', () => {
    const own =
      'Militia says convoy reached the river\n\n' +
      'KARDALA (Wire) — Reuters, which saw the footage, said the convoy had crossed the bridge "before the sun was up," and that no one had fired.\n\n' +
      'Amaq, the group\'s outlet, said the commander had died "while holding the bridge to the last," but gave no further details.\n\n' +
      'Colonel Ivo Brandt said the report "cannot be checked yet," and added that the militia\'s claims were often inflated.\n';
    const index = new CorpusIndex({ hash: sha1 });
    index.batch(() => [['file:///own/convoy.txt', own] as [string, string], ...samples].forEach(([d, t]) => index.update(d, t)));
    const grouped: Record<MentionType, number> = { speaker: 0, person: 0, organization: 0, place: 0, date: 0 };
    for (const e of index.entities()) {
      const kind = index.kindOf(e.id);
      if (kind) grouped[kind]++;
    }
    assert.deepEqual(index.kindCounts(), grouped);
    const speakers = index.entities().filter((e) => index.kindOf(e.id) === 'speaker');
    const organisations = speakers.filter((e) => e.type === 'organization').map((e) => e.name);
    assert.ok(organisations.includes('Reuters') && organisations.includes('Amaq'), `quoted organisations speak: ${organisations.join(', ')}`);
    assert.ok(speakers.some((e) => e.name === 'Ivo Brandt'));
  });

  it('stays the same through typing, renamed people, removals and renames', () => {
    const docs = samples.slice();
    const index = new CorpusIndex({ hash: sha1, cache: new MemoryCache() });
    index.batch(() => docs.forEach(([d, t]) => index.update(d, t)));
    index.entities();
    // Typing outside names: the clusters stay, the mentions move.
    docs[1] = [docs[1][0], docs[1][1].replace('\n\n', '\n\nThe weather was fine that day.\n\n')];
    index.update(docs[1][0], docs[1][1]);
    assertSame(index, docs);
    // A new person.
    docs[2] = [docs[2][0], `${docs[2][1]}\nLater, Zebulon Quartermaine said "nothing will change" in Mosul.\n`];
    index.update(docs[2][0], docs[2][1]);
    assertSame(index, docs);
    index.remove(docs[3][0]);
    docs.splice(3, 1);
    assertSame(index, docs);
    index.rename(docs[0][0], 'file:///corpus/renamed.txt');
    docs.push(['file:///corpus/renamed.txt', docs.shift()![1]]);
    assertSame(index, docs);
    assert.equal(index.textOf('file:///corpus/renamed.txt'), docs[docs.length - 1][1]);
  });

  it('reuses saved links only for the very documents and analyses they were made for', () => {
    const cache = new MemoryCache();
    const first = new CorpusIndex({ hash: sha1, cache });
    first.batch(() => samples.forEach(([d, t]) => first.update(d, t)));
    const snapshot = first.linkSnapshot();
    assert.equal(snapshot.docs.length, samples.length);

    const again = new CorpusIndex({ hash: sha1, cache });
    again.adoptLinks(snapshot);
    again.batch(() => samples.forEach(([d]) => again.restore(d, first.keyOf(d)!, first.packedOf(d)!)));
    assertSame(again, samples);

    // One document changed since: the snapshot is not used, the corpus is linked anew.
    const changed = samples.slice();
    changed[0] = [changed[0][0], `${changed[0][1]}\nZebulon Quartermaine said "no".\n`];
    const other = new CorpusIndex({ hash: sha1, cache });
    other.adoptLinks({ ...snapshot, entities: [{ id: 'bogus', type: 'person', name: 'Bogus', aliases: [] }] });
    other.batch(() => changed.forEach(([d, t], i) => (i === 0 ? other.update(d, t) : other.restore(d, first.keyOf(d)!, first.packedOf(d)!))));
    assertSame(other, changed);
  });

  it('keeps only recent texts, and restores without text', () => {
    const index = new CorpusIndex({ hash: sha1 });
    const [[d, t]] = samples;
    index.update(d, t);
    assert.equal(index.textOf(d), t);
    const other = new CorpusIndex({ hash: sha1 });
    other.restore(d, index.keyOf(d)!, index.packedOf(d)!);
    assert.equal(other.textOf(d), undefined);
    assert.equal(other.words(d), index.words(d));
    assert.equal(other.update(d, t), false, 'same text and options: nothing to do');
  });
});
