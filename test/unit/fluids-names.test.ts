/**
 * Names writers give to fluids, gas mixtures and fancy-named generics, on the shipped data: « 500 mL de sérum
 * glucosé », « G5 % 500 mL », « NaCl 0,9 % 1000 mL », « Ringer lactate 30 mL/kg » name their substances where
 * they are a treatment, never « stade G5 » or « glucose sanguin »; « MEOPA » names oxygène + protoxyde
 * d'azote; « sous Leeloo », « la pilule Optimizette » name the pill, « il estima » nothing; a Title Case
 * brand the case rule refuses is never called unknown (« Symbicort 200 µg »).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Lexicon } from '../../server/src/core/lexicon';
import { tinyIndex } from '../support/tiny-lexicon';
import { lexicon } from '../helpers';

const lex = lexicon();
const drugs = (text: string) => analyze(text, lex).mentions.filter((m) => m.kind === 'drug').map((m) => [m.text, m.substances.join(' + ')]);
const codes = (text: string) => analyze(text, lex).findings.map((f) => f.code);

test('fluids given as treatment name their substance', () => {
  assert.deepEqual(drugs('Perfusion de 500 mL de sérum glucosé.'), [['sérum glucosé', 'glucose']]);
  assert.deepEqual(drugs('Puis G5 % 500 mL sur 6 heures.'), [['G5', 'glucose']]);
  assert.deepEqual(drugs('Remplissage par NaCl 0,9 % 1000 mL.'), [['NaCl', 'chlorure de sodium']]);
});

test('Ringer lactate names each of its components (BDPM RINGER LACTATE spécialités)', () => {
  assert.deepEqual(drugs('Remplissage par Ringer lactate 30 mL/kg.'),
    [['Ringer lactate', 'chlorure de sodium + lactate de sodium + potassium + chlorure de calcium']]);
});

test('false friends of the fluids stay silent: a kidney stage, blood glucose', () => {
  assert.deepEqual(drugs('Maladie rénale chronique au stade G5.'), []);
  assert.deepEqual(drugs('Le stade G5 A3 impose la dialyse.'), []);
  assert.deepEqual(drugs('Le glucose sanguin est à 1,2 g/L.'), []);
});

test('MEOPA names both gases of the mixture', () => {
  assert.deepEqual(drugs('Le MEOPA est utilisé pour les soins douloureux.'), [['MEOPA', 'oxygène + protoxyde d\'azote']]);
});

test('a fancy-named generic in Title Case counts where a drug stands', () => {
  assert.deepEqual(drugs('Elle est sous Leeloo depuis un an.').map((d) => d[0]), ['Leeloo']);
  assert.deepEqual(drugs('Elle prend la pilule Optimizette chaque soir.').map((d) => d[0]), ['Optimizette']);
});

test('a fancy-named generic that is a French word stays silent outside a drug slot', () => {
  assert.deepEqual(drugs('Il estima que le risque était faible.'), []);
  assert.deepEqual(drugs('Elle parla de Leeloo, sa fille.'), []);
});

test('a Title Case brand the lexicon knows is never « unknown »: Symbicort 200 µg', () => {
  assert.deepEqual(codes('Le traitement associe Symbicort 200 µg matin et soir.').filter((c) => c === 'unknown-drug'), []);
});

test('the first word of longer brands stays in capitals or ® even where a drug stands: « associée à Helicobacter pylori »', () => {
  assert.deepEqual(drugs('Une gastrite associée à Helicobacter pylori.'), []);
  assert.deepEqual(drugs('Patient sous Dialyse depuis un an.'), []);
});

test('an abbreviation marked as a combination names each of its DCIs; the same list unmarked stays ambiguous (tiny lexicon)', () => {
  const index = tinyIndex({ substances: [{ dci: 'oxygène' }, { dci: 'protoxyde d\'azote' }] });
  index.abbreviations.push({ abbreviation: 'MEOPA', dci: ['oxygène', 'protoxyde d\'azote'], combination: true }, { abbreviation: 'OXNO', dci: ['oxygène', 'protoxyde d\'azote'] });
  const tiny = new Lexicon(index);
  const [mixture] = analyze('Soins sous MEOPA.', tiny).mentions;
  assert.deepEqual([mixture.substances, mixture.label, mixture.candidates], [['oxygène', 'protoxyde d\'azote'], 'oxygène + protoxyde d\'azote', undefined]);
  const [ambiguous] = analyze('Soins sous OXNO.', tiny).mentions;
  assert.deepEqual([ambiguous.substances, ambiguous.candidates], [[], ['oxygène', 'protoxyde d\'azote']]);
});

test('« Méopa » as the INRS writes it is MEOPA', () => {
  assert.deepEqual(drugs('Le Méopa soulage les soins.'), [['Méopa', 'oxygène + protoxyde d\'azote']]);
});
