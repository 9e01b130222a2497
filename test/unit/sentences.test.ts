/**
 * Sentence starts (attach.ts `splitSentences`): the text's start, after each sentence end, each block's start
 * and end, ascending and without repeats, however the blocks nest.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../server/src/core/attach';
import type { Prose } from '../../server/src/core/prose';

test('splitSentences: after each sentence end, and at the text start', () => {
  const prose: Prose = { text: 'Une phrase. Une autre.', blocks: [] };
  assert.deepEqual(splitSentences(prose).starts, [0, 11]);
});

test('splitSentences: nested blocks starting at one offset give one start, and their ends come in order', () => {
  const text = '- Prégabaline : 150 mg/j. Puis 300 mg/j.\n- Suite';
  const prose: Prose = {
    text,
    blocks: [
      { kind: 'list', start: 0, end: text.length },
      { kind: 'listItem', start: 0, end: 40 },
      { kind: 'paragraph', start: 2, end: 40 },
      { kind: 'listItem', start: 41, end: text.length },
    ],
  } as Prose;
  assert.deepEqual(splitSentences(prose).starts, [0, 2, 25, 40, 41, text.length]);
});

test('splitSentences: a sentence end on a block edge is one start', () => {
  const prose: Prose = { text: 'Fin. Début', blocks: [{ kind: 'paragraph', start: 4, end: 10 }] } as Prose;
  assert.deepEqual(splitSentences(prose).starts, [0, 4, 10]);
});
