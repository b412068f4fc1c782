// Mocha's spec reporter, plus the totals written to $CORPUS_LENS_STATS for scripts/test.mjs.
const Mocha = require('mocha');
const fs = require('node:fs');

class SpecWithStats extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const failed = [];
    runner.on('fail', (t) => failed.push(t.fullTitle()));
    runner.once('end', () => {
      if (process.env.CORPUS_LENS_STATS) {
        fs.writeFileSync(process.env.CORPUS_LENS_STATS, JSON.stringify({ passes: runner.stats.passes, failures: runner.stats.failures, failed }));
      }
    });
  }
}
module.exports = SpecWithStats;
