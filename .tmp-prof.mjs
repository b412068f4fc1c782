import { build } from 'esbuild';
await build({ entryPoints: ['/work/main/src/core/extract/index.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: '/tmp/ex.cjs', logLevel: 'error' });
const { extractDocument } = await import('/tmp/ex.cjs');
import { readFileSync } from 'node:fs';
const texts = ['000','001','002','003','004'].map(n => readFileSync(`/work/shared/corpus/${n}_${{'000':'f53f3e3ee6a0c1d3','001':'8222e801b593598e','002':'e7a39bca5046ebad','003':'3dc9e21d550bcb1a','004':'401f3f548252d387'}[n]}.txt`, 'utf8'));
const big = texts.join('\n\n').repeat(20);
const t = performance.now();
for (let i = 0; i < 10; i++) extractDocument(big);
console.log('MB/s on real prose', (big.length * 10 / 1048576 / ((performance.now() - t) / 1000)).toFixed(2));
