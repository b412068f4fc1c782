/** Offsets at which each line starts (line 0 at 0). Recognizes \n, \r\n and \r like VS Code. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) starts.push(i + 1);
  }
  return starts;
}

/** Zero-based line and character (UTF-16) of an offset, given the text's {@link lineStarts}. */
export function positionAt(starts: ArrayLike<number>, offset: number): { line: number; character: number } {
  const line = lineAt(starts, offset);
  return { line, character: offset - starts[line] };
}

/** Zero-based line of an offset, given the text's {@link lineStarts}. */
export function lineAt(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
