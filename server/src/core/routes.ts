/**
 * The route of administration written next to a dose ("1 g IV", "6 mg en sous-cutané",
 * "per os"), in the dataset's route names. A stated route narrows the ranges a dose is compared
 * with; without one, every route of the drug counts.
 */
import { LETTER } from './normalize';

/** Short route words that may stand between a dose and its frequency (« 50 mg IV toutes les 6 heures »). */
export const ROUTE_ABBREVIATIONS = 'IV[DL]?|IM|SC|PO|per\\s+os';

/** A route's words, as regex source ([L]: a letter), with the dataset's name of the route. */
const ROUTE_WORDS: [string, string][] = [
  ['IV[DL]?|i\\.\\s?v\\.|intraveineu[L]*|en\\s+perfusion|perfusions?\\s+(?:intraveineu[L]*|IV)|bolus', 'intraveineuse'],
  ['SC|s\\.\\s?c\\.|sous[-\\s]cutan[L]*', 'sous-cutanée'],
  ['IM|i\\.\\s?m\\.|intramusculaire[L]*', 'intramusculaire'],
  ['per\\s+os|PO|(?:par\\s+)?voie\\s+orale|orale?ment|comprimés?|gélules?|sachets?', 'orale'],
  ['patchs?|transdermique[L]*|timbres?|dispositifs?\\s+transdermiques?', 'transdermique'],
  ['gels?|crèmes?|pommades?|(?:par\\s+)?voie\\s+cutanée|application\\s+cutanée', 'cutanée'],
  ['intrathécal[L]*', 'intrathécale'],
  ['nasal[L]*|pulvérisations?', 'nasale'],
  ['sublingua[L]*', 'sublinguale'],
  ['(?:par\\s+)?voie\\s+vaginale|vaginal[L]*|intravaginal[L]*|ovules?', 'vaginale'],
  ['(?:par\\s+)?voie\\s+rectale|intrarectal[L]*|suppositoires?|lavements?', 'rectale'],
  ['inhal[L]*|bouffées?|nébulis[L]*|aérosols?', 'inhalée'],
  ['collyres?|ophtalmique[L]*|intravitré[L]*', 'ophtalmique'],
  ['intra-?articulaire[L]*|infiltrations?', 'intra-articulaire'],
  ['péridura[L]*', 'péridurale'],
  ['buccal[L]*|gingiva[L]*', 'buccale'],
];
/** Words as a whole word: no letter just before or after. */
const wholeWord = (words: string) => new RegExp(`(?<![${LETTER}])(?:${words})(?![${LETTER}])`);
const ROUTE_PATTERNS = ROUTE_WORDS.map(([words]) => words.replace(/\[L\]/g, `[${LETTER}]`));
const ROUTES: [RegExp, string][] = ROUTE_WORDS.map(([, route], i) => [wholeWord(ROUTE_PATTERNS[i]), route]);

/** Every route word in one pattern: one try tells whether any route is written (most doses name none). */
const ANY_ROUTE = wholeWord(ROUTE_PATTERNS.join('|'));

/** The route stated in the clause around a dose: the text after it first, then the text before. */
export function routeNear(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end, end + 40).split(/[.;:!?\n]|,\s/)[0];
  const beforeParts = text.slice(Math.max(0, start - 40), start).split(/[.;:!?\n]|,\s/);
  const before = beforeParts[beforeParts.length - 1];
  for (const part of [after, before]) {
    if (!ANY_ROUTE.test(part)) continue; // most doses name no route
    const found = ROUTES.filter(([re]) => re.test(part)).map(([, route]) => route);
    if (found.length === 1) return found[0];
  }
  return undefined;
}
