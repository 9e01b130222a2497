import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDoses, frenchNumber } from '../../server/src/core/doses';
import { gold, fixture } from '../helpers';

test('every dose string of gold.json parses to its values, unit and basis', () => {
  let n = 0;
  for (const [file, g] of Object.entries(gold())) {
    const lines = fixture(file).split('\n');
    for (const d of g.doses) {
      const line = lines[d.line - 1];
      const found = findDoses(line).find((x) => x.text === d.text);
      assert.ok(found, `${file}:${d.line} « ${d.text} » not found in: ${findDoses(line).map((x) => x.text).join(' | ')}`);
      assert.equal(found.min, d.value_min, d.text);
      assert.equal(found.max, d.value_max, d.text);
      assert.equal(found.unit, d.unit, d.text);
      assert.equal(found.per, d.per, d.text);
      n++;
    }
  }
  assert.equal(n, 29);
});

const table: [string, string, number, number, string, string, [number, number] | null][] = [
  // sentence, dose text, min, max, unit, basis, daily
  ['prégabaline 75 mg deux fois par jour', '75 mg deux fois par jour', 75, 75, 'mg', 'intake', [150, 150]],
  ['prégabaline 1 200 mg/j', '1 200 mg/j', 1200, 1200, 'mg', 'day', [1200, 1200]],
  ['prégabaline 1\u00A0200 mg/j', '1\u00A0200 mg/j', 1200, 1200, 'mg', 'day', [1200, 1200]],
  ['prégabaline 1\u202F200\u00A0mg/j', '1\u202F200\u00A0mg/j', 1200, 1200, 'mg', 'day', [1200, 1200]],
  ['carbamazépine 200 mg matin et soir', '200 mg matin et soir', 200, 200, 'mg', 'intake', [400, 400]],
  ['méthotrexate 15 mg/sem', '15 mg/sem', 15, 15, 'mg', 'week', null],
  ['azathioprine 2 mg/kg/j', '2 mg/kg/j', 2, 2, 'mg', 'day', [2, 2]],
  ['rituximab 375 mg/m² par semaine', '375 mg/m² par semaine', 375, 375, 'mg', 'week', null],
  ['lévothyroxine 75 µg/j', '75 µg/j', 75, 75, 'µg', 'day', [75, 75]],
  ['lévothyroxine 75 mcg/j', '75 mcg/j', 75, 75, 'µg', 'day', [75, 75]],
  ['IgIV 0,4 g/kg', '0,4 g/kg', 0.4, 0.4, 'g', 'intake', null],
  ['héparine 5000 UI', '5000 UI', 5000, 5000, 'UI', 'intake', null],
  ['tramadol 50 mg toutes les 6 heures', '50 mg toutes les 6 heures', 50, 50, 'mg', 'intake', [200, 200]],
];

test('dose grammar: French wordings, thousands separators, units and bases', () => {
  for (const [sentence, text, min, max, unit, per, daily] of table) {
    const d = findDoses(sentence)[0];
    assert.ok(d, sentence);
    assert.deepEqual([d.text, d.min, d.max, d.unit, d.per, d.daily ? [d.daily.min, d.daily.max] : null], [text, min, max, unit, per, daily], sentence);
  }
});

test('numbers that are not doses are left alone', () => {
  for (const s of ['lésions T2 nouvelles', '3000 patients pendant 6 mois', 'Nav1.7 et Nav1.8', 'Phase 1/2', 'pendant 2 semaines', 'réduction de 30 à 50 %x']) {
    assert.deepEqual(findDoses(s).filter((d) => d.unit !== '%').map((d) => d.text), [], s);
  }
});

test('numbers are written the French way, as fr-FR does', () => {
  for (const n of [0.4, 37.5, 150, 1200, 3600, 12500, 1000000, 0.125, 2.25]) {
    assert.equal(frenchNumber(n), n.toLocaleString('fr-FR').replace(/\u202F/g, ' '));
  }
});

test('not a dose of one drug: combination strengths and lab values; tablets counted; « ou » and « par 24 heures »', () => {
  const read = (text: string) => findDoses(text).filter((d) => !d.components).map((d) => [d.text, d.min, d.max, d.per, d.daily?.max ?? null]);
  assert.deepEqual(read('Entresto 49 mg/51 mg deux fois par jour, puis 24/26 mg x 2/j ; Tazocilline 4 g/500 mg.'), []);
  assert.deepEqual(read('Ferritine < 30 µg/L, Hb 10 à 12 g/dl, RAC 3 mg/mmol, DFG entre 30 et 45 ml/min.'), []);
  assert.deepEqual(read('Acamprosate : 2 comprimés à 333 mg trois fois par jour.'), [['2 comprimés à 333 mg trois fois par jour', 666, 666, 'intake', 1998]]);
  assert.deepEqual(read('Eskétamine 56 ou 84 mg.'), [['56 ou 84 mg', 56, 84, 'intake', null]]);
  assert.deepEqual(read('Acide tranexamique 2 à 4 g par 24 heures.'), [['2 à 4 g par 24 heures', 2, 4, 'day', 4]]);
});
