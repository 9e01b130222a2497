/**
 * Text normalisation shared by the data build and the analysis core.
 *
 * `foldKey` is the lookup key of every name: Unicode NFC, lower case, accents
 * removed, ligatures œ/æ expanded, typographic apostrophes and dashes unified,
 * ® and ™ dropped, every kind of space (no-break, thin, narrow no-break) folded
 * to one ASCII space.
 */

const SPACES = /[\s\u00A0\u2007\u2009\u202F\u200A]+/g;
const APOSTROPHES = /[\u2019\u2018\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const MARKS = /[\u00AE\u2122\u00A9]/g;
const COMBINING = /[\u0300-\u036f]/g;

/** Expand ligatures and unify punctuation, keeping case and accents. */
export function normalizeTypography(text: string): string {
  return text
    .normalize('NFC')
    .replace(/œ/g, 'oe').replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae').replace(/Æ/g, 'AE')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(MARKS, '')
    .replace(SPACES, ' ');
}

/** Remove diacritics (é → e, ï → i), keeping everything else. */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

/** Plain-ASCII, lower-case form used for edit distances. */
export function spellingKey(word: string): string {
  return stripAccents(word).toLowerCase();
}

/**
 * How a spelling key sounds in French, for misspellings that edit distance ranks too far: « levotirox » and
 * LEVOTHYROX, « csarelto » and XARELTO, « lovenocs » and LOVENOX all sound « levotiroks », « ksarelto »,
 * « lovenoks ». ph/f, th/t, qu/k, c/k/s, x/ks, y/i, silent h, au/eau/o, ai/ei/e, en/an, doubled letters, final e.
 */
export function soundKey(key: string): string {
  return key
    .replace(/ph/g, 'f').replace(/qu?/g, 'k').replace(/ck/g, 'k').replace(/x/g, 'ks')
    .replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k')
    .replace(/([^aeiouy])h|^h/g, '$1').replace(/y/g, 'i')
    .replace(/e?au/g, 'o').replace(/[ae]i(?![aeiou])/g, 'e').replace(/e([nm])(?![aeiou])/g, 'a$1')
    .replace(/(.)\1+/g, '$1').replace(/e$/, '');
}

/** The lookup key of a name: case-, accent-, space- and typography-insensitive. */
export function foldKey(text: string): string {
  // Plain ASCII (most brands, trials, common words) needs no Unicode normalisation.
  if (PRINTABLE_ASCII.test(text)) return text.replace(/`/g, "'").replace(ASCII_SPACES, ' ').toLowerCase().trim();
  return foldKeyByChar(text) ?? foldKeySlow(text);
}

/** The reference definition of `foldKey`, through Unicode normalisation. */
export function foldKeySlow(text: string): string {
  return stripAccents(normalizeTypography(text)).toLowerCase().trim();
}

/**
 * `foldKey` one character at a time with the folding table of `foldSameLength` (several times faster
 * than normalising: it matters when the index is loaded). Returns undefined for the rare characters the
 * table cannot fold alone (surrogates, letters that decompose to several), left to `foldKeySlow`.
 */
function foldKeyByChar(text: string): string | undefined {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return undefined;
    const ch = text[i];
    const ligature = c === 0x153 || c === 0x152 ? 'oe' : c === 0xe6 || c === 0xc6 ? 'ae' : '';
    if (ligature) { out += (space && out ? ' ' : '') + ligature; space = false; continue; }
    if (c === 0xae || c === 0x2122 || c === 0xa9 || (c >= 0x300 && c <= 0x36f)) continue;
    const f = foldCode(c);
    if (f === 32 || f === 9 || f === 10 || f === 13) {
      if (f === 32 && c !== 32 && !/[\s\u00A0\u2007\u2009\u202F\u200A]/.test(ch)) return undefined;
      space = true;
      continue;
    }
    if (space && out) out += ' ';
    space = false;
    out += String.fromCharCode(f);
  }
  return out;
}
const PRINTABLE_ASCII = /^[\x20-\x7E\t\n\r]*$/;
const ASCII_SPACES = /\s+/g;

/** A key that also ignores hyphens and spaces: "RESET SLE" = "reset-sle" = "resetsle". */
export function compactKey(text: string): string {
  return foldKey(text).replace(/[\s\-_.]/g, '');
}

/**
 * Fold one UTF-16 character at a time, returning a string of the same length
 * as the input, so offsets in the folded text are offsets in the source.
 * Characters that fold to nothing or to several characters map to a single
 * stand-in (ligatures to their first letter, marks to a space).
 */
export function foldSameLength(text: string): string {
  return fromCodes(foldCodes(text));
}

/** UTF-16 codes back to a string. */
function fromCodes(codes: Uint16Array): string {
  return UTF16.decode(codes);
}

/** `foldSameLength` as UTF-16 codes. */
function foldCodes(text: string): Uint16Array {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = foldCode(text.charCodeAt(i));
  return out;
}

const UTF16 = new TextDecoder('utf-16le');
/** Folded code of each UTF-16 unit, computed once per unit seen (0 = not yet). */
const foldTable = new Uint16Array(65536);

/** `foldSameLength` of one UTF-16 unit, as a code. */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let f = foldTable[code];
  if (f === 0) {
    f = foldChar(String.fromCharCode(code)).charCodeAt(0);
    foldTable[code] = f;
  }
  return f;
}

const foldedChars = new Map<string, string>();

/** One non-ASCII UTF-16 unit folded to exactly one character (memoised: prose has few distinct ones). */
function foldChar(ch: string): string {
  let f = foldedChars.get(ch);
  if (f !== undefined) return f;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdfff) f = ' ';
  else if (ch === 'œ' || ch === 'Œ') f = 'o';
  else if (ch === 'æ' || ch === 'Æ') f = 'a';
  else if (/[\u2019\u2018\u02BC\u00B4]/.test(ch)) f = "'";
  else if (/[\u2010-\u2014\u2212]/.test(ch)) f = '-';
  else if (/[\s\u00A0\u2007\u2009\u202F\u200A]/.test(ch)) f = ' ';
  else if (/[\u0300-\u036f]/.test(ch)) f = COMBINING_STAND_IN;
  else if (/[\u00AE\u2122\u00A9]/.test(ch)) f = ' ';
  else {
    const base = ch.normalize('NFD').replace(COMBINING, '').toLowerCase();
    f = base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : ' ';
  }
  foldedChars.set(ch, f);
  return f;
}

/**
 * Letters of French medical prose, for regex classes: Latin with its accents and ligatures, and Greek
 * (IL-1β). The analysis's regexes use these instead of \p{L} and \p{Lu}, each of which costs about 0.4 ms
 * to compile: tens of them made the server's first answer several milliseconds slower.
 */
export const LETTER = 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u0370-\\u03FF\\u1E00-\\u1EFF';
export const UPPER = 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE\\u0152\\u0391-\\u03A9';

/** What a decomposed accent becomes in `foldSameLength`: part of the word, dropped from keys. */
const COMBINING_STAND_IN = '\u0000';
