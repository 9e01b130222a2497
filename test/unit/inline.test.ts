/**
 * The inline scanner of a whole text (InlineScanner) finds, block by block, exactly what the scanner of one
 * block finds: a block without a mark that opens a construct (« ` », « < », « ] », « http », « www. ») is
 * passed over, and a mark seen far ahead is remembered, never skipped.
 *
 *   « Voir `code` » → the range of « `code` »; « du texte » → nothing
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InlineScanner, inlineNonProse } from '../../server/src/core/inline';

const text = 'La `dose` ici\n\nsans rien\n\nencore rien\n\nvoir https://ex.org/a et [x](y)';
const blocks: [number, number][] = [[0, 13], [15, 24], [26, 37], [39, text.length]];

const alone = ([from, end]: [number, number]) => {
  const ranges: number[] = [];
  inlineNonProse(text, from, end, ranges);
  return ranges;
};

test('blocks in text order: the same ranges as each block scanned alone', () => {
  const scanner = new InlineScanner(text);
  const found = blocks.map(([from, end]) => {
    const ranges: number[] = [];
    scanner.nonProse(from, end, ranges);
    return ranges;
  });
  assert.deepEqual(found, [[3, 9], [], [], [44, 60, 67, 70]]);
  assert.deepEqual(found, blocks.map(alone));
});

test('a block asked for again, before the last one: its marks are searched afresh', () => {
  const scanner = new InlineScanner(text);
  const ranges: number[] = [];
  scanner.nonProse(39, text.length, ranges);
  scanner.nonProse(0, 13, ranges);
  assert.deepEqual(ranges, [44, 60, 67, 70, 3, 9]);
});

test('a mark that runs past the block\'s end opens nothing in it', () => {
  const scanner = new InlineScanner('voir http://x.org');
  const ranges: number[] = [];
  scanner.nonProse(0, 7, ranges);
  assert.deepEqual(ranges, []);
});
