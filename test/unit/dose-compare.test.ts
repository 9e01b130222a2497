/**
 * A written dose against documented ranges (server/src/core/dose/compare.ts), one behaviour per test, the verdict
 * exact: which verdict, how many times out, which range decided, or why « not comparable ». Doses are read by the
 * real grammar (findDoses), ranges given in the tiny lexicon's short form (test data, not the shipped data).
 * Example: « 15 mg/j » against 7,5–25 mg/semaine → rhythm, 105 mg/sem, 4,2 times the weekly maximum.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDoses } from '../../server/src/core/doses';
import { compareDose, rangesForRoute } from '../../server/src/core/dose/compare';
import type { DoseRange } from '../../server/src/core/index-types';
import { range } from '../support/tiny-lexicon';

type Spec = string | [string, Partial<DoseRange>];
const short = (r?: DoseRange) => r && `${r.min}-${r.max} ${r.unit}${r.perWeight ? `/${r.perWeight}` : ''}/${r.per}`;
/** The verdict on the first dose of `text` against `specs`: [verdict, ratio to 2 decimals, deciding range, reason]. */
function verdict(text: string, ...specs: Spec[]) {
  const dose = findDoses(text)[0];
  assert.ok(dose, text);
  const c = compareDose(dose, specs.map((s) => range('x', s)));
  return [c.verdict, c.ratio === undefined ? null : Math.round(c.ratio * 100) / 100, short(c.range) ?? null, c.reason ?? null];
}
/** The reading that decided: [basis, min, max, unit]. */
function reading(text: string, ...specs: Spec[]) {
  const c = compareDose(findDoses(text)[0], specs.map((s) => range('x', s)));
  return c.reading && [c.reading.basis, c.reading.min, c.reading.max, c.reading.unit];
}
const DAILY = '150-600 mg/day orale';

test('at the maximum and at the minimum a dose is in range', () => {
  assert.deepEqual(verdict('600 mg/j', DAILY), ['in-range', null, null, null]);
  assert.deepEqual(verdict('150 mg/j', DAILY), ['in-range', null, null, null]);
});

test('just above the maximum is above, with its ratio and the range of the highest maximum', () => {
  assert.deepEqual(verdict('601 mg/j', DAILY), ['above', 1, '150-600 mg/day', null]);
  assert.deepEqual(verdict('900 mg/j', '150-300 mg/day', '300-600 mg/day'), ['above', 1.5, '300-600 mg/day', null]);
});

test('just below the minimum is below, with its ratio and the range of the lowest minimum', () => {
  assert.deepEqual(verdict('149 mg/j', DAILY), ['below', 1.01, '150-600 mg/day', null]);
  assert.deepEqual(verdict('50 mg/j', '150-300 mg/day', '100-600 mg/day'), ['below', 2, '100-600 mg/day', null]);
});

test('a written range is below only when all of it is', () => {
  assert.deepEqual(verdict('100 à 200 mg/j', DAILY), ['in-range', null, null, null]);
  assert.deepEqual(verdict('50 à 100 mg/j', DAILY), ['below', 1.5, '150-600 mg/day', null]);
});

test('a titration step is not compared', () => {
  assert.deepEqual(verdict('palier de 50 mg', DAILY), ['not-comparable', null, null, 'palier de titration']);
});

test('no range: not comparable, with the route when one is written', () => {
  assert.deepEqual(verdict('50 mg/j'), ['not-comparable', null, null, 'aucune posologie documentée']);
  assert.deepEqual(verdict('50 mg IV'), ['not-comparable', null, null, 'aucune posologie documentée par voie intraveineuse']);
});

test('another dimension is not comparable, naming the documented units', () => {
  assert.deepEqual(verdict('50 mg/j', '2000-4000 UI/day', '10-20 mmol/day'), ['not-comparable', null, null, 'unité mg non comparable aux posologies documentées (UI, mmol)']);
});

test('per kg against per m² only is not comparable', () => {
  assert.deepEqual(verdict('2 mg/kg/j', ['1-2 mg/day', { perWeight: 'm2' }]), ['not-comparable', null, null, 'dose par kg comparée à des posologies par m² (ou l’inverse)']);
});

test('a basis no range is documented in is not comparable', () => {
  assert.deepEqual(verdict('750 mg par cure', DAILY), ['not-comparable', null, null, 'aucune posologie documentée sur cette base (par prise, par jour, par semaine…)']);
});

test('a percentage is compared with percentages only', () => {
  assert.deepEqual(verdict('capsaïcine 8 %', '8-8 %/application cutanée'), ['in-range', null, null, null]);
  assert.deepEqual(verdict('capsaïcine 8 %', '8-8 mg/application cutanée')[0], 'not-comparable');
});

test('a cap has no minimum: any dose under it is in range', () => {
  assert.deepEqual(verdict('0,1 mg IV', ['2-2 mg/injection intraveineuse', { maxOnly: true }]), ['in-range', null, null, null]);
});

test('a loading dose is no minimum: the maintenance range’s minimum decides', () => {
  assert.deepEqual(verdict('300 mg par prise', ['1000-1000 mg/intake', { phase: 'charge' }], '200-400 mg/intake'), ['in-range', null, null, null]);
  assert.deepEqual(verdict('100 mg par prise', ['1000-1000 mg/intake', { phase: 'charge' }], '200-400 mg/intake'), ['below', 2, '200-400 mg/intake', null]);
});

test('per m² against a plain cap: above only when the smallest adult (1,4 m²) is above', () => {
  const cap: Spec = ['2-2 mg/injection intraveineuse', { maxOnly: true }];
  assert.deepEqual(verdict('1 mg/m² IV', cap), ['in-range', null, null, null]);
  assert.deepEqual(verdict('3 mg/m² IV', cap), ['above', 2.1, '2-2 mg/injection', null]);
});

test('per kg against a plain range: through 40 kg for the maximum', () => {
  assert.deepEqual(verdict('20 mg/kg/j', '100-1000 mg/day'), ['in-range', null, null, null]);
  assert.deepEqual(verdict('30 mg/kg/j', '100-1000 mg/day'), ['above', 1.2, '100-1000 mg/day', null]);
  assert.deepEqual(reading('30 mg/kg/j', '100-1000 mg/day'), ['day', 1200, 4500, 'mg']);
});

test('a plain dose against a per-m² range: through 2,6 m² for the maximum', () => {
  const perM2: Spec = ['1.4-1.4 mg/injection intraveineuse', { perWeight: 'm2' }];
  assert.deepEqual(verdict('3 mg IV', perM2), ['in-range', null, null, null]);
  assert.deepEqual(verdict('5 mg IV', perM2), ['above', 1.37, '1.4-1.4 mg/m2/injection', null]);
  assert.deepEqual(reading('5 mg IV', perM2), ['intake', 5 / 2.6, 5 / 1.4, 'mg']);
});

test('a plain dose against a per-kg range: through 150 kg for the maximum', () => {
  const perKg: Spec = ['100-100 UI/injection sous-cutanée', { perWeight: 'kg' }];
  assert.deepEqual(verdict('15 000 UI en sous-cutané', perKg), ['in-range', null, null, null]);
  assert.deepEqual(verdict('30 000 UI en sous-cutané', perKg), ['above', 2, '100-100 UI/kg/injection', null]);
});

test('mg for µg: far above, and in range read in µg', () => {
  assert.deepEqual(verdict('100 mg/j', '25-200 µg/day'), ['unit-mismatch', null, '25-200 µg/day', null]);
});

test('mg for g: far below, and in range read in g', () => {
  assert.deepEqual(verdict('0,5 mg/j', DAILY), ['unit-mismatch', null, '150-600 mg/day', null]);
});

test('ten times out is not enough for a unit slip when the other unit does not fit either', () => {
  assert.deepEqual(verdict('20 mg/j', '25-200 µg/day'), ['above', 100, '25-200 µg/day', null]);
});

test('out by less than ten times is above, not a unit slip, even when another unit would fit', () => {
  // 1 000 µg = 1 mg would fit 0,5–600 mg/j.
  assert.deepEqual(verdict('1 000 mg/j', '0.5-600 mg/day'), ['above', 1.67, '0.5-600 mg/day', null]);
});

test('a single intake above the daily maximum is above; under it, in range (never below the daily minimum)', () => {
  assert.deepEqual(verdict('1 200 mg', DAILY), ['above', 2, '150-600 mg/day', null]);
  assert.deepEqual(verdict('50 mg', DAILY), ['in-range', null, null, null]);
});

test('a regimen: the worst reading decides, per intake or per day', () => {
  assert.deepEqual(verdict('500 mg trois fois par jour', '50-300 mg/intake', DAILY), ['above', 2.5, '150-600 mg/day', null]);
  assert.deepEqual(verdict('500 mg deux fois par jour', '50-300 mg/intake', '150-2000 mg/day'), ['above', 1.67, '50-300 mg/intake', null]);
});

test('a weekly drug written per day is a rhythm slip: the weekly total and its ratio', () => {
  assert.deepEqual(verdict('15 mg/j', '7.5-25 mg/week'), ['rhythm', 4.2, '7.5-25 mg/week', null]);
  assert.deepEqual(reading('15 mg/j', '7.5-25 mg/week'), ['week', 105, 105, 'mg']);
});

test('a daily figure that fits the periodic maximum even taken daily is no rhythm slip', () => {
  assert.deepEqual(verdict('3 mg/j', '7.5-25 mg/week')[0], 'not-comparable');
});

test('no rhythm slip when a daily range holds the figure', () => {
  assert.deepEqual(verdict('15 mg/j', '7.5-25 mg/week', '10-20 mg/day'), ['in-range', null, null, null]);
});

test('no rhythm slip for a dose with its own interval, nor for a single intake', () => {
  assert.deepEqual(verdict('15 mg une fois par semaine', '7.5-25 mg/week'), ['in-range', null, null, null]);
  assert.deepEqual(verdict('15 mg', '7.5-25 mg/week'), ['in-range', null, null, null]);
});

test('a daily regimen of injections every four weeks is read per month', () => {
  assert.deepEqual(verdict('70 mg/j', ['70-140 mg/injection sous-cutanée', { interval: 'toutes les 4 semaines' }]), ['rhythm', 14, '70-140 mg/injection', null]);
  assert.deepEqual(reading('70 mg/j', ['70-140 mg/injection sous-cutanée', { interval: 'toutes les 4 semaines' }]), ['month', 1960, 1960, 'mg']);
});

test('a rhythm slip is measured against the most generous periodic range', () => {
  assert.deepEqual(verdict('15 mg/j', '7.5-25 mg/week', '10-200 mg/month'), ['rhythm', 2.25, '10-200 mg/month', null]);
});

test('a weekly total against an injection given once a week, and a monthly one against an injection every 4 weeks', () => {
  assert.deepEqual(verdict('20 mg par semaine', ['1-2 mg/injection', { interval: 'une fois par semaine' }]), ['above', 10, '1-2 mg/injection', null]);
  assert.deepEqual(verdict('300 mg par mois', ['70-140 mg/injection', { interval: 'toutes les 4 semaines' }]), ['above', 2.14, '70-140 mg/injection', null]);
});

test('the route written chooses its ranges; with none, an intake is compared with the oral ones', () => {
  const ranges = [range('x', '1-2 mg/intake orale'), range('x', '5-10 mg/injection intraveineuse')];
  const routes = (text: string) => rangesForRoute(findDoses(text)[0], ranges).map((r) => r.route);
  assert.deepEqual(routes('8 mg IV'), ['intraveineuse']);
  assert.deepEqual(routes('8 mg'), ['orale']);
  assert.deepEqual(routes('8 mg/j'), ['orale']);
  assert.deepEqual(routes('8 mg par semaine'), ['orale', 'intraveineuse']);
});

test('with no oral range, an intake is compared with all', () => {
  assert.deepEqual(rangesForRoute(findDoses('8 mg')[0], [range('x', '5-10 mg/injection intraveineuse')]).map((r) => r.route), ['intraveineuse']);
});

// The survivors of issue #12 §6 (test/mutation-survivors.md): each test below pins one verdict that a mutant of
// compare.ts changed without any earlier test noticing.
const c = (text: string, ...specs: Spec[]) => compareDose(findDoses(text)[0], specs.map((s) => range('x', s)));
const WEEKLY = '7.5-25 mg/week';

test('ranges in µg and in mg of one basis are compared together, in the first one’s unit', () => {
  assert.deepEqual(verdict('1 500 µg/j', '25-200 µg/day', '1-2 mg/day'), ['in-range', null, null, null]);
  assert.deepEqual(c('1 500 µg/j', '25-200 µg/day', '1-2 mg/day').span, { min: 25, max: 2000 });
});

test('a loading dose lower than the maintenance range is no minimum either', () => {
  assert.deepEqual(verdict('150 mg/j', ['100-1000 mg/day', { phase: 'charge' }], '200-400 mg/day'), ['below', 1.33, '200-400 mg/day', null]);
});

test('a weekly total against an infusion or an intake given once a week', () => {
  assert.deepEqual(verdict('20 mg par semaine', ['1-2 mg/infusion', { interval: 'une fois par semaine' }]), ['above', 10, '1-2 mg/infusion', null]);
  assert.deepEqual(verdict('20 mg par semaine', ['1-2 mg/intake', { interval: 'une fois par semaine' }]), ['above', 10, '1-2 mg/intake', null]);
});

test('a monthly total is not compared with a weekly injection, nor a weekly total with a monthly or quarterly one', () => {
  const NONE = ['not-comparable', null, null, 'aucune posologie documentée sur cette base (par prise, par jour, par semaine…)'];
  assert.deepEqual(verdict('300 mg par mois', ['1-2 mg/injection', { interval: 'une fois par semaine' }]), NONE);
  assert.deepEqual(verdict('20 mg par semaine', ['70-140 mg/injection', { interval: 'toutes les 4 semaines' }]), NONE);
  assert.deepEqual(verdict('300 mg par mois', ['100-200 mg/injection', { interval: 'tous les 3 mois' }]), NONE);
});

test('a reading in range wins over a written one below (a daily total split into intakes)', () => {
  assert.deepEqual(verdict('100 mg/j en deux prises', DAILY, '50-100 mg/intake'), ['in-range', null, null, null]);
});

test('a yearly dose spread over the days is never below: an assumption only confirms', () => {
  assert.deepEqual(verdict('50 mg par an', DAILY), ['in-range', null, null, null]);
});

test('an in-range and an above verdict carry the documented span', () => {
  assert.deepEqual(c('300 mg/j', '150-300 mg/day', '200-600 mg/day').span, { min: 150, max: 600 });
  assert.deepEqual(c('900 mg/j', DAILY).span, { min: 150, max: 600 });
});

test('a single intake or a per-kg dose is never read as a unit slip', () => {
  assert.deepEqual(verdict('100 mg', '25-200 µg/day'), ['above', 500, '25-200 µg/day', null]);
  assert.deepEqual(verdict('10 mg/kg/j', '25-200 µg/day'), ['above', 2000, '25-200 µg/day', null]);
});

test('exactly ten times below is below, not a unit slip', () => {
  assert.deepEqual(verdict('1 mg/j', '10-2000 mg/day'), ['below', 10, '10-2000 mg/day', null]);
});

test('a dose in range is never a unit slip, even when another unit would fit too', () => {
  assert.deepEqual(verdict('0,6 mg/j', '0.5-600 mg/day'), ['in-range', null, null, null]);
});

test('a unit slip whose other reading falls exactly on the minimum or the maximum', () => {
  assert.deepEqual(verdict('150 g/j', DAILY), ['unit-mismatch', null, '150-600 mg/day', null]);
  assert.deepEqual(verdict('600 g/j', DAILY), ['unit-mismatch', null, '150-600 mg/day', null]);
});

test('a daily regimen of a drug taken once a week, per intake or per infusion, is a rhythm slip', () => {
  assert.deepEqual(verdict('15 mg/j', ['7.5-25 mg/intake', { interval: 'une fois par semaine' }]), ['rhythm', 4.2, '7.5-25 mg/intake', null]);
  assert.deepEqual(verdict('15 mg/j', ['7.5-25 mg/infusion', { interval: 'une fois par semaine' }]), ['rhythm', 4.2, '7.5-25 mg/infusion', null]);
});

test('a range per cycle is no periodic dose, even with an interval', () => {
  assert.deepEqual(verdict('100 mg/j', ['75-75 mg/cycle', { interval: 'toutes les 3 semaines' }])[0], 'not-comparable');
});

test('a periodic range per kg says nothing of a plain daily figure, nor one in another dimension', () => {
  assert.deepEqual(verdict('15 mg/j', ['0.3-0.5 mg/week', { perWeight: 'kg' }])[0], 'not-comparable');
  assert.deepEqual(verdict('15 mg/j', '100-200 UI/week', WEEKLY), ['rhythm', 4.2, '7.5-25 mg/week', null]);
});

test('no rhythm slip when an intake, an injection or an infusion with no long interval holds the figure', () => {
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '10-20 mg/intake')[0], 'not-comparable');
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '10-20 mg/injection')[0], 'not-comparable');
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '10-20 mg/infusion')[0], 'not-comparable');
  assert.deepEqual(verdict('15 mg/j', WEEKLY, ['10-20 mg/intake', { interval: 'toutes les 8 heures' }])[0], 'not-comparable');
});

test('a range per cycle, or an intake with an unreadable interval, does not make the drug a daily one', () => {
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '10-20 mg/cycle'), ['rhythm', 4.2, '7.5-25 mg/week', null]);
  assert.deepEqual(verdict('15 mg/j', WEEKLY, ['10-20 mg/intake', { interval: 'si besoin' }]), ['rhythm', 4.2, '7.5-25 mg/week', null]);
});

test('a daily range under the figure leaves the rhythm slip; exactly at its maximum it holds it', () => {
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '1-2 mg/day'), ['rhythm', 4.2, '7.5-25 mg/week', null]);
  assert.deepEqual(verdict('20 mg/j', WEEKLY, '10-20 mg/day'), ['in-range', null, null, null]);
});

test('the most generous periodic range decides whatever its place, measured per day', () => {
  assert.deepEqual(verdict('15 mg/j', '10-200 mg/month', WEEKLY), ['rhythm', 2.25, '10-200 mg/month', null]);
  assert.deepEqual(verdict('15 mg/j', WEEKLY, '10-100 mg/month'), ['rhythm', 4.2, '7.5-25 mg/week', null]);
});

test('a daily figure whose week is exactly the weekly maximum is no rhythm slip', () => {
  assert.deepEqual(verdict('5 mg/j', '7-35 mg/week')[0], 'not-comparable');
});

test('a rhythm slip is read per week for a weekly injection, per injection for a quarterly one', () => {
  assert.deepEqual(reading('15 mg/j', ['7.5-25 mg/injection', { interval: 'une fois par semaine' }]), ['week', 105, 105, 'mg']);
  assert.deepEqual(reading('70 mg/j', ['100-200 mg/injection', { interval: 'tous les 3 mois' }]), ['injection', 6300, 6300, 'mg']);
});

test('a rhythm slip’s reading is derived, with the periodic range as its span', () => {
  const slip = c('15 mg/j', WEEKLY);
  assert.equal(slip.reading?.derived, true);
  assert.deepEqual(slip.span, { min: 7.5, max: 25 });
});

test('why not comparable: a documented unit that converts, or per kg against per kg, is no unit or weight reason', () => {
  const NONE = 'aucune posologie documentée sur cette base (par prise, par jour, par semaine…)';
  assert.deepEqual(verdict('750 mg par cure', '2000-4000 UI/day', DAILY)[3], NONE);
  assert.deepEqual(verdict('750 mg par cure', ['1-2 mg/day', { perWeight: 'kg' }])[3], NONE);
  assert.deepEqual(verdict('2 mg/kg/j', ['1-2 mg/day', { perWeight: 'm2' }], ['1-2 mg/cycle', { perWeight: 'kg' }])[3], NONE);
  assert.deepEqual(verdict('2 mg/kg/j', '1-2 mg/cycle')[3], NONE);
});

test('a single intake under the daily minimum is in range with the daily span (read as at least that much a day)', () => {
  const single = c('50 mg', DAILY);
  assert.deepEqual([single.verdict, single.reading?.basis, single.span], ['in-range', 'day', { min: 150, max: 600 }]);
});

/** Époétine alfa: 50–150 UI/kg per injection three times a week, or at most 240 UI/kg once a week (two schedules). */
const THREE_A_WEEK: Spec = ['50-150 UI/injection', { perWeight: 'kg', interval: 'trois fois par semaine' }];
const ONCE_A_WEEK: Spec = ['240-240 UI/injection', { perWeight: 'kg', interval: 'une fois par semaine', maxOnly: true }];

test('a dose written on a documented schedule is judged by that schedule, not by another schedule’s weekly figure', () => {
  assert.deepEqual(verdict('120 UI/kg trois fois par semaine', THREE_A_WEEK, ONCE_A_WEEK), ['in-range', null, null, null]);
  assert.deepEqual(verdict('150 UI/kg trois fois par semaine', THREE_A_WEEK, ONCE_A_WEEK), ['in-range', null, null, null]);
});

test('a dose above its own schedule’s maximum is above it, whatever another schedule allows', () => {
  assert.deepEqual(verdict('300 UI/kg trois fois par semaine', THREE_A_WEEK, ONCE_A_WEEK), ['above', 2, '50-150 UI/kg/injection', null]);
});

test('a weekly total on a schedule no range documents is still compared with a once-weekly injection', () => {
  assert.deepEqual(verdict('120 UI/kg deux fois par semaine', ONCE_A_WEEK), ['in-range', null, null, null]);
  assert.deepEqual(verdict('200 UI/kg deux fois par semaine', ONCE_A_WEEK), ['above', 1.67, '240-240 UI/kg/injection', null]);
});
