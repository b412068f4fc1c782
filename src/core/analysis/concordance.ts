/**
 * Keyword in context: a search over texts, and each hit as one line — left context · match · right
 * context — with the corpus-wide sorts a concordancer offers. Pure: the extension runs the search in
 * a worker thread over the texts it keeps there, the tests over strings.
 */

export type ConcordanceMode = 'word' | 'phrase' | 'regex';

/**
 * What to look for. `word`: whole words, `*` standing for any letters (`negotiat*`); `phrase`: words
 * in this order with any spacing between them; `regex`: a JavaScript regular expression (Unicode).
 * Straight and curly apostrophes match each other in words and phrases.
 */
export interface ConcordanceQuery {
  mode: ConcordanceMode;
  pattern: string;
  caseSensitive?: boolean;
}

/** A query that cannot run: an empty pattern or a regular expression that does not compile. */
export class QueryError extends Error {}

const WORD_CHAR = '[\\p{L}\\p{N}_\\p{M}]';

/** The regular expression a query searches with (global, Unicode). Throws {@link QueryError} with a message for the analyst. */
export function compileQuery(q: ConcordanceQuery): RegExp {
  const pattern = q.pattern.trim();
  if (!pattern) throw new QueryError('Type a word, a phrase or a regular expression.');
  const flags = `gu${q.caseSensitive ? '' : 'i'}`;
  if (q.mode === 'regex') {
    let re: RegExp;
    try {
      re = new RegExp(pattern, flags);
    } catch (e) {
      throw new QueryError(`Not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (re.test('')) throw new QueryError('This regular expression matches empty text; make it match at least one character.');
    re.lastIndex = 0;
    return re;
  }
  const words = pattern.split(/\s+/).filter(Boolean);
  if (q.mode === 'word' && words.length > 1) throw new QueryError('A word search takes one word; choose Phrase to search for several words.');
  const body = words.map(wordPattern).join('\\s+');
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, flags);
}

function wordPattern(w: string): string {
  return [...w]
    .map((ch) => (ch === '*' ? `${WORD_CHAR}*` : ch === "'" || ch === '\u2019' ? "['\u2019]" : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
    .join('');
}

/** One hit in context. Offsets are UTF-16 into the document's text; `line` is zero-based. */
export interface KwicLine {
  doc: string;
  start: number;
  end: number;
  line: number;
  left: string;
  match: string;
  right: string;
}

/** Characters of context kept on each side of a match. */
export const KWIC_WIDTH = 80;

/**
 * The context of [start, end): up to `width` characters on each side within the paragraph (a line),
 * spaces collapsed, cut at a word boundary where one is near.
 */
export function kwic(text: string, start: number, end: number, width = KWIC_WIDTH): { left: string; match: string; right: string } {
  let from = Math.max(0, start - width);
  const nl = text.lastIndexOf('\n', start - 1);
  if (nl >= from) from = nl + 1;
  else if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space > 0 && space < start && space - from < 15) from = space + 1;
  }
  let to = Math.min(text.length, end + width);
  const nr = text.indexOf('\n', end);
  if (nr >= 0 && nr < to) to = nr;
  else if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > end && to - space < 15) to = space;
  }
  const squash = (s: string) => s.replace(/\s+/g, ' ');
  return { left: squash(text.slice(from, start)).trimStart(), match: squash(text.slice(start, end)), right: squash(text.slice(end, to)).trimEnd() };
}

/**
 * Calls `emit` for every match of `re` (global) in `text`, in order, with its KWIC line. Returns the
 * number of matches. `stop` is asked between matches; the search ends early when it says so. While
 * `wanted` says no, matches are only counted (no line is made).
 */
export function searchText(doc: string, text: string, re: RegExp, emit: (line: KwicLine) => void, stop?: () => boolean, wanted: () => boolean = () => true): number {
  re.lastIndex = 0;
  let n = 0;
  let line = 0;
  let counted = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    n++;
    if (!wanted()) {
      if (stop?.()) break;
      continue;
    }
    for (let i = text.indexOf('\n', counted); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    counted = m.index;
    const start = m.index;
    const end = start + m[0].length;
    emit({ doc, start, end, line, ...kwic(text, start, end) });
    if (stop?.()) break;
  }
  return n;
}

/** How KWIC lines are ordered: by the words left of the match (nearest first), right of it, by document date, or as found. */
export type KwicSort = 'left' | 'right' | 'date' | 'document';

/** Sorts lines in place. `dateOf` gives a document's ISO date (undated documents last). */
export function sortKwic(lines: KwicLine[], by: KwicSort, dateOf: (doc: string) => string | undefined = () => undefined): KwicLine[] {
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
  const found = (a: KwicLine, b: KwicLine) => (a.doc < b.doc ? -1 : a.doc > b.doc ? 1 : a.start - b.start);
  if (by === 'document') return lines.sort(found);
  if (by === 'date') {
    const d = (l: KwicLine) => dateOf(l.doc) ?? '\uffff';
    return lines.sort((a, b) => (d(a) < d(b) ? -1 : d(a) > d(b) ? 1 : found(a, b)));
  }
  const keys = new Map<KwicLine, string>();
  for (const l of lines) keys.set(l, by === 'left' ? leftKey(l.left) : `${l.match} ${l.right}`.toLowerCase());
  return lines.sort((a, b) => collator.compare(keys.get(a)!, keys.get(b)!) || found(a, b));
}

/** The left context read backwards word by word, the order in which a concordance sorts it. */
function leftKey(left: string): string {
  return left
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .reverse()
    .join(' ');
}

/** Matches per document, most first. */
export function countByDocument(lines: Iterable<KwicLine>): { doc: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const l of lines) counts.set(l.doc, (counts.get(l.doc) ?? 0) + 1);
  return [...counts].map(([doc, count]) => ({ doc, count })).sort((a, b) => b.count - a.count || (a.doc < b.doc ? -1 : 1));
}

/** The columns of a concordance export. */
export const KWIC_COLUMNS = ['file', 'line', 'start', 'end', 'left', 'match', 'right', 'date'] as const;
