// `npm test`: every check, in order — type check, lint, unit tests (plain node), the integration
// suite inside a real VS Code extension host, and the UI tests that drive the workbench in Chromium
// and save screenshots under test-results/. Ends with `N passed, N failed`; exits non-zero on any failure.
//   --only unit|integration|ui   run one stage (after the build)
//   CORPUS_LENS_GREP=text        run only the integration and UI tests whose names contain it
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './provision.mjs';
import { copyWorkspace, extensionHostText, launchBrowser, startServer, workbenchUrl } from './vscode-web.mjs';

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const RESULTS = join(ROOT, 'test-results');
const SAMPLE = process.env.CORPUS_LENS_SAMPLE ?? join(ROOT, 'samples', 'corpus');
const npx = (args, opts = {}) => spawnSync('npx', ['--no-install', ...args], { cwd: ROOT, stdio: 'inherit', ...opts });

// What the workbench itself logs on every start; not the suite's business.
const WORKBENCH_NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional|\[Service Worker\]|ChatSessionStore|Updating additional builtin)/;

let passed = 0;
const failed = [];
const record = (name, ok) => (ok ? passed++ : failed.push(name));
const section = (title) => console.log(`\n━━ ${title} ━━`);

function check(name, args) {
  section(name);
  const r = npx(args);
  record(name, r.status === 0);
  if (r.status === 0) console.log(`✓ ${name}`);
}

function unit() {
  section('unit tests (mocha, plain node)');
  const stats = join(tmpdir(), `corpus-lens-unit-${process.pid}.json`);
  const r = npx(['mocha', '--reporter', join(ROOT, 'test', 'unit-reporter.cjs')], { env: { ...process.env, CORPUS_LENS_STATS: stats } });
  if (!existsSync(stats)) return record('unit tests: mocha did not run', false);
  const s = JSON.parse(readFileSync(stats, 'utf8'));
  rmSync(stats);
  passed += s.passes;
  failed.push(...s.failed.map((t) => `unit: ${t}`));
  if (r.status !== 0 && s.failures === 0) record('unit tests: mocha exited with an error', false);
}

async function integration() {
  section('integration tests (VS Code extension host)');
  const workspace = copyWorkspace(SAMPLE, 'integration');
  const server = await startServer();
  const browser = await launchBrowser();
  let result;
  try {
    const exited = new Promise((resolve) => browser.page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    browser.page.on('console', async (msg) => {
      const text = await extensionHostText(msg);
      if (text === undefined) return;
      const m = /^CORPUS_LENS_RESULT (.*)$/.exec(text);
      if (m) result = JSON.parse(m[1]);
      else if (!WORKBENCH_NOISE.test(text)) console.log(text);
    });
    const suite = join(ROOT, 'out', 'test', 'integration', 'index.js');
    await browser.page.goto(workbenchUrl(server, workspace, { extensionTestsPath: suite }));
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 10 * 60_000))]);
    await new Promise((r) => setTimeout(r, 200)); // let the last console messages arrive
    if (!result) {
      record(`integration: the suite did not report (exit ${code})`, false);
      console.log(server.output().split('\n').slice(-30).join('\n'));
    } else {
      passed += result.passes;
      failed.push(...result.failed.map((t) => `integration: ${t}`));
      if (code !== 0 && result.failures === 0) record(`integration: the workbench exited with ${code}`, false);
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
}

async function ui() {
  section('UI tests (workbench in Chromium, screenshots in test-results/)');
  mkdirSync(RESULTS, { recursive: true });
  // CORPUS_LENS_UI=views runs test/ui/views.ui.mjs alone.
  const files = readdirSync(join(ROOT, 'test', 'ui')).filter((f) => f.endsWith('.ui.mjs') && (!process.env.CORPUS_LENS_UI || f.startsWith(`${process.env.CORPUS_LENS_UI}.`))).sort();
  for (const file of files) {
    const mod = await import(join(ROOT, 'test', 'ui', file));
    for (const t of mod.tests) {
      if (process.env.CORPUS_LENS_GREP && !`${file} ${t.name}`.includes(process.env.CORPUS_LENS_GREP)) continue;
      const workspace = copyWorkspace(SAMPLE, 'ui');
      const server = await startServer({ settings: t.settings });
      const browser = await launchBrowser();
      const name = `ui: ${file.replace('.ui.mjs', '')} › ${t.name}`;
      try {
        await browser.page.goto(workbenchUrl(server, workspace));
        await t.run({ page: browser.page, workspace, results: RESULTS });
        console.log(`  ✓ ${name}`);
        passed++;
      } catch (e) {
        console.log(`  ✗ ${name}\n      ${String(e?.stack ?? e).split('\n').slice(0, 8).join('\n      ')}`);
        await browser.page.screenshot({ path: join(RESULTS, `FAILED-${file.replace('.ui.mjs', '')}-${t.name.replace(/\W+/g, '-')}.png`) }).catch(() => undefined);
        failed.push(name);
      } finally {
        await browser.close();
        server.stop();
        rmSync(workspace, { recursive: true, force: true });
      }
    }
  }
}

const build = () => {
  section('build');
  const r = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
  record('build', r.status === 0);
  return r.status === 0;
};

try {
  if (!only) {
    check('type check', ['tsc', '-p', '.', '--noEmit']);
    check('type check (webviews)', ['tsc', '-p', 'src/webviews', '--noEmit']);
    check('lint', ['eslint', 'src', 'test', 'scripts', 'esbuild.config.mjs']);
  }
  if (build()) {
    if (!only || only === 'unit') unit();
    if (!only || only === 'integration') await integration();
    if (!only || only === 'ui') await ui();
  }
} catch (e) {
  console.error(e?.stack ?? e);
  failed.push(`harness: ${e?.message ?? e}`);
}

console.log('');
if (failed.length) {
  console.log('Failed:');
  for (const f of failed) console.log(`  ✗ ${f}`);
}
console.log(`${passed} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
