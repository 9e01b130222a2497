/**
 * The route of administration written next to a dose ("1 g IV", "6 mg en sous-cutané",
 * "per os"), in the dataset's route names. A stated route narrows the ranges a dose is compared
 * with; without one, every route of the drug counts.
 */
const ROUTES: [RegExp, string][] = [
  [/(?<![\p{L}])(?:IV[DL]?|i\.\s?v\.|intraveineu\p{L}*|en\s+perfusion|perfusions?\s+(?:intraveineu\p{L}*|IV)|bolus)(?![\p{L}])/u, 'intraveineuse'],
  [/(?<![\p{L}])(?:SC|s\.\s?c\.|sous[-\s]cutan\p{L}*)(?![\p{L}])/u, 'sous-cutanée'],
  [/(?<![\p{L}])(?:IM|i\.\s?m\.|intramusculaire\p{L}*)(?![\p{L}])/u, 'intramusculaire'],
  [/(?<![\p{L}])(?:per\s+os|PO|(?:par\s+)?voie\s+orale|orale?ment|comprimés?|gélules?|sachets?)(?![\p{L}])/u, 'orale'],
  [/(?<![\p{L}])(?:patchs?|transdermique\p{L}*|timbres?)(?![\p{L}])/u, 'transdermique'],
  [/(?<![\p{L}])(?:intrathécal\p{L}*)(?![\p{L}])/u, 'intrathécale'],
  [/(?<![\p{L}])(?:nasal\p{L}*|pulvérisations?)(?![\p{L}])/u, 'nasale'],
  [/(?<![\p{L}])(?:sublingua\p{L}*)(?![\p{L}])/u, 'sublinguale'],
];

/** The route stated in the clause around a dose: the text after it first, then the text before. */
export function routeNear(text: string, start: number, end: number): string | undefined {
  const after = text.slice(end, end + 40).split(/[.;:!?\n]|,\s/)[0];
  const beforeParts = text.slice(Math.max(0, start - 40), start).split(/[.;:!?\n]|,\s/);
  const before = beforeParts[beforeParts.length - 1];
  for (const part of [after, before]) {
    const found = ROUTES.filter(([re]) => re.test(part)).map(([, route]) => route);
    if (found.length === 1) return found[0];
  }
  return undefined;
}
