import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amount, frenchDate, elide, curly, NNBSP } from '../../server/src/features/typography';

test('numbers are grouped with a narrow no-break space, decimals with a comma', () => {
  assert.equal(amount(1200, 1200, 'mg', '/j'), `1${NNBSP}200${NNBSP}mg/j`);
  assert.equal(amount(37.5, 37.5, 'mg'), `37,5${NNBSP}mg`);
});

test('a range is written with an en dash and one unit', () => {
  assert.equal(amount(150, 600, 'mg', '/j'), `150–600${NNBSP}mg/j`);
});

test('dates are written in full, in French', () => {
  assert.equal(frenchDate('2025-11-13'), '13 novembre 2025');
  assert.equal(frenchDate('2025-03-01'), '1er mars 2025');
});

test('« de » is elided before a vowel or a mute h, with a curly apostrophe', () => {
  assert.equal(elide('de', 'ocrélizumab'), 'd’ocrélizumab');
  assert.equal(elide('de', 'héparine'), 'd’héparine');
  assert.equal(elide('de', 'prégabaline'), 'de prégabaline');
  assert.equal(elide('le', 'ibuprofène'), 'l’ibuprofène');
});

test('straight apostrophes become curly ones', () => {
  assert.equal(curly("réservé à l'usage hospitalier"), 'réservé à l’usage hospitalier');
});
