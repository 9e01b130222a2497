/**
 * Where the dose patterns are tried: at the first digit of each run of digits, never elsewhere. Every dose
 * pattern of `doses.ts` starts with a written number (NUMBER, which cannot start right after a digit), so the
 * pattern made sticky and tried at these offsets finds exactly the matches a global scan of the whole text
 * finds, without trying the million other offsets of a long document.
 *
 *   « prégabaline 150 mg/j, puis 3 500,5 mg » → tried at « 1 », « 3 » and « 5 » (« 500,5 mg » is a match
 *   even though « 3 500 » reads as one number), never at a letter.
 */

const DIGITS = '0123456789';

/** Offsets of the first digit of each run of ASCII digits, ascending (one `indexOf` pass per digit: faster than a regex scan). */
export function digitRunStarts(text: string): Int32Array {
  const found: number[] = [];
  for (const digit of DIGITS) {
    for (let i = text.indexOf(digit); i >= 0; i = text.indexOf(digit, i + 1)) {
      const before = text.charCodeAt(i - 1);
      if (!(before >= 48 && before <= 57)) found.push(i);
    }
  }
  return Int32Array.from(found).sort();
}

/**
 * The matches of `sticky` (a pattern with the `y` flag that can only start at a digit run's first digit), in
 * text order and without overlap: the same as `text.matchAll` of the pattern made global.
 */
export function matchesAt(text: string, sticky: RegExp, starts: Int32Array): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let next = 0;
  for (const start of starts) {
    if (start < next) continue; // inside the previous match: a global scan resumes after it
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (!m) continue;
    out.push(m);
    next = start + m[0].length;
  }
  return out;
}
