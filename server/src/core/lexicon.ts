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

  /** Abbreviations naming several DCIs: recognised, never silently resolved. */
  get ambiguous(): Substance[] | undefined {
    if (this.kind !== 'abbreviation') return undefined;
    const targets = this.lexicon.abbreviationTargets(this.ref);
    return targets.length > 1 ? targets : undefined;
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
  /** Record indexes by DCI, and by folded DCI, brand and trial name: made when first asked. */
  private readonly maps: Partial<Record<'byDci' | 'substances' | 'brands' | 'trials', Map<string, number>>> = {};
  private dcis?: string[];
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
    return (this.dcis ??= this.lookup.dcis.split('\n'))[i];
  }

  abbreviationTargets(ref: number): Substance[] {
    return this.abbreviations[ref].dci.map((d) => this.substance(d)).filter((s): s is Substance => !!s);
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

  /** The name of index k in lookup order (made when first asked). */
  entryAt(k: number): NameEntry {
    let entry = this.names[k];
    if (!entry) {
      const l = this.lookup, at = l.nameOffsets[k], t = l.nameTable;
      const tokens: string[] = [];
      for (let i = 0; i < t[at + 4]; i++) tokens.push(this.vocabulary.word(t[at + 5 + i]));
      entry = new NameEntry(this, KINDS[t[at]], l.names.slice(l.nameStarts[k], l.nameStarts[k + 1] - 1),
        l.keys.slice(l.keyStarts[k], l.keyStarts[k + 1] - 1), tokens, RULES[t[at + 1]], t[at + 2], t[at + 3]);
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

  private map(which: keyof Lexicon['maps']): Map<string, number> {
    const text = { byDci: this.lookup.dcis, substances: this.lookup.substanceKeys, brands: this.lookup.brandKeys, trials: this.lookup.trialKeys }[which];
    return (this.maps[which] ??= new Map(text.split('\n').map((k, i) => [k, i])));
  }

  /** A substance by its DCI as the index writes it, or by any spelling that folds to it. */
  substance(dci: string): Substance | undefined {
    const i = this.map('byDci').get(dci) ?? this.map('substances').get(foldKey(dci));
    return i === undefined ? undefined : this.substances.at(i);
  }

  brand(name: string): Brand | undefined {
    const i = this.map('brands').get(foldKey(name));
    return i === undefined ? undefined : this.brands.at(i);
  }

  trial(name: string): Trial | undefined {
    const i = this.map('trials').get(foldKey(name));
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

  /** Names starting with a prefix, accent- and case-insensitive, best first. */
  complete(prefix: string, limit = 50): NameEntry[] {
    const p = foldKey(prefix);
    if (!p) return [];
    const seen = new Set<string>();
    const out: NameEntry[] = [];
    for (const e of this.entries) {
      if (e.kind === 'abbreviation' || e.kind === 'class') continue;
      if (!e.key.startsWith(p) || seen.has(e.key)) continue;
      seen.add(e.key);
      out.push(e);
    }
    return Lexicon.rankCompletions(out).slice(0, limit);
  }

  /** Completions best first: a DCI, a brand, a trial, another name; shorter first, then in French order. */
  static rankCompletions(entries: NameEntry[]): NameEntry[] {
    const rank = (e: NameEntry) => (e.kind === 'substance' && e.name === e.dci ? 0 : e.kind === 'brand' ? 1 : e.kind === 'trial' ? 2 : 3);
    return entries.sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.name.localeCompare(b.name, 'fr'));
  }
}
