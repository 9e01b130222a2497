/**
 * The rhythm written after a dose, as data: each row is a named pattern with the reading it gives and an
 * example (tested row by row). A route phrase may stand between the dose and its rhythm
 * (« 500 mg par voie orale toutes les 8 heures », « 50 mg IV toutes les 6 heures »).
 *
 *   « deux fois par jour » → 2/j ; « x 4/j » → 4/j ; « une fois par semaine » → toutes les 1 semaine ;
 *   « toutes les 3 semaines » → cycle de 3 semaines ; « en deux prises » → la dose journalière en 2 prises
 */
import { LETTER } from '../normalize';
import { COUNT, NUMBER, NUMBER_WORD, NUMBER_WORDS, SP } from './lexemes';

export type IntervalUnit = 'jour' | 'semaine' | 'mois' | 'heure';
export interface Interval { min: number; max: number; unit: IntervalUnit }

export interface Rhythm {
  /** Intakes per day. */
  timesPerDay?: { min: number; max: number };
  /** One intake every… */
  interval?: Interval;
  /** A daily (or weekly) amount split into so many intakes: « 1 g/j en deux prises ». */
  splitInto?: { min: number; max: number };
  length: number;
}

const E = `(?![${LETTER}])`;
const TO = `${SP}*(?:à|-|–|ou)${SP}*`;
const PER_DAY = `(?:par${SP}+jour|/${SP}*j(?:our)?|par${SP}+24${SP}*h(?:eures)?|quotidiennes?)`;
/** A route phrase that may stand before the rhythm. */
const ROUTE_PHRASE = `(?:(?:(?:par${SP}+)?voie${SP}+(?:orale|intraveineuse|sous-cutanée|intramusculaire|veineuse)|en${SP}+(?:IV[DL]?|IM|SC|sous-cutanée?|intraveineuse|intramusculaire|perfusion(?:${SP}+(?:IV|intraveineuse|lente))?)|IV[DL]?|IM|SC|per${SP}+os|PO|en${SP}+bolus|au${SP}+cours${SP}+des${SP}+repas|pendant${SP}+(?:les${SP}+)?repas)${SP}*,?${SP}*)`;

const UNIT_OF: Record<string, IntervalUnit> = { j: 'jour', jour: 'jour', semaine: 'semaine', sem: 'semaine', mois: 'mois', h: 'heure', heure: 'heure' };
const intervalUnit = (w: string): IntervalUnit => UNIT_OF[w.toLowerCase()] ?? UNIT_OF[w.toLowerCase().replace(/s$/, '')] ?? 'jour';

export function count(s: string): number {
  return NUMBER_WORDS[s.toLowerCase()] ?? Number(s.replace(/[\s\u00A0\u202F\u2009]/g, '').replace(',', '.'));
}

interface RhythmRow {
  name: string;
  pattern: string;
  read: (g: Record<string, string | undefined>) => Omit<Rhythm, 'length'>;
  example: string;
}

const times = (a: string, b?: string) => ({ min: count(a), max: count(b ?? a) });
const every = (unit: IntervalUnit, a?: string, b?: string): Omit<Rhythm, 'length'> => {
  const interval = { min: a ? count(a) : 1, max: b ? count(b) : a ? count(a) : 1, unit };
  return unit === 'heure' ? { interval, timesPerDay: { min: 24 / interval.max, max: 24 / interval.min } } : { interval };
};

export const RHYTHMS: RhythmRow[] = [
  {
    name: 'n fois par jour', pattern: `(?<a>${COUNT})(?:${TO}(?<b>${COUNT}))?${SP}*fois${SP}*${PER_DAY}`,
    read: (g) => ({ timesPerDay: times(g.a!, g.b) }), example: '75 mg deux fois par jour',
  },
  {
    name: 'n fois par semaine/mois', pattern: `(?<a>${COUNT})(?:${TO}(?<b>${COUNT}))?${SP}*fois${SP}*(?:par${SP}+|/${SP}*)(?<u>semaine|sem|mois)`,
    read: (g) => {
      const n = times(g.a!, g.b);
      const span = g.u === 'mois' ? 30 : 7;
      return n.min === 1 && n.max === 1 ? every(g.u === 'mois' ? 'mois' : 'semaine') : { interval: { min: span / n.max, max: span / n.min, unit: 'jour' } };
    },
    example: '15 mg une fois par semaine',
  },
  {
    name: 'x n/j', pattern: `[x×]${SP}*(?<a>\\d{1,2})(?:${TO}(?<b>\\d{1,2}))?${SP}*(?:/${SP}*j(?:our)?|par${SP}+jour)`,
    read: (g) => ({ timesPerDay: times(g.a!, g.b) }), example: '500 mg x 3/j',
  },
  {
    name: 'n x/j', pattern: `(?<a>\\d{1,2})${SP}*[x×]${SP}*(?:/${SP}*j(?:our)?|par${SP}+jour)`,
    read: (g) => ({ timesPerDay: times(g.a!) }), example: '500 mg 3x/j',
  },
  { name: 'matin et soir', pattern: `matin${SP}+et${SP}+soir`, read: () => ({ timesPerDay: { min: 2, max: 2 } }), example: '200 mg matin et soir' },
  {
    name: 'le soir', pattern: `(?:le|au)${SP}+(?:soir|matin|midi|coucher)|tous${SP}+les${SP}+(?:soirs|matins)`,
    read: () => ({ timesPerDay: { min: 1, max: 1 } }), example: '5 mg le soir',
  },
  {
    name: 'en n prises', pattern: `(?:en|répartie?s?${SP}+en)${SP}+(?<a>${COUNT})(?:${TO}(?<b>${COUNT}))?${SP}+(?:prises?|injections?|administrations?)(?:${SP}+${PER_DAY})?`,
    read: (g) => ({ splitInto: times(g.a!, g.b) }), example: '1 g/j en deux prises',
  },
  {
    name: 'tous les jours', pattern: `(?:tous${SP}+les${SP}+jours|chaque${SP}+jour|par${SP}+jour|quotidiennement)`,
    read: () => ({ timesPerDay: { min: 1, max: 1 } }), example: '10 mg tous les jours',
  },
  {
    name: 'un jour sur deux', pattern: `(?<a>un|1)${SP}+jour${SP}+sur${SP}+(?<b>${COUNT})`,
    read: (g) => every('jour', g.b), example: '5 mg un jour sur deux',
  },
  {
    name: 'toutes les n heures/jours/semaines',
    pattern: `(?:tous|toutes)${SP}+les${SP}+(?:(?<a>${NUMBER}|${NUMBER_WORD})(?:${TO}(?<b>${NUMBER}|${NUMBER_WORD}))?${SP}*)?(?<u>jours?|semaines?|sem|mois|heures?|h)${E}(?:${SP}+environ)?`,
    read: (g) => every(intervalUnit(g.u!), g.a, g.b), example: '50 mg toutes les 6 heures',
  },
  {
    name: 'par semaine/mois', pattern: `(?:par|chaque|une${SP}+fois${SP}+par)${SP}+(?<u>semaine|mois)`,
    read: (g) => every(g.u === 'mois' ? 'mois' : 'semaine'), example: '70 mg chaque semaine',
  },
  {
    name: 'hebdomadaire', pattern: `(?:en${SP}+(?:une${SP}+)?(?:prise|injection|dose)${SP}+)?(?<u>hebdomadaires?|mensuelles?)`,
    read: (g) => every(g.u!.startsWith('heb') ? 'semaine' : 'mois'), example: '15 mg en prise hebdomadaire',
  },
];

// A table cell's rhythm may sit in the next cell: « | 85 mg/m² | toutes les 2 semaines | ».
const RHYTHM = new RegExp(`^${SP}*[,|]?${SP}*${ROUTE_PHRASE}?(?:${RHYTHMS.map((r, i) => `(?<r${i}>${r.pattern.replace(/\(\?<(a|b|u)>/g, (_, n) => `(?<${n}${i}>`)})`).join('|')})(?![${LETTER}])`, 'iu');

/** Days in one unit of a written interval (« toutes les 2 semaines » → 2 × 7). */
export const INTERVAL_DAYS = { jour: 1, semaine: 7, mois: 30, heure: 1 / 24 } as const;

/** Days between two doses for a range's interval text (« toutes les 2 semaines » → 14), if it says one. */
export function intervalDays(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const r = readRhythm(` ${text}`);
  if (r?.interval) return r.interval.min * INTERVAL_DAYS[r.interval.unit];
  if (r?.timesPerDay) return 1 / r.timesPerDay.max;
  return undefined;
}

/** Each row's group names in RHYTHM, made once. */
const GROUPS = RHYTHMS.map((_, i) => ({ row: `r${i}`, a: `a${i}`, b: `b${i}`, u: `u${i}` }));

/** The row that reads the start of `text`, with the match. */
function matchRhythm(text: string): { row: number; m: RegExpExecArray } | null {
  const m = RHYTHM.exec(text);
  if (!m) return null;
  const groups = m.groups!;
  const row = GROUPS.findIndex((names) => groups[names.row] !== undefined);
  return row >= 0 ? { row, m } : null;
}

/** The rhythm right after a dose (`text` starts where the dose ends), if any. */
export function readRhythm(text: string): Rhythm | null {
  const found = matchRhythm(text);
  if (!found) return null;
  const { row: i, m } = found;
  const g = m.groups!, names = GROUPS[i];
  return { ...RHYTHMS[i].read({ a: g[names.a], b: g[names.b], u: g[names.u] }), length: m[0].length };
}

/** The rhythm row that reads `text` (for the tests of each row's example). */
export function rhythmRowOf(text: string): string | undefined {
  const found = matchRhythm(text);
  return found ? RHYTHMS[found.row].name : undefined;
}
