import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_STALE_MS, lockPathFor } from '../../../src/node/fileLock';
import { NodeFileSystem, realFsOps, STALE_TEMP_MS, versionOf } from '../../../src/node/fsPort';

const bytes = (s: string) => new TextEncoder().encode(s);

/** The name this machine gives a lock it is taking (seen by catching one in the act). */
async function stagedNameOfThisMachine(): Promise<string | undefined> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-tag-'));
  let seen: string | undefined;
  const port = new NodeFileSystem({ ...realFsOps, link: async (a, b) => ((seen = path.basename(a)), realFsOps.link(a, b)) });
  await port.write(path.join(dir, 'x'), bytes('x'));
  await fs.rm(dir, { recursive: true, force: true });
  return seen;
}

describe('NodeFileSystem', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-fs-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reads missing for a missing file, the bytes and their version for a file, and throws for a directory', async () => {
    const port = new NodeFileSystem();
    assert.deepEqual(await port.read(path.join(dir, 'nope.lens.yaml')), { kind: 'missing' });
    await fs.writeFile(path.join(dir, 'a'), 'abc');
    const r = await port.read(path.join(dir, 'a'));
    assert.equal(r.kind, 'file');
    assert.equal(r.kind === 'file' && new TextDecoder().decode(r.bytes), 'abc');
    assert.equal(r.kind === 'file' && r.version, versionOf(bytes('abc')));
    await assert.rejects(port.read(dir), /is a directory/);
  });

  it('refuses a file over the limit from its size, without reading a byte', async () => {
    const big = path.join(dir, 'big.lens.yaml');
    // A sparse file: 1.5 GB in size, nothing on disk.
    const h = await fs.open(big, 'w');
    await h.truncate(1.5 * 1024 ** 3);
    await h.close();
    let opened = 0;
    const port = new NodeFileSystem({ ...realFsOps, open: (p, f, m) => (opened++, realFsOps.open(p, f, m)), readFile: () => assert.fail('the file was read') });
    const before = process.memoryUsage().rss;
    assert.deepEqual(await port.read(big, { maxBytes: 4 * 1024 * 1024 }), { kind: 'too-large', size: 1.5 * 1024 ** 3 });
    assert.equal(opened, 0);
    assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024);
  });

  it('refuses a FIFO instead of waiting on it forever', async function () {
    if (process.platform === 'win32') this.skip();
    const fifo = path.join(dir, 'pipe.txt.lens.yaml');
    execFileSync('mkfifo', [fifo]);
    await assert.rejects(new NodeFileSystem().read(fifo, { maxBytes: 1024 }), /not a regular file/);
  });

  it('writes through a temporary file in the same folder, then renames it over the target', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(target, 'old');
    const seen: string[] = [];
    const port = new NodeFileSystem({
      ...realFsOps,
      rename: async (a, b) => {
        if (b === target) {
          seen.push(path.dirname(a), path.basename(a));
          assert.equal(await fs.readFile(target, 'utf8'), 'old', 'the target is untouched until the rename');
        }
        return realFsOps.rename(a, b);
      },
    });
    await port.write(target, bytes('new'));
    assert.equal(seen[0], dir);
    assert.match(seen[1], /^\.a\.txt\.lens\.yaml\.[0-9a-f]{12}\.tmp$/);
    assert.equal(await fs.readFile(target, 'utf8'), 'new');
    assert.deepEqual(await fs.readdir(dir), ['a.txt.lens.yaml'], 'no temporary file and no lock left');
  });

  it('writes only if the file is still at the expected version', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    const port = new NodeFileSystem();
    assert.equal((await port.writeIfUnchanged(target, bytes('one'), null)).kind, 'written', 'created where nothing was expected');
    assert.equal((await port.writeIfUnchanged(target, bytes('two'), null)).kind, 'conflict', 'not created over a file that appeared');
    const v1 = versionOf(bytes('one'));
    await fs.writeFile(target, 'changed by another program');
    assert.deepEqual(await port.writeIfUnchanged(target, bytes('two'), v1), { kind: 'conflict' });
    assert.equal(await fs.readFile(target, 'utf8'), 'changed by another program');
    // Same size, other bytes: the content is compared, not only the size.
    await fs.writeFile(target, 'onf');
    assert.deepEqual(await port.writeIfUnchanged(target, bytes('two'), v1), { kind: 'conflict' });
    await fs.writeFile(target, 'one');
    assert.deepEqual(await port.writeIfUnchanged(target, bytes('two'), v1), { kind: 'written', version: versionOf(bytes('two')) });
    assert.equal(await fs.readFile(target, 'utf8'), 'two');
  });

  it('checks the version under the lock, just before the rename', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(target, 'one');
    let lockSeen = false;
    const port = new NodeFileSystem({
      ...realFsOps,
      open: async (p, f, m) => {
        if (p === target) lockSeen = await fs.stat(lockPathFor(target)).then(() => true, () => false);
        return realFsOps.open(p, f, m);
      },
    });
    await port.writeIfUnchanged(target, bytes('two'), versionOf(bytes('one')));
    assert.ok(lockSeen, 'the file was compared while its lock was held');
  });

  it('leaves the old file and no temporary file when the write fails midway', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(target, 'precious');
    const port = new NodeFileSystem({
      ...realFsOps,
      open: async (p, f, m) => {
        const h = await realFsOps.open(p, f, m);
        if (!p.endsWith('.tmp')) return h;
        return {
          writeFile: async (d: Uint8Array) => {
            await h.writeFile(d.subarray(0, 2));
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          },
          sync: () => h.sync(),
          close: () => h.close(),
        };
      },
    });
    await assert.rejects(port.write(target, bytes('replacement')), /disk full/);
    assert.equal(await fs.readFile(target, 'utf8'), 'precious');
    assert.deepEqual(await fs.readdir(dir), ['a.txt.lens.yaml']);
  });

  it('leaves the old file when the rename fails', async () => {
    const target = path.join(dir, 'b.txt.lens.yaml');
    await fs.writeFile(target, 'precious');
    const port = new NodeFileSystem({
      ...realFsOps,
      rename: async (a, b) => {
        if (b === target) throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
        return realFsOps.rename(a, b);
      },
    });
    await assert.rejects(port.write(target, bytes('x')));
    assert.equal(await fs.readFile(target, 'utf8'), 'precious');
    assert.deepEqual(await fs.readdir(dir), ['b.txt.lens.yaml']);
  });

  it('refuses to replace a directory', async () => {
    const target = path.join(dir, 'c.txt.lens.yaml');
    await fs.mkdir(target);
    await assert.rejects(new NodeFileSystem().write(target, new Uint8Array([1])), /is a directory/);
    assert.ok((await fs.stat(target)).isDirectory());
  });

  it('keeps a symbolic link a link, and writes the file it points to', async function () {
    if (process.platform === 'win32') this.skip();
    await fs.mkdir(path.join(dir, 'store'));
    const real = path.join(dir, 'store', 'real.yaml');
    await fs.writeFile(real, 'one');
    const link = path.join(dir, 'a.txt.lens.yaml');
    await fs.symlink(path.join('store', 'real.yaml'), link);
    const r = await new NodeFileSystem().writeIfUnchanged(link, bytes('two'), versionOf(bytes('one')));
    assert.equal(r.kind, 'written');
    assert.ok((await fs.lstat(link)).isSymbolicLink(), 'still a link');
    assert.equal(await fs.readFile(real, 'utf8'), 'two');
    assert.deepEqual((await fs.readdir(path.join(dir, 'store'))).sort(), ['real.yaml']);
  });

  it('removes temporary files left by dead writers: of the same file at once, a stale lock set aside at once, of others when old', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    const deadOwn = path.join(dir, '.a.txt.lens.yaml.0123456789ab.tmp');
    // Locks being taken: by this (live) process, by a process that is gone, by another machine long ago.
    const tag = /@([0-9a-f]{8})\./.exec((await stagedNameOfThisMachine()) ?? '')?.[1] ?? '00000000';
    const youngStaged = path.join(dir, `.a.txt.lens.yaml.lock.${process.pid}@${tag}.0123456789ab.new`);
    const deadStaged = path.join(dir, `.a.txt.lens.yaml.lock.4194304@${tag}.0123456789ab.new`);
    const oldStaged = path.join(dir, '.a.txt.lens.yaml.lock.77@ffffffff.0123456789cd.new');
    const oldBrokenLock = path.join(dir, '.a.txt.lens.yaml.lock.0123456789ab.tmp');
    const youngOther = path.join(dir, '.b.txt.lens.yaml.0123456789ab.tmp');
    const oldOther = path.join(dir, '.c.txt.lens.yaml.ba9876543210.tmp');
    const notOurs = path.join(dir, '.c.txt.lens.yaml.tmp');
    for (const f of [deadOwn, youngStaged, deadStaged, oldStaged, oldBrokenLock, youngOther, oldOther, notOurs]) await fs.writeFile(f, 'half a fi');
    // Locks set aside by a breaker killed before it removed them: one of a writer that is gone
    // (litter at once), one of this live process (perhaps about to be put back: it stays).
    const deadBrokenLock = path.join(dir, '.a.txt.lens.yaml.lock.fedcba987654.tmp');
    const liveBrokenLock = path.join(dir, '.a.txt.lens.yaml.lock.456789abcdef.tmp');
    await fs.writeFile(deadBrokenLock, `4194304 ${os.hostname()} ${Date.now()} 0123\n`);
    await fs.writeFile(liveBrokenLock, `${process.pid} ${os.hostname()} ${Date.now()} 0123\n`);
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    for (const f of [oldStaged, oldBrokenLock, oldOther, notOurs]) await fs.utimes(f, old, old);
    await new NodeFileSystem().write(target, bytes('x'));
    // Another writer's lock being taken right now, and other files' fresh temporary files, stay.
    assert.deepEqual((await fs.readdir(dir)).sort(), [path.basename(youngStaged), path.basename(liveBrokenLock), '.b.txt.lens.yaml.0123456789ab.tmp', '.c.txt.lens.yaml.tmp', 'a.txt.lens.yaml'].sort());
  });

  it('breaks at once a lock left by a process that is gone', async function () {
    // Not waiting for the lock to grow stale (LOCK_STALE_MS) is the point.
    this.timeout(LOCK_STALE_MS / 2);
    const target = path.join(dir, 'a.txt.lens.yaml');
    // A pid that does not exist: the highest possible one is not in use.
    await fs.writeFile(lockPathFor(target), `4194304 ${os.hostname()} ${Date.now()} 0123\n`);
    await new NodeFileSystem().write(target, bytes('x'));
    assert.equal(await fs.readFile(target, 'utf8'), 'x');
    assert.deepEqual(await fs.readdir(dir), ['a.txt.lens.yaml']);
  });

  it('waits for a lock held by a live process', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(lockPathFor(target), `${process.pid} ${os.hostname()} ${Date.now()} 0123\n`);
    let done = false;
    const writing = new NodeFileSystem().write(target, bytes('x')).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 150));
    assert.equal(done, false, 'the writer waits');
    await fs.unlink(lockPathFor(target));
    await writing;
    assert.equal(await fs.readFile(target, 'utf8'), 'x');
  });

  it('lists files by suffix, skipping dot-folders and node_modules', async () => {
    await fs.mkdir(path.join(dir, 'sub', 'deeper'), { recursive: true });
    await fs.mkdir(path.join(dir, '.git'));
    await fs.mkdir(path.join(dir, 'node_modules'));
    for (const f of ['a.txt.lens.yaml', 'sub/b.txt.lens.yaml', 'sub/deeper/c.txt.lens.yaml', 'corpus-lens.yaml', 'sub/x.txt', '.git/d.txt.lens.yaml', 'node_modules/e.txt.lens.yaml']) await fs.writeFile(path.join(dir, f), '');
    const found = await new NodeFileSystem().list(dir, ['.lens.yaml', 'corpus-lens.yaml']);
    assert.deepEqual(found.map((f) => path.relative(dir, f)).sort(), ['a.txt.lens.yaml', 'corpus-lens.yaml', 'sub/b.txt.lens.yaml', 'sub/deeper/c.txt.lens.yaml']);
  });
});

