import * as assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../../src/cli';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';

const ROOT = path.join(__dirname, '../../..');

/** The CLI in this process, with its output lines. */
async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (s) => void out.push(s), (s) => void err.push(s));
  return { code, out: out.join('\n'), err };
}

/** The CLI as a process (from the sources), for what must not hang the test runner or needs real streams. */
function spawnCli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, ['-r', path.join(ROOT, 'test/register-ts.cjs'), path.join(ROOT, 'src/cli.ts'), ...args], { cwd, encoding: 'utf8', timeout: 15_000, maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.signal, null, `the CLI was killed (${r.signal}): it hung or ran away\n${r.stderr}`);
  return { code: r.status, out: r.stdout, err: r.stderr.split('\n').filter(Boolean) };
}

const files = (json: string) => (JSON.parse(json).documents as { file: string }[]).map((d) => d.file.split(path.sep).join('/'));

describe('corpus-lens: one bad input never aborts a run', function () {
  this.timeout(30_000);
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    cwd = process.cwd();
    dir = mkdtempSync(path.join(tmpdir(), 'lens-robust-'));
    writeFileSync(path.join(dir, 'good.txt'), 'Headline\n\nThe envoy spoke in Cairo on Monday.\n');
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('extracts the two lines that sent pronoun resolution into endless recursion, and every other document', async () => {
    writeFileSync(path.join(dir, 'stray-mark.txt'), 'Anna Smith met Bob. "\nHe told me."\n');
    const r = await run('extract', '.', '--json');
    assert.equal(r.code, 0, r.err.join('\n'));
    assert.deepEqual(files(r.out), ['good.txt', 'stray-mark.txt']);
  });

  it('reports a document the extractor fails on in one line, skips it, prints the rest and exits 1', async () => {
    writeFileSync(path.join(dir, 'poison.txt'), 'Headline\n\nPOISON in Baghdad.\n');
    const update = CorpusIndex.prototype.update;
    CorpusIndex.prototype.update = function (this: CorpusIndex, doc: string, text: string) {
      if (text.includes('POISON')) throw new RangeError('Maximum call stack size exceeded');
      return update.call(this, doc, text);
    };
    try {
      const json = await run('extract', '.', '--json');
      assert.equal(json.code, 1);
      assert.deepEqual(files(json.out), ['good.txt']);
      assert.deepEqual(json.err, ['poison.txt: skipped: the extractor failed (RangeError: Maximum call stack size exceeded)', 'corpus-lens: extract: 1 of 2 documents extracted; 1 problem above']);
      const listing = await run('extract', 'poison.txt', 'good.txt');
      assert.equal(listing.code, 1);
      assert.match(listing.out, /^good\.txt: 2 mentions/);
    } finally {
      CorpusIndex.prototype.update = update;
    }
  });

  it('reports a missing path and an unreadable file, and extracts the rest', async () => {
    // A symlink loop cannot be read by anyone, root included.
    symlinkSync(path.join(dir, 'loop-b.txt'), path.join(dir, 'loop-a.txt'));
    symlinkSync(path.join(dir, 'loop-a.txt'), path.join(dir, 'loop-b.txt'));
    const r = await run('extract', 'missing.txt', 'loop-a.txt', 'good.txt', '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(files(r.out), ['good.txt']);
    assert.deepEqual(r.err.slice(0, 2), ['missing.txt: skipped: no such file or folder', 'loop-a.txt: skipped: cannot read (ELOOP)']);
  });

  it('writes control characters of a name as escapes: one problem, one line', async () => {
    const r = await run('extract', 'no\nsuch\u001b[31m.txt');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['no\\nsuch\\u001b[31m.txt: skipped: no such file or folder']);
  });

  it('does not wait on a FIFO, named or found in a folder', function () {
    if (process.platform === 'win32') this.skip();
    mkdirSync(path.join(dir, 'corpus'));
    writeFileSync(path.join(dir, 'corpus', 'a.txt'), 'The envoy spoke in Cairo on Monday.\n');
    execFileSync('mkfifo', [path.join(dir, 'corpus', 'pipe.txt')]);
    const r = spawnCli(['extract', 'corpus', path.join('corpus', 'pipe.txt'), '--json'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(files(r.out), [path.join('corpus', 'a.txt').split(path.sep).join('/')]);
    assert.deepEqual(r.err.slice(0, 2), [`${path.join('corpus', 'pipe.txt')}: skipped: not a regular file (a FIFO)`, `${path.join('corpus', 'pipe.txt')}: skipped: not a regular file (a FIFO)`]);
  });

  it('does not read a device, named or reached through a symbolic link', function () {
    if (process.platform === 'win32') this.skip();
    mkdirSync(path.join(dir, 'corpus'));
    symlinkSync('/dev/zero', path.join(dir, 'corpus', 'zero.txt'));
    const r = spawnCli(['extract', '/dev/zero', 'corpus', 'good.txt', '--json'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(files(r.out), ['good.txt']);
    assert.deepEqual(r.err.slice(0, 2), ['/dev/zero: skipped: not a regular file (a character device)', `${path.join('corpus', 'zero.txt')}: skipped: symbolic link to a character device`]);
  });

  it('in a folder: follows links to files inside it, reports other links, passes over dot-files in silence', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'lens-outside-'));
    try {
      writeFileSync(path.join(outside, 'secret.txt'), 'Private notes on Ann Price.\n');
      mkdirSync(path.join(dir, 'corpus', '.git'), { recursive: true });
      mkdirSync(path.join(dir, 'corpus', 'texts'));
      writeFileSync(path.join(dir, 'corpus', 'texts', 'a.txt'), 'The envoy spoke in Cairo on Monday.\n');
      writeFileSync(path.join(dir, 'corpus', '.draft.txt'), 'A draft.\n');
      writeFileSync(path.join(dir, 'corpus', '.git', 'notes.txt'), 'Not a document.\n');
      symlinkSync(path.join(dir, 'corpus', 'texts', 'a.txt'), path.join(dir, 'corpus', 'linked.txt'));
      symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'corpus', 'secret.txt'));
      symlinkSync(outside, path.join(dir, 'corpus', 'elsewhere'));
      symlinkSync(path.join(dir, 'corpus', 'gone.txt'), path.join(dir, 'corpus', 'dangling.txt'));
      const r = await run('extract', 'corpus', '--json');
      assert.equal(r.code, 1);
      assert.deepEqual(files(r.out), ['corpus/linked.txt', 'corpus/texts/a.txt']);
      const c = (f: string) => path.join('corpus', f);
      assert.deepEqual(r.err.slice(0, -1), [
        `${c('dangling.txt')}: skipped: symbolic link that leads nowhere (ENOENT)`,
        `${c('elsewhere')}: skipped: symbolic link to a folder, not followed`,
        `${c('secret.txt')}: skipped: symbolic link to a file outside the folder, not followed`,
      ]);
      // Named explicitly, a dot-file is read.
      const named = await run('extract', path.join('corpus', '.draft.txt'), '--json');
      assert.equal(named.code, 0);
      assert.deepEqual(files(named.out), ['corpus/.draft.txt']);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('reads a file that is not UTF-8 as Windows-1252, with a warning: Málaga stays Málaga', async () => {
    writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from('Headline\n\nThe talks opened in M\xe1laga on Monday, the \x93envoy\x94 said.\n', 'latin1'));
    const r = await run('extract', 'latin1.txt', '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(r.err, ['latin1.txt: warning: not valid UTF-8; read as Windows-1252 (Latin-1)']);
    const doc = JSON.parse(r.out).documents[0];
    assert.ok(doc.mentions.some((m: { text: string; type: string }) => m.text === 'Málaga' && m.type === 'place'), JSON.stringify(doc.mentions));
  });

  it('reads UTF-16 with a byte-order mark, and refuses a binary file', async () => {
    writeFileSync(path.join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('The envoy spoke in Cairo on Monday.\n', 'utf16le')]));
    writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const r = await run('extract', 'utf16.txt', 'image.txt', '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(r.err[0], 'image.txt: skipped: binary file');
    assert.ok(JSON.parse(r.out).documents[0].mentions.some((m: { text: string }) => m.text === 'Cairo'));
  });

  it('checks the size before reading: a lone file over the limit is a message and exit 1', async () => {
    writeFileSync(path.join(dir, 'huge.txt'), '');
    truncateSync(path.join(dir, 'huge.txt'), 5 * 1024 * 1024 + 1);
    const r = await run('extract', 'huge.txt');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.equal(r.err[0], 'huge.txt: skipped: larger than 5 MB');
  });

  it('says so when a folder holds no document', async () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'notes.rtf'), 'x');
    const r = await run('extract', 'empty', '--json');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.out), { documents: [], entities: [] });
    assert.deepEqual(r.err, ['corpus-lens: extract: no documents (.txt, .md) in empty']);
  });

  it('no path at all, an unknown option or a bad value is a usage error: one line, exit 2', async () => {
    for (const argv of [['extract'], ['extract', '--json'], ['extract', '.', '--jsno'], ['extract', '.', '--date'], ['extract', '.', '--date', '2016-02-30'], ['validate'], ['validate', '.', '--fix'], ['export', '.', '--format', 'xml'], ['export', '--format', 'csv']]) {
      const r = await run(...argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.equal(r.out, '', argv.join(' '));
      assert.equal(r.err.length, 1, `${argv.join(' ')}: ${r.err.join(' | ')}`);
      assert.match(r.err[0], /^corpus-lens: (extract|validate|export): /);
    }
    assert.deepEqual((await run('extract', '.', '--jsno')).err, ['corpus-lens: extract: unknown option --jsno (see corpus-lens extract --help)']);
  });

  it('validate on a folder with no annotation file says so, and exits 1', async () => {
    const r = await run('validate', '.');
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.deepEqual(r.err, ['corpus-lens: validate: no annotation files (*.lens.yaml) or corpus files (corpus-lens.yaml) in .']);
  });

  it('validate reports an annotation file it cannot read and checks the others', function () {
    if (process.platform === 'win32') this.skip();
    writeFileSync(path.join(dir, 'corpus-lens.yaml'), 'version: 1\n');
    execFileSync('mkfifo', [path.join(dir, 'good.txt.lens.yaml')]);
    const r = spawnCli(['validate', '.'], dir);
    assert.equal(r.code, 1);
    assert.deepEqual(r.err, ['good.txt.lens.yaml: skipped: not a regular file (a FIFO)']);
    assert.equal(r.out.trim(), '1 file ok; 1 skipped (see above)');
  });

  it('stops quietly when the reader of its output goes away (`| head -1`)', async () => {
    // Far more output than a pipe holds (64 KB), so the CLI is still writing when the reader leaves.
    const paragraph = 'Colonel Ann Price said in Mosul on Monday that "the bridge is open," and left for Erbil.\n\n'.repeat(30);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(dir, `doc${i}.txt`), `Report ${i}\n\n${paragraph}`);
    for (const args of [['extract', '.', '--json'], ['extract', '.']]) {
      const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test/register-ts.cjs'), path.join(ROOT, 'src/cli.ts'), ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // The reader takes one line, as `head -1` does, and closes the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      assert.equal(stderr, '', args.join(' '));
      assert.equal(code, 0, args.join(' '));
    }
  });
});
