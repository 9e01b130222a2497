/**
 * Whole-text operations on code units (code-units.ts): the blanked copy keeps every line break of a range, in a
 * text stored one or two bytes per character, and the NUL search answers alike for both.
 *
 *   « Voir `code`\n\nFin » with `code` blanked → « Voir       \n\nFin »
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blankRanges, hasNul, lineStarts } from '../../server/src/core/code-units';

const blank = (text: string, ranges: number[]) => blankRanges(text, ranges, lineStarts(text));

test('a range is spaces but for its line breaks, \\n, \\r and \\r\\n', () => {
  assert.equal(blank('ab\ncd\r\nef\rgh', [1, 11]), 'a \n  \r\n  \r h');
  assert.equal(blank('a’\nb’\r\nc', [0, 7]), '  \n  \r\nc');
});

test('a range that ends or starts inside a \\r\\n keeps its half', () => {
  assert.equal(blank('ab\r\ncd', [1, 3]), 'a \r\ncd');
  assert.equal(blank('ab\r\ncd', [3, 5]), 'ab\r\n d');
});

test('ranges that overlap, or hold nothing but breaks, are blanked once', () => {
  assert.equal(blank('abc\n\ndef', [1, 3, 2, 4, 3, 5]), 'a  \n\ndef');
});

test('no range: the text itself', () => {
  const text = 'La prégabaline';
  assert.equal(blank(text, []), text);
});

test('a NUL is found in a text of one-byte and of two-byte characters', () => {
  assert.equal(hasNul('abc\0def'), true);
  assert.equal(hasNul('abc’\0def'), true);
  assert.equal(hasNul('\0’'), true);
  assert.equal(hasNul('abc’def'), false);
  assert.equal(hasNul('abcdef'), false);
});
