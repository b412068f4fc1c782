import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterOfOrThe, isSpace, numberAlone } from '../../../src/core/extract/recognizers/dateParsers';

/** The helpers read character codes where their first versions matched regexes: the same answers on every text. */
describe('date parsers: character tests', () => {
  const unit = fc.constantFrom(...' \t\n\u00a0\u2009\u3000\ufeffofthe OFTHE_9.x-é'.split(''));
  const text = fc.string({ unit, maxLength: 24 });

  it('afterOfOrThe answers as its pattern: whitespace, then "of" or "the" standing alone', () => {
    const spec = (s: string, i: number): boolean => {
      let k = i - 1;
      if (k < 0 || !/\s/.test(s[k])) return false;
      while (k >= 0 && /\s/.test(s[k])) k--;
      let w = '';
      while (k >= 0 && w.length < 4 && /[A-Za-z]/.test(s[k])) w = s[k--] + w;
      if (k >= 0 && /[A-Za-z0-9_]/.test(s[k])) return false;
      w = w.toLowerCase();
      return w === 'of' || w === 'the';
    };
    fc.assert(fc.property(text, (s) => {
      for (let i = 0; i <= s.length; i++) assert.equal(afterOfOrThe(s, i), spec(s, i), JSON.stringify([s, i]));
    }), { numRuns: 2000 });
  });

  it('isSpace is \\s', () => {
    for (let c = 0; c < 0x10000; c++) assert.equal(isSpace(c), /\s/.test(String.fromCharCode(c)), c.toString(16));
  });

  it('numberAlone is a number once the first space is taken out', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789.  ,a'.split('')), maxLength: 8 });
    fc.assert(fc.property(digits, (s) => assert.equal(numberAlone(s), /^\d*(?:\.\d*)?$/.test(s.replace(' ', '')), JSON.stringify(s))), { numRuns: 3000 });
  });
});
