import * as assert from 'node:assert';
import { EntityLinker, extractCorpus, extractDocument } from '../../../src/core/extract';

function ids(texts: string[]): Map<string, string> {
  const r = extractCorpus(texts.map((text, i) => ({ file: `d${i}.txt`, text, documentDate: '2016-11-03' })));
  const out = new Map<string, string>();
  for (const d of r.documents) for (const m of d.mentions) out.set(m.text, m.entity);
  return out;
}

describe('linking entities across documents', () => {
  it('variants of one name are one entity', () => {
    const m = ids(['Abu Bakr al-Baghdadi said it.', '"No," said Abu Bakr al Baghdadi. Al-Baghdadi left.', 'Baghdadi said it. Then al Baghdadi spoke.']);
    const id = m.get('Abu Bakr al-Baghdadi');
    for (const v of ['Abu Bakr al Baghdadi', 'Al-Baghdadi', 'Baghdadi', 'al Baghdadi']) assert.strictEqual(m.get(v), id, v);
    assert.strictEqual(id, 'abu-bakr-al-baghdadi');
  });
  it('transliteration variants meet', () => {
    const m = ids(['Abu al-Hassan al-Muhajer said it.', 'Abu al-Hassan al-Muhajir said it. Ayman al-Zawahiri said it.', 'Ayman al-Zawahri said it.']);
    assert.strictEqual(m.get('Abu al-Hassan al-Muhajer'), m.get('Abu al-Hassan al-Muhajir'));
    assert.strictEqual(m.get('Ayman al-Zawahiri'), m.get('Ayman al-Zawahri'));
  });
  it('people sharing a name part stay apart', () => {
    const m = ids(['"Yes," said Hassan Hassan, a fellow at an institute.', 'Abu al-Hassan al-Muhajer said it. Hamza bin Laden and Osama bin Laden were named.']);
    assert.notStrictEqual(m.get('Hassan Hassan'), m.get('Abu al-Hassan al-Muhajer'));
    assert.notStrictEqual(m.get('Hamza bin Laden'), m.get('Osama bin Laden'));
  });
  it('a kunya stands for the full name it opens, in a document and across documents', () => {
    const inDoc = extractDocument('A spokesman calling himself Abu Hamza al-Masri spoke. "Rejoice," Abu Hamza says.');
    assert.deepStrictEqual(inDoc.mentions.map((m) => m.text), ['Abu Hamza al-Masri', 'Abu Hamza']);
    assert.strictEqual(new Set(inDoc.mentions.map((m) => m.key)).size, 1);
    const m = ids(['Abu Hamza al-Masri said it.', '"No," said Abu Hamza.', 'Abu Ibrahim al-Masri was named.']);
    assert.strictEqual(m.get('Abu Hamza'), m.get('Abu Hamza al-Masri'));
    assert.notStrictEqual(m.get('Abu Ibrahim al-Masri'), m.get('Abu Hamza al-Masri'));
  });
  it('the United States has one id whatever its spelling', () => {
    const m = ids(['The U.S.-led coalition struck.', 'The US said so. America and the United States agreed.']);
    assert.strictEqual(new Set([m.get('U.S.'), m.get('US'), m.get('America'), m.get('United States')]).size, 1);
  });
  it('the same absolute date is one entity, in any spelling', () => {
    const m = ids(['It happened on Nov. 3, 2016.', 'On November 3, 2016, it happened.']);
    assert.strictEqual(m.get('Nov. 3, 2016'), m.get('November 3, 2016'));
    assert.strictEqual(m.get('Nov. 3, 2016'), '2016-11-03');
  });
  it('an unnamed source stays local to its document and has no mention', () => {
    const r = extractCorpus([{ file: 'a', text: '"Soon," a U.S. official told reporters.' }, { file: 'b', text: '"Later," a U.S. official told reporters.' }]);
    const [a, b] = r.documents.map((d) => d.quotes[0].speaker);
    assert.ok(a && b && a !== b);
    assert.ok(!r.documents.some((d) => d.mentions.some((m) => m.entity === a || m.entity === b)));
    assert.strictEqual(r.entities.find((e) => e.id === a)?.type, 'source');
  });
  it("an unnamed source's id names its document the same whoever encodes the document's URI", () => {
    const text = '"Soon," a U.S. official told reporters.';
    const speaker = (docId: string) => {
      const linker = new EntityLinker();
      linker.set(docId, extractDocument(text));
      return linker.resolve(docId).quotes[0].speaker;
    };
    // The editor's URIs (VS Code encodes parentheses), the CLI's (node leaves them), a plain path.
    const ids = ['file:///corpus/my%20report%20%282%29.txt', 'file:///corpus/my%20report%20(2).txt', '/corpus/my report (2).txt'].map(speaker);
    assert.deepStrictEqual(ids, Array(3).fill('source:my report (2):u-s-official'));
    assert.strictEqual(speaker('/corpus/100%.txt'), 'source:100%:u-s-official');
  });
  it('the linker updates incrementally', () => {
    const linker = new EntityLinker();
    linker.set('1', extractDocument('Baghdadi said it.'));
    linker.set('2', extractDocument('Abu Bakr al-Baghdadi said it.'));
    assert.strictEqual(linker.resolve('1').mentions[0].entity, 'abu-bakr-al-baghdadi');
    linker.delete('2');
    assert.strictEqual(linker.resolve('1').mentions[0].entity, 'baghdadi');
    assert.deepStrictEqual(linker.resolve('2'), { mentions: [], quotes: [] });
  });
});

describe('corrections and aliases', () => {
  const text = 'Abu Umar al-Kurdi said "we stand" in Mosul. Mosul fell.';
  it('marking a span as another type wins', () => {
    const a = extractDocument(text, { corrections: [{ kind: 'type', start: 37, end: 42, type: 'person' }] });
    assert.deepStrictEqual(a.mentions.filter((m) => m.start === 37).map((m) => m.type), ['person']);
  });
  it('"not an entity" removes the mention', () => {
    const a = extractDocument(text, { corrections: [{ kind: 'reject', start: 37, end: 42 }] });
    assert.ok(!a.mentions.some((m) => m.start === 37));
  });
  it('"same entity as" and "rename" reach the linker', () => {
    const a = extractDocument(text, { corrections: [{ kind: 'same', start: 0, end: 17, name: 'Abu Umar the Kurd' }] });
    const linker = new EntityLinker();
    linker.set('x', a);
    assert.strictEqual(linker.resolve('x').mentions[0].entity, 'abu-umar-the-kurd');
    const b = extractDocument(text, { corrections: [{ kind: 'rename', from: 'Abu Umar al-Kurdi', to: 'Abu Umar' }] });
    linker.set('x', b);
    assert.strictEqual(linker.entities().find((e) => e.type === 'person')?.name, 'Abu Umar');
  });
  it('a speaker correction sets the quotation and the speaker type', () => {
    const t = 'Abu Umar al-Kurdi was silent. The slogan "we stand" was painted.';
    const a = extractDocument(t, { corrections: [{ kind: 'speaker', start: t.indexOf('"'), end: t.indexOf('"', t.indexOf('"') + 1) + 1, speaker: 'Abu Umar al-Kurdi' }] });
    assert.notStrictEqual(a.quotes[0].speaker, null);
    assert.strictEqual(a.mentions[0].type, 'speaker');
  });
  it('an alias is a mention of its entity', () => {
    const a = extractDocument('Abu Umar al-Kurdi said so. The Kurd left.', { aliases: [{ alias: 'The Kurd', name: 'Abu Umar al-Kurdi' }] });
    const kurd = a.mentions.find((m) => m.text === 'The Kurd');
    assert.ok(kurd);
    assert.strictEqual(kurd.key, a.mentions[0].key);
  });
});
