/**
 * Hyphenated class words whose second half is a target, not a drug: « anti-TNF », « anti-IL-17 »,
 * « anti-aldostérone », « anticorps anti-héparine », « activité anti-Xa », « pro-insuline », « post-héparine ».
 * A word right after such a prefix is no unknown drug, no misspelling of one, and no mention of the drug it
 * names (the antibodies « anti-infliximab » are not infliximab). A name that starts with the prefix itself
 * (a class « anti-CGRP », a brand) is matched whole before this is asked.
 */

import { caseless } from './caseless';

export interface ClassPrefix {
  /** The prefix as written before its hyphen (case aside). */
  prefix: string;
  /** What it makes, in French. */
  what: string;
  /** A text, and the word after the prefix that must not be a drug there. */
  example: [text: string, word: string];
}

export const CLASS_PREFIXES: ClassPrefix[] = [
  { prefix: 'anti', what: 'classe ou anticorps dirigé contre une cible', example: ['Un antagoniste des récepteurs, anti-aldostérone.', 'aldostérone'] },
  { prefix: 'anti', what: 'anticorps contre un médicament ou une molécule du corps', example: ['Les anticorps anti-héparine sont recherchés.', 'héparine'] },
  { prefix: 'pro', what: 'précurseur d’une molécule du corps', example: ['Le dosage de la pro-insuline est normal.', 'insuline'] },
  { prefix: 'post', what: 'activité mesurée après une injection', example: ['L’activité lipolytique post-héparine est basse.', 'héparine'] },
];

/** A prefix and its hyphen right before a word, possibly after another target and a slash (« anti-PF4/héparine »), for the `iu` flags. */
export const BEFORE_PATTERN = `(?:^|[^\\p{L}\\p{N}])(?:${[...new Set(CLASS_PREFIXES.map((p) => p.prefix))].join('|')})[-‐‑](?:[\\p{L}\\p{N}]+[-‐‑/])*$`;
/** BEFORE_PATTERN whatever the case (`caseless`: as with the `i` flag, compiled far faster). */
const BEFORE = new RegExp(caseless(BEFORE_PATTERN), 'u');

/** Whether the word starting at `start` is the target of a hyphenated class word (« anti-TNF »). */
export function afterClassPrefix(text: string, start: number): boolean {
  const c = text.charCodeAt(start - 1);
  if (c !== 45 && c !== 0x2010 && c !== 0x2011 && c !== 47) return false;
  return BEFORE.test(text.slice(Math.max(0, start - 24), start));
}
