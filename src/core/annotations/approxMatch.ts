/**
 * Approximate substring search (Sellers' dynamic programming: edit distance with a free start in the
 * text). Written here because the core needs only this one function and it must stay dependency-free.
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
  const m = pattern.length;
  if (m === 0) return [];
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  const ends: { end: number; errors: number }[] = [];
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    let diag = col[0];
    col[0] = 0;
    for (let i = 1; i <= m; i++) {
      const up = col[i];
      const sub = diag + (pattern.charCodeAt(i - 1) === c ? 0 : 1);
      const del = up + 1;
      const ins = col[i - 1] + 1;
      col[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      diag = up;
    }
    if (col[m] <= maxErrors) ends.push({ end: j + 1, errors: col[m] });
  }
  // Ends arrive in order; a run of close ends is one match: keep its fewest errors, then earliest end.
  const clusters: { end: number; errors: number }[] = [];
  const half = Math.max(1, Math.floor(m / 2));
  let prevEnd = -Infinity;
  for (const e of ends) {
    const last = clusters[clusters.length - 1];
    if (last && e.end - prevEnd <= half) {
      if (e.errors < last.errors) clusters[clusters.length - 1] = e;
    } else clusters.push(e);
    prevEnd = e.end;
  }
  return clusters.map((e) => ({ start: startOf(text, pattern, e.end, e.errors, from), end: e.end, errors: e.errors }));
}

/** The start of the best alignment of `pattern` ending exactly at `end` with `errors` edits (longest such). */
function startOf(text: string, pattern: string, end: number, errors: number, from: number): number {
  const m = pattern.length;
  // Columns run over text characters taken backwards from `end`; rows over pattern characters backwards.
  const maxLen = Math.min(end - from, m + errors);
  let col = new Int32Array(m + 1);
  let next = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  let best = col[m] === errors ? 0 : -1;
  let bestVal = col[m];
  for (let l = 1; l <= maxLen; l++) {
    const c = text.charCodeAt(end - l);
    next[0] = l;
    for (let i = 1; i <= m; i++) {
      const sub = col[i - 1] + (pattern.charCodeAt(m - i) === c ? 0 : 1);
      const del = col[i] + 1;
      const ins = next[i - 1] + 1;
      next[i] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [col, next] = [next, col];
    if (col[m] < bestVal || (col[m] === bestVal && col[m] <= errors)) {
      bestVal = col[m];
      best = l;
    }
  }
  return end - Math.max(best, 0);
}

/** Plain Levenshtein distance (for tests and scoring of short strings). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
    prev = cur;
  }
  return prev[b.length];
}
