/**
 * Every rule MedLint reports, in one place: its code, default severity, category, French title and
 * description (the editor's and the CLI's language) and English description (the README's); and how it runs:
 * each rule belongs to one family (`RULE_FAMILIES`) whose `run(context)` analyze() calls. A family is the rules
 * one judgement produces: the dose verdicts give six codes from one comparison with the documented ranges.
 * The README's rules table and package.json's `medlint.severity` are generated from it (`npm run docs:rules`).
 *   « prégabaline 1200 mg/j »  → dose-above-max, warning by default (an error at ten times the maximum).
 * A setting names a rule by code; « dose-out-of-range » is kept as a deprecated name for two rules.
 */

import type { AttachedDose } from '../analyze';
import { findUnknownDrugs, type Finding } from '../checks';
import { findEnglishNames } from '../english';
import type { Lexicon } from '../lexicon';
import type { Substance } from '../index-types';
import type { Mention, Token, Tokens } from '../mentions';
import type { Speller } from '../suggest';
import { checkCombination, doseFinding, hasStartingRange, judgeDose } from './dose';
import { judgeBrandDose } from './brand-dose';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
/** What a user may write for a rule: a severity, `off`, or `default` (the finding's own severity). */
export type SeveritySetting = Severity | 'off' | 'default';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['default', 'error', 'warning', 'information', 'hint', 'off'];

export interface Rule {
  code: string;
  /** The severity of the rule's findings; `off`: not reported unless the user gives it a severity. */
  severity: Severity | 'off';
  /** A finding may raise itself to this severity (« dix fois le maximum »), or lower itself to the default. */
  escalates?: { to: Severity; fr: string; en: string };
  category: 'médicaments' | 'doses';
  title: string;
  description: string;
  descriptionEn: string;
}

export const RULES = [
  {
    code: 'unknown-drug', severity: 'warning', category: 'médicaments',
    title: 'Médicament inconnu',
    description: 'Nom qui ressemble à un médicament (terminaison de DCI, marque ®, dose accolée, nom proche d’un médicament connu) mais qu’aucune liste ne connaît ; suggestions, la meilleure en premier.',
    descriptionEn: 'a drug-like word (INN stem such as -mab/-tinib, a ® mark, a dose right after it, or a near-miss of a known name) that no list knows; suggestions best first, quick fix',
  },
  {
    code: 'company-as-brand', severity: 'information', category: 'médicaments',
    title: 'Laboratoire écrit comme une marque',
    description: 'Nom d’un laboratoire (titulaire d’AMM) suivi de ® là où une marque est attendue (« ponésimod (IDORSIA®) »).',
    descriptionEn: 'a laboratory’s name written with ® where a brand belongs (« ponesimod (IDORSIA®) »)',
  },
  {
    code: 'english-name', severity: 'information', category: 'médicaments',
    title: 'Nom anglais',
    description: 'Nom anglais ou américain d’un médicament (« acetaminophen ») : la DCI française est proposée.',
    descriptionEn: 'an English or US drug name (« acetaminophen »); the French DCI is suggested',
  },
  {
    code: 'dose-above-max', severity: 'warning', category: 'doses',
    escalates: { to: 'error', fr: 'erreur à dix fois le maximum', en: 'error at ten times the maximum' },
    title: 'Dose au-dessus du maximum',
    description: 'Dose au-dessus de la dose maximale documentée ; cite la fourchette et sa source.',
    descriptionEn: 'above the documented maximum (in any basis the dose can be read in: per intake, per day, per week…); cites the range and its source',
  },
  {
    code: 'dose-below-min', severity: 'hint', category: 'doses',
    escalates: { to: 'warning', fr: 'avertissement à dix fois moins', en: 'warning at ten times below' },
    title: 'Dose en dessous du minimum',
    description: 'Dose en dessous de la plus basse dose documentée ; jamais sur une fourchette écrite qui la recoupe ni sur une dose d’initiation, de titration, du sujet âgé ou de l’insuffisant rénal nommée comme telle.',
    descriptionEn: 'below the lowest documented dose; never on a written range that overlaps it, nor on a starting, titration, elderly or renal dose named as such',
  },
  {
    code: 'dose-rhythm', severity: 'error', category: 'doses',
    title: 'Rythme d’administration',
    description: 'Prise quotidienne d’un médicament hebdomadaire, mensuel ou injecté à plusieurs semaines d’intervalle (« méthotrexate 15 mg/j ») ; correction « par semaine ».',
    descriptionEn: 'a daily regimen of a drug given weekly, monthly or as injections weeks apart (« méthotrexate 15 mg/j »), with the periodic reading (= 105 mg/sem) and a « par semaine » quick fix',
  },
  {
    code: 'dose-implausible', severity: 'warning', category: 'doses',
    title: 'Dose invraisemblable',
    description: 'Dose au-delà de tout usage réaliste des dosages commercialisés.',
    descriptionEn: 'no curated range applies, and no realistic use of the marketed strengths reaches the dose (the plausibility envelope, below)',
  },
  {
    code: 'dose-unit-mismatch', severity: 'warning', category: 'doses',
    title: 'Unité de dose incohérente',
    description: 'Dose qui ne correspond aux posologies documentées que dans une autre unité (mg écrit pour µg).',
    descriptionEn: 'a dose that fits the documented range only in another unit (mg written for µg); quick fix',
  },
  {
    code: 'dose-not-comparable', severity: 'off', category: 'doses',
    title: 'Dose non comparable',
    description: 'Dose qui n’a pas pu être comparée aux posologies documentées, avec la raison.',
    descriptionEn: 'a dose that could not be compared with the documented ranges, with the reason',
  },
] as const satisfies readonly Rule[];

export type RuleCode = (typeof RULES)[number]['code'];
export type RuleSeverities = Partial<Record<RuleCode, SeveritySetting>>;

/** Former codes still accepted in settings and directives, with the rules they now name. */
export const DEPRECATED_CODES: Readonly<Record<string, readonly RuleCode[]>> = {
  'dose-out-of-range': ['dose-above-max', 'dose-below-min'],
};

const BY_CODE = new Map<string, Rule>(RULES.map((r) => [r.code, r]));

export function ruleOf(code: RuleCode): Rule {
  return BY_CODE.get(code)!;
}

export function isRuleCode(name: string): name is RuleCode {
  return BY_CODE.has(name);
}

/** The rules a name stands for: itself, the rules of a deprecated code, or none. */
export function expandRuleName(name: string): RuleCode[] {
  if (isRuleCode(name)) return [name];
  return [...(DEPRECATED_CODES[name] ?? [])];
}

/**
 * The severity a finding is reported with, or undefined when it is not reported: the user's setting wins;
 * `default` (or nothing set) keeps the finding's own severity, unless the rule is off by default.
 */
export function resolveSeverity(code: RuleCode, own: Severity, settings: RuleSeverities): Severity | undefined {
  const setting = settings[code] ?? 'default';
  if (setting === 'off') return undefined;
  if (setting !== 'default') return setting;
  return ruleOf(code).severity === 'off' ? undefined : own;
}

/**
 * What a family's run is given, by stage: `words` before the doses are attached (its findings tell attachment
 * which words are unknown drugs), `doses` once each dose has its drug, `notes` on the finished analysis (they
 * must not take part in attachment: « acetaminophen 1 g » keeps its dose).
 */
export interface RuleContexts {
  words: { text: string; tokens: Tokens; covered: (t: Token) => boolean; lexicon: Lexicon; speller: Speller };
  doses: { doses: AttachedDose[]; lexicon: Lexicon; contextAt: (offset: number) => string };
  notes: { text: string; mentions: Mention[] };
}
export type RuleStage = keyof RuleContexts;

export type RuleFamily = { [S in RuleStage]: { name: string; stage: S; codes: readonly RuleCode[]; run: (context: RuleContexts[S]) => Finding[] } }[RuleStage];

/** The substances a pass asks for, each looked up once (a drug's doses ask again and again). */
interface Substances { substance(dci: string): Substance | undefined }

function substancesOf(lexicon: Lexicon): Substances {
  const known = new Map<string, Substance | undefined>();
  return {
    substance: (dci) => {
      if (!known.has(dci)) known.set(dci, lexicon.substance(dci));
      return known.get(dci);
    },
  };
}

/**
 * The dose verdicts: each dose of a known drug judged once against its ranges (the verdict is kept on the dose).
 * A dose's context is read only when a substance is there to judge it.
 */
function runDoseVerdicts({ doses, lexicon, contextAt }: RuleContexts['doses']): Finding[] {
  const findings: Finding[] = [];
  const substances = substancesOf(lexicon);
  for (const d of doses) {
    if (d.components) {
      findings.push(...checkCombination(d, substances, contextAt(d.start)));
      continue;
    }
    const names = d.drug?.substances ?? [];
    const f = names.length > 1 ? judgeAfterCombinationBrand(d, names, substances, contextAt(d.start)) : judgeAfterSubstance(d, names[0], substances, () => contextAt(d.start));
    if (f) findings.push(f);
  }
  return findings;
}

/** A single-strength dose after a combination brand, against its components (« Bactrim® 80 g/j »). */
function judgeAfterCombinationBrand(d: AttachedDose, names: string[], lexicon: Substances, context: string): Finding | null {
  const judged = judgeBrandDose(d, names, lexicon, context);
  d.verdict = judged.verdict;
  d.substance = judged.substance?.dci;
  const name = judged.substance ? `${judged.substance.dci} (${d.drug!.text})` : d.drug!.text;
  return doseFinding(d, name, d.verdict, hasStartingRange(judged.substance));
}

function judgeAfterSubstance(d: AttachedDose, name: string | undefined, lexicon: Substances, contextOf: () => string): Finding | null {
  const substance = name ? lexicon.substance(name) : undefined;
  if (!substance) return null;
  d.verdict = judgeDose(d, substance, contextOf());
  d.substance = substance.dci;
  return doseFinding(d, substance.dci, d.verdict, hasStartingRange(substance));
}

/** Every rule, by family, in the order analyze() runs them. */
export const RULE_FAMILIES: RuleFamily[] = [
  {
    name: 'noms inconnus', stage: 'words', codes: ['unknown-drug', 'company-as-brand'],
    run: ({ text, tokens, covered, lexicon, speller }) => findUnknownDrugs(text, tokens, covered, lexicon, speller),
  },
  {
    name: 'verdicts de dose', stage: 'doses',
    codes: ['dose-above-max', 'dose-below-min', 'dose-rhythm', 'dose-implausible', 'dose-unit-mismatch', 'dose-not-comparable'],
    run: runDoseVerdicts,
  },
  { name: 'noms anglais', stage: 'notes', codes: ['english-name'], run: ({ text, mentions }) => findEnglishNames(text, mentions) },
];

export function familyOf(code: RuleCode): RuleFamily {
  return RULE_FAMILIES.find((f) => f.codes.includes(code))!;
}

/** The findings of every family of a stage, in registry order. */
export function runRules<S extends RuleStage>(stage: S, context: RuleContexts[S]): Finding[] {
  const findings: Finding[] = [];
  for (const f of RULE_FAMILIES) if (f.stage === stage) findings.push(...(f.run as (c: RuleContexts[S]) => Finding[])(context));
  return findings;
}
