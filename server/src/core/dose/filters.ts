/**
 * What makes a number with a unit not a dose of one drug, as a table of named rows run in one loop: each
 * row looks at a window of text before or after the amount, and says why it is not a dose. Each row's
 * example is a test (test/unit/dose-tables.test.ts).
 *
 *   « Entresto 49 mg/51 mg » → combination ; « ferritine < 30 µg/L » → concentration ;
 *   « un flacon de 100 mg » → presentation ; « lésions T2 » → glued
 */
import { LETTER } from '../normalize';
import { FORM, PRESENTATION_WORDS, SP } from './lexemes';
import { endTest } from './scan';

export type FilterVerdict = 'glued' | 'combination' | 'concentration' | 'presentation' | 'lab-value' | 'gas-mixture';

export interface DoseFilter {
  name: string;
  /** Which side of the amount the pattern reads: the text before its number, or the text after its unit. */
  side: 'before' | 'after';
  /** How many characters of that side the pattern sees. */
  window: number;
  pattern: RegExp;
  verdict: FilterVerdict;
  /** A sentence in which the amount is NOT a dose because of this row. */
  example: string;
  /** Not applied when a count of units stands before the amount (« 2 comprimés de 500 mg » is a dose). */
  unlessCounted?: boolean;
}

export const DOSE_FILTERS: DoseFilter[] = [
  {
    name: 'nombre collé à un mot', side: 'before', window: 1, pattern: new RegExp(`[${LETTER}\\d.,]$`, 'u'),
    verdict: 'glued', example: 'Les canaux Nav1.7 mg sont en cause.',
  },
  {
    name: 'dosage combiné (après)', side: 'after', window: 4, pattern: new RegExp(`^${SP}*/${SP}*\\d`, 'u'),
    verdict: 'combination', example: 'Entresto 49 mg/51 mg deux fois par jour.',
  },
  {
    name: 'dosage combiné (avant)', side: 'before', window: 12, pattern: new RegExp(`\\d${SP}*(?:[a-zµμ]{1,3}${SP}*)?/${SP}*$`, 'iu'),
    verdict: 'combination', example: 'Entresto 24/26 mg x 2/j.',
  },
  {
    name: 'concentration ou valeur biologique', side: 'after', window: 8, pattern: new RegExp(`^${SP}*/${SP}*(?:[dcmµμ]?[lL]|[mµμn]?mol|min)(?![a-zA-Z])`, 'u'),
    verdict: 'concentration', example: 'Ferritine < 30 µg/L et DFG à 45 ml/min.',
  },
  {
    name: 'protéinurie et autres dosages urinaires', side: 'before', window: 40,
    pattern: new RegExp(`(?<![${LETTER}])(?:protéinurie|albuminurie|protéines|natriurèse|kaliurèse|calciurie|excrétion|RAC|RPC)(?![${LETTER}])${SP}*(?:[^.;:\\n]{0,20})$`, 'u'),
    verdict: 'lab-value', example: 'Une protéinurie supérieure à 0,5 g/24 h.',
  },
  {
    // High-flow oxygen (30–60 L/min) is the flow of an air–oxygen mixture whose FiO2 is set apart: not the oxygen's dose.
    name: 'débit d’un mélange gazeux (haut débit)', side: 'before', window: 50,
    pattern: new RegExp(`(?:haut${SP}*[-‐]?${SP}*débit|OHD|Optiflow)[^.;:\\n]{0,30}$`, 'iu'),
    verdict: 'gas-mixture', example: 'Oxygénothérapie nasale à haut débit 50 L/min, FiO2 60 %.',
  },
  {
    name: 'présentation (flacon, dosage)', side: 'before', window: 40,
    pattern: new RegExp(`(?:${PRESENTATION_WORDS})${SP}+(?:de|à|dosée?s?${SP}+à)${SP}*$`, 'iu'),
    verdict: 'presentation', example: 'Un flacon de 100 mg coûte cher.', unlessCounted: true,
  },
  {
    name: 'présentation (forme sans nombre)', side: 'before', window: 40,
    pattern: new RegExp(`(?:^|[^\\d${SP.slice(1, -1)}]${SP}*)(?:${FORM})${SP}+(?:de|à|dosée?s?${SP}+à)${SP}*$`, 'iu'),
    verdict: 'presentation', example: 'Il existe des comprimés de 1 g.', unlessCounted: true,
  },
];

/**
 * Each row's test of its side: a « before » pattern ends at the end of its window (« …$ »), tried there once,
 * backwards (`endTest`), rather than from each of the window's offsets (« comprimés de » at 40 of them).
 */
const ROW_TESTS = DOSE_FILTERS.map((f) => (f.side === 'before' ? endTest(f.pattern) : (side: string) => f.pattern.test(side)));

/** The first row that says the amount is not a dose, if any. */
export function filterDose(text: string, amountStart: number, unitEnd: number, counted = false): DoseFilter | undefined {
  for (let i = 0; i < DOSE_FILTERS.length; i++) {
    const f = DOSE_FILTERS[i];
    if (counted && f.unlessCounted) continue;
    const side = f.side === 'before' ? text.slice(Math.max(0, amountStart - f.window), amountStart) : text.slice(unitEnd, unitEnd + f.window);
    if (ROW_TESTS[i](side)) return f;
  }
  return undefined;
}
