// `npm start`: opens the sample corpus in VS Code with the extension loaded.
//   - desktop VS Code (`code` on PATH and a display): launches `code --extensionDevelopmentPath=…`
//   - otherwise: serves the VS Code workbench from this machine (the VS Code server, provisioned on
//     first use into .vscode-test/) and prints the address to open in a browser.
// Options: --web | --desktop to choose; --port N (default 8080; 0 = any free port); --host H
// (default 127.0.0.1); a folder path to open instead of samples/corpus.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { CACHE, ROOT } from './provision.mjs';
import { startServer, workbenchUrl } from './vscode-web.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const folder = resolve(args.find((a, i) => !a.startsWith('--') && !['--port', '--host'].includes(args[i - 1])) ?? `${ROOT}/samples/corpus`);

const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const hasDesktop = () => spawnSync('sh', ['-c', 'command -v code'], { stdio: 'ignore' }).status === 0 && (process.env.DISPLAY || process.platform !== 'linux');
const desktop = args.includes('--desktop') || (!args.includes('--web') && hasDesktop());

if (desktop) {
  console.log(`Opening ${folder} in VS Code with Corpus Lens from ${ROOT} …`);
  const code = spawn('code', ['--new-window', `--extensionDevelopmentPath=${ROOT}`, folder], { stdio: 'inherit', shell: process.platform === 'win32' });
  code.on('exit', (c) => process.exit(c ?? 0));
} else {
  const server = await startServer({ port: Number(opt('--port', process.env.PORT ?? 8080)), host: opt('--host', '127.0.0.1'), dataDir: join(CACHE, 'start-data') });
  const url = workbenchUrl(server, folder);
  console.log(`\nCorpus Lens is running in VS Code (server ${server.port}), workspace ${folder}.\nOpen this address in a browser:\n\n  ${url}\n\nStop with Ctrl+C.`);
  const stop = () => {
    server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise(() => undefined);
}
