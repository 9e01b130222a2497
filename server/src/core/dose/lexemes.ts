/**
 * The words of the dose grammar, declared once: every pattern of `doses.ts`, `frequency.ts` and
 * `filters.ts` is generated from these tables, so that a space, a number word or a form word means the
 * same thing everywhere.
 *
 *   « 2 comprimés à 333 mg » (espaces fines insécables comprises) → COUNT + FORM_WORDS + « à » + NUMBER
 *   « deux fois par jour » → NUMBER_WORDS « deux » = 2
 */
import { LETTER } from '../normalize';

/** One space of any kind a French writer's editor produces: space, tab, no-break, narrow no-break, thin. */
export const SPACE_CHARS = ' \\t\\u00A0\\u202F\\u2009\\u2007\\u200A';
export const SP = `[${SPACE_CHARS}]`;
/** A space or a line break (a dose's words may wrap). */
export const WS = `[${SPACE_CHARS}\\n\\r]`;
/** Not a letter or a digit next: the end of a word. */
export const WORD_END = `(?![${LETTER}\\d])`;
export const NOT_LETTER_BEFORE = `(?<![${LETTER}])`;

/** Number words, with their value: « deux fois par jour », « une gélule ». */
export const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, dix: 10, douze: 12,
};
export const NUMBER_WORD = Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|');

/**
 * A written number: grouped thousands (« 1 200 », « 4 000 », « 1 000 000 ») or a plain number with a
 * decimal comma or point. Digits are bounded, so a run of 200,000 digits costs one failed try, not a
 * backtracking search; `(?<!\d)` makes the regex try a run of digits at its first digit only.
 */
export const NUMBER = `(?<![\\d.,])(?:\\d{1,3}(?:[${SPACE_CHARS}]\\d{3})+(?![\\d])(?![.,]\\d)|\\d{1,9}(?:[.,]\\d{1,4})?(?![\\d]))`;
/** A count: digits or a number word. */
export const COUNT = `\\d{1,2}|${NUMBER_WORD}`;
/** A range between two numbers: « 150 à 600 », « 2-3 », « 56 ou 84 », « entre 150 et 600 ». */
export const RANGE_SEPARATORS = ['à', '-', '–', 'et', 'ou'];

/** Units that are counted (« 3 gélules de 500 mg », « 2 bouffées de 100 µg »): form and presentation words. */
export const FORM_WORDS: { words: string; name: string; route?: string; example: string }[] = [
  { words: 'comprimés?', name: 'comprimé', route: 'orale', example: '2 comprimés de 500 mg' },
  { words: 'gélules?', name: 'gélule', route: 'orale', example: '3 gélules de 500 mg' },
  { words: 'capsules?', name: 'capsule', route: 'orale', example: '2 capsules de 100 mg' },
  { words: 'sachets?(?:-doses?)?', name: 'sachet', route: 'orale', example: '2 sachets de 1 g' },
  { words: 'cuillères?(?:[ -]mesures?)?', name: 'cuillère', route: 'orale', example: '2 cuillères de 5 mL' },
  { words: 'ampoules?', name: 'ampoule', example: '1 ampoule de 10 mg' },
  { words: 'bouffées?|inhalations?', name: 'bouffée', route: 'inhalée', example: '2 bouffées de 100 µg' },
  { words: 'pulvérisations?', name: 'pulvérisation', route: 'nasale', example: '2 pulvérisations de 50 µg' },
  { words: 'suppositoires?', name: 'suppositoire', route: 'rectale', example: '1 suppositoire de 1 g' },
  { words: 'gouttes?', name: 'goutte', example: '10 gouttes' },
  { words: 'injections?', name: 'injection', example: '2 injections de 4 000 UI' },
  { words: 'seringues?', name: 'seringue', example: 'une seringue de 40 mg' },
];
export const FORM = FORM_WORDS.map((f) => f.words).join('|');

/** Words that make a strength a presentation, not a dose: « un flacon de 100 mg », « le dosage à 5 mg ». */
export const PRESENTATION_WORDS = 'flacons?|seringues?|stylos?|ampoules?|dosages?|boîtes?|conditionnements?|présentations?|cartouches?';

/** Articles and determiners that may stand before a drug's name: « de la », « du », « l’ ». */
export const ARTICLE = `(?:l['’]|la${SP}+|le${SP}+|les${SP}+|du${SP}+|des${SP}+|de${SP}+la${SP}+|de${SP}+l['’])`;

/** Words that name a titration step or a starting dose: such a dose is not below the documented minimum. */
export const STARTING_WORDS = `début[${LETTER}]*|débuter|initi[${LETTER}]*|commencer|commencé[${LETTER}]*|titration|paliers?|augment[${LETTER}]*|progressive[${LETTER}]*|âgée?s?|sujets?${SP}+âgés|insuffisan[${LETTER}]*${SP}+(?:rénale?|hépatique)|clairance|dose${SP}+(?:test|minimale|faible)|réduite?s?|diminu[${LETTER}]*|décroissance|sevrage|entretien${SP}+minimal`;
