import { approxSearch } from './approxMatch';
import { prefixAt, splitsSurrogate, suffixAt } from './target';
import type { TextTarget } from './types';

/**
 * Keeping annotations on the passage they were made on while the text changes.
 *
 * The rule everywhere: an annotation is either on the right text or marked `orphaned` with its quote
 * kept — never silently moved elsewhere, never dropped. Two entry points:
 *
 * - {@link applyEdits} follows edits made in the editor, where we know exactly what changed.
 *   An edit within the passage that leaves some of it (retyping a word, even the first or last one)
 *   is the analyst revising their own passage: the annotation stays and `exact` becomes the new
 *   covered text. Typing exactly at either edge is outside the passage. An edit that starts outside
 *   and removes one end of the passage trims the annotation to the characters that survive (the
 *   text it brings in stays outside). An edit that removes or replaces the whole passage orphans it,
 *   unless the quote can be found again (a cut and paste of the paragraph, a reload of the whole
 *   text) by the search below.
 * - {@link reanchor} handles text changed outside the editor (git checkout, another tool), where only
 *   the old and new texts are known: the stored offsets (mapped through the change when the old text
 *   is known) if the quote is still there; else the quote elsewhere, disambiguated by its context;
 *   else the quote with whitespace normalised; else an approximate match scored by edit distance,
 *   context and distance from the old position, accepted only when confident and unique.
 */

/** Anything placed by a {@link TextTarget}: annotations and corrections. */
export interface Anchorable {
  target: TextTarget;
  status?: 'orphaned';
}

/** A text edit as VS Code reports it: replace `[start, end)` of the text before the edit by `text`. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/**
 * What happened to one item: `unchanged` (same target), `moved` (same quote, new offsets or context),
 * `edited` (the passage itself was edited; `exact` is the new covered text), `relocated` (the exact
 * quote found elsewhere), `fuzzy` (an approximate or whitespace-normalised match; `exact` updated),
 * `orphaned` (not found; quote kept, `status: orphaned`).
 */
export type AnchorOutcome = 'unchanged' | 'moved' | 'edited' | 'relocated' | 'fuzzy' | 'orphaned';

/** An item after re-anchoring (a new object; the input is not mutated) and what happened to it. */
export interface Anchored<T extends Anchorable> {
  item: T;
  outcome: AnchorOutcome;
}

/** Tuning of the search; the defaults are what the product uses. */
export interface ReanchorOptions {
  /** Share of the quote that may differ in an approximate match. Default 0.2. */
  maxErrorRate?: number;
  /** Minimum score (0–1) of an approximate match. Default 0.75. */
  minScore?: number;
  /** A quote shorter than this is only placed where its context confirms it. Default 12. */
  minUniqueLength?: number;
}

const DEFAULTS: Required<ReanchorOptions> = { maxErrorRate: 0.2, minScore: 0.75, minUniqueLength: 12 };
/** Quotes longer than this are not searched approximately (cost grows with length × text). */
const MAX_FUZZY_QUOTE = 400;
/** Budget of dynamic-programming cells for one approximate search. */
const MAX_FUZZY_CELLS = 40_000_000;
/** More exact occurrences than this are hopeless to disambiguate. */
const MAX_OCCURRENCES = 2_000;

/**
 * Follows editor changes, applied in order, each relative to the text left by the previous one (VS
 * Code's `contentChanges` satisfy this). `newText` is the text after all of them.
 */
export function applyEdits<T extends Anchorable>(items: readonly T[], changes: readonly TextChange[], newText: string, opts: ReanchorOptions = {}): Anchored<T>[] {
  return items.map((item) => {
    let s = item.target.start;
    let e = item.target.end;
    let touched = false;
    let lost = item.status === 'orphaned';
    for (const c of changes) {
      const delta = c.text.length - (c.end - c.start);
      if (lost) {
        // An orphan's offsets are only a hint of where it was; keep the hint roughly in place.
        if (c.end <= s) s = e = Math.max(0, s + delta);
        else if (c.start < s) s = e = c.start;
        continue;
      }
      if (c.end <= s) {
        s += delta;
        e += delta;
      } else if (c.start >= e) {
        continue;
      } else if (c.start <= s && c.end >= e) {
        lost = true;
        s = e = c.start;
      } else if (c.start >= s && c.end <= e) {
        e += delta;
        touched = true;
      } else if (c.start < s) {
        s = c.start + c.text.length;
        e += delta;
        touched = true;
      } else {
        e = c.start;
        touched = true;
      }
    }
    if (lost) {
      if (item.status === 'orphaned') return { item: { ...item, target: { ...item.target, start: s, end: e } }, outcome: 'orphaned' as const };
      const found = search(item.target, newText, s, undefined, { ...DEFAULTS, ...opts }, false);
      if (found) return place(item, newText, found.start, found.end, 'relocated');
      return orphan(item, s, e);
    }
    return place(item, newText, s, e, touched ? 'edited' : 'moved');
  });
}

/**
 * Places items again after the text changed outside the editor. `oldText`, when known, is the text
 * the stored offsets refer to; it sharpens the expected position. Orphans get another chance too (a
 * passage may come back with a later checkout).
 */
export function reanchor<T extends Anchorable>(items: readonly T[], oldText: string | undefined, newText: string, opts: ReanchorOptions = {}): Anchored<T>[] {
  const o = { ...DEFAULTS, ...opts };
  const diff = oldText === undefined ? undefined : trimmedChange(oldText, newText);
  return items.map((item) => {
    const t = item.target;
    let expected = t.start;
    if (diff && item.status !== 'orphaned') {
      const mapped = applyEdits([{ target: t }], [diff], newText)[0];
      if (mapped.outcome === 'moved') return place(item, newText, mapped.item.target.start, mapped.item.target.end, 'moved');
      expected = mapped.item.target.start;
    } else if (newText.slice(t.start, t.end) === t.exact && t.exact !== '' && !splitsSurrogate(newText, t.start) && !splitsSurrogate(newText, t.end)) {
      return place(item, newText, t.start, t.end, 'moved');
    }
    const found = search(t, newText, expected, diff, o, true);
    if (found) return place(item, newText, found.start, found.end, found.exact ? 'relocated' : 'fuzzy');
    return orphan(item, t.start, t.end);
  });
}

function place<T extends Anchorable>(item: T, text: string, start: number, end: number, how: AnchorOutcome): Anchored<T> {
  const target: TextTarget = { start, end, exact: text.slice(start, end), prefix: prefixAt(text, start), suffix: suffixAt(text, end) };
  const old = item.target;
  const next = { ...item, target } as T;
  delete next.status;
  const same = old.start === start && old.end === end && old.exact === target.exact && old.prefix === target.prefix && old.suffix === target.suffix;
  let outcome = how;
  if (how === 'moved' && same && item.status !== 'orphaned') outcome = 'unchanged';
  if (how === 'edited' && old.exact === target.exact) outcome = same ? 'unchanged' : 'moved';
  return { item: outcome === 'unchanged' ? item : next, outcome };
}

function orphan<T extends Anchorable>(item: T, start: number, end: number): Anchored<T> {
  return { item: { ...item, status: 'orphaned', target: { ...item.target, start, end } }, outcome: 'orphaned' };
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

/** How much of the stored context surrounds `[start, end)` in `text`, 0–1 (1 when there is no context to compare). */
export function contextScore(t: TextTarget, text: string, start: number, end: number): number {
  const total = t.prefix.length + t.suffix.length;
  if (total === 0) return 1;
  let a = 0;
  while (a < t.prefix.length && start - 1 - a >= 0 && text.charCodeAt(start - 1 - a) === t.prefix.charCodeAt(t.prefix.length - 1 - a)) a++;
  let b = 0;
  while (b < t.suffix.length && end + b < text.length && text.charCodeAt(end + b) === t.suffix.charCodeAt(b)) b++;
  // A passage at the very start or end of the text has no context to lose there.
  if (a === start && start < t.prefix.length) a = t.prefix.length;
  if (b === text.length - end && text.length - end < t.suffix.length) b = t.suffix.length;
  return (a + b) / total;
}

interface Found {
  start: number;
  end: number;
  exact: boolean;
}

/** Where the quote is now, or undefined when it cannot be placed with confidence. */
function search(t: TextTarget, text: string, expected: number, diff: TextChange | undefined, o: Required<ReanchorOptions>, approximate: boolean): Found | undefined {
  const q = t.exact;
  if (q === '') return undefined;
  const occurrences: number[] = [];
  for (let i = text.indexOf(q); i >= 0 && occurrences.length <= MAX_OCCURRENCES; i = text.indexOf(q, i + 1)) {
    if (!splitsSurrogate(text, i) && !splitsSurrogate(text, i + q.length)) occurrences.push(i);
  }
  if (occurrences.length > MAX_OCCURRENCES) return undefined;
  if (occurrences.length > 0) {
    const pick = unique(occurrences.map((i) => ({ start: i, end: i + q.length, score: contextScore(t, text, i, i + q.length) })), 0);
    if (!pick) return undefined;
    if (pick.score >= 0.5 || (occurrences.length === 1 && q.length >= o.minUniqueLength)) return { start: pick.start, end: pick.end, exact: true };
    return undefined;
  }
  if (!approximate) return undefined;
  const ws = whitespaceSearch(t, text, o);
  if (ws !== 'none') return ws;
  return fuzzySearch(t, text, expected, diff, o);
}

/** The best of the candidates if it beats every non-overlapping rival by more than `margin`. */
function unique<C extends { start: number; end: number; score: number }>(cands: C[], margin: number): C | undefined {
  if (cands.length === 0) return undefined;
  const sorted = [...cands].sort((a, b) => b.score - a.score);
  const best = sorted[0];
  const rival = sorted.find((c) => c !== best && (c.end <= best.start || c.start >= best.end));
  if (rival && best.score - rival.score <= margin) return undefined;
  return best;
}

/** The quote with runs of whitespace treated as equal (reflowed lines, doubled spaces). */
function whitespaceSearch(t: TextTarget, text: string, o: Required<ReanchorOptions>): Found | undefined | 'none' {
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  const needle = squash(t.exact).trim();
  if (needle === '' || !/\s/.test(t.exact + text)) return 'none';
  // Map every position of the squashed text back to the original.
  let flat = '';
  const back: number[] = [];
  for (let i = 0; i < text.length; ) {
    if (/\s/.test(text[i])) {
      back.push(i);
      flat += ' ';
      while (i < text.length && /\s/.test(text[i])) i++;
    } else {
      back.push(i);
      flat += text[i++];
    }
  }
  back.push(text.length);
  const cands: { start: number; end: number; score: number }[] = [];
  for (let i = flat.indexOf(needle); i >= 0 && cands.length <= MAX_OCCURRENCES; i = flat.indexOf(needle, i + 1)) {
    const start = back[i];
    // The needle is trimmed, so its last character is not whitespace and maps to one character.
    const end = back[i + needle.length - 1] + 1;
    cands.push({ start, end, score: contextScore({ ...t, prefix: squash(t.prefix), suffix: squash(t.suffix) }, flat, i, i + needle.length) });
  }
  if (cands.length === 0) return 'none';
  const pick = unique(cands, 0);
  if (!pick) return undefined;
  if (pick.score >= 0.5 || (cands.length === 1 && needle.length >= o.minUniqueLength)) return { start: pick.start, end: pick.end, exact: false };
  return undefined;
}

function fuzzySearch(t: TextTarget, text: string, expected: number, diff: TextChange | undefined, o: Required<ReanchorOptions>): Found | undefined {
  const q = t.exact;
  // Short quotes match too much by chance to be placed approximately.
  if (q.length < o.minUniqueLength || q.length > MAX_FUZZY_QUOTE) return undefined;
  const maxErrors = Math.floor(q.length * o.maxErrorRate);
  let from = 0;
  let to = text.length;
  const window = Math.floor(MAX_FUZZY_CELLS / q.length);
  if (to - from > window) {
    const centre = diff ? Math.min(expected, diff.start + diff.text.length) : expected;
    from = Math.max(0, Math.min(text.length - window, centre - Math.floor(window / 2)));
    to = from + window;
  }
  const span = Math.max(text.length, 1);
  const cands = approxSearch(text, q, maxErrors, from, to).map((m) => {
    let { start, end } = m;
    if (splitsSurrogate(text, start)) start--;
    if (splitsSurrogate(text, end)) end++;
    const similarity = 1 - m.errors / q.length;
    const context = contextScore(t, text, start, end);
    const proximity = 1 - Math.min(1, Math.abs(start - expected) / span);
    return { start, end, score: 0.6 * similarity + 0.3 * context + 0.1 * proximity, similarity, context };
  });
  // A rival within a few points is as likely to be the passage: refuse rather than guess.
  const pick = unique(cands, 0.05);
  if (!pick || pick.score < o.minScore || pick.end <= pick.start) return undefined;
  return { start: pick.start, end: pick.end, exact: false };
}
