/**
 * The lexicon's vocabulary: every folded word it knows (ordinary French words, each token of each name),
 * numbered, in an open-addressing hash table (built by `compileLookup`). A document's words are looked up
 * straight from its folded UTF-16 codes, with a hash computed while tokenising: no string is cut for a
 * known word, and the word list itself stays one string until a word is asked for.
 */

/** FNV-1a over UTF-16 codes, 32 bits. Code 0 (a folded combining accent) is not part of a word's key. */
export const HASH_SEED = 0x811c9dc5 | 0;
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

export function hashOf(word: string): number {
  let h = HASH_SEED;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

export class Vocabulary {
  private readonly mask: number;
  private readonly cut: (string | undefined)[];

  /** `text`: the words joined by line breaks; word `id` starts at `starts[id]`; `slots`: word id + 1 by hash. */
  constructor(private readonly text: string, private readonly starts: Int32Array, private readonly slots: Int32Array) {
    this.mask = slots.length - 1;
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
    const text = this.text;
    for (let s = hashOf(word) & this.mask; ; s = (s + 1) & this.mask) {
      const id = this.slots[s] - 1;
      if (id < 0) return -1;
      const start = this.starts[id];
      if (this.starts[id + 1] - 1 - start === word.length && text.startsWith(word, start)) return id;
    }
  }

  /**
   * The id of the word whose folded codes are `codes[start, end)` (codes 0, folded accents, skipped),
   * given their hash, or -1.
   */
  find(codes: Uint16Array, start: number, end: number, hash: number): number {
    for (let s = hash & this.mask; ; s = (s + 1) & this.mask) {
      const id = this.slots[s] - 1;
      if (id < 0) return -1;
      if (this.spells(id, codes, start, end)) return id;
    }
  }

  /** Whether `codes[start, end)`, codes 0 skipped, spell word `id`. */
  private spells(id: number, codes: Uint16Array, start: number, end: number): boolean {
    const text = this.text;
    let k = this.starts[id];
    const stop = this.starts[id + 1] - 1;
    for (let i = start; i < end; i++) {
      const c = codes[i];
      if (c === 0) continue;
      if (k >= stop || text.charCodeAt(k) !== c) return false;
      k++;
    }
    return k === stop;
  }
}
