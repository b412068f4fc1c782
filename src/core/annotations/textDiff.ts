import type { TextChange } from './reanchor';
import { splitsSurrogate } from './target';

/** Most differences the word-level diff looks for before settling for one changed stretch. */
const MAX_EDITS = 1_000;
/** Texts with more tokens than this (in their differing middle) get one changed stretch. */
const MAX_TOKENS = 400_000;

/**
 * The changes that turn `a` into `b`, found by a diff of words, whitespace runs and punctuation
 * (Myers' O(ND) algorithm) between their common prefix and suffix. Returned from the last to the
 * first, so each change's offsets hold for the text the previous ones left (the order
 * {@link applyEdits} takes). Texts too different or too large to diff within the budget give the one
 * stretch from the first to the last difference.
 */
export function diffChanges(a: string, b: string): TextChange[] {
  if (a === b) return [];
  const whole = trimmedChange(a, b);
  const oldMid = a.slice(whole.start, whole.end);
  const newMid = whole.text;
  const ta = tokenize(oldMid);
  const tb = tokenize(newMid);
  if (ta.length + tb.length > MAX_TOKENS || !ta.length || !tb.length) return [whole];
  const ids = new Map<string, number>();
  const intern = (t: string[]) => Int32Array.from(t, (s) => ids.get(s) ?? (ids.set(s, ids.size), ids.size - 1));
  const hunks = myers(intern(ta), intern(tb));
  if (!hunks) return [whole];
  // Token indices to character offsets.
  const offsets = (tokens: string[]) => {
    const o = new Int32Array(tokens.length + 1);
    for (let i = 0; i < tokens.length; i++) o[i + 1] = o[i] + tokens[i].length;
    return o;
  };
  const oa = offsets(ta);
  const ob = offsets(tb);
  // Character extents of the hunks, then without the chance equalities between them.
  const chars = merged(hunks.map(([i0, i1, j0, j1]) => [oa[i0], oa[i1], ob[j0], ob[j1]] as [number, number, number, number]));
  const out: TextChange[] = [];
  for (let k = chars.length - 1; k >= 0; k--) {
    const [a0, a1, b0, b1] = chars[k];
    // Words are compared whole; the change within them is smaller (`A` → `hA` inserts one letter).
    const c = trimmedChange(oldMid.slice(a0, a1), newMid.slice(b0, b1));
    out.push({ start: whole.start + a0 + c.start, end: whole.start + a0 + c.end, text: c.text });
  }
  return out;
}

/**
 * Hunks with the short equalities between them folded in: a stretch that is equal only by chance
 * (`, and the` between two rewritten clauses) is no shorter than the edits on either side of it (the
 * rule of diff-match-patch's semantic clean-up). Otherwise a passage rewritten word by word would look
 * like one revised in place, and a word of new text like a word that stayed.
 */
function merged(hunks: [number, number, number, number][]): [number, number, number, number][] {
  const size = (h: [number, number, number, number]) => Math.max(h[1] - h[0], h[3] - h[2]);
  let out = hunks.map((h) => [...h] as [number, number, number, number]);
  for (let changed = true; changed; ) {
    changed = false;
    const next: [number, number, number, number][] = [];
    for (const h of out) {
      const last = next[next.length - 1];
      const gap = last ? h[0] - last[1] : Infinity;
      if (last && gap <= size(last) && gap <= size(h)) {
        next[next.length - 1] = [last[0], h[1], last[2], h[3]];
        changed = true;
      } else next.push(h);
    }
    out = next;
  }
  return out;
}

/** The single change that turns `a` into `b`, found by trimming their common prefix and suffix. */
export function trimmedChange(a: string, b: string): TextChange {
  let p = 0;
  const max = Math.min(a.length, b.length);
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let q = 0;
  while (q < max - p && a.charCodeAt(a.length - 1 - q) === b.charCodeAt(b.length - 1 - q)) q++;
  // Never cut a surrogate pair in two.
  if (splitsSurrogate(a, p) || splitsSurrogate(b, p)) p--;
  if (splitsSurrogate(a, a.length - q) || splitsSurrogate(b, b.length - q)) q--;
  return { start: p, end: a.length - q, text: b.slice(p, b.length - q) };
}

function tokenize(s: string): string[] {
  return s.match(/\s+|[\p{L}\p{N}_]+|[\s\S]/gu) ?? [];
}

/**
 * Myers' diff of two token arrays: the changed hunks `[oldStart, oldEnd, newStart, newEnd]` in order,
 * or undefined when more than {@link MAX_EDITS} insertions and deletions would be needed.
 */
function myers(a: Int32Array, b: Int32Array): [number, number, number, number][] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    v = next;
  }
  if (found < 0) return undefined;
  trace.push(v);
  // Walk back through the snapshots, collecting the edits, then merge them into hunks.
  const edits: ['-' | '+', number, number][] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]);
    const pk = down ? k + 1 : k - 1;
    const px = vd[offset + pk];
    const py = px - pk;
    while (x > (down ? px : px + 1) && y > (down ? py + 1 : py)) {
      x--;
      y--;
    }
    if (down) edits.push(['+', px, py]);
    else edits.push(['-', px, py]);
    x = px;
    y = py;
  }
  edits.reverse();
  const hunks: [number, number, number, number][] = [];
  for (const [op, ex, ey] of edits) {
    const [i0, j0] = [ex, ey];
    const [i1, j1] = op === '-' ? [ex + 1, ey] : [ex, ey + 1];
    const last = hunks[hunks.length - 1];
    if (last && last[1] === i0 && last[3] === j0) {
      last[1] = i1;
      last[3] = j1;
    } else hunks.push([i0, i1, j0, j1]);
  }
  return hunks;
}
