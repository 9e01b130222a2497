/**
 * Which drug a dose belongs to: the drug it directly follows ("kétoprofène (50 mg…)"); else the nearest
 * drug before it in the same sentence (not one it is compared with: "proches de ceux de l'amitriptyline"),
 * unless an unknown drug-like word stands between them (then the dose is that word's, and stays unattached);
 * else the drug right after it ("5 mg de cortisone"), else the drug of the enclosing table row or list item,
 * of the paragraph, then of the heading.
 */
import type { Block, Prose } from './prose';
import type { Mention } from './mentions';
import type { Dose } from './doses';
import { UPPER } from './normalize';

const COMPARED = /(?:ceux|celui|celle|celles)\s+(?:de|d')\s*(?:l'|l’|la\s+|le\s+|du\s+)?$|comme\s+(?:l'|l’|la\s+|le\s+)?$|qu['’]avec\s+(?:l'|l’|la\s+|le\s+)?$|que\s+(?:l'|l’|la\s+|le\s+)?$/i;
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

/**
 * `unknown`: start offsets, sorted, of the words reported as unknown drugs: a dose after one of them is not
 * given to a known drug named earlier in the sentence.
 */
export function attachDoses(prose: Prose, sentences: Sentences, doses: Dose[], drugs: Mention[], unknown: number[] = []): Map<Dose, Mention> {
  const result = new Map<Dose, Mention>();
  const candidates = drugs.filter((m) => !COMPARED.test(prose.text.slice(Math.max(0, m.start - 25), m.start)));
  const headings = prose.blocks.filter((b) => isHeadingLike(b, prose.text));
  const notCommon = (m: Mention) => !m.needsDose;
  for (const dose of doses) {
    const [s0, s1] = sentenceOf(sentences, dose.start);
    const direct = lastBefore(drugs, s0, dose.start, (m) => DIRECTLY.test(prose.text.slice(m.end, dose.start)));
    if (direct) {
      result.set(dose, direct);
      continue;
    }
    // needsDose words (glycine, calcium) only when the dose follows them closely.
    const usable = (m: Mention) => !m.needsDose || dose.start - m.end <= 15;
    const before = lastBefore(candidates, s0, dose.start, usable);
    const barrier = unknown[countBefore(unknown.length, (i) => unknown[i] < dose.start) - 1] ?? -1;
    if (barrier >= Math.max(s0, before?.end ?? 0)) continue;
    let drug = before ?? firstIn(candidates, dose.end, s1, notCommon);
    if (!drug) {
      const container = innermost(prose.blocks, dose.start, ['tableRow', 'listItem']);
      if (container) drug = firstIn(candidates, container.start, container.end, notCommon);
    }
    if (!drug) {
      const para = innermost(prose.blocks, dose.start, ['paragraph']);
      if (para) drug = lastBefore(candidates, para.start, dose.start, notCommon);
    }
    if (!drug) {
      const h = headings[countBefore(headings.length, (i) => headings[i].end <= dose.start) - 1];
      if (h) drug = firstIn(candidates, h.start, h.end, notCommon);
    }
    if (drug) result.set(dose, drug);
  }
  return result;
}
