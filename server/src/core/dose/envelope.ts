/**
 * The plausibility envelope: for a substance with no curated range for a dose's route and basis, what the
 * marketed products themselves allow. No realistic use takes more than a handful of the strongest units at
 * once, or a dozen a day, or two of the strongest patches.
 *
 *   « aucune présentation de X ne dépasse 240 mg par comprimé : 9 600 mg/j = 40 comprimés »
 */
import type { Strength } from '../index-types';
import type { Dose } from '../doses';
import { convert } from './units';
import { ADULT_SURFACE_M2, ADULT_WEIGHT_KG } from './basis';
import { readingsOf } from './readings';

/** Bounds of a realistic use, in units of the strongest marketed presentation. */
export const ENVELOPE = { unitsPerIntake: 6, unitsPerDay: 12, patches: 2 };

export interface Implausible {
  strength: Strength;
  /** The dose's amount compared, in the strength's unit, and its basis. */
  amount: number;
  basis: 'intake' | 'day' | 'hour';
  /** Units of the strongest presentation it takes. */
  units: number;
}

function lightest(dose: Dose): number {
  return dose.perWeight === 'kg' ? ADULT_WEIGHT_KG.min : dose.perWeight === 'm2' ? ADULT_SURFACE_M2.min : 1;
}

/** The strongest unit that could give this dose (its route's, or any route's but patches when none is written). */
function strongest(dose: Dose, strengths: Strength[], per: Strength['per']): Strength | undefined {
  const usable = strengths.filter((s) => s.per === per && (dose.route ? s.route === dose.route : per === 'hour' || s.route !== 'transdermique') && convert(1, dose.unit, s.unit) !== null);
  let best: Strength | undefined;
  for (const s of usable) if (!best || convert(s.amount, s.unit, best.unit)! > best.amount) best = s;
  return best;
}

export function checkEnvelope(dose: Dose, strengths: Strength[] | undefined): Implausible | null {
  if (!strengths?.length || dose.per === 'step' || dose.per === 'cycle' || dose.unit === '%' || dose.unit === 'mL') return null;
  const scale = lightest(dose);
  if (dose.per === 'hour' || (dose.route === 'transdermique' && dose.per === 'day')) {
    // A patch's rate (« 25 µg/h »), or its dose per 24 hours (« 21 mg/24 h »).
    const patch = strongest(dose, strengths, 'hour');
    if (!patch) return null;
    const perHour = dose.per === 'hour' ? dose.min : dose.min / 24;
    const amount = convert(perHour * scale, dose.unit, patch.unit)!;
    return amount > patch.amount * ENVELOPE.patches ? { strength: patch, amount, basis: 'hour', units: amount / patch.amount } : null;
  }
  const unit = strongest(dose, strengths, 'unit');
  if (!unit) return null;
  for (const r of readingsOf(dose)) {
    if (r.weak && !r.atLeast) continue;
    const basis = r.basis === 'day' ? 'day' : r.basis === 'intake' || r.basis === 'infusion' ? 'intake' : null;
    if (!basis) continue;
    const amount = convert(r.min * scale, dose.unit, unit.unit)!;
    const limit = basis === 'day' ? ENVELOPE.unitsPerDay : ENVELOPE.unitsPerIntake;
    if (amount > unit.amount * limit) return { strength: unit, amount, basis, units: amount / unit.amount };
  }
  return null;
}
