/**
 * Build steps: the curated products (data/curated/products.json: substances outside the BDPM, with their class,
 * status and source), the curated aliases (names.json), and the short forms of two-word DCIs.
 *
 *   names.json { from: 'diméthylfumarate', to: 'fumarate de diméthyle' } → an alias; « certolizumab pégol » → alias « certolizumab » (one substance has
 *   that stem); « agalsidase alfa » and « agalsidase bêta » keep their full names.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Substance } from '../../../server/src/core/index-types';
import type { CuratedData } from '../sources/curated';
import { addAlias, ensure, resolveDci, type BuildState } from './state';

export function addCuratedProducts(state: BuildState, products: CuratedData['products']['products']): void {
  for (const p of products) {
    const s = state.substances.get(state.aliasToKey.get(foldKey(p.name)) ?? '') ?? ensure(state, p.name, 'curated');
    if (s.origin !== 'bdpm') s.origin = 'curated';
    for (const a of p.aliases ?? []) addAlias(state, s, a);
    s.drugClass ??= p.drugClass;
    s.status ??= p.status;
    s.description ??= p.description;
    s.source ??= p.source;
    if (p.atc) s.atc = [...new Set([...(s.atc ?? []), p.atc])];
  }
}

export function addCuratedAliases(state: BuildState, aliases: { from: string; to: string }[]): void {
  for (const m of aliases) addAlias(state, resolveDci(state, m.to), m.from);
}

const STEM_AND_QUALIFIER = /^(\S+) (?:alfa|alpha|bêta|beta|gamma|zêta|pégol|étexilate|médoxomil|mofétil|alafénamide|disoproxil|védotine|ozogamicine|emtansine|déruxtécan|govitécan)$/u;

/**
 * "certolizumab" for "certolizumab pégol", "efgartigimod" for "efgartigimod alfa", "dabigatran" for the prodrug
 * ester "dabigatran étexilate", "brentuximab" for the conjugate "brentuximab védotine": the short form is an alias
 * only when one substance has it (agalsidase alfa and bêta, ténofovir alafénamide and disoproxil keep their full
 * names) and no substance is named so (trastuzumab is not trastuzumab emtansine).
 */
export function addStemAliases(state: BuildState): void {
  const byStem = new Map<string, Substance[]>();
  for (const sub of state.substances.values()) {
    const m = STEM_AND_QUALIFIER.exec(sub.dci);
    if (m) byStem.set(m[1], [...(byStem.get(m[1]) ?? []), sub]);
  }
  // …and no other substance starts with the stem (interferon gamma is not « l'interféron »: interféron bêta-1a…).
  const firstWords = new Map<string, number>();
  for (const sub of state.substances.values()) {
    if (sub.origin === 'atc-lexicon') continue; // its English spellings (« brentuximab vendotin ») are not other drugs
    const first = foldKey(sub.dci).split(' ')[0];
    firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
  }
  for (const [stem, subs] of byStem) if (subs.length === 1 && firstWords.get(foldKey(stem)) === 1) addAlias(state, subs[0], stem);
}
