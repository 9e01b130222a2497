/**
 * What one stretch of a document gives alone, when nothing outside it can change it: mentions, unknown
 * words, doses and the drug each dose finds inside the stretch, with offsets relative to its start
 * (core/incremental.ts shifts them into place and does what crosses stretches).
 *
 * Stretches are made of the pieces of core/chunks.ts; two pieces stay in one stretch unless the boundary
 * between them is « separable »: the first ends on punctuation (« … 150 mg/j. », « | 10 | »: no name,
 * no « supérieur à » runs across), not on « vs. », and no digit stands within 256 characters (whole lines)
 * of the boundary, so that no dose's reading window (≤ 130 characters around it) reaches across.
 *
 *   « ## Prégabaline\n\nDe 150 à 600 mg/j.\n\nLe patient va bien.\n\n » → « ## Prégabaline… mg/j.\n\n »
 *   (a heading ends on a word; a dose is near), then « Le patient va bien.\n\n ».
 */
import type { Chunk } from './chunks';
import type { Block, Prose } from './prose';
import { findMentions, tokenize, type Mention } from './mentions';
import type { Finding } from './checks';
import { runRules } from './rules/registry';
import { inTreatmentContext } from './treatment-context';
import { findDoses, type Dose } from './doses';
import { findTableDoses } from './dose/tables';
import { attachDoses, splitSentences, type Sentences } from './attach';
import { headingBefore, indexBlocks, SENTENCE_END } from './blocks';
import type { Lexicon } from './lexicon';
import type { Speller } from './suggest';

/** How far (in characters, widened to whole lines) a boundary must be from any digit. */
const DIGIT_FREE = 256;
/** Last characters before a boundary that no name, comparison or dose reads across. */
const SAFE_END = new Set(['.', '!', '?', '…', '|', ':', ';', ')', ']', '»', '"']);

/** What a piece's edges say about the boundaries around it (computed once per piece text). */
export interface Edges {
  /** No character but white space. */
  blank: boolean;
  /** The last non-space character is punctuation that ends a stretch, and not « vs. ». */
  endsSafely: boolean;
  /** No digit in the first (last) DIGIT_FREE characters, widened to whole lines. */
  headFree: boolean;
  tailFree: boolean;
  length: number;
}

export function edgesOf(text: string): Edges {
  const last = lastNonSpace(text);
  const tail = text.slice(Math.max(0, last - 8), last + 1);
  const headEnd = lineEndAt(text, Math.min(text.length, DIGIT_FREE));
  const tailStart = text.lastIndexOf('\n', Math.max(0, text.length - DIGIT_FREE)) + 1;
  return {
    blank: last < 0,
    endsSafely: last >= 0 && SAFE_END.has(text[last]) && !/(?:^|[^\p{L}])vs\.$/iu.test(tail),
    headFree: !/\d/.test(text.slice(0, headEnd)),
    tailFree: !/\d/.test(text.slice(tailStart)),
    length: text.length,
  };
}

function lineEndAt(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl;
}

export function lastNonSpace(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (!/\s/.test(text[i])) return i;
  return -1;
}

export function firstNonSpace(text: string): number {
  const m = /\S/.exec(text);
  return m ? m.index : -1;
}

/** No digit within DIGIT_FREE characters before the end of piece i (looking into earlier pieces when it is short). */
function digitFreeBefore(edges: Edges[], i: number): boolean {
  let need = DIGIT_FREE;
  for (let j = i; j >= 0 && need > 0; j--) {
    if (!edges[j].tailFree) return false;
    need -= edges[j].length;
    if (i - j > 16) return false;
  }
  return true;
}

function digitFreeAfter(edges: Edges[], i: number): boolean {
  let need = DIGIT_FREE;
  for (let j = i; j < edges.length && need > 0; j++) {
    if (!edges[j].headFree) return false;
    need -= edges[j].length;
    if (j - i > 16) return false;
  }
  return true;
}

/** The stretches, as [first, last] piece indexes: pieces joined across every boundary that is not separable. */
export function stretches(chunks: Chunk[], edges: Edges[]): [number, number][] {
  const out: [number, number][] = [];
  let first = 0;
  for (let i = 0; i + 1 < chunks.length; i++) {
    const a = edges[i], b = edges[i + 1];
    const separable = !a.blank && !b.blank && a.endsSafely && digitFreeBefore(edges, i) && digitFreeAfter(edges, i + 1);
    if (!separable) continue;
    out.push([first, i]);
    first = i + 1;
  }
  out.push([first, chunks.length - 1]);
  return out;
}

/** A stretch's own analysis, offsets relative to its start. */
export interface Piece {
  prose: Prose;
  /** Every mention (those that need a dose included), in text order. */
  mentions: Mention[];
  /** Per mention, whether it stands where it is a treatment (a gas: « sous oxygène »; `inTreatmentContext`). */
  treated: boolean[];
  /** The registry's word findings (unknown drugs, company notes), in text order. */
  unknown: Finding[];
  /** Doses (written and in tables), in text order, as read: no drug, no verdict. */
  doses: Dose[];
  /** Per dose, the drug found inside the stretch (index into `mentions`) and how; undefined when none. */
  attached: ({ drug: number; strategy: string } | undefined)[];
  /**
   * Per dose, whether a heading stands before it inside the stretch: then the stretch alone decided its drug
   * (the heading is the only thing attachment looks for outside a dose's sentence, paragraph, list or row).
   */
  headed: boolean[];
  /** A heading-like block stands somewhere in the stretch. */
  hasHeading: boolean;
  /** The stretch's own sentence starts (`splitSentences` on it alone). */
  sentences: Sentences;
  /** Per dose, its context (`contextOf`) read in the stretch alone, once (core/incremental.ts says when it holds). */
  contexts: (string | undefined)[];
  /**
   * Per dose, the last run of the dose rules on it: what it was run for (the drug mention itself, how it was
   * attached, the context), the findings (offsets relative to the dose) and the fields the rules set on the dose
   * (its verdict, its substance).
   */
  ruled: ({ drug?: Mention; strategy?: string; context: string; findings: Finding[]; set: Record<string, unknown> } | undefined)[];
  /**
   * Per mention, its notes (`runRules('notes')`: an English name), read in the stretch alone, once; made by
   * core/incremental.ts when asked for notes. A note reads only its mention and the prose text under it.
   */
  notes?: Finding[][];
  /** Sentence starts that no other stretch can change: block bounds, and sentence ends between the first and last non-space characters. */
  starts: number[];
  first: number;
  last: number;
}

/** The prose of a stretch: its pieces' texts joined, their blocks shifted. */
export function proseOfStretch(chunks: Chunk[], first: number, last: number): Prose {
  const base = chunks[first].start;
  const texts: string[] = [];
  const blocks: Block[] = [];
  for (let i = first; i <= last; i++) {
    const { prose } = chunks[i].reading;
    texts.push(prose.text);
    const shift = chunks[i].start - base;
    for (const b of prose.blocks) blocks.push({ kind: b.kind, start: b.start + shift, end: b.end + shift });
  }
  return { text: texts.join(''), blocks };
}

/** What `analyze` does before it joins: tokens, mentions, unknown words, doses, attachment, on the stretch alone. */
export function analysePiece(prose: Prose, lexicon: Lexicon, speller: Speller): Piece {
  const tokens = tokenize(prose.text, lexicon);
  const mentions = findMentions(prose.text, tokens, lexicon);
  const drugs = mentions.filter((m) => m.kind === 'drug');
  const inMention = new Uint8Array(prose.text.length);
  for (const m of mentions) inMention.fill(1, m.start, m.end);
  const unknown = runRules('words', { text: prose.text, tokens, covered: (t) => inMention[t.start] === 1, lexicon, speller });
  const written = findDoses(prose.text);
  const doses = [...written, ...findTableDoses(prose, written)].sort((a, b) => a.start - b.start);
  const sentences = splitSentences(prose);
  const found = attachDoses(prose, sentences, doses, drugs, unknown);
  const index = new Map(mentions.map((m, i) => [m, i]));
  const attached = doses.map((d) => {
    const a = found.get(d);
    return a && { drug: index.get(a.drug)!, strategy: a.strategy };
  });
  const first = firstNonSpace(prose.text), last = lastNonSpace(prose.text);
  const blocks = indexBlocks(prose);
  return {
    prose, mentions, treated: mentions.map((m) => !!m.needsDose && inTreatmentContext(prose.text, m)), unknown, doses, attached, headed: doses.map((d) => headingBefore(blocks, d.start) !== undefined),
    hasHeading: blocks.headings.length > 0, sentences, contexts: doses.map(() => undefined), ruled: doses.map(() => undefined), starts: ownStarts(prose, first, last), first, last,
  };
}

/** Block bounds, and the sentence ends (SENTENCE_END) that start in [first, last): sorted, no repeats. */
function ownStarts(prose: Prose, first: number, last: number): number[] {
  const starts: number[] = [];
  for (const b of prose.blocks) starts.push(b.start, b.end);
  if (first >= 0) {
    const text = prose.text.slice(0, last + 1);
    for (const m of text.matchAll(SENTENCE_END)) if (m.index! >= first && m.index! < last) starts.push(m.index! + m[0].length);
  }
  return sortedUnique(starts);
}

export function sortedUnique(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) out.push(sorted[i]);
  return out;
}
