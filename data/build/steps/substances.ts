/**
 * Build step: the substances of the BDPM's composition (CIS_COMPO). Each component of a spécialité gives one
 * substance, named by its therapeutic fraction (FT), the name writers use, with its active substance (SA) as an
 * alias; then each substance counts its spécialités (CIS) and takes their ATC code.
 *
 *   MOSCONTIN 60 mg (CIS 60576901): SA « MORPHINE (SULFATE DE) », FT « MORPHINE » → substance « morphine »,
 *   alias « sulfate de morphine »; a lone SA « VALPROATE DE SODIUM » → « valproate de sodium ».
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Substance } from '../../../server/src/core/index-types';
import { substanceName, type BdpmExport, type CompositionRow } from '../sources/bdpm';
import { activeMoiety, isCounterIon } from './salts';
import { complexParts, prodrugName } from './combinations';
import { addAlias, ensure, type BuildState } from './state';

interface Component { sa: string[]; ft: string[] }

/** The composition's rows grouped by component (CIS, element, link): its active substances and fractions. */
function componentsOf(composition: CompositionRow[]): Map<string, Component> {
  const groups = new Map<string, Component>();
  for (const row of composition) {
    const name = substanceName(row.name);
    if (!name) continue;
    const g = groups.get(`${row.cis}|${row.element}|${row.link}`) ?? { sa: [], ft: [] };
    (row.nature === 'FT' ? g.ft : g.sa).push(name);
    groups.set(`${row.cis}|${row.element}|${row.link}`, g);
  }
  return groups;
}

export function addBdpmSubstances(state: BuildState, composition: CompositionRow[]): void {
  const groups = componentsOf(composition);
  const ftNames = new Set<string>();
  for (const g of groups.values()) for (const n of g.ft) ftNames.add(foldKey(n));
  // A lone salt whose base is a known fraction elsewhere ("sulfate de morphine") is that base.
  const baseOfSalt = (name: string): string | null => {
    const m = activeMoiety(name);
    return m && ftNames.has(foldKey(m.moiety)) ? m.moiety : null;
  };
  // Groups naming a therapeutic fraction first, so that a lone salt finds its base's aliases.
  const ordered = [...groups].sort((a, b) => Number(b[1].ft.length > 0) - Number(a[1].ft.length > 0));
  for (const [gkey, g] of ordered) {
    const cis = gkey.split('|')[0];
    // A fraction that is only the salt's counter-ion ("sodium") is not what the drug is called.
    // …nor is an element standing for the molecule that carries it (« iode » for iobitridol, iohexol…).
    const ft = g.ft.filter((n) => !isCounterIon(n, g.sa) && !(g.sa.length === 1 && /^iode\b/.test(foldKey(n))));
    const prodrug = prodrugName(ft, g.sa);
    const main = prodrug ?? ft[0] ?? (g.sa[0] ? baseOfSalt(g.sa[0]) ?? g.sa[0] : undefined);
    if (!main) continue;
    const set = state.substancesByCis.get(cis) ?? new Set<Substance>();
    state.substancesByCis.set(cis, set);
    // A complex of two drugs (« complexe sodique sacubitril valsartan »): each fraction is a drug of its own.
    const parts = complexParts(ft, g.sa);
    if (parts) {
      for (const p of parts) set.add(ensure(state, p, 'bdpm'));
      continue;
    }
    const s = ensure(state, main, 'bdpm');
    for (const alias of prodrug ? g.sa : [...g.sa, ...ft]) addAlias(state, s, alias);
    set.add(s);
  }
}

/** A homeopathic spécialité names no drug a writer doses. */
export const isHomeopathic = (procedure: string): boolean => /hom[ée]o/i.test(procedure);

/** Each substance's spécialités (count, first 8 CIS) and, from its single-substance ones, its ATC codes. */
export function countSpecialites(state: BuildState, bdpm: Pick<BdpmExport, 'specialites' | 'atcByCis'>): void {
  for (const [cis, subSet] of state.substancesByCis) {
    const spec = bdpm.specialites.get(cis);
    if (!spec || isHomeopathic(spec.procedure)) continue;
    const subs = [...subSet];
    for (const s of subs) {
      s.cisCount++;
      if (s.cis.length < 8) s.cis.push(cis);
      const atc = bdpm.atcByCis.get(cis);
      if (atc && subs.length === 1) s.atc = [...new Set([...(s.atc ?? []), atc])];
    }
  }
}
