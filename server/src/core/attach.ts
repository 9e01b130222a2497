/**
 * Which drug a dose belongs to:
 *   - the drug named right after it with « de » (« 120 mg de pibrentasvir »); a dose « de » something else
 *     (« 6 g/j de sel ») belongs to no drug;
 *   - the drug it directly follows (« kétoprofène (50 mg…) »); none when it directly follows a word reported
 *     as an unknown drug (« dabigatran 150 mg »: that word owns it);
 *   - the nearest drug before it in the same sentence (not one it is compared with: « proches de ceux de
 *     l'amitriptyline », « supérieur à l'énalapril »);
 *   - else the drug right after it, then the drug of the enclosing table row or list item, of the paragraph,
 *     then of the heading.
 */
import type { Block, Prose } from './prose';
import type { Mention } from './mentions';
import type { Dose } from './doses';
import { UPPER } from './normalize';

const COMPARED = /(?:ceux|celui|celle|celles)\s+(?:de|d')\s*(?:l'|l’|la\s+|le\s+|du\s+)?$|comme\s+(?:l'|l’|la\s+|le\s+)?$|qu['’]avec\s+(?:l'|l’|la\s+|le\s+)?$|que\s+(?:l'|l’|la\s+|le\s+)?$|(?:(?:supérieur|inférieur|comparé|non[- ]inférieur|associé|combiné|préféré)e?s?\s+(?:à|aux?)|versus|vs\.?|face\s+(?:à|aux?)|en\s+association\s+(?:à|aux?|avec)|contrairement\s+(?:à|aux?)|par\s+rapport\s+(?:à|aux?))\s+(?:l'|l’|la\s+|le\s+|les\s+)?$|(?:analogue|dérivé|proche|cousin)e?s?\s+(?:du|des|de\s+la|de\s+l['’])\s*$/i;
/** « de » (or « d' ») right after a dose: what follows is what the dose is of. */
const OF = /^[ \u00A0]+(?:de|d['’])[ \u00A0]*(?:l['’]|la[ \u00A0]+|le[ \u00A0]+)?(?=[\p{L}])/u;
const SENTENCE_END = new RegExp(`[.!?…](?=\\s+[${UPPER}\\d«"(])|\\n[ \\t]*\\n`, 'g');

export interface Sentences {
  /** Sorted sentence start offsets. */
  starts: number[];
}

export function splitSentences(prose: Prose): Sentences {
  const starts = new Set<number>([0]);
  for (const m of prose.text.matchAll(SENTENCE_END)) starts.add(m.index! + m[0].length);
  for (const b of prose.blocks) { starts.add(b.start); starts.add(b.end); }
  return { starts: [...starts].sort((a, b) => a - b) };
}

/** Number of leading items (of `n`, ordered) for which `before(i)` holds: a binary search. */
function countBefore(n: number, before: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function sentenceOf(s: Sentences, offset: number): [number, number] {
  const i = Math.max(0, countBefore(s.starts.length, (k) => s.starts[k] <= offset) - 1);
  return [s.starts[i], s.starts[i + 1] ?? Infinity];
}

function innermost(blocks: Block[], offset: number, kinds: Block['kind'][]): Block | undefined {
  let found: Block | undefined;
  for (const b of blocks) {
    if (b.start > offset) break;
    if (offset < b.end && kinds.includes(b.kind) && (!found || b.end - b.start <= found.end - found.start)) found = b;
  }
  return found;
}

/**
 * For an offset inside a list, the paragraph right before the list (outside any list item), if any: the
 * blocks between them are the list's own items.
 */
function leadIn(blocks: Block[], offset: number): Block | undefined {
  const items = blocks.filter((b) => b.kind === 'listItem' && b.start <= offset);
  if (!items.some((b) => offset < b.end)) return undefined;
  let first = items.filter((b) => offset < b.end).reduce((a, b) => (b.start < a.start ? b : a));
  // Walk back over the items of the same list (each starts where, or just after, the previous one ends).
  for (let i = items.length - 1; i >= 0; i--) if (items[i].end <= first.start && first.start - items[i].end <= 2) first = items[i];
  let lead: Block | undefined;
  for (const b of blocks) {
    if (b.start >= first.start) break;
    if (b.kind === 'paragraph' && b.end <= first.start && first.start - b.end <= 2 && !items.some((li) => li.start <= b.start && b.end <= li.end)) lead = b;
  }
  return lead;
}

/** A heading, or a paragraph that reads as one: one short line without a final period. */
function isHeadingLike(b: Block, text: string): boolean {
  if (b.kind === 'heading') return true;
  if (b.kind !== 'paragraph') return false;
  const t = text.slice(b.start, b.end).trim();
  return t.length > 0 && t.length <= 140 && !t.includes('\n') && !/[.!?…:;,]$/.test(t);
}

/** Index of the first mention starting at or after `offset` (mentions sorted by start). */
function firstFrom(ms: Mention[], offset: number): number {
  return countBefore(ms.length, (i) => ms[i].start < offset);
}

/** The last mention ending in [from, to), scanning back from `to`. */
function lastBefore(ms: Mention[], from: number, to: number, ok: (m: Mention) => boolean): Mention | undefined {
  for (let i = firstFrom(ms, to) - 1; i >= 0 && ms[i].start >= from; i--) if (ms[i].end <= to && ok(ms[i])) return ms[i];
  return undefined;
}

/** The first mention inside [from, to). */
function firstIn(ms: Mention[], from: number, to: number, ok: (m: Mention) => boolean): Mention | undefined {
  for (let i = firstFrom(ms, from); i < ms.length && ms[i].start < to; i++) if (ms[i].end <= to && ok(ms[i])) return ms[i];
  return undefined;
}

/** What may stand between a drug and the dose that directly follows it: spaces, "(", ":", a dash. */
const DIRECTLY = /^[\s(:–-]{0,3}$/;

/** `unknown`: the words reported as unknown drugs, in text order. */
export function attachDoses(prose: Prose, sentences: Sentences, doses: Dose[], drugs: Mention[], unknown: { start: number; end: number }[] = []): Map<Dose, Mention> {
  const result = new Map<Dose, Mention>();
  const candidates = drugs.filter((m) => !COMPARED.test(prose.text.slice(Math.max(0, m.start - 25), m.start)));
  const headings = prose.blocks.filter((b) => isHeadingLike(b, prose.text));
  const notCommon = (m: Mention) => !m.needsDose;
  for (const dose of doses) {
    const [s0, s1] = sentenceOf(sentences, dose.start);
    const of = OF.exec(prose.text.slice(dose.end, dose.end + 16));
    if (of) {
      const named = drugs[firstFrom(drugs, dose.end + of[0].length)];
      if (named?.start === dose.end + of[0].length) result.set(dose, named);
      continue;
    }
    const lastUnknown = unknown[countBefore(unknown.length, (i) => unknown[i].end <= dose.start) - 1];
    if (lastUnknown && DIRECTLY.test(prose.text.slice(lastUnknown.end, dose.start))) continue;
    const direct = lastBefore(drugs, s0, dose.start, (m) => DIRECTLY.test(prose.text.slice(m.end, dose.start)));
    if (direct) {
      result.set(dose, direct);
      continue;
    }
    // needsDose words (glycine, calcium) only when the dose follows them closely.
    const usable = (m: Mention) => !m.needsDose || dose.start - m.end <= 15;
    let drug = lastBefore(candidates, s0, dose.start, usable) ?? firstIn(candidates, dose.end, s1, notCommon);
    if (!drug) {
      const container = innermost(prose.blocks, dose.start, ['tableRow', 'listItem']);
      if (container) drug = firstIn(candidates, container.start, container.end, notCommon);
    }
    if (!drug) {
      const para = innermost(prose.blocks, dose.start, ['paragraph']);
      if (para) drug = lastBefore(candidates, para.start, dose.start, notCommon);
    }
    if (!drug) {
      // A list's doses belong to the drug of the paragraph that introduces the list (« Le paracétamol : »).
      const lead = leadIn(prose.blocks, dose.start);
      if (lead) drug = lastBefore(candidates, lead.start, lead.end, notCommon);
    }
    if (!drug) {
      const h = headings[countBefore(headings.length, (i) => headings[i].end <= dose.start) - 1];
      // …unless the section names an unknown drug before the dose: the dose may well be that one's.
      if (h && !unknown.some((u) => u.start >= h.end && u.start < dose.start)) drug = firstIn(candidates, h.start, h.end, notCommon);
    }
    if (drug) result.set(dose, drug);
  }
  return result;
}
