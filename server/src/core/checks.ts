/**
 * The name checks, each with a stable rule code (the dose rules are in rules/dose.ts):
 *   unknown-drug      a drug-like word the data does not know, with suggestions (« pregabalinne »);
 *   company-as-brand  a laboratory's name written with ® where a brand belongs (« IDORSIA® »).
 */
import { COMMON_WORD, type Lexicon } from './lexicon';
import { markAt, type Token } from './mentions';
import type { Speller } from './suggest';
import { foldKey } from './normalize';

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
  /** CamelCase, digits, plural of a known name: never an unknown drug. */
  skip: boolean;
  allCaps: boolean;
  capitalised: boolean;
  frenchEnding: boolean;
  stem?: string;
  /** Drug-shaped near misses, best first. */
  suggestions: string[];
}

/** What a word is, whatever its context: computed once per word and lexicon (words repeat). */
const wordInfos = new WeakMap<Lexicon, Map<string, WordInfo>>();

function infoOf(word: string, key: string, lexicon: Lexicon, speller: Speller): WordInfo {
  let infos = wordInfos.get(lexicon);
  if (!infos) wordInfos.set(lexicon, (infos = new Map()));
  let info = infos.get(word);
  if (info) return info;
  const capitals = countCapitals(word);
  const capitalised = /^\p{Lu}/u.test(word);
  // Digits, CamelCase, and plurals of known names ("les héparines") are not unknown drugs.
  const plural = /[sx]$/.test(key) && (lexicon.isName(key.slice(0, -1)) || (lexicon.classify(key.slice(0, -1)) & COMMON_WORD) !== 0);
  const skip = /\d/.test(key) || (capitals > 1 && capitals < word.length) || plural;
  // A near-miss counts when it is drug-shaped: close to a DCI with an INN stem, or one letter off a
  // long DCI, or (capitalised word) one letter off a brand. "hépatite" is not "HEPATATE".
  const suggestions = skip ? [] : speller.suggest(word).filter((s) => s.brand
    ? capitalised && s.distance === 1
    : lexicon.stemOf(foldKey(s.name)) !== undefined || (s.distance === 1 && key.length >= 8)).map((s) => s.name);
  info = { skip, allCaps: capitals === word.length, capitalised, frenchEnding: FRENCH_ENDINGS.test(key), stem: lexicon.stemOf(key), suggestions };
  if (infos.size > 100_000) infos.clear();
  infos.set(word, info);
  return info;
}

/** A dose right after a word (sticky: tried at `lastIndex`). */
const DOSED = /[ \u00A0]+\d+(?:[.,]\d+)?[ \u00A0]*(?:mg|µg|mcg|g|UI)\b/y;

/** Unknown drug-like words: an INN stem, a ® mark, a dose right after, or a near-miss of a known name. */
export function findUnknownDrugs(text: string, tokens: Token[], covered: (t: Token) => boolean, lexicon: Lexicon, speller: Speller): Finding[] {
  const findings: Finding[] = [];
  for (const t of tokens) {
    if (t.key.length < 5 || (t.cls & COMMON_WORD) || covered(t)) continue;
    const word = text.slice(t.start, t.end);
    const info = infoOf(word, t.key, lexicon, speller);
    if (info.skip) continue;
    const marked = markAt(text, t.end) !== undefined;
    // A company's name is not an unknown drug; written with ®, where a brand belongs, it is worth a note.
    const holder = lexicon.company(t.key);
    if (holder) {
      if (marked) {
        findings.push({
          code: 'company-as-brand', start: t.start, end: t.end, severity: 'information',
          message: `« ${word} » est le nom d’un laboratoire (titulaire d’AMM : ${holder}), pas celui d’un médicament : la marque est-elle la bonne ?`,
        });
      }
      continue;
    }
    if (info.allCaps && !marked) continue; // acronyms and shouted words
    const stem = info.stem;
    DOSED.lastIndex = t.end;
    const dosed = !info.frenchEnding && DOSED.test(text);
    const before = text.charCodeAt(t.start - 1);
    const apostrophe = before === 39 || before === 0x2019;
    const suggestions = info.suggestions;
    const nearMiss = suggestions.length > 0 && !info.frenchEnding && !(apostrophe && t.key.length < 6);
    if (!stem && !marked && !dosed && !nearMiss) continue;
    // A capitalised stem word mid-sentence is more often a name (author, place) than a drug.
    const sentenceStart = /(?:^|[.!?:\n]\s*)$/.test(text.slice(Math.max(0, t.start - 3), t.start));
    if (stem && !nearMiss && !marked && !dosed && info.capitalised && !sentenceStart) continue;
    const message = suggestions.length
      ? `« ${word} » ressemble à un médicament inconnu de la base : vouliez-vous dire ${suggestions[0]} ?`
      : `« ${word} » ressemble à un nom de médicament (${marked ? 'marque ®' : stem ? `terminaison -${stem}` : 'suivi d’une dose'}) mais n’est pas dans la base.`;
    // The second word of an unknown two-word name (« datopotamab déruxtécan ») is the same drug: one report.
    const previous = findings[findings.length - 1];
    if (previous?.code === 'unknown-drug' && /^[ \u00A0]$/.test(text.slice(previous.end, t.start))) continue;
    findings.push({
      code: 'unknown-drug', start: t.start, end: t.end, severity: 'warning', message, suggestions,
      fixes: suggestions.map((s) => ({ title: `Remplacer par « ${s} »`, edit: { start: t.start, end: t.end, newText: matchCase(s, word) } })),
    });
  }
  return findings;
}

/** Keep the writer's capitalisation: "Pregabalinne" → "Prégabaline". */
function matchCase(suggestion: string, written: string): string {
  if (written === written.toUpperCase()) return suggestion.toUpperCase();
  if (written[0] === written[0].toUpperCase()) return suggestion[0].toUpperCase() + suggestion.slice(1);
  return suggestion;
}
