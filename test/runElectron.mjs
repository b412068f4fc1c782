// `npm run test:electron`: the same integration suite in desktop VS Code, downloaded by
// @vscode/test-electron into .vscode-test/ (needs internet access and a display, or xvfb-run).
import { runTests } from '@vscode/test-electron';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../scripts/provision.mjs';
import { copyWorkspace, WORKBENCH_SETTINGS } from '../scripts/vscode-web.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';

const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const workspace = copyWorkspace(join(ROOT, 'samples', 'corpus'), 'electron');
const userData = join(tmpdir(), `corpus-lens-electron-user-${process.pid}`);
mkdirSync(join(userData, 'User'), { recursive: true });
writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(WORKBENCH_SETTINGS));
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out', 'test', 'integration', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${userData}`, '--disable-workspace-trust'],
  });
} catch (e) {
  console.error(`integration tests failed: ${e?.message ?? e}`);
  process.exit(1);
}
