/**
 * Case-insensitive regexes of French words without the `i` flag: « prend du » written so that it also matches
 * « PREND DU » and « Prend Du », each letter as the class of its case variants ([pP][rR][eE][nN][dD]).
 *
 * Why: compiled with the `iu` flags, a pattern costs V8 far more than with `u` alone (it closes every letter and
 * every class over case: `\p{L}` or the class of French letters, several milliseconds), paid by the first analysis
 * of a session. `caseless(pattern)`, compiled with `u` alone, matches what `pattern` matched with `iu`: a letter
 * becomes the class of the characters whose simple case folding is its own (s → [sSſ]; k → k, K and the Kelvin
 * sign), a class the same closed over case (« [a-zµ] » also takes A–Z, ſ, K, µ's Greek μ and Μ), `\p{L}` the
 * class closed over case, which adds one character (U+0345, the Greek iota subscript, that folds to ι), `\p{N}`
 * stays as it is; group names are kept. test/unit/caseless.test.ts checks it character by character; a construct
 * it cannot rewrite exactly throws.
 */

/**
 * Simple case foldings that lower and upper case do not reach (Unicode CaseFolding.txt: ſ U+017F → s, K U+212A → k,
 * ϐ → β, ǅ → ǆ, ᾈ → ᾀ…): each group is a letter, then the characters that fold with it that its cases do not give.
 * test/unit/caseless.test.ts checks every cased character of Unicode against the `iu` flags.
 */
const MORE_VARIANTS: Record<string, string> = Object.fromEntries(
  ('s\u017F k\u212A \u00E5\u212B \u00DF\u1E9E \u01C6\u01C5 \u01C9\u01C8 \u01CC\u01CB \u01F3\u01F2 \u03B2\u03D0 \u03B5\u03F5 \u03B8\u03D1\u03F4 \u03B9\u0345\u1FBE \u03BA\u03F0 \u03BC\u00B5 \u03C0\u03D6 \u03C1\u03F1 \u03C3\u03C2 \u03C6\u03D5 \u03C9\u2126 \u0432\u1C80 \u0434\u1C81 \u043E\u1C82 \u0441\u1C83 \u0442\u1C84\u1C85 \u044A\u1C86 \u0463\u1C87 \uA64B\u1C88 \u1E61\u1E9B \u1FB3\u1FBC \u1FC3\u1FCC \u1FF3\u1FFC \u0390\u1FD3 \u1FD3\u0390 \u03B0\u1FE3 \u1FE3\u03B0 \uFB05\uFB06 \uFB06\uFB05 '
  + '\u1F80\u1F88 \u1F81\u1F89 \u1F82\u1F8A \u1F83\u1F8B \u1F84\u1F8C \u1F85\u1F8D \u1F86\u1F8E \u1F87\u1F8F \u1F90\u1F98 \u1F91\u1F99 \u1F92\u1F9A \u1F93\u1F9B \u1F94\u1F9C \u1F95\u1F9D \u1F96\u1F9E \u1F97\u1F9F \u1FA0\u1FA8 \u1FA1\u1FA9 \u1FA2\u1FAA \u1FA3\u1FAB \u1FA4\u1FAC \u1FA5\u1FAD \u1FA6\u1FAE \u1FA7\u1FAF')
    .split(' ').map((group) => [group[0], group.slice(1)]),
);
/** The dotless ı, whose upper case I folds to i while ı folds to nothing: a class of its own. */
const OWN_CASE = '\u0131';

/** The characters that match `letter` under the `iu` flags: its lower and upper cases, theirs, and MORE_VARIANTS. */
export function caseVariants(letter: string): string[] {
  if (letter === OWN_CASE) return [letter];
  const found = [letter];
  for (let i = 0; i < found.length; i++) {
    const c = found[i];
    for (const v of [c.toLowerCase(), c.toUpperCase(), ...(MORE_VARIANTS[c] ?? '')]) {
      if (v.length === 1 && v !== OWN_CASE && !found.includes(v)) found.push(v);
    }
  }
  return found;
}

/** `\p{L}` and `\p{N}` as they match under `iu`, inside a class. */
const PROPERTY_UNDER_CASE: Record<string, string> = { L: '\\p{L}\\u0345', N: '\\p{N}' };

/** Escapes copied as they are: no case in what they match. */
const PLAIN_ESCAPES = new Set(['d', 'D', 's', 'S', 'n', 'r', 't']);

/** `pattern`, meant for the `iu` flags, rewritten for the `u` flag alone (see the header). */
export function caseless(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const [escape, length] = rewriteEscape(pattern, i, false);
      out += escape;
      i += length - 1;
    } else if (c === '[') {
      const close = classEnd(pattern, i);
      out += caselessClass(pattern.slice(i, close + 1));
      i = close;
    } else if (c === '(' && pattern.startsWith('(?<', i) && pattern[i + 3] !== '=' && pattern[i + 3] !== '!') {
      const close = pattern.indexOf('>', i); // a group's name: no case to close over
      out += pattern.slice(i, close + 1);
      i = close;
    } else if (c.toLowerCase() !== c.toUpperCase()) {
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
  if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(pattern.slice(at + 2, at + 6))) {
    const ch = String.fromCharCode(parseInt(pattern.slice(at + 2, at + 6), 16));
    if (!inClass && ch.toLowerCase() !== ch.toUpperCase()) throw new Error(`caseless: ${pattern.slice(at, at + 6)} is a letter`);
    return [pattern.slice(at, at + 6), 6];
  }
  if (PLAIN_ESCAPES.has(next) || next.toLowerCase() === next.toUpperCase()) return [pattern.slice(at, at + 2), 2];
  throw new Error(`caseless: \\${next}`);
}

/** Offset of the `]` that closes the class opening at `at`. */
function classEnd(pattern: string, at: number): number {
  for (let i = at + 1; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === ']') return i;
  }
  throw new Error(`caseless: unclosed class at ${at}`);
}

/** Classes rewritten once each (the dose patterns repeat the class of French letters). */
const classes = new Map<string, string>();

/**
 * A class (« [^\d.,A-Za-z\u00C0-\u024F] »), rewritten: its characters and ranges as the set of every character
 * that matches one of them under `iu`, escapes without case kept. Under `iu`, « [^C] » matches what « C » misses:
 * the negation of the closed set is exact.
 */
function caselessClass(cls: string): string {
  let done = classes.get(cls);
  if (done !== undefined) return done;
  const negated = cls[1] === '^';
  const codes = new Set<number>();
  let kept = '';
  for (let i = negated ? 2 : 1; i < cls.length - 1; i++) {
    let from: number;
    if (cls[i] === '\\' && cls[i + 1] !== 'u') {
      const [escape, length] = rewriteEscape(cls, i, true);
      i += length - 1;
      if (length === 2 && !PLAIN_ESCAPES.has(cls[i])) from = cls.charCodeAt(i); // « \- », « \/ »: the character
      else { kept += escape; continue; }
    } else [from, i] = classCharacter(cls, i);
    let to = from;
    if (cls[i + 1] === '-' && i + 2 < cls.length - 1) [to, i] = classCharacter(cls, i + 2);
    for (let code = from; code <= to; code++) for (const v of caseVariants(String.fromCharCode(code))) codes.add(v.charCodeAt(0));
  }
  done = `[${negated ? '^' : ''}${asRanges([...codes].sort((a, b) => a - b))}${kept}]`;
  classes.set(cls, done);
  return done;
}

/** The character at `at` in a class (a literal or a \uXXXX escape) as a code, and the offset of its last character. */
function classCharacter(cls: string, at: number): [number, number] {
  if (cls[at] === '\\') {
    if (cls[at + 1] !== 'u' || !/^[0-9A-Fa-f]{4}$/.test(cls.slice(at + 2, at + 6))) throw new Error(`caseless: ${cls.slice(at, at + 2)} in a range`);
    return [parseInt(cls.slice(at + 2, at + 6), 16), at + 5];
  }
  const code = cls.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdfff) throw new Error('caseless: a surrogate in a class');
  return [code, at];
}

/** Sorted codes as class ranges of \uXXXX escapes (« \u0041-\u005A\u00B5 »). */
function asRanges(codes: number[]): string {
  const hex = (c: number) => `\\u${c.toString(16).toUpperCase().padStart(4, '0')}`;
  let out = '';
  for (let i = 0; i < codes.length; i++) {
    let j = i;
    while (j + 1 < codes.length && codes[j + 1] === codes[j] + 1) j++;
    out += j > i ? `${hex(codes[i])}-${hex(codes[j])}` : hex(codes[i]);
    i = j;
  }
  return out;
}
