/**
 * Build step: substances that count as a mention only with a dose beside them: those names.json lists, short names
 * (« or », « fer ») and ordinary words that name a rarely sold BDPM substance.
 *
 *   « fer » → needsDose: « le fer sérique » is no mention, « fer 80 mg/j » is one.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { BuildState } from './state';

export function markNeedsDose(state: BuildState, listed: string[]): void {
  for (const n of listed) {
    const s = state.substances.get(state.aliasToKey.get(foldKey(n)) ?? '');
    if (s) s.needsDose = true;
  }
  for (const s of state.substances.values()) {
    const key = foldKey(s.dci);
    if (key.length <= 3 || (state.common.has(key) && s.origin === 'bdpm' && s.cisCount < 3)) s.needsDose = true;
  }
}
