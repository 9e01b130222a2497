import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldKey, foldKeySlow, foldSameLength, compactKey } from '../../server/src/core/normalize';
import { tokenize } from '../../server/src/core/mentions';
import { lexicon } from '../helpers';

const cases: [string, string][] = [
  ['Prégabaline', 'pregabaline'],
  ['PRÉGABALINE', 'pregabaline'],
  ['pre\u0301gabaline', 'pregabaline'], // NFD
  ['cœur', 'coeur'],
  ['AVONEX®', 'avonex'],
  ['l’amitriptyline', "l'amitriptyline"],
  ['1\u202F200\u00A0mg', '1 200 mg'],
  ['bêta‑1a', 'beta-1a'],
  ['Capsaïcine', 'capsaicine'],
];

test('foldKey: case, accents, NFD, ligatures, marks, apostrophes, spaces and dashes', () => {
  for (const [input, expected] of cases) assert.equal(foldKey(input), expected, input);
});

test('compactKey ignores hyphens and spaces', () => {
  assert.equal(compactKey('RESET SLE'), compactKey('reset-sle'));
});

test('foldSameLength keeps offsets, even for decomposed accents', () => {
  for (const [input] of cases) assert.equal(foldSameLength(input).length, input.length, input);
  const nfd = 'la pre\u0301gabaline';
  const tokens = tokenize(nfd).toArray();
  assert.deepEqual(tokens.map((t) => t.key), ['la', 'pregabaline']);
  assert.equal(nfd.slice(tokens[1].start, tokens[1].end), 'pre\u0301gabaline');
});

test('the fast foldKey agrees with the normalising one on every name of the index', () => {
  const index = lexicon().index;
  const names = [
    ...index.substances.flatMap((s) => [s.dci, ...s.aliases]), ...index.brands.map((b) => b.name),
    ...index.trials.flatMap((t) => [t.name, ...t.aliases]), 'Œdème  cérébral', '  œdème', 'ACÉTATE DE GLATIRAMÈRE®', 'bêta\u2011bloquant', 'l’œil',
  ];
  for (const n of names) assert.equal(foldKey(n), foldKeySlow(n), n);
});
