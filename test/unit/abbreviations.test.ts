/**
 * Abbreviations French writers use for drugs (HBPM, HNF, EPO…), the ambiguous ones kept ambiguous, and
 * combinations: ENTRESTO names sacubitril and valsartan, and « sacubitril » alone is a drug; names the BDPM
 * gives by an element or an ion keep their own (iobitridol is not « iode », chlorure de sodium not « sodium »).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { lexicon } from '../helpers';

const drugs = (text: string) => analyze(text, lexicon()).mentions.filter((m) => m.kind === 'drug');

test('an ambiguous abbreviation (HBPM) is a drug mention with its candidates, never resolved to one', () => {
  const [m] = drugs('Un relais par HBPM est prévu.');
  assert.equal(m.id, 'HBPM');
  assert.deepEqual(m.candidates, ['énoxaparine', 'daltéparine', 'tinzaparine', 'nadroparine']);
});

test('EPO stands for the epoetins, ambiguous', () => {
  assert.deepEqual(drugs('Sous EPO depuis un an.')[0].candidates, ['époétine alfa', 'époétine bêta', 'darbépoétine alfa']);
});

test('HNF is heparin, and takes its dose', () => {
  const a = analyze('L’HNF 500 UI/kg/j en continu.', lexicon());
  assert.deepEqual(a.mentions.map((m) => m.id), ['héparine']);
  assert.equal(a.doses[0]?.drug?.id, 'héparine');
});

test('a combination the BDPM writes as one complex (ENTRESTO) names each drug', () => {
  assert.deepEqual(lexicon().brand('ENTRESTO')?.substances.slice().sort(), ['sacubitril', 'valsartan']);
});

test('« sacubitril » alone is a drug of its own, not another name of valsartan', () => {
  assert.deepEqual(drugs('Le sacubitril inhibe la néprilysine.').map((m) => m.id), ['sacubitril']);
});

test('an element in the BDPM’s fraction does not name the drug: iobitridol is not « iode »', () => {
  assert.deepEqual(drugs('Injection de iobitridol (XENETIX) puis d’iohexol.').map((m) => m.id), ['iobitridol', 'iobitridol', 'iohexol']);
});

test('« chlorure de sodium » is not « sodium », and « sérum physiologique » is chlorure de sodium', () => {
  assert.deepEqual(drugs('Remplissage par chlorure de sodium 0,9 %, puis sérum physiologique.').map((m) => m.id), ['chlorure de sodium', 'chlorure de sodium']);
});

test('a prodrug the BDPM gives by the drug it becomes keeps its name: PRODILANTIN is fosphénytoïne, not phénytoïne', () => {
  assert.deepEqual(drugs('Le PRODILANTIN en dose de charge, la phénytoïne ensuite.').map((m) => m.id), ['fosphénytoïne', 'phénytoïne']);
});
