// Provisions, on first use, what running the extension in a real VS Code needs on a machine without
// desktop VS Code: the VS Code server (from the `code-server` npm package) and a Chromium to drive it.
// Everything lands in `.vscode-test/` (the folder @vscode/test-electron uses for its downloads);
// later runs reuse it. Exported for scripts/start.mjs and scripts/test.mjs; runnable on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3, matches engines.vscode ^1.100.0
export const CACHE = process.env.CORPUS_LENS_CACHE ?? join(ROOT, '.vscode-test');
const SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const SERVER_MAIN = join(SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const RIPGREP_CACHE = join(process.env.TMPDIR ?? tmpdir(), 'vscode-ripgrep-cache-1.15.11');
const RIPGREP_TARBALL = join(RIPGREP_CACHE, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');

const log = (msg) => process.stderr.write(`[corpus-lens] ${msg}\n`);

function which(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const isDebian = () => existsSync('/etc/debian_version') && which('apt-get') !== undefined;
let aptUpdated = false;

function aptInstall(packages, why) {
  if (!isDebian() || !isRoot()) {
    throw new Error(
      `${why} needs the system packages: ${packages.join(' ')}.\n` +
        (isDebian()
          ? `Run as root: apt-get update && apt-get install -y ${packages.join(' ')}`
          : 'This is not a Debian-based system: install them with your package manager, then run again.') +
        '\nOn a desktop with VS Code installed, `npm run start:desktop` and `npm run test:electron` need none of this.',
    );
  }
  log(`installing ${packages.join(' ')} with apt-get (${why}) …`);
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function dpkgInstalled(pkg) {
  if (!which('dpkg-query')) return true; // not Debian: trust the user's toolchain
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Path of a Chromium to drive the workbench with; installs Debian's package if needed and allowed. */
export function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  aptInstall(['chromium'], 'Driving the VS Code workbench headless');
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error('Chromium was installed but /usr/bin/chromium is missing; set CHROMIUM_PATH to a Chromium binary.');
}

/** Path of the VS Code server's main script; installs code-server into the cache on first use. */
export function ensureVSCodeServer() {
  if (existsSync(SERVER_MAIN)) return SERVER_MAIN;
  log(`first run: installing the VS Code server (code-server ${CODE_SERVER_VERSION}) into ${SERVER_DIR} — about two minutes, once.`);
  const missing = ['g++', 'make', 'python3', 'libkrb5-dev', 'ripgrep'].filter((p) =>
    p === 'libkrb5-dev' || p === 'ripgrep' ? !dpkgInstalled(p) : !which(p),
  );
  if (missing.length) aptInstall(missing, 'Building the VS Code server\'s native modules');

  // @vscode/ripgrep downloads `rg` in its postinstall unless it finds this tarball in its cache.
  if (!existsSync(RIPGREP_TARBALL)) {
    const rg = which('rg');
    if (!rg) throw new Error('ripgrep (`rg`) is needed by the VS Code server; install it (apt-get install ripgrep).');
    mkdirSync(RIPGREP_CACHE, { recursive: true });
    const stage = mkdtempSync(join(tmpdir(), 'rg-'));
    copyFileSync(rg, join(stage, 'rg'));
    execFileSync('tar', ['-czf', RIPGREP_TARBALL, '-C', stage, 'rg']);
    rmSync(stage, { recursive: true, force: true });
  }

  mkdirSync(SERVER_DIR, { recursive: true });
  writeFileSync(join(SERVER_DIR, 'package.json'), JSON.stringify({ name: 'vscode-server-cache', private: true }));
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: SERVER_DIR,
    stdio: ['ignore', 'inherit', 'inherit'],
    // code-server's postinstall refuses root without unsafe-perm; node-pty's runs `npx node-gyp`.
    env: { ...process.env, npm_config_unsafe_perm: 'true', npm_config_yes: 'true' },
  });
  if (r.status !== 0 || !existsSync(SERVER_MAIN)) {
    rmSync(SERVER_DIR, { recursive: true, force: true });
    throw new Error(`Installing code-server ${CODE_SERVER_VERSION} failed (npm exit ${r.status}); see the npm output above.`);
  }
  log('VS Code server ready.');
  return SERVER_MAIN;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    log(`Chromium: ${ensureChromium()}`);
    log(`VS Code server: ${ensureVSCodeServer()}`);
  } catch (e) {
    log(e.message);
    process.exit(1);
  }
}
