// Runs the real VS Code workbench on this machine: the VS Code server (from code-server) serves it,
// Chromium (driven by playwright-core) renders it, and the extension runs in the server's node
// extension host. Used by scripts/start.mjs (interactive) and scripts/test.mjs (integration and UI).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE, ROOT, ensureChromium, ensureVSCodeServer } from './provision.mjs';

export const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The samples live inside this repository: no prompt to open the parent repository.
  'git.openRepositoryInParentFolders': 'never',
};

/** Copies a workspace folder to a fresh temp folder (tests must not change the sources). */
export function copyWorkspace(source, label = 'workspace') {
  const dir = mkdtempSync(join(tmpdir(), `corpus-lens-${label}-`));
  cpSync(source, dir, { recursive: true });
  return dir;
}

/**
 * The folder `npm start` opens when given none: a copy of samples/corpus in the cache (trying the
 * features writes sidecars and corpus-lens.yaml, which must never land in the repository). Made when
 * missing and kept between runs, so the analyst's trial annotations stay; `fresh` makes it again.
 * @returns {{path:string, made:boolean}}
 */
export function sampleWorkspace({ fresh = false, dir = CACHE } = {}) {
  const path = join(dir, 'samples-copy', 'corpus');
  const partial = `${path}.partial`;
  rmSync(partial, { recursive: true, force: true }); // left by a copy that was interrupted
  if (fresh) rmSync(path, { recursive: true, force: true });
  if (existsSync(path)) return { path, made: false };
  mkdirSync(join(dir, 'samples-copy'), { recursive: true });
  cpSync(join(ROOT, 'samples', 'corpus'), partial, { recursive: true });
  renameSync(partial, path);
  return { path, made: true };
}

/** Whether something already listens on host:port (checked by trying to listen there). */
export function portInUse(host, port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e) => (e.code === 'EADDRINUSE' || e.code === 'EACCES' ? resolve(e.code) : reject(e)));
    probe.once('listening', () => probe.close(() => resolve(false)));
    probe.listen({ port, host, exclusive: true });
  });
}

/** The one line to print when a port is taken, with the ways out. */
export const portBusyMessage = (host, port) =>
  `port ${port} on ${host} is in use (another \`npm start\`?): stop the other one, or choose another port: npm start -- --port N (0 picks a free one).`;

/**
 * Starts the VS Code server on a free loopback port, in its own process group. Fails (and leaves no
 * process behind) when the server cannot listen or does not start.
 * @returns {{port:number, stop:()=>void, dataDir:string, output:()=>string, exited:Promise<number|null>}}
 */
export async function startServer({ port = 0, host = '127.0.0.1', settings = {}, dataDir } = {}) {
  const serverMain = ensureVSCodeServer();
  dataDir ??= mkdtempSync(join(tmpdir(), 'corpus-lens-server-'));
  for (const d of ['server', 'user', 'ext']) mkdirSync(join(dataDir, d), { recursive: true });
  const allSettings = JSON.stringify({ ...WORKBENCH_SETTINGS, ...settings }, null, 2);
  for (const d of [join(dataDir, 'user', 'User'), join(dataDir, 'server', 'data', 'User')]) {
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'settings.json'), allSettings);
  }
  const child = spawn(
    process.execPath,
    [serverMain, '--host', host, '--port', String(port), '--without-connection-token', '--accept-server-license-terms',
      '--server-data-dir', join(dataDir, 'server'), '--user-data-dir', join(dataDir, 'user'), '--extensions-dir', join(dataDir, 'ext'),
      '--disable-telemetry', '--disable-workspace-trust', '--disable-update-check'],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  let out = '';
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  const fail = (message, code) => {
    stop();
    return Object.assign(new Error(message), { code, output: out });
  };
  const actualPort = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(fail(`the VS Code server did not start in 60 s:\n${out}`, 'ETIMEDOUT')), 60_000);
    const onData = (d) => {
      out += d;
      const m = /Extension host agent listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      } else if (/EADDRINUSE/.test(out)) {
        // The server reports it but keeps running: stop it rather than wait.
        clearTimeout(timer);
        reject(fail(portBusyMessage(host, port), 'EADDRINUSE'));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(fail(`the VS Code server exited (${code}):\n${out}`, 'EEXIT'));
    });
  });
  return { port: actualPort, host, stop, dataDir, output: () => out, exited };
}

/** The workbench URL that opens `folder` with the extension under development (and optionally a test suite). */
export function workbenchUrl({ host, port }, folder, { extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://${host}:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(ROOT)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `http://${host}:${port}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** Launches Chromium with a fresh profile; returns the persistent context and its first page. */
export async function launchBrowser({ width = 1400, height = 900 } = {}) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'corpus-lens-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width, height },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, close };
}

/** What the extension host printed with console.log (it reaches the page as ('%c INFO', css, ...args)), or undefined. */
export async function extensionHostText(msg) {
  if (!msg.text().startsWith('%c')) return undefined;
  const args = await Promise.all(msg.args().slice(2).map((a) => a.jsonValue().catch(() => '?')));
  return args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}
