// The integration suite's entry: a plain `run(): Promise<void>` module, as VS Code's test runner
// expects, so the same suite runs in the VS Code server (scripts/test.mjs) and under
// @vscode/test-electron on a desktop (test/runElectron.mjs).
import Mocha from 'mocha';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Prefix of the line that carries the run's totals back to the harness. */
const RESULT = 'CORPUS_LENS_RESULT';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: LineReporter });
  const grep = process.env.CORPUS_LENS_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname, { recursive: true }) as string[]) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}

/** Prints one line per test through console.log, which reaches the harness in both hosts. */
class LineReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const failed: string[] = [];
    let passes = 0;
    runner.on('pass', (t) => {
      passes++;
      console.log(`  ✓ ${t.fullTitle()} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, err) => {
      failed.push(t.fullTitle());
      console.log(`  ✗ ${t.fullTitle()}\n      ${String(err?.stack ?? err).split('\n').slice(0, 8).join('\n      ')}`);
    });
    runner.once('end', () => console.log(`${RESULT} ${JSON.stringify({ passes, failures: failed.length, failed })}`));
  }
}
