import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem, type NodeFsOps } from '../../../src/node/fsPort';

describe('NodeFileSystem', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-fs-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const real = (): NodeFsOps => ({
    readFile: (p) => fs.readFile(p),
    stat: (p) => fs.stat(p),
    open: (p, f, m) => fs.open(p, f, m),
    rename: (a, b) => fs.rename(a, b),
    unlink: (p) => fs.unlink(p),
  });

  it('reads undefined for a missing file and throws for a directory', async () => {
    const port = new NodeFileSystem();
    assert.equal(await port.read(path.join(dir, 'nope.lens.yaml')), undefined);
    await assert.rejects(port.read(dir), /is a directory/);
  });

  it('writes through a temporary file in the same folder, then renames it over the target', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(target, 'old');
    const seen: string[] = [];
    const ops = real();
    const port = new NodeFileSystem({ ...ops, rename: async (a, b) => {
      seen.push(path.dirname(a), path.basename(a));
      assert.equal(await fs.readFile(target, 'utf8'), 'old', 'the target is untouched until the rename');
      return ops.rename(a, b);
    } });
    await port.write(target, new TextEncoder().encode('new'));
    assert.equal(seen[0], dir);
    assert.match(seen[1], /^\.a\.txt\.lens\.yaml\.[0-9a-f]+\.tmp$/);
    assert.equal(await fs.readFile(target, 'utf8'), 'new');
    assert.deepEqual(await fs.readdir(dir), ['a.txt.lens.yaml']);
  });

  it('leaves the old file and no temporary file when the write fails midway', async () => {
    const target = path.join(dir, 'a.txt.lens.yaml');
    await fs.writeFile(target, 'precious');
    const ops = real();
    const port = new NodeFileSystem({
      ...ops,
      open: async (p, f, m) => {
        const h = await ops.open(p, f, m);
        return {
          writeFile: async (d) => {
            await h.writeFile(d.subarray(0, 2));
            throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
          },
          sync: () => h.sync(),
          close: () => h.close(),
        };
      },
    });
    await assert.rejects(port.write(target, new TextEncoder().encode('replacement')), /disk full/);
    assert.equal(await fs.readFile(target, 'utf8'), 'precious');
    assert.deepEqual(await fs.readdir(dir), ['a.txt.lens.yaml']);
  });

  it('leaves the old file when the rename fails', async () => {
    const target = path.join(dir, 'b.txt.lens.yaml');
    await fs.writeFile(target, 'precious');
    const port = new NodeFileSystem({ ...real(), rename: async () => {
      throw Object.assign(new Error('EXDEV'), { code: 'EXDEV' });
    } });
    await assert.rejects(port.write(target, new TextEncoder().encode('x')));
    assert.equal(await fs.readFile(target, 'utf8'), 'precious');
    assert.deepEqual(await fs.readdir(dir), ['b.txt.lens.yaml']);
  });

  it('refuses to replace a directory', async () => {
    const target = path.join(dir, 'c.txt.lens.yaml');
    await fs.mkdir(target);
    await assert.rejects(new NodeFileSystem().write(target, new Uint8Array([1])), /is a directory/);
    assert.ok((await fs.stat(target)).isDirectory());
  });
});
