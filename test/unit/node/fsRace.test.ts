import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { SidecarFile } from '../../../src/core/annotations';
import { NodeFileSystem } from '../../../src/node/fsPort';

// Writers in separate processes, as two windows or a window and the CLI are: they race on one
// sidecar, and are killed in the middle of writes. The writer (./sidecarWriter.ts) adds one to a
// number in the sidecar per change, a read-modify-write that loses a count whenever two changes
// overlap without compare-and-swap.

describe('sidecar writes across processes', function () {
  this.timeout(120_000);
  let dir: string;
  let writer: string;
  let doc: string;

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lens-race-'));
    // One bundle, so each writer process starts in milliseconds.
    writer = path.join(dir, 'writer.js');
    buildSync({ entryPoints: [path.join(__dirname, 'sidecarWriter.ts')], bundle: true, platform: 'node', target: 'node20', outfile: writer, logLevel: 'error' });
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    const folder = await fs.mkdtemp(path.join(dir, 'corpus-'));
    doc = path.join(folder, 'report.txt');
    await fs.writeFile(doc, 'GENEVA — The talks stalled on Tuesday, officials said.\n');
  });

  const run = (count: number): { child: ChildProcess; writing: Promise<void>; done: Promise<{ written: number; refused: number } | undefined> } => {
    const child = spawn(process.execPath, [writer, doc, String(count)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let started: () => void;
    const writing = new Promise<void>((r) => (started = r));
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('+')) started();
    });
    const done = new Promise<{ written: number; refused: number } | undefined>((resolve) =>
      child.on('exit', () => {
        started();
        const last = out.trim().split('\n').pop();
        resolve(last && last !== '+' ? JSON.parse(last) : undefined);
      }),
    );
    return { child, writing, done };
  };

  const counter = async (): Promise<number> => {
    const r = SidecarFile.parse(await fs.readFile(doc + '.lens.yaml'));
    assert.ok(r.ok, `the sidecar parses and validates: ${!r.ok ? r.problems[0]?.message : ''}`);
    return Number(r.file.data.document.title ?? '0');
  };

  it('two processes changing one sidecar 500 times each, as fast as they can, lose no change', async () => {
    const [a, b] = [run(500), run(500)];
    const results = await Promise.all([a.done, b.done]);
    const written = results.reduce((n, r) => n + (r?.written ?? 0), 0);
    const refused = results.reduce((n, r) => n + (r?.refused ?? 0), 0);
    console.log(`      ${written} of 1000 changes written, ${refused} refused, ${written - (await counter())} lost`);
    assert.equal(await counter(), written, 'every change reported written is in the file');
    assert.equal(written, 1000, `${refused} changes were refused after repeated conflicts`);
    assert.deepEqual((await fs.readdir(path.dirname(doc))).sort(), ['report.txt', 'report.txt.lens.yaml'], 'no temporary file or lock left');
  });

  it('writers killed in the middle of writes leave no torn, missing or temporary file, and no lock that blocks the next', async () => {
    const folder = path.dirname(doc);
    const ours = (names: string[]) => names.filter((n) => n !== 'report.txt' && n !== 'report.txt.lens.yaml');
    let kills = 0;
    let leftovers = 0;
    await new NodeFileSystem().write(doc + '.lens.yaml', SidecarFile.create(await fs.readFile(doc, 'utf8')).toBytes());
    for (let round = 0; round < 15; round++) {
      const writers = [run(100_000), run(100_000)];
      await Promise.all(writers.map((w) => w.writing));
      // In the thick of their writes, at a different moment each round.
      for (const w of writers) {
        await new Promise((r) => setTimeout(r, (round * 7) % 13));
        w.child.kill('SIGKILL');
      }
      await Promise.all(writers.map((w) => w.done));
      kills += writers.length;
      // Whatever the moment, the file is there and whole.
      await counter();
      leftovers += ours(await fs.readdir(folder)).length;
    }
    const before = await counter();
    // The next write clears what the dead writers left, and is not blocked by their lock.
    const r = run(1);
    assert.deepEqual(await r.done, { written: 1, refused: 0 });
    assert.equal(await counter(), before + 1);
    console.log(`      ${kills} writers killed; ${leftovers} temporary or lock files found after the kills; none after the next write`);
    assert.deepEqual(ours(await fs.readdir(folder)), [], 'no temporary file or lock left');
  });
});
