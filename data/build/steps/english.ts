/**
 * Build step: English and North-American names of the drugs (« dalteparin », « acetaminophen », « glyburide »),
 * recognised as the drug and marked as English, so that a note gives the French DCI. Sources, each named:
 * the EMA export's INN column (English INNs matched to the French DCI by the world step), the curated aliases
 * that names.json documents as English INNs, and data/curated/english-names.json (USAN and English INNs, each
 * with the page it was read on).
 *
 *   { english: 'glyburide', dci: 'glibenclamide', kind: 'USAN' } → glibenclamide.english = ['glyburide'], and in a text
 *   « le glyburide » gets « le nom français (DCI) est glibenclamide ».
 */
import { foldKey } from '../../../server/src/core/normalize';
import type { Substance } from '../../../server/src/core/index-types';

export interface EnglishName {
  english: string;
  dci: string;
  kind: 'INN' | 'USAN';
  source: { title: string; url: string };
}

/** Record `name` as an English name of `s` (an alias of it already, or made one). */
export function markEnglish(s: Substance, name: string, addAlias: (s: Substance, alias: string) => void): void {
  const key = foldKey(name);
  if (key === foldKey(s.dci)) return;
  addAlias(s, name);
  if (!s.aliases.some((a) => foldKey(a) === key)) return; // another substance's name: not this one's
  const english = (s.english ??= []);
  if (!english.some((e) => foldKey(e) === key)) english.push(name);
}

/** English names from the curated aliases documented as English INNs, and from english-names.json. */
export function addEnglishNames(
  find: (name: string) => Substance | undefined, addAlias: (s: Substance, alias: string) => void,
  curatedAliases: { from: string; to: string; source: string }[], list: EnglishName[],
): void {
  for (const a of curatedAliases) {
    const s = /^INN anglais \(|\bUSAN\b/.test(a.source) ? find(a.to) : undefined;
    if (s) markEnglish(s, a.from, addAlias);
  }
  for (const n of list) {
    const s = find(n.dci);
    if (!s) throw new Error(`data/curated/english-names.json: unknown DCI ${n.dci}`);
    markEnglish(s, n.english, addAlias);
  }
}
