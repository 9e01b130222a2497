/**
 * The block structure of a text, indexed once per analysis so that every question about an offset (its
 * innermost table row or list item, the paragraph that introduces its list, the heading above it) is
 * answered by a binary search and a short walk, never by a scan of every block.
 *
 *   « ## Douleur\n\nLe paracétamol :\n- 1 g par prise » → the item « 1 g par prise » is introduced by
 *   the paragraph « Le paracétamol : », under the heading « Douleur ».
 */
import type { Block, Prose } from './prose';
import { UPPER } from './normalize';

export interface BlockIndex {
  blocks: Block[];
  /** Per block, the index of the innermost block containing it (-1 for none). */
  parent: Int32Array;
  /** Per list item, the index of the first item of its list. */
  firstItem: Int32Array;
  /** Indexes of heading-like blocks, in text order. */
  headings: number[];
}

/** A heading, or a paragraph that reads as one: one short line without a final period. */
function isHeadingLike(b: Block, text: string): boolean {
  if (b.kind === 'heading') return true;
  if (b.kind !== 'paragraph' || b.end - b.start > 160) return false;
  // Most paragraphs end with their final mark: no need to cut them out to see it.
  if (b.end > b.start && ENDS_PHRASE.test(text[b.end - 1])) return false;
  const t = text.slice(b.start, b.end).trim();
  return t.length > 0 && t.length <= 140 && !t.includes('\n') && !ENDS_PHRASE.test(t);
}
/** The final mark of a paragraph that is no heading. */
const ENDS_PHRASE = /[.!?…:;,]$/;


export function indexBlocks(prose: Prose): BlockIndex {
  const blocks = prose.blocks; // sorted by start, outer blocks first
  const parent = new Int32Array(blocks.length).fill(-1);
  const firstItem = new Int32Array(blocks.length).fill(-1);
  const stack: number[] = [];
  const lastItemOfParent = new Map<number, number>();
  const headings: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    while (stack.length && blocks[stack[stack.length - 1]].end <= b.start) stack.pop();
    parent[i] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    if (isHeadingLike(b, prose.text)) headings.push(i);
    if (b.kind !== 'listItem') continue;
    // Items of one list follow each other closely under the same parent.
    const previous = lastItemOfParent.get(parent[i]);
    firstItem[i] = previous !== undefined && b.start - blocks[previous].end <= 2 ? firstItem[previous] : i;
    lastItemOfParent.set(parent[i], i);
  }
  return { blocks, parent, firstItem, headings };
}

/** Index of the last block starting at or before `offset`, -1 for none. */
function lastStartingBy(index: BlockIndex, offset: number): number {
  let lo = 0, hi = index.blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.blocks[mid].start <= offset) lo = mid + 1; else hi = mid;
  }
  return lo - 1;
}

/** The innermost block of one of `kinds` containing `offset`. */
export function innermostBlock(index: BlockIndex, offset: number, kinds: Block['kind'][]): number {
  for (let i = lastStartingBy(index, offset); i >= 0; i = index.parent[i]) {
    const b = index.blocks[i];
    if (offset < b.end && kinds.includes(b.kind)) return i;
  }
  return -1;
}

/** For an offset inside a list, the paragraph right before the list (outside any list item), if any. */
export function listLeadIn(index: BlockIndex, offset: number): Block | undefined {
  const item = innermostBlock(index, offset, ['listItem']);
  if (item < 0) return undefined;
  const first = index.firstItem[item];
  const start = index.blocks[first].start;
  // The block just before the list's first item, walking back over nested blocks of the previous item.
  for (let i = first - 1; i >= 0; i--) {
    const b = index.blocks[i];
    if (b.end > start) continue; // an enclosing block
    if (start - b.end > 2) return undefined;
    let inItem = false;
    for (let p = index.parent[i]; p >= 0; p = index.parent[p]) if (index.blocks[p].kind === 'listItem') inItem = true;
    return b.kind === 'paragraph' && !inItem ? b : undefined;
  }
  return undefined;
}

/** The last heading-like block ending at or before `offset`. */
export function headingBefore(index: BlockIndex, offset: number): Block | undefined {
  const h = index.headings;
  let lo = 0, hi = h.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (index.blocks[h[mid]].end <= offset) lo = mid + 1; else hi = mid;
  }
  return lo > 0 ? index.blocks[h[lo - 1]] : undefined;
}

export const SENTENCE_END = new RegExp(`[.!?…](?=\\s+[${UPPER}\\d«"(])|\\n[ \\t]*\\n`, 'g');
