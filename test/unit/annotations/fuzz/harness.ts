import { applyEdits, reanchor, targetAt, trimmedChange, type Anchorable, type TextChange } from '../../../../src/core/annotations';
import { edits, passage, report, Rng, type GenEdit } from './generator';

/**
 * The oracle of the re-anchoring fuzz test. Every character of a text carries an identity: the
 * characters of the original text and every one typed later get their own, and a cut-and-pasted
 * paragraph keeps its characters'. A passage owns its original characters, plus those typed between
 * two of them (an analyst revising the passage). A placement is then judged by identity, which equal
 * strings elsewhere cannot fake:
 *
 * - `right`: only characters of the passage;
 * - `sloppy`: the passage plus spaces or punctuation from just outside it (no word character);
 * - `indistinct` (old text known and selectors only): wrong by the history of edits, but right by a
 *   least-edits character diff of the old and new texts (computed here, independently of the
 *   product's own diff, so a placement is never excused by the comparison that made it) — or where
 *   its only foreign characters stand where the passage's own, equal characters were deleted: the
 *   words repeat in a way no comparison of texts can tell apart (a letter deleted and typed back; of
 *   `… Friday. In Idlib` the sentence before deleted, the diff keeping its `In `); neither mode is
 *   given the history, so neither is blamed for it;
 * - `wrong`: a word character from outside the passage, or none of the passage's characters at all;
 * - `orphan`: not placed (the quote kept for the analyst).
 *
 * Each edit is applied as the smallest change that turns one text into the next (what a diff of the
 * two texts sees), so the oracle and a diff agree on which characters survived.
 */

interface Ch {
  ch: string;
  id: number;
}

export type Verdict = 'right' | 'indistinct' | 'sloppy' | 'wrong' | 'orphan';
export type Mode = 'old text known' | 'selectors only' | 'editor';

export interface CaseResult {
  mode: Mode;
  verdict: Verdict;
  /** The passage's characters are all still there, in one piece, and its quote is unique: an orphan was avoidable. */
  findable: boolean;
  /** Nothing of the passage's own characters is left. */
  gone: boolean;
  /** For reports of wrong placements. */
  detail?: string;
}

export interface Stats {
  cases: number;
  right: number;
  indistinct: number;
  sloppy: number;
  wrong: number;
  orphan: number;
  /** Orphans whose passage was intact and unique. */
  missed: number;
  /** Cases whose passage was entirely deleted. */
  gone: number;
  examples: string[];
}

export const emptyStats = (): Stats => ({ cases: 0, right: 0, indistinct: 0, sloppy: 0, wrong: 0, orphan: 0, missed: 0, gone: 0, examples: [] });

function record(s: Stats, r: CaseResult): void {
  s.cases++;
  s[r.verdict]++;
  if (r.verdict === 'orphan' && r.findable) s.missed++;
  if (r.gone) s.gone++;
  if (r.verdict === 'wrong' && s.examples.length < 5 && r.detail) s.examples.push(r.detail);
}

class Doc {
  chars: Ch[];
  private serial: number;
  private str: string;
  constructor(text: string) {
    this.chars = text.split('').map((ch, id) => ({ ch, id }));
    this.serial = this.chars.length;
    this.str = text;
  }
  text(): string {
    return this.str;
  }
  /** New characters for `text`. */
  fresh(text: string): Ch[] {
    return text.split('').map((ch) => ({ ch, id: this.serial++ }));
  }
  /** Applies one change; `reuse` gives the inserted characters their identities (a paste of a cut). */
  apply(c: TextChange, reuse?: Ch[]): Ch[] {
    this.str = this.str.slice(0, c.start) + c.text + this.str.slice(c.end);
    return this.chars.splice(c.start, c.end - c.start, ...(reuse ?? this.fresh(c.text)));
  }
}

const isWordChar = (c: string) => /[\p{L}\p{N}]/u.test(c);

interface Tracked {
  /** The text after the edits (set when they are done). */
  finalText: string;
  own: Set<number>;
  original: number[];
  quote: string;
  item: Anchorable;
}

function judge(doc: Doc, pos: Map<number, number>, t: Tracked, placed: Anchorable, how = '', diffed?: () => Int32Array): Omit<CaseResult, 'mode'> {
  const now = doc.text();
  const gone = t.original.every((id) => !pos.has(id));
  const at = pos.get(t.original[0]) ?? -1;
  const intact = at >= 0 && t.original.every((id, i) => doc.chars[at + i]?.id === id);
  const findable = intact && now.indexOf(t.quote) === now.lastIndexOf(t.quote);
  if (placed.status === 'orphaned') return { verdict: 'orphan', findable, gone };
  const span = doc.chars.slice(placed.target.start, placed.target.end);
  const outside = span.filter((c) => !t.own.has(c.id));
  const mine = span.length - outside.length;
  let verdict: Verdict = 'right';
  if (mine === 0 || outside.some((c) => isWordChar(c.ch))) verdict = diffed && (retypedOnly(t, span, pos) || rightByDiff(diffed(), t, placed)) ? 'indistinct' : 'wrong';
  else if (outside.length) verdict = 'sloppy';
  const detail =
    verdict === 'wrong'
      ? `${how} quote ${JSON.stringify(t.quote)} placed on ${JSON.stringify(now.slice(placed.target.start, placed.target.end))} at ${placed.target.start}; ` +
        `its own characters now: ${JSON.stringify(doc.chars.filter((c) => t.own.has(c.id)).map((c) => c.ch).join(''))}`
      : undefined;
  return { verdict, findable, gone, detail };
}

/**
 * For each character of `b`, the index of the character of `a` a least-edits character diff pairs it
 * with, or -1 (inserted). Between the common prefix and suffix, by dynamic programming.
 */
export function charDiff(a: string, b: string): Int32Array {
  const map = new Int32Array(b.length).fill(-1);
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) map[p] = p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) {
    map[b.length - 1 - q] = a.length - 1 - q;
    q++;
  }
  const x = a.slice(p, a.length - q);
  const y = b.slice(p, b.length - q);
  const w = y.length + 1;
  const d = new Uint16Array((x.length + 1) * w);
  for (let j = 0; j <= y.length; j++) d[j] = j;
  for (let i = 1; i <= x.length; i++) {
    d[i * w] = i;
    for (let j = 1; j <= y.length; j++) d[i * w + j] = Math.min(d[(i - 1) * w + j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1), d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1);
  }
  for (let i = x.length, j = y.length; i > 0 && j > 0; ) {
    if (x[i - 1] === y[j - 1] && d[i * w + j] === d[(i - 1) * w + j - 1]) {
      map[p + j - 1] = p + i - 1;
      i--;
      j--;
    } else if (d[i * w + j] === d[(i - 1) * w + j - 1] + 1) {
      i--;
      j--;
    }
    else if (d[i * w + j] === d[(i - 1) * w + j] + 1) i--;
    else j--;
  }
  return map;
}

/**
 * Whether some least-edits alignment of `a` (the old text) and `b` (the new one) — edit distance with
 * substitutions, as {@link charDiff} — pairs every character of `b[start, end)` that it pairs at all
 * with a character of `a[s, e)`, and pairs at least one. Where a change could have taken either of two
 * equal characters (`hh` → `h`, `ee` → `e`), a diff picks one of them; re-anchoring only has the two
 * texts, so a placement is right when any pairing of least edits makes it so. Characters a pairing
 * leaves unpaired (typed since) are then next to the passage's own, or at the span's ends beside them.
 */
export function someAlignmentKeeps(a: string, b: string, start: number, end: number, s: number, e: number): boolean {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // Forward and backward edit distances; an edge lies on a least-edits path when both sides add up.
  const fwd = new Uint16Array((n + 1) * w);
  for (let j = 0; j <= m; j++) fwd[j] = j;
  for (let i = 1; i <= n; i++) {
    fwd[i * w] = i;
    for (let j = 1; j <= m; j++) fwd[i * w + j] = Math.min(fwd[(i - 1) * w + j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), fwd[(i - 1) * w + j] + 1, fwd[i * w + j - 1] + 1);
  }
  const bwd = new Uint16Array((n + 1) * w);
  for (let j = m; j >= 0; j--) bwd[n * w + j] = m - j;
  for (let i = n - 1; i >= 0; i--) {
    bwd[i * w + m] = n - i;
    for (let j = m - 1; j >= 0; j--) bwd[i * w + j] = Math.min(bwd[(i + 1) * w + j + 1] + (a[i] === b[j] ? 0 : 1), bwd[(i + 1) * w + j] + 1, bwd[i * w + j + 1] + 1);
  }
  const total = fwd[n * w + m];
  const inWindow = (j: number) => j >= start && j < end;
  // States (i, j, paired one of the passage's own yet); walk only edges of least-edits paths.
  const seen = new Uint8Array((n + 1) * w * 2);
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number, own: number) => {
    const k = (i * w + j) * 2 + own;
    if (!seen[k]) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length) {
    const k = stack.pop()!;
    const own = k & 1;
    const i = Math.floor(k / 2 / w);
    const j = (k >> 1) % w;
    if (i === n && j === m) {
      if (own) return true;
      continue;
    }
    const here = fwd[i * w + j];
    if (i < n && j < m) {
      const cost = a[i] === b[j] ? 0 : 1;
      if (here + cost + bwd[(i + 1) * w + j + 1] === total) {
        if (cost === 1) push(i + 1, j + 1, own);
        else if (!inWindow(j)) push(i + 1, j + 1, own);
        else if (i >= s && i < e) push(i + 1, j + 1, 1);
      }
    }
    if (i < n && here + 1 + bwd[(i + 1) * w + j] === total) push(i + 1, j, own);
    if (j < m && here + 1 + bwd[i * w + j + 1] === total) push(i, j + 1, own);
  }
  return false;
}

/**
 * Whether every word character of `span` that is not the passage's stands where the passage had the
 * same character, since deleted (paired with it by a least-edits alignment of the quote and the
 * span), with most of the span the passage's own.
 */
function retypedOnly(t: Tracked, span: Ch[], pos: Map<number, number>): boolean {
  return retypedOnlyBy(
    t.quote,
    span.map((c) => ({ ch: c.ch, own: t.own.has(c.id), free: !isWordChar(c.ch) })),
    (i) => !pos.has(t.original[i]),
  );
}

/**
 * {@link retypedOnly} on plain values: `span` is the placed text, each character marked whether it is
 * the passage's own and whether it may stand there anyway (`free`); `gone(i)` says whether the quote's
 * i-th character has been deleted since. Any other character must be paired with a deleted character
 * of the quote by a least-edits alignment of the quote and the span. Most of the span must be the
 * passage's own.
 */
export function retypedOnlyBy(quote: string, span: { ch: string; own: boolean; free: boolean }[], gone: (i: number) => boolean): boolean {
  const own = span.filter((c) => c.own).length;
  if (2 * own < span.length) return false;
  const n = quote.length;
  const m = span.length;
  const d = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: m + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) for (let j = 1; j <= m; j++) d[i][j] = Math.min(d[i - 1][j - 1] + (quote[i - 1] === span[j - 1].ch ? 0 : 1), d[i - 1][j] + 1, d[i][j - 1] + 1);
  const matchedTo = new Map<number, number>();
  for (let i = n, j = m; i > 0 && j > 0; ) {
    if (quote[i - 1] === span[j - 1].ch && d[i][j] === d[i - 1][j - 1]) {
      matchedTo.set(j - 1, i - 1);
      i--;
      j--;
    } else if (d[i][j] === d[i - 1][j - 1] + 1) {
      i--;
      j--;
    }
    else if (d[i][j] === d[i - 1][j] + 1) i--;
    else j--;
  }
  return span.every((c, j) => {
    if (c.own || c.free) return true;
    const i = matchedTo.get(j);
    return i !== undefined && gone(i);
  });
}

/**
 * Whether a placement is right when characters are identified by a diff of the old and new texts
 * instead of by the history: every word character of it is paired with a character of the passage,
 * or is new and stands between two that are.
 */
function rightByDiff(map: Int32Array, t: Tracked, placed: Anchorable): boolean {
  const { start, end } = placed.target;
  const s0 = t.item.target.start;
  const e0 = t.item.target.end;
  const inPassage = (j: number) => map[j] >= s0 && map[j] < e0;
  let any = false;
  for (let j = start; j < end; j++) {
    if (inPassage(j)) {
      any = true;
      continue;
    }
    if (map[j] >= 0) {
      if (isWordChar(t.finalText[j])) return false;
      continue;
    }
    if (!isWordChar(t.finalText[j])) continue;
    let l = j - 1;
    while (l >= start && map[l] < 0) l--;
    let r = j + 1;
    while (r < end && map[r] < 0) r++;
    if (l < start || r >= end || !inPassage(l) || !inPassage(r)) return false;
  }
  return any;
}

/** The changes of one generated edit, as a diff sees them (each the smallest change from text to text). */
function canonical(text: string, e: GenEdit): TextChange {
  // A cut and its paste keep their exact extent: the pasted characters are the cut ones.
  if (e.kind === 'move') return { start: e.start, end: e.end, text: e.text };
  const next = text.slice(0, e.start) + e.text + text.slice(e.end);
  return trimmedChange(text, next);
}

/** The re-anchoring under test (the product's by default; another to compare with). */
export interface Reanchoring {
  applyEdits: typeof applyEdits;
  reanchor: typeof reanchor;
}

export interface FuzzOptions {
  seed: number;
  impl?: Reanchoring;
  texts: number;
  sequencesPerText: number;
  annotationsPerSequence: number;
  maxEdits: number;
}

/**
 * Runs the fuzz: for each text, sequences of random edits with annotations on random passages, each
 * re-anchored with the old text known, with the selectors only (as after a git checkout), and followed
 * edit by edit as the editor does. Returns the tally per mode.
 */
/** Wrong placements of the runs so far, with their texts, when FUZZ_DUMP is set (to replay one). */
export const dumps: unknown[] = [];

export function runFuzz(o: FuzzOptions): Record<Mode, Stats> {
  const stats: Record<Mode, Stats> = { 'old text known': emptyStats(), 'selectors only': emptyStats(), editor: emptyStats() };
  const r = new Rng(o.seed);
  const impl = o.impl ?? { applyEdits, reanchor };
  for (let t = 0; t < o.texts; t++) {
    const original = report(r);
    for (let q = 0; q < o.sequencesPerText; q++) {
      const doc = new Doc(original);
      const tracked: Tracked[] = [];
      for (let k = 0; k < o.annotationsPerSequence; k++) {
        const span = passage(r, original);
        if (!span) continue;
        const ids = doc.chars.slice(span[0], span[1]).map((c) => c.id);
        tracked.push({ finalText: '', own: new Set(ids), original: ids, quote: original.slice(span[0], span[1]), item: { target: targetAt(original, span[0], span[1]) } });
      }
      let live = tracked.map((x) => x.item);
      const steps = r.range(1, o.maxEdits);
      let cut: Ch[] = [];
      for (let s = 0; s < steps; s++) {
        const text = doc.text();
        const batch = edits(r, text);
        for (const e of batch) {
          const before = doc.text();
          const c = canonical(before, e);
          if (c.start === c.end && c.text === '') continue;
          // A character typed within a passage becomes part of it (the editor's rule: retyping a
          // word of the passage, even its first or last, revises the passage; typing at its edges
          // is outside it).
          const pos = new Map(doc.chars.map((ch, i) => [ch.id, i]));
          const within = tracked.map((x) => {
            let s0 = Infinity;
            let e0 = -Infinity;
            for (const id of x.own) {
              const i = pos.get(id);
              if (i === undefined) continue;
              s0 = Math.min(s0, i);
              e0 = Math.max(e0, i + 1);
            }
            return s0 < e0 && c.start >= s0 && c.end <= e0 && !(c.start === c.end && (c.start === s0 || c.start === e0));
          });
          if (e.move && !e.text.startsWith(cut.map((x) => x.ch).join(''))) throw new Error('a paste must begin with what was cut');
          const removed = doc.apply(c, e.move ? [...cut, ...doc.fresh(e.text.slice(cut.length))] : undefined);
          if (!e.move) cut = removed;
          tracked.forEach((x, k) => {
            if (within[k]) for (const ch of doc.chars.slice(c.start, c.start + c.text.length)) x.own.add(ch.id);
          });
          live = impl.applyEdits(live, [c], doc.text()).map((m) => (m.outcome === 'orphaned' ? { ...m.item, status: 'orphaned' as const } : m.item));
        }
      }
      const final = doc.text();
      const pos = new Map(doc.chars.map((ch, i) => [ch.id, i]));
      for (const x of tracked) x.finalText = final;
      let map: Int32Array | undefined;
      const diffed = () => (map ??= charDiff(original, final));
      const known = impl.reanchor(tracked.map((x) => x.item), original, final);
      const selectors = impl.reanchor(tracked.map((x) => x.item), undefined, final);
      if (process.env.FUZZ_DUMP) {
        tracked.forEach((x, i) => {
          for (const [mode, r] of [['old text known', known[i]], ['selectors only', selectors[i]]] as const) {
            if (judge(doc, pos, x, r.item, '', diffed).verdict === 'wrong') dumps.push({ mode, original, final, target: x.item.target, placed: r.item.target, outcome: r.outcome });
          }
        });
      }
      tracked.forEach((x, i) => {
        record(stats['old text known'], { mode: 'old text known', ...judge(doc, pos, x, known[i].item, known[i].outcome, diffed) });
        record(stats['selectors only'], { mode: 'selectors only', ...judge(doc, pos, x, selectors[i].item, selectors[i].outcome, diffed) });
        record(stats.editor, { mode: 'editor', ...judge(doc, pos, x, live[i]) });
      });
    }
  }
  return stats;
}

/** One line per mode: cases, wrong placements, orphan rate. */
export function summary(stats: Record<Mode, Stats>): string {
  return Object.entries(stats)
    .map(([mode, s]) => `${mode}: ${s.cases} cases, ${s.wrong} wrong, ${s.indistinct} indistinct, ${s.sloppy} sloppy, ${((100 * s.orphan) / s.cases).toFixed(2)} % orphaned (${s.missed} of them findable; ${((100 * s.gone) / s.cases).toFixed(2)} % of passages entirely deleted)`)
    .join('\n');
}
