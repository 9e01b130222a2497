/**
 * The readings of a written dose: each basis it can be compared in, with how it was obtained. A pharmacist
 * reads « 75 mg deux fois par jour » as 75 mg per intake AND 150 mg per day, « 1 g » (one intake, no rhythm)
 * as 1 g per intake and at least 1 g per day, « 25 µg/h » as a rate and as 600 µg per day.
 *
 *   « 15 mg une fois par semaine » → 15 mg par prise ; 15 mg/sem
 *   « 1 g/j en deux prises »       → 1 g/j ; 500 mg par prise
 */
import type { Dose } from '../doses';
import type { RangeBasis } from '../index-types';
import { DAYS } from './basis';
import { INTERVAL_DAYS } from './frequency';

export interface Reading {
  min: number;
  max: number;
  basis: RangeBasis;
  /** Computed from the written figure (« = 150 mg/j »), not read as written. */
  derived: boolean;
  /**
   * An assumption rather than a reading (a single intake taken as a whole week's dose, a weekly dose spread
   * over the days): it confirms a dose in range, and raises an alarm only when no other reading is in range.
   */
  weak?: boolean;
  /**
   * A lower bound only: a single intake with no rhythm is at least that much per day. It is compared with the
   * daily maximum (one intake above the maximum daily dose is too much), never with the minimum.
   */
  atLeast?: boolean;
}

/** Every reading of a dose, as written first. */
export function readingsOf(dose: Dose): Reading[] {
  const out: Reading[] = [];
  const push: Push = (min, max, basis, derived, weak, atLeast) => {
    const reading: Reading = { min, max, basis, derived };
    if (weak) reading.weak = weak;
    if (atLeast) reading.atLeast = atLeast;
    out.push(reading);
  };
  switch (dose.per) {
    case 'day':
      push(dose.min, dose.max, 'day', false);
      if (dose.splitInto) push(dose.min / dose.splitInto.max, dose.max / dose.splitInto.min, 'intake', true);
      break;
    case 'intake': case 'infusion':
      push(dose.min, dose.max, dose.per === 'infusion' ? 'infusion' : 'intake', false);
      pushRhythmReadings(dose, push);
      break;
    case 'year':
      push(dose.min / 365, dose.max / 365, 'day', true, true);
      break;
    case 'week': case 'month': {
      push(dose.min, dose.max, dose.per, false);
      if (dose.splitInto) push(dose.min / dose.splitInto.max, dose.max / dose.splitInto.min, 'intake', true);
      push(dose.min / DAYS[dose.per]!, dose.max / DAYS[dose.per]!, 'day', true, true);
      break;
    }
    case 'hour':
      push(dose.min, dose.max, 'hour', false);
      push(dose.min * 24, dose.max * 24, 'day', true);
      break;
    case 'minute':
      push(dose.min, dose.max, 'minute', false);
      push(dose.min * 60, dose.max * 60, 'hour', true);
      push(dose.min * 1440, dose.max * 1440, 'day', true);
      break;
    case 'cycle':
      push(dose.min, dose.max, 'cycle', false);
      break;
    case 'patch_concentration':
      push(dose.min, dose.max, 'application', false);
      break;
    default: // a titration step is no dose to compare
      break;
  }
  return out;
}

type Push = (min: number, max: number, basis: RangeBasis, derived: boolean, weak?: boolean, atLeast?: boolean) => void;

function pushRhythmReadings(dose: Dose, push: Push): void {
  if (dose.timesPerDay) {
    // « 50 à 100 mg toutes les 4 à 6 heures » spans 200–600 mg/j, yet it is the RCP's own wording for a
    // 400 mg/j maximum: with a range of frequencies, the highest dose is read at the lowest frequency.
    const t = dose.timesPerDay;
    push(dose.min * t.min, t.min !== t.max ? dose.max * t.min : dose.max * t.max, 'day', true);
    return;
  }
  const iv = dose.interval;
  if (iv && iv.unit !== 'heure') {
    const days = { min: iv.min * INTERVAL_DAYS[iv.unit], max: iv.max * INTERVAL_DAYS[iv.unit] };
    if (days.max >= 7 && days.min <= 7) push(dose.min, dose.max, 'week', true);
    else if (days.min < 7) push((dose.min * 7) / days.max, (dose.max * 7) / days.min, 'week', true);
    if (days.min >= 28 && days.max <= 31) push(dose.min, dose.max, 'month', true);
    push(dose.min / days.max, dose.max / days.min, 'day', true, days.min >= 7);
    return;
  }
  if (iv) return;
  // One intake, no rhythm: at least that much on the day it is taken; for a weekly or monthly drug, the
  // week's or the month's dose.
  push(dose.min, dose.max, 'day', true, true, true);
  push(dose.min, dose.max, 'week', true, true, true);
  push(dose.min, dose.max, 'month', true, true, true);
}
