/**
 * The data build's steps run on a tiny hand-made state: three BDPM spécialités (a brand, a generic named by its DCI,
 * a brand of a combination) give substances, then brands, without reading data/sources.
 *
 *   « LYRICA 150 mg, gélule » → brand LYRICA of prégabaline; « PREGABALINE BIOGARAN 150 mg, gélule » → no brand.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BdpmExport, CompositionRow, Specialite } from '../../data/build/sources/bdpm';
import { createState, type BuildState } from '../../data/build/steps/state';
import { addBdpmSubstances, countSpecialites } from '../../data/build/steps/substances';
import { addBdpmBrands } from '../../data/build/steps/brands';

const spec = (cis: string, denomination: string, holder = 'X'): Specialite => ({
  cis, denomination, form: 'gélule', routes: ['orale'], procedure: 'Procédure nationale', marketed: 'Commercialisée', ammDate: '01/01/2020', holder,
});
const row = (cis: string, name: string, nature: 'SA' | 'FT' = 'SA', link = '1'): CompositionRow => ({
  cis, element: 'gélule', substanceCode: '0', name, nature, link, dosage: '150 mg', reference: 'une gélule',
});

function tinyBdpm(specialites: Specialite[], composition: CompositionRow[], genericCis: string[] = []): BdpmExport {
  return {
    specialites: new Map(specialites.map((s) => [s.cis, s])), composition,
    atcByCis: new Map(), conditionsByCis: new Map(), genericCis: new Set(genericCis),
  };
}

function runBrandSteps(bdpm: BdpmExport): BuildState {
  const state = createState();
  addBdpmSubstances(state, bdpm.composition);
  countSpecialites(state, bdpm);
  addBdpmBrands(state, bdpm);
  return state;
}

const THREE = tinyBdpm(
  [spec('1', 'LYRICA 150 mg, gélule'), spec('2', 'PREGABALINE BIOGARAN 150 mg, gélule'), spec('3', 'IXPRIM 37,5 mg/325 mg, comprimé')],
  [row('1', 'PRÉGABALINE'), row('2', 'PRÉGABALINE'), row('3', 'CHLORHYDRATE DE TRAMADOL', 'SA', '1'), row('3', 'PARACÉTAMOL', 'SA', '2')],
);

test('the substances step makes one substance per component, counted on each of its spécialités', () => {
  const state = runBrandSteps(THREE);
  assert.deepEqual([...state.substances.keys()].sort(), ['chlorhydrate de tramadol', 'paracetamol', 'pregabaline']);
  assert.equal(state.substances.get('pregabaline')!.cisCount, 2);
});

test('the brands step makes a brand of a fancy name and none of « DCI + laboratory »', () => {
  const state = runBrandSteps(THREE);
  assert.deepEqual([...state.brands.keys()].sort(), ['ixprim', 'lyrica']);
  assert.deepEqual(state.brands.get('lyrica')!.substances, ['prégabaline']);
  assert.deepEqual(state.brands.get('lyrica')!.cis, ['1']);
});

test('the brands step links a combination brand to each of its substances', () => {
  assert.deepEqual(runBrandSteps(THREE).brands.get('ixprim')!.substances, ['chlorhydrate de tramadol', 'paracétamol']);
});

// Generics that the BDPM lists under a fancy name (CIS_GENER) are brands a writer cites: LEELOO (CIS 66819566,
// lévonorgestrel 0,1 mg + éthinylestradiol 0,02 mg, generic of the group « … - LAURETTE »).
const GENERICS = tinyBdpm(
  [
    spec('4', 'LEELOO 0,1 mg/0,02 mg, comprimé enrobé'), spec('5', 'PARACETAMOL BIOGARAN 500 mg, comprimé'), spec('6', 'AMIODARONE ARROW 200 mg, comprimé'),
    spec('7', 'COTRIMOXAZOLE TEVA 800 mg/160 mg, comprimé', 'TEVA SANTE'),
  ],
  [
    row('4', 'LÉVONORGESTREL', 'SA', '2'), row('4', 'ÉTHINYLESTRADIOL', 'SA', '1'), row('5', 'PARACÉTAMOL'), row('6', 'CHLORHYDRATE D\'AMIODARONE'),
    row('7', 'SULFAMÉTHOXAZOLE', 'SA', '1'), row('7', 'TRIMÉTHOPRIME', 'SA', '2'),
  ],
  ['4', '5', '6', '7'],
);

test('the brands step makes a brand of a generic listed under a fancy name, with its substances', () => {
  assert.deepEqual(runBrandSteps(GENERICS).brands.get('leeloo')?.substances, ['lévonorgestrel', 'éthinylestradiol']);
});

test('a generic named « DCI + laboratory » stays no brand, even when its DCI is a salt in the composition', () => {
  const brands = runBrandSteps(GENERICS).brands;
  assert.equal(brands.has('paracetamol biogaran'), false);
  assert.equal(brands.has('amiodarone arrow'), false);
});

test('a generic named « name + laboratory » stays no brand when the name is no DCI of the data (COTRIMOXAZOLE TEVA)', () => {
  assert.equal(runBrandSteps(GENERICS).brands.has('cotrimoxazole teva'), false);
});

test('a brand only generics bear counts only in capitals or with ® (« estima », « carlin » are French words)', () => {
  assert.equal(runBrandSteps(GENERICS).brands.get('leeloo')?.needsMark, true);
  assert.equal(runBrandSteps(THREE).brands.get('lyrica')?.needsMark, undefined);
});
