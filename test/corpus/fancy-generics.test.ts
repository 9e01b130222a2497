/**
 * Generics the BDPM lists under a fancy name are brands in the built index, with the substances of their
 * composition (data/sources/bdpm/CIS_COMPO_bdpm.txt): LEELOO (CIS 66819566) lévonorgestrel + éthinylestradiol,
 * OPTIMIZETTE (CIS 67203730) désogestrel. A generic named « DCI + laboratory » is still no brand.
 *
 *   « MINIDRIL® ou LEELOO® » → two brands, no `unknown-drug`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { lexicon } from '../helpers';

const brand = (name: string) => lexicon().index.brands.find((b) => b.name === name);

test('LEELOO is a brand of lévonorgestrel and éthinylestradiol', () => {
  assert.deepEqual(brand('LEELOO')?.substances.slice().sort(), ['lévonorgestrel', 'éthinylestradiol'].sort());
});

test('OPTIMIZETTE is a brand of désogestrel', () => {
  assert.deepEqual(brand('OPTIMIZETTE')?.substances, ['désogestrel']);
});

test('« PARACETAMOL BIOGARAN » is still no brand', () => {
  assert.equal(brand('PARACETAMOL BIOGARAN'), undefined);
});

test('« LEELOO® » and « OPTIMIZETTE® » raise no unknown-drug', () => {
  const a = analyze('La pilule MINIDRIL® ou LEELOO®, ou la pilule au désogestrel (OPTIMIZETTE®).', lexicon());
  assert.deepEqual(a.findings.filter((f) => f.code === 'unknown-drug').map((f) => f.message), []);
});

test('a fancy generic name that is also a French word is no drug in lower case (« il estima », ESTIMA)', () => {
  const a = analyze('Le médecin estima que la patiente sous ESTIMA® allait mieux.', lexicon());
  assert.deepEqual(a.mentions.filter((m) => m.kind === 'drug').map((m) => [m.id, m.start]), [['progestérone', 39]]);
});
