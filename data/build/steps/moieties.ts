/**
 * Build step: a salt or ester is called by its moiety when the ATC lexicon knows the moiety as an INN, or when the
 * salt is one of an organic base, keeping the BDPM's spelling and accents. Two salts of one moiety become one
 * substance.
 *
 *   « tartrate de métoprolol » → métoprolol (alias « tartrate de métoprolol »); beside an existing « métoprolol »,
 *   the salt's names join it and its spécialités count for it.
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { AtcLexicon } from '../sources/lexicons';
import { activeMoiety } from './salts';
import type { BuildState } from './state';

/** The INNs of the ATC lexicon (its lower-case terms), folded. */
export function lexiconInns(lexicon: AtcLexicon): Set<string> {
  return new Set(Object.values(lexicon).flat().filter((t) => t === t.toLowerCase()).map(foldKey));
}

export function nameByMoiety(state: BuildState, inns: Set<string>): void {
  const { substances, aliasToKey } = state;
  const preferredTargets = new Set([...state.preferred.values()].map(foldKey));
  for (const s of [...substances.values()]) {
    const m = activeMoiety(s.dci);
    if (!m || !(m.plainBase || inns.has(foldKey(m.moiety))) || preferredTargets.has(foldKey(s.dci))) continue;
    const oldKey = foldKey(s.dci), newKey = foldKey(m.moiety);
    const owner = aliasToKey.get(newKey);
    if (owner && owner !== newKey) continue; // the moiety's name is another substance's alias: leave both
    const target = owner ? substances.get(owner)! : s;
    substances.delete(oldKey);
    if (target === s) {
      s.aliases.push(s.dci);
      s.dci = m.moiety;
      substances.set(newKey, s);
    } else {
      // Another salt of a moiety already known ("tartrate de métoprolol" beside "métoprolol"): one substance.
      for (const a of [s.dci, ...s.aliases]) if (!target.aliases.includes(a)) target.aliases.push(a);
      for (const set of state.substancesByCis.values()) if (set.delete(s)) set.add(target);
    }
    for (const [alias, key] of aliasToKey) if (key === oldKey) aliasToKey.set(alias, newKey);
    aliasToKey.set(newKey, newKey);
  }
}
