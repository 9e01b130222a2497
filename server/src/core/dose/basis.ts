/**
 * Bases of a dose, declared once: how each is written after a dose (« /j », « par semaine », « /h »),
 * its French label, which documented bases it is compared with, and how many days it spans (to compare a
 * daily regimen with a weekly range, or a rate per hour with a daily maximum).
 *
 *   « 15 mg/j » → day ; « 15 mg par semaine » → week ; « 25 µg/h » → hour ; « 375 mg/m² par cure » → cycle
 */
import type { RangeBasis } from '../index-types';

/** The basis of a written dose. `step`: a titration step; `patch_concentration`: a % of a patch or cream. */
export type DoseBasis = 'day' | 'intake' | 'step' | 'week' | 'month' | 'year' | 'hour' | 'minute' | 'infusion' | 'cycle' | 'patch_concentration';

export interface BasisDefinition {
  /** How it is written after « / » or « par » (regex source). */
  written: string;
  basis: DoseBasis;
  example: string;
}

/** Longest first in the generated pattern. */
export const WRITTEN_BASES: BasisDefinition[] = [
  { written: '24[  ]?h(?:eures)?', basis: 'day', example: 'acide tranexamique 2 à 4 g par 24 heures' },
  { written: 'jours?|j', basis: 'day', example: 'prégabaline 150 mg/j' },
  { written: 'semaines?|sem', basis: 'week', example: 'méthotrexate 15 mg/sem' },
  { written: 'mois', basis: 'month', example: 'érénumab 70 mg par mois' },
  { written: 'ans?|années?', basis: 'year', example: 'vitamine D 600 000 UI par an' },
  { written: 'prises?', basis: 'intake', example: 'paracétamol 1 g par prise' },
  { written: 'injections?|perfusions?', basis: 'infusion', example: 'natalizumab 300 mg par perfusion' },
  { written: 'cures?|cycles?', basis: 'cycle', example: 'cyclophosphamide 750 mg/m² par cure' },
  { written: 'heures?|h', basis: 'hour', example: 'fentanyl 25 µg/h' },
  { written: 'minutes?|min', basis: 'minute', example: 'noradrénaline 0,1 µg/kg/min' },
  { written: 'mn', basis: 'minute', example: 'oxygène 7 à 10 litres/mn' },
];
export const BASIS_PATTERN = WRITTEN_BASES.map((b) => b.written).join('|');

const WRITTEN = WRITTEN_BASES.map((b) => ({ ...b, re: new RegExp(`^(?:${b.written})$`, 'i') }));

/** The basis of a written one (« /j », « par semaine »), read once per spelling. */
export function readBasis(written: string): DoseBasis {
  let basis = readBases.get(written);
  if (!basis) {
    basis = WRITTEN.find((b) => b.re.test(written))?.basis ?? 'intake';
    if (readBases.size > 1000) readBases.clear();
    readBases.set(written, basis);
  }
  return basis;
}
const readBases = new Map<string, DoseBasis>();

/** French labels of the documented bases (after the unit). */
export const RANGE_BASIS_LABEL: Record<RangeBasis, string> = {
  day: '/j', intake: ' par prise', week: '/sem', month: '/mois', hour: '/h', minute: '/min', infusion: ' par perfusion',
  injection: ' par injection', application: ' par application', cycle: ' par cure',
};

/** Days spanned by one unit of a basis that can be converted to a daily amount. */
export const DAYS: Partial<Record<RangeBasis | DoseBasis, number>> = { day: 1, week: 7, month: 30, year: 365, hour: 1 / 24, minute: 1 / 1440 };

/** Documented bases a dose read on `basis` is compared with directly. */
export const SAME_BASIS: Partial<Record<DoseBasis, RangeBasis[]>> = {
  day: ['day'], intake: ['intake', 'injection', 'infusion'], infusion: ['infusion', 'injection', 'intake'], week: ['week'],
  month: ['month'], hour: ['hour'], minute: ['minute'], cycle: ['cycle'], patch_concentration: ['application'],
};

/** Adult body weight and body surface envelopes: a per-kg dose is compared with plain ranges through them. */
export const ADULT_WEIGHT_KG = { min: 40, max: 150 };
export const ADULT_SURFACE_M2 = { min: 1.4, max: 2.6 };
