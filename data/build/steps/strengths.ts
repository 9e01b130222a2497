/**
 * Data build step: the strongest marketed unit of each substance by route, from the BDPM's composition
 * (CIS_COMPO: the dosage of each component per reference unit) and its spécialités (form, routes, name).
 * The analysis core's plausibility envelope reasons from it where no curated range covers a dose.
 *
 *   « METFORMINE 1000 mg, comprimé » → metformine, orale, 1 000 mg par comprimé
 *   « FENTANYL … 100 microgrammes/heure, dispositif transdermique » → fentanyl, transdermique, 100 µg/h
 */
import type { Strength, Unit } from '../../../server/src/core/index-types';
import { foldKey } from '../../../server/src/core/normalize';
import { substanceName, type BdpmExport } from '../sources/bdpm';
import type { BuildState } from './state';

/** Reference units that are counted one by one, with the name a writer counts them by. */
const COUNTED: [RegExp, string][] = [
  [/^une? comprimé/i, 'comprimé'], [/^une? gélule/i, 'gélule'], [/^une? capsule/i, 'capsule'],
  [/^un sachet/i, 'sachet'], [/^un suppositoire/i, 'suppositoire'], [/^un lyophilisat/i, 'lyophilisat'],
  [/^une? pastille/i, 'pastille'], [/^un flacon(?! de \d)/i, 'flacon'], [/^une ampoule/i, 'ampoule'],
  [/^une seringue/i, 'seringue'], [/^un stylo/i, 'stylo'], [/^une cartouche/i, 'cartouche'],
];

const DOSAGE = /^(\d{1,3}(?:[  ]\d{3})*(?:[,.]\d+)?|\d+(?:[,.]\d+)?)\s*(mg|g|microgrammes?|µg|UI|U\.I\.)(?!\s*\/)/i;
const PATCH_RATE = /(\d+(?:[,.]\d+)?)\s*(microgrammes|µg|mg)\s*\/\s*(24\s*)?(?:heures?|h)\b/i;

function unitOf(written: string): Unit {
  const u = written.toLowerCase();
  if (u.startsWith('micro') || u === 'µg') return 'µg';
  if (u === 'g') return 'g';
  if (u.startsWith('u')) return 'UI';
  return 'mg';
}
const toMg: Partial<Record<Unit, number>> = { µg: 0.001, mg: 1, g: 1000 };
const number = (s: string) => Number(s.replace(/[\s  ]/g, '').replace(',', '.'));

/** Comparable size of a strength (mass in mg; UI as is). */
function size(s: Strength): number {
  return s.amount * (toMg[s.unit] ?? 1);
}

/**
 * Strongest unit per (substance, route, per): `substanceOf` names the build's substance for a composition
 * row's substance name (or null when it is none of ours).
 */
export function compileStrengths(bdpm: BdpmExport, substanceOf: (name: string) => string | null): Map<string, Strength[]> {
  const best = new Map<string, Strength>();
  const keep = (dci: string, s: Strength) => {
    const key = `${dci}|${s.route}|${s.per}|${s.unit === 'UI' ? 'UI' : 'mass'}`;
    const old = best.get(key);
    if (!old || size(s) > size(old)) best.set(key, s);
  };
  for (const row of bdpm.composition) {
    const spe = bdpm.specialites.get(row.cis);
    const dci = spe && substanceOf(row.name);
    if (!spe || !dci) continue;
    const name = spe.denomination.split(',')[0].trim();
    const patch = /transdermique/i.test(spe.form) || spe.routes.includes('transdermique') ? PATCH_RATE.exec(spe.denomination) : null;
    if (patch) {
      const amount = number(patch[1]) / (patch[3] ? 24 : 1);
      keep(dci, { route: 'transdermique', form: 'patch', amount, unit: unitOf(patch[2]), per: 'hour', name, cis: row.cis });
      continue;
    }
    const counted = COUNTED.find(([re]) => re.test(row.reference));
    const dosage = DOSAGE.exec(row.dosage);
    if (!counted || !dosage) continue;
    for (const route of spe.routes) {
      if (route === 'transdermique') continue;
      keep(dci, { route, form: counted[1], amount: number(dosage[1]), unit: unitOf(dosage[2]), per: 'unit', name, cis: row.cis });
    }
  }
  const byDci = new Map<string, Strength[]>();
  for (const [key, s] of best) {
    const dci = key.split('|')[0];
    byDci.set(dci, [...(byDci.get(dci) ?? []), s]);
  }
  return byDci;
}

/** The step: each substance of the state gets its strongest units (a composition row's name found by DCI or alias). */
export function addStrengths(state: BuildState, bdpm: BdpmExport): void {
  const strengths = compileStrengths(bdpm, (name) => {
    const n = substanceName(name);
    const key = n && (state.aliasToKey.get(foldKey(n)) ?? foldKey(n));
    return key && state.substances.has(key) ? key : null;
  });
  for (const [key, list] of strengths) state.substances.get(key)!.strengths = list;
}
