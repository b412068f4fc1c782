import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { AnalysisStore, CACHE_FORMAT, decodeCache, encodeCache, type StoreIO } from '../../../src/node/analysisStore';
import { sampleTexts } from '../corpus/samples';

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

class MemoryIO implements StoreIO {
  data: Uint8Array | undefined;
  async read() {
    return this.data;
  }
  async write(d: Uint8Array) {
    this.data = d;
  }
}

function indexed(store?: AnalysisStore) {
  const index = new CorpusIndex({ hash: sha1, cache: store });
  const docs = sampleTexts().map(([name, text]) => [`file:///corpus/${name}`, text] as const);
  index.batch(() => docs.forEach(([d, t]) => index.update(d, t)));
  docs.forEach(([d], i) => store?.remember(d, { mtime: 1000 + i, size: 10 * i }, index));
  return { index, docs };
}

describe('analysis store', () => {
  it('round-trips analyses, file stamps and links through its file', async () => {
    const io = new MemoryIO();
    const store = new AnalysisStore(io, 'build-1');
    const { index, docs } = indexed(store);
    await store.save(index);

    const loaded = new AnalysisStore(io, 'build-1');
    await loaded.load();
    docs.forEach(([d], i) => {
      const hit = loaded.lookup(d, { mtime: 1000 + i, size: 10 * i });
      assert.ok(hit, d);
      assert.equal(hit.key, index.keyOf(d));
      assert.deepStrictEqual(hit.analysis.ints, index.packedOf(d)!.ints);
      assert.equal(hit.analysis.strings, index.packedOf(d)!.strings);
    });
    assert.equal(loaded.lookup(docs[0][0], { mtime: 999, size: 0 }), undefined, 'a changed stamp misses');
    const links = loaded.takeLinks();
    assert.ok(links);
    assert.deepStrictEqual(links, index.linkSnapshot());
    assert.equal(loaded.takeLinks(), undefined);

    // A warm start with the links gives the same answers as linking.
    const warm = new CorpusIndex({ hash: sha1, cache: loaded });
    warm.adoptLinks(links);
    warm.batch(() => docs.forEach(([d], i) => warm.restore(d, loaded.lookup(d, { mtime: 1000 + i, size: 10 * i })!.key, loaded.lookup(d, { mtime: 1000 + i, size: 10 * i })!.analysis)));
    assert.deepStrictEqual(warm.entities(), index.entities());
    for (const e of index.entities()) assert.deepStrictEqual(warm.references(e.id), index.references(e.id));
  });

  it('drops links saved by other code, keeps the analyses', async () => {
    const io = new MemoryIO();
    const store = new AnalysisStore(io, 'build-1');
    const { index, docs } = indexed(store);
    await store.save(index);
    const other = new AnalysisStore(io, 'build-2');
    await other.load();
    assert.equal(other.takeLinks(), undefined);
    assert.ok(other.lookup(docs[0][0], { mtime: 1000, size: 0 }));
  });

  it('ignores a corrupt, truncated or foreign file, and writes a good one over it', async () => {
    const { index } = indexed(new AnalysisStore(undefined));
    const good = encodeCache({ files: new Map([['file:///a.txt', { mtime: 1, size: 2, key: 'k' }]]), analyses: new Map([['k', index.packedOf(index.documents().next().value!)!]]) }, '');
    assert.ok(decodeCache(good, ''));
    const bad: Uint8Array[] = [
      new Uint8Array([1, 2, 3, 4, 5]),
      good.subarray(0, good.length - 7),
      new TextEncoder().encode(JSON.stringify({ format: 1, files: {}, analyses: {} })),
      serialize({ format: CACHE_FORMAT + 1 }),
      serialize({ format: CACHE_FORMAT, uris: ['x'], mtimes: new Float64Array(1), sizes: new Float64Array(1), fileKeys: new Int32Array([5]), keys: [], strings: '', strEnds: new Int32Array(0), ints: new Int32Array(0), intEnds: new Int32Array(0), links: null }),
      serialize({ format: CACHE_FORMAT, uris: [], mtimes: new Float64Array(0), sizes: new Float64Array(0), fileKeys: new Int32Array(0), keys: ['k'], strings: 'abc', strEnds: new Int32Array([3]), ints: new Int32Array([9, 9, 9]), intEnds: new Int32Array([3]), links: null }),
    ];
    for (const data of bad) {
      assert.equal(decodeCache(data, ''), undefined);
      const io = new MemoryIO();
      io.data = data;
      const store = new AnalysisStore(io);
      await store.load();
      assert.equal(store.knows('file:///a.txt'), false);
      const { index: rebuilt } = indexed(store);
      await store.save(rebuilt);
      assert.ok(decodeCache(io.data!, ''));
    }
  });

  it('survives a file that cannot be read', async () => {
    const store = new AnalysisStore({ read: () => Promise.reject(new Error('EACCES')), write: async () => undefined });
    await store.load();
    assert.equal(store.get('anything'), undefined);
  });
});
