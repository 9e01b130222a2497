/**
 * Case-insensitive regexes of French words without the `i` flag: « prend du » written so that it also matches
 * « PREND DU » and « Prend Du », each letter as the class of its case variants ([pP][rR][eE][nN][dD]).
 *
 * Why: compiled with the `iu` flags, a pattern that names `\p{L}` costs V8 several milliseconds (it closes
 * the class of every letter over case), paid by the first analysis of a session. `caseless(pattern)`, compiled
 * with `u` alone, matches what `pattern` matched with `iu`: a letter becomes the class of the characters whose
 * simple case folding is its own (s → [sSſ]; k → k, K and the Kelvin sign), `\p{L}` the class closed over case,
 * which adds one character (U+0345, the Greek iota subscript, that folds to ι), `\p{N}` stays as it is.
 * test/unit/caseless.test.ts checks it character by character; a construct it cannot rewrite exactly throws.
 */

/** Simple case foldings beyond lower and upper case (Unicode CaseFolding.txt: ſ U+017F → s, K U+212A → k). */
const MORE_VARIANTS: Record<string, string> = { s: '\u017F', k: '\u212A' };

/** The characters that match `letter` under the `iu` flags. */
function caseVariants(letter: string): string[] {
  const lower = letter.toLowerCase(), upper = letter.toUpperCase();
  const all = [letter, lower, upper, MORE_VARIANTS[lower] ?? ''].filter((v) => v.length === 1);
  return [...new Set(all)];
}

/** `\p{L}` and `\p{N}` as they match under `iu`, inside a class. */
const PROPERTY_UNDER_CASE: Record<string, string> = { L: '\\p{L}\\u0345', N: '\\p{N}' };

/** Escapes copied as they are: no case in what they match. */
const PLAIN_ESCAPES = new Set(['d', 'D', 's', 'S', 'n', 'r', 't']);

/** `pattern`, meant for the `iu` flags, rewritten for the `u` flag alone (see the header). */
export function caseless(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const [escape, length] = rewriteEscape(pattern, i, inClass);
      out += escape;
      i += length - 1;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      inClass = false;
      out += c;
    } else if (c.toLowerCase() !== c.toUpperCase()) {
      if (inClass) throw new Error(`caseless: letter « ${c} » in a class`);
      const variants = caseVariants(c);
      out += variants.length > 1 ? `[${variants.join('')}]` : c;
    } else out += c;
  }
  return out;
}

/** The escape at `at`, rewritten, and how many characters of the pattern it takes. */
function rewriteEscape(pattern: string, at: number, inClass: boolean): [string, number] {
  const next = pattern[at + 1];
  if (next === 'p') {
    const close = pattern.indexOf('}', at);
    const property = PROPERTY_UNDER_CASE[pattern.slice(at + 3, close)];
    if (pattern[at + 2] !== '{' || !property) throw new Error(`caseless: ${pattern.slice(at, close + 1)}`);
    return [inClass ? property : `[${property}]`, close + 1 - at];
  }
  if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(pattern.slice(at + 2, at + 6))) return [pattern.slice(at, at + 6), 6];
  if (PLAIN_ESCAPES.has(next) || next.toLowerCase() === next.toUpperCase()) return [pattern.slice(at, at + 2), 2];
  throw new Error(`caseless: \\${next}`);
}
