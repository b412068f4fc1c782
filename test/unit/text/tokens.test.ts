import * as assert from 'node:assert/strict';
import { tokenize } from '../../../src/core/text/tokens';

describe('tokens', () => {
  it('splits words, numbers, dotted acronyms, abbreviations and Arabic articles, without the possessive', () => {
    const toks = tokenize("Gen. Abu al-Masri's men left the U.S. base at 5,000 feet on Dec. 3, ARRIVED late, said Mr Dr.");
    assert.deepEqual(
      toks.map((t) => [t.text, t.lower, t.cap, t.num]),
      [
        ['Gen.', 'gen.', true, false], ['Abu', 'abu', true, false], ['al-Masri', 'al-masri', false, false], ['men', 'men', false, false],
        ['left', 'left', false, false], ['the', 'the', false, false], ['U.S.', 'u.s.', true, false], ['base', 'base', false, false],
        ['at', 'at', false, false], ['5,000', '5,000', false, true], ['feet', 'feet', false, false], ['on', 'on', false, false],
        ['Dec.', 'dec.', true, false], ['3', '3', false, true], ['ARRIVED', 'arrived', true, false], ['late', 'late', false, false],
        ['said', 'said', false, false], ['Mr', 'mr', true, false], ['Dr.', 'dr.', true, false],
      ],
    );
  });

  it('gives every token its own characters across many documents, long words and a vocabulary larger than the string table', () => {
    // Words are interned across documents in a table that is emptied when half full: 80,000 distinct
    // words, some of 13 letters or more, each seen twice and in two cases, must read back as written.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const word = (i: number): string => {
      let w = '';
      for (let n = i; n > 0 || w.length < 2; n = Math.floor(n / 26)) w += letters[n % 26];
      return i % 7 === 0 ? w + 'internationalisation' : w;
    };
    for (let doc = 0; doc < 8; doc++) {
      const words: string[] = [];
      for (let i = doc * 10_000; i < (doc + 1) * 10_000; i++) words.push(word(i), word(i)[0].toUpperCase() + word(i).slice(1), word(i));
      const text = words.join(' ');
      const toks = tokenize(text);
      assert.equal(toks.length, words.length);
      toks.forEach((t, k) => {
        assert.equal(t.text, words[k]);
        assert.equal(t.text, text.slice(t.start, t.end));
        assert.equal(t.lower, words[k].toLowerCase());
      });
    }
  });
});
