/**
 * Units of dose, declared once: how each is written, what it is in the dataset's units, which units can be
 * compared (same dimension) and by what factor. « Not comparable » (mg against UI, mmol against mEq) is an
 * explicit answer of `convert`, never a silent skip.
 *
 *   « 1,5 millions d'UI » → 1 500 000 UI ;  « 0,4 g » → 400 mg ;  « 500 mcg » → 500 µg
 */
import type { Unit } from '../index-types';

export type Dimension = 'mass' | 'activity' | 'mmol' | 'mEq' | 'volume' | 'percent';

export interface UnitDefinition {
  unit: Unit;
  dimension: Dimension;
  /** Value of one unit in the dimension's base (mass: mg; activity: UI; volume: mL). */
  base: number;
  label: string;
}

export const UNITS: Record<Unit, UnitDefinition> = {
  µg: { unit: 'µg', dimension: 'mass', base: 0.001, label: 'µg' },
  mg: { unit: 'mg', dimension: 'mass', base: 1, label: 'mg' },
  g: { unit: 'g', dimension: 'mass', base: 1000, label: 'g' },
  UI: { unit: 'UI', dimension: 'activity', base: 1, label: 'UI' },
  mmol: { unit: 'mmol', dimension: 'mmol', base: 1, label: 'mmol' },
  mEq: { unit: 'mEq', dimension: 'mEq', base: 1, label: 'mEq' },
  mL: { unit: 'mL', dimension: 'volume', base: 1, label: 'mL' },
  L: { unit: 'L', dimension: 'volume', base: 1000, label: 'L' },
  '%': { unit: '%', dimension: 'percent', base: 1, label: '%' },
};

/** How writers write each unit (regex source, longest first in the generated pattern), and its factor. */
export const WRITTEN_UNITS: { written: string; unit: Unit; factor: number; example: string }[] = [
  { written: "millions?[  ]d['’]U\\.?I\\.?|MUI|M[  ]?UI", unit: 'UI', factor: 1e6, example: "colistine 9 millions d'UI/j" },
  { written: 'microgrammes?|mcg|µg|μg|ug', unit: 'µg', factor: 1, example: 'lévothyroxine 75 µg/j' },
  { written: 'milligrammes?|mg', unit: 'mg', factor: 1, example: 'prégabaline 150 mg' },
  { written: 'grammes?|g', unit: 'g', factor: 1, example: 'paracétamol 1 g' },
  { written: 'U\\.I\\.|UI|unités?(?:[  ]internationales)?', unit: 'UI', factor: 1, example: 'énoxaparine 4 000 UI' },
  { written: 'mmol|millimoles?', unit: 'mmol', factor: 1, example: 'potassium 40 mmol/j' },
  { written: 'mEq|milliéquivalents?', unit: 'mEq', factor: 1, example: 'potassium 40 mEq/j' },
  { written: 'mL|ml|millilitres?', unit: 'mL', factor: 1, example: 'sirop 10 mL' },
  // A gas's flow (« oxygène 3 L/min »): a capital L only, « 3 l » being too often something else.
  { written: 'L|litres?', unit: 'L', factor: 1, example: 'oxygène 3 L/min' },
  { written: '%', unit: '%', factor: 1, example: 'capsaïcine 8 %' },
];

/** The unit pattern (one alternation), longest spellings first so that « mg » is not read as « g ». */
export const UNIT_PATTERN = WRITTEN_UNITS.map((u) => u.written).join('|');

const WRITTEN = WRITTEN_UNITS.map((u) => ({ ...u, re: new RegExp(`^(?:${u.written})$`, 'i') }));

/** The dataset's unit and factor of a written unit: « millions d'UI » → UI × 1 000 000. Read once per spelling. */
export function readUnit(written: string): { readonly unit: Unit; readonly factor: number } {
  let read = readUnits.get(written);
  if (!read) {
    // « mg » and « Mg », « UI » and « ui »: case does not matter except for M(illions) UI vs mUI, which no writer uses.
    const u = WRITTEN.find((w) => w.re.test(written));
    read = u ? { unit: u.unit, factor: u.factor } : { unit: 'mg', factor: 1 };
    if (readUnits.size > 1000) readUnits.clear();
    readUnits.set(written, read);
  }
  return read;
}
const readUnits = new Map<string, { readonly unit: Unit; readonly factor: number }>();

/** A value in `from` expressed in `to`, or null when the two units do not measure the same thing. */
export function convert(value: number, from: Unit, to: Unit): number | null {
  if (from === to) return value;
  const f = UNITS[from], t = UNITS[to];
  if (!f || !t || f.dimension !== t.dimension) return null;
  return (value * f.base) / t.base;
}

export function comparableUnits(a: Unit, b: Unit): boolean {
  return UNITS[a]?.dimension === UNITS[b]?.dimension;
}
