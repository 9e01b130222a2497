/**
 * Drug, brand and trial mentions: longest match of the lexicon's names over
 * the prose's word tokens, tolerant of case, accents, hyphens and spaces,
 * with the case rules of each name (trial acronyms and abbreviations as
 * written; brands that are ordinary words only in capitals or with ®).
 */
import { COMMON_WORD, STARTS_NAME, type Lexicon, type NameEntry } from './lexicon';
import { foldCodes, fromCodes, COMBINING_STAND_IN } from './normalize';
import { afterClassPrefix } from './class-prefixes';
import { inDrugSlot } from './slots';
import { HASH_SEED, HASH2_SEED, hash2Step, hashStep } from './vocabulary';

export interface Token {
  start: number;
  end: number;
  /** Folded form (lower case, no accents). */
  key: string;
  /** The word's id in the lexicon's vocabulary, -1 for a word it does not know. */
  id: number;
  /** The lexicon's class of the word (STARTS_NAME, COMMON_WORD bits); 0 without a lexicon. */
  cls: number;
}

export interface Mention {
  kind: 'drug' | 'trial' | 'class';
  start: number;
  end: number;
  text: string;
  entry: NameEntry;
  /**
   * The DCIs a drug names: one for a substance or a brand of one, each component for a combination brand
   * (« Bactrim® » → triméthoprime, sulfaméthoxazole); none for an ambiguous abbreviation (see `candidates`),
   * a trial or a class. What rules and cards resolve.
   */
  substances: string[];
  /** What a reader is shown: the DCI, « triméthoprime + sulfaméthoxazole », the abbreviation, trial or class name. */
  label: string;
  /** The label, kept for callers written before `label` (never resolve it as a substance: use `substances`). */
  id: string;
  /** For an ambiguous abbreviation: the DCIs it may stand for. */
  candidates?: string[];
  /** A common word (glycine, calcium…): kept only when a dose is attached. */
  needsDose?: boolean;
}

/**
 * What may stand between two words of one name: up to 4 spaces, hyphens, apostrophes, line breaks, or a ®
 * or ™ (« Symbicort® Turbuhaler »).
 */
function joins(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 9 || c === 10 || c === 13 || c === 45 || c === 39 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2019 || c === 0xae || c === 0x2122)) return false;
  }
  return true;
}
/**
 * After a trial's name, what makes it part of a longer name (« CLARITY AD », « STAR*D », « SUSTAIN-6 »,
 * « CLEAR SYNERGY »), another trial (sticky).
 */
const LONGER_ACRONYM = /(?:[-*][A-Za-z0-9]|[ \u00A0][A-Z]{1,2}(?![\p{L}\d])|[ \u00A0][A-Z]{4,}(?![\p{Ll}]))/uy;
/** A ® or ™ right after a name (sticky: tried at `lastIndex`). */
const MARK = /[ \u00A0]?[®™]/y;

/** The ® or ™ (with the space before it, if any) written at `at`, or undefined. */
export function markAt(text: string, at: number): string | undefined {
  MARK.lastIndex = at;
  return MARK.exec(text)?.[0];
}

/** 1 for a UTF-16 unit that belongs to a word (letter, digit, folded accent), 2 for not, 0 = unknown yet. */
const wordTable = new Uint8Array(65536);
const WORD_CHAR = /[\p{L}\p{N}\u0000]/u;

function isWordCode(code: number): boolean {
  let w = wordTable[code];
  if (w === 0) {
    w = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = w;
  }
  return w === 1;
}

/**
 * The word tokens of a text, folded (`foldSameLength`, folded accents dropped from the key). With a
 * lexicon, each word is looked up in its vocabulary as it is read, through a hash of its folded codes:
 * a known word gets its id, class and the vocabulary's own string, and no string is cut for it. An ordinary
 * word that is part of no name is left out (most of a text's words): nothing asks about it, and no name runs
 * across it, since the text between the tokens around it is then no name's joiner.
 */
export function tokenize(text: string, lexicon?: Lexicon): Token[] {
  const vocabulary = lexicon?.vocabulary;
  const flags = lexicon?.wordFlags;
  const tokens: Token[] = [];
  const codes = foldCodes(text);
  const n = codes.length;
  for (let i = 0; i < n; ) {
    if (!isWordCode(codes[i])) { i++; continue; }
    let j = i;
    let hash = HASH_SEED, hash2 = HASH2_SEED;
    let stand = false; // a folded accent inside the word, dropped from the key
    for (; j < n; j++) {
      const c = codes[j];
      if (!isWordCode(c)) break;
      if (c === 0) stand = true;
      else {
        hash = hashStep(hash, c);
        hash2 = hash2Step(hash2, c);
      }
    }
    const id = vocabulary ? vocabulary.find(hash, hash2) : -1;
    if (id >= 0 && flags![id] === COMMON_WORD) {
      i = j;
      continue;
    }
    const key = id >= 0 ? vocabulary!.word(id) : keyOf(codes, i, j, stand);
    tokens.push({ start: i, end: j, key, id, cls: id >= 0 ? flags![id] : 0 });
    i = j;
  }
  return tokens;
}

/** The key of a word the lexicon does not know, from its folded codes (folded accents dropped): no folded copy of the text. */
function keyOf(codes: Uint16Array, i: number, j: number, stand: boolean): string {
  if (j - i > 64) {
    const key = fromCodes(codes.subarray(i, j));
    return stand ? key.split(COMBINING_STAND_IN).join('') : key;
  }
  let key = '';
  for (let k = i; k < j; k++) if (codes[k] !== 0) key += String.fromCharCode(codes[k]);
  return key;
}

function alnum(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** « Xanax »: a capital, then lower case. */
const TITLE_CASE = /^\p{Lu}\p{Ll}+$/u;

/**
 * Whether a name may be written so. A short brand (XANAX, TAHOR) in Title Case counts where a drug stands
 * (« prend du Xanax », « Tahor 20 mg »: `inSlot`); so does a brand that needs capitals or ® because it is little
 * known (a fancy-named generic: « sous Leeloo », « la pilule Optimizette »), unless its word is an ordinary one
 * (`ordinaryWord`: « il estima » is no slot anyway), shorter than 4 letters, or the first word of longer brands
 * made a brand (« associée à Helicobacter pylori » is not HELICOBACTER TEST INFAI).
 */
function caseAllows(entry: NameEntry, surface: string, markFollows: boolean, inSlot: () => boolean, ordinaryWord: boolean): boolean {
  switch (entry.caseRule) {
    case 'any':
      return true;
    case 'exact':
      return alnum(surface) === alnum(entry.name);
    case 'capitalsOrMark': {
      const letters = surface.replace(/[^\p{L}]/gu, '');
      if (markFollows || (letters.length > 0 && letters === letters.toUpperCase())) return true;
      if (entry.kind !== 'brand' || entry.tokens.length !== 1 || !TITLE_CASE.test(surface)) return false;
      const brand = entry.brand!;
      if (brand.needsMark && (ordinaryWord || letters.length < 4 || brand.firstWord)) return false;
      return inSlot();
    }
  }
}

const PRIORITY: Record<NameEntry['kind'], number> = { substance: 0, abbreviation: 1, brand: 2, trial: 3, class: 4 };

export function findMentions(prose: string, tokens: Token[], lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!(tokens[i].cls & STARTS_NAME)) {
      i++;
      continue;
    }
    const matches = lexicon.walk((k) => {
      const t = tokens[i + k];
      if (!t) return -1;
      if (k > 0 && !joins(prose, tokens[i + k - 1].end, t.start)) return -1;
      return t.id;
    });
    let chosen: Mention | undefined;
    for (let m = matches.length - 1; m >= 0 && !chosen; m--) {
      const { length, entries } = matches[m];
      const start = tokens[i].start;
      let end = tokens[i + length - 1].end;
      const surface = prose.slice(start, end);
      const mark = markAt(prose, end);
      // The allowed entry of highest priority (substance, abbreviation, brand, trial, class).
      let entry: NameEntry | undefined;
      LONGER_ACRONYM.lastIndex = end;
      const longer = LONGER_ACRONYM.test(prose);
      const inSlot = () => inDrugSlot(prose, start, end, { marked: false, listedWith: () => false });
      for (const e of entries) {
        if (e.kind === 'trial' && longer) continue;
        if ((!entry || PRIORITY[e.kind] < PRIORITY[entry.kind]) && caseAllows(e, surface, !!mark, inSlot, (tokens[i].cls & COMMON_WORD) !== 0)) entry = e;
      }
      if (!entry) continue;
      if (mark) end += mark.length;
      chosen = mentionOf(entry, start, end, prose.slice(start, end));
      i += length;
    }
    // « anti-héparine », « anti-TNF »: the target of a class word is no drug mention.
    if (chosen && !(chosen.kind === 'drug' && afterClassPrefix(prose, chosen.start))) mentions.push(chosen);
    else if (!chosen) i++;
  }
  return mentions;
}

function mentionOf(entry: NameEntry, start: number, end: number, text: string): Mention {
  const named = (kind: Mention['kind'], substances: string[], label: string) => ({ kind, start, end, text, entry, substances, label, id: label });
  if (entry.kind === 'trial') return named('trial', [], entry.trial!.name);
  if (entry.kind === 'class') return named('class', [], entry.drugClass!.name);
  if (entry.ambiguous) return { ...named('drug', [], entry.name), candidates: entry.ambiguous.map((s) => s.dci) };
  const mixture = entry.combination;
  const substances = entry.kind === 'brand' ? entry.brand!.substances : mixture ? mixture.map((s) => s.dci) : [entry.dci!];
  // A common word (fer, zinc) is a drug only with a dose; its salts' full names (« sulfate ferreux ») always are.
  return { ...named('drug', substances, substances.join(' + ')), needsDose: entry.substance?.needsDose && entry.tokens.length === 1 };
}
