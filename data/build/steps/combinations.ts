/**
 * Combinations the BDPM writes as one active substance: « COMPLEXE SODIQUE SACUBITRIL VALSARTAN
 * HÉMIPENTAHYDRATÉ » with the fractions SACUBITRIL and VALSARTAN (ENTRESTO). Each fraction is then a drug of
 * its own, and the brand names both; « sacubitril » alone is a drug, not another name of valsartan.
 * A salt with its counter-ion (« citrate de caféine ») or a chelate (« gadobénate de diméglumine ») is not such
 * a complex: its active substance does not name every fraction.
 */
import { foldKey } from '../../../server/src/core/normalize';

/** The fractions of a complex, when there are several and the active substance's name holds each of them. */
export function complexParts(fractions: string[], activeSubstances: string[]): string[] | null {
  if (fractions.length < 2 || activeSubstances.length !== 1) return null;
  const words = new Set(foldKey(activeSubstances[0]).split(/[^\p{L}\p{N}-]+/u));
  return fractions.every((f) => foldKey(f).split(' ').every((w) => words.has(w))) ? fractions : null;
}

/**
 * A fraction the BDPM gives as the drug its active substance becomes (a prodrug, an ester, another form):
 * « FOSPHÉNYTOÏNE SODIQUE » → fraction « PHÉNYTOÏNE SODIQUE » (PRODILANTIN), « ACÉTYLCYSTÉINE » → « CYSTÉINE ».
 * The drug is the active substance, named without its salt and water words: fosphénytoïne, acétylcystéine.
 */
export function prodrugName(fractions: string[], activeSubstances: string[]): string | null {
  if (fractions.length !== 1 || activeSubstances.length !== 1) return null;
  const sa = activeSubstances[0].trim(), first = (x: string) => foldKey(x).split(' ')[0];
  const s = first(sa), f = first(fractions[0]);
  if (s === f || !s.endsWith(f) || s.length <= f.length + 1) return null;
  return sa.replace(/(?: (?:sodique|disodique|potassique|calcique|anhydre|\p{L}*hydraté))+$/iu, '');
}
