/**
 * The compiled index, ready for lookups: every name (DCI, alias, brand, trial, abbreviation, class) by its
 * path of folded words, for longest-match search over a text's tokens, and accent-insensitive prefix search.
 *
 * Loading does as little as it can: the lookup tables are flat arrays (`Lookup`), a record is parsed from
 * its JSON text when first used, and a name's entry object is made when first found.
 */
import type { Brand, CompiledIndex, DrugClassEntry, IndexHeader, IndexMeta, Lookup, Substance, Trial } from './index-types';
import { foldKey } from './normalize';
import { Vocabulary } from './vocabulary';
import { KeyTable } from './key-table';
import { compileLookup, COMMON_WORD, KINDS, RULES, type CaseRule, type NameKind } from './lookup-build';

export { STARTS_NAME, COMMON_WORD, type CaseRule, type NameKind } from './lookup-build';

/** An index file as load.ts reads it: its header, its lookup tables, and a reader of its records. */
export type LoadedIndex = Pick<IndexHeader, 'format' | 'meta' | 'counts' | 'classes' | 'abbreviations' | 'innStems' | 'companies'> & {
  lookup: Lookup;
  /** The JSON text of record n (substances, then brands, then trials). */
  record: (n: number) => string;
};

/** Records given as objects, or as lines of JSON parsed on first use. */
class Records<T> {
  private readonly items: (T | undefined)[];

  constructor(given: T[] | undefined, private readonly read?: (n: number) => string, private readonly first = 0, count = given?.length ?? 0) {
    this.items = given ? [...given] : new Array<T | undefined>(count);
  }

  at(i: number): T {
    let item = this.items[i];
    if (item === undefined) {
      item = JSON.parse(this.read!(this.first + i)) as T;
      this.items[i] = item;
    }
    return item;
  }

  all(): T[] {
    return Array.from(this.items, (_, i) => this.at(i));
  }
}

/** One name of the lexicon; the record it names is read when asked for. */
export class NameEntry {
  constructor(
    private readonly lexicon: Lexicon,
    readonly kind: NameKind,
    /** The name as written in the data. */
    readonly name: string,
    /** Folded name (lookup and completion key). */
    readonly key: string,
    /** Its folded words. */
    readonly tokens: string[],
    readonly caseRule: CaseRule,
    /** Index of the record it names in the index's list of its kind. */
    readonly ref: number,
    /** Preference among spelling suggestions (a DCI first, then the most prescribed). */
    readonly weight: number,
    /** Its index in lookup order (`Lexicon.entryAt`). */
    readonly index: number,
  ) {}

  get substance(): Substance | undefined {
    if (this.kind === 'substance') return this.lexicon.substanceAt(this.ref);
    if (this.kind !== 'abbreviation') return undefined;
    const targets = this.lexicon.abbreviationTargets(this.ref);
    return targets.length === 1 ? targets[0] : undefined;
  }

  /** The DCI a substance name stands for, without reading the substance's record. */
  get dci(): string | undefined {
    return this.kind === 'substance' ? this.lexicon.dciAt(this.ref) : this.substance?.dci;
  }

  get brand(): Brand | undefined {
    return this.kind === 'brand' ? this.lexicon.brandAt(this.ref) : undefined;
  }

  get trial(): Trial | undefined {
    return this.kind === 'trial' ? this.lexicon.trialAt(this.ref) : undefined;
  }

  get drugClass(): DrugClassEntry | undefined {
    return this.kind === 'class' ? this.lexicon.classes[this.ref] : undefined;
  }

  /** Abbreviations naming several DCIs: recognised, never silently resolved (unless a combination). */
  get ambiguous(): Substance[] | undefined {
    if (this.kind !== 'abbreviation' || this.lexicon.abbreviationIsCombination(this.ref)) return undefined;
    const targets = this.lexicon.abbreviationTargets(this.ref);
    return targets.length > 1 ? targets : undefined;
  }

  /** An abbreviation of a mixture (MEOPA): each DCI it names together. */
  get combination(): Substance[] | undefined {
    return this.kind === 'abbreviation' && this.lexicon.abbreviationIsCombination(this.ref) ? this.lexicon.abbreviationTargets(this.ref) : undefined;
  }
}

export class Lexicon {
  readonly meta: IndexMeta;
  readonly classes: DrugClassEntry[];
  readonly vocabulary: Vocabulary;
  /** STARTS_NAME and COMMON_WORD bits by word id. */
  readonly wordFlags: Uint8Array;
  private readonly lookup: Lookup;
  private readonly substances: Records<Substance>;
  private readonly brands: Records<Brand>;
  private readonly trials: Records<Trial>;
  private readonly abbreviations: CompiledIndex['abbreviations'];
  private readonly innStems: string[];
  private readonly companyList: CompiledIndex['companies'];
  private companies?: Map<string, string>;
  private readonly names: (NameEntry | undefined)[];
  private readonly namesAtNode: (NameEntry[] | undefined)[];
  /** Record indexes by DCI, and by folded DCI, brand and trial name. */
  private readonly tables: Record<'byDci' | 'substances' | 'brands' | 'trials', KeyTable>;
  private all?: NameEntry[];
  /** INN stems by length, for a suffix lookup per length instead of a scan of every stem. */
  private readonly stemsByLength = new Map<number, Set<string>>();

  /** From a loaded index file, or from plain records (tests, the data build), whose lookup is compiled here. */
  constructor(index: CompiledIndex | LoadedIndex) {
    this.meta = index.meta;
    this.classes = index.classes ?? [];
    if ('format' in index) {
      const { counts, record } = index;
      this.lookup = index.lookup;
      this.substances = new Records<Substance>(undefined, record, 0, counts.substances);
      this.brands = new Records<Brand>(undefined, record, counts.substances, counts.brands);
      this.trials = new Records<Trial>(undefined, record, counts.substances + counts.brands, counts.trials);
    } else {
      this.lookup = compileLookup(index);
      this.substances = new Records<Substance>(index.substances);
      this.brands = new Records<Brand>(index.brands);
      this.trials = new Records<Trial>(index.trials);
    }
    this.abbreviations = index.abbreviations;
    this.innStems = index.innStems;
    this.companyList = index.companies ?? [];
    const l = this.lookup;
    this.tables = {
      byDci: new KeyTable(l.dcis, l.dciStarts, l.dciOrder), substances: new KeyTable(l.substanceKeys, l.substanceKeyStarts, l.substanceKeyOrder),
      brands: new KeyTable(l.brandKeys, l.brandKeyStarts, l.brandKeyOrder), trials: new KeyTable(l.trialKeys, l.trialKeyStarts, l.trialKeyOrder),
    };
    this.vocabulary = new Vocabulary(this.lookup.words, this.lookup.wordStarts, this.lookup.slots);
    this.wordFlags = this.lookup.wordFlags;
    this.names = new Array<NameEntry | undefined>(this.lookup.nameOffsets.length);
    this.namesAtNode = new Array<NameEntry[] | undefined>(this.lookup.nodes.length / 4);
    for (const stem of index.innStems) {
      const set = this.stemsByLength.get(stem.length) ?? new Set<string>();
      set.add(stem);
      this.stemsByLength.set(stem.length, set);
    }
  }

  /** The whole index as records (every record parsed): for the CLI's data commands and tests. */
  get index(): CompiledIndex {
    const commonWords: string[] = [];
    for (let id = 0; id < this.vocabulary.size; id++) if (this.wordFlags[id] & COMMON_WORD) commonWords.push(this.vocabulary.word(id));
    return {
      meta: this.meta, substances: this.substances.all(), brands: this.brands.all(), trials: this.trials.all(), classes: this.classes,
      abbreviations: this.abbreviations, commonWords, innStems: this.innStems, companies: this.companyList,
    };
  }

  substanceAt(i: number): Substance {
    return this.substances.at(i);
  }

  brandAt(i: number): Brand {
    return this.brands.at(i);
  }

  trialAt(i: number): Trial {
    return this.trials.at(i);
  }

  dciAt(i: number): string {
    return this.tables.byDci.key(i);
  }

  abbreviationTargets(ref: number): Substance[] {
    return this.abbreviations[ref].dci.map((d) => this.substance(d)).filter((s): s is Substance => !!s);
  }

  abbreviationIsCombination(ref: number): boolean {
    return this.abbreviations[ref].combination === true;
  }

  /** The spelling-suggestion tables (see `Lookup`). */
  get spelling(): Pick<Lookup, 'spellKeys' | 'spellStarts' | 'spellNames' | 'deletionHashes' | 'deletionCandidates' | 'soundHashes' | 'soundCandidates'> {
    return this.lookup;
  }

  /** The lexicons whose spelling tables suggest names (see suggest.ts): this one; an overlay adds its project's. */
  spellingSources(): Lexicon[] {
    return [this];
  }

  /** Every name, in lookup order. */
  get entries(): NameEntry[] {
    return (this.all ??= Array.from(this.names, (_, k) => this.entryAt(k)));
  }

  /** How many names the lexicon holds (entryAt's range). */
  get nameCount(): number {
    return this.names.length;
  }

  /** The name of index k in lookup order (made when first asked). */
  entryAt(k: number): NameEntry {
    let entry = this.names[k];
    if (!entry) {
      const l = this.lookup, at = l.nameOffsets[k], t = l.nameTable;
      const tokens: string[] = [];
      for (let i = 0; i < t[at + 4]; i++) tokens.push(this.vocabulary.word(t[at + 5 + i]));
      entry = new NameEntry(this, KINDS[t[at]], l.names.slice(l.nameStarts[k], l.nameStarts[k + 1] - 1),
        l.keys.slice(l.keyStarts[k], l.keyStarts[k + 1] - 1), tokens, RULES[t[at + 1]], t[at + 2], t[at + 3], k);
      this.names[k] = entry;
    }
    return entry;
  }

  /** The names ending at a trie node. */
  private namesOf(node: number): NameEntry[] {
    let list = this.namesAtNode[node];
    if (!list) {
      const l = this.lookup, first = l.nodes[node * 4 + 2], count = l.nodes[node * 4 + 3];
      list = [];
      for (let i = 0; i < count; i++) list.push(this.entryAt(l.nodeNames[first + i]));
      this.namesAtNode[node] = list;
    }
    return list;
  }

  private child(node: number, id: number): number {
    const l = this.lookup, first = l.nodes[node * 4], count = l.nodes[node * 4 + 1];
    for (let i = first; i < first + count; i++) if (l.children[2 * i] === id) return l.children[2 * i + 1];
    return -1;
  }

  /** What a folded word is: STARTS_NAME (some name starts with it), COMMON_WORD (an ordinary word), both, or 0. */
  classify(key: string): number {
    const id = this.vocabulary.idOf(key);
    return id < 0 ? 0 : this.wordFlags[id];
  }

  /** True when a folded word is, on its own, a name of the lexicon ("heparine"). */
  isName(key: string): boolean {
    const id = this.vocabulary.idOf(key);
    const node = id < 0 ? -1 : this.lookup.heads[id] - 1;
    return node >= 0 && this.lookup.nodes[node * 4 + 3] > 0;
  }

  /** Names starting at a token: `step(i)` gives the word id of the i-th token from there, or -1. */
  walk(step: (i: number) => number): { length: number; entries: NameEntry[] }[] {
    const found: { length: number; entries: NameEntry[] }[] = [];
    const first = step(0);
    const nodes = this.lookup.nodes;
    let node = first < 0 ? -1 : this.lookup.heads[first] - 1;
    for (let i = 1; node >= 0; i++) {
      if (nodes[node * 4 + 3] > 0) found.push({ length: i, entries: this.namesOf(node) });
      if (nodes[node * 4 + 1] === 0) break;
      const id = step(i);
      node = id < 0 ? -1 : this.child(node, id);
    }
    return found;
  }

  /** A substance by its DCI as the index writes it, or by any spelling that folds to it. */
  substance(dci: string): Substance | undefined {
    const i = this.tables.byDci.find(dci) ?? this.tables.substances.find(foldKey(dci));
    return i === undefined ? undefined : this.substances.at(i);
  }

  brand(name: string): Brand | undefined {
    const i = this.tables.brands.find(foldKey(name));
    return i === undefined ? undefined : this.brands.at(i);
  }

  trial(name: string): Trial | undefined {
    const i = this.tables.trials.find(foldKey(name));
    return i === undefined ? undefined : this.trials.at(i);
  }

  /** The marketing-authorisation holder a folded word names (« idorsia » → IDORSIA PHARMACEUTICALS…), if any. */
  company(key: string): string | undefined {
    this.companies ??= new Map((this.companyList ?? []).map((c) => [foldKey(c.name), c.holder]));
    return this.companies.get(key);
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

  /**
   * Names starting with a prefix, accent- and case-insensitive, best first: those `cited` says the document
   * already names, then by the rank the data build gave them. One per trial (« OPERA-2 » → OPERA II).
   */
  complete(prefix: string, limit = 50, cited?: (kind: NameKind, ref: number) => boolean): NameEntry[] {
    const p = foldKey(prefix);
    if (!p) return [];
    const { completionItems: items, completionRanks: ranks, nameTable, nameOffsets } = this.lookup;
    const best: { item: number; score: number }[] = [];
    for (let j = this.completionBound(p), end = this.completionBound(`${p}\uffff`); j < end; j++) {
      const item = items[j], at = nameOffsets[item];
      const score = ranks[j] + (cited?.(KINDS[nameTable[at]], nameTable[at + 2]) ? 0 : items.length);
      if (best.length === limit && score >= best[limit - 1].score) continue;
      if (best.some((b) => b.item === item)) continue;
      let i = best.length;
      while (i > 0 && best[i - 1].score > score) i--;
      best.splice(i, 0, { item, score });
      if (best.length > limit) best.pop();
    }
    return best.map((b) => this.entryAt(b.item));
  }

  /** The first position of the completion table whose folded key is not before `key`. */
  private completionBound(key: string): number {
    const { completionNames: order, keys, keyStarts } = this.lookup;
    let lo = 0, hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1, k = order[mid];
      if (keys.slice(keyStarts[k], keyStarts[k + 1] - 1) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
