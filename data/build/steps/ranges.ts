/**
 * Build step: the curated dose ranges (data/curated/ranges/*.json), each attached to its substance under the
 * substance's DCI, with the BDPM page of the spécialité its RCP source names.
 *
 *   { substance: 'lévétiracétam', min: 500, max: 3000, source: { title: 'KEPPRA 100 mg/ml…', cis: '60132330' } } → a range
 *   of lévétiracétam, its bdpmUrl …extrait.php?specid=60132330 added when the file lacks it.
 */
import type { DoseRange } from '../../../server/src/core/index-types';
import { resolveDci, type BuildState } from './state';

export const bdpmUrl = (cis: string): string => `https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=${cis}`;

/** Adds the ranges; returns how many. An unknown substance stops the build. */
export function addRanges(state: BuildState, ranges: DoseRange[]): number {
  for (const r of ranges) {
    const s = resolveDci(state, r.substance);
    if (r.source.cis && !r.source.bdpmUrl) r.source.bdpmUrl = bdpmUrl(r.source.cis);
    s.ranges.push({ ...r, substance: s.dci });
  }
  return ranges.length;
}
