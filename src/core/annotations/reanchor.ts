import { approxSearch, editDistance } from './approxMatch';
import { diffText, mapSpan, onlyNewOr, trimmedChange } from './textDiff';
import { prefixAt, splitsSurrogate, suffixAt } from './target';
import { CONTEXT_LENGTH, type TextTarget } from './types';

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
 *   the new text and the stored selectors are known, and sometimes the old text: the stored offsets
 *   (mapped through the change when the old text is known); else the quote, then the quote with
 *   whitespace normalised, then an approximate match, wherever the stored context confirms it; then
 *   the passage revised where it stands between its whole context, or cut short next to one whole
 *   side ({@link bracketed}); then the
 *   quote by one intact side of its context ({@link oneSided}); then the quote where its whole
 *   sentence still is ({@link wholeSentence}).
 *
 * Every candidate place must be confirmed by the stored context (prefix and suffix, compared with
 * re-flowed whitespace and typos forgiven), clearly better than any other place, and — for an
 * approximate match — begin and end where the quote did (at a word boundary, not inside a word).
 * Where the old text is known, or the editor says which characters are new, a place made of text
 * that was already there (and was not the passage) is never taken. Anything weaker is an orphan:
 * an annotation never lands on other text because the words happen to repeat.
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
  /** Least support (0–1) the stored context must give a place found elsewhere. Default 0.6 (0.5 when the old text is known). */
  minContext?: number;
  /** Quotes shorter than this need more context ({@link shortQuoteContext}) and are never matched approximately. Default 12. */
  minUniqueLength?: number;
  /** Least context support of a place for a short quote. Default 0.6. */
  shortQuoteContext?: number;
}

const DEFAULTS: Required<ReanchorOptions> = { maxErrorRate: 0.2, minContext: 0.6, minUniqueLength: 12, shortQuoteContext: 0.6 };
/**
 * Context support that confirms a place on its own: most of the 64 characters around the passage.
 * A passage deleted in the editor comes back only with it (an undo, a paste of what was cut); a
 * short quote found farther than {@link NEAR} from where the passage was needs it too.
 */
const STRONG_CONTEXT = 0.75;
/** {@link ReanchorOptions.minContext} when the old text is known. */
const OLD_TEXT_CONTEXT = 0.5;
/** Characters within which a place counts as where the passage was (edits before it shift it). */
const NEAR = 400;
/** The same, when passages found on both sides moved alike. */
const PINNED = 80;
/** A quote this long is found by itself, if nothing else is like it. */
const LONG_QUOTE = 48;
/** Context support of a place that agrees with the stored context all round (typos forgiven). */
const CERTAIN = 0.9;
/** A rival place within this much context support makes the passage ambiguous: it is orphaned. */
const RIVAL_MARGIN = 0.15;
/** Quotes longer than this are not searched approximately (cost grows with length × text). */
const MAX_FUZZY_QUOTE = 400;
/** Budget of dynamic-programming cells for one approximate search. */
const MAX_FUZZY_CELLS = 40_000_000;
/** More exact occurrences than this are hopeless to disambiguate. */
const MAX_OCCURRENCES = 2_000;

/**
 * Ranges `[start, end)` of the new text where new characters are (the rest was there before), or a
 * test of a place: whether it may be taken.
 */
type Fresh = readonly [number, number][] | 'everywhere' | ((start: number, end: number) => boolean);

/**
 * Follows editor changes, applied in order, each relative to the text left by the previous one (VS
 * Code's `contentChanges`, applied from the last, satisfy this). `newText` is the text after all of them.
 */
export function applyEdits<T extends Anchorable>(items: readonly T[], changes: readonly TextChange[], newText: string, opts: ReanchorOptions = {}): Anchored<T>[] {
  const o = { ...DEFAULTS, ...opts };
  const fresh = insertedRanges(changes);
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
      // The passage is gone from where it was; it may be in what was just typed or pasted (a cut
      // and paste, an undo of its deletion, a reload of the whole text). Text that was there before
      // was other text: it is never taken.
      const found = fresh.length ? exactSearch(item.target, newText, s, fresh, { ...o, minContext: Math.max(o.minContext, STRONG_CONTEXT), shortQuoteContext: Math.max(o.shortQuoteContext, STRONG_CONTEXT) }) : undefined;
      if (found) return place(item, newText, found.start, found.end, 'relocated');
      return orphan(item, s, e);
    }
    return place(item, newText, s, e, touched ? 'edited' : 'moved');
  });
}

/** Where the changes put new characters, in the coordinates of the text after all of them. */
function insertedRanges(changes: readonly TextChange[]): [number, number][] {
  let ranges: [number, number][] = [];
  for (const c of changes) {
    const delta = c.text.length - (c.end - c.start);
    const next: [number, number][] = [];
    for (const [a, b] of ranges) {
      // Ranges already inserted, moved by this change (parts it replaced are gone).
      if (b <= c.start) next.push([a, b]);
      else if (a >= c.end) next.push([a + delta, b + delta]);
      else {
        if (a < c.start) next.push([a, c.start]);
        if (b > c.end) next.push([c.start + c.text.length, b + delta]);
      }
    }
    if (c.text.length) next.push([c.start, c.start + c.text.length]);
    ranges = next;
  }
  return ranges.sort((x, y) => x[0] - y[0]);
}

/**
 * Places items again after the text changed outside the editor. `oldText`, when known, is the text
 * the stored offsets refer to: it tells which stretch of the new text is new, and only there can a
 * passage that was changed or moved be found again. Orphans get another chance too (a passage may
 * come back with a later checkout).
 */
export function reanchor<T extends Anchorable>(items: readonly T[], oldText: string | undefined, newText: string, opts: ReanchorOptions = {}): Anchored<T>[] {
  const diff = oldText === undefined ? undefined : diffText(oldText, newText);
  // The same diff with ties broken the other way: where the two pair a passage differently, its words
  // repeat nearby and the diff's pairing is a guess.
  const other = oldText === undefined ? undefined : diffText(oldText, newText, true);
  const changes = diff?.changes;
  // Before the first changed character and after the last, the two texts are the same characters.
  const around = oldText === undefined ? undefined : trimmedChange(oldText, newText);
  // With the old text, only new text can hold a moved passage: a copy elsewhere is never a
  // candidate, and a little less context is enough.
  const o = { ...DEFAULTS, ...(changes ? { minContext: OLD_TEXT_CONTEXT } : {}), ...opts };
  const fresh: Fresh = changes ? insertedRanges(changes) : 'everywhere';
  // Without the old text, the passages found beyond doubt tell how far the text around the others
  // moved: a weakly supported place must be where its neighbours say it should be.
  const anchors = changes ? [] : anchorsOf(items, newText, o);
  const placed = items.map((item) => {
    const t = item.target;
    let near: Near = changes ? { at: t.start, radius: NEAR, pinned: true } : predicted(anchors, t.start);
    if (around && oldText !== undefined && item.status !== 'orphaned' && oldText.startsWith(t.exact, t.start)) {
      // A passage wholly before or after the changed stretch is where it was, shifted by the change:
      // the word diff may pair one of two equal characters at its edge the other way (`hh` → `h`).
      const at = t.end <= around.start ? t.start : t.start >= around.end ? t.start + newText.length - oldText.length : -1;
      if (at >= 0 && newText.startsWith(t.exact, at)) return place(item, newText, at, at + t.exact.length, 'moved');
    }
    if (diff && other && item.status !== 'orphaned') {
      const m = mapSpan(diff, t.start, t.end);
      const m2 = mapSpan(other, t.start, t.end);
      const len = t.exact.length;
      const sure = m && m2 && m.start === m2.start && m.end === m2.end && m.kept === m2.kept;
      if (m && sure && m.kept === len && m.end - m.start === len) {
        // Outside the changed stretches, the passage's characters are the same characters (a short
        // quote only where its context agrees: the diff may have paired one of its repeats).
        if (len >= o.minUniqueLength || contextScore(t, newText, m.start, m.end) >= (newText.indexOf(t.exact) === newText.lastIndexOf(t.exact) ? o.minContext : o.shortQuoteContext)) return place(item, newText, m.start, m.end, 'moved');
      } else if (m && sure && len >= o.minUniqueLength && 2 * m.kept >= len && m.end - m.start - m.kept <= m.kept) {
        // Changed inside, or cut at an edge, most of it kept: the passage was revised where it stands.
        const { start, end } = withoutSpaceAround(newText, m.start, m.end);
        if (end > start) return place(item, newText, start, end, 'edited');
      }
      if (m) near = { at: m.start, radius: NEAR, pinned: true };
    }
    // A place is taken only if its words are new text or the passage's own (paired by the diff
    // beyond doubt): never old text that was something else.
    const admit: Fresh = diff ? (s, e) => onlyNewOr(diff, newText, s, e, item.status === 'orphaned' ? 0 : t.start, item.status === 'orphaned' ? 0 : t.end) : fresh;
    const found = fresh === 'everywhere' || fresh.length ? search(t, newText, near, admit, o) : undefined;
    if (found) {
      const same = found.start === t.start && found.end === t.end && item.status !== 'orphaned';
      return place(item, newText, found.start, found.end, found.exact ? (same ? 'moved' : 'relocated') : 'fuzzy');
    }
    return orphan(item, t.start, t.end);
  });
  // The flattened text is kept only while this text is searched.
  flattened = undefined;
  return placed;
}

/**
 * Where a passage is expected in the new text, how far from there a place still counts as near, and
 * whether that expectation is founded (the old text, or neighbours that moved alike) or a guess.
 */
interface Near {
  at: number;
  radius: number;
  pinned: boolean;
}

/** Old → new offsets of the passages whose quote is found with most of its context and no rival. */
function anchorsOf(items: readonly Anchorable[], text: string, o: Required<ReanchorOptions>): [number, number][] {
  const out: [number, number][] = [];
  for (const item of items) {
    const t = item.target;
    if (item.status === 'orphaned') continue;
    const cands = exactCandidates(t, text);
    if (!cands) continue;
    const best = decide(t, cands, { at: t.start, radius: Infinity, pinned: false }, o);
    if (best && best.context >= STRONG_CONTEXT) out.push([t.start, best.start]);
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Where the passage stored at `start` should be now: moved as its nearest anchors moved. Anchors on
 * both sides that moved alike pin it down (a tight radius); otherwise the usual radius.
 */
function predicted(anchors: readonly [number, number][], start: number): Near {
  let before: [number, number] | undefined;
  let after: [number, number] | undefined;
  for (const a of anchors) {
    if (a[0] <= start) before = a;
    else if (!after) after = a;
  }
  const shift = (a: [number, number]) => a[1] - a[0];
  if (before && after && Math.abs(shift(before) - shift(after)) <= 4 * PINNED) {
    // Between the two: where the shift changes (an edit) is unknown, so either shift may apply.
    const lo = Math.min(shift(before), shift(after));
    const hi = Math.max(shift(before), shift(after));
    return { at: start + (lo + hi) / 2, radius: PINNED + (hi - lo) / 2, pinned: true };
  }
  const nearest = before && after ? (start - before[0] <= after[0] - start ? before : after) : (before ?? after);
  if (nearest && Math.abs(nearest[0] - start) <= 4 * PINNED) return { at: start + shift(nearest), radius: PINNED, pinned: true };
  return { at: nearest ? start + shift(nearest) : start, radius: NEAR, pinned: false };
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

const squash = (s: string) => s.replace(/\s+/g, ' ');

/**
 * How well the text around `[start, end)` matches the stored context, 0–1: the share of the stored
 * prefix found going backwards from `start` and of the suffix going forwards from `end`, with runs of
 * whitespace counted as one space (re-wrapped lines) and up to two one-character slips per side
 * repaired (a typo next to the passage). Text that is not there — the start of the file — counts as
 * lost. 1 when nothing was stored to compare with.
 */
export function contextScore(t: TextTarget, text: string, start: number, end: number): number {
  return contextSides(t, text, start, end).score;
}

/** Context support of a place, side by side. */
interface Sides {
  /** {@link contextScore}. */
  score: number;
  /** Characters of the stored prefix (suffix), whitespace runs counted as one, that agree next to the place. */
  before: number;
  after: number;
}

function contextSides(t: TextTarget, text: string, start: number, end: number): Sides {
  const prefix = squash(t.prefix);
  const suffix = squash(t.suffix);
  const total = prefix.length + suffix.length;
  if (total === 0) return { score: 1, before: 0, after: 0 };
  // Generous windows: whitespace runs shrink when squashed, and a few characters may have been added.
  const before = squash(text.slice(Math.max(0, start - 2 * t.prefix.length - 8), start));
  const after = squash(text.slice(end, end + 2 * t.suffix.length + 8));
  const p0 = agreeing(reverse(prefix), reverse(before));
  const q0 = agreeing(suffix, after);
  let p = p0;
  let q = q0;
  // A sentence inserted next to the passage pushes its old neighbour a little away: found whole
  // within a few sentences, the neighbour still counts, for part.
  // (Not for a short quote: a word's context must be right next to it.)
  const displaced = t.exact.length >= DEFAULTS.minUniqueLength;
  if (displaced && 2 * p < prefix.length && prefix.length >= DISPLACED && squash(text.slice(Math.max(0, start - DISPLACED_WINDOW), start)).includes(prefix)) p = Math.round(prefix.length * 0.6);
  if (displaced && 2 * q < suffix.length && suffix.length >= DISPLACED && squash(text.slice(end, end + DISPLACED_WINDOW)).includes(suffix)) q = Math.round(suffix.length * 0.6);
  return { score: (p + q) / total, before: p0, after: q0 };
}

/** Shortest stored context looked for away from the passage. */
const DISPLACED = 24;
/** How far from the passage a displaced neighbour is looked for. */
const DISPLACED_WINDOW = 400;

const reverse = (s: string) => s.split('').reverse().join('');

/**
 * How many characters of `stored` agree with `text`, both read from the passage outwards: matching
 * characters count, a mismatch is repaired (a character changed, added or removed) when the next two
 * agree again, at most twice; the count stops at the first mismatch that cannot be repaired. Chance
 * agreement of unrelated text stops after a character or two.
 */
function agreeing(stored: string, text: string): number {
  let i = 0;
  let j = 0;
  let matched = 0;
  let repairs = 0;
  const resumes = (di: number, dj: number) => {
    for (let k = 0; k < 2; k++) {
      if (i + di + k >= stored.length) return true;
      if (j + dj + k >= text.length || stored.charCodeAt(i + di + k) !== text.charCodeAt(j + dj + k)) return false;
    }
    return true;
  };
  while (i < stored.length && j < text.length) {
    if (stored.charCodeAt(i) === text.charCodeAt(j)) {
      matched++;
      i++;
      j++;
      continue;
    }
    if (repairs === 2) break;
    repairs++;
    if (resumes(1, 1)) {
      i++;
      j++;
    } else if (resumes(0, 1)) j++;
    else if (resumes(1, 0)) i++;
    else break;
  }
  return matched;
}

interface Found {
  start: number;
  end: number;
  exact: boolean;
}

interface Candidate {
  start: number;
  end: number;
  /** Context support, 0–1. */
  context: number;
  /** Similarity of the covered text to the quote, 0–1 (1 for an exact occurrence). */
  similarity: number;
  /** Characters of the stored prefix (suffix) that agree right next to it. */
  before: number;
  after: number;
  /**
   * Of an exact occurrence with one side whole: characters of the other side that agree from the
   * passage to the end of its sentence (the start, for the prefix), the sentence boundary agreeing too;
   * -1 when they do not.
   */
  sentence?: number;
}

function sides(t: TextTarget, text: string, start: number, end: number): { context: number; before: number; after: number } {
  const c = contextSides(t, text, start, end);
  return { context: c.score, before: c.before, after: c.after };
}

function overlapsFresh(fresh: Fresh, start: number, end: number): boolean {
  if (fresh === 'everywhere') return true;
  if (typeof fresh === 'function') return fresh(start, end);
  for (const [a, b] of fresh) if (a < Math.max(end, start + 1) && b > start) return true;
  return false;
}

/**
 * Least context support a place of this quote needs. A short quote needs more (words repeat), a long
 * one less (it is evidence by itself; {@link LONG_QUOTE} characters or more, none), a place far from
 * where the passage is expected needs more, and exactly the stored offsets need less.
 */
function needed(t: TextTarget, c: Candidate, near: Near, o: Required<ReanchorOptions>): number {
  const length = t.exact.length;
  const short = o.minUniqueLength;
  if (c.start === t.start && c.end - c.start === length && c.similarity === 1) return length < short ? o.shortQuoteContext / 2 : length < 3 * short ? 0.15 : 0;
  // Half the context (one side intact) is what the passage keeps when the sentence next to it is
  // rewritten, but also what a copy of the words elsewhere may have: only where the passage is
  // expected — from the old text, or from its neighbours — is it enough.
  const far = !near.pinned || Math.abs(c.start - near.at) > near.radius;
  if (c.similarity === 1 && brokenRepeat(length, c)) return STRONG_CONTEXT;
  // Where the passage is expected (its neighbours moved alike, or the old text says so), one whole
  // side of the context with the quote beside it is the passage whose other side was rewritten: a
  // copy elsewhere with that side is far, or a rival. (Not in the editor: there, the passage was
  // deleted, and comes back only with strong context.)
  if (c.similarity === 1 && !far && Math.max(c.before, c.after) >= INTACT_SIDE && o.minContext < STRONG_CONTEXT) return Math.min(ONE_SIDE_PINNED, o.minContext);
  // An approximate match is evidence by itself only as much as a mid-length quote.
  if (c.similarity < 1) return far ? STRONG_CONTEXT : o.minContext;
  if (length >= LONG_QUOTE) return 0;
  if (length >= 3 * short) return far ? o.minContext : o.minContext * 0.7;
  if (length >= short) return far ? STRONG_CONTEXT : o.minContext;
  return far ? STRONG_CONTEXT : o.shortQuoteContext;
}

/**
 * The candidate the context clearly supports, or undefined. It needs `needed()` support, and beats
 * every other place (not overlapping it): by more than {@link RIVAL_MARGIN}, and — unless its whole
 * context agrees — against a rival at least half as well supported, which may be the passage with
 * its surroundings edited, by being clearly nearer to where the passage is expected.
 */
function decide(t: TextTarget, cands: Candidate[], near: Near, o: Required<ReanchorOptions>): Candidate | undefined {
  if (!cands.length) return undefined;
  const score = (c: Candidate) => c.context * c.similarity;
  const distance = (c: Candidate) => Math.abs(c.start - near.at);
  const sorted = [...cands].sort((a, b) => score(b) - score(a) || distance(a) - distance(b));
  const best = sorted[0];
  if (best.context < needed(t, best, near, o)) return undefined;
  for (const rival of sorted) {
    if (rival === best || !(rival.end <= best.start || rival.start >= best.end)) continue;
    if (score(best) - score(rival) <= RIVAL_MARGIN) return undefined;
    if (score(best) < CERTAIN && score(rival) >= score(best) / 2 && distance(best) * 4 + 100 > distance(rival)) return undefined;
  }
  return best;
}

/**
 * Where the quote is now: its exact occurrences first; when none is confirmed by its context, the
 * quote with whitespace normalised and approximate matches, with the exact occurrences as rivals (a
 * near copy never wins over the quote itself). Only a place in `fresh` text can be taken.
 */
function search(t: TextTarget, text: string, near: Near, fresh: Fresh, o: Required<ReanchorOptions>): Found | undefined {
  const exact = exactCandidates(t, text);
  if (!exact) return undefined;
  const best = decide(t, exact, near, o);
  // A strongly supported occurrence is the passage; a weaker one must also beat the near readings
  // (the passage with a word changed may be the real one, and the occurrence a copy).
  if (best && best.context >= STRONG_CONTEXT) return overlapsFresh(fresh, best.start, best.end) ? { start: best.start, end: best.end, exact: true } : undefined;
  const others = [...(whitespaceCandidates(t, text) ?? []), ...fuzzyCandidates(t, text, near.at, o)];
  if (best && !others.some((c) => c.end <= best.start || c.start >= best.end)) return overlapsFresh(fresh, best.start, best.end) ? { start: best.start, end: best.end, exact: true } : undefined;
  const pick = others.length ? decide(t, [...exact, ...others], near, o) : undefined;
  if (pick && pick.end > pick.start && overlapsFresh(fresh, pick.start, pick.end)) return { start: pick.start, end: pick.end, exact: text.slice(pick.start, pick.end) === t.exact };
  // The passage revised where it stands, between its whole context (or by one whole side of it).
  const revised = bracketed(t, text, exact, others, o);
  if (revised && overlapsFresh(fresh, revised.start, revised.end)) return { start: revised.start, end: revised.end, exact: text.slice(revised.start, revised.end) === t.exact };
  const sided = oneSided(t, exact, others);
  if (sided && overlapsFresh(fresh, sided.start, sided.end)) return { start: sided.start, end: sided.end, exact: text.slice(sided.start, sided.end) === t.exact };
  const sentence = wholeSentence(t, text, exact, others);
  if (sentence && overlapsFresh(fresh, sentence.start, sentence.end)) return { start: sentence.start, end: sentence.end, exact: true };
  return undefined;
}

// What one side of the stored context (CONTEXT_LENGTH = 32 characters) proves. The values were
// measured over seeds 1–8 of the re-anchoring fuzz test (80,000 cases per mode, with
// scripts/fuzz-reanchor.cjs): each is where fewer passages are orphaned without any being placed on
// other text.
/** A side of the context is intact when this many of its characters agree next to the place (¾ of it). */
const INTACT_SIDE = 24;
/** Half an intact side: a place agreeing this far on either side is a rival of a place found by one side. */
const RIVAL_SIDE = 12;
/** Agreement of a side up to this long is chance: punctuation and a short word (`," the `). */
const CHANCE_SIDE = 6;
/** A quote and its intact side shorter than this together are a clause that reports repeat. */
const ONE_SIDE_EVIDENCE = 40;
/** A quote and its intact side this long together are a sentence's worth, rarely repeated word for word. */
const ONE_SIDE_LONG = 56;
/** Shortest quote placed by one side of its context. */
const ONE_SIDE_QUOTE = 8;
/** Context support of one whole side of two (½), with a slip: enough where the passage is expected. */
const ONE_SIDE_PINNED = 0.45;
/** Characters in a row that agree with the quote: the least that is not a coincidence of letters. */
const RUN = 4;

/**
 * Whether an exact occurrence looks like a repeat of the quote rather than the passage: one side of
 * its context intact, the other agreeing beyond chance but for less than half a side (`," the `,
 * then another clause), and the quote with its intact side shorter than a sentence. That is what
 * the same phrase said twice looks like once one of the two is deleted; the passage whose neighbour
 * was rewritten keeps one side and loses the other at once. Such a place needs strong context.
 */
function brokenRepeat(length: number, c: Candidate): boolean {
  const side = Math.max(c.before, c.after);
  const other = Math.min(c.before, c.after);
  return side >= INTACT_SIDE && length + side < ONE_SIDE_LONG && other > CHANCE_SIDE && other < RIVAL_SIDE && !ownSentence(c);
}

/** Whether an exact occurrence stands in the passage's own sentence, intact up to its boundary ({@link sentencePiece}). */
const ownSentence = (c: Candidate) => (c.sentence ?? -1) >= 0;

/** Whether a place other than `one` (not overlapping it) has either side of the context even half intact. */
function rivalled(one: { start: number; end: number }, cands: readonly Candidate[]): boolean {
  return cands.some((c) => (c.end <= one.start || c.start >= one.end) && Math.max(c.before, c.after) >= RIVAL_SIDE);
}

/**
 * The occurrence of the quote with one side of its stored context intact, when it is the only
 * place with either side even half as close: the sentence on the other side was rewritten, deleted
 * or moved away, and no copy of the words has the context the passage had. The quote and its intact
 * side must be more than a clause, and unless they are a sentence's worth, the other side must have
 * nothing left (see {@link brokenRepeat}).
 */
function oneSided(t: TextTarget, exact: Candidate[], others: Candidate[]): Candidate | undefined {
  const len = t.exact.length;
  const side = (c: Candidate) => Math.max(c.before, c.after);
  // What agrees in one piece: the intact side, the quote and, when it is intact, the rest of its sentence.
  const evidence = (c: Candidate) => side(c) + len + Math.max(0, c.sentence ?? 0);
  const strong = exact.filter(
    (c) =>
      (len >= ONE_SIDE_QUOTE || ownSentence(c)) &&
      side(c) >= INTACT_SIDE &&
      evidence(c) >= ONE_SIDE_EVIDENCE &&
      (Math.min(c.before, c.after) <= CHANCE_SIDE || ownSentence(c) || len + side(c) >= ONE_SIDE_LONG),
  );
  if (strong.length !== 1) return undefined;
  const [one] = strong;
  return rivalled(one, [...exact.filter((c) => c !== one), ...others]) ? undefined : one;
}

/**
 * A sentence at least this long found whole, alone, is the passage's: as much as a quote with one
 * whole side ({@link ONE_SIDE_EVIDENCE}; over seeds 1–8 of the fuzz test, no placement on other text).
 */
const WHOLE_SENTENCE = ONE_SIDE_EVIDENCE;

/**
 * The occurrence of the quote whose whole sentence (or headline) is there, bounded on both sides, at
 * one place only and with no other place even half as close on either side: the sentences on both
 * sides changed, or the sentence moved.
 */
function wholeSentence(t: TextTarget, text: string, exact: Candidate[], others: Candidate[]): Candidate | undefined {
  const sentence = (c: Candidate) => {
    const before = sentenceBefore(t, text, c.start);
    const after = before < 0 ? -1 : sentenceAfter(t, text, c.end);
    return after < 0 ? -1 : before + squash(t.exact).length + after;
  };
  let one: Candidate | undefined;
  for (const c of exact) {
    if (sentence(c) < WHOLE_SENTENCE) continue;
    if (one) return undefined;
    one = c;
  }
  if (!one) return undefined;
  const found = one;
  return rivalled(found, [...exact.filter((c) => c !== found), ...others]) ? undefined : found;
}

/**
 * The passage revised where it stands, found by its context rather than by its words:
 *
 * - its stored prefix and suffix both whole (whitespace runs counted as one) around one stretch, the
 *   only such pair in the text, which still has at least half the quote's characters and no more
 *   new ones than kept (the rule of the diff when the old text is known). The stretch is the passage
 *   when it still begins and ends as the quote did, or differs from it by a typo ({@link typoOf});
 *   else what agrees with the quote within it. A stretch that is the quote with a sentence or more
 *   inserted inside it is the passage too ({@link insertedInside}), however much was inserted (up
 *   to {@link INSERTED} characters);
 * - or, with one side whole and the sentence on the other rewritten, the stretch next to the whole
 *   side that agrees with the quote as an approximate match does and still begins and ends with
 *   {@link RUN}×2 characters of the quote's own (more than a common word: a sentence replaced by
 *   another that begins alike does not), found at one place only, with no rival
 *   ({@link rivalled}). An exact quote is left to {@link oneSided};
 * - or, failing that, what is left of the passage next to a whole side when its other end was cut
 *   ({@link keptEnd}), with no rival either.
 */
function bracketed(t: TextTarget, text: string, exact: Candidate[], others: Candidate[], o: Required<ReanchorOptions>): { start: number; end: number } | undefined {
  const q = t.exact;
  if (q.length > MAX_FUZZY_QUOTE) return undefined;
  const prefix = squash(t.prefix);
  const suffix = squash(t.suffix);
  // A side stored shorter than the context's length reached the edge of the text: it is whole only
  // where it still does.
  const atStart = t.prefix.length < CONTEXT_LENGTH && prefix.length >= RUN;
  const atEnd = t.suffix.length < CONTEXT_LENGTH && suffix.length >= RUN;
  if ((prefix.length < INTACT_SIDE && !atStart) || (suffix.length < INTACT_SIDE && !atEnd)) return undefined;
  const { flat, back } = flatten(text);
  const maxGap = 2 * squash(q).length + 2;
  let found: { start: number; end: number } | undefined;
  // Pairs farther apart: the passage with a sentence or more inserted inside it.
  const wide: { start: number; end: number }[] = [];
  for (let i = flat.indexOf(prefix); i >= 0; i = flat.indexOf(prefix, i + 1)) {
    if (prefix.length < INTACT_SIDE && i !== 0) break;
    const from = i + prefix.length;
    for (let j = flat.indexOf(suffix, from); j >= 0 && j - from <= maxGap + INSERTED; j = flat.indexOf(suffix, j + 1)) {
      if (suffix.length < INTACT_SIDE && j + suffix.length !== flat.length) continue;
      if (j - from > maxGap) {
        wide.push({ start: back[from], end: back[j] });
        continue;
      }
      if (found) return undefined;
      found = { start: back[from], end: back[j] };
    }
  }
  if (!found && wide.length === 1 && prefix.length >= INTACT_SIDE && suffix.length >= INTACT_SIDE) {
    const inside = insertedInside(q, text, wide[0].start, wide[0].end);
    if (inside) return inside;
  }
  if (prefix.length < INTACT_SIDE || suffix.length < INTACT_SIDE) {
    // The text's edge is one place: the quote itself elsewhere with its context is a rival.
    if (!found || rivalled(found, [...exact, ...others])) return undefined;
  }
  if (!found) {
    const one = oneWholeSide(t, text, prefix, suffix, flat, back, o) ?? keptEnd(t, text, prefix, suffix, flat, back);
    return one && !rivalled(one, [...exact, ...others]) ? one : undefined;
  }
  if (found.end <= found.start) return undefined;
  const inside = insertedInside(q, text, found.start, found.end);
  if (inside) return inside;
  const middle = text.slice(found.start, found.end);
  const kept = align(q, middle).length;
  if (2 * kept < q.length || middle.length - kept > kept) return undefined;
  const { start, end } = withoutSpaceAround(text, found.start, found.end);
  const qt = q.trim();
  if (end - start >= RUN && qt.length >= RUN && text.slice(start, start + RUN) === qt.slice(0, RUN) && text.slice(end - RUN, end) === qt.slice(-RUN)) return { start, end };
  if (end > start && typoOf(qt, text.slice(start, end))) return { start, end };
  return trimToAgreement(t, text, found.start, found.end);
}

/** Most characters inserted inside a passage that is still found between its whole context. */
const INSERTED = 400;
/** Edits that make a typo (a letter changed, added or removed, twice at most). */
const TYPO = 2;

/**
 * `[start, end)` of `text`, its whitespace trimmed, when it is the quote with text inserted inside it
 * (a sentence put between two of its words): it begins with the quote's first characters and ends
 * with its last, more than a common word of each ({@link RUN}×2 characters), and these two pieces
 * make the whole quote.
 */
function insertedInside(q: string, text: string, start: number, end: number): { start: number; end: number } | undefined {
  const span = withoutSpaceAround(text, start, end);
  const got = squash(text.slice(span.start, span.end));
  const want = squash(q).trim();
  let head = 0;
  while (head < want.length && head < got.length && got[head] === want[head]) head++;
  let tail = 0;
  while (tail < want.length && tail < got.length && got[got.length - 1 - tail] === want[want.length - 1 - tail]) tail++;
  return head >= 2 * RUN && tail >= 2 * RUN && head < want.length && head + tail >= want.length && got.length > want.length ? span : undefined;
}

/**
 * Whether `got` is the quote `q` with a typo or two, none of them possibly a character added at
 * either end (typed next to the passage, not in it): no least-edits alignment leaves its first or
 * last character out.
 */
function typoOf(q: string, got: string): boolean {
  if (!q.length || got.length < 2 || Math.abs(q.length - got.length) > TYPO || q.length > MAX_FUZZY_QUOTE) return false;
  const total = editDistance(q, got);
  return total > 0 && total <= TYPO && editDistance(q, got.slice(1)) + 1 > total && editDistance(q, got.slice(0, -1)) + 1 > total;
}


/** The approximate quote next to one whole side of its context, at one place only (see {@link bracketed}). */
function oneWholeSide(t: TextTarget, text: string, prefix: string, suffix: string, flat: string, back: number[], o: Required<ReanchorOptions>): { start: number; end: number } | undefined {
  const q = t.exact;
  if (q.length < o.minUniqueLength) return undefined;
  // The window next to the whole side: the quote, and a little more than an approximate match may add.
  const slack = Math.ceil(q.length * 0.3) + 2;
  const qt = q.trim();
  const edge = 2 * RUN;
  const places: { start: number; end: number }[] = [];
  const tryAt = (s0: number, e0: number, side: 'before' | 'after') => {
    if (e0 <= s0 || align(q, text.slice(s0, e0)).length < (1 - o.maxErrorRate) * q.length) return;
    const span = trimToAgreement(t, text, s0, e0);
    if (!span || span.end - span.start < q.length / 2) return;
    const got = text.slice(span.start, span.end);
    if (got === q || got.slice(0, edge) !== qt.slice(0, edge) || got.slice(-edge) !== qt.slice(-edge)) return;
    // Right next to the whole side.
    if ((side === 'before' ? text.slice(s0, span.start) : text.slice(span.end, e0)).trim() !== '') return;
    places.push(span);
  };
  for (let i = flat.indexOf(prefix); i >= 0 && places.length <= 1; i = flat.indexOf(prefix, i + 1)) {
    const s0 = back[i + prefix.length];
    tryAt(s0, Math.min(text.length, s0 + q.length + slack), 'before');
  }
  for (let j = flat.indexOf(suffix); j >= 0 && places.length <= 2; j = flat.indexOf(suffix, j + 1)) {
    const e0 = back[j];
    tryAt(Math.max(0, e0 - q.length - slack), e0, 'after');
  }
  if (!places.length) return undefined;
  const [one] = places;
  return places.every((p) => p.start === one.start && p.end === one.end) ? one : undefined;
}

/**
 * The passage cut short at one end (its last or first words rewritten or deleted, with the sentence
 * beyond): its whole stored prefix followed by the quote's own first words as far as they go, at
 * least half the quote and, with the prefix, as long as a quote found by itself ({@link LONG_QUOTE}:
 * measured over seeds 1–8 of the fuzz test, 40 places a copy of a clause, 56 orphans more); or the
 * quote's last words followed by its whole suffix. Whole words only, the same characters as the
 * quote's (line breaks included: a paragraph break where the quote had a space is the next
 * paragraph, which may repeat the quote's words), at one place only. What the editor and the diff
 * of the old text keep of a passage whose end was rewritten.
 */
function keptEnd(t: TextTarget, text: string, prefix: string, suffix: string, flat: string, back: number[]): { start: number; end: number } | undefined {
  const q = t.exact;
  const least = (side: number) => Math.max(Math.ceil(q.length / 2), 3 * RUN, LONG_QUOTE - side);
  const places: { start: number; end: number }[] = [];
  for (let i = flat.indexOf(prefix); i >= 0 && places.length <= 1; i = flat.indexOf(prefix, i + 1)) {
    const from = back[i + prefix.length];
    let l = 0;
    while (l < q.length && from + l < text.length && text[from + l] === q[l]) l++;
    if (l === q.length) continue;
    // Back to the end of the last word the quote and the text share.
    while (l > 0 && isWord(q[l]) && isWord(q[l - 1])) l--;
    while (l > 0 && /\s/.test(q[l - 1])) l--;
    if (l >= least(prefix.length) && !splitsSurrogate(text, from + l)) places.push({ start: from, end: from + l });
  }
  for (let j = flat.indexOf(suffix); j >= 0 && places.length <= 1; j = flat.indexOf(suffix, j + 1)) {
    const to = back[j];
    const n = q.length;
    let l = 0;
    while (l < n && to - l - 1 >= 0 && text[to - l - 1] === q[n - l - 1]) l++;
    if (l === n) continue;
    while (l > 0 && isWord(q[n - l - 1]) && isWord(q[n - l])) l--;
    while (l > 0 && /\s/.test(q[n - l])) l--;
    if (l >= least(suffix.length) && !splitsSurrogate(text, to - l)) places.push({ start: to - l, end: to });
  }
  return places.length === 1 ? places[0] : undefined;
}

/** The text flattened, shared by the passages searched in it during one {@link reanchor}. */
let flattened: { text: string; flat: string; back: number[] } | undefined;

/** `text` with runs of whitespace as one space, and for each of its positions the position in `text`. */
function flatten(text: string): { flat: string; back: number[] } {
  if (flattened?.text === text) return flattened;
  let flat = '';
  const back: number[] = [];
  for (let i = 0; i < text.length; ) {
    back.push(i);
    if (/\s/.test(text[i])) {
      flat += ' ';
      while (i < text.length && /\s/.test(text[i])) i++;
    } else flat += text[i++];
  }
  back.push(text.length);
  flattened = { text, flat, back };
  return flattened;
}

/** The exact quote where its context confirms it, in `fresh` text: what the editor path looks for. */
function exactSearch(t: TextTarget, text: string, expected: number, fresh: Fresh, o: Required<ReanchorOptions>): Found | undefined {
  const best = decide(t, exactCandidates(t, text) ?? [], { at: expected, radius: NEAR, pinned: true }, o);
  if (!best || !overlapsFresh(fresh, best.start, best.end)) return undefined;
  return { start: best.start, end: best.end, exact: true };
}

/** Every occurrence of the quote, with its context support; undefined when there are too many to tell apart. */
function exactCandidates(t: TextTarget, text: string): Candidate[] | undefined {
  const q = t.exact;
  if (q === '') return undefined;
  const cands: Candidate[] = [];
  let count = 0;
  // The stored sides' lengths with whitespace runs counted as one, as the context is compared.
  const stored = { before: squash(t.prefix).length, after: squash(t.suffix).length };
  for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
    if (++count > MAX_OCCURRENCES) return undefined;
    if (splitsSurrogate(text, i) || splitsSurrogate(text, i + q.length)) continue;
    const c: Candidate = { start: i, end: i + q.length, ...sides(t, text, i, i + q.length), similarity: 1 };
    c.sentence = sentencePiece(t, text, c, stored);
    cands.push(c);
  }
  return cands;
}

/** Where a sentence or a paragraph ends and the next begins (the whitespace included). */
const BOUNDARY = /[.!?]["”’']?\s+|\n\s*\n\s*/g;
/** {@link BOUNDARY} ending a stretch of text. */
const ENDS_AT_BOUNDARY = new RegExp(`(?:${BOUNDARY.source})$`);

/**
 * {@link Candidate.sentence}: on the side of the place whose stored context is not intact, that
 * context from the passage to its sentence's boundary (the sentence's first words before a name, its
 * last words and full stop after it), found whole next to the place, with a boundary beyond it in the
 * text too. The passage's own sentence is then intact and only its neighbour changed (rewritten,
 * deleted, or the sentence moved); a copy of the words inside another sentence has no boundary there.
 */
function sentencePiece(t: TextTarget, text: string, c: { start: number; end: number; before: number; after: number }, stored: { before: number; after: number }): number {
  const prefixIntact = c.before >= Math.min(INTACT_SIDE, stored.before);
  if (prefixIntact === c.after >= Math.min(INTACT_SIDE, stored.after)) return -1;
  return prefixIntact ? sentenceAfter(t, text, c.end) : sentenceBefore(t, text, c.start);
}

/**
 * The stored prefix from its last sentence boundary on (all of it when it reached the start of the
 * text), found whole before `start` with a boundary before it in the text too: its length (runs of
 * whitespace counted as one), or -1.
 */
function sentenceBefore(t: TextTarget, text: string, start: number): number {
  const bounds = [...t.prefix.matchAll(BOUNDARY)];
  if (!bounds.length && t.prefix.length >= CONTEXT_LENGTH) return -1;
  const last = bounds[bounds.length - 1];
  const piece = last ? t.prefix.slice(last.index + last[0].length) : t.prefix;
  const from = looselyBefore(text, start, piece);
  if (from < 0) return -1;
  const rest = text.slice(Math.max(0, from - 2 * RUN), from);
  return onlySpaceBefore(text, from) || ENDS_AT_BOUNDARY.test(rest) ? squash(piece).length : -1;
}

/**
 * The stored suffix up to its first sentence end (all of it when it reached the end of the text),
 * found whole after `end` with a boundary after it in the text too: its length, or -1.
 */
function sentenceAfter(t: TextTarget, text: string, end: number): number {
  const stop = /[.!?]["”’']?(?=\s)|\n\s*\n/.exec(t.suffix);
  if (!stop && t.suffix.length >= CONTEXT_LENGTH) return -1;
  const paragraph = !stop || stop[0].startsWith('\n');
  const piece = !stop ? t.suffix : t.suffix.slice(0, paragraph ? stop.index : stop.index + stop[0].length);
  const to = looselyAfter(text, end, piece);
  if (to < 0) return -1;
  const rest = text.slice(to, to + 2 * RUN);
  return (paragraph ? /^\s*(?:\n\s*\n|$)/ : /^(?:\s|$)/).test(rest) || onlySpaceAfter(text, to) ? squash(piece).length : -1;
}

/** Whether only whitespace stands before `i` of `text` (the start of the text). */
function onlySpaceBefore(text: string, i: number): boolean {
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return i === 0;
}

/** Whether only whitespace stands from `i` of `text` on (the end of the text). */
function onlySpaceAfter(text: string, i: number): boolean {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i === text.length;
}

/** Where `piece` begins when it ends at `end` of `text`, runs of whitespace counted as equal; -1 if it does not. */
function looselyBefore(text: string, end: number, piece: string): number {
  let i = end;
  for (let j = piece.length; j > 0; ) {
    if (/\s/.test(piece[j - 1])) {
      if (i === 0 || !/\s/.test(text[i - 1])) return -1;
      while (j > 0 && /\s/.test(piece[j - 1])) j--;
      while (i > 0 && /\s/.test(text[i - 1])) i--;
    } else if (i > 0 && text[i - 1] === piece[j - 1]) {
      i--;
      j--;
    } else return -1;
  }
  return i;
}

/** Where `piece` ends when it begins at `start` of `text`, runs of whitespace counted as equal; -1 if it does not. */
function looselyAfter(text: string, start: number, piece: string): number {
  let i = start;
  for (let j = 0; j < piece.length; ) {
    if (/\s/.test(piece[j])) {
      if (i >= text.length || !/\s/.test(text[i])) return -1;
      while (j < piece.length && /\s/.test(piece[j])) j++;
      while (i < text.length && /\s/.test(text[i])) i++;
    } else if (i < text.length && text[i] === piece[j]) {
      i++;
      j++;
    } else return -1;
  }
  return i;
}

/** The quote with runs of whitespace treated as equal (re-wrapped lines, doubled spaces). */
function whitespaceCandidates(t: TextTarget, text: string): Candidate[] | undefined {
  const needle = squash(t.exact).trim();
  // A quote of a letter or two with a line break is not a phrase that was re-wrapped.
  if (needle.length < 4 || 2 * needle.length < t.exact.length || !/\s/.test(t.exact + text)) return undefined;
  // Every position of the squashed text maps back to the original.
  const { flat, back } = flatten(text);
  const cands: Candidate[] = [];
  for (let i = flat.indexOf(needle); i >= 0; i = flat.indexOf(needle, i + 1)) {
    if (cands.length > MAX_OCCURRENCES) return undefined;
    const start = back[i];
    // The needle is trimmed, so its last character is not whitespace and maps to one character.
    const end = back[i + needle.length - 1] + 1;
    cands.push({ start, end, ...sides(t, text, start, end), similarity: 1 });
  }
  return cands;
}

const WORD = /[\p{L}\p{N}_]/u;
const isWord = (c: string | undefined) => c !== undefined && c !== '' && WORD.test(c);

/** `[start, end)` of `text` without the whitespace at either end. */
function withoutSpaceAround(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** Whether a selection boundary at `i` of `text` falls between two word characters. */
function insideWord(text: string, i: number): boolean {
  return i > 0 && i < text.length && isWord(text[i - 1]) && isWord(text[i]);
}

/**
 * Approximate matches of the quote. Each is trimmed to where it agrees with the quote at both ends
 * (a word of the passage replaced at its edge is not taken in, as in the editor a passage shrinks to
 * what survives), and begins and ends at word boundaries where the quote does.
 */
function fuzzyCandidates(t: TextTarget, text: string, expected: number, o: Required<ReanchorOptions>): Candidate[] {
  const q = t.exact;
  // Short quotes match too much by chance to be placed approximately.
  if (q.length < o.minUniqueLength || q.length > MAX_FUZZY_QUOTE) return [];
  const maxErrors = Math.floor(q.length * o.maxErrorRate);
  let from = 0;
  let to = text.length;
  const window = Math.floor(MAX_FUZZY_CELLS / q.length);
  if (to - from > window) {
    from = Math.max(0, Math.min(text.length - window, expected - Math.floor(window / 2)));
    to = from + window;
  }
  const cands: Candidate[] = [];
  for (const m of approxSearch(text, q, maxErrors, from, to)) {
    const span = trimToAgreement(t, text, m.start, m.end);
    if (!span || span.end - span.start < Math.max(o.minUniqueLength, q.length / 2)) continue;
    cands.push({ start: span.start, end: span.end, ...sides(t, text, span.start, span.end), similarity: 1 - m.errors / q.length });
  }
  return cands;
}

/**
 * `[start, end)` of an approximate match, its ends moved inwards to where runs of characters agree
 * with the quote (so a word of the passage replaced at either edge stays outside), then to word
 * boundaries where the quote has them or where its edge was lost.
 */
function trimToAgreement(t: TextTarget, text: string, start: number, end: number): { start: number; end: number } | undefined {
  const q = t.exact;
  // The quote began (ended) at a word boundary: so must the place.
  const startsClean = !(isWord(t.prefix.slice(-1)) && isWord(q[0]));
  const endsClean = !(isWord(q[q.length - 1]) && isWord(t.suffix.charAt(0)));
  const pairs = align(q, text.slice(start, end));
  // Runs of characters agreeing in order, at least RUN long: [first pair, last pair].
  const runs: [number, number][] = [];
  for (let k = 0; k < pairs.length; ) {
    let l = k + 1;
    while (l < pairs.length && pairs[l][0] === pairs[l - 1][0] + 1 && pairs[l][1] === pairs[l - 1][1] + 1) l++;
    if (l - k >= RUN) runs.push([k, l - 1]);
    k = l;
  }
  // A run at either end that is short next to the stretch of disagreement separating it from the
  // rest agrees by chance (`had been re` of a rewritten clause): the quote's edge did not survive.
  const gap = (a: [number, number], b: [number, number]) => Math.max(pairs[b[0]][0] - pairs[a[1]][0], pairs[b[0]][1] - pairs[a[1]][1]) - 1;
  const len = (r: [number, number]) => r[1] - r[0] + 1;
  // (A run that reaches the quote's own first or last character is more likely its edge, surviving:
  // it need only be as long as the stretch it is separated by.)
  const weight = (atEdge: boolean) => (atEdge ? 1 : 2);
  while (runs.length > 1 && len(runs[0]) < weight(pairs[runs[0][0]][0] === 0) * gap(runs[0], runs[1])) runs.shift();
  while (runs.length > 1 && len(runs[runs.length - 1]) < weight(pairs[runs[runs.length - 1][1]][0] === q.length - 1) * gap(runs[runs.length - 2], runs[runs.length - 1])) runs.pop();
  // Where the quote's edge itself is lost, the run that takes its place must be more than a common
  // word (`The `).
  while (runs.length && pairs[runs[0][0]][0] > 0 && len(runs[0]) < 2 * RUN) runs.shift();
  while (runs.length && pairs[runs[runs.length - 1][1]][0] < q.length - 1 && len(runs[runs.length - 1]) < 2 * RUN) runs.pop();
  if (!runs.length) return undefined;
  const first = pairs[runs[0][0]];
  const last = pairs[runs[runs.length - 1][1]];
  let s = start + first[1];
  let e = start + last[1] + 1;
  // Never begin or end inside a word where the quote did not. Where the quote's edge was lost, the
  // first (last) word of the agreeing run may be another word that happens to end (begin) alike:
  // only whole words after (before) a break in the run are the passage's.
  if (startsClean || first[0] > 0) while (s < e && insideWord(text, s)) s++;
  if (first[0] > 0 && isWord(text[s])) {
    while (s < e && isWord(text[s])) s++;
  }
  if (endsClean || last[0] < q.length - 1) while (e > s && insideWord(text, e)) e--;
  if (last[0] < q.length - 1 && isWord(text[e - 1])) {
    while (e > s && isWord(text[e - 1])) e--;
  }
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (splitsSurrogate(text, s) || splitsSurrogate(text, e) || e <= s) return undefined;
  return { start: s, end: e };
}

/** The pairs `[i, j]` of characters `a[i] === b[j]` matched by a least-edits alignment of `a` and `b`. */
function align(a: string, b: string): [number, number][] {
  const n = a.length;
  const m = b.length;
  const d: Uint16Array[] = [];
  for (let i = 0; i <= n; i++) {
    const row = new Uint16Array(m + 1);
    for (let j = 0; j <= m; j++) row[j] = i === 0 ? j : j === 0 ? i : Math.min(d[i - 1][j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1), d[i - 1][j] + 1, (j > 0 ? row[j - 1] : i) + 1);
    d.push(row);
  }
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) && d[i][j] === d[i - 1][j - 1]) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (d[i][j] === d[i - 1][j - 1] + 1) {
      i--;
      j--;
    } else if (d[i][j] === d[i - 1][j] + 1) i--;
    else j--;
  }
  return pairs.reverse();
}

export { trimmedChange };
