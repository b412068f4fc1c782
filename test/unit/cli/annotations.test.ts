import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { createAnnotation, SidecarFile } from '../../../src/core/annotations';

const TEXT = 'The minister said "we will not negotiate" on Tuesday.\nThe envoy 😀 disagreed, with a note.\n';

async function run(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, (s) => void out.push(s), (s) => void err.push(s));
  return { code, out, err };
}

describe('corpus-lens validate and export', () => {
  let dir: string;
  let cwd: string;
  before(async () => {
    cwd = process.cwd();
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-cli-'));
    await fs.writeFile(path.join(dir, 'report.txt'), TEXT);
    const f = SidecarFile.create(TEXT, { date: '2016-11-03' });
    const env = TEXT.indexOf('envoy');
    f.apply([
      { kind: 'addAnnotation', annotation: { ...createAnnotation(TEXT, 18, 41, { tags: ['claim', 'quote'], note: 'a "key", line', author: 'lena', now: '2024-05-01T10:00:00Z' }), id: 'a-claim001' } },
      { kind: 'addAnnotation', annotation: { ...createAnnotation(TEXT, env, TEXT.indexOf('disagreed') + 9, { tags: ['dissent'], now: '2024-05-01T10:00:00Z' }), id: 'a-envoy001' } },
    ]);
    await fs.writeFile(path.join(dir, 'report.txt.lens.yaml'), f.toString());
    await fs.writeFile(path.join(dir, 'corpus-lens.yaml'), 'version: 1\ntags:\n  - name: claim\n    color: "#ff0000"\n');
    await fs.mkdir(path.join(dir, 'bad'));
    await fs.writeFile(path.join(dir, 'bad', 'x.txt.lens.yaml'), 'version: 1\ndocument:\n  hash: sha256:00\n');
    process.chdir(dir);
  });
  after(async () => {
    process.chdir(cwd);
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('validate prints "N files ok" for good files', async () => {
    const r = await run(['validate', 'report.txt.lens.yaml', 'corpus-lens.yaml']);
    assert.deepEqual(r, { code: 0, out: ['2 files ok'], err: [] });
  });

  it('validate prints file:line:col: message and exits 1 for a bad file', async () => {
    const r = await run(['validate', '.']);
    assert.equal(r.code, 1);
    assert.equal(r.err[0], `${path.join('bad', 'x.txt.lens.yaml')}:3:9: document.hash: 'sha256:00' is not sha256: followed by 64 lowercase hex digits`);
    assert.match(r.err[r.err.length - 1], /1 of 3 files have errors/);
  });

  it('exports jsonl, one annotation per line', async () => {
    const r = await run(['export', 'report.txt', '--format', 'jsonl']);
    assert.equal(r.code, 0);
    const rows = r.out.map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((x) => [x.id, x.start, x.end, x.exact]), [['a-claim001', 18, 41, '"we will not negotiate"'], ['a-envoy001', 58, 76, 'envoy 😀 disagreed']]);
  });

  it('exports csv with RFC 4180 quoting', async () => {
    const r = await run(['export', '.', '--format=csv']);
    assert.equal(r.out[0], 'kind,file,id,start,end,text,tags,note,author,created,modified,status,type,entity,value,action,name,speaker,speaker_name,date');
    assert.equal(r.out[1], 'annotation,report.txt,a-claim001,18,41,"""we will not negotiate""",claim;quote,"a ""key"", line",lena,2024-05-01T10:00:00Z,2024-05-01T10:00:00Z,,,,,,,,,');
  });

  it('exports W3C Web Annotations with position (code points) and quote selectors', async () => {
    const r = await run(['export', 'report.txt.lens.yaml', '--format', 'w3c']);
    const c = JSON.parse(r.out.join('\n'));
    assert.equal(c['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(c.type, 'AnnotationCollection');
    const env = c.first.items[1];
    assert.equal(env.type, 'Annotation');
    assert.deepEqual(env.target.selector[0], { type: 'TextPositionSelector', start: 58, end: 75 });
    assert.equal(env.target.selector[1].type, 'TextQuoteSelector');
    assert.deepEqual(c.first.items[0].body.map((b: { purpose: string }) => b.purpose), ['tagging', 'tagging', 'commenting']);
  });

  it('exports a date mention’s value in W3C Web Annotations, finer than its entity', async () => {
    await fs.writeFile(path.join(dir, 'dated.txt'), 'The blast came at 4:23 p.m. on Nov. 3, 2016.\n');
    try {
      const r = await run(['export', 'dated.txt', '--format', 'w3c', '--entities']);
      const c = JSON.parse(r.out.join('\n'));
      const date = c.first.items.find((i: { body: Array<{ purpose: string; value: string }> }) => i.body.some((b) => b.value === 'date'));
      assert.deepEqual(date.body.map((b: { purpose: string; value: string }) => [b.purpose, b.value]), [['classifying', 'date'], ['identifying', '2016-11-03'], ['describing', '2016-11-03T16:23']]);
    } finally {
      await fs.rm(path.join(dir, 'dated.txt'));
    }
  });

  it('exports brat standoff with notes', async () => {
    const r = await run(['export', 'report.txt', '--format', 'brat']);
    assert.deepEqual(r.out, ['T1\tclaim 18 41\t"we will not negotiate"', 'T2\tquote 18 41\t"we will not negotiate"', '#1\tAnnotatorNotes T1\ta "key", line', 'T3\tdissent 58 75\tenvoy 😀 disagreed']);
  });

  it('re-anchors (in memory) annotations of a document that changed', async () => {
    await fs.writeFile(path.join(dir, 'moved.txt'), TEXT);
    await fs.copyFile(path.join(dir, 'report.txt.lens.yaml'), path.join(dir, 'moved.txt.lens.yaml'));
    await fs.writeFile(path.join(dir, 'moved.txt'), 'BREAKING\n' + TEXT);
    const before = await fs.readFile(path.join(dir, 'moved.txt.lens.yaml'), 'utf8');
    const r = await run(['export', 'moved.txt', '--format', 'jsonl']);
    assert.equal(JSON.parse(r.out[0]).start, 27);
    assert.equal(await fs.readFile(path.join(dir, 'moved.txt.lens.yaml'), 'utf8'), before);
  });

  it('rejects an unknown format as a usage error', async () => {
    const r = await run(['export', 'report.txt', '--format', 'xml']);
    assert.equal(r.code, 2);
    assert.match(r.err[0], /--format must be one of csv, jsonl, w3c, brat/);
  });
});
