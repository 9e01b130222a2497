/**
 * A single-strength dose written after a combination brand (« Bactrim® 80 g/j », « ENTRESTO 200 mg/j »):
 * compared with each component whose documented ranges are in the dose's unit. The verdict stands when every
 * such component gives the same one (then the component it is the least far from is named: « Bactrim® 80 g/j »
 * is above the maximum of sulfaméthoxazole, and of triméthoprime); otherwise the dose is « non comparable »,
 * said explicitly, never skipped in silence:
 *
 *   « BACTRIM 800 mg/j »   in range for one component, above for the other  → non comparable (which one ?)
 *   « SYMBICORT 400 UI/j » no component documented in UI                   → non comparable
 *   « BACTRIM 80 g/j »     triméthoprime undocumented, but no marketed strength of it reaches 80 g/j: above
 *
 * A combination strength (« BACTRIM FORTE 800/160 mg ») is each component's own dose: `checkCombination`.
 */
import type { Substance } from '../index-types';
import type { Dose } from '../doses';
import { comparableUnits } from '../dose/units';
import { judgeDose, type DoseVerdict } from './dose';

export interface BrandDoseVerdict {
  verdict: DoseVerdict;
  /** The component the verdict is about; none for « non comparable ». */
  substance?: Substance;
}

/** Each, written as a French list: « triméthoprime et sulfaméthoxazole ». */
function listed(names: string[]): string {
  return names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} et ${names[names.length - 1]}`;
}

export function judgeBrandDose(dose: Dose, names: string[], lexicon: { substance(dci: string): Substance | undefined }, context = ''): BrandDoseVerdict {
  const notComparable = (reason: string): BrandDoseVerdict => ({ verdict: { comparison: { verdict: 'not-comparable', reason } } });
  const substances = names.map((n) => lexicon.substance(n));
  if (substances.some((s) => !s)) return notComparable(`association de ${listed(names)} : un composant est inconnu de la base`);
  const inUnit = (substances as Substance[]).filter((s) => s.ranges.some((r) => comparableUnits(r.unit, dose.unit)));
  if (!inUnit.length) return notComparable(`association de ${listed(names)} : aucun composant n’a de posologie documentée en ${dose.unit}`);
  const judged = inUnit.map((substance) => ({ substance, verdict: judgeDose(dose, substance, context) }));
  const kinds = new Set(judged.map((j) => j.verdict.comparison.verdict));
  const ambiguous = notComparable(`association de ${listed(names)} : la dose écrite peut être celle de l’un ou de l’autre composant ; écrire la dose de chacun (« 800/160 mg »)`);
  if (kinds.size > 1 || kinds.has('not-comparable')) return ambiguous;
  // A component with no range agrees only with « above », and only when no use of its marketed strengths reaches the dose.
  const undocumented = (substances as Substance[]).filter((s) => !s.ranges.length);
  if (undocumented.length && !(kinds.has('above') && undocumented.every((s) => judgeDose(dose, s, context).implausible))) {
    return kinds.has('above') ? ambiguous : notComparable(`association de ${listed(names)} ; sans posologie documentée pour ${listed(undocumented.map((s) => s.dci))}, une dose unique ne peut être rapportée à un composant`);
  }
  // The same verdict for each: the component the dose is the least far from.
  return judged.reduce((best, j) => ((j.verdict.comparison.ratio ?? 1) < (best.verdict.comparison.ratio ?? 1) ? j : best));
}
