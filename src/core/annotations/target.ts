import { createHash, randomBytes } from 'node:crypto';
import { CONTEXT_LENGTH, type TextTarget } from './types';

/** `sha256:` + hex digest of the text's UTF-8 bytes: the value of `document.hash`. */
export function hashText(text: string): string {
  return 'sha256:' + createHash('sha256').update(text, 'utf8').digest('hex');
}

/** A fresh id such as `a-k3j9x0qz`: a prefix and 8 random base-36 characters. */
export function newId(prefix: string, taken?: ReadonlySet<string>): string {
  for (;;) {
    const bytes = randomBytes(8);
    let s = '';
    for (const b of bytes) s += (b % 36).toString(36);
    const id = `${prefix}-${s}`;
    if (!taken?.has(id)) return id;
  }
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair (no selector may start or end there). */
export function splitsSurrogate(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Context before `start`, never beginning inside a surrogate pair. */
export function prefixAt(text: string, start: number, length = CONTEXT_LENGTH): string {
  let from = Math.max(0, start - length);
  if (splitsSurrogate(text, from)) from++;
  return text.slice(from, start);
}

/** Context after `end`, never ending inside a surrogate pair. */
export function suffixAt(text: string, end: number, length = CONTEXT_LENGTH): string {
  let to = Math.min(text.length, end + length);
  if (splitsSurrogate(text, to)) to--;
  return text.slice(end, to);
}

/** The selector for `text.slice(start, end)`; throws on offsets outside the text or inside a surrogate pair. */
export function targetAt(text: string, start: number, end: number): TextTarget {
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`offsets ${start}-${end} are outside the text (length ${text.length})`);
  }
  if (splitsSurrogate(text, start) || splitsSurrogate(text, end)) throw new RangeError(`offsets ${start}-${end} split a character`);
  return { start, end, exact: text.slice(start, end), prefix: prefixAt(text, start), suffix: suffixAt(text, end) };
}
