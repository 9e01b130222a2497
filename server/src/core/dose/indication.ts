/**
 * The indication an article names next to a dose (in its sentence or the heading above it): when it names
 * one of a drug's documented contexts, that context's ranges are preferred to the union of all.
 *
 *   « Dans le choc septique, l’hydrocortisone est donnée à 200 mg/j » → the range « choc septique » (IV),
 *   not the oral replacement range of adrenal insufficiency (20–40 mg/j)
 */
import type { DoseRange } from '../index-types';
import { foldKey } from '../normalize';

/** Words of a range's context that say nothing of the indication. */
const NEUTRAL = new Set([
  'traitement', 'traitements', 'adulte', 'adultes', 'toutes', 'indications', 'indication', 'patients', 'patient', 'forme', 'formes',
  'doses', 'posologie', 'orale', 'entretien', 'initiation', 'severe', 'severes', 'moderee', 'moderees', 'legere', 'legeres',
  'associe', 'associee', 'association', 'premiere', 'ligne', 'intraveineuse', 'injectable', 'comprime', 'comprimes', 'schema',
  'semaine', 'semaines', 'quotidien', 'quotidienne', 'standard', 'usuelle', 'habituelle', 'maximale', 'minimale', 'chronique',
  'aigue', 'aigues', 'attaque', 'charge', 'relais', 'voie', 'sous-cutanee', 'cutanee', 'perfusion', 'injection', 'injections',
  'liberation', 'prolongee', 'cutane', 'cutanee', 'veineuse', 'intramusculaire', 'musculaire', 'buccale', 'inhalee', 'rectale',
  'nasale', 'transdermique', 'induction', 'traite', 'traites', 'traitee', 'traitees', 'adaptee', 'reduite', 'augmentee', 'patiente', 'immediate', 'derniere', 'recours', 'hospitalier', 'hospitaliere', 'specialises', 'services',
]);

const WORD = /[a-z]{6,}/g;
const NEUTRAL_STEMS = new Set([...NEUTRAL, 'intraveineux', 'bolus', 'dose', 'perfusions', 'seringue', 'stylo', 'gelule', 'sachet', 'solution', 'suspension', 'poudre', 'inhalation', 'pulverisation'].map((w) => w.slice(0, 6)));
/** Six letters: enough to tell indications apart, and to match « diabète » with « diabétiques ». */
const stem = (w: string) => w.slice(0, 6);

/**
 * The telling words of each part of a context (« insuffisance cardiaque chronique ; maladie rénale chronique »
 * → [insuffisance, cardiaque], [maladie, renale]): a part is named when all its words are.
 */
function contextParts(context: string, dci = ''): string[][] {
  const own = foldKey(dci);
  return foldKey(context).split(/[;,():/]|\s(?:et|ou|avec|puis)\s/)
    .map((p) => [...new Set(p.match(WORD) ?? [])].filter((w) => !NEUTRAL_STEMS.has(stem(w)) && !own.includes(w)).map(stem))
    .filter((p) => p.length > 0);
}

/** A range's parts (`contextParts`), kept on the range: a dose of a substance reads its ranges again and again. */
function partsOf(range: DoseRange, dci: string): string[][] {
  const kept = partsByRange.get(range);
  if (kept?.dci === dci) return kept.parts;
  const parts = contextParts(range.context, dci);
  partsByRange.set(range, { dci, parts });
  return parts;
}
const partsByRange = new WeakMap<DoseRange, { dci: string; parts: string[][] }>();

/** The stems of the words a text says (doses of one sentence share it: the last one is kept). */
let lastText = '';
let lastSaid = new Set<string>();
function saidIn(text: string): Set<string> {
  if (text !== lastText) {
    lastText = text;
    lastSaid = new Set((foldKey(text).match(WORD) ?? []).map(stem));
  }
  return lastSaid;
}

/**
 * Whether the text may be about the range's indication: the range names none (« adulte »), or the text names one of
 * its parts. « rituximab 375 mg/m² dans le lymphome » is not about « polyarthrite rhumatoïde ».
 */
export function mayConcern(range: DoseRange, text: string, dci = ''): boolean {
  const parts = partsOf(range, dci);
  if (!parts.length) return true;
  const said = saidIn(text);
  return parts.some((part) => part.every((w) => said.has(w)));
}

/** The ranges whose context the text names, or none. */
export function rangesForIndication(ranges: DoseRange[], text: string, dci = ''): DoseRange[] {
  if (ranges.length < 2 || !text) return [];
  const parts = ranges.map((r) => partsOf(r, dci));
  if (parts.every((p) => !p.length)) return []; // no range names an indication: the text need not be read
  const said = saidIn(text);
  const named = ranges.filter((_, i) => parts[i].some((part) => part.every((w) => said.has(w))));
  return named.length && named.length < ranges.length ? named : [];
}
