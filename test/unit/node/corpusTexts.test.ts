import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { KwicLine } from '../../../src/core/analysis/concordance';
import { CorpusTexts, SearchError } from '../../../src/node/corpusTexts';

describe('corpus texts (the Concordance’s worker)', function () {
  this.timeout(30_000);
  let dir: string;
  let workerFile: string;
  let docs: string[];
  const all: CorpusTexts[] = [];
  const texts = (inline: boolean) => {
    const t = new CorpusTexts({ inline, workerFile });
    all.push(t);
    t.sync(docs);
    return t;
  };

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'corpus-lens-texts-'));
    workerFile = path.join(dir, 'textWorker.js');
    buildSync({ entryPoints: [path.join(__dirname, '../../../src/node/textWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: workerFile, logLevel: 'error' });
    docs = [];
    for (let i = 0; i < 40; i++) {
      const file = path.join(dir, `doc-${String(i).padStart(2, '0')}.txt`);
      writeFileSync(file, `${i === 0 ? '\ufeff' : ''}Report ${i}\n\nThe envoy spoke ${i % 3 === 0 ? 'of a ceasefire' : 'briefly'}.\n"A ceasefire now," the envoy said.\n`);
      docs.push(pathToFileURL(file).href);
    }
  });
  after(() => {
    all.forEach((t) => t.dispose());
    rmSync(dir, { recursive: true, force: true });
  });

  for (const inline of [false, true]) {
    describe(inline ? 'in the calling thread' : 'in a worker thread', () => {
      it('should stream every match with its context, reading the files itself', async () => {
        const t = texts(inline);
        const lines: KwicLine[] = [];
        const done = await t.search({ mode: 'word', pattern: 'ceasefire' }, { onLines: (b) => lines.push(...b) });
        assert.equal(done.matches, 40 + 14);
        assert.equal(done.documents, 40);
        assert.equal(lines.length, 54);
        assert.ok(lines.every((l) => l.match === 'ceasefire'));
        // The byte order mark is dropped, as the indexer drops it: offsets agree with the index.
        const first = lines.find((l) => l.doc === docs[0])!;
        assert.equal(first.start, 'Report 0\n\nThe envoy spoke of a '.length);
      });

      it('should cap the lines sent but count every match', async () => {
        const lines: KwicLine[] = [];
        const done = await texts(inline).search({ mode: 'word', pattern: 'envoy' }, { maxLines: 5, onLines: (b) => lines.push(...b) });
        assert.equal(done.matches, 80);
        assert.equal(lines.length, 5);
      });

      it('should stop a search when its token is cancelled', async () => {
        const t = texts(inline);
        let cancel = () => {};
        const token = { isCancellationRequested: false, onCancellationRequested: (l: () => void) => ((cancel = l), { dispose() {} }) };
        const lines: KwicLine[] = [];
        const running = t.search({ mode: 'word', pattern: 'envoy' }, { token, onLines: (b) => lines.push(...b) });
        // Cancelled while the files are still being read: the search sees the flag before the first document.
        token.isCancellationRequested = true;
        cancel();
        const done = await running;
        assert.ok(done.cancelled);
        assert.equal(done.matches, 0);
        assert.equal(lines.length, 0);
      });

      it('should reject an invalid regular expression with a message', async () => {
        await assert.rejects(texts(inline).search({ mode: 'regex', pattern: '[' }), SearchError);
      });

      it('should search an editor’s text instead of the file, and read a changed file again', async () => {
        const t = texts(inline);
        t.put(docs[1], 'Unsaved: the mediator arrived.');
        let done = await t.search({ mode: 'word', pattern: 'mediator' });
        assert.equal(done.matches, 1);
        const before = readFileSync(new URL(docs[2]), 'utf8');
        try {
          writeFileSync(new URL(docs[2]), 'The mediator left.\n');
          t.invalidate([docs[1], docs[2]]);
          done = await t.search({ mode: 'word', pattern: 'mediator' });
          assert.equal(done.documents, 1, 'the file on disk again for docs[1], the new text for docs[2]');
        } finally {
          writeFileSync(new URL(docs[2]), before);
        }
      });

      it('should give quotations’ words and KWIC lines of given spans', async () => {
        const t = texts(inline);
        const text = `Report 5\n\nThe envoy spoke briefly.\n"A ceasefire now," the envoy said.\n`;
        const start = text.indexOf('"');
        const [[q]] = await t.quotes([{ doc: docs[5], spans: [start, text.indexOf('"', start + 1) + 1] }]);
        assert.equal(q?.words, 'A ceasefire now,');
        const lines: KwicLine[] = [];
        await t.kwic([{ doc: docs[5], spans: [text.indexOf('envoy'), text.indexOf('envoy') + 5] }], { onLines: (b) => lines.push(...b) });
        assert.deepEqual(lines.map((l) => [l.match, l.line]), [['envoy', 2]]);
      });
    });
  }
});
