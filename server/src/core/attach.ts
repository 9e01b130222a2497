/**
 * Which drug a dose belongs to, as an ordered list of named strategies: the first that answers decides
 * (a drug, or « none » to stop). Each is tested alone (test/unit/attach.test.ts); `annotate` says which one
 * attached each dose.
 *
 *   « 120 mg de pibrentasvir »              → de-suivant : pibrentasvir ; « 6 g/j de sel » → none
 *   « dabigatran 150 mg » (mot inconnu)     → mot-inconnu : none
 *   « kétoprofène (50 mg…) »                → directement-après
 *   | Méthotrexate | 15 mg/sem |           → ligne-de-tableau (never a drug of an earlier row)
 *   « La metformine : » puis « - 500 mg »  → liste-introduite
 */
import type { Block, Prose } from './prose';
import type { Mention } from './mentions';
import type { Dose } from './doses';
import { endTest } from './dose/scan';
import { headingBefore, indexBlocks, innermostBlock, listLeadIn, type BlockIndex } from './blocks';
import type { Sentences } from './sentences';

export { splitSentences, type Sentences } from './sentences';

const COMPARED = /(?:ceux|celui|celle|celles)\s+(?:(?:de|d['’])\s*(?:l'|l’|la\s+|le\s+)?|du\s+|des\s+)$|comme\s+(?:l'|l’|la\s+|le\s+)?$|qu['’]avec\s+(?:l'|l’|la\s+|le\s+)?$|que\s+(?:l'|l’|la\s+|le\s+)?$|(?:(?:supérieur|inférieur|comparé|non[- ]inférieur|associé|combiné|préféré|résistant|sensible|allergique|intolérant)e?s?\s+(?:à|aux?)|versus|vs\.?|face\s+(?:à|aux?)|en\s+association\s+(?:à|aux?|avec)|contrairement\s+(?:à|aux?)|par\s+rapport\s+(?:à|aux?))\s+(?:l'|l’|la\s+|le\s+|les\s+)?$|(?:analogue|dérivé|proche|cousin|prodrogue|précurseur|métabolite|promédicament)e?s?(?:\s+[a-zéèêàç]+)?\s+(?:du|des|de\s+la|de\s+l['’]|de)\s*$/i;
/** COMPARED tried at the end of the text before a mention only. */
const comparedBefore = endTest(COMPARED);
/** « de » (or « d' ») right after a dose: what follows is what the dose is of. */
const OF = /^[ \u00A0\u202F]+(?:de[ \u00A0\u202F]+|d['’][ \u00A0\u202F]*)(?:l['’]|la[ \u00A0\u202F]+|le[ \u00A0\u202F]+)?(?=[\p{L}])/u;
/** What may stand between a drug and the dose that directly follows it: spaces, "(", ":", a dash. */
const DIRECTLY = /^[\s(:–-]{0,3}$/;

/** Number of leading items (of `n`, ordered) for which `before(i)` holds: a binary search. */
function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Index of the first mention starting at or after `offset` (mentions sorted by start): `countBefore`, inlined. */
function firstFrom(ms: Mention[], offset: number): number {
  let lo = 0, hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Which mentions a search accepts (`i`: the mention's index in the list searched). */
type Accept = (m: Mention, i: number) => boolean;

/** The last mention ending in [from, to), scanning back from `to`. */
function lastBefore(ms: Mention[], from: number, to: number, ok: Accept): Mention | undefined {
  for (let i = firstFrom(ms, to) - 1; i >= 0 && ms[i].start >= from; i--) if (ms[i].end <= to && ok(ms[i], i)) return ms[i];
  return undefined;
}

/** The first mention inside [from, to). */
function firstIn(ms: Mention[], from: number, to: number, ok: Accept): Mention | undefined {
  for (let i = firstFrom(ms, from); i < ms.length && ms[i].start < to; i++) if (ms[i].end <= to && ok(ms[i], i)) return ms[i];
  return undefined;
}

/** What every strategy may look at, built once per analysis. */
export interface AttachContext {
  text: string;
  dose: Dose;
  sentence: [number, number];
  drugs: Mention[];
  /**
   * Whether drug `i` may own a dose: not named as a comparison (« supérieur à l'énalapril »). Asked of the drugs
   * a strategy reaches only (a long document names thousands), once each.
   */
  mayOwn: (i: number) => boolean;
  unknown: { start: number; end: number }[];
  blocks: BlockIndex;
}

/** A drug, `null` for « belongs to no drug » (stop), `undefined` for « no answer » (next strategy). */
export type Answer = Mention | null | undefined;

export interface Strategy {
  name: string;
  attach: (c: AttachContext) => Answer;
  example: string;
}

/** A drug that may own a dose and is no common word (glycine, calcium). */
const owningNotCommon = (mayOwn: (i: number) => boolean): Accept => (m, i) => mayOwn(i) && !m.needsDose;
/** How far before its dose an endogenous molecule (« l’adrénaline par voie intramusculaire, 0,5 mg ») may stand. */
const NEEDS_DOSE_WINDOW = 60;

export const STRATEGIES: Strategy[] = [
  {
    name: 'de-suivant', example: '120 mg de pibrentasvir',
    attach: ({ text, dose, drugs }) => {
      const of = OF.exec(text.slice(dose.end, dose.end + 16));
      if (!of) return undefined;
      const named = drugs[firstFrom(drugs, dose.end + of[0].length)];
      return named?.start === dose.end + of[0].length ? named : null;
    },
  },
  {
    name: 'mot-inconnu', example: 'le xabaparinux 150 mg',
    attach: ({ text, dose, unknown }) => {
      const last = unknown[countBefore(unknown.length, (i) => unknown[i].end <= dose.start) - 1];
      return last && DIRECTLY.test(text.slice(last.end, dose.start)) ? null : undefined;
    },
  },
  {
    name: 'ligne-de-tableau', example: '| Méthotrexate | 15 mg/sem |',
    attach: ({ dose, drugs, mayOwn, blocks }) => {
      const row = innermostBlock(blocks, dose.start, ['tableRow']);
      if (row < 0) return undefined;
      const b = blocks.blocks[row];
      // The drug nearest before the dose in its row, else the first after it; never one of another row. A row
      // names its drug on purpose: an endogenous molecule (adrénaline, noradrénaline) counts there.
      const any: Accept = (_, i) => mayOwn(i);
      return lastBefore(drugs, b.start, dose.start, any) ?? firstIn(drugs, dose.end, b.end, any) ?? null;
    },
  },
  {
    name: 'directement-après', example: 'le kétoprofène (50 mg toutes les 8 heures)',
    attach: ({ text, dose, drugs, sentence }) => lastBefore(drugs, sentence[0], dose.start, (m) => DIRECTLY.test(text.slice(m.end, dose.start))),
  },
  {
    name: 'phrase-avant', example: 'La prégabaline est prescrite à 150 mg/j',
    attach: ({ text, dose, drugs, mayOwn, sentence }) => {
      // needsDose words (glycine, calcium) only when the dose follows them closely.
      const usable: Accept = (m, i) => mayOwn(i) && (!m.needsDose || dose.start - m.end <= NEEDS_DOSE_WINDOW);
      const nearest = lastBefore(drugs, sentence[0], dose.start, usable);
      // A partner, a salt or a brand in parentheses closed before the dose yields to the drug before them.
      const open = nearest ? enclosingParenthesis(text, sentence[0], nearest, dose.start) : -1;
      return (open >= 0 && lastBefore(drugs, sentence[0], open, owningNotCommon(mayOwn))) || nearest;
    },
  },
  {
    name: 'phrase-après', example: 'À 150 mg/j, la prégabaline…',
    attach: ({ dose, drugs, mayOwn, sentence }) => firstIn(drugs, dose.end, sentence[1], owningNotCommon(mayOwn)),
  },
  {
    name: 'élément-de-liste', example: '- Prégabaline : débuter à 75 mg deux fois par jour',
    attach: ({ dose, drugs, mayOwn, blocks }) => {
      const item = innermostBlock(blocks, dose.start, ['listItem']);
      return item < 0 ? undefined : firstIn(drugs, blocks.blocks[item].start, blocks.blocks[item].end, owningNotCommon(mayOwn));
    },
  },
  {
    name: 'paragraphe', example: 'La prégabaline est efficace. La posologie est de 150 mg/j.',
    attach: ({ dose, drugs, mayOwn, blocks }) => {
      const p = innermostBlock(blocks, dose.start, ['paragraph']);
      return p < 0 ? undefined : lastBefore(drugs, blocks.blocks[p].start, dose.start, owningNotCommon(mayOwn));
    },
  },
  {
    name: 'liste-introduite', example: 'Le paracétamol :\n- 1 g par prise',
    attach: ({ dose, drugs, mayOwn, blocks }) => {
      const lead = listLeadIn(blocks, dose.start);
      return lead ? lastBefore(drugs, lead.start, lead.end, owningNotCommon(mayOwn)) : undefined;
    },
  },
  {
    name: 'titre', example: '## Prégabaline\n\nDe 150 à 600 mg/j.',
    attach: ({ dose, drugs, mayOwn, blocks, unknown }) => {
      const h = headingBefore(blocks, dose.start);
      if (!h) return undefined;
      // …unless the section names an unknown drug before the dose: the dose may well be that one's.
      const u = unknown[countBefore(unknown.length, (i) => unknown[i].start < h.end)];
      if (u && u.start < dose.start) return undefined;
      return firstIn(drugs, h.start, h.end, owningNotCommon(mayOwn));
    },
  },
];

/** The offset of the parenthesis around a mention when it closes before the dose, else -1. */
function enclosingParenthesis(text: string, from: number, m: Mention, doseStart: number): number {
  const open = text.lastIndexOf('(', m.start);
  if (open < from || text.lastIndexOf(')', m.start) > open) return -1;
  const close = text.indexOf(')', m.end);
  return close >= 0 && close < doseStart ? open : -1;
}

export interface Attachment { drug: Mention; strategy: string }

/** The sentence holding `offset`: its start, and the next sentence's start (Infinity after the last). */
function sentenceAround(sentences: Sentences, offset: number): [number, number] {
  if (sentences.around) return sentences.around(offset);
  const i = Math.max(0, countBefore(sentences.starts.length, (k) => sentences.starts[k] <= offset) - 1);
  return [sentences.starts[i], sentences.starts[i + 1] ?? Infinity];
}

/**
 * The text that may name a dose's indication: its sentence and the heading above it. Built once per sentence
 * (every block edge is a sentence start, so no heading ends inside a sentence: its doses share one context).
 */
export function contextOf(prose: Prose, sentences: Sentences, offset: number): string {
  const [start, next] = sentenceAround(sentences, offset);
  let built = contexts.get(sentences);
  if (!built) contexts.set(sentences, (built = new Map()));
  let context = built.get(start);
  if (context === undefined) {
    const sentence = prose.text.slice(start, Math.min(next, prose.text.length, start + 600));
    const h = headingBefore(indexOf(prose), start);
    context = h ? `${prose.text.slice(h.start, Math.min(h.end, h.start + 200))} ${sentence}` : sentence;
    built.set(start, context);
  }
  return context;
}
/** Per sentences of a text, the context of each sentence (by its start). */
const contexts = new WeakMap<Sentences, Map<number, string>>();

const blockIndexes = new WeakMap<Prose, BlockIndex>();
function indexOf(prose: Prose): BlockIndex {
  let index = blockIndexes.get(prose);
  if (!index) blockIndexes.set(prose, (index = indexBlocks(prose)));
  return index;
}

/** `unknown`: the words reported as unknown drugs, in text order. */
export function attachDoses(prose: Prose, sentences: Sentences, doses: Dose[], drugs: Mention[], unknown: { start: number; end: number }[] = []): Map<Dose, Attachment> {
  const result = new Map<Dose, Attachment>();
  const owner = new Int8Array(drugs.length); // 0: not asked yet; 1: may own a dose; -1: named as a comparison
  const mayOwn = (i: number) => {
    if (owner[i] === 0) owner[i] = comparedBefore(prose.text.slice(Math.max(0, drugs[i].start - 25), drugs[i].start)) ? -1 : 1;
    return owner[i] === 1;
  };
  const blocks = indexOf(prose);
  for (const dose of doses) {
    const context: AttachContext = { text: prose.text, dose, sentence: sentenceAround(sentences, dose.start), drugs, mayOwn, unknown, blocks };
    for (const s of STRATEGIES) {
      const answer = s.attach(context);
      if (answer === undefined) continue;
      if (answer) result.set(dose, { drug: answer, strategy: s.name });
      break;
    }
  }
  return result;
}

export type { Block };
