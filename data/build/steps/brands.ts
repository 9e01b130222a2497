/**
 * Build steps: brands. From the names of the BDPM's spécialités (generics named by their DCI are not brands), from
 * the curated files, then linked to their substances; last, the brand list as the index holds it, with the short
 * brands (« SYMBICORT » for SYMBICORT TURBUHALER and SYMBICORT RAPIHALER).
 *
 *   « LYRICA 150 mg, gélule » → brand LYRICA of prégabaline; « PREGABALINE BIOGARAN 150 mg » → no brand;
 *   the generic « LEELOO 0,1 mg/0,02 mg » (CIS_GENER) → brand LEELOO of lévonorgestrel and éthinylestradiol.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Brand, Substance } from '../../../server/src/core/index-types';
import { brandOf, type BdpmExport, type Specialite } from '../sources/bdpm';
import type { CuratedData } from '../sources/curated';
import { isHomeopathic } from './substances';
import { companiesOf } from './companies';
import { isDrugName, resolveDci, type BuildState } from './state';

/**
 * A spécialité named by the DCI of one of its substances (« PREGABALINE BIOGARAN »): a generic, not a brand.
 * A brand may shorten its DCI (LEVOTHYROX, SUFENTA, FLUDARA) or start like it (FERINJECT, fer): only the full
 * DCI, as whole words, or the DCI's first word as the name's first word, makes a generic.
 */
export function isGenericName(bkey: string, subs: Substance[]): boolean {
  const firstWord = bkey.split(/\s/)[0];
  return subs.some((s) => [s.dci, ...s.aliases].some((n) => {
    const nk = foldKey(n);
    const nk0 = nk.split(/\s/)[0];
    return bkey === nk || /^[\s/-]/.test(bkey.slice(nk.length)) && bkey.startsWith(nk) || (nk0.length >= 3 && nk0 === firstWord);
  }));
}

/**
 * A generic (CIS_GENER) that the BDPM lists under a fancy name (LEELOO, OPTIMIZETTE, BEAGYNE): its first word is no
 * word of any substance's name, salt or acid (« AMIODARONE ARROW », « ACIDE ALENDRONIQUE/VITAMINE D3 TEVA ») and no
 * ordinary word, and no laboratory follows it. Writers cite it as a brand.
 */
export function isFancyName(bkey: string, nameWords: Set<string>, common: Set<string>, labs: Set<string>): boolean {
  const [first, ...rest] = bkey.split(/[\s/-]/);
  // « COTRIMOXAZOLE TEVA »: a name the substances lack, then a laboratory, is still « DCI + laboratory ».
  return first.length >= 3 && !nameWords.has(first) && !common.has(first) && !rest.some((w) => labs.has(w));
}

/** The laboratories' names (folded), from the marketing-authorisation holders (TEVA, BIOGARAN, MAJORELLE). */
export function laboratoryWords(specialites: Iterable<Specialite>): Set<string> {
  return new Set(companiesOf(specialites, () => false).map((c) => foldKey(c.name)));
}

/** Every word of every substance's names, folded (« chlorhydrate », « amiodarone », « acide »). */
export function substanceNameWords(state: BuildState): Set<string> {
  return new Set([...state.substances.values()].flatMap((s) => [s.dci, ...s.aliases]).flatMap((n) => foldKey(n).split(/[^\p{L}\p{N}]+/u)));
}

const newBrand = (name: string, origin: Brand['origin']): Brand => ({ name: name.toUpperCase(), substances: [], cis: [], forms: [], routes: [], conditions: [], origin });

type BrandSource = Pick<BdpmExport, 'specialites' | 'genericCis' | 'conditionsByCis'>;

/** Each BDPM spécialité that may name a brand: its CIS, its substances, its brand name (folded), generic or not. */
function* brandCandidates(state: BuildState, bdpm: BrandSource) {
  for (const [cis, subSet] of state.substancesByCis) {
    const spec = bdpm.specialites.get(cis);
    if (!spec || isHomeopathic(spec.procedure)) continue;
    const subs = [...subSet];
    const brand = brandOf(spec.denomination);
    const bkey = foldKey(brand);
    if (bkey.length < 3 || !/\p{L}{2}/u.test(bkey) || isGenericName(bkey, subs)) continue;
    yield { cis, spec, subs, brand, bkey, generic: bdpm.genericCis.has(cis) };
  }
}

/**
 * Brands from the spécialités' names: CIS, forms, routes and prescribing conditions of each. A generic under a fancy
 * name (isFancyName) is a brand too, unless its first word starts a line of non-generic brands (« MAALOX REFLUX… »
 * beside MAALOX, « HUMEXLIB ETAT GRIPPAL… »): then it only joins a brand of exactly its name. A brand only generics
 * bear counts only in capitals or with ®.
 */
export function addBdpmBrands(state: BuildState, bdpm: BrandSource): void {
  const nameWords = substanceNameWords(state), labs = laboratoryWords(bdpm.specialites.values());
  const firstWord = (bkey: string) => bkey.split(/\s/)[0];
  const named = new Set([...brandCandidates(state, bdpm)].filter((c) => !c.generic).map((c) => c.bkey));
  const lines = new Set([...named].map(firstWord));
  for (const { cis, spec, subs, brand, bkey, generic } of brandCandidates(state, bdpm)) {
    if (generic && (!isFancyName(bkey, nameWords, state.common, labs) || (lines.has(firstWord(bkey)) && !named.has(bkey)))) continue;
    const b = state.brands.get(bkey) ?? newBrand(brand, 'bdpm');
    // A name only generics bear is little known and may be a French word (« il estima », ESTIMA): capitals or ® only.
    if (!named.has(bkey)) b.needsMark = true;
    for (const s of subs) if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
    state.brandSets.set(b, [...(state.brandSets.get(b) ?? []), subs.map((s) => s.dci)]);
    b.cis.push(cis);
    if (spec.form && !b.forms.includes(spec.form)) b.forms.push(spec.form);
    for (const r of spec.routes) if (!b.routes.includes(r)) b.routes.push(r);
    for (const c of bdpm.conditionsByCis.get(cis) ?? []) if (!b.conditions.includes(c)) b.conditions.push(c);
    state.brands.set(bkey, b);
  }
  // A brand whose spécialités all contain one drug, some with another (XYLOCAINE, XYLOCAINE ADRENALINE…,
  // all « XYLOCAINE »; DOLIPRANE and DOLIPRANE CODEINE…) names that common drug.
  for (const [b, sets] of state.brandSets) {
    const common = b.substances.filter((d) => sets.every((set) => set.includes(d)));
    if (common.length) b.substances = common;
  }
}

/** Brands of the curated products (products.json) and of names.json `brands`. */
export function addCuratedBrands(state: BuildState, products: CuratedData['products']['products'], brands: { from: string; to: string }[] = []): void {
  const add = (name: string, dci: string, make: () => Brand) => {
    const s = resolveDci(state, dci);
    const bkey = foldKey(name);
    const b = state.brands.get(bkey) ?? make();
    if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
    state.brands.set(bkey, b);
  };
  for (const p of products) {
    resolveDci(state, p.name);
    for (const bn of p.brands ?? []) add(bn, p.name, () => ({ ...newBrand(bn, 'curated'), source: p.source }));
  }
  for (const m of brands) add(m.from, m.to, () => newBrand(m.from, 'curated'));
}

/** Each substance lists its brands; a brand that is also an ordinary word, short, or a drug's name needs ® or capitals. */
export function linkBrands(state: BuildState): void {
  for (const b of state.brands.values()) {
    const key = foldKey(b.name);
    if (state.common.has(key) || key.length < 4 || state.aliasToKey.has(key)) b.needsMark = true;
    for (const d of b.substances) {
      const s = resolveDci(state, d);
      if (!s.brands.includes(b.name)) s.brands.push(b.name);
    }
  }
}

/** The index's brands, sorted: those naming a drug, each narrowed to its moiety, then the short brands. */
export function brandList(state: BuildState): Brand[] {
  const list = [...state.brands.values()].filter((b) => b.substances.length > 0).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  // A brand whose spécialités name one drug now by its salt, now by its moiety (EXELON: « hydrogénotartrate de
  // rivastigmine » and « rivastigmine »; SINGULAIR: « montélukast acide » and « montélukast ») is a brand of the moiety.
  for (const b of list) {
    const moieties = b.substances.filter((x) => !b.substances.some((y) => y !== x && (x.endsWith(` de ${y}`) || x.endsWith(` d'${y}`) || x.startsWith(`${y} `))));
    if (moieties.length === 1) b.substances = moieties;
  }
  // A word of a drug's name (« risédronate », « citrate », « glatiramer ») is not a brand's short name.
  const nameWords = substanceNameWords(state);
  list.push(...shortBrands(list, (key) => state.brands.has(key) || isDrugName(state, key) || state.common.has(key) || nameWords.has(key)));
  return list.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/**
 * « Symbicort® » for SYMBICORT TURBUHALER and SYMBICORT RAPIHALER: the first word of multi-word brands, as a
 * brand of its own, when every brand it starts names the same drugs and the word is nothing else (at least 5
 * letters, not a brand, drug or ordinary word). Such a word may still be an ordinary one the word list lacks
 * (« dialyse », « soluté »): it counts only in capitals or with ®.
 */
function shortBrands(list: Brand[], taken: (key: string) => boolean): Brand[] {
  const byFirst = new Map<string, Brand[]>();
  for (const b of list) {
    const [first, ...rest] = b.name.split(' ');
    if (rest.length && /^\p{L}{5,}$/u.test(first)) byFirst.set(first, [...(byFirst.get(first) ?? []), b]);
  }
  const out: Brand[] = [];
  for (const [first, group] of byFirst) {
    const drugs = (b: Brand) => [...b.substances].sort().join('+');
    if (taken(foldKey(first)) || group.some((b) => drugs(b) !== drugs(group[0]))) continue;
    const union = (pick: (b: Brand) => string[]) => [...new Set(group.flatMap(pick))];
    out.push({
      name: first, substances: [...group[0].substances], cis: union((b) => b.cis), forms: union((b) => b.forms), routes: union((b) => b.routes),
      conditions: union((b) => b.conditions), needsMark: true, firstWord: true, origin: group[0].origin,
    });
  }
  return out;
}
