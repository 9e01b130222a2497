/**
 * The compiled index, ready for lookups: every name (DCI, alias, brand, trial, abbreviation) by its
 * folded token path, for longest-match search over a text's tokens, and accent-insensitive prefix search.
 */
import type { Brand, CompiledIndex, DrugClassEntry, Substance, Trial } from './index-types';
import { foldKey, stripAccents } from './normalize';

export type NameKind = 'substance' | 'brand' | 'trial' | 'abbreviation' | 'class';

/** How strictly a name must be written to count as a mention. */
export type CaseRule = 'any' | 'exact' | 'capitalsOrMark';

export interface NameEntry {
  kind: NameKind;
  /** The name as written in the data. */
  name: string;
  tokens: string[];
  /** Folded name (lookup and completion key). */
  key?: string;
  caseRule: CaseRule;
  substance?: Substance;
  brand?: Brand;
  trial?: Trial;
  drugClass?: DrugClassEntry;
  /** Abbreviations naming several DCIs: recognised, never silently resolved. */
  ambiguous?: Substance[];
}

/** Word tokens of a name, folded: "RESET-SLE" → ["reset", "sle"]. */
export function nameTokens(name: string, key = foldKey(name)): string[] {
  return key.split(NON_WORD).filter(Boolean);
}
const NON_WORD = /[^\p{L}\p{N}]+/u;

export const STARTS_NAME = 1;
export const COMMON_WORD = 2;

export class Lexicon {
  readonly substances = new Map<string, Substance>();
  readonly brands = new Map<string, Brand>();
  readonly trials = new Map<string, Trial>();
  readonly commonWords: Set<string>;
  readonly entries: NameEntry[] = [];
  private readonly seen = new Map<string, number>();
  /** Exact DCI → substance: the analysis asks by DCI, with no folding needed. */
  private readonly byDci = new Map<string, Substance>();
  /** INN stems by length, for a suffix lookup per length instead of a scan of every stem. */
  private readonly stemsByLength = new Map<number, Set<string>>();
  /** Names by token path ("acetate de glatiramere" → entries); flat maps, cheaper to build than a trie. */
  private readonly byPath = new Map<string, NameEntry[]>();
  /** Token paths that a longer name continues ("acetate", "acetate de"). */
  private readonly prefixes = new Set<string>();

  constructor(readonly index: CompiledIndex) {
    this.commonWords = new Set(index.commonWords);
    for (const stem of index.innStems) {
      const set = this.stemsByLength.get(stem.length) ?? new Set<string>();
      set.add(stem);
      this.stemsByLength.set(stem.length, set);
    }
    for (const s of index.substances) {
      const key = foldKey(s.dci);
      this.substances.set(key, s);
      this.byDci.set(s.dci, s);
      this.add({ kind: 'substance', name: s.dci, tokens: [], caseRule: 'any', substance: s }, key);
      for (const a of s.aliases) {
        const caseRule: CaseRule = /^[A-Z0-9Δ-]+$/.test(a) && a.length <= 5 ? 'exact' : 'any';
        this.add({ kind: 'substance', name: a, tokens: [], caseRule, substance: s });
      }
    }
    for (const b of index.brands) {
      const key = foldKey(b.name);
      this.brands.set(key, b);
      const short = key.replace(/[^\p{L}]/gu, '').length <= 5;
      this.add({ kind: 'brand', name: b.name, tokens: [], caseRule: b.needsMark || short ? 'capitalsOrMark' : 'any', brand: b }, key);
    }
    for (const t of index.trials) {
      this.trials.set(foldKey(t.name), t);
      for (const n of [t.name, ...t.aliases]) this.add({ kind: 'trial', name: n, tokens: [], caseRule: 'exact', trial: t });
    }
    for (const a of index.abbreviations) this.addAbbreviation(a.abbreviation, a.dci);
    for (const c of index.classes ?? []) {
      for (const n of [c.name, ...c.aliases]) {
        const caseRule: CaseRule = /^[A-Z][A-Za-z-]{1,5}$/.test(n) && /[A-Z].*[A-Z]/.test(n) ? 'exact' : 'any';
        this.add({ kind: 'class', name: n, tokens: [], caseRule, drugClass: c });
      }
    }
  }

  private addAbbreviation(abbreviation: string, dcis: string[]): void {
    const subs = dcis.map((d) => this.substances.get(foldKey(d))).filter((s): s is Substance => !!s);
    if (subs.length === 0) return;
    this.add({
      kind: 'abbreviation', name: abbreviation, tokens: [], caseRule: 'exact',
      substance: subs.length === 1 ? subs[0] : undefined, ambiguous: subs.length > 1 ? subs : undefined,
    });
  }

  private add(entry: NameEntry, key = foldKey(entry.name)): void {
    entry.key = key;
    entry.tokens = nameTokens(entry.name, key);
    if (entry.tokens.length === 0) return;
    let path = entry.tokens[0];
    for (let i = 1; i < entry.tokens.length; i++) {
      this.prefixes.add(path);
      path += ` ${entry.tokens[i]}`;
    }
    const list = this.byPath.get(path);
    if (list) list.push(entry); else this.byPath.set(path, [entry]);
    this.entries.push(entry);
  }

  /**
   * What a folded word is, in one lookup: STARTS_NAME (some name starts with it), COMMON_WORD (an
   * ordinary French word), both, or 0. The analysis asks this once per token.
   */
  classify(key: string): number {
    // Words seen in documents, in a small map that stays in the processor's cache; the full tables
    // (22,000 common words, every name's first token) are asked once per distinct word.
    let c = this.seen.get(key);
    if (c === undefined) {
      c = (this.commonWords.has(key) ? COMMON_WORD : 0) | (this.byPath.has(key) || this.prefixes.has(key) ? STARTS_NAME : 0);
      if (this.seen.size > 50_000) this.seen.clear();
      this.seen.set(key, c);
    }
    return c;
  }

  /** True when a folded word is, on its own, a name of the lexicon ("heparine"). */
  isName(key: string): boolean {
    return this.byPath.has(key);
  }

  /** Names starting at a token: `step(i)` gives the i-th token key from there, or undefined. */
  walk(step: (i: number) => string | undefined): { length: number; entries: NameEntry[] }[] {
    const found: { length: number; entries: NameEntry[] }[] = [];
    let path = step(0);
    for (let i = 0; path !== undefined; i++) {
      const entries = this.byPath.get(path);
      if (entries) found.push({ length: i + 1, entries });
      if (!this.prefixes.has(path)) break;
      const next = step(i + 1);
      if (next === undefined) break;
      path += ` ${next}`;
    }
    return found;
  }

  substance(dci: string): Substance | undefined {
    return this.byDci.get(dci) ?? this.substances.get(foldKey(dci));
  }

  /** The longest INN stem a folded word ends with, leaving at least 3 letters before it. */
  stemOf(key: string): string | undefined {
    let best: string | undefined;
    for (const [length, stems] of this.stemsByLength) {
      if (key.length < length + 3 || (best && best.length >= length)) continue;
      const tail = key.slice(key.length - length);
      if (stems.has(tail)) best = tail;
    }
    return best;
  }

  trial(name: string): Trial | undefined {
    return this.trials.get(foldKey(name));
  }

  /** Names starting with a prefix, accent- and case-insensitive, best first. */
  complete(prefix: string, limit = 50): NameEntry[] {
    const p = foldKey(prefix);
    if (!p) return [];
    const seen = new Set<string>();
    const out: NameEntry[] = [];
    for (const e of this.entries) {
      if (e.kind === 'abbreviation' || e.kind === 'class') continue;
      const key = e.key ?? foldKey(e.name);
      if (!key.startsWith(p) || seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
    const rank = (e: NameEntry) => (e.kind === 'substance' && e.name === e.substance?.dci ? 0 : e.kind === 'brand' ? 1 : e.kind === 'trial' ? 2 : 3);
    out.sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'fr'));
    return out.slice(0, limit);
  }
}

/** Plain-ASCII, lower-case form used for edit distances. */
export function spellingKey(word: string): string {
  return stripAccents(word).toLowerCase();
}
