import { diffArrays } from 'diff';
import type { TextChange } from './reanchor';
import { splitsSurrogate } from './target';

/** Most insertions and deletions of tokens the diff looks for before settling for one changed stretch. */
const MAX_EDITS = 1_000;
/** Texts with more tokens than this (in their differing middle) get one changed stretch. */
const MAX_TOKENS = 400_000;

/** A changed stretch: `[oldStart, oldEnd)` of the old text became `[newStart, newEnd)` of the new one. */
export type Hunk = readonly [number, number, number, number];

/** A diff of two texts: the changed stretches, in order; every character outside them is paired with its equal. */
export interface TextDiff {
  oldLength: number;
  hunks: readonly Hunk[];
  /**
   * Stretches of the old text the diff pairs, but could as well have deleted: a deletion or an
   * insertion can slide over text that repeats it (`a b a` → `a`: either `a` may be the one kept).
   */
  doubtful: readonly (readonly [number, number])[];
  /** The same stretches as changes, from the last to the first (the order {@link applyEdits} takes). */
  changes: TextChange[];
}

/**
 * The changes that turn `a` into `b`, found by a diff of words, whitespace runs and punctuation
 * (jsdiff's Myers O(ND) diff of the token arrays) between their common prefix and suffix. Returned
 * from the last to the first, so each change's offsets hold for the text the previous ones left (the
 * order {@link applyEdits} takes). Texts too different or too large to diff within the budget give
 * the one stretch from the first to the last difference.
 */
export function diffChanges(a: string, b: string): TextChange[] {
  return diffText(a, b).changes;
}

/**
 * The diff of `a` and `b` (see {@link diffChanges}). Where several pairings are equally short, Myers'
 * diff prefers deleting before inserting, from the start of the texts; `backwards` makes it prefer
 * the other way (the diff of the reversed token arrays): a character both diffs pair alike is paired
 * whatever the tie-breaking.
 */
export function diffText(a: string, b: string, backwards = false): TextDiff {
  if (a === b) return { oldLength: a.length, hunks: [], doubtful: [], changes: [] };
  const whole = trimmedChange(a, b);
  const oldMid = a.slice(whole.start, whole.end);
  const newMid = whole.text;
  const one = (): TextDiff => ({ oldLength: a.length, doubtful: [], hunks: [[whole.start, whole.end, whole.start, whole.start + whole.text.length]], changes: [whole] });
  const ta = tokenize(oldMid);
  const tb = tokenize(newMid);
  if (ta.length + tb.length > MAX_TOKENS || !ta.length || !tb.length) return one();
  // Runs of whitespace pair with each other whatever they are (a line re-wrapped is the same
  // words), as one changed character stretch when they differ.
  const space = (t: string) => /^\s/.test(t);
  const comparator = (x: string, y: string) => x === y || (space(x) && space(y));
  const [oa, ob] = backwards ? [ta.reverse(), tb.reverse()] : [ta, tb];
  const parts = diffArrays(oa, ob, { maxEditLength: MAX_EDITS, comparator });
  if (!parts) return one();
  // Character extents of the changed stretches.
  let raw: [number, number, number, number][] = [];
  let i = 0;
  let j = 0;
  let ti = 0;
  let tj = 0;
  const change = (removed: number, added: number) => {
    let h = raw[raw.length - 1];
    if (!h || h[1] !== i || h[3] !== j) raw.push((h = [i, i, j, j]));
    h[1] = i += removed;
    h[3] = j += added;
  };
  for (const p of parts) {
    if (p.added || p.removed) {
      const tokens = p.removed ? oa.slice(ti, (ti += p.count)) : ob.slice(tj, (tj += p.count));
      const length = tokens.reduce((n, t) => n + t.length, 0);
      change(p.removed ? length : 0, p.added ? length : 0);
      continue;
    }
    for (let k = 0; k < p.count; k++, ti++, tj++) {
      if (oa[ti] === ob[tj]) {
        i += oa[ti].length;
        j += ob[tj].length;
      } else change(oa[ti].length, ob[tj].length);
    }
  }
  if (backwards) raw = raw.map(([a0, a1, b0, b1]) => [oldMid.length - a1, oldMid.length - a0, newMid.length - b1, newMid.length - b0] as [number, number, number, number]).reverse();
  const hunks: Hunk[] = [];
  for (const [a0, a1, b0, b1] of merged(raw)) {
    // Words are compared whole; the change within them is smaller (`A` → `hA` inserts one letter).
    const c = trimmedChange(oldMid.slice(a0, a1), newMid.slice(b0, b1));
    hunks.push([whole.start + a0 + c.start, whole.start + a0 + c.end, whole.start + b0 + c.start, whole.start + b0 + c.start + c.text.length]);
  }
  return { oldLength: a.length, hunks, doubtful: slides(a, b, hunks), changes: hunks.map(([a0, a1, b0, b1]) => ({ start: a0, end: a1, text: b.slice(b0, b1) })).reverse() };
}

/**
 * Hunks with the short equalities between them folded in: a stretch that is equal only by chance
 * (`, and the` between two rewritten clauses) is no shorter than the edits on either side of it (the
 * rule of diff-match-patch's semantic clean-up). Otherwise a passage rewritten word by word would look
 * like one revised in place, and a word of new text like a word that stayed.
 */
function merged(hunks: [number, number, number, number][]): [number, number, number, number][] {
  const size = (h: Hunk) => Math.max(h[1] - h[0], h[3] - h[2]);
  let out = hunks;
  for (let changed = true; changed; ) {
    changed = false;
    const next: [number, number, number, number][] = [];
    for (const h of out) {
      const last = next[next.length - 1];
      const gap = last ? h[0] - last[1] : Infinity;
      if (last && gap <= size(last) && gap <= size(h)) {
        next[next.length - 1] = [last[0], h[1], last[2], h[3]];
        changed = true;
      } else next.push([...h]);
    }
    out = next;
  }
  return out;
}

/**
 * The paired stretches of the old text next to a pure deletion or insertion that the deletion or
 * insertion could slide over (the text beside it repeats its own end or start), so the pairing there
 * is one choice among equal ones.
 */
function slides(a: string, b: string, hunks: readonly Hunk[]): [number, number][] {
  const out: [number, number][] = [];
  hunks.forEach(([a0, a1, b0, b1], k) => {
    const pure = a0 === a1 ? 'inserted' : b0 === b1 ? 'deleted' : undefined;
    if (!pure) return;
    const [text, s, e] = pure === 'deleted' ? [a, a0, a1] : [b, b0, b1];
    // Within the unchanged stretches on either side (equal in both texts).
    const room = k > 0 ? a0 - hunks[k - 1][1] : Math.min(a0, b0);
    const hi = k < hunks.length - 1 ? hunks[k + 1][0] - a1 : Math.min(a.length - a1, b.length - b1);
    let left = 0;
    while (left < room && text.charCodeAt(s - 1 - left) === text.charCodeAt(e - 1 - left)) left++;
    let right = 0;
    while (right < hi && text.charCodeAt(s + right) === text.charCodeAt(e + right)) right++;
    if (left) out.push([a0 - left, a0]);
    if (right) out.push([a1, a1 + right]);
  });
  return out;
}

/** Where `[start, end)` of the old text is in the new one, by a diff. */
export interface MappedSpan {
  /** From the first to the last of its characters that the diff pairs (changes between them included). */
  start: number;
  end: number;
  /** How many of its characters the diff pairs. */
  kept: number;
  /** How many characters just before `start` (after `end`) of the old text the diff pairs too, when it pairs the first (last) of the span. */
  before: number;
  after: number;
}

/**
 * The part of the old text's `[start, end)` that a diff keeps: its characters outside every changed
 * stretch, from the first to the last, with what changed between them (text typed at either edge or
 * replacing an edge stays outside). Undefined when none is kept.
 */
export function mapSpan(d: TextDiff, start: number, end: number): MappedSpan | undefined {
  let first = -1;
  let last = -1;
  let kept = 0;
  // Characters of [start, end) outside the hunks, walking the hunks in order.
  let p = start;
  const keep = (from: number, to: number) => {
    if (to <= from) return;
    if (first < 0) first = from;
    last = to - 1;
    kept += to - from;
  };
  // Characters the diff pairs only by one choice among equal ones are not counted as kept.
  const blocked = [...d.hunks.map((h) => [h[0], h[1]] as const), ...d.doubtful].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [h0, h1] of blocked) {
    if (h1 <= p && h0 < p) continue;
    if (h0 >= end) break;
    keep(p, Math.min(h0, end));
    p = Math.max(p, h1);
  }
  keep(p, end);
  if (first < 0) return undefined;
  // The unchanged stretches the span's ends lie in.
  let before = 0;
  let after = 0;
  if (first === start) {
    let from = 0;
    for (const h of d.hunks) if (h[1] <= start) from = h[1];
    before = start - from;
  }
  if (last === end - 1) {
    let to = d.oldLength;
    for (const h of d.hunks) {
      if (h[0] >= end) {
        to = h[0];
        break;
      }
    }
    after = to - end;
  }
  return { start: toNew(d, first), end: toNew(d, last) + 1, kept, before, after };
}

/**
 * Whether every word character of the new text's `[start, end)` is new (inserted by the diff) or
 * paired, beyond doubt, with a character of the old text's `[oldStart, oldEnd)`: no other text of
 * the old one.
 */
export function onlyNewOr(d: TextDiff, text: string, start: number, end: number, oldStart: number, oldEnd: number): boolean {
  let delta = 0;
  let k = 0;
  const hunks = d.hunks;
  for (let j = start; j < end; j++) {
    // Hunks wholly before j in the new text shift the pairing.
    while (k < hunks.length && hunks[k][3] <= j) {
      delta += hunks[k][3] - hunks[k][2] - (hunks[k][1] - hunks[k][0]);
      k++;
    }
    if (k < hunks.length && hunks[k][2] <= j && j < hunks[k][3]) continue;
    if (!WORD.test(text[j])) continue;
    const i = j - delta;
    if (i < oldStart || i >= oldEnd || d.doubtful.some(([x, y]) => x <= i && i < y)) return false;
  }
  return true;
}

const WORD = /[\p{L}\p{N}_]/u;

/** The new offset of a character of the old text outside every hunk. */
function toNew(d: TextDiff, i: number): number {
  let delta = 0;
  for (const h of d.hunks) {
    if (h[1] > i || (h[0] === h[1] && h[0] > i)) break;
    delta += h[3] - h[2] - (h[1] - h[0]);
  }
  return i + delta;
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
