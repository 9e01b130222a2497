/**
 * The lexicon's vocabulary: every folded word it knows (ordinary French words, each token of each name),
 * numbered, in an open-addressing hash table (built by `compileLookup`). A document's words are looked up
 * straight from its folded UTF-16 codes, with a hash computed while tokenising: no string is cut for a
 * known word, and the word list itself stays one string until a word is asked for.
 */

/**
 * Two 32-bit hashes of a word's folded UTF-16 codes (FNV-1a, and a second multiplicative hash with its own
 * seed and multiplier), computed in the same pass. Code 0 (a folded combining accent) is not part of a word's
 * key. Together they are a 64-bit fingerprint: a word is found by its two hashes, without comparing its
 * letters (the chance that an unknown word matches one of the 30,000 known ones is about 2e-15 per lookup).
 */
import type { Text } from './index-types';

export const HASH_SEED = 0x811c9dc5 | 0;
export const HASH2_SEED = 0x9747b28c | 0;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}
export function hash2Step(hash: number, code: number): number {
  return Math.imul(hash + code, 0x5bd1e995) ^ (hash >>> 15);
}

/** The first hash alone (the spelling index's key; candidates are then checked by edit distance). */
export function hashOf(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

export function hashesOf(word: string): [number, number] {
  let h = HASH_SEED, h2 = HASH2_SEED;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    h = hashStep(h, c);
    h2 = hash2Step(h2, c);
  }
  return [h, h2];
}

export class Vocabulary {
  private readonly mask: number;
  private readonly cut: (string | undefined)[];

  /**
   * `text`: the words joined by line breaks, word `id` starting at `starts[id]`; `slots`: three cells per
   * slot, word id + 1 (0 for an empty slot) and its two hashes, placed by the first hash (linear probing).
   */
  constructor(private readonly text: Text, private readonly starts: Int32Array, private readonly slots: Int32Array) {
    this.mask = slots.length / 3 - 1;
    this.cut = new Array<string | undefined>(starts.length - 1);
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** The word of an id (cut from the list once, then kept). */
  word(id: number): string {
    return (this.cut[id] ??= this.text.slice(this.starts[id], this.starts[id + 1] - 1));
  }

  /** The id of a folded word, or -1. */
  idOf(word: string): number {
    const [h, h2] = hashesOf(word);
    return this.find(h, h2);
  }

  /** The id of the word with these two hashes, or -1. */
  find(h: number, h2: number): number {
    const slots = this.slots;
    for (let s = h & this.mask; ; s = (s + 1) & this.mask) {
      const at = 3 * s;
      const slot = slots[at];
      if (slot === 0) return -1;
      if (slots[at + 1] === h && slots[at + 2] === h2) return slot - 1;
    }
  }
}
