/**
 * Whole-text operations on the UTF-16 code units of a text, done by native searches and copies rather than by a
 * loop over every character: its line starts, whether it holds a NUL, and a copy with ranges blanked out.
 *
 *   blankRanges('Voir `code`\n\nFin', [5, 11], lineStarts(…)) → 'Voir       \n\nFin'
 */

/** A character beyond Latin-1 (« ’ », « œ »): the text is stored two bytes per character. */
const BEYOND_LATIN1 = /[^\0-\xff]/;

/** Offsets of line starts, with markdown-it's line breaks (\r\n, \r or \n). */
export function lineStarts(source: string): number[] {
  const starts = [0];
  if (source.indexOf('\r') < 0) {
    // Only \n: the native search is several times faster than a loop over every character.
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * Whether a text holds a NUL. In a text of two-byte characters the forward search looks for the NUL's low byte
 * (0), which is the high byte of every ASCII character: there the backward search, a plain loop, is twice as fast.
 */
export function hasNul(text: string): boolean {
  return BEYOND_LATIN1.test(text) ? text.lastIndexOf('\0') >= 0 : text.includes('\0');
}

/**
 * The source with the given ranges (flat start, end pairs, by start) replaced by spaces, line breaks kept: the
 * source's code units copied once into a buffer, each range filled with spaces, the line breaks inside it (found
 * from `starts`, the line starts) put back, then one decoding. A source of Latin-1 characters only stays one byte
 * per character.
 */
export function blankRanges(source: string, hidden: number[], starts: number[]): string {
  if (hidden.length === 0) return source;
  const narrow = !BEYOND_LATIN1.test(source);
  const bytes = Buffer.allocUnsafeSlow(narrow ? source.length : 2 * source.length);
  bytes.write(source, narrow ? 'latin1' : 'utf16le');
  const units = narrow ? bytes : new Uint16Array(bytes.buffer, bytes.byteOffset, source.length);
  for (let k = 0; k < hidden.length; k += 2) {
    const a = hidden[k], b = hidden[k + 1];
    if (b <= a || (b - a <= 2 && isBreak(units[a]) && isBreak(units[b - 1]))) continue; // nothing but a break or two
    units.fill(32, a, b);
    // Every \n or \r is one of the two code units before a line start (\n, \r or \r\n): those of the lines
    // that begin in (a, b + 1] are the breaks of [a, b).
    for (let line = firstStartAfter(starts, a); line < starts.length && starts[line] <= b + 1; line++) {
      for (let at = Math.max(a, starts[line] - 2); at < Math.min(b, starts[line]); at++) {
        if (isBreak(source.charCodeAt(at))) units[at] = source.charCodeAt(at);
      }
    }
  }
  return bytes.toString(narrow ? 'latin1' : 'utf16le');
}

const isBreak = (c: number) => c === 10 || c === 13;

/** Index of the first line start after `offset` (starts.length if none). */
function firstStartAfter(starts: number[], offset: number): number {
  let lo = 0, hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}
