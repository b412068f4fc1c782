import type { Span } from './spans';

const OPEN = '\u201c';
const CLOSE = '\u201d';
const STRAIGHT = '"';
/** Any of the three double marks. */
const MARK = new RegExp(`[${STRAIGHT}${OPEN}${CLOSE}]`, 'g');

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u00a0';
}

/**
 * Spans in double quotation marks, marks included, found paragraph by paragraph so that an
 * unbalanced mark never runs past its paragraph. Curly marks pair by direction; a straight mark
 * opens when it follows a space or an opening bracket and closes otherwise. An opening mark left
 * unclosed runs to the end of its paragraph, as a quotation continued in the next paragraph does in
 * news copy; when the next paragraph opens with a fresh mark, the quotation goes on there and is one
 * span from its first opening mark to its closing one (ENTITIES.md), unless it opens a transcript's new
 * turn ("“WALLACE: …"). A stray closing mark is ignored.
 */
export function findQuotes(text: string, paras: readonly Span[]): Span[] {
  const out: Span[] = [];
  // `mark` is the first double mark at or after `from` (the text's length when none): the text is
  // scanned from mark to mark by one regex, a paragraph without one skipped without reading it.
  let from = Infinity;
  let mark = -1;
  const nextMark = (at: number): number => {
    from = at;
    MARK.lastIndex = at;
    return MARK.test(text) ? MARK.lastIndex - 1 : text.length;
  };
  // A quotation left open at the end of the paragraph before, and where that paragraph ended.
  let carried = -1;
  let carriedEnd = -1;
  for (const p of paras) {
    let open = -1;
    if (from > p.start || mark < p.start) mark = nextMark(p.start);
    if (carried >= 0) {
      if (continues(text, carriedEnd, p, mark)) {
        open = carried;
        mark = nextMark(mark + 1);
      } else out.push({ start: carried, end: carriedEnd });
      carried = -1;
    }
    for (; mark < p.end; mark = nextMark(mark + 1)) {
      const i = mark;
      const ch = text[i];
      const prev = i > p.start ? text[i - 1] : undefined;
      const next = i + 1 < p.end ? text[i + 1] : undefined;
      let role: 'open' | 'close';
      if (ch === OPEN) role = 'open';
      else if (ch === CLOSE) role = 'close';
      else if (open >= 0) role = 'close';
      else role = isSpace(prev) || prev === '(' || prev === '[' || prev === '\u2014' || prev === '\u2013' || (!isSpace(next) && !/\w/.test(prev ?? '')) ? 'open' : 'close';
      if (role === 'open') {
        // A second opening mark means the first was stray: pair the nearer one.
        open = i;
      } else if (open >= 0) {
        if (i > open + 1) out.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
    if (open >= 0 && p.end - open > 2 && /[\p{L}]/u.test(text.slice(open + 1, p.end))) [carried, carriedEnd] = [open, p.end];
  }
  if (carried >= 0) out.push({ start: carried, end: carriedEnd });
  return out;
}

/**
 * Whether paragraph p goes on with a quotation left open where the paragraph before ended (at
 * `before`): p follows it with only spaces between, and opens with a fresh opening mark at `mark`.
 */
function continues(text: string, before: number, p: Span, mark: number): boolean {
  if (p.start < before) return false;
  for (let i = before; i < mark; i++) if (!isSpace(text[i])) return false;
  if (mark >= p.end) return false;
  const ch = text[mark];
  if (ch !== OPEN && (ch !== STRAIGHT || isSpace(text[mark + 1]))) return false;
  // A quoted transcript: a paragraph opening with a speaker's label ("“WALLACE: …") is a new turn.
  return !TURN_LABEL.test(text.slice(mark + 1, mark + 40));
}

/** A transcript's speaker label opening a paragraph: a name in capitals and a colon. */
const TURN_LABEL = /^[A-Z][A-Z.'’ -]{1,30}:\s/;
