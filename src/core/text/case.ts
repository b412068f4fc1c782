/**
 * Words written in capitals, in title case: "DEIR EZ-ZOR" → "Deir Ez-Zor", "ONUOHA-BASSEY" →
 * "Onuoha-Bassey", "O'BRIEN" → "O'Brien". A letter after a space, a hyphen or an apostrophe opens a word.
 */
export function titleCaseWords(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-'’])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase());
}
