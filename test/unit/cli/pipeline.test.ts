import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { main } from '../../../src/cli';
import { CorpusFile, createCorrection, extractOptionsFrom, hashText, reanchorEdits, SidecarFile, SidecarStore, type SidecarData } from '../../../src/core/annotations';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { AnalysisStore } from '../../../src/node/analysisStore';
import { CorpusLoader } from '../../../src/node/corpusLoader';
import { NodeFileSystem } from '../../../src/node/fsPort';
import { NodeDocumentSource } from '../../../src/node/nodeDocumentSource';

const A = 'Mosul talks stall\n\nMOSUL, Iraq — Omar Saleh, the council chairman, said on Monday that the talks "will resume within a week." Karim Haddad, a lawyer from Basra, disagreed.\n';
const B = 'Council split\n\nAbu Yusuf told reporters in Erbil on Tuesday: "Nobody will leave the table." Karim Haddad left on Wednesday.\n';
/** c.txt as it was when its sidecar was written; a line was added on top since. */
const C_BEFORE = 'Ferry service resumes\n\nThe harbour master, Lina Aziz, said on Friday that "the ferries will sail again."\n';
const C = 'UPDATED at noon\n' + C_BEFORE;
const CORPUS = 'version: 1\nentities:\n  - id: omar-saleh\n    name: Omar Saleh\n    type: person\n    aliases: [Abu Yusuf]\n    merged: []\n';

interface Json {
  documents: { file: string; mentions: { start: number; end: number; text: string; type: string; entity: string; value?: string }[]; quotes: { start: number; end: number; speaker: string | null }[]; documentDate?: { value: string; source: string } }[];
  entities: { id: string; name: string }[];
}

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => void out.push(s), (s) => void err.push(s));
  return { code, out: out.join('\n'), err };
}

/**
 * The corpus as the editor indexes it (src/vscode/corpusIndexer.ts and annotationService.ts, on node's
 * file system): documents named by file URI, read by the corpus loader; each one's options from its
 * sidecar — re-anchored and written back first when the text changed since — and the corpus file.
 */
async function editorJson(root: string, files: string[]): Promise<Json> {
  const store = new SidecarStore(new NodeFileSystem());
  const corpus = CorpusFile.parse(readFileSync(path.join(root, 'corpus-lens.yaml')));
  assert.ok(corpus.ok);
  const docs = files.map((f) => pathToFileURL(path.join(root, f)).href);
  const sidecars = new Map<string, SidecarData>();
  for (const doc of docs) {
    const p = fileURLToPath(doc);
    const text = readFileSync(p, 'utf8');
    const loaded = await store.load(p, text);
    if (loaded.kind !== 'ok') continue;
    if (loaded.file.data.document.hash === hashText(text)) sidecars.set(doc, loaded.file.data);
    else {
      const r = await store.update(p, text, (file) => {
        const re = reanchorEdits(file, text);
        return re.edits.length ? file.apply(re.edits) : [];
      });
      assert.equal(r.kind, 'written');
      if (r.kind === 'written') sidecars.set(doc, r.file.data);
    }
  }
  const index = new CorpusIndex({ hash: (t) => createHash('sha1').update(t).digest('hex'), optionsFor: (doc) => extractOptionsFrom(sidecars.get(doc), corpus.file.data) });
  const loader = new CorpusLoader({ index, store: new AnalysisStore(undefined), source: new NodeDocumentSource(), maxChars: 2_000_000 });
  await loader.indexAll(docs);
  const documents = docs.map((doc, i) => {
    const r = index.resolved(doc);
    assert.ok(r, doc);
    return { file: files[i], mentions: r.mentions, quotes: r.quotes, ...(r.documentDate ? { documentDate: r.documentDate } : {}) };
  });
  return JSON.parse(JSON.stringify({ documents, entities: index.entities() }));
}

const mention = (j: Json, file: string, text: string) => j.documents.find((d) => d.file === file)?.mentions.find((m) => m.text === text);

describe('corpus-lens extract: the analyst input and the answer of the editor', () => {
  let root: string;
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
    root = mkdtempSync(path.join(tmpdir(), 'lens-pipeline-'));
    mkdirSync(path.join(root, 'sub'));
    writeFileSync(path.join(root, 'corpus-lens.yaml'), CORPUS);
    writeFileSync(path.join(root, 'a.txt'), A);
    const a = SidecarFile.create(A, { date: '2016-11-03' });
    const basra = A.indexOf('Basra');
    a.apply({ kind: 'addCorrection', correction: createCorrection(A, basra, basra + 5, { action: 'not-entity', author: 'lena', now: '2024-05-01T10:00:00Z' }) });
    writeFileSync(path.join(root, 'a.txt.lens.yaml'), a.toString());
    writeFileSync(path.join(root, 'sub', 'b.txt'), B);
    const c = SidecarFile.create(C_BEFORE, { date: '2016-11-05' });
    const lina = C_BEFORE.indexOf('Lina Aziz');
    c.apply({ kind: 'addCorrection', correction: createCorrection(C_BEFORE, lina, lina + 9, { action: 'mark', type: 'speaker', author: 'lena', now: '2024-05-01T10:00:00Z' }) });
    writeFileSync(path.join(root, 'c.txt.lens.yaml'), c.toString());
    writeFileSync(path.join(root, 'c.txt'), C);
    process.chdir(root);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(root, { recursive: true, force: true });
  });

  it('gives the JSON the editor gives for the same files: corrections, document dates and aliases applied', async () => {
    const stale = readFileSync(path.join(root, 'c.txt.lens.yaml'), 'utf8');
    const r = await run('extract', '.', '--json');
    assert.equal(r.code, 0, r.err.join('\n'));
    // The CLI re-anchors a stale sidecar in memory; it never writes.
    assert.equal(readFileSync(path.join(root, 'c.txt.lens.yaml'), 'utf8'), stale);
    const cli = JSON.parse(r.out) as Json;
    const editor = await editorJson(root, ['a.txt', 'c.txt', 'sub/b.txt']);
    assert.deepEqual(cli, editor);
    // And the analyst's input is there: the correction, the dates, the alias, the re-anchored mark.
    assert.equal(mention(cli, 'a.txt', 'Basra'), undefined);
    assert.deepEqual(cli.documents[0].documentDate, { value: '2016-11-03', source: 'analyst' });
    assert.equal(mention(cli, 'a.txt', 'Monday')?.value, '2016-10-31');
    assert.equal(mention(cli, 'sub/b.txt', 'Abu Yusuf')?.entity, 'omar-saleh');
    assert.deepEqual(mention(cli, 'c.txt', 'Lina Aziz'), { start: C.indexOf('Lina Aziz'), end: C.indexOf('Lina Aziz') + 9, text: 'Lina Aziz', type: 'speaker', entity: 'lina-aziz' });
    assert.equal(mention(cli, 'c.txt', 'Friday')?.value, '2016-11-04');
  });

  it('finds the corpus file above a document named alone', async () => {
    const r = await run('extract', path.join('sub', 'b.txt'), '--json');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.equal(mention(JSON.parse(r.out), path.join('sub', 'b.txt'), 'Abu Yusuf')?.entity, 'omar-saleh');
  });

  it('--date dates the documents whose sidecar has no date; a sidecar date wins', async () => {
    const r = await run('extract', '.', '--json', '--date', '2017-01-05');
    assert.equal(r.code, 0, r.err.join('\n'));
    const j = JSON.parse(r.out) as Json;
    assert.deepEqual(j.documents.map((d) => [d.file.split(path.sep).join('/'), d.documentDate?.value]), [['a.txt', '2016-11-03'], ['c.txt', '2016-11-05'], ['sub/b.txt', '2017-01-05']]);
    assert.equal(mention(j, path.join('sub', 'b.txt'), 'Tuesday')?.value, '2017-01-03');
  });

  it('reports a sidecar that does not validate, extracts without it (as the editor does) and exits 1', async () => {
    writeFileSync(path.join(root, 'a.txt.lens.yaml'), 'version: 1\ndocument:\n  hash: sha256:00\n');
    const r = await run('extract', '.', '--json');
    assert.equal(r.code, 1);
    assert.equal(r.err[0], "a.txt.lens.yaml:3:9: document.hash: 'sha256:00' is not sha256: followed by 64 lowercase hex digits (ignored)");
    const j = JSON.parse(r.out) as Json;
    assert.equal(j.documents.length, 3);
    assert.equal(mention(j, 'a.txt', 'Basra')?.type, 'place');
    assert.equal(mention(j, 'sub/b.txt', 'Abu Yusuf')?.entity, 'omar-saleh');
  });

  it('export --entities exports the mentions extract finds', async () => {
    const extract = JSON.parse((await run('extract', '.', '--json')).out) as Json;
    const r = await run('export', '.', '--format', 'jsonl', '--entities');
    assert.equal(r.code, 0, r.err.join('\n'));
    const rows = r.out.split('\n').map((l) => JSON.parse(l));
    for (const d of extract.documents) {
      const exported = rows.filter((x) => x.kind === 'mention' && x.file === d.file).map(({ kind: _k, file: _f, ...m }) => m);
      assert.deepEqual(exported, d.mentions, d.file);
    }
  });
});
