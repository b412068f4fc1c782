// `npm start`: opens a corpus in VS Code with the extension loaded.
//   - desktop VS Code (`code` on PATH and a display): launches `code --extensionDevelopmentPath=…`
//   - otherwise: serves the VS Code workbench from this machine (the VS Code server, provisioned on
//     first use into .vscode-test/) and prints the address to open in a browser.
// Without a folder it opens a copy of samples/corpus kept in .vscode-test/samples-copy/corpus (made on first
// use, kept between runs; --fresh makes it again): trying the features writes files, and the
// repository's own samples must stay as they are.
// Options: --web | --desktop to choose; --port N (default 8080; 0 = any free port); --host H
// (default 127.0.0.1); --fresh; a folder path to open instead of the samples' copy.
// CORPUS_LENS_START_DIR: where the copy and the server's settings live (default: the cache folder).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CACHE, ROOT } from './provision.mjs';
import { portBusyMessage, portInUse, sampleWorkspace, startServer, workbenchUrl } from './vscode-web.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const given = args.find((a, i) => !a.startsWith('--') && !['--port', '--host'].includes(args[i - 1]));

/** One line on stderr, then a non-zero exit: what went wrong and what to do. */
const quit = (message, code = 1) => {
  console.error(`corpus-lens: ${message}`);
  process.exit(code);
};

const hasDesktop = () => spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && (process.env.DISPLAY || process.platform !== 'linux');
const desktop = args.includes('--desktop') || (!args.includes('--web') && hasDesktop());
const host = opt('--host', '127.0.0.1');
const port = Number(opt('--port', process.env.PORT ?? 8080));
const home = process.env.CORPUS_LENS_START_DIR ?? CACHE;

// Everything that can be refused is checked before building or starting anything.
if (given !== undefined && !(existsSync(given) && statSync(given).isDirectory())) quit(`${given} is not a folder: name the folder of a corpus to open, or none for the samples' copy.`, 2);
if (!desktop) {
  if (!Number.isInteger(port) || port < 0 || port > 65535) quit(`--port takes a number from 0 to 65535 (0 picks a free port), not "${opt('--port')}".`, 2);
  if (port !== 0) {
    const busy = await portInUse(host, port).catch((e) => quit(`cannot listen on ${host}:${port}: ${e.message}`));
    if (busy) quit(portBusyMessage(host, port));
  }
}

const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

let folder;
if (given !== undefined) {
  folder = resolve(given);
} else {
  const copy = sampleWorkspace({ fresh: args.includes('--fresh'), dir: home });
  folder = copy.path;
  const where = relative(ROOT, folder).startsWith('..') ? folder : relative(ROOT, folder);
  console.log(copy.made
    ? `Workspace: ${where} — a fresh copy of samples/corpus (the repository's samples are never changed).`
    : `Workspace: ${where} — your copy of samples/corpus from an earlier run, with what you did in it (--fresh starts again from the samples).`);
}

if (desktop) {
  console.log(`Opening ${folder} in VS Code with Corpus Lens from ${ROOT} …`);
  const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder], { stdio: 'inherit', shell: process.platform === 'win32' });
  code.on('exit', (c) => process.exit(c ?? 0));
} else {
  let server;
  try {
    server = await startServer({ port, host, dataDir: join(home, 'start-data') });
  } catch (e) {
    // startServer has stopped the server already: say why in one line.
    quit(e.code === 'EADDRINUSE' ? portBusyMessage(host, port) : String(e.message).split('\n')[0]);
  }
  const url = workbenchUrl(server, folder);
  console.log(`\nCorpus Lens is running in VS Code (server ${server.port}), workspace ${folder}.\nOpen this address in a browser:\n\n  ${url}\n\nStop with Ctrl+C.`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  void server.exited.then((code) => quit(`the VS Code server stopped (exit code ${code}).`));
}
