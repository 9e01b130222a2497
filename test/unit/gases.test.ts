/**
 * Therapeutic gases and fluids: a flow in L/min is a dose (« oxygène 3 L/min », « 7 à 10 litres/mn »); oxygen
 * is a drug only where it is a treatment (« sous oxygène 3 L/min », « oxygénothérapie à 2 L/min »), never
 * in « l'oxygène du sang ». Tiny in-memory lexicon, then the shipped data with its sourced ranges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { findDoses } from '../../server/src/core/doses';
import { convert } from '../../server/src/core/dose/units';
import { Lexicon } from '../../server/src/core/lexicon';
import { TREATMENT_CONTEXTS } from '../../server/src/core/treatment-context';
import { tinyIndex } from '../support/tiny-lexicon';
import { lexicon } from '../helpers';

const index = tinyIndex({ substances: [{ dci: 'oxygène', aliases: ['oxygénothérapie'], ranges: ['0.5-15 L/minute inhalée'] }, { dci: 'fer' }] });
for (const s of index.substances) s.needsDose = true;
const lex = new Lexicon(index);
const drugs = (text: string, l = lex) => analyze(text, l).mentions.filter((m) => m.kind === 'drug').map((m) => m.text);

test('a flow in litres per minute is a dose: « 3 L/min », « 7 à 10 litres/mn »', () => {
  const read = (text: string) => findDoses(text).map((d) => [d.min, d.max, d.unit, d.per]);
  assert.deepEqual(read('oxygène 3 L/min'), [[3, 3, 'L', 'minute']]);
  assert.deepEqual(read('oxygène 7 à 10 litres/mn'), [[7, 10, 'L', 'minute']]);
  assert.equal(convert(1.5, 'L', 'mL'), 1500);
});

for (const row of TREATMENT_CONTEXTS) {
  test(`treatment context « ${row.name} »: « ${row.example} » names oxygène; « ${row.counterExample} » does not`, () => {
    assert.equal(drugs(row.example).length, 1, row.example);
    assert.deepEqual(drugs(row.counterExample), []);
  });
}

test('oxygen with a flow is a dose of oxygène, compared with its range', () => {
  const a = analyze('Le patient est sous oxygène 3 L/min.', lex);
  assert.deepEqual(a.doses.map((d) => [d.drug?.label, d.verdict?.comparison.verdict]), [['oxygène', 'in-range']]);
  assert.deepEqual(analyze('Oxygénothérapie à 40 L/min.', lex).findings.map((f) => f.code), ['dose-above-max']);
});

test('oxygen outside a treatment: « l’oxygène du sang », « la saturation en oxygène à 92 % » name no drug', () => {
  assert.deepEqual(drugs('L’oxygène du sang est bas ; la saturation en oxygène est à 92 %.'), []);
});

test('on the shipped data: oxygène, protoxyde d’azote and sérum physiologique as treatments', () => {
  const text = 'Sous oxygène 3 L/min puis oxygénothérapie à 2 L/min ; inhalation de protoxyde d’azote ; sérum physiologique 500 mL. L’oxygène du sang remonte.';
  const a = analyze(text, lexicon());
  assert.deepEqual(a.mentions.map((m) => [m.text, m.substances]), [
    ['oxygène', ['oxygène']], ['oxygénothérapie', ['oxygène']], ['protoxyde d’azote', ['protoxyde d\'azote']], ['sérum physiologique', ['chlorure de sodium']],
  ]);
  assert.deepEqual(a.findings.filter((f) => f.code !== 'dose-not-comparable').map((f) => f.code), []);
  assert.deepEqual(analyze('Sous oxygène 60 L/min.', lexicon()).findings.map((f) => f.code), ['dose-above-max']);
});
