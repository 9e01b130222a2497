/**
 * Source readers: the lexicons of data/sources/lexicons. The ATC lexicon of AP-HP's edsnlp (ATC code → the terms
 * that name it) and ROMEDI's list of ordinary French words (first column of a TAB-separated file).
 *
 *   { "A01AA01": ["DURAPHAT", …, "sodium fluorure"] } → INNs the BDPM may lack;
 *   « parasitose\tparasitose » → « parasitose » is an ordinary word, not a drug.
 */
import { readFileSync } from 'node:fs';

/** ATC code → terms (INNs in lower case, brands in capitals). */
export type AtcLexicon = Record<string, string[]>;

export function readAtcLexicon(path: string): AtcLexicon {
  return JSON.parse(readFileSync(path, 'utf8')) as AtcLexicon;
}

/** The words of the list as written (first column), empty lines included as ''. */
export function readFrenchWords(path: string): string[] {
  return readFileSync(path, 'utf8').split(/\r?\n/).map((l) => l.split('\t')[0] ?? '');
}
