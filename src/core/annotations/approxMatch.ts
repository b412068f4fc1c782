import search from 'approx-string-match';

/**
 * Approximate substring search, on `approx-string-match` (Myers' bit-parallel algorithm): where a
 * passage's quote may still be after its text was edited elsewhere.
 */

/** A stretch of text within `errors` edits of the pattern; `end` exclusive. */
export interface ApproxMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * Every best-local match of `pattern` in `text[from, to)` with at most `maxErrors` edits. Matches whose
 * ends are within half a pattern of each other are one match (the one with fewest errors). Cost is
 * O(pattern.length × (to − from)); callers bound both.
 */
export function approxSearch(text: string, pattern: string, maxErrors: number, from = 0, to = text.length): ApproxMatch[] {
  if (pattern.length === 0) return [];
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  const found = search(window, pattern, maxErrors).map((m) => ({ start: m.start + from, end: m.end + from, errors: m.errors }));
  // The library reports every end of an alignment; a run of close ends is one match: keep its fewest
  // errors, then the earliest end.
  const clusters: ApproxMatch[] = [];
  const half = Math.max(1, Math.floor(pattern.length / 2));
  let prevEnd = -Infinity;
  for (const m of found) {
    const last = clusters[clusters.length - 1];
    if (last && m.end - prevEnd <= half) {
      if (m.errors < last.errors) clusters[clusters.length - 1] = m;
    } else clusters.push(m);
    prevEnd = m.end;
  }
  return clusters;
}


/** Plain Levenshtein distance, of short strings (scoring, tests, telling a typo in a quote). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[b.length];
}
