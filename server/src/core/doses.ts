/**
 * Dose expressions in French prose, normalised to a value range, a unit and a
 * basis, with the daily equivalent when a frequency is given.
 *
 *   "75 mg deux fois par jour"   → 75 mg per intake, ×2/j → 150 mg/j
 *   "entre 150 et 600 mg/j"      → 150–600 mg per day (span starts at 150)
 *   "paliers de 150 mg tous les 3 à 7 jours" → 150 mg titration step
 *   "1 200 mg", "37,5 mg/j", "375 mg/m²", "0,4 g/kg", "8 %"
 */
import { routeNear, ROUTE_ABBREVIATIONS } from './routes';
import { LETTER } from './normalize';
import type { Unit } from './index-types';

export type DoseBasis = 'day' | 'intake' | 'step' | 'week' | 'month' | 'hour' | 'minute' | 'infusion' | 'cycle' | 'patch_concentration';

export interface Interval { min: number; max: number; unit: 'jour' | 'semaine' | 'mois' | 'heure' }

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
  interval?: Interval;
  daily: { min: number; max: number } | null;
  /** Route written next to the dose, in the dataset's names ("intraveineuse"), when there is one. */
  route?: string;
  /** Offset and text of the unit, for quick fixes. */
  unitStart: number;
  unitText: string;
}

const NUMBER_WORDS: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6 };
const SP = '[ \\t\\u00A0\\u202F\\u2009]';
const NUM = `\\d{1,3}(?:[\\u00A0\\u202F\\u2009 ]\\d{3})+(?![\\d,.])|\\d+(?:[.,]\\d+)?`;
const UNIT = 'mg|mcg|µg|μg|microgrammes?|milligrammes?|grammes?|g|UI|U\\.I\\.|mL|ml|%';
const COUNT = '\\d+|une?|deux|trois|quatre|cinq|six';

const DOSE = new RegExp(
  `(?<a>${NUM})(?:${SP}*(?<sep>à|-|–|et|ou)${SP}*(?<b>${NUM}))?${SP}*` +
  `(?<unit>${UNIT})(?![${LETTER}\\d])` +
  `(?:${SP}*/${SP}*(?<weight>kg|m²|m2)(?![${LETTER}\\d]))?` +
  `(?:${SP}*(?:/|par${SP}+)${SP}*(?<per>jour|j|24${SP}*h(?:eures)?|semaine|sem|mois|prise|injection|perfusion|h|heure|min)(?![${LETTER}\\d]))?`,
  'gu',
);

const FREQUENCY = new RegExp(
  // A route may sit between the dose and its frequency: « 50 mg IV toutes les 6 heures ».
  `^${SP}*(?:(?:${ROUTE_ABBREVIATIONS})${SP}+)?(?:` +
  `(?<n1>${COUNT})(?:${SP}*(?:à|-)${SP}*(?<n2>${COUNT}))?${SP}*fois${SP}*(?:par${SP}+jour|/${SP}*j(?:our)?|par${SP}+24${SP}*h)` +
  `|(?<x>[x×]${SP}*(?<xn>\\d)(?:${SP}*(?:à|-)${SP}*(?<xn2>\\d))?${SP}*/${SP}*j(?:our)?)` +
  `|(?<twice>matin${SP}+et${SP}+soir)` +
  `|(?<once>(?:le|au)${SP}+(?:soir|matin|midi|coucher))` +
  `|(?<every>(?:tous|toutes)${SP}+les${SP}+(?:(?<i1>${NUM})(?:${SP}*(?:à|-)${SP}*(?<i2>${NUM}))?${SP}*)?(?<iu>jours?|semaines?|mois|heures?|h)(?![${LETTER}])(?:${SP}+environ)?)` +
  `)(?![${LETTER}])`,
  'u',
);

/** A total given over several days ("2 g/kg sur 5 jours", "répartis sur 2 à 5 jours"), or per course. */
const COURSE = new RegExp(`^${SP}*(?:(?:répartie?s?${SP}+)?(?:sur|en)${SP}+\\d+(?:${SP}*(?:à|-)${SP}*\\d+)?${SP}+jours|par${SP}+(?:cure|cycle))(?![${LETTER}])`, 'u');

const GLUED = new RegExp(`[${LETTER}\\d.,]`);
const STEP_PREFIX = new RegExp(`paliers?${SP}+de${SP}+$`);
/** One strength of a combination (« 49 mg/51 mg », « 24/26 mg », « 4 g/500 mg »): no dose of one drug. */
const COMBINATION_AFTER = /^[ \u00A0]*\/[ \u00A0]*\d/;
const COMBINATION_BEFORE = /\d[ \u00A0]*(?:[a-zµμ]{1,3}[ \u00A0]*)?\/[ \u00A0]*$/i;
/** A concentration or a lab value (« 30 µg/L », « 10 g/dl », « 3 mg/mmol »), not a dose. */
const PER_VOLUME = /^[ \u00A0]*\/[ \u00A0]*(?:[dcmµμ]?[lL]|[mµμn]?mol)(?![a-zA-Z])/;
/** A presentation's strength, not a dose: « un flacon de 100 mg », « comprimés de 1 g », « le dosage à 5 mg ». */
const PRESENTATION_BEFORE = /(?:(?:flacons?|seringues?|stylos?|ampoules?|dosages?)[ \u00A0]+|(?:^|[^\d \u00A0][ \u00A0]*)(?:comprimés?|gélules?)[ \u00A0]+)(?:de|à|dosée?s?[ \u00A0]+à)[ \u00A0]*$/i;
/** « 2 comprimés à 333 mg »: a count of units per intake before the strength. */
const UNITS_BEFORE = /(?:^|[^\d.,])(?<n>\d+|une?|deux|trois|quatre)(?:[ \u00A0]*(?:à|-)[ \u00A0]*(?<n2>\d+|deux|trois|quatre|cinq|six))?[ \u00A0]+(?:comprimés?|gélules?|capsules?|sachets?|ampoules?|cuillères?)[ \u00A0]+(?:à|de|dosée?s?[ \u00A0]+à)[ \u00A0]*$/di;
const STEP_CONTEXT = new RegExp(`(?:augment[${LETTER}]*|major[${LETTER}]*|paliers?)(?:\\s+[${LETTER}]+){0,2}\\s+(?:de|par)\\s*$`, 'u');

function num(s: string): number {
  return Number(s.replace(/[\s\u00A0\u202F\u2009]/g, '').replace(',', '.'));
}

function count(s: string): number {
  return NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
}

function unitOf(raw: string): Unit {
  const u = raw.toLowerCase();
  if (u === '%') return '%';
  if (u === 'mcg' || u === 'µg' || u === 'μg' || u.startsWith('microgramme')) return 'µg';
  if (u === 'mg' || u.startsWith('milligramme')) return 'mg';
  if (u === 'g' || u.startsWith('gramme')) return 'g';
  if (u === 'ml') return 'mL';
  return 'UI';
}

const PER: Record<string, DoseBasis> = {
  jour: 'day', j: 'day', '24h': 'day', '24heures': 'day', semaine: 'week', sem: 'week', mois: 'month', prise: 'intake',
  injection: 'infusion', perfusion: 'infusion', h: 'hour', heure: 'hour', min: 'minute',
};

export function findDoses(prose: string): Dose[] {
  const doses: Dose[] = [];
  for (const m of prose.matchAll(DOSE)) {
    const g = m.groups!;
    let start = m.index!;
    // The text just before the number: every check below that looks back reads it.
    const before = Math.max(0, start - 40);
    const lead = prose.slice(before, start);
    // « paliers de 150 mg »: a titration step, read before the number (a regex starting with an optional
    // prefix would try it at every offset of the text).
    const step = STEP_PREFIX.exec(lead);
    // A number glued to a word ("T2", "Nav1.7") is not a dose.
    if (GLUED.test(prose[start - 1] ?? '') && !step) continue;
    if (g.b === undefined && g.sep) continue;
    let end = start + m[0].length;
    const amountEnd = end; // the route is looked for after the amount, before a frequency that may hold it
    if (COMBINATION_AFTER.test(prose.slice(end, end + 4)) || COMBINATION_BEFORE.test(lead)) continue;
    if (PER_VOLUME.test(prose.slice(end, end + 8)) || (g.per === 'min' && /^m[lL]$/.test(g.unit))) continue;
    const units = UNITS_BEFORE.exec(lead);
    if (!units && PRESENTATION_BEFORE.test(lead)) continue;
    const times = units ? count(units.groups!.n) : 1;
    const timesMax = units?.groups!.n2 ? count(units.groups!.n2) : times;
    const a = num(g.a) * times;
    const b = (g.b !== undefined ? num(g.b) : num(g.a)) * timesMax;
    if (g.sep === 'et' && !/entre\s*$/i.test(lead)) continue;
    const unit = unitOf(g.unit);
    let per: DoseBasis = g.per ? PER[g.per.replace(/\s+/g, '')] : 'intake';
    let timesPerDay: Dose['timesPerDay'];
    let interval: Interval | undefined;
    const freq = FREQUENCY.exec(prose.slice(end, end + 60));
    if (freq && (per === 'intake')) {
      const f = freq.groups!;
      if (f.n1) timesPerDay = { min: count(f.n1), max: count(f.n2 ?? f.n1) };
      else if (f.xn) timesPerDay = { min: Number(f.xn), max: Number(f.xn2 ?? f.xn) };
      else if (f.twice) timesPerDay = { min: 2, max: 2 };
      else if (f.once) timesPerDay = { min: 1, max: 1 };
      else if (f.every) {
        const iu = f.iu.startsWith('sem') ? 'semaine' : f.iu.startsWith('mois') ? 'mois' : f.iu.startsWith('h') ? 'heure' : 'jour';
        interval = { min: f.i1 ? num(f.i1) : 1, max: f.i2 ? num(f.i2) : f.i1 ? num(f.i1) : 1, unit: iu };
        if (iu === 'heure') timesPerDay = { min: 24 / interval.max, max: 24 / interval.min };
      }
      end += freq[0].length;
    }
    if (per === 'intake' && !timesPerDay && !interval && COURSE.test(prose.slice(end, end + 40))) per = 'cycle';
    const stepped = !!step || STEP_CONTEXT.test(lead);
    if (stepped) per = 'step';
    if (unit === '%') per = 'patch_concentration';
    const weight = g.weight ? (g.weight === 'kg' ? 'kg' : 'm2') : undefined;
    let daily: Dose['daily'] = null;
    if (per === 'day') daily = { min: a, max: b };
    else if (per === 'intake' && timesPerDay) daily = { min: a * timesPerDay.min, max: b * timesPerDay.max };
    const unitStart = start + m[0].indexOf(g.unit, g.a.length);
    if (step) start -= step[0].length;
    if (units) start = before + units.indices!.groups!.n[0]; // the dose reads « 2 comprimés à 333 mg »
    doses.push({
      start, end, text: prose.slice(start, end), min: Math.min(a, b), max: Math.max(a, b), unit, perWeight: weight, per,
      timesPerDay, interval, daily, route: routeNear(prose, start, amountEnd), unitStart, unitText: g.unit,
    });
  }
  return doses;
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
