/**
 * The block index (blocks.ts): which paragraphs read as headings — one short line without a final mark —
 * whether the final mark is the paragraph's last character (read without cutting the paragraph out) or not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexBlocks } from '../../server/src/core/blocks';
import type { Prose } from '../../server/src/core/prose';

function headings(...paragraphs: string[]): string[] {
  const blocks: Prose['blocks'] = [];
  let text = '';
  for (const p of paragraphs) {
    blocks.push({ kind: 'paragraph', start: text.length, end: text.length + p.length });
    text += `${p}\n\n`;
  }
  const index = indexBlocks({ text, blocks } as Prose);
  return index.headings.map((i) => text.slice(blocks[i].start, blocks[i].end));
}

test('indexBlocks: a short line without a final mark reads as a heading', () => {
  assert.deepEqual(headings('Douleur neuropathique'), ['Douleur neuropathique']);
});

test('indexBlocks: a paragraph whose last character is a final mark is no heading', () => {
  assert.deepEqual(headings('Douleur neuropathique.', 'Posologie :'), []);
});

test('indexBlocks: a final mark followed by spaces inside the paragraph still says no heading', () => {
  assert.deepEqual(headings('Douleur neuropathique.  '), []);
});
