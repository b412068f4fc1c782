import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '../../..');

describe('npm run package', function () {
  this.timeout(60_000);
  let clone: string;
  before(() => {
    // What a fresh clone holds, without dist/ or dist-vsix/; the dependencies are this checkout's.
    clone = mkdtempSync(path.join(tmpdir(), 'lens-package-'));
    for (const f of ['package.json', 'package.nls.json', 'README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'esbuild.config.mjs', 'tsconfig.json', 'media', 'syntaxes', 'schemas', 'scripts', 'src']) cpSync(path.join(ROOT, f), path.join(clone, f), { recursive: true });
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(clone, 'node_modules'), 'junction');
  });
  after(() => rmSync(clone, { recursive: true, force: true }));

  it('creates dist-vsix/ when a fresh clone has none, and writes the .vsix there', () => {
    assert.equal(existsSync(path.join(clone, 'dist-vsix')), false);
    const r = spawnSync('npm', ['run', 'package'], { cwd: clone, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const vsix = readFileSync(path.join(clone, 'dist-vsix', 'corpus-lens.vsix'));
    assert.equal(vsix.subarray(0, 2).toString('latin1'), 'PK');
    // The bundle is in it, built for production.
    assert.ok(vsix.includes('extension/dist/cli.js'));
    assert.ok(existsSync(path.join(clone, 'dist', 'extension.js')));
  });
});
