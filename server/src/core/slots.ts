/**
 * Where a word stands, for the unknown-drug check: in a drug slot (« prend du levotirox », « doliprne 1000 mg »,
 * « 1 g d’augmantin », « kardegyc® », « paracétamol, levotirox et oméprazole »), at the start of a sentence
 * (where a capital says nothing), or in a line of capitals (« ## TRAITEMENT DU CORSET », where capitals say
 * nothing either). Pure text tests on the prose around a word; no lexicon.
 */
import { caseless } from './caseless';

/** A dose right after a word (sticky: tried at `lastIndex`). */
const DOSE_AFTER = /[ \u00A0]+\d+(?:[.,]\d+)?[ \u00A0]*(?:mg|µg|mcg|g|UI)\b/y;

/** A dose and « de » right before a word: « 500 mg de », « 2 comprimés d’ ». */
const DOSE_BEFORE = /\d(?:[.,]\d+)?[ \u00A0]*(?:mg|µg|mcg|g|UI|mL|ml|cp|comprimés?|gélules?|sachets?|ampoules?|flacons?|gouttes?)[ \u00A0]+(?:de[ \u00A0]+|d['’])$/;

/**
 * A verb or phrase that introduces a treatment, then an article: « prend du », « traité par », « relais par »,
 * « sous », « introduction de la », « arrêt de l’ », « prescrire », « la pilule » (« la pilule Optimizette »).
 */
export const TREATMENT_BEFORE_PATTERN =
  '(?:^|[^\\p{L}])(?:pren(?:d|ds|nent|ait|aient|ant|ons|ez|dre)|pris|prise|prescri\\p{L}*|sous|reçoit|reçu|recevoir|administr\\p{L}*'
  + '|(?:trait\\p{L}*|relais|relayée?s?|remplacée?s?|switch(?:ée?)?) par|associée?s? à|passage (?:à|au|sous)|introduction|instauration|arrêt|ajout|switch vers|pilule)'
  + '[ \\u00A0]+(?:(?:de[ \\u00A0]+la|de[ \\u00A0]+l[\'’]|du|des|de|d[\'’]|le|la|l[\'’]|les|un|une)[ \\u00A0]*)?$';
/** TREATMENT_BEFORE_PATTERN whatever the case (`caseless`: as with the `i` flag, compiled far faster). */
const TREATMENT_BEFORE = new RegExp(caseless(TREATMENT_BEFORE_PATTERN), 'u');

/** What joins the drugs of a list: a comma, « et », « ou », « + », « / ». */
const LIST_JOIN = /^[ \u00A0]*(?:,|\+|\/|et|ou|,[ \u00A0]*et|,[ \u00A0]*ou)[ \u00A0]*$/;

/** Text before `at` on its line, at most `n` characters. */
function before(text: string, at: number, n: number): string {
  const from = Math.max(0, at - n);
  const slice = text.slice(from, at);
  const nl = slice.lastIndexOf('\n');
  return nl >= 0 ? slice.slice(nl + 1) : slice;
}

/** Whether a dose follows the word ending at `end` (« doliprne 1000 mg »). */
export function doseFollows(text: string, end: number): boolean {
  DOSE_AFTER.lastIndex = end;
  return DOSE_AFTER.test(text);
}

export interface SlotContext {
  /** A ® or ™ follows the word. */
  marked: boolean;
  /** The previous or next word is a known drug, joined to this one as in a list. */
  listedWith: (side: -1 | 1) => boolean;
}

/** Whether the word at [start, end) stands where a writer puts a drug's name. */
export function inDrugSlot(text: string, start: number, end: number, ctx: SlotContext): boolean {
  if (ctx.marked) return true;
  if (doseFollows(text, end)) return true;
  const head = before(text, start, 40);
  if (DOSE_BEFORE.test(head) || TREATMENT_BEFORE.test(head)) return true;
  return ctx.listedWith(-1) || ctx.listedWith(1);
}

/** Whether the text between two words joins them as items of a list. */
export function joinsList(between: string): boolean {
  return between.length <= 6 && LIST_JOIN.test(between);
}

/** Whether a word starts a sentence (or a line, a heading, a list item): its capital says nothing. */
export function startsSentence(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 12; i--) {
    const c = text[i];
    if (c === ' ' || c === '\u00A0' || c === '\t' || c === '*' || c === '_' || c === '#' || c === '>' || c === '-' || c === '•' || c === '(' || c === '«' || c === '"') continue;
    return c === '.' || c === '!' || c === '?' || c === ':' || c === '\n' || c === '\r';
  }
  return true;
}

/** Whether a word in capitals stands alone on its line or next to another word in capitals (a heading, a shouted line). */
export function amongCapitals(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const previous = [...text.slice(lineStart, start).matchAll(/\p{L}+/gu)].pop()?.[0];
  const next = /\p{L}+/u.exec(text.slice(end, lineEnd))?.[0];
  if (previous === undefined && next === undefined) return true;
  const shouted = (w: string | undefined) => w !== undefined && w.length > 1 && w === w.toUpperCase();
  return shouted(previous) || shouted(next);
}
