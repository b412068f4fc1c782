// `npm start` as a new user runs it: it opens a copy of the samples (trying a feature writes there,
// never into the repository), and a second `npm start` on the same port says so in one line and stops.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ROOT } from '../../scripts/provision.mjs';
import { openCorpusLens, quickOpen, screenshot, selectText, tagSelection, until, waitForWorkbench } from './workbench.mjs';

const SAMPLES = join(ROOT, 'samples', 'corpus');

/** Every file under `dir` with a hash of its bytes: what "unchanged" means for a folder. */
function snapshot(dir) {
  const walk = (d) => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(walk(dir).sort().map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}

/** Runs `npm start`'s script with `args`; collects what it prints. */
function start(args, env) {
  const child = spawn(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--web', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { child, out: '', err: '', exit: new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal))) };
  child.stdout.on('data', (d) => (run.out += d));
  child.stderr.on('data', (d) => (run.err += d));
  return run;
}

/** Processes of a VS Code server whose data lives under `dir`. */
const serversUnder = (dir) => execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes('server-main') && l.includes(dir));

export const tests = [
  {
    name: 'npm start opens a copy of the samples; a second one on the same port says so and stops',
    async run({ page, results }) {
      const home = mkdtempSync(join(tmpdir(), 'corpus-lens-start-'));
      const before = snapshot(SAMPLES);
      const first = start(['--port', '0'], { CORPUS_LENS_START_DIR: home });
      try {
        const url = await until(page, 'the address printed by npm start', () => /http:\/\/\S+/.exec(first.out)?.[0] ?? (first.child.exitCode !== null && Promise.reject(new Error(first.err))), 90_000);
        const workspace = /^Workspace: (.*?) — /m.exec(first.out)?.[1];
        assert.ok(workspace, `npm start names the folder it opens:\n${first.out}`);
        assert.equal(new URL(url).searchParams.get('folder'), workspace, 'the workbench opens that folder');
        assert.ok(!workspace.startsWith(SAMPLES) && workspace.startsWith(home), `a copy, not the repository's samples: ${workspace}`);
        assert.deepEqual(snapshot(workspace), before, 'the copy holds the samples');

        // Try a feature, as a new user does: tag a passage.
        await page.goto(url);
        await waitForWorkbench(page);
        await openCorpusLens(page);
        await quickOpen(page, 'raqqa-sdf-advance.txt');
        await page.waitForSelector('.statusbar-item:has-text("Corpus Document")', { timeout: 15_000 });
        await selectText(page, 'Mashlab district');
        await tagSelection(page, 'first-try');
        const sidecar = join(workspace, 'iraq-syria', 'raqqa-sdf-advance.txt.lens.yaml');
        await until(page, 'the sidecar in the copy', () => existsSync(sidecar));
        await page.waitForTimeout(500);
        await screenshot(page, results, 'npm-start-workspace-copy');
        assert.deepEqual(snapshot(SAMPLES), before, 'nothing was written into samples/corpus');

        // A second `npm start` on the same port.
        const port = new URL(url).port;
        const servers = serversUnder(home).length;
        const second = start(['--port', port], { CORPUS_LENS_START_DIR: home });
        const code = await Promise.race([second.exit, new Promise((r) => setTimeout(() => r('still running after 30 s'), 30_000))]);
        if (code === 'still running after 30 s') second.child.kill();
        assert.notEqual(code, 0, `the second npm start fails (${code})`);
        assert.equal(typeof code, 'number', `it exits by itself (${code})`);
        const printed = `${second.out}${second.err}`.split('\n').filter((l) => l.trim() && !l.startsWith('[esbuild]'));
        assert.equal(printed.length, 1, `one line:\n${printed.join('\n')}`);
        assert.match(printed[0], new RegExp(`port ${port}\\b.*in use.*--port`), 'it names the port and the way out');
        assert.equal(serversUnder(home).length, servers, 'no server process left behind');
        assert.ok(first.child.exitCode === null, 'the first npm start keeps running');
        // Ctrl+C stops the server with it.
        first.child.kill('SIGINT');
        assert.equal(await first.exit, 0);
        await until(page, 'the server to stop with npm start', () => serversUnder(home).length === 0);
      } finally {
        first.child.kill('SIGINT');
        await Promise.race([first.exit, new Promise((r) => setTimeout(r, 10_000))]);
        rmSync(home, { recursive: true, force: true });
      }
    },
  },
];
