/** Every row of the dose grammar's tables (units, bases, rhythms, filters, form words, attachment strategies) with its example. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDoses } from '../../server/src/core/doses';
import { WRITTEN_UNITS, readUnit, convert } from '../../server/src/core/dose/units';
import { WRITTEN_BASES } from '../../server/src/core/dose/basis';
import { RHYTHMS, rhythmRowOf, intervalDays } from '../../server/src/core/dose/frequency';
import { DOSE_FILTERS } from '../../server/src/core/dose/filters';
import { FORM_WORDS } from '../../server/src/core/dose/lexemes';

test('each written unit: its example reads in that unit', () => {
  for (const u of WRITTEN_UNITS) {
    const d = findDoses(u.example)[0];
    assert.ok(d, u.example);
    assert.equal(d.unit, u.unit, u.example);
  }
  assert.deepEqual(readUnit("millions d'UI"), { unit: 'UI', factor: 1e6 });
  assert.equal(findDoses("colistine 9 millions d'UI/j")[0].max, 9_000_000);
});

test('units convert within their dimension only: « not comparable » is an answer', () => {
  assert.equal(convert(0.4, 'g', 'mg'), 400);
  assert.equal(convert(500, 'µg', 'mg'), 0.5);
  assert.equal(convert(40, 'mmol', 'mEq'), null);
  assert.equal(convert(5, 'mg', 'UI'), null);
});

test('each written basis: its example reads on that basis', () => {
  for (const b of WRITTEN_BASES) {
    const d = findDoses(b.example).find((x) => x.per === b.basis || (b.basis === 'minute' && x.per === 'minute'));
    assert.ok(d, `${b.example} → ${findDoses(b.example).map((x) => x.per).join(',')}`);
  }
});

test('each rhythm row reads its own example', () => {
  for (const r of RHYTHMS) {
    const d = findDoses(r.example)[0];
    assert.ok(d, r.example);
    const after = d.basisStart !== undefined ? d.basisStart + d.basisText!.length : d.unitStart + d.unitText.length;
    assert.equal(rhythmRowOf(r.example.slice(after)), r.name, r.example);
  }
});

test('the rhythms writers write', () => {
  const read = (text: string) => {
    const d = findDoses(text)[0];
    return [d.text, d.per, d.timesPerDay ? [d.timesPerDay.min, d.timesPerDay.max] : null, d.interval ? `${d.interval.min} ${d.interval.unit}` : null, d.daily?.max ?? null];
  };
  assert.deepEqual(read('méthotrexate 15 mg une fois par semaine'), ['15 mg une fois par semaine', 'intake', null, '1 semaine', null]);
  assert.deepEqual(read('metformine 2 g/j en deux prises'), ['2 g/j', 'day', null, null, 2]);
  assert.deepEqual(findDoses('metformine 2 g/j en deux prises')[0].splitInto, { min: 2, max: 2 });
  assert.deepEqual(read('paracétamol 1 g x 4/j'), ['1 g x 4/j', 'intake', [4, 4], null, 4]);
  assert.deepEqual(read('amoxicilline 1 g/8 h'), ['1 g/8 h', 'intake', [3, 3], '8 heure', 3]);
  assert.deepEqual(read('vancomycine 1 g/12 h'), ['1 g/12 h', 'intake', [2, 2], '12 heure', 2]);
  assert.deepEqual(read('fentanyl 25 µg/h'), ['25 µg/h', 'hour', null, null, null]);
  assert.deepEqual(read('énoxaparine 100 UI/kg/12 h'), ['100 UI/kg/12 h', 'intake', [2, 2], '12 heure', 200]);
  assert.deepEqual(read('docétaxel 75 mg/m² toutes les 3 semaines'), ['75 mg/m² toutes les 3 semaines', 'intake', null, '3 semaine', null]);
  assert.deepEqual(read('ceftriaxone 1 g par voie intraveineuse toutes les 24 heures'), ['1 g par voie intraveineuse toutes les 24 heures', 'intake', [1, 1], '24 heure', 1]);
  assert.deepEqual(read('cyclophosphamide 500 mg/m²/j'), ['500 mg/m²/j', 'day', null, null, 500]);
  assert.equal(findDoses('digoxine 0,25 mg/48 h')[0].interval?.min, 2);
  assert.equal(intervalDays('toutes les deux semaines'), 14);
  assert.equal(intervalDays('une fois par semaine'), 7);
  assert.equal(intervalDays('tous les 3 mois'), 90);
});

test('each dose filter: its example holds no dose', () => {
  // A combination strength is read as such (its components), never as one drug's dose.
  for (const f of DOSE_FILTERS) assert.deepEqual(findDoses(f.example).filter((d) => !d.components).map((d) => d.text), [], `${f.name}: ${f.example}`);
});

test('each counted form: its example counts the units', () => {
  for (const f of FORM_WORDS) {
    const d = findDoses(f.example)[0];
    if (!/\d\s*(?:mg|µg|g|UI|mL)(?![a-zé])/.test(f.example)) continue; // « 10 gouttes »: a count without a strength
    assert.ok(d?.units, f.example);
    assert.equal(d.units.form, f.name, f.example);
  }
  const d = findDoses('3 gélules de 500 mg trois fois par jour')[0];
  assert.deepEqual([d.min, d.max, d.daily?.max], [1500, 1500, 4500]);
  assert.deepEqual(findDoses('2 bouffées de 100 µg')[0].max, 200);
});

test('spaces of every kind: « 2 comprimés à 333 mg » with narrow no-break spaces is a dose', () => {
  const d = findDoses('Acamprosate\u202F: 2\u202Fcomprimés\u202Fà\u202F333\u202Fmg trois fois par jour.')[0];
  assert.ok(d);
  assert.deepEqual([d.min, d.daily?.max], [666, 1998]);
});

test('a run of 200,000 digits is read in linear time', () => {
  const t = Date.now();
  findDoses('1'.repeat(200_000) + ' mg');
  assert.ok(Date.now() - t < 2000, `${Date.now() - t} ms`);
});
