import { reanchor, targetAt } from '../../../src/core/annotations';
import { someAlignmentKeeps } from './fuzz/harness';
describe('repro', () => {
  it('x', () => {
    const text = 'djacieb\nfffihh.i.cd i\n.\ncc\n af';
    const st = 1849722502 % (text.length + 1);
    const now = text.slice(0, st) + '\n' + text.slice(st + 1);
    console.log(text.length, st, JSON.stringify(text.slice(25, 30)), JSON.stringify(now));
    const r = reanchor([{ target: targetAt(text, 25, 30) }], undefined, now);
    console.log(JSON.stringify(targetAt(text, 25, 30)), JSON.stringify(r));
    const t = r[0].item.target;
    console.log(someAlignmentKeeps(text, now, t.start, t.end, 25, 30));
  });
});
