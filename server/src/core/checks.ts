/**
 * The checks, each with a stable rule code of the registry (rules/registry.ts):
 *   unknown-drug / company-as-brand   a drug-like word the data does not know, with suggestions;
 *   dose-above-max / dose-below-min   above the documented maximum or below the lowest documented dose;
 *   dose-unit-mismatch                a dose that fits the range only in another unit (mg written for µg).
 */
import type { DoseRange, Unit } from './index-types';
import type { Dose } from './doses';
import { formatAmount } from './doses';
import { COMMON_WORD, type Lexicon } from './lexicon';
import { markAt, type Mention, type Token } from './mentions';
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

const MASS: Partial<Record<Unit, number>> = { µg: 0.001, mg: 1, g: 1000 };
const BASIS_FR: Record<string, string> = {
  day: '/j', intake: ' par prise', week: '/sem', infusion: ' par perfusion', injection: ' par injection', application: ' par application', cycle: ' par cure',
};

function convert(value: number, from: Unit, to: Unit): number | null {
  if (from === to) return value;
  const f = MASS[from], t = MASS[to];
  return f !== undefined && t !== undefined ? (value * f) / t : null;
}

/** Ranges comparable with a dose: same weight basis, and a basis the dose can be read in. */
function comparable(dose: Dose, ranges: DoseRange[]): { ranges: DoseRange[]; min: number; max: number } | null {
  // « 50 à 100 mg toutes les 4 à 6 heures » spans 200–600 mg/j, yet it is the RCP's own wording for a
  // 400 mg/j maximum: with a range of frequencies, the highest dose is read at the lowest frequency.
  const spread = dose.timesPerDay && dose.timesPerDay.min !== dose.timesPerDay.max;
  const amount = dose.per === 'intake' && dose.daily ? { basis: ['day'], min: dose.daily.min, max: spread ? dose.max * dose.timesPerDay!.min : dose.daily.max }
    : dose.per === 'day' ? { basis: ['day'], min: dose.min, max: dose.max }
    : dose.per === 'intake' ? { basis: ['intake', 'infusion', 'injection'], min: dose.min, max: dose.max }
    : dose.per === 'week' ? { basis: ['week'], min: dose.min, max: dose.max }
    : dose.per === 'infusion' ? { basis: ['infusion', 'injection'], min: dose.min, max: dose.max }
    : dose.per === 'cycle' ? { basis: ['cycle'], min: dose.min, max: dose.max }
    : dose.per === 'patch_concentration' ? { basis: ['application'], min: dose.min, max: dose.max }
    : null;
  if (!amount) return null;
  // A volume (« 12 mg (5 mL) ») is compared only with ranges written in mL: it says nothing of the dose.
  if (dose.unit === 'mL' && !ranges.some((r) => r.unit === 'mL')) return null;
  // A route written next to the dose narrows the comparison to that route's ranges. With none, a single
  // dose of a drug taken by mouth is not compared with its injections (« hydrocortisone 10 mg le matin »).
  const oralIntake = !dose.route && dose.per === 'intake' && ranges.some((r) => r.route === 'orale');
  const fit = ranges.filter((r) => (!dose.route || r.route === dose.route) && amount.basis.includes(r.per)
    && !(oralIntake && r.route !== 'orale') && (r.perWeight ?? null) === (dose.perWeight ?? null) && (r.unit === '%') === (dose.unit === '%'));
  return fit.length ? { ranges: fit, min: amount.min, max: amount.max } : null;
}

export function describeRange(r: DoseRange): string {
  const weight = r.perWeight ? `/${r.perWeight === 'm2' ? 'm²' : 'kg'}` : '';
  return `${formatAmount(r.min, r.max, r.unit, weight + (BASIS_FR[r.per] ?? ''))}${r.interval ? ` ${r.interval}` : ''}, ${r.context}`;
}

export function describeSource(r: DoseRange): string {
  const s = r.source;
  if (s.type === 'rcp') return `RCP ${s.title}${s.cis ? `, CIS ${s.cis}` : ''}, rubrique ${s.section ?? '4.2'}`;
  return s.title;
}

export function checkDose(dose: Dose, drug: Mention, lexicon: Lexicon): Finding | null {
  const substance = lexicon.substance(drug.id);
  if (!substance || substance.ranges.length === 0) return null;
  const found = comparable(dose, substance.ranges);
  if (!found) return null;
  const rangeUnit = found.ranges[0].unit;
  const toRange = (v: number) => convert(v, dose.unit, rangeUnit);
  const lo = Math.min(...found.ranges.map((r) => r.min));
  const hi = Math.max(...found.ranges.map((r) => r.max));
  const min = toRange(found.min), max = toRange(found.max);
  const name = substance.dci;
  if (min === null || max === null) {
    return {
      code: 'dose-unit-mismatch', start: dose.start, end: dose.end, severity: 'warning',
      message: `${name} : unité « ${dose.unitText} » inattendue, les doses documentées sont en ${rangeUnit} (${describeRange(found.ranges[0])} ; ${describeSource(found.ranges[0])}).`,
    };
  }
  // Read in the documented unit, the written figure would fit: the unit is probably wrong.
  if ((max > hi * 10 || min < lo / 10) && dose.unit !== rangeUnit && found.min >= lo && found.max <= hi) {
    return {
      code: 'dose-unit-mismatch', start: dose.unitStart, end: dose.unitStart + dose.unitText.length, severity: 'warning',
      message: `${name} : ${dose.text} — unité probablement erronée : les doses documentées sont en ${rangeUnit} (${describeRange(found.ranges[0])} ; ${describeSource(found.ranges[0])}).`,
      suggestions: [rangeUnit],
      fixes: [{ title: `Remplacer « ${dose.unitText} » par « ${rangeUnit} »`, edit: { start: dose.unitStart, end: dose.unitStart + dose.unitText.length, newText: rangeUnit } }],
    };
  }
  const written = dose.per === 'intake' && dose.daily ? `${dose.text} = ${formatAmount(dose.daily.min, dose.daily.max, dose.unit, '/j')}` : dose.text;
  if (max > hi) {
    const r = found.ranges.find((x) => x.max === hi)!;
    return {
      code: 'dose-above-max', start: dose.start, end: dose.end, severity: 'warning',
      message: `${name} : ${written} dépasse la dose maximale documentée (${describeRange(r)} ; ${describeSource(r)}).`,
    };
  }
  if (min < lo) {
    const r = found.ranges.find((x) => x.min === lo)!;
    return {
      code: 'dose-below-min', start: dose.start, end: dose.end, severity: 'information',
      message: `${name} : ${written} est en dessous de la dose la plus basse documentée (${describeRange(r)} ; ${describeSource(r)}).`,
    };
  }
  return null;
}

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
