/**
 * "Vouliez-vous dire …?": spelling suggestions among drug names, by Damerau–Levenshtein distance ≤ 2, found
 * through a one-deletion index that the data build compiles into the lookup (hashes of every candidate with
 * one letter or none deleted): nothing to build when the server starts or first analyses a document.
 * A word longer than any drug name (« pregabalinnepregabalinnepregabalinnepregabalinne ») gets no
 * suggestion: its deletions alone would cost the square of its length.
 */
import type { Lexicon } from './lexicon';
import { soundKey, spellingKey } from './normalize';
import { deletions } from './lookup-build';
import { hashOf } from './vocabulary';

export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length][b.length];
}

/** Longer words get no suggestion (the longest spelling key of the lexicon has 36 letters). */
export const MAX_SUGGESTED_LENGTH = 40;

interface Candidate { name: string; key: string; weight: number; brand: boolean }

export interface Suggestion { name: string; distance: number; brand: boolean }

export class Speller {
  /** The lexicons whose spelling tables are searched (a project's overlay: the shipped one and the project's). */
  private readonly sources: Lexicon[];
  private readonly candidates: (Candidate | undefined)[][];
  private readonly memo = new Map<string, Suggestion[]>();

  constructor(lexicon: Lexicon) {
    this.sources = lexicon.spellingSources();
    this.candidates = this.sources.map(() => []);
  }

  private candidate(s: number, i: number): Candidate {
    let c = this.candidates[s][i];
    if (!c) {
      const source = this.sources[s];
      const { spellKeys, spellStarts, spellNames } = source.spelling;
      const e = source.entryAt(spellNames[i]);
      c = { name: e.kind === 'substance' ? e.dci! : e.name, key: spellKeys.slice(spellStarts[i], spellStarts[i + 1] - 1), weight: e.weight, brand: e.kind === 'brand' };
      this.candidates[s][i] = c;
    }
    return c;
  }

  /** Candidates sharing a one-letter deletion (or none) with the key: a binary search of the sorted hashes. */
  private *near(s: number, key: string): Generator<number> {
    const { deletionHashes, deletionCandidates } = this.sources[s].spelling;
    for (const del of new Set(deletions(key))) yield* sameHash(deletionHashes, deletionCandidates, hashOf(del));
  }

  /** Candidates that sound like the key (« levotirox », LEVOTHYROX). */
  private soundsLike(s: number, key: string): Iterable<number> {
    const { soundHashes, soundCandidates } = this.sources[s].spelling;
    return sameHash(soundHashes, soundCandidates, hashOf(soundKey(key)));
  }

  /** Drug names within two edits of `word`, best first (closest, then most prescribed). */
  suggest(word: string, max = 5): Suggestion[] {
    if (word.length > 4 * MAX_SUGGESTED_LENGTH) return [];
    const key = spellingKey(word);
    if (key.length > MAX_SUGGESTED_LENGTH) return [];
    const cached = this.memo.get(key);
    if (cached) return cached;
    const scored = new Map<string, { d: number; w: number; brand: boolean }>();
    const allowed = key.length >= 8 ? 2 : 1;
    for (let s = 0; s < this.sources.length; s++) {
      for (const i of this.near(s, key)) {
        const c = this.candidate(s, i);
        if (scored.has(c.name)) continue;
        // A shared hash may be a collision: the edit distance decides.
        const d = editDistance(key, c.key, 2);
        if (d <= allowed) scored.set(c.name, { d, w: c.weight, brand: c.brand });
      }
    }
    // A name that sounds the same, a little further by letters (« levotirox »), counts as one slip.
    for (let s = 0; s < this.sources.length; s++) {
      for (const i of this.soundsLike(s, key)) {
        const c = this.candidate(s, i);
        const d = scored.get(c.name)?.d ?? 9;
        if (d > 1 && c.key !== key && soundKey(c.key) === soundKey(key) && editDistance(key, c.key, 3) <= 3) scored.set(c.name, { d: 1, w: c.weight, brand: c.brand });
      }
    }
    const result = [...scored.entries()].sort((a, b) => a[1].d - b[1].d || b[1].w - a[1].w)
      .map(([name, v]) => ({ name, distance: v.d, brand: v.brand })).slice(0, max);
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(key, result);
    return result;
  }
}

/** The values beside `h` in a sorted array of hashes (binary search). */
function* sameHash(hashes: Int32Array, values: Int32Array, h: number): Generator<number> {
  let lo = 0, hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hashes[mid] < h) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < hashes.length && hashes[i] === h; i++) yield values[i];
}
