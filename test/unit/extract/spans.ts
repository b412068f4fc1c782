import { AssertionError } from 'node:assert';
import { extractDocument, type DocumentAnalysis, type ExtractOptions } from '../../../src/core/extract';

/** A span a test expects: `[[Abu Bakr al-Baghdadi]]{speaker}` or `[[Nov. 3, 2016]]{date:2016-11-03}`. */
export interface Marked {
  start: number;
  end: number;
  type: string;
  value?: string;
}

/** Splits markup into the plain text and the spans it marks. */
export function parseMarkup(src: string): { text: string; spans: Marked[] } {
  const spans: Marked[] = [];
  let text = '';
  let last = 0;
  const re = /\[\[(.+?)\]\]\{(\w+)(?::([^}]*))?\}/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    text += src.slice(last, m.index);
    const start = text.length;
    text += m[1];
    spans.push({ start, end: text.length, type: m[2], value: m[3] });
    last = m.index + m[0].length;
  }
  return { text: text + src.slice(last), spans };
}

/** The text with spans marked, for failure messages. */
export function render(text: string, spans: readonly Marked[]): string {
  let out = '';
  let pos = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < pos) continue;
    out += `${text.slice(pos, s.start)}[[${text.slice(s.start, s.end)}]]{${s.type}${s.value !== undefined ? `:${s.value}` : ''}}`;
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Extracts the markup's text and checks the mentions of the given types against the marked spans
 * (and date values where the markup gives one). A failure shows both markups.
 */
export function expectMentions(markup: string, types: readonly string[], opts: ExtractOptions = {}): DocumentAnalysis {
  const { text, spans } = parseMarkup(markup);
  const analysis = extractDocument(text, opts);
  const actual: Marked[] = analysis.mentions
    .filter((m) => types.includes(m.type))
    .map((m) => ({ start: m.start, end: m.end, type: m.type, value: spans.some((s) => s.value !== undefined) && m.type === 'date' ? (m.value ?? '') : undefined }));
  const expected = spans.filter((s) => types.includes(s.type)).map((s) => ({ ...s, value: s.value === undefined ? undefined : s.value }));
  const key = (s: Marked): string => `${s.start}:${s.end}:${s.type}:${s.value ?? ''}`;
  const want = expected.map(key).sort().join(' ');
  const got = actual.map((a) => ({ ...a, value: a.type === 'date' && expected.some((e) => e.start === a.start && e.value !== undefined) ? a.value : undefined })).map(key).sort().join(' ');
  if (want !== got) {
    throw new AssertionError({
      message: `mentions of type ${types.join('/')} differ\n  expected: ${render(text, expected)}\n  actual:   ${render(text, actual.map((a) => ({ ...a, value: expected.some((e) => e.start === a.start && e.value !== undefined) ? a.value : undefined })))}`,
    });
  }
  return analysis;
}

/** The name of the speaker of the quotation containing `fragment`, or null. */
export function speakerOf(analysis: DocumentAnalysis, text: string, fragment: string): string | null | undefined {
  const at = text.indexOf(fragment);
  const q = analysis.quotes.find((x) => x.start <= at && at < x.end);
  if (!q) return undefined;
  if (q.speaker === null) return null;
  const e = analysis.entities.find((x) => x.key === q.speaker);
  return e ? (e.type === 'source' ? `source:${e.name}` : e.name) : q.speaker;
}

/** The text's quotations marked `<<…>>{speaker}`, for failure messages. */
export function renderQuotes(text: string, analysis: DocumentAnalysis): string {
  const names = new Map(analysis.entities.map((e) => [e.key, e.name]));
  let out = '';
  let pos = 0;
  for (const q of analysis.quotes) {
    out += `${text.slice(pos, q.start)}<<${text.slice(q.start, q.end)}>>{${q.speaker === null ? 'null' : (names.get(q.speaker) ?? q.speaker)}}`;
    pos = q.end;
  }
  return out + text.slice(pos);
}
