/**
 * Drug, brand and trial mentions: longest match of the lexicon's names over
 * the prose's word tokens, tolerant of case, accents, hyphens and spaces,
 * with the case rules of each name (trial acronyms and abbreviations as
 * written; brands that are ordinary words only in capitals or with ®).
 */
import { COMMON_WORD, STARTS_NAME, type Lexicon, type NameEntry } from './lexicon';
import { afterClassPrefix } from './class-prefixes';
import { inDrugSlot } from './slots';
import type { Tokens } from './tokens';

export { tokenize, Tokens, type Token } from './tokens';

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

/** The ® or ™ (with the space or no-break space before it, if any) written at `at`, or undefined. */
export function markAt(text: string, at: number): string | undefined {
  const c = text.charCodeAt(at);
  if (c === 0xae || c === 0x2122) return text[at];
  if (c !== 32 && c !== 0xa0) return undefined;
  const d = text.charCodeAt(at + 1);
  return d === 0xae || d === 0x2122 ? text.slice(at, at + 2) : undefined;
}

/** Whether a trial's name ending at `end` is part of a longer name (`LONGER_ACRONYM`). */
function longerAcronym(text: string, end: number): boolean {
  const c = text.charCodeAt(end);
  if (c !== 45 && c !== 42 && c !== 32 && c !== 0xa0) return false;
  LONGER_ACRONYM.lastIndex = end;
  return LONGER_ACRONYM.test(text);
}

function alnum(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Whether a text is written as a name, letters and digits aside (« FOURIER » as « fourier », not « Fourier »). */
function sameLettersAs(surface: string, name: string): boolean {
  return surface === name || alnum(surface) === alnum(name);
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
      return sameLettersAs(surface, entry.name);
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

/** Read once: under a CommonJS loader (tsx: scripts, tests) each use of an imported binding is a getter call. */
const STARTS = STARTS_NAME;

export function findMentions(prose: string, tokens: Tokens, lexicon: Lexicon): Mention[] {
  const mentions: Mention[] = [];
  const { classes, length: count } = tokens;
  // A tight loop over the columns; the names are tried apart (`nameAt`), at the few words that start one.
  for (let i = 0; i < count; ) i += classes[i] & STARTS ? nameAt(prose, tokens, i, lexicon, mentions) || 1 : 1;
  return mentions;
}

/** The longest name allowed at token i, added to `mentions` unless a class word's target; how many tokens it takes (0: none). */
function nameAt(prose: string, tokens: Tokens, i: number, lexicon: Lexicon, mentions: Mention[]): number {
  const { starts, ends, ids, classes, length: count } = tokens;
  const matches = lexicon.walk((k) => {
    const at = i + k;
    if (at >= count) return -1;
    if (k > 0 && !joins(prose, ends[at - 1], starts[at])) return -1;
    return ids[at];
  });
  for (let m = matches.length - 1; m >= 0; m--) {
    const { length, entries } = matches[m];
    const start = starts[i];
    let end = ends[i + length - 1];
    const surface = prose.slice(start, end);
    const mark = markAt(prose, end);
    // The allowed entry of highest priority (substance, abbreviation, brand, trial, class).
    let entry: NameEntry | undefined;
    const inSlot = () => inDrugSlot(prose, start, end, { marked: false, listedWith: () => false });
    for (const e of entries) {
      if (e.kind === 'trial' && longerAcronym(prose, end)) continue;
      if ((!entry || PRIORITY[e.kind] < PRIORITY[entry.kind]) && caseAllows(e, surface, !!mark, inSlot, (classes[i] & COMMON_WORD) !== 0)) entry = e;
    }
    if (!entry) continue;
    if (mark) end += mark.length;
    const chosen = mentionOf(entry, start, end, prose.slice(start, end));
    // « anti-héparine », « anti-TNF »: the target of a class word is no drug mention.
    if (!(chosen.kind === 'drug' && afterClassPrefix(prose, chosen.start))) mentions.push(chosen);
    return length;
  }
  return 0;
}

/** What a mention of an entry says, whatever its place: computed once per entry (a document names the same drugs often). */
interface Reading { kind: Mention['kind']; substances: string[]; label: string; candidates?: string[]; needsDose?: boolean; doseRule: boolean }
const readings = new WeakMap<NameEntry, Reading>();

function readingOf(entry: NameEntry): Reading {
  let r = readings.get(entry);
  if (r) return r;
  if (entry.kind === 'trial') r = { kind: 'trial', substances: [], label: entry.trial!.name, doseRule: false };
  else if (entry.kind === 'class') r = { kind: 'class', substances: [], label: entry.drugClass!.name, doseRule: false };
  else if (entry.ambiguous) r = { kind: 'drug', substances: [], label: entry.name, candidates: entry.ambiguous.map((s) => s.dci), doseRule: false };
  else {
    const mixture = entry.combination;
    const substances = entry.kind === 'brand' ? entry.brand!.substances : mixture ? mixture.map((s) => s.dci) : [entry.dci!];
    // A common word (fer, zinc) is a drug only with a dose; its salts' full names (« sulfate ferreux ») always are.
    r = { kind: 'drug', substances, label: substances.join(' + '), needsDose: entry.substance?.needsDose && entry.tokens.length === 1, doseRule: true };
  }
  readings.set(entry, r);
  return r;
}

function mentionOf(entry: NameEntry, start: number, end: number, text: string): Mention {
  const { kind, substances, label, candidates, needsDose, doseRule } = readingOf(entry);
  if (candidates) return { kind, start, end, text, entry, substances, label, id: label, candidates };
  if (doseRule) return { kind, start, end, text, entry, substances, label, id: label, needsDose };
  return { kind, start, end, text, entry, substances, label, id: label };
}
