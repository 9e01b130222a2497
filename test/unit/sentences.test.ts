/**
 * Sentence starts (sentences.ts `splitSentences`): the text's start, after each sentence end, each block's start
 * and end, ascending and without repeats, however the blocks nest; and the sentence around an offset, read
 * between the block edges around it, is the one the full list gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { splitSentences, type Sentences } from '../../server/src/core/sentences';
import { extractProse, type Prose } from '../../server/src/core/prose';
import { CORPUS, fixture } from '../helpers';

/** The sentence around `offset` by a binary search of the full list of starts. */
function fromList(starts: number[], offset: number): [number, number] {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  return [starts[i], starts[i + 1] ?? Infinity];
}

function assertAroundEveryOffset(prose: Prose, label: string): void {
  const starts = splitSentences(prose).starts;
  const lazy: Sentences = splitSentences(prose);
  let i = 0;
  for (let offset = 0; offset <= prose.text.length; offset++) {
    while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
    const expected: [number, number] = [starts[i], starts[i + 1] ?? Infinity];
    const got = lazy.around!(offset);
    if (got[0] !== expected[0] || got[1] !== expected[1]) assert.deepEqual(got, expected, `${label} at ${offset}`);
  }
}

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

test('around: the sentence of a dose between two sentence ends of one paragraph', () => {
  const prose: Prose = { text: 'Douleur. Elle se donne à 150 mg/j. Puis rien.', blocks: [{ kind: 'paragraph', start: 0, end: 45 }] } as Prose;
  assert.deepEqual(splitSentences(prose).around!(27), [8, 34]);
});

test('around: a blank line run across a block edge ends sentences as the scan of the whole text does', () => {
  const text = 'Un.\n \n\n \nDeux 5 mg.\n\n\nTrois';
  const prose: Prose = { text, blocks: [{ kind: 'paragraph', start: 0, end: 3 }, { kind: 'paragraph', start: 5, end: 21 }, { kind: 'paragraph', start: 24, end: text.length }] } as Prose;
  assertAroundEveryOffset(prose, 'blank lines');
  assert.deepEqual(splitSentences(prose).around!(15), fromList(splitSentences(prose).starts, 15));
});

test('around: the same sentence as the full list at every offset of every corpus article', () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) assertAroundEveryOffset(extractProse(fixture(file)), file);
});
