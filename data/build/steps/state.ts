/**
 * The build state every step reads and writes: the substances by folded DCI, every name's owner, the substances
 * of each CIS, the brands, and the ordinary words. Steps add to it in order (see build-index.ts); the helpers here
 * keep its one invariant: a name belongs to one substance.
 *
 *   ensure(state, 'lévétiracétam', 'bdpm') → the substance « lévétiracétam » (created once);
 *   addAlias(state, s, 'levetiracetam') → « levetiracetam » now finds it, unless another substance has that name.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Brand, Substance } from '../../../server/src/core/index-types';

export interface BuildState {
  /** Substances by folded DCI. */
  substances: Map<string, Substance>;
  /** Every folded name (DCI or alias) → the key of the substance it names. */
  aliasToKey: Map<string, string>;
  /** Preferred DCI spellings (names.json `preferredDci`): folded name → the DCI to use. */
  preferred: Map<string, string>;
  /** The substances of each BDPM spécialité (CIS). */
  substancesByCis: Map<string, Set<Substance>>;
  /** Brands by folded name. */
  brands: Map<string, Brand>;
  /** For each BDPM brand, the DCIs of each of its spécialités. */
  brandSets: Map<Brand, string[][]>;
  /** Ordinary French words, folded (« dialyse »): never a drug on their own. */
  common: Set<string>;
}

export function createState(preferredDci: { from: string; to: string }[] = []): BuildState {
  return {
    substances: new Map(), aliasToKey: new Map(), preferred: new Map(preferredDci.map((m) => [foldKey(m.from), m.to])),
    substancesByCis: new Map(), brands: new Map(), brandSets: new Map(), common: new Set(),
  };
}

/** The substance named `name` (its preferred DCI), created with `origin` if new. */
export function ensure(state: BuildState, name: string, origin: Substance['origin']): Substance {
  const dci = state.preferred.get(foldKey(name)) ?? name;
  const key = state.aliasToKey.get(foldKey(dci)) ?? foldKey(dci);
  let s = state.substances.get(key);
  if (!s) {
    s = { dci, aliases: [], brands: [], cisCount: 0, cis: [], ranges: [], origin };
    state.substances.set(key, s);
    state.aliasToKey.set(key, key);
  }
  return s;
}

/** Another name of `s`; a name already taken by another substance stays with it: never two substances for one name. */
export function addAlias(state: BuildState, s: Substance, alias: string): void {
  const k = foldKey(alias);
  if (k === foldKey(s.dci) || s.aliases.some((a) => foldKey(a) === k)) return;
  const owner = state.aliasToKey.get(k) ?? (state.substances.has(k) ? k : undefined);
  if (owner && owner !== foldKey(s.dci)) return;
  s.aliases.push(alias);
  state.aliasToKey.set(k, foldKey(s.dci));
}

/** The substance a name (DCI, alias or preferred spelling) names, if any. */
export function findSubstance(state: BuildState, name: string): Substance | undefined {
  return state.substances.get(state.aliasToKey.get(foldKey(name)) ?? foldKey(state.preferred.get(foldKey(name)) ?? name));
}

/** The substance a curated file names; an unknown name stops the build. */
export function resolveDci(state: BuildState, name: string): Substance {
  const s = findSubstance(state, name);
  if (!s) throw new Error(`curated data names an unknown substance: ${name}`);
  return s;
}

/** A drug's or a brand's name (folded or not): « LEMTRADA », « alemtuzumab ». */
export function isDrugName(state: BuildState, name: string): boolean {
  return state.aliasToKey.has(foldKey(name)) || state.brands.has(foldKey(name));
}
