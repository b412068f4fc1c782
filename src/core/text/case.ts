/** Words already put in title case, by their writing: names in capitals come back in every dateline and headline. */
const titled = new Map<string, string>();

/**
 * Words written in capitals, in title case: "DEIR EZ-ZOR" → "Deir Ez-Zor", "ONUOHA-BASSEY" →
 * "Onuoha-Bassey", "O'BRIEN" → "O'Brien". A letter after a space, a hyphen or an apostrophe opens a word.
 */
export function titleCaseWords(s: string): string {
  let out = titled.get(s);
  if (out === undefined) {
    out = s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
    if (titled.size >= 10_000) titled.clear();
    titled.set(s, out);
  }
  return out;
}
