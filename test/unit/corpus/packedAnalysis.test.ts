import * as assert from 'node:assert/strict';
import { lineStarts } from '../../../src/core/corpus/lines';
import { isPackedAnalysis, packAnalysis, PackedReader, unpackAnalysis } from '../../../src/core/corpus/packedAnalysis';
import { extractDocument } from '../../../src/core/extract';
import type { DocumentAnalysis } from '../../../src/core/extract/types';
import { sampleTexts } from './samples';

describe('packed analyses', () => {
  it('unpack to exactly what the extractor found, for every sample document', () => {
    for (const [name, text] of sampleTexts()) {
      const a = extractDocument(text);
      const p = packAnalysis(a, text);
      assert.deepStrictEqual(unpackAnalysis(p), a, name);
      const r = new PackedReader(p);
      assert.equal(r.words, text.split(/\s+/).filter(Boolean).length, name);
      assert.deepEqual([...r.lines()], lineStarts(text), name);
    }
  });

  it('keep optional fields absent or present as they were, empty lists, null speakers and stray keys', () => {
    const a: DocumentAnalysis = {
      mentions: [
        { start: 10, end: 14, text: 'Omar', type: 'person', key: 'p:omar' },
        { start: 0, end: 4, text: '2016', type: 'date', key: 'd:2016', value: '2016' },
        { start: 20, end: 23, text: 'x\u0000y', type: 'place', key: 'no-such-entity' },
      ],
      quotes: [
        { start: 30, end: 40, speaker: null },
        { start: 50, end: 60, speaker: 'p:omar' },
        { start: 70, end: 80, speaker: 'stray' },
      ],
      entities: [
        { key: 'p:omar', type: 'person', name: 'Omar', forms: ['Omar'], roles: [] },
        { key: 'd:2016', type: 'date', name: '2016', forms: [], value: '2016' },
        { key: 'pl', type: 'place', name: 'Türkiye', forms: ['Turkey', 'Türkiye'], placeKey: 'country:TR', pinnedName: 'Turkey' },
      ],
      documentDate: undefined,
    };
    const p = packAnalysis(a, 'one two\nthree');
    assert.deepStrictEqual(unpackAnalysis(p), a);
    const r = new PackedReader(p);
    assert.equal(r.words, 3);
    assert.deepEqual([...r.mentionOrder()!], [1, 0, 2]);
    assert.equal(r.hasStrayRefs(), true);
    assert.deepStrictEqual(unpackAnalysis(packAnalysis({ ...a, documentDate: { value: '2016-11-03', source: 'analyst' } }, '')).documentDate, { value: '2016-11-03', source: 'analyst' });
  });

  it('are recognised, and garbage is not', () => {
    const [, text] = sampleTexts()[0];
    assert.equal(isPackedAnalysis(packAnalysis(extractDocument(text), text)), true);
    assert.equal(isPackedAnalysis({ strings: 'abc', ints: new Int32Array(3) }), false);
    assert.equal(isPackedAnalysis({ strings: '', ints: new Int32Array(40).fill(7) }), false);
    assert.equal(isPackedAnalysis({ mentions: [] }), false);
    assert.equal(isPackedAnalysis(null), false);
  });
});
