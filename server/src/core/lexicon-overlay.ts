/**
 * The project's own data (`.medlint.json` `data`: drugs, ranges, trials) laid over the lexicon, pure: the built
 * index is not touched. The project's records are compiled into a small lexicon of their own (the same
 * compileLookup); the overlay answers every lookup from both, so that every rule, card and completion knows
 * them. « Le zorblimab à 80 mg/j » with a project range of 10–40 mg/j → dose-above-max citing the project's source.
 *
 * Word ids: the base vocabulary's, then the project's new words after them (id = base size + project id).
 * A name is walked in both tries; spelling suggestions search both spelling tables; the project's ranges (and
 * names) for a drug the base knows are added to it.
 */
import type { Brand, CompiledIndex, DoseRange, SourceRef, Substance, Trial } from './index-types';
import { Lexicon, NameEntry } from './lexicon';
import type { NameKind } from './lookup-build';
import { Vocabulary } from './vocabulary';
import { foldKey } from './normalize';

export interface ProjectSource { type: string; title: string; url: string; cis?: string; section?: string; bdpmUrl?: string; nct?: string }
export interface ProjectSubstance {
  name: string;
  kind?: string;
  aliases?: string[];
  brands?: string[];
  drugClass?: string;
  atc?: string;
  status?: string;
  description?: string;
  source: ProjectSource;
}
export interface ProjectTrial {
  name: string; aliases: string[]; nct?: string; phase?: string; status?: string;
  conditions: string[]; products: string[]; title?: string; note?: string; source: ProjectSource;
}
/** `.medlint.json` `data`, as validated by config.ts against the data schema. */
export interface ProjectData { substances?: ProjectSubstance[]; ranges?: DoseRange[]; trials?: ProjectTrial[] }

/** The project's records in the index's shapes; ranges of drugs the base knows are kept apart. */
function projectIndex(base: Lexicon, data: ProjectData): { index: CompiledIndex; extraRanges: Map<string, DoseRange[]>; problems: string[] } {
  const substances: Substance[] = (data.substances ?? []).map((p) => ({
    dci: p.name, aliases: p.aliases ?? [], brands: p.brands ?? [], cisCount: 0, cis: [], ranges: [], origin: 'project',
    source: p.source as SourceRef, ...(p.drugClass ? { drugClass: p.drugClass } : {}), ...(p.atc ? { atc: [p.atc] } : {}),
    ...(p.status ? { status: p.status } : {}), ...(p.description ? { description: p.description } : {}),
  }));
  const own = new Map(substances.map((s) => [foldKey(s.dci), s]));
  const extraRanges = new Map<string, DoseRange[]>();
  const problems: string[] = [];
  (data.ranges ?? []).forEach((r, i) => {
    const mine = own.get(foldKey(r.substance));
    if (mine) mine.ranges.push(r);
    else if (base.substance(r.substance)) {
      const dci = base.substance(r.substance)!.dci;
      extraRanges.set(dci, [...(extraRanges.get(dci) ?? []), r]);
    } else problems.push(`data.ranges.${i} : « ${r.substance} » n’est ni un médicament du projet (data.substances) ni un médicament connu ; fourchette ignorée`);
  });
  const brands: Brand[] = substances.flatMap((s) => s.brands.map((name) => ({
    name, substances: [s.dci], cis: [], forms: [], routes: [], conditions: [], origin: 'project' as const, source: s.source,
  })));
  const trials: Trial[] = (data.trials ?? []).map(({ note: _, ...t }) => ({ ...t, source: t.source as SourceRef }));
  const meta = { ...base.meta, counts: { substances: substances.length, brands: brands.length, trials: trials.length } };
  return { index: { meta, substances, brands, trials, abbreviations: [], commonWords: [], innStems: [], companies: [] }, extraRanges, problems };
}

/** The base vocabulary, then the project's words it lacks (ids after the base's). */
class OverlayVocabulary extends Vocabulary {
  constructor(private readonly base: Vocabulary, private readonly own: Vocabulary) {
    super('', new Int32Array(1), new Int32Array(3));
  }

  override get size(): number {
    return this.base.size + this.own.size;
  }

  override word(id: number): string {
    return id < this.base.size ? this.base.word(id) : this.own.word(id - this.base.size);
  }

  override find(h: number, h2: number): number {
    const id = this.base.find(h, h2);
    if (id >= 0) return id;
    const mine = this.own.find(h, h2);
    return mine < 0 ? -1 : this.base.size + mine;
  }
}

export class LexiconOverlay extends Lexicon {
  override readonly meta: Lexicon['meta'];
  override readonly classes: Lexicon['classes'];
  override readonly vocabulary: Vocabulary;
  override readonly wordFlags: Uint8Array;
  /** Overlay word id → the project lexicon's word id (-1: none). */
  private readonly toOwn: (id: number) => number;
  private readonly merged = new Map<string, Substance>();
  private allEntries?: NameEntry[];

  constructor(readonly base: Lexicon, readonly own: Lexicon, private readonly extraRanges: Map<string, DoseRange[]>) {
    super({ meta: base.meta, substances: [], brands: [], trials: [], abbreviations: [], commonWords: [], innStems: [] });
    this.meta = base.meta;
    this.classes = base.classes;
    this.vocabulary = new OverlayVocabulary(base.vocabulary, own.vocabulary);
    const n = base.vocabulary.size;
    this.wordFlags = new Uint8Array(this.vocabulary.size);
    this.wordFlags.set(base.wordFlags);
    const inBase = new Map<number, number>();
    for (let id = 0; id < own.vocabulary.size; id++) {
      const b = base.vocabulary.idOf(own.vocabulary.word(id));
      this.wordFlags[n + id] = own.wordFlags[id];
      if (b >= 0) {
        this.wordFlags[b] |= own.wordFlags[id];
        inBase.set(b, id);
      }
    }
    this.toOwn = (id) => (id < 0 ? -1 : id >= n ? id - n : inBase.get(id) ?? -1);
  }

  override get index(): CompiledIndex {
    const b = this.base.index, o = this.own.index;
    return { ...b, substances: [...b.substances.map((s) => this.substance(s.dci) ?? s), ...o.substances], brands: [...b.brands, ...o.brands], trials: [...b.trials, ...o.trials] };
  }

  override get spelling() {
    return this.base.spelling;
  }

  /** Spelling suggestions from the shipped names and the project's. */
  override spellingSources(): Lexicon[] {
    return [this.base, this.own];
  }

  /** Every name: the base's, then the project's. */
  override get entries(): NameEntry[] {
    return (this.allEntries ??= [...this.base.entries, ...this.own.entries]);
  }

  /** In `entries` order (the spelling tables name the base's). */
  override entryAt(k: number): NameEntry {
    const n = this.base.nameCount;
    return k < n ? this.base.entryAt(k) : this.own.entryAt(k - n);
  }

  override classify(key: string): number {
    const id = this.vocabulary.idOf(key);
    return id < 0 ? 0 : this.wordFlags[id];
  }

  override isName(key: string): boolean {
    return this.base.isName(key) || this.own.isName(key);
  }

  /** Names of both lexicons starting at a token, shortest first; a length both have lists both's names. */
  override walk(step: (i: number) => number): { length: number; entries: NameEntry[] }[] {
    const n = this.base.vocabulary.size;
    const found = this.base.walk((i) => { const id = step(i); return id >= n ? -1 : id; });
    for (const m of this.own.walk((i) => this.toOwn(step(i)))) {
      const same = found.find((f) => f.length === m.length);
      if (same) same.entries = [...same.entries, ...m.entries];
      else found.push(m);
    }
    return found.sort((a, b) => a.length - b.length);
  }

  /**
   * The project's drug, or the base's with what the project adds to it (first): its ranges, and the names of a
   * project entry that names a drug MedLint knows.
   */
  override substance(dci: string): Substance | undefined {
    const mine = this.own.substance(dci);
    const s = this.base.substance(dci);
    if (!s) return mine;
    const extra = [...(mine?.ranges ?? []), ...(this.extraRanges.get(s.dci) ?? [])];
    if (!mine && !extra.length) return s;
    let merged = this.merged.get(s.dci);
    if (!merged) {
      const names = (ours: string[] | undefined, theirs: string[]) => [...new Set([...theirs, ...(ours ?? [])])];
      merged = { ...s, ranges: [...extra, ...s.ranges], aliases: names(mine?.aliases, s.aliases), brands: names(mine?.brands, s.brands) };
      this.merged.set(s.dci, merged);
    }
    return merged;
  }

  override brand(name: string): Brand | undefined {
    return this.own.brand(name) ?? this.base.brand(name);
  }

  override trial(name: string): Trial | undefined {
    return this.own.trial(name) ?? this.base.trial(name);
  }

  override company(key: string): string | undefined {
    return this.base.company(key);
  }

  override stemOf(key: string): string | undefined {
    return this.base.stemOf(key);
  }

  override abbreviationTargets(ref: number): Substance[] {
    return this.base.abbreviationTargets(ref);
  }

  /** The project's names first (each lexicon ranks its own at build time), then the shipped ones. */
  override complete(prefix: string, limit = 50, cited?: (kind: NameKind, ref: number) => boolean): NameEntry[] {
    const seen = new Set<string>();
    // The project's entries numbered as entryAt numbers them (after the base's), for completionItem/resolve.
    const n = this.base.nameCount;
    const own = this.own.complete(prefix, limit).map((e) => new NameEntry(this.own, e.kind, e.name, e.key, e.tokens, e.caseRule, e.ref, e.weight, n + e.index));
    const all = [...own, ...this.base.complete(prefix, limit, cited)].filter((e) => !seen.has(e.key) && seen.add(e.key));
    return all.slice(0, limit);
  }
}

const overlays = new WeakMap<Lexicon, WeakMap<ProjectData, { lexicon: Lexicon; problems: string[] }>>();

/**
 * The lexicon with a project's data over it, and what of the data could not be used; one overlay per base and
 * data object (the configuration keeps its data object while its file is unchanged).
 */
export function withProjectData(base: Lexicon, data: ProjectData | undefined): { lexicon: Lexicon; problems: string[] } {
  if (!data) return { lexicon: base, problems: [] };
  let byData = overlays.get(base);
  if (!byData) overlays.set(base, (byData = new WeakMap()));
  let hit = byData.get(data);
  if (!hit) {
    const { index, extraRanges, problems } = projectIndex(base, data);
    byData.set(data, (hit = { lexicon: new LexiconOverlay(base, new Lexicon(index), extraRanges), problems }));
  }
  return hit;
}
