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

test('numbers are printed as Intl.NumberFormat fr-FR prints them, without loading it (its ICU data costs the start)', () => {
  const intl = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });
  const NumberFormat = Intl.NumberFormat;
  const module = require.resolve('../../server/src/features/typography');
  delete require.cache[module];
  const { num } = require(module) as typeof import('../../server/src/features/typography'); // a fresh copy, as at the server's start
  const printed = (n: number) => {
    Intl.NumberFormat = (() => { throw new Error('Intl.NumberFormat loaded'); }) as unknown as typeof Intl.NumberFormat;
    try {
      return num(n);
    } finally {
      Intl.NumberFormat = NumberFormat;
    }
  };
  for (const n of [0, 1, 37.5, 0.4, 1200, 12345.6789, 1000000, 0.0005, 1.0015, 2.675, 999.9996, 0.125, 37.50001]) assert.equal(printed(n), intl.format(n), String(n));
  let seed = 7;
  const random = () => (seed = (Math.imul(seed, 48271) >>> 0) % 2147483647) / 2147483647;
  for (let i = 0; i < 2000; i++) {
    const n = Math.round(random() * 10 ** (1 + (i % 7))) / 10 ** (i % 5);
    assert.equal(printed(n), intl.format(n), String(n));
  }
});
