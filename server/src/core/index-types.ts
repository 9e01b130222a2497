/**
 * Shape of the compiled index (dist/medlint-index.json) written by the data
 * build and read by the analysis core. Plain data, no behaviour.
 */

export type Unit = 'mg' | 'µg' | 'g' | 'UI' | '%' | 'mL';
export type RangeBasis = 'day' | 'intake' | 'week' | 'infusion' | 'injection' | 'application' | 'cycle';

export interface SourceRef {
  type: string;
  title: string;
  url: string;
  cis?: string;
  section?: string;
  bdpmUrl?: string;
  nct?: string;
}

export interface DoseRange {
  substance: string;
  context: string;
  route: string;
  population: 'adulte';
  min: number;
  max: number;
  unit: Unit;
  per: RangeBasis;
  perWeight?: 'kg' | 'm2';
  interval?: string;
  note?: string;
  source: SourceRef;
}

export interface Substance {
  /** French DCI, lower case with accents: the id writers and gold use. */
  dci: string;
  /** Other written forms (salts, English INN, former names, abbreviations). */
  aliases: string[];
  /** Brand names (keys into `brands`). */
  brands: string[];
  atc?: string[];
  drugClass?: string;
  status?: string;
  description?: string;
  /** Number of BDPM spécialités containing it, and a few of their CIS codes. */
  cisCount: number;
  cis: string[];
  ranges: DoseRange[];
  /** A common word or endogenous molecule: a mention only when a dose follows. */
  needsDose?: boolean;
  origin: 'bdpm' | 'curated' | 'atc-lexicon';
  source?: SourceRef;
}

export interface Brand {
  name: string;
  substances: string[];
  cis: string[];
  forms: string[];
  routes: string[];
  conditions: string[];
  /** A brand whose name is also an ordinary word: needs capitals or ®. */
  needsMark?: boolean;
  origin: 'bdpm' | 'curated';
  source?: SourceRef;
}

export interface Trial {
  name: string;
  aliases: string[];
  nct?: string;
  phase?: string;
  status?: string;
  conditions: string[];
  products: string[];
  title?: string;
  source: SourceRef;
}

export interface IndexMeta {
  bdpmDate: string;
  builtAt: string;
  counts: Record<string, number>;
}

export interface CompiledIndex {
  meta: IndexMeta;
  substances: Substance[];
  brands: Brand[];
  trials: Trial[];
  /** Drug classes as writers name them (hover only, never a diagnostic). */
  classes?: DrugClassEntry[];
  /** Abbreviations (IgIV, MTX…); several DCIs = ambiguous, never resolved silently. */
  abbreviations: { abbreviation: string; dci: string[] }[];
  /** Words never reported as unknown drugs (ordinary French words, from ROMEDI). */
  commonWords: string[];
  /** INN stems (suffixes) that make an unknown word drug-like. */
  innStems: string[];
}

export interface DrugClassEntry {
  name: string;
  aliases: string[];
  atc?: string[];
  /** DCIs of the index in the class, most prescribed first. */
  members: string[];
  source: { type: string; title: string; url: string };
}
