/**
 * How the dose patterns are tried without scanning a long text at every offset:
 * - at the first digit of each run of digits, never elsewhere: every dose pattern of `doses.ts` starts with a
 *   written number (NUMBER, which cannot start right after a digit), so the pattern made sticky and tried at these
 *   offsets finds exactly the matches a global scan of the whole text finds;
 * - a pattern anchored at the end of its text (« …$ », the words before a dose or a drug), once, backwards from
 *   the end.
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

/** The top-level alternatives of a pattern's source (not those inside groups or classes). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0, inClass = false, from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) { out.push(source.slice(from, i)); from = i + 1; }
  }
  out.push(source.slice(from));
  return out;
}

/** Whether an alternative ends with an end anchor `$` (not an escaped « \$ »). */
function endsAnchored(alternative: string): boolean {
  if (!alternative.endsWith('$')) return false;
  let slashes = 0;
  for (let i = alternative.length - 2; i >= 0 && alternative[i] === '\\'; i--) slashes++;
  return slashes % 2 === 0;
}

/**
 * `pattern.test(text)` for a pattern every alternative of which ends at the end of the text (« …$ »), tried once,
 * backwards from the end (a look-behind at the last offset), rather than forwards from every offset of the text:
 * « (?:comprimés?|gélules?) de $ » on « on prescrit 2 comprimés de » fails or succeeds at the last characters.
 */
export function endTest(pattern: RegExp): (text: string) => boolean {
  const parts = alternatives(pattern.source);
  if (pattern.multiline || !parts.every(endsAnchored) || /\\[1-9]|\\k</.test(pattern.source)) {
    throw new Error(`endTest: /${pattern.source}/ is not anchored at the end in every alternative`);
  }
  const behind = new RegExp(`(?<=${parts.map((p) => p.slice(0, -1)).join('|')})`, `${pattern.flags.replace(/[dgy]/g, '')}y`);
  return (text) => {
    behind.lastIndex = text.length;
    return behind.test(text);
  };
}
