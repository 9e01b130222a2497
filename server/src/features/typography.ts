/**
 * French typography for what a writer reads (cards, report): numbers as fr-FR prints them, with narrow
 * no-break spaces in the thousands and before the unit, ranges with an en dash, dates in full, curly
 * apostrophes and elision.
 *
 *   amount(150, 600, 'mg', '/j') → « 150–600 mg/j »   frenchDate('2025-11-13') → « 13 novembre 2025 »
 *   elide('de', 'ocrélizumab')   → « d’ocrélizumab »
 *
 * Numbers are printed by hand as Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 }) prints them (a test
 * compares both): creating the Intl one loads ICU data and cost the server's first hover ≈10–50 ms. Only a
 * negative, infinite or huge number asks Intl (none in a dose).
 */

/** U+202F, narrow no-break space: inside numbers (1 200) and between a number and its unit. */
export const NNBSP = '\u202F';

let numberFormat: Intl.NumberFormat | undefined;

export function num(n: number): string {
  const shortest = String(n);
  if (!(n >= 0 && n < 1e15) || Object.is(n, -0) || shortest.includes('e')) {
    numberFormat ??= new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
    return numberFormat.format(n);
  }
  // Like ICU: the shortest decimal form of the number, rounded half up to 3 decimals, no trailing zeros.
  const [whole, fraction = ''] = shortest.split('.');
  let digits = whole + fraction.slice(0, 3).padEnd(3, '0');
  if (fraction.length > 3 && fraction[3] >= '5') digits = roundedUp(digits);
  const grouped = digits.slice(0, -3).replace(/\B(?=(\d{3})+$)/g, NNBSP) || '0';
  const decimals = digits.slice(-3).replace(/0+$/, '');
  return decimals ? `${grouped},${decimals}` : grouped;
}

/** A string of digits plus one in its last place (« 0999 » → « 1000 »). */
function roundedUp(digits: string): string {
  const out = digits.split('');
  let i = out.length - 1;
  while (i >= 0 && out[i] === '9') out[i--] = '0';
  if (i < 0) return `1${out.join('')}`;
  out[i] = String(Number(out[i]) + 1);
  return out.join('');
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
