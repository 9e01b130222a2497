/**
 * "Vouliez-vous dire …?": spelling suggestions among drug names, by Damerau–Levenshtein distance ≤ 2, found
 * through a one-deletion index that the data build compiles into the lookup (hashes of every candidate with
 * one letter or none deleted): nothing to build when the server starts or first analyses a document.
 * A word longer than any drug name (« pregabalinnepregabalinnepregabalinnepregabalinne ») gets no
 * suggestion: its deletions alone would cost the square of its length.
 */
import type { Lexicon } from './lexicon';
import { soundKey, spellingKey } from './normalize';
import { HASH_SEED, hashOf, hashStep } from './vocabulary';

/** Rows of `editDistance`, reused (three rolling rows: the transposition looks two rows back). */
let rows = new Int32Array(0);

/** Damerau–Levenshtein distance (optimal string alignment), or limit + 1 as soon as every row exceeds the limit. */
export function editDistance(a: string, b: string, limit = 3): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const w = b.length + 1;
  if (rows.length < 3 * w) rows = new Int32Array(3 * w);
  // Row i lives at (i % 3) * w.
  for (let j = 0; j < w; j++) rows[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const cur = (i % 3) * w, prev = ((i - 1) % 3) * w, prev2 = ((i + 1) % 3) * w;
    rows[cur] = i;
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, rows[prev2 + j - 2] + 1);
      rows[cur + j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[(a.length % 3) * w + b.length];
}

/** Longer words get no suggestion (the longest spelling key of the lexicon has 36 letters). */
export const MAX_SUGGESTED_LENGTH = 40;

interface Candidate { name: string; key: string; weight: number; brand: boolean; sound?: string }

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

  /** Candidates sharing a one-letter deletion (or none) with the key, each deletion once, in `deletions` order. */
  private near(s: number, key: string, found: (i: number) => void): void {
    const { deletionHashes, deletionCandidates } = this.sources[s].spelling;
    sameHash(deletionHashes, deletionCandidates, hashOf(key), found);
    for (let i = 0; i < key.length; i++) {
      // Deleting one of a run of equal letters makes the same word: only the first counts.
      if (i > 0 && key.charCodeAt(i) === key.charCodeAt(i - 1)) continue;
      sameHash(deletionHashes, deletionCandidates, hashWithout(key, i), found);
    }
  }

  /** Candidates that sound like the key (« levotirox », LEVOTHYROX). */
  private soundsLike(s: number, sound: string, found: (i: number) => void): void {
    const { soundHashes, soundCandidates } = this.sources[s].spelling;
    sameHash(soundHashes, soundCandidates, hashOf(sound), found);
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
      this.near(s, key, (i) => {
        const c = this.candidate(s, i);
        if (scored.has(c.name)) return;
        // A shared hash may be a collision: the edit distance decides.
        const d = editDistance(key, c.key, 2);
        if (d <= allowed) scored.set(c.name, { d, w: c.weight, brand: c.brand });
      });
    }
    // A name that sounds the same, a little further by letters (« levotirox »), counts as one slip.
    const sound = soundKey(key);
    for (let s = 0; s < this.sources.length; s++) {
      this.soundsLike(s, sound, (i) => {
        const c = this.candidate(s, i);
        const d = scored.get(c.name)?.d ?? 9;
        if (d > 1 && c.key !== key && (c.sound ??= soundKey(c.key)) === sound && editDistance(key, c.key, 3) <= 3) scored.set(c.name, { d: 1, w: c.weight, brand: c.brand });
      });
    }
    const result = [...scored.entries()].sort((a, b) => a[1].d - b[1].d || b[1].w - a[1].w)
      .map(([name, v]) => ({ name, distance: v.d, brand: v.brand })).slice(0, max);
    if (this.memo.size > 50_000) this.memo.clear();
    this.memo.set(key, result);
    return result;
  }
}

/** Each value beside `h` in a sorted array of hashes (binary search), in order. */
function sameHash(hashes: Int32Array, values: Int32Array, h: number, found: (value: number) => void): void {
  let lo = 0, hi = hashes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hashes[mid] < h) lo = mid + 1; else hi = mid;
  }
  for (let i = lo; i < hashes.length && hashes[i] === h; i++) found(values[i]);
}

/** `hashOf` of a word with its letter i deleted, without making the word. */
function hashWithout(word: string, i: number): number {
  let h = HASH_SEED;
  for (let k = 0; k < word.length; k++) if (k !== i) h = hashStep(h, word.charCodeAt(k));
  return h;
}

/** One speller per lexicon, its memo shared by every analysis of that lexicon (whole texts and incremental ones). */
export function spellerOf(lexicon: Lexicon): Speller {
  let speller = spellers.get(lexicon);
  if (!speller) spellers.set(lexicon, (speller = new Speller(lexicon)));
  return speller;
}
const spellers = new WeakMap<Lexicon, Speller>();
