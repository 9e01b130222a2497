/**
 * A therapeutic gas is a drug only where it is a treatment: with a flow (« sous oxygène 3 L/min », the dose
 * attaches), after a word of treatment (« mis sous oxygène », « inhalation d’oxygène »), or named as the
 * therapy (« oxygénothérapie »); never in « l’oxygène du sang » or « la saturation en oxygène ». Each row
 * has an example and a counter-example, run as tests (test/unit/gases.test.ts).
 */
import type { Mention } from './mentions';

/** The substances this applies to: a word of every day (needsDose) that is also a treatment. */
export const TREATMENT_GASES = new Set(['oxygène']);

export interface TreatmentContext {
  name: string;
  /** Tried on the text before the mention (to its end), or on the mention's own text (`self`). */
  before?: RegExp;
  self?: RegExp;
  example: string;
  counterExample: string;
}

const SP = '[ \\u00A0\\u202F]+';
const OF = `(?:d['’]${SP.slice(0, -1)}*|de${SP}(?:l['’])?)`;

export const TREATMENT_CONTEXTS: TreatmentContext[] = [
  {
    name: 'sous, mis sous, traité par', before: new RegExp(`(?:^|[^\\p{L}])(?:sous|traitée?s?${SP}par|relais${SP}par)${SP}$`, 'iu'),
    example: 'Le patient est mis sous oxygène aux lunettes.', counterExample: 'La pression partielle en oxygène est basse.',
  },
  {
    name: 'administration, inhalation, débit, supplémentation', before: new RegExp(`(?:^|[^\\p{L}])(?:administration|inhalation|débit|supplémentation${SP}en|apport)${SP}${OF}?$`, 'iu'),
    example: 'Inhalation d’oxygène au masque à haute concentration.', counterExample: 'La consommation d’oxygène du myocarde augmente.',
  },
  {
    name: 'nom de la thérapie', self: /thérapie$/iu,
    example: 'Une oxygénothérapie de longue durée est prescrite.', counterExample: 'L’oxygène du sang est bas.',
  },
];

/** Whether a needsDose mention of a treatment gas stands as a treatment (see the table above). */
export function inTreatmentContext(text: string, m: Mention): boolean {
  if (!m.substances.some((s) => TREATMENT_GASES.has(s))) return false;
  const head = text.slice(Math.max(0, m.start - 40), m.start);
  return TREATMENT_CONTEXTS.some((c) => (c.before ? c.before.test(head) : c.self!.test(m.text)));
}
