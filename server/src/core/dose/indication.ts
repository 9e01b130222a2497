/**
 * The indication an article names next to a dose (in its sentence or the heading above it): when it names
 * one of a drug's documented contexts, that context's ranges are preferred to the union of all.
 *
 *   « Dans le choc septique, l’hydrocortisone est donnée à 200 mg/j » → the range « choc septique » (IV),
 *   not the oral replacement range of adrenal insufficiency (20–40 mg/j)
 */
import type { DoseRange } from '../index-types';
import { foldKey } from '../normalize';

/** Words of a range's context that say nothing of the indication. */
const NEUTRAL = new Set([
  'traitement', 'traitements', 'adulte', 'adultes', 'toutes', 'indications', 'indication', 'patients', 'patient', 'forme', 'formes',
  'doses', 'posologie', 'orale', 'entretien', 'initiation', 'severe', 'severes', 'moderee', 'moderees', 'legere', 'legeres',
  'associe', 'associee', 'association', 'premiere', 'ligne', 'intraveineuse', 'injectable', 'comprime', 'comprimes', 'schema',
  'semaine', 'semaines', 'quotidien', 'quotidienne', 'standard', 'usuelle', 'habituelle', 'maximale', 'minimale', 'chronique',
  'aigue', 'aigues', 'attaque', 'charge', 'relais', 'voie', 'sous-cutanee', 'cutanee', 'perfusion', 'injection', 'injections',
  'liberation', 'prolongee', 'immediate', 'derniere', 'recours', 'hospitalier', 'hospitaliere', 'specialises', 'services',
]);

const WORD = /[a-z]{6,}/g;
const wordsCache = new Map<string, string[]>();

/** The telling words of a context (« choc septique » → choc? no: 6 letters or more → septique). */
export function contextWords(context: string): string[] {
  let words = wordsCache.get(context);
  if (!words) {
    words = [...new Set(foldKey(context).match(WORD) ?? [])].filter((w) => !NEUTRAL.has(w));
    if (wordsCache.size > 10_000) wordsCache.clear();
    wordsCache.set(context, words);
  }
  return words;
}

/** The ranges whose context the text names, or none. */
export function rangesForIndication(ranges: DoseRange[], text: string, dci = ''): DoseRange[] {
  if (ranges.length < 2 || !text) return [];
  const own = foldKey(dci);
  const folded = ` ${foldKey(text).replace(/[^a-z0-9]+/g, ' ')} `;
  // A word is named when the text has a word starting with its stem (« septique », « septiques »).
  const named = ranges.filter((r) => contextWords(r.context).some((w) => !own.includes(w) && folded.includes(` ${w.slice(0, -1)}`)));
  return named.length && named.length < ranges.length ? named : [];
}
