/**
 * Dose expressions in French prose, normalised to a value range, a unit and a basis, with the rhythm and
 * the daily equivalent when one is written. Patterns come from the tables of `dose/` (lexemes, units,
 * bases, rhythms, filters).
 *
 *   "75 mg deux fois par jour"   → 75 mg per intake, ×2/j → 150 mg/j
 *   "entre 150 et 600 mg/j"      → 150–600 mg per day
 *   "1 g/8 h", "100 UI/kg/12 h"  → per intake, every 8 (12) hours
 *   "3 gélules de 500 mg"        → 1 500 mg per intake ; "25 µg/h" → a rate per hour
 *   "paliers de 150 mg tous les 3 à 7 jours" → 150 mg titration step
 */
import { routeNear } from './routes';
import { LETTER } from './normalize';
import type { Unit } from './index-types';
import { COUNT, FORM, FORM_WORDS, NUMBER, SP, STARTING_WORDS, WORD_END } from './dose/lexemes';
import { readUnit, UNIT_PATTERN } from './dose/units';
import { BASIS_PATTERN, readBasis, type DoseBasis } from './dose/basis';
import { count, readRhythm, type Interval } from './dose/frequency';
import { filterDose } from './dose/filters';
import { digitRunStarts, endTest, matchesAt } from './dose/scan';

export type { DoseBasis } from './dose/basis';
export type { Interval } from './dose/frequency';

export interface Dose {
  start: number;
  end: number;
  text: string;
  min: number;
  max: number;
  unit: Unit;
  perWeight?: 'kg' | 'm2';
  per: DoseBasis;
  /** Intakes per day, when stated. */
  timesPerDay?: { min: number; max: number };
  /** One intake every…, when stated (« toutes les 12 heures », « une fois par semaine », « /8 h »). */
  interval?: Interval;
  /** A daily or weekly amount split into intakes (« 1 g/j en deux prises »). */
  splitInto?: { min: number; max: number };
  /** Units counted before the strength (« 3 gélules de 500 mg »): the strength of one unit and the form. */
  units?: { count: { min: number; max: number }; strength: number; form: string };
  daily: { min: number; max: number } | null;
  /** Route written next to the dose, in the dataset's names ("intraveineuse"), when there is one. */
  route?: string;
  /** The sentence calls it a starting, titration, elderly or renal dose. */
  starting?: boolean;
  /** A combination strength (« 800/160 mg », « 49 mg/51 mg »): each component's amount, in writing order. */
  components?: { amount: number; unit: Unit }[];
  /** For a bare number in a table, the unit and basis its column header gives (« (mg/j) »). */
  columnUnit?: string;
  /** Offset and text of the unit, for quick fixes (empty when the unit is a column header's). */
  unitStart: number;
  unitText: string;
  /** Offset and text of the basis written after the unit (« /j », « par jour »), for the rhythm quick fix. */
  basisStart?: number;
  basisText?: string;
}

const DOSE = new RegExp(
  `(?<a>${NUMBER})(?:${SP}*(?<sep>à|-|–|et|ou)${SP}*(?<b>${NUMBER}))?${SP}*` +
  `(?<unit>${UNIT_PATTERN})${WORD_END}` +
  `(?:${SP}*(?:/|par${SP}+)${SP}*(?<weight>kg|m²|m2)${WORD_END})?` +
  `(?<basis>${SP}*(?:/|par${SP}+)${SP}*(?:(?<every>\\d{1,2})${SP}*)?(?<per>${BASIS_PATTERN})${WORD_END})?`,
  'yu', // sticky: tried at each run of digits only (dose/scan.ts)
);

/** « 2 comprimés à 333 mg », « 4 à 8 comprimés de 60 mg », « deux bouffées de 100 µg »: units counted before the strength. */
const UNITS_BEFORE = new RegExp(
  `(?:^|[^\\d.,${LETTER}])(?<n>${COUNT})(?:${SP}*(?:à|-)${SP}*(?<n2>${COUNT}))?${SP}+(?<form>${FORM})${SP}+(?:à|de|dosée?s?${SP}+à)${SP}*$`,
  'diu',
);
/** UNITS_BEFORE tried at the end of the lead first: most doses follow no count of units. */
const countedBefore = endTest(UNITS_BEFORE);
const STEP_PREFIX = new RegExp(`paliers?${SP}+de${SP}+$`, 'u');
const STEP_CONTEXT = new RegExp(`(?:augment[${LETTER}]*|major[${LETTER}]*|paliers?)(?:\\s+[${LETTER}]+){0,2}\\s+(?:de|par)\\s*$`, 'u');
const STARTING = new RegExp(`(?<![${LETTER}])(?:${STARTING_WORDS})(?![${LETTER}])`, 'iu');
/** A total given over several days (« 2 g/kg sur 5 jours », « répartis sur 2 à 5 jours »), or per course. */
const COURSE = new RegExp(`^${SP}*(?:(?:répartie?s?${SP}+)?(?:sur|en)${SP}+\\d+(?:${SP}*(?:à|-)${SP}*\\d+)?${SP}+jours|par${SP}+(?:cure|cycle))(?![${LETTER}])`, 'u');
const ENTRE = /entre\s*$/i;

function num(s: string): number {
  return Number(s.replace(/[\s\u00A0\u202F\u2009\u2007\u200A]/g, '').replace(',', '.'));
}

function formOf(written: string): string {
  return FORM_WORDS.find((f) => new RegExp(`^(?:${f.words})$`, 'iu').test(written))?.name ?? written;
}

/** The text before `start` back to the sentence's start (at most `max` characters). */
function clauseBefore(prose: string, start: number, max: number): string {
  const lead = prose.slice(Math.max(0, start - max), start);
  const cut = Math.max(lead.lastIndexOf('. '), lead.lastIndexOf('\n'));
  return cut >= 0 ? lead.slice(cut + 1) : lead;
}

/** « 800/160 mg », « 49 mg/51 mg », « 200/6 µg »: the strengths of a combination's components. */
const COMBINATION = new RegExp(
  `(?<a>${NUMBER})${SP}*(?:(?<ua>${UNIT_PATTERN})${SP}*)?/${SP}*(?<b>${NUMBER})${SP}*(?<ub>${UNIT_PATTERN})${WORD_END}`, 'yu');

export function findDoses(prose: string): Dose[] {
  const doses: Dose[] = [];
  const numbers = digitRunStarts(prose);
  for (const m of matchesAt(prose, DOSE, numbers)) {
    const dose = readDose(prose, m);
    if (dose) doses.push(dose);
  }
  for (const m of matchesAt(prose, COMBINATION, numbers)) {
    const dose = readCombination(prose, m);
    if (dose) doses.push(dose);
  }
  return doses.length > 1 ? doses.sort((x, y) => x.start - y.start) : doses;
}

function readCombination(prose: string, m: RegExpMatchArray): Dose | null {
  const g = m.groups!;
  const start = m.index!;
  if (GLUED_BEFORE.test(prose[start - 1] ?? '')) return null;
  const ub = readUnit(g.ub), ua = g.ua ? readUnit(g.ua) : ub;
  const components = [{ amount: num(g.a) * ua.factor, unit: ua.unit }, { amount: num(g.b) * ub.factor, unit: ub.unit }];
  let end = start + m[0].length;
  const rhythm = readRhythm(prose.slice(end, end + 80));
  if (rhythm && !rhythm.splitInto) end += rhythm.length;
  const unitStart = start + m[0].lastIndexOf(g.ub);
  // « On peut débuter le BACTRIM à 80/16 mg »: a starting dose, as for a single substance's.
  const starting = STARTING.test(clauseBefore(prose, start, 90));
  return {
    start, end, text: prose.slice(start, end), min: components[0].amount, max: components[0].amount, unit: components[0].unit, per: 'intake',
    timesPerDay: rhythm?.timesPerDay, interval: rhythm?.interval, daily: null, route: routeNear(prose, start, start + m[0].length),
    components, ...(starting ? { starting } : {}), unitStart, unitText: g.ub,
  };
}
const GLUED_BEFORE = new RegExp(`[${LETTER}\\d.,/]`, 'u');

/** « 1 g/8 h », « 100 UI/kg/12 h », « 5 mg/48 h »: one intake every so many hours (or days, or weeks). */
function readEvery(every: number, per: DoseBasis): { per: DoseBasis; interval?: Interval; timesPerDay?: Dose['timesPerDay'] } {
  if (per === 'hour' || per === 'day') {
    const hours = per === 'hour' ? every : every * 24;
    if (hours === 24) return { per: 'day' };
    const interval: Interval = hours % 24 === 0 ? { min: hours / 24, max: hours / 24, unit: 'jour' } : { min: hours, max: hours, unit: 'heure' };
    return { per: 'intake', interval, timesPerDay: hours < 24 ? { min: 24 / hours, max: 24 / hours } : undefined };
  }
  if (per === 'week') return { per: 'intake', interval: { min: every, max: every, unit: 'semaine' } };
  return { per };
}

function readDose(prose: string, m: RegExpMatchArray): Dose | null {
  const g = m.groups!;
  let start = m.index!;
  const lead = prose.slice(Math.max(0, start - 40), start);
  const step = STEP_PREFIX.exec(lead);
  if (g.b === undefined && g.sep) return null;
  if (g.sep === 'et' && !ENTRE.test(lead)) return null;
  const matchEnd = start + m[0].length;
  const units = countedBefore(lead) ? UNITS_BEFORE.exec(lead) : null;
  const filtered = filterDose(prose, start, matchEnd, !!units);
  if (filtered && !(filtered.verdict === 'glued' && step)) return null;
  const { unit, factor } = readUnit(g.unit);
  let per: DoseBasis = g.per ? readBasis(g.per) : 'intake';
  // A volume per minute or per hour is a flow (« 45 ml/min »), not a dose.
  if (unit === 'mL' && (per === 'minute' || per === 'hour')) return null;
  const n = units ? { min: count(units.groups!.n), max: count(units.groups!.n2 ?? units.groups!.n) } : { min: 1, max: 1 };
  const a = num(g.a) * factor, b = (g.b !== undefined ? num(g.b) : num(g.a)) * factor;
  let end = matchEnd;
  let timesPerDay: Dose['timesPerDay'];
  let interval: Interval | undefined;
  let splitInto: Dose['splitInto'];
  if (g.every) ({ per, interval, timesPerDay } = readEvery(Number(g.every), per));
  const rhythm = readRhythm(prose.slice(end, end + 80));
  if (rhythm && !interval && !timesPerDay) {
    if (rhythm.splitInto && (per === 'day' || per === 'week')) splitInto = rhythm.splitInto;
    else if (per === 'intake' && !rhythm.splitInto) {
      timesPerDay = rhythm.timesPerDay;
      interval = rhythm.interval;
    } else if (per === 'intake' && rhythm.splitInto) splitInto = undefined; // « 500 mg en deux prises »: read as written
    if (per === 'intake') end += rhythm.length;
    else if (per === 'day' && rhythm.timesPerDay?.min === 1 && rhythm.timesPerDay.max === 1) end += rhythm.length;
  }
  if (per === 'intake' && !timesPerDay && !interval && COURSE.test(prose.slice(end, end + 40))) per = 'cycle';
  if (step || STEP_CONTEXT.test(lead)) per = 'step';
  if (unit === '%') per = 'patch_concentration';
  const lo = Math.min(a, b) * n.min, hi = Math.max(a, b) * n.max;
  let daily: Dose['daily'] = null;
  if (per === 'day') daily = { min: lo, max: hi };
  else if (per === 'intake' && timesPerDay) daily = { min: lo * timesPerDay.min, max: hi * timesPerDay.max };
  const unitStart = start + m[0].indexOf(g.unit, g.a.length);
  const basisText = g.basis?.trimStart();
  const basisStart = g.basis ? matchEnd - basisText!.length : undefined;
  if (step) start -= step[0].length;
  if (units) start = start - lead.length + units.indices!.groups!.n[0];
  const starting = !!step || STARTING.test(clauseBefore(prose, start, 90));
  // Optional fields set in place, in this order (object spreads of optional parts cost more than the rest of the dose).
  const dose: Dose = { start, end, text: prose.slice(start, end), min: lo, max: hi, unit, per } as Dose;
  if (g.weight) dose.perWeight = g.weight === 'kg' ? 'kg' : 'm2';
  dose.timesPerDay = timesPerDay;
  dose.interval = interval;
  if (splitInto) dose.splitInto = splitInto;
  if (units) dose.units = { count: n, strength: Math.max(a, b), form: formOf(units.groups!.form) };
  dose.daily = daily;
  dose.route = routeNear(prose, start, matchEnd);
  if (starting) dose.starting = starting;
  dose.unitStart = unitStart;
  dose.unitText = g.unit;
  if (basisText) {
    dose.basisStart = basisStart;
    dose.basisText = basisText;
  }
  return dose;
}

/**
 * A number the French way, as fr-FR would print it ("1 200", "37,5"), without Intl: loading the
 * locale data costs ~20 ms on the first call, at the server's start.
 */
export function frenchNumber(n: number): string {
  const [int, dec] = String(Math.round(n * 1000) / 1000).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return dec ? `${grouped},${dec}` : grouped;
}

/** "150 mg/j", "75 mg", "0,4 g/kg/j": a dose value written back in French. */
export function formatAmount(min: number, max: number, unit: string, suffix = ''): string {
  const f = frenchNumber;
  return `${min === max ? f(min) : `${f(min)} à ${f(max)}`} ${unit}${suffix}`;
}
