/**
 * Shape of the compiled index (dist/medlint-index.bin) written by the data
 * build and read by the analysis core. Plain data, no behaviour.
 */

export type Unit = 'mg' | 'µg' | 'g' | 'UI' | '%' | 'mL' | 'L' | 'mmol' | 'mEq';
export type RangeBasis = 'day' | 'intake' | 'week' | 'month' | 'hour' | 'minute' | 'infusion' | 'injection' | 'application' | 'cycle';

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
  /** The RCP's starting (initiation), maintenance or loading (charge) dose as its own range. */
  phase?: 'initiation' | 'entretien' | 'charge';
  /** A cap (« 2 mg maximum par injection »): only the maximum is compared. */
  maxOnly?: boolean;
  source: SourceRef;
}

/**
 * The strongest marketed unit of a substance by route (BDPM CIS_COMPO + CIS_bdpm): what the plausibility
 * envelope reasons from when no curated range covers a dose. « aucune présentation ne dépasse 240 mg par comprimé ».
 */
export interface Strength {
  route: string;
  /** The unit counted: comprimé, gélule, flacon… or « patch » for a rate per hour. */
  form: string;
  amount: number;
  unit: Unit;
  /** Per unit (tablet, vial), or per hour for a patch. */
  per: 'unit' | 'hour';
  /** The spécialité that has it. */
  name: string;
  cis: string;
}

/**
 * A drug's standing where it is not sold in France: an EMA product authorised, withdrawn or refused in the EU
 * (« autorisé dans l'UE (EMA, 2018-07-26), non commercialisé en France »), or a curated drug authorised elsewhere
 * or in development.
 */
export interface WorldStatus {
  status: 'authorised' | 'withdrawn' | 'refused' | 'not-marketed' | 'in-development' | 'no-longer-marketed';
  /** EMA: the marketing authorisation date; curated: the date of the fact `detail` states. */
  date?: string;
  /** The EU product (EMA). */
  product?: string;
  /** Curated: where it is authorised, or how far its development is, in French. */
  detail?: string;
  /** The EPAR page, or the curated source's address. */
  url: string;
  /** « EMA », or the curated source's title. */
  source: string;
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
  /** The strongest marketed unit per route, for the plausibility envelope. */
  strengths?: Strength[];
  /** A common word or endogenous molecule: a mention only when a dose follows. */
  needsDose?: boolean;
  origin: 'bdpm' | 'curated' | 'atc-lexicon' | 'ema' | 'project';
  source?: SourceRef;
  /** Not sold in France: its status in the EU (EMA) or elsewhere (curated). */
  world?: WorldStatus;
  /** Names among `aliases` that are English or North-American (« pregabalin », « acetaminophen »), per a source. */
  english?: string[];
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
  /**
   * The first word of longer brands, made a brand of its own (SYMBICORT of SYMBICORT TURBUHALER…): it may be a
   * word the word list lacks (« Dialyse », « Helicobacter »), so it counts in capitals or with ® only, even where a drug stands.
   */
  firstWord?: boolean;
  origin: 'bdpm' | 'curated' | 'ema' | 'project';
  source?: SourceRef;
  /** A product not sold in France: its EU status (EMA) or curated status. */
  world?: WorldStatus;
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
  /** `combination`: the abbreviation names all its DCIs together (MEOPA: oxygène + protoxyde d'azote); else several DCIs are ambiguous. */
  abbreviations: { abbreviation: string; dci: string[]; combination?: boolean }[];
  /** Words never reported as unknown drugs (ordinary French words, from ROMEDI). */
  commonWords: string[];
  /** INN stems (suffixes) that make an unknown word drug-like. */
  innStems: string[];
  /** Pharmaceutical companies (BDPM marketing-authorisation holders): their own name, and the holder. */
  companies?: { name: string; holder: string }[];
}

export interface DrugClassEntry {
  name: string;
  aliases: string[];
  atc?: string[];
  /** DCIs of the index in the class, most prescribed first. */
  members: string[];
  source: { type: string; title: string; url: string };
}

/**
 * A list's text, cut by offsets: a string (compiled from records), or the index file's bytes, each piece
 * decoded when cut (load.ts), so that a start decodes none of the 1.1 million characters it does not use.
 */
export interface Text {
  slice(start: number, end: number): string;
}

/**
 * The lexicon's lookup tables (built by `compileLookup`): flat typed arrays, so that the shipped index
 * loads them without building one object per word or name. Word ids number `words`; a name's words are
 * a path in a trie of word ids.
 */
export interface Lookup {
  /** Every folded word (ordinary words, each token of each name), joined by line breaks… */
  words: Text;
  /** …where word `id` spans [wordStarts[id], wordStarts[id + 1] - 1). */
  wordStarts: Int32Array;
  /** STARTS_NAME (1), COMMON_WORD (2) and IN_NAME (4) bits by word id. */
  wordFlags: Uint8Array;
  /** Open-addressing hash table (linear probing on the first hash): per slot, word id + 1 (0: empty) and its two hashes (`hashesOf`). */
  slots: Int32Array;
  /** Each name as written, and its folded key, joined by line breaks, with their starts (as for words). */
  names: Text;
  nameStarts: Int32Array;
  keys: Text;
  keyStarts: Int32Array;
  /** Per name, from nameTable[nameOffsets[k]]: kind, case rule, record index, spelling weight, word count, word ids. */
  nameTable: Int32Array;
  nameOffsets: Int32Array;
  /** Trie node + 1 of the names starting with each word id, 0 for none. */
  heads: Int32Array;
  /** Per node, four cells: first child, child count (in `children`), first name, name count (in `nodeNames`). */
  nodes: Int32Array;
  /** Children as (word id, node) pairs. */
  children: Int32Array;
  nodeNames: Int32Array;
  /**
   * Spelling suggestions: the candidates' spelling keys (`spellingKey`, line-break-joined, with their
   * starts) and the name each stands for; the hashes (`hashOf`) of every key with one letter or none deleted,
   * sorted, with the candidate each comes from.
   */
  spellKeys: Text;
  spellStarts: Int32Array;
  spellNames: Int32Array;
  deletionHashes: Int32Array;
  deletionCandidates: Int32Array;
  /** The hashes of the candidates' French sound keys (`soundKey`), sorted, with the candidate each comes from. */
  soundHashes: Int32Array;
  soundCandidates: Int32Array;
  /**
   * Line-break-joined, in record order, with their starts: each substance's DCI, and the folded keys of
   * DCIs, brand names and trial names; and the record indexes ordered by each (see key-table.ts).
   */
  dcis: Text;
  dciStarts: Int32Array;
  dciOrder: Int32Array;
  substanceKeys: Text;
  substanceKeyStarts: Int32Array;
  substanceKeyOrder: Int32Array;
  brandKeys: Text;
  brandKeyStarts: Int32Array;
  brandKeyOrder: Int32Array;
  trialKeys: Text;
  trialKeyStarts: Int32Array;
  trialKeyOrder: Int32Array;
  /**
   * Completion, ordered at data-build time: the names a writer may complete (no abbreviation or class, one
   * per folded key) sorted by folded key (code-unit order, for a binary search on the prefix); per position,
   * the item it stands for (a trial's aliases stand for its name: one item per trial) and that item's rank
   * (0 first: a DCI, then a brand, a trial, an alias; the most used first; the shorter; French order).
   */
  completionNames: Int32Array;
  completionItems: Int32Array;
  completionRanks: Int32Array;
}

type TypedKeys = { [K in keyof Lookup]: Lookup[K] extends Text ? never : K }[keyof Lookup];

/** The index file's format number: a file of another one is refused (« relancez npm run build:data »). */
export const INDEX_FORMAT = 5;
/** Every part of the binary section starts at a multiple of this many bytes (typed-array views need it). */
export const INDEX_ALIGN = 8;

/**
 * The first line of the index file (dist/medlint-index.bin, read by load.ts, written by
 * data/build/index-writer.ts): a JSON object padded with spaces so that the binary part after it starts at a
 * multiple of INDEX_ALIGN. The binary part holds the lookup's typed arrays (raw little-endian), its strings
 * (Latin-1 or UTF-16) and the records' start offsets (Int32); the records follow, one JSON line each (Latin-1, other
 * characters as \u escapes). Every offset below is in bytes from the start of the binary part.
 */
export interface IndexHeader {
  format: typeof INDEX_FORMAT;
  meta: IndexMeta;
  counts: { substances: number; brands: number; trials: number };
  classes?: DrugClassEntry[];
  abbreviations: CompiledIndex['abbreviations'];
  innStems: string[];
  companies?: CompiledIndex['companies'];
  /** Where the binary part starts in the file (a multiple of INDEX_ALIGN). */
  binaryStart: number;
  /**
   * The lookup's strings: byte offset, byte length and encoding, Latin-1 when every character fits, else
   * UTF-16 little-endian: both are decoded by a plain copy (UTF-8 with accents is not).
   */
  strings: { [K in Exclude<keyof Lookup, TypedKeys>]: [offset: number, bytes: number, encoding: 'latin1' | 'utf16le'] };
  /** Each typed array: byte offset, element count, element type. */
  arrays: { [K in TypedKeys]: [offset: number, length: number, type: 'i32' | 'u8'] };
  /** Int32 offsets of the records from the start of the records part, one per record and one past the end. */
  recordStarts: [offset: number, length: number];
  /** Bytes of the binary part; the records start right after it. */
  binaryBytes: number;
}
