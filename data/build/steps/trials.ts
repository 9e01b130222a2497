/**
 * Build step: the trials. Curated first, then the acronyms found in the ClinicalTrials.gov extracts' titles; one
 * trial per NCT id (a second name for the same row becomes an alias: « ULTIMATE 1 » for « ULTIMATE I »); a drug or
 * brand name in a title's parenthesis (« (LEMTRADA) ») is not a trial's name.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Trial } from '../../../server/src/core/index-types';
import type { CuratedData } from '../sources/curated';
import { isDrugName, type BuildState } from './state';

export function compileTrials(state: BuildState, curated: CuratedData['trials']['trials'], extracts: Trial[]): Trial[] {
  const trials: Trial[] = [];
  const seen = new Set<string>();
  const byNct = new Map<string, Trial>();
  const addTrial = (t: Trial) => {
    const key = foldKey(t.name);
    if (seen.has(key)) return;
    seen.add(key);
    const same = t.nct ? byNct.get(t.nct) : undefined;
    if (same) {
      same.aliases.push(t.name);
      return;
    }
    if (t.nct) byNct.set(t.nct, t);
    trials.push(t);
  };
  for (const t of curated) addTrial({ ...t, nct: t.nct, aliases: [...t.aliases] });
  for (const t of extracts) if (!isDrugName(state, t.name)) addTrial(t);
  return trials;
}
