/**
 * The sentences of a text's prose: one starts at the text's start, after each sentence end (SENTENCE_END), and
 * at each block's start and end. Attachment and the dose rules only ask for the sentence around a dose: it is
 * read between the block edges on either side of the dose, once per stretch between two edges, never for the
 * whole of a long document (the full list is made only when asked for).
 *
 *   « ## Douleur\n\nLa prégabaline est efficace. Elle se donne à 150 mg/j. » → the sentence of « 150 mg/j »
 *   starts after « efficace. » and ends with the paragraph.
 */
import type { Prose } from './prose';
import { SENTENCE_END } from './blocks';

export interface Sentences {
  /** Sorted sentence start offsets. */
  readonly starts: number[];
  /** The sentence holding `offset`: its start and the next sentence's start (Infinity after the last). */
  around?(offset: number): [number, number];
}

/** The characters a sentence end starts with (SENTENCE_END: a final punctuation mark, or a line break). */
const SENTENCE_END_FIRST = /[.!?…\n]/g;
/** SENTENCE_END tried at one offset. */
const SENTENCE_END_AT = new RegExp(SENTENCE_END.source, 'y');
/** SENTENCE_END, this module's own copy (its `lastIndex` is moved here). */
const SENTENCE_ENDS = new RegExp(SENTENCE_END.source, 'g');

export function splitSentences(prose: Prose): Sentences {
  return new SentencesOf(prose);
}

/** Every sentence start of a text: ascending, without repeats. */
export function allSentenceStarts(prose: Prose): number[] {
  const ends: number[] = [];
  SENTENCE_ENDS.lastIndex = 0;
  while (SENTENCE_ENDS.exec(prose.text)) ends.push(SENTENCE_ENDS.lastIndex);
  const n = prose.blocks.length;
  const blockStarts = new Int32Array(n), blockEnds = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    blockStarts[i] = prose.blocks[i].start;
    blockEnds[i] = prose.blocks[i].end;
  }
  blockStarts.sort();
  blockEnds.sort();
  // Three ascending lists merged: the sentence ends come in order, the blocks by start; their ends, nested, were sorted.
  const starts = [0];
  let e = 0, s = 0, b = 0;
  for (;;) {
    const next = Math.min(e < ends.length ? ends[e] : Infinity, s < n ? blockStarts[s] : Infinity, b < n ? blockEnds[b] : Infinity);
    if (next === Infinity) return starts;
    if (next !== starts[starts.length - 1]) starts.push(next);
    if (e < ends.length && ends[e] === next) e++;
    else if (s < n && blockStarts[s] === next) s++;
    else b++;
  }
}

/** Number of items of an ascending list at or below `value`. */
function countUpTo(list: ArrayLike<number>, value: number): number {
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

class SentencesOf implements Sentences {
  private all?: number[];
  /** The text's start and every block edge, ascending (repeats kept). */
  private edges?: Int32Array;
  /** Per stretch (by the edge it starts at), the sentence ends inside it. */
  private readonly ends = new Map<number, number[]>();

  constructor(private readonly prose: Prose) {}

  get starts(): number[] {
    return (this.all ??= allSentenceStarts(this.prose));
  }

  around(offset: number): [number, number] {
    const edges = (this.edges ??= blockEdges(this.prose));
    const k = countUpTo(edges, offset);
    const edge = edges[k - 1], nextEdge = k < edges.length ? edges[k] : Infinity;
    let ends = this.ends.get(edge);
    if (!ends) this.ends.set(edge, (ends = sentenceEnds(this.prose.text, edge, Math.min(nextEdge, this.prose.text.length))));
    const j = countUpTo(ends, offset);
    return [j > 0 ? Math.max(edge, ends[j - 1]) : edge, j < ends.length ? Math.min(nextEdge, ends[j]) : nextEdge];
  }
}

function blockEdges(prose: Prose): Int32Array {
  const n = prose.blocks.length;
  const edges = new Int32Array(2 * n + 1); // and 0, the text's start
  for (let i = 0; i < n; i++) {
    edges[2 * i + 1] = prose.blocks[i].start;
    edges[2 * i + 2] = prose.blocks[i].end;
  }
  return edges.sort();
}

/**
 * The ends of the sentence ends that start in [from, to), as a scan of the whole text finds them. The scan starts
 * back at a character that no sentence end can hold (neither a line break, a space nor a tab) so that no match
 * of the whole text's scan overlaps its start; it tries SENTENCE_END only where one may start.
 */
function sentenceEnds(text: string, from: number, to: number): number[] {
  let start = from;
  for (let c = text.charCodeAt(start - 1); start > 0 && (c === 10 || c === 32 || c === 9); c = text.charCodeAt(start - 1)) start--;
  const ends: number[] = [];
  let resume = start; // a scan resumes after each match
  SENTENCE_END_FIRST.lastIndex = start;
  for (let m = SENTENCE_END_FIRST.exec(text); m && m.index < to; m = SENTENCE_END_FIRST.exec(text)) {
    if (m.index < resume) continue;
    SENTENCE_END_AT.lastIndex = m.index;
    if (!SENTENCE_END_AT.test(text)) continue;
    resume = SENTENCE_END_AT.lastIndex;
    ends.push(resume);
  }
  return ends;
}
