import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => out.push(s), (s) => err.push(s));
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('corpus-lens CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-lens-cli-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'a.txt'), 'Headline\n\nThe envoy spoke in Cairo on Monday.\n');
  writeFileSync(join(dir, 'sub', 'b.txt'), 'Another headline\n\n"We will stay," the mayor said.\n');
  writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));

  it('prints its commands with --help', async () => {
    const r = await run('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /corpus-lens extract/);
  });

  it('rejects an unknown command with a one-line error', async () => {
    const r = await run('frobnicate');
    assert.notEqual(r.code, 0);
    assert.equal(r.err.split('\n').length, 1);
  });

  it('extract --json prints documents and entities for files and folders', async () => {
    const r = await run('extract', join(dir, 'a.txt'), join(dir, 'sub'), '--json');
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.ok(Array.isArray(json.documents) && Array.isArray(json.entities));
    const files = json.documents.map((d: { file: string }) => d.file.replace(/\\/g, '/'));
    assert.ok(files.some((f: string) => f.endsWith('a.txt')) && files.some((f: string) => f.endsWith('sub/b.txt')), files.join(', '));
    for (const d of json.documents) assert.ok(Array.isArray(d.mentions) && Array.isArray(d.quotes));
  });

  it('skips a binary file with a message on stderr, and exits 1', async () => {
    const r = await run('extract', join(dir, 'image.txt'), '--json');
    assert.equal(r.code, 1);
    assert.match(r.err, /image\.txt: skipped: binary file/);
    assert.deepEqual(JSON.parse(r.out).documents, []);
  });

  it('reports a missing path in one line on stderr, and exits 1', async () => {
    const r = await run('extract', join(dir, 'missing.txt'));
    assert.equal(r.code, 1);
    assert.equal(r.err, `${join(dir, 'missing.txt')}: skipped: no such file or folder`);
  });

  it('reports an unreadable file in one line on stderr, and exits 1', async () => {
    // A symlink loop cannot be read by anyone, root included.
    symlinkSync(join(dir, 'loop-b.txt'), join(dir, 'loop-a.txt'));
    symlinkSync(join(dir, 'loop-a.txt'), join(dir, 'loop-b.txt'));
    const r = await run('extract', join(dir, 'loop-a.txt'));
    assert.equal(r.code, 1);
    assert.equal(r.err, `${join(dir, 'loop-a.txt')}: skipped: cannot read (ELOOP)`);
  });
});
