/**
 * The name checks, each with a stable rule code (the dose rules are in rules/dose.ts):
 *   unknown-drug      a drug-like word the data does not know, with suggestions (« pregabalinne »);
 *   company-as-brand  a laboratory's name written with ® where a brand belongs (« IDORSIA® »).
 */
import { COMMON_WORD, type Lexicon } from './lexicon';
import { markAt, type Token, type Tokens } from './mentions';
import type { Speller, Suggestion } from './suggest';
import { amongCapitals, doseFollows, inDrugSlot, joinsList, startsSentence } from './slots';
import { foldKey } from './normalize';
import { afterClassPrefix } from './class-prefixes';

import type { RuleCode, Severity } from './rules/registry';
export type { RuleCode, Severity };

export interface Edit { start: number; end: number; newText: string }

export interface Finding {
  code: RuleCode;
  start: number;
  end: number;
  severity: Severity;
  message: string;
  suggestions?: string[];
  /** Quick fixes: each replaces a span of the source. */
  fixes?: { title: string; edit: Edit }[];
}

export { describeRange, describeSource } from './rules/dose';

const UPPER = /\p{Lu}/u;
const upperTable = new Uint8Array(65536); // 1 upper case, 2 not, 0 unknown yet

function countCapitals(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 128) { if (c >= 65 && c <= 90) n++; continue; }
    if (upperTable[c] === 0) upperTable[c] = UPPER.test(word[i]) ? 1 : 2;
    if (upperTable[c] === 1) n++;
  }
  return n;
}

/** Endings of ordinary French words, and of the names of diseases and procedures (hépatite, glycémie…). */
const FRENCH_ENDINGS = /(?:ée|ées|és|er|ez|ant|ent|ment|tion|sion|eur|euse|ique|isme|iste|able|ible|age|ure|ité|ites?|émies?|uries?|algies?|pathies?|ectomies?|scopies?|graphies?|logies?|plasies?)$/;

interface WordInfo {
  /** Never an unknown drug, wherever it stands: a key under 5 letters, a name the lexicon knows, digits, CamelCase, a plural of a known name. */
  never: boolean;
  key: string;
  allCaps: boolean;
  capitalised: boolean;
  frenchEnding: boolean;
  stem?: string;
  /** The marketing-authorisation holder the word names (« idorsia »), if any. */
  holder?: string;
  /** Every near miss (within two edits), best first. */
  near: Suggestion[];
  /** The near misses that are drug-shaped whatever the context: a DCI with an INN stem, or one letter off a long DCI. */
  drugShaped: string[];
  /** No near miss, no INN stem, no company: an unknown drug only where a ® or a dose follows it. */
  inert: boolean;
}

/** What a word is, whatever its context: computed once per word and lexicon (words repeat). */
const wordInfos = new WeakMap<Lexicon, Map<string, WordInfo>>();

function infosOf(lexicon: Lexicon): Map<string, WordInfo> {
  let infos = wordInfos.get(lexicon);
  if (!infos) wordInfos.set(lexicon, (infos = new Map()));
  if (infos.size > 100_000) infos.clear();
  return infos;
}

/** A word that is never an unknown drug (one shape for every WordInfo: the rule's loop stays optimised). */
function never(key: string): WordInfo {
  return { never: true, key, allCaps: false, capitalised: false, frenchEnding: false, stem: undefined, holder: undefined, near: [], drugShaped: [], inert: true };
}

function infoOf(word: string, key: string, lexicon: Lexicon, speller: Speller): WordInfo {
  // A name the lexicon knows, refused here by its case rule (« Symbicort » outside a drug slot), is no unknown drug.
  if (key.length < 5 || lexicon.isName(key)) return never(key);
  const capitals = countCapitals(word);
  const capitalised = /^\p{Lu}/u.test(word);
  // Digits, CamelCase, and plurals of known names ("les héparines") are not unknown drugs…
  // …and a singular of a plural name (« silicone », « électrolyte ») is not either.
  const plural = /[sx]$/.test(key) && (lexicon.isName(key.slice(0, -1)) || (lexicon.classify(key.slice(0, -1)) & COMMON_WORD) !== 0)
    || lexicon.isName(`${key}s`);
  if (/\d/.test(key) || (capitals > 1 && capitals < word.length) || plural) return never(key);
  const near = speller.suggest(word);
  // "hépatite" is not "HEPATATE": outside a drug slot, a DCI near miss counts when it has an INN stem or is one
  // letter off a long DCI; a brand's only when the capitals say so (see `nearMisses`).
  // A DCI in the plural (« insectes », « silicones »: extracts, excipients) is no INN: « injectes » is a verb.
  const drugShaped = near.filter((s) => !s.brand && (lexicon.stemOf(foldKey(s.name)) !== undefined || (s.distance === 1 && key.length >= 8 && !/s$/.test(s.name))))
    .map((s) => s.name);
  const lower = word.toLowerCase();
  const stem = lexicon.stemOf(key), holder = lexicon.company(key);
  return {
    never: false, key, allCaps: capitals === word.length, capitalised, frenchEnding: FRENCH_ENDINGS.test(lower) || FRENCH_ENDINGS.test(key),
    stem, holder, near, drugShaped, inert: !near.length && !stem && !holder,
  };
}

/**
 * The near misses worth a « vouliez-vous dire » where the word stands. In a drug slot (« prend du levotirox »,
 * « doliprne 1000 mg », « augmantin® », a list of drugs): every one. Elsewhere: the drug-shaped DCIs, and a
 * brand one letter off when the word's capitals are a writer's choice (a first capital mid-sentence, or
 * CAPITALS in a line of lower case), not a sentence start or a heading.
 */
function nearMisses(info: WordInfo, slot: boolean, capitalsSayName: boolean): string[] {
  if (slot) return info.near.map((s) => s.name);
  if (info.frenchEnding || (info.allCaps && !capitalsSayName)) return [];
  return info.near.filter((s) => (s.brand ? capitalsSayName && s.distance === 1 : info.drugShaped.includes(s.name))).map((s) => s.name);
}

/** The near misses of token i where it stands (see `nearMisses`). */
function suggestionsAt(text: string, tokens: Tokens, i: number, t: Token, info: WordInfo, marked: boolean, covered: (t: Token) => boolean): string[] {
  const listedWith = (side: -1 | 1) => {
    const o = tokens.at(i + side);
    return !!o && covered(o) && joinsList(side < 0 ? text.slice(o.end, t.start) : text.slice(t.end, o.start));
  };
  const slot = inDrugSlot(text, t.start, t.end, { marked, listedWith });
  const capitalsSayName = info.allCaps ? !amongCapitals(text, t.start, t.end) : info.capitalised && !startsSentence(text, t.start);
  const suggestions = nearMisses(info, slot, capitalsSayName);
  // « d’Elisa »: a short word after an apostrophe is more often a name, unless it stands in a drug slot.
  const before = text.charCodeAt(t.start - 1);
  return !slot && (before === 39 || before === 0x2019) && info.key.length < 6 ? [] : suggestions;
}

/** A laboratory's name written with ® where a brand belongs (« IDORSIA® »). */
function companyNote(word: string, t: Token, holder: string): Finding {
  return {
    code: 'company-as-brand', start: t.start, end: t.end, severity: 'information',
    message: `« ${word} » est le nom d’un laboratoire (titulaire d’AMM : ${holder}), pas celui d’un médicament : la marque est-elle la bonne ?`,
  };
}

/** Read once: under a CommonJS loader (tsx: scripts, tests) each use of an imported binding is a getter call. */
const COMMON = COMMON_WORD;

/** Unknown drug-like words: an INN stem, a ® mark, a dose right after, or a near-miss of a known name. */
export function findUnknownDrugs(text: string, tokens: Tokens, covered: (t: Token) => boolean, lexicon: Lexicon, speller: Speller): Finding[] {
  const findings: Finding[] = [];
  const { starts, ends, classes } = tokens;
  const infos = infosOf(lexicon);
  for (let i = 0; i < tokens.length; i++) {
    // Cheap rejections first: on the columns (a key is never longer than its word), then by what the word is.
    if (ends[i] - starts[i] < 5 || (classes[i] & COMMON)) continue;
    const word = text.slice(starts[i], ends[i]);
    let info = infos.get(word);
    if (!info) {
      // A word inside a mention, or the target of a class word, is no unknown drug here: no need to learn what it is.
      if (covered(tokens.at(i)!) || afterClassPrefix(text, starts[i])) continue;
      infos.set(word, (info = infoOf(word, tokens.key(i), lexicon, speller)));
    }
    if (!info.never && !(info.inert && !markOrDoseMayFollow(text, ends[i]))) judgeWord(text, tokens, i, word, info, covered, findings);
  }
  return findings;
}

/**
 * Whether a ® or ™ (`markAt`) or a dose (`doseFollows`) may follow a word ending at `end`: either right after,
 * or after spaces or no-break spaces, a ®, a ™ or a digit. Without, an inert word (`WordInfo.inert`) is no finding.
 */
function markOrDoseMayFollow(text: string, end: number): boolean {
  let at = end;
  while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 0xa0) at++;
  const c = text.charCodeAt(at);
  return c === 0xae || c === 0x2122 || (at > end && c >= 48 && c <= 57);
}

/** Whether token i, a word that may be an unknown drug, is one where it stands: adds its finding, if any. */
function judgeWord(text: string, tokens: Tokens, i: number, word: string, info: WordInfo, covered: (t: Token) => boolean, findings: Finding[]): void {
  const t = tokens.at(i)!;
  if (covered(t) || afterClassPrefix(text, t.start)) return;
  const marked = markAt(text, t.end) !== undefined;
  // A company's name is not an unknown drug; written with ®, where a brand belongs, it is worth a note.
  if (info.holder) {
    if (marked) findings.push(companyNote(word, t, info.holder));
    return;
  }
  const suggestions = info.near.length ? suggestionsAt(text, tokens, i, t, info, marked, covered) : [];
  const nearMiss = suggestions.length > 0;
  if (info.allCaps && !marked && !nearMiss) return; // acronyms and shouted words
  const stem = info.stem;
  const dosed = !info.frenchEnding && doseFollows(text, t.end);
  if (!stem && !marked && !dosed && !nearMiss) return;
  // A capitalised stem word mid-sentence is more often a name (author, place) than a drug.
  if (stem && !nearMiss && !marked && !dosed && info.capitalised && !startsSentence(text, t.start)) return;
  const message = nearMiss
    ? `« ${word} » est inconnu de toutes les listes de MedLint (BDPM, EMA, ajouts sourcés) : vouliez-vous dire ${suggestions[0]} ?`
    : `« ${word} » ressemble à un nom de médicament (${marked ? 'marque ®' : stem ? `terminaison -${stem}` : 'suivi d’une dose'}) mais est inconnu de toutes les listes de MedLint (BDPM, EMA, ajouts sourcés).`;
  // The second word of an unknown two-word name (« datopotamab déruxtécan ») is the same drug: one report.
  const previous = findings[findings.length - 1];
  if (previous?.code === 'unknown-drug' && /^[ \u00A0]$/.test(text.slice(previous.end, t.start))) return;
  findings.push({
    code: 'unknown-drug', start: t.start, end: t.end, severity: 'warning', message, suggestions,
    fixes: suggestions.map((s) => ({ title: `Remplacer par « ${s} »`, edit: { start: t.start, end: t.end, newText: matchCase(s, word) } })),
  });
}

/** Keep the writer's capitalisation: "Pregabalinne" → "Prégabaline". */
export function matchCase(suggestion: string, written: string): string {
  if (written === written.toUpperCase()) return suggestion.toUpperCase();
  if (written[0] === written[0].toUpperCase()) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}
