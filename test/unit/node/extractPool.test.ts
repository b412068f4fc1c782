import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { analyzeText } from '../../../src/core/corpus/analyze';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { AnalysisStore } from '../../../src/node/analysisStore';
import { CorpusLoader, type DocumentSource } from '../../../src/node/corpusLoader';
import { ExtractPool } from '../../../src/node/extractPool';
import { sampleTexts } from '../corpus/samples';

const sha1 = (t: string) => createHash('sha1').update(t).digest('hex');

describe('extraction pool', function () {
  this.timeout(60_000);
  let dir: string;
  let workerFile: string;
  const texts = sampleTexts();
  const pools: ExtractPool[] = [];
  const pool = (o: ConstructorParameters<typeof ExtractPool>[0]) => {
    const p = new ExtractPool({ workerFile, ...o });
    pools.push(p);
    return p;
  };

  before(() => {
    // The worker as esbuild bundles it for dist/.
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-pool-'));
    workerFile = path.join(dir, 'extractWorker.js');
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/node/extractWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
  });
  after(() => {
    pools.forEach((p) => p.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  it('extracts in worker threads exactly what the calling thread extracts', async () => {
    const p = pool({ size: 2, inlineMaxChars: 0 });
    const options = { documentDate: '2016-11-03' };
    const out = await Promise.all(texts.map(([, t]) => p.analyze(t, options)));
    out.forEach((a, i) => assert.deepStrictEqual(a, analyzeText(texts[i][1], options), texts[i][0]));
    assert.equal(p.counts.worker, texts.length);
    assert.equal(p.counts.inline, 0);
  });

  it('lets the calling thread take small documents while the workers are busy, with the same results', async () => {
    const p = pool({ size: 1 });
    const many = [...texts, ...texts, ...texts];
    const out = await Promise.all(many.map(([, t]) => p.analyze(t, undefined)));
    out.forEach((a, i) => assert.deepStrictEqual(a, analyzeText(many[i][1], undefined)));
    assert.equal(p.counts.worker + p.counts.inline, many.length);
  });

  it('falls back to the calling thread when no worker can start', async () => {
    const p = pool({ size: 2, inlineMaxChars: 0, workerFile: path.join(dir, 'no-such-worker.js') });
    const out = await Promise.all(texts.map(([, t]) => p.analyze(t, undefined)));
    out.forEach((a, i) => assert.deepStrictEqual(a, analyzeText(texts[i][1], undefined)));
    assert.equal(p.workers, 0);
    assert.equal(p.counts.inline, texts.length);
  });

  it('drops queued work once cancelled', async () => {
    const p = pool({ size: 1, inlineMaxChars: 0 });
    const token = { isCancellationRequested: false };
    const all = texts.map(([, t]) => p.analyze(t, undefined, token));
    token.isCancellationRequested = true;
    const out = await Promise.all(all);
    assert.ok(out.some((a) => a === undefined));
    assert.ok(p.counts.worker < texts.length);
  });

  describe('corpus loader', () => {
    const docs = texts.map(([name, text]): [string, string] => [`file:///corpus/${name}`, text]);
    const source = (files: Map<string, string>): DocumentSource => ({
      openText: () => undefined,
      stat: async (doc) => (files.has(doc) ? { mtime: 1, size: files.get(doc)!.length } : undefined),
      read: async (doc) => files.get(doc),
    });

    it('indexes through the pool what in-thread updates index, and restores it from the store', async () => {
      const files = new Map(docs);
      const store = new AnalysisStore(undefined);
      const index = new CorpusIndex({ hash: sha1, cache: store });
      const loader = new CorpusLoader({ index, store, source: source(files), pool: pool({ size: 1 }), maxChars: 2_000_000 });
      await loader.indexAll(docs.map(([d]) => d), undefined, undefined, 3);
      const plain = new CorpusIndex({ hash: sha1 });
      plain.batch(() => docs.forEach(([d, t]) => plain.update(d, t)));
      assert.deepStrictEqual(index.entities(), plain.entities());
      for (const e of plain.entities()) assert.deepStrictEqual(index.references(e.id), plain.references(e.id));

      const again = new CorpusIndex({ hash: sha1, cache: store });
      const read: string[] = [];
      const counting = { ...source(files), read: async (d: string) => (read.push(d), files.get(d)) };
      const loader2 = new CorpusLoader({ index: again, store, source: counting, maxChars: 2_000_000 });
      await loader2.indexAll(docs.map(([d]) => d));
      assert.deepStrictEqual(read, [], 'unchanged files are not read');
      assert.deepStrictEqual(again.entities(), plain.entities());
    });

    it('drops a result that typing overtook, and marks documents too large', async () => {
      const files = new Map(docs);
      const big = 'file:///corpus/big.txt';
      files.set(big, 'x '.repeat(30_000));
      const store = new AnalysisStore(undefined);
      const index = new CorpusIndex({ hash: sha1, cache: store });
      const loader = new CorpusLoader({ index, store, source: source(files), pool: pool({ size: 1, inlineMaxChars: 0 }), maxChars: 50_000 });
      const [doc, text] = docs[0];
      const pass = loader.indexDocuments([doc, big]);
      const typed = `${text}\nMore text typed meanwhile.\n`;
      loader.indexText(doc, typed);
      await pass;
      assert.equal(index.keyOf(doc), index.keyFor(doc, typed).key);
      assert.equal(loader.isTooLarge(big), true);
      assert.equal(index.has(big), false);
    });
  });
});
