/**
 * French typography for what a writer reads (cards, report): numbers as fr-FR prints them, with narrow
 * no-break spaces in the thousands and before the unit, ranges with an en dash, dates in full, curly
 * apostrophes and elision.
 *
 *   amount(150, 600, 'mg', '/j') → « 150–600 mg/j »   frenchDate('2025-11-13') → « 13 novembre 2025 »
 *   elide('de', 'ocrélizumab')   → « d’ocrélizumab »
 *
 * Intl.NumberFormat is created on first use, not at load: the server's start does not pay for it.
 */

/** U+202F, narrow no-break space: inside numbers (1 200) and between a number and its unit. */
export const NNBSP = '\u202F';

let numberFormat: Intl.NumberFormat | undefined;

export function num(n: number): string {
  numberFormat ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
  return numberFormat.format(n);
}

/** « 150–600 mg/j », « 37,5 mg », « 0,4 g/kg/j ». */
export function amount(min: number, max: number, unit: string, suffix = ''): string {
  return `${min === max ? num(min) : `${num(min)}–${num(max)}`}${NNBSP}${unit}${suffix}`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 2025-11-13 » → « 13 novembre 2025 » (« 1er » for the first); anything else is returned as it is. */
export function frenchDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const day = Number(m[3]);
  return `${day === 1 ? '1er' : day} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** « de » + « ocrélizumab » → « d’ocrélizumab »; « le » + « ibuprofène » → « l’ibuprofène ». */
export function elide(word: 'de' | 'le' | 'la' | 'que', next: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüæœ]/i.test(next) ? `${word.slice(0, -1)}’${next}` : `${word} ${next}`;
}

/** Straight apostrophes of the data (« l'usage ») as curly ones. */
export function curly(text: string): string {
  return text.replace(/(\p{L})'(?=\p{L})/gu, '$1’');
}
