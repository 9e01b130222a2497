/**
 * Doses written as bare numbers in a Markdown table whose column header carries the unit (and the basis):
 *
 *   | Molécule    | Dose de départ (mg) | Dose maximale (mg/j) |
 *   |-------------|---------------------|----------------------|
 *   | ramipril    | 2,5 x 2/j           | 10                   |
 *
 * → « 2,5 x 2/j » is 2,5 mg per intake twice a day, « 10 » is 10 mg/j; both belong to the row's drug.
 */
import type { Dose } from '../doses';
import type { Prose } from '../prose';
import { routeNear } from '../routes';
import { readUnit, UNIT_PATTERN } from './units';
import { BASIS_PATTERN, readBasis, type DoseBasis } from './basis';
import { readRhythm } from './frequency';
import { NUMBER, SP } from './lexemes';

/** A unit in a header cell: « (mg) », « mg/j », « en µg/kg », « Dose (UI/kg/j) ». */
const HEADER_UNIT = new RegExp(`(?:^|[\\s(])(?<unit>${UNIT_PATTERN})(?:${SP}*/${SP}*(?<weight>kg|m²|m2))?(?:${SP}*/${SP}*(?<per>${BASIS_PATTERN}))?(?=$|[\\s),;])`, 'u');
/** A cell that is only a number or a range of numbers, with an optional rhythm: « 100-200 », « 2,5 x 2/j ». */
const BARE = new RegExp(`^(?<a>${NUMBER})(?:${SP}*(?:à|-|–)${SP}*(?<b>${NUMBER}))?(?<rest>.*)$`, 'u');

interface ColumnUnit { unit: Dose['unit']; factor: number; perWeight?: 'kg' | 'm2'; per: DoseBasis; text: string }

function num(s: string): number {
  return Number(s.replace(/[\s\u00A0\u202F\u2009]/g, '').replace(',', '.'));
}

/** Cell spans [start, end) of a table row line (between pipes, trimmed). */
function cells(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let from = start;
  const line = text.slice(start, end);
  const first = line.indexOf('|');
  if (first < 0) return out;
  from = start + first + 1;
  for (let i = from; i <= end; i++) {
    if (i === end || (text[i] === '|' && text[i - 1] !== '\\')) {
      let a = from, b = i;
      while (a < b && /\s/.test(text[a])) a++;
      while (b > a && /\s/.test(text[b - 1])) b--;
      if (i < end || a < b) out.push([a, b]);
      from = i + 1;
    }
  }
  return out;
}

/** The unit a header cell names, and its text without the opening parenthesis (« Dose (mg/j) » → « mg/j »). */
function headerUnit(text: string): ColumnUnit | undefined {
  const m = HEADER_UNIT.exec(text);
  if (!m) return undefined;
  const g = m.groups!;
  const { unit, factor } = readUnit(g.unit);
  return { unit, factor, perWeight: g.weight ? (g.weight === 'kg' ? 'kg' : 'm2') : undefined, per: g.per ? readBasis(g.per) : 'intake', text: m[0].replace(/^[\s(]/, '').trim() };
}

/** Bare-number doses of every table whose header names a unit; `known` are doses already read (skipped). */
export function findTableDoses(prose: Prose, known: Dose[]): Dose[] {
  const out: Dose[] = [];
  const rows = prose.blocks.filter((b) => b.kind === 'tableRow');
  if (!rows.length) return out;
  const taken = new Set(known.map((d) => d.start));
  let header: (ColumnUnit | undefined)[] = [];
  let previousEnd = -1;
  for (const row of rows) {
    const spans = cells(prose.text, row.start, row.end);
    // A row that does not follow the previous one closely starts a new table: its first row is the header
    // (the blanked separator line « |---| » between them is spaces, an empty line is not).
    const gap = previousEnd < 0 ? '' : prose.text.slice(previousEnd, row.start);
    const first = previousEnd < 0 || gap.split('\n').length > 3 || /\n\r?\n/.test(gap) || /\S/.test(gap);
    previousEnd = row.end;
    if (first) {
      header = spans.map(([a, b]) => headerUnit(prose.text.slice(a, b)));
      continue;
    }
    spans.forEach(([a, b], column) => {
      const unit = header[column];
      if (!unit || taken.has(a)) return;
      const dose = bareDose(prose.text, a, b, unit);
      if (dose) out.push(dose);
    });
  }
  return out;
}

function bareDose(text: string, start: number, end: number, unit: ColumnUnit): Dose | null {
  const m = BARE.exec(text.slice(start, end));
  if (!m) return null;
  const g = m.groups!;
  const a = num(g.a) * unit.factor, b = (g.b ? num(g.b) : num(g.a)) * unit.factor;
  const rhythm = g.rest.trim() ? readRhythm(g.rest) : null;
  if (g.rest.trim() && !rhythm) return null; // text after the number that is not a rhythm: not a bare dose
  const timesPerDay = unit.per === 'intake' ? rhythm?.timesPerDay : undefined;
  const interval = unit.per === 'intake' ? rhythm?.interval : undefined;
  const daily = unit.per === 'day' ? { min: a, max: b } : timesPerDay ? { min: a * timesPerDay.min, max: b * timesPerDay.max } : null;
  return {
    start, end, text: text.slice(start, end), min: Math.min(a, b), max: Math.max(a, b), unit: unit.unit,
    ...(unit.perWeight ? { perWeight: unit.perWeight } : {}), per: unit.per, timesPerDay, interval, daily,
    route: routeNear(text, start, end), unitStart: start, unitText: '', columnUnit: unit.text,
  };
}
