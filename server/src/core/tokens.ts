/**
 * The word tokens of a text, as flat arrays: for « la pre\u0301gabaline 150 mg », token k is
 * [starts[k], ends[k]) of the text (« prégabaline », decomposed accent included), its word id in the lexicon's
 * vocabulary (ids[k], -1 for a word it does not know) and the lexicon's class of the word (classes[k]:
 * STARTS_NAME, COMMON_WORD, IN_NAME bits). A 1 MB document has some 80,000 tokens: as arrays they cost no
 * object each, and a token's folded key (« pregabaline ») is only made when a rule asks for it.
 */
import { COMMON_WORD, type Lexicon } from './lexicon';
import { foldCode } from './normalize';
import { HASH_SEED, HASH2_SEED, hash2Step, hashStep, type Vocabulary } from './vocabulary';

/** One token as an object, for callers that keep or pass one (`Tokens.at`). */
export interface Token {
  start: number;
  end: number;
  /** Folded form (lower case, no accents). */
  key: string;
  /** The word's id in the lexicon's vocabulary, -1 for a word it does not know. */
  id: number;
  /** The lexicon's class of the word (STARTS_NAME, COMMON_WORD bits); 0 without a lexicon. */
  cls: number;
}

/** A text's tokens in text order (see the header). */
export class Tokens {
  constructor(
    private readonly text: string,
    private readonly vocabulary: Vocabulary | undefined,
    readonly length: number,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly ids: Int32Array,
    readonly classes: Uint8Array,
  ) {}

  /** The folded key of token k: the vocabulary's own string for a known word, else cut from the text's folded codes. */
  key(k: number): string {
    const id = this.ids[k];
    return id >= 0 ? this.vocabulary!.word(id) : foldedKey(this.text, this.starts[k], this.ends[k]);
  }

  /** Token k as an object (its key made when read), or undefined out of range (as `tokens[k]` of an array). */
  at(k: number): Token | undefined {
    if (k < 0 || k >= this.length) return undefined;
    return new TokenAt(this, k, this.starts[k], this.ends[k], this.ids[k], this.classes[k]);
  }

  /** Every token as an object (tests, and callers that want the list). */
  toArray(): Token[] {
    return Array.from({ length: this.length }, (_, k) => this.at(k)!);
  }
}

/** One token of `Tokens` as an object. */
class TokenAt implements Token {
  constructor(private readonly tokens: Tokens, private readonly k: number, readonly start: number, readonly end: number, readonly id: number, readonly cls: number) {}

  get key(): string {
    return this.tokens.key(this.k);
  }
}

/** Imported bindings read once: under a CommonJS loader (tsx: scripts, tests) each use of one is a getter call, here per character. */
const COMMON = COMMON_WORD, SEED = HASH_SEED, SEED2 = HASH2_SEED, step = hashStep, step2 = hash2Step;

/**
 * Per UTF-16 unit: its folded code (`foldSameLength`) in the low 16 bits, WORD if the folded unit belongs to a
 * word (letter, digit, folded accent), KNOWN once filled (0 = not computed yet).
 */
const codeTable = new Int32Array(65536);
const WORD = 1 << 16, KNOWN = 1 << 17;
const WORD_CHAR = /[\p{L}\p{N}\u0000]/u;

function fillCode(code: number): number {
  const folded = foldCode(code);
  const entry = folded | KNOWN | (WORD_CHAR.test(String.fromCharCode(folded)) ? WORD : 0);
  codeTable[code] = entry;
  return entry;
}
for (let c = 0; c < 128; c++) fillCode(c);

/** The folded key of the word at [start, end): folded codes, folded accents (code 0) left out. */
function foldedKey(text: string, start: number, end: number): string {
  let key = '';
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    const f = (codeTable[c] || fillCode(c)) & 0xffff;
    if (f !== 0) key += String.fromCharCode(f);
  }
  return key;
}

/** The token columns, or a copy of them with room for twice as many tokens. */
interface Columns { starts: Int32Array; ends: Int32Array; ids: Int32Array; classes: Uint8Array }

function columns(capacity: number, from?: Columns): Columns {
  const c = { starts: new Int32Array(capacity), ends: new Int32Array(capacity), ids: new Int32Array(capacity), classes: new Uint8Array(capacity) };
  if (from) {
    c.starts.set(from.starts);
    c.ends.set(from.ends);
    c.ids.set(from.ids);
    c.classes.set(from.classes);
  }
  return c;
}

/**
 * The word tokens of a text, folded (`foldSameLength`, folded accents dropped from the key). With a lexicon,
 * each word is looked up in its vocabulary as it is read, through a hash of its folded codes computed in the
 * same pass: no folded copy of the text, no string cut for any word. An ordinary word that is part of no name
 * is left out (most of a text's words): nothing asks about it, and no name runs across it, since the text
 * between the tokens around it is then no name's joiner.
 */
export function tokenize(text: string, lexicon?: Lexicon): Tokens {
  const vocabulary = lexicon?.vocabulary;
  const flags = lexicon?.wordFlags;
  // The columns are local variables in the loop: written through an object's fields, they cost a third more.
  // Prose has about one token every 13 characters: growing them, rare, stops the first pass's optimised loop.
  let all = columns((text.length >> 3) + 16);
  let { starts, ends, ids, classes } = all;
  let count = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    let c = text.charCodeAt(i);
    if (((codeTable[c] || fillCode(c)) & WORD) === 0) { i++; continue; }
    let j = i;
    let hash = SEED, hash2 = SEED2;
    for (; j < n; j++) {
      c = text.charCodeAt(j);
      const entry = codeTable[c] || fillCode(c);
      if ((entry & WORD) === 0) break;
      const f = entry & 0xffff;
      if (f !== 0) { // a folded accent is no part of the key
        hash = step(hash, f);
        hash2 = step2(hash2, f);
      }
    }
    const id = vocabulary ? vocabulary.find(hash, hash2) : -1;
    const cls = id >= 0 ? flags![id] : 0;
    if (cls !== COMMON) {
      if (count === starts.length) ({ starts, ends, ids, classes } = all = columns(2 * count, all));
      starts[count] = i;
      ends[count] = j;
      ids[count] = id;
      classes[count] = cls;
      count++;
    }
    i = j;
  }
  return new Tokens(text, vocabulary, count, starts, ends, ids, classes);
}
