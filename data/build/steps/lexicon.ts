/**
 * Build steps from the lexicons: the ordinary French words (ROMEDI's list and names.json `ordinaryWords`), and the
 * INNs of the ATC lexicon that the BDPM lacks, each with its ATC code and the lexicon as its source. An English
 * INN one letter from a French DCI is a spelling of it, not another drug.
 *
 *   « cortisone » (H02AB10, not in the BDPM's composition) → a substance of origin 'atc-lexicon';
 *   « vigabatrin » → an alias of vigabatrine.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { AtcLexicon } from '../sources/lexicons';
import { addAlias, ensure, type BuildState } from './state';

export function addOrdinaryWords(state: BuildState, frenchWords: string[], ordinaryWords: string[] = []): void {
  for (const w of frenchWords.map(foldKey).filter((k) => k.length > 0)) state.common.add(w);
  for (const w of ordinaryWords) state.common.add(foldKey(w));
}

/** Terms that are no INN: lists, associations, four letters or less. */
const NOT_AN_INN = /[,;/]| et | en association|associations?|^\S{1,4}$/;

export function addAtcInns(state: BuildState, lexicon: AtcLexicon): void {
  const { aliasToKey, substances, common } = state;
  for (const [atc, terms] of Object.entries(lexicon)) {
    if (atc.length !== 7) continue;
    for (const term of terms) {
      if (term !== term.toLowerCase() || NOT_AN_INN.test(term)) continue;
      const key = foldKey(term);
      if (aliasToKey.has(key) || common.has(key) || term.split(' ').length > 2) continue;
      // An English INN one letter from the French DCI (vigabatrin → vigabatrine) is a spelling of it.
      const french = aliasToKey.get(`${key}e`) ?? (key.endsWith('e') ? aliasToKey.get(key.slice(0, -1)) : undefined);
      if (french) {
        addAlias(state, substances.get(french)!, term);
        continue;
      }
      const s = ensure(state, term, 'atc-lexicon');
      s.atc = [atc];
      s.source = { type: 'atc-lexicon', title: `data/sources/lexicons/edsnlp-drugs-atc.json, code ${atc}`, url: 'https://github.com/aphp/edsnlp' };
    }
  }
}
