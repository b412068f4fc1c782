/**
 * A set of words asked about once per token: besides the words, their lengths and first letters
 * (a bit per letter, folded to 5 bits, per length), a necessary condition read before the lookup,
 * so that most words of a text are passed over without hashing them or probing the set.
 */
export class WordSet {
  private readonly words: ReadonlySet<string>;
  /** For each length (31 for every length from 31 up), the first letters of the words of that length. */
  private readonly firsts = new Int32Array(32);

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) this.firsts[Math.min(w.length, 31)] |= 1 << (w.charCodeAt(0) & 31);
  }

  has(word: string): boolean {
    const n = word.length;
    return n > 0 && (this.firsts[n < 31 ? n : 31] & (1 << (word.charCodeAt(0) & 31))) !== 0 && this.words.has(word);
  }
}
