import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { StatementStore } from '../../../src/core/analysis/statementStore';
import { documentStatements, quoteText, type Statement } from '../../../src/core/analysis/statements';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { DOCS, fixtureIndex } from './fixtures';

/** A store wired to its index as the extension wires it: changes invalidate, update brings it up to date. */
function storeOf(index: CorpusIndex) {
  const store = new StatementStore(index);
  index.onDidChange(({ docs }) => store.invalidate(docs));
  store.update();
  return store;
}

/** What a store must hold: every document's statements made anew from the index. */
function fresh(index: CorpusIndex): Statement[] {
  return [...index.documents()].flatMap((d) => documentStatements(d, index.scan(d)!));
}

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

describe('statement store', () => {
  it('should hold every quotation of the corpus, as made from the index', () => {
    const index = fixtureIndex();
    const store = storeOf(index);
    assert.deepEqual(store.list(), fresh(index));
    assert.equal(store.list().length, 7);
  });

  it('should make only the changed document’s statements anew, keeping the others’ objects', () => {
    const index = fixtureIndex();
    const store = storeOf(index);
    const before = new Map([...index.documents()].map((d) => [d, store.statementsOf(d)]));
    const version = store.version;
    // A new person in one report links anew across the corpus; the others' ids stay as they were.
    index.update('aleppo.txt', `${DOCS['aleppo.txt']}\n"We hold the line," said Karim Nasser, a fighter in Homs.\n`);
    assert.ok(store.stale);
    store.update();
    assert.ok(store.version > version);
    assert.equal(store.statementsOf('cairo.txt'), before.get('cairo.txt'), 'cairo.txt’s statements are the same objects');
    assert.equal(store.statementsOf('geneva.txt'), before.get('geneva.txt'), 'geneva.txt’s statements are the same objects');
    assert.notEqual(store.statementsOf('aleppo.txt'), before.get('aleppo.txt'));
    assert.deepEqual(store.list(), fresh(index));
    assert.ok(store.list().some((s) => s.speaker === 'karim-nasser'));
  });

  it('should follow new links into documents that did not change: a speaker named in full elsewhere', () => {
    const index = new CorpusIndex({ hash: sha1 });
    index.update('a.txt', 'Talks stall\n\nBEIRUT (Wire) — "We will wait," Haddad said on Monday.\n');
    const store = storeOf(index);
    assert.deepEqual(store.list().map((s) => s.speaker), ['haddad']);
    index.update('b.txt', 'Envoy speaks\n\nGENEVA (Wire) — The envoy Samira Haddad said: "Talks go on."\n');
    store.update();
    assert.deepEqual(store.statementsOf('a.txt').map((s) => s.speaker), ['samira-haddad'], 'a.txt’s speaker is the full name now');
    assert.deepEqual(store.list(), fresh(index));
  });

  it('should drop the statements of removed documents and do nothing when nothing changed', () => {
    const index = fixtureIndex();
    const store = storeOf(index);
    index.remove('geneva.txt');
    store.update();
    assert.deepEqual(store.list(), fresh(index));
    assert.ok(store.list().every((s) => s.doc !== 'geneva.txt'));
    const version = store.version;
    const list = store.list();
    assert.ok(!store.stale);
    store.update();
    assert.equal(store.version, version);
    assert.equal(store.list(), list, 'the same list, not made again');
  });

  it('should keep a document’s words when its text is written back before the store looked (an undo, a revert)', () => {
    const index = fixtureIndex();
    const store = storeOf(index);
    const [geneva] = store.wanted(Infinity, ['geneva.txt']);
    const texts = [];
    for (let i = 0; i < geneva.spans.length; i += 2) texts.push(quoteText(DOCS['geneva.txt'], geneva.spans[i], geneva.spans[i + 1]));
    assert.ok(store.setTexts('geneva.txt', geneva.analysis, texts));
    index.update('geneva.txt', `${DOCS['geneva.txt']}"Later," Haddad said.\n`);
    index.update('geneva.txt', DOCS['geneva.txt']);
    assert.notEqual(index.scan('geneva.txt')!.analysis, geneva.analysis, 'a new analysis of the same text');
    store.update();
    assert.deepEqual(store.statementsOf('geneva.txt').map((s) => store.words(s)), texts.map((t) => t.words));
    assert.ok(!store.wanted().some((w) => w.doc === 'geneva.txt'), 'its texts are not asked for again');
  });

  it('should work in slices, stopping when asked and going on where it stopped', () => {
    const index = fixtureIndex();
    const store = new StatementStore(index);
    // Says stop whenever asked: each call still gets one document on.
    let stopped = 0;
    while (!store.update(() => true)) stopped++;
    assert.equal(stopped, index.size - 1, 'one document per call, the last call finishes');
    assert.deepEqual(store.list(), fresh(index));
  });

  it('should ask for the texts of the documents that lack them, those wanted first, and date statements from them', () => {
    const index = fixtureIndex();
    const store = storeOf(index);
    assert.ok(!store.complete);
    assert.deepEqual(store.wanted(Infinity, ['geneva.txt']).map((w) => w.doc), ['geneva.txt', 'cairo.txt', 'aleppo.txt']);
    assert.deepEqual(store.wanted(1).map((w) => w.doc), ['cairo.txt']);
    const geneva = store.wanted(Infinity, ['geneva.txt'])[0];
    const said = (w: string) => store.list().find((s) => store.words(s)?.startsWith(w));
    assert.equal(said('We are ready'), undefined, 'no words before the texts');
    const texts = [];
    for (let i = 0; i < geneva.spans.length; i += 2) texts.push(quoteText(DOCS['geneva.txt'], geneva.spans[i], geneva.spans[i + 1]));
    assert.ok(store.setTexts('geneva.txt', geneva.analysis, texts));
    const ready = said('We are ready')!;
    assert.deepEqual([ready.date, ready.dateSource], ['2021-05-04', 'statement'], 'the date written in its sentence');
    assert.equal(store.wordsAt('geneva.txt', ready.start), 'We are ready,');
    assert.deepEqual(store.wanted().map((w) => w.doc), ['cairo.txt', 'aleppo.txt']);
    // Texts of an analysis that changed since are not taken; the document is asked for again.
    const cairo = store.wanted()[0];
    index.update('cairo.txt', DOCS['cairo.txt'].replace('months', 'many months'));
    store.update();
    assert.ok(!store.setTexts('cairo.txt', cairo.analysis, []));
    assert.ok(store.wanted().some((w) => w.doc === 'cairo.txt' && w.analysis !== cairo.analysis));
    // Words stay with a document whose analysis did not change through a relink.
    index.update('aleppo.txt', `${DOCS['aleppo.txt']}\nKarim Nasser, a fighter, was seen in Homs.\n`);
    store.update();
    assert.equal(store.wordsAt('geneva.txt', ready.start), 'We are ready,');
  });
});
