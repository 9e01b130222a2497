/**
 * "Vouliez-vous dire …?": spelling suggestions among drug names, by
 * Damerau–Levenshtein distance ≤ 2, found through a one-deletion index
 * (built once, on first use, so it costs nothing at start-up).
 */
import type { Lexicon } from './lexicon';
import { spellingKey } from './lexicon';

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

function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

interface Candidate { name: string; key: string; weight: number; brand: boolean }

export interface Suggestion { name: string; distance: number; brand: boolean }

export class Speller {
  private byDeletion?: Map<string, Candidate[]>;
  private readonly memo = new Map<string, Suggestion[]>();

  constructor(private readonly lexicon: Lexicon) {}

  private build(): Map<string, Candidate[]> {
    const map = new Map<string, Candidate[]>();
    const seen = new Set<string>();
    for (const e of this.lexicon.entries) {
      if ((e.kind !== 'substance' && e.kind !== 'brand') || e.tokens.length !== 1 || e.caseRule !== 'any') continue;
      const key = spellingKey(e.name);
      if (key.length < 5 || seen.has(key)) continue;
      seen.add(key);
      const c = { name: e.kind === 'substance' ? e.dci! : e.name, key, weight: e.weight, brand: e.kind === 'brand' };
      for (const del of deletions(key)) {
        const list = map.get(del);
        if (list) list.push(c); else map.set(del, [c]);
      }
    }
    return map;
  }

  /** Drug names within two edits of `word`, best first (closest, then most prescribed). */
  suggest(word: string, max = 5): Suggestion[] {
    const key = spellingKey(word);
    const cached = this.memo.get(key);
    if (cached) return cached;
    this.byDeletion ??= this.build();
    const scored = new Map<string, { d: number; w: number; brand: boolean }>();
    for (const del of deletions(key)) {
      for (const c of this.byDeletion.get(del) ?? []) {
        if (scored.has(c.name)) continue;
        const d = editDistance(key, c.key, 2);
        const allowed = key.length >= 8 ? 2 : 1;
        if (d <= allowed) scored.set(c.name, { d, w: c.weight, brand: c.brand });
      }
    }
    const result = [...scored.entries()].sort((a, b) => a[1].d - b[1].d || b[1].w - a[1].w)
      .map(([name, v]) => ({ name, distance: v.d, brand: v.brand })).slice(0, max);
    this.memo.set(key, result);
    return result;
  }
}
