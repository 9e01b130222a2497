/**
 * A dose against a substance's documented ranges, the way a pharmacist checks it: in every basis the dose
 * can be read in (per intake, per day, per week…), through an adult weight or surface envelope when the
 * dose is per kg and the ranges are not (or the reverse), with the rhythm of weekly drugs, and with the
 * unit slip (mg for µg) recognised. The answer is a verdict; « not comparable » is one, with its reason.
 *
 *   méthotrexate « 15 mg/j » (ranges 7,5–25 mg/sem) → rhythm (= 105 mg/sem)
 *   prégabaline « 1 200 mg/j » (150–600 mg/j)       → above, 2 ×
 *   lévothyroxine « 100 mg/j » (25–200 µg/j)        → unit-mismatch (µg)
 */
import type { DoseRange, RangeBasis, Unit } from '../index-types';
import type { Dose } from '../doses';
import { convert } from './units';
import { ADULT_SURFACE_M2, ADULT_WEIGHT_KG, SAME_BASIS } from './basis';
import { readingsOf, type Reading } from './readings';
import { INTERVAL_DAYS, intervalDays } from './frequency';

export type Verdict = 'in-range' | 'above' | 'below' | 'rhythm' | 'unit-mismatch' | 'not-comparable';

export interface Comparison {
  verdict: Verdict;
  /** The reading that decided, in the range's unit. */
  reading?: Reading & { unit: Unit; perWeight?: 'kg' | 'm2'; throughEnvelope?: boolean };
  /** The range that decided (the highest maximum for `above`, the lowest minimum for `below`). */
  range?: DoseRange;
  /** The documented span of the ranges compared (same basis and unit as `reading`). */
  span?: { min: number; max: number };
  /** Times above the maximum or below the minimum. */
  ratio?: number;
  /** For `unit-mismatch`: the unit in which the written figure fits. */
  unit?: Unit;
  /** For `not-comparable`: why, in French. */
  reason?: string;
}

const EPSILON = 1e-9;
const MASS_UNITS: Unit[] = ['µg', 'mg', 'g'];

/** The ranges a dose is compared with: its route's, or by default an oral intake's when the drug is taken by mouth. */
export function rangesForRoute(dose: Dose, ranges: DoseRange[]): DoseRange[] {
  if (dose.route) return ranges.filter((r) => r.route === dose.route);
  // With no route written, a single intake of a drug taken by mouth is not compared with its injections
  // (« hydrocortisone 10 mg le matin »).
  const oral = ranges.filter((r) => r.route === 'orale');
  if (oral.length && (dose.per === 'intake' || dose.per === 'day')) return oral;
  return ranges;
}

interface Candidate { reading: Reading; ranges: DoseRange[]; lo: number; hi: number; min: number; max: number; unit: Unit; envelope: boolean }

/** The ranges of one basis and weight that a reading can be compared with, and the reading in their unit. */
function candidate(dose: Dose, reading: Reading, ranges: DoseRange[]): Candidate | null {
  const bases: RangeBasis[] = SAME_BASIS[reading.basis as keyof typeof SAME_BASIS] ?? [reading.basis];
  const fit = ranges.filter((r) => (bases.includes(r.per) || sameSpan(reading.basis, r)) && (r.unit === '%') === (dose.unit === '%') && convert(1, dose.unit, r.unit) !== null);
  if (!fit.length) return null;
  const same = fit.filter((r) => (r.perWeight ?? null) === (dose.perWeight ?? null));
  const pool = same.length ? same : fit.filter((r) => canEnvelope(dose.perWeight, r.perWeight));
  if (!pool.length) return null;
  const unit = pool[0].unit;
  const inUnit = pool.filter((r) => r.unit === unit || convert(1, r.unit, unit) !== null);
  const lows = inUnit.filter((r) => !r.maxOnly && r.phase !== 'charge').map((r) => convert(r.min, r.unit, unit)!);
  const lo = lows.length ? Math.min(...lows) : 0;
  const hi = Math.max(...inUnit.map((r) => convert(r.max, r.unit, unit)!));
  let min = convert(reading.min, dose.unit, unit)!, max = convert(reading.max, dose.unit, unit)!;
  const envelope = !same.length;
  if (envelope) [min, max] = throughEnvelope(min, max, dose.perWeight, pool[0].perWeight);
  return { reading, ranges: inUnit, lo, hi, min, max, unit, envelope };
}

/** A weekly (monthly) total and an injection given once a week (a month) measure the same amount. */
function sameSpan(basis: RangeBasis, r: DoseRange): boolean {
  if (!administered(r)) return false;
  const period = periodOf(r);
  return period !== undefined && ((basis === 'week' && period === 7) || (basis === 'month' && period >= 28 && period <= 31));
}

function canEnvelope(dose?: 'kg' | 'm2', range?: 'kg' | 'm2'): boolean {
  return !dose !== !range; // one per weight, the other plain: compare through an adult envelope
}

/** A per-kg (per-m²) dose as a plain amount for any adult, or a plain dose as per kg (m²) for any adult. */
function throughEnvelope(min: number, max: number, dose?: 'kg' | 'm2', range?: 'kg' | 'm2'): [number, number] {
  const e = (dose ?? range) === 'kg' ? ADULT_WEIGHT_KG : ADULT_SURFACE_M2;
  return dose ? [min * e.min, max * e.max] : [min / e.max, max / e.min];
}

/** Compare a dose with the documented ranges of its substance (already narrowed to its route). */
export function compareDose(dose: Dose, ranges: DoseRange[]): Comparison {
  if (dose.per === 'step') return { verdict: 'not-comparable', reason: 'palier de titration' };
  if (!ranges.length) return { verdict: 'not-comparable', reason: dose.route ? `aucune posologie documentée par voie ${dose.route}` : 'aucune posologie documentée' };
  const readings = readingsOf(dose);
  const own = onItsSchedule(dose, ranges);
  const candidates = readings.map((r) => candidate(dose, r, own)).filter((c): c is Candidate => !!c);
  const rhythm = rhythmSlip(dose, readings, ranges);
  if (rhythm) return rhythm;
  if (!candidates.length) return { verdict: 'not-comparable', reason: notComparableReason(dose, ranges) };
  const slip = unitSlip(dose, candidates);
  if (slip) return slip;
  const judged = candidates.map((c) => ({ c, result: judge(c) }));
  const worstAbove = (weak: boolean) => judged.filter((j) => j.result.verdict === 'above' && !!j.c.reading.weak === weak)
    .sort((a, b) => b.result.ratio! - a.result.ratio!)[0]?.result;
  // What is written decides first; an assumption (a single intake as a week's dose…) raises an alarm only
  // when no reading at all is in range.
  return worstAbove(false)
    ?? judged.find((j) => j.result.verdict === 'in-range')?.result
    ?? worstAbove(true)
    ?? judged.find((j) => j.result.verdict === 'below' && !j.c.reading.weak)?.result
    ?? { verdict: 'in-range' };
}

function judge(c: Candidate): Comparison {
  const reading: Comparison['reading'] = { ...c.reading, min: c.min, max: c.max, unit: c.unit };
  // The reading is per kg (m²) where its ranges are: as written, or through the envelope.
  if (c.ranges[0].perWeight) reading.perWeight = c.ranges[0].perWeight;
  if (c.envelope) reading.throughEnvelope = true;
  const span = { min: c.lo, max: c.hi };
  const maxRange = () => c.ranges.find((r) => convert(r.max, r.unit, c.unit)! >= c.hi * (1 - EPSILON));
  // Through the envelope, only what no adult could get counts: the lightest adult above the maximum.
  const high = c.envelope ? c.min : c.max;
  if (high > c.hi * (1 + EPSILON)) return { verdict: 'above', reading, span, ratio: high / c.hi, range: maxRange() };
  // A written range that overlaps the documented one is never below; a lower bound says nothing of the minimum.
  if (!c.reading.atLeast && c.lo > 0 && c.max < c.lo * (1 - EPSILON)) {
    return { verdict: 'below', reading, span, ratio: c.lo / c.max, range: c.ranges.find((r) => !r.maxOnly && Math.abs(convert(r.min, r.unit, c.unit)! - c.lo) <= EPSILON * c.lo) };
  }
  return { verdict: 'in-range', reading, span };
}

/**
 * mg written for µg (or g for mg): out of range by at least ten times, while the written figure read in
 * another mass unit falls inside the documented range. Only a range with a minimum is evidence: under a
 * mere cap (« vincristine 30 mg IV », 2 mg au maximum) any smaller figure fits, so the dose is above the cap.
 */
function unitSlip(dose: Dose, candidates: Candidate[]): Comparison | null {
  if (!MASS_UNITS.includes(dose.unit)) return null;
  for (const c of candidates) {
    if (c.envelope || c.reading.atLeast || !MASS_UNITS.includes(c.unit) || c.lo <= 0) continue;
    const far = c.max > c.hi * 10 || c.max < c.lo / 10;
    if (!far) continue;
    for (const u of MASS_UNITS) {
      if (u === dose.unit) continue;
      const min = convert(c.reading.min, u, c.unit)!, max = convert(c.reading.max, u, c.unit)!;
      if (min >= c.lo * (1 - EPSILON) && max <= c.hi * (1 + EPSILON)) {
        return { verdict: 'unit-mismatch', unit: u, reading: { ...c.reading, min: c.min, max: c.max, unit: c.unit }, span: { min: c.lo, max: c.hi }, range: c.ranges[0] };
      }
    }
  }
  return null;
}

/**
 * A dose written on a schedule the substance documents is judged by that schedule: « 120 UI/kg trois fois par
 * semaine » by the three-times-a-week injections (50–150 UI/kg), not summed into a week to meet another schedule's
 * once-weekly injection (240 UI/kg). Daily, weekly and monthly totals, and injections of no stated rhythm, still apply.
 */
function onItsSchedule(dose: Dose, ranges: DoseRange[]): DoseRange[] {
  const iv = dose.interval;
  if (!iv || iv.min !== iv.max || iv.unit === 'heure') return ranges;
  const days = iv.min * INTERVAL_DAYS[iv.unit];
  // Per range: undefined for a total (per day, week…) or an administration of no stated rhythm, else on the dose's schedule or not.
  const onSchedule = ranges.map((r) => {
    const period = administered(r) ? periodOf(r) : undefined;
    return period === undefined ? undefined : Math.abs(period - days) <= 1e-6 * days;
  });
  return onSchedule.includes(true) ? ranges.filter((_, i) => onSchedule[i] !== false) : ranges;
}

/** A range per administration (an intake, an injection, an infusion), rather than a total over a period. */
function administered(r: DoseRange): boolean {
  return r.per === 'intake' || r.per === 'injection' || r.per === 'infusion';
}

/** Days between two doses of a range: a week, a month, or its injection interval (« toutes les 2 semaines »). */
function periodOf(r: DoseRange): number | undefined {
  if (r.per === 'week') return 7;
  if (r.per === 'month') return 30;
  if (r.per === 'day') return 1;
  if (administered(r)) return intervalDays(r.interval);
  return undefined;
}

/**
 * A daily regimen of a drug documented weekly, monthly, or as injections weeks apart: the daily figure is a
 * periodic dose written per day. Reported when no daily range of the route holds it.
 */
function rhythmSlip(dose: Dose, readings: Reading[], ranges: DoseRange[]): Comparison | null {
  const daily = readings.find((r) => r.basis === 'day' && !r.atLeast && (!r.derived || !!dose.timesPerDay));
  if (!daily || dose.interval) return null;
  const usable = ranges.filter((r) => (r.perWeight ?? null) === (dose.perWeight ?? null) && convert(1, dose.unit, r.unit) !== null);
  const slow = usable.filter((r) => (periodOf(r) ?? 0) >= 7);
  if (!slow.length) return null;
  const unit = slow[0].unit;
  const value = convert(daily.max, dose.unit, unit)!;
  // A daily range, or an intake with no long interval, that holds the figure: the drug is taken daily too.
  const fast = usable.filter((r) => !slow.includes(r) && (r.per === 'day' || (administered(r) && (!r.interval || periodOf(r) !== undefined))));
  if (fast.some((r) => value <= convert(r.max, r.unit, unit)! * (1 + EPSILON))) return null;
  // The most generous periodic range, as a dose per day.
  const best = slow.reduce((a, r) => (convert(r.max, r.unit, unit)! / periodOf(r)! > convert(a.max, a.unit, unit)! / periodOf(a)! ? r : a));
  const period = periodOf(best)!;
  const hi = convert(best.max, best.unit, unit)!;
  if (value * period <= hi * (1 + EPSILON)) return null; // taken daily, it still fits the periodic maximum
  const basis: RangeBasis = best.per === 'month' || (period >= 28 && period <= 31) ? 'month' : best.per === 'week' || period === 7 ? 'week' : best.per;
  return {
    verdict: 'rhythm', reading: { min: convert(daily.min, dose.unit, unit)! * period, max: value * period, basis, derived: true, unit },
    span: { min: convert(best.min, best.unit, unit)!, max: hi }, ratio: (value * period) / hi, range: best,
  };
}

function notComparableReason(dose: Dose, ranges: DoseRange[]): string {
  if (!ranges.some((r) => convert(1, dose.unit, r.unit) !== null)) return `unité ${dose.unit} non comparable aux posologies documentées (${[...new Set(ranges.map((r) => r.unit))].join(', ')})`;
  if (dose.perWeight && ranges.every((r) => r.perWeight && r.perWeight !== dose.perWeight)) return 'dose par kg comparée à des posologies par m² (ou l’inverse)';
  return 'aucune posologie documentée sur cette base (par prise, par jour, par semaine…)';
}
