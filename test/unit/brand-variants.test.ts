/**
 * Brands as writers spell them: a hyphen omitted or added, a space for a hyphen, accents dropped or added,
 * ® anywhere, a short brand in Title Case where a drug stands. Each row of the folding table runs as a test
 * against a tiny in-memory lexicon; then the shipped data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { BRAND_SPELLINGS } from '../../server/src/core/brand-variants';
import { tinyLexicon } from '../support/tiny-lexicon';
import { lexicon } from '../helpers';

const lex = tinyLexicon({
  substances: [
    { dci: 'énalapril', brands: ['CO-RENITEC'] },
    { dci: 'paracétamol', brands: ['DOLIPRANE', 'CODOLIPRANE'] },
    { dci: 'méthylprednisolone', brands: ['DEPO-MEDROL', 'MEDROL', 'SOLUMEDROL'] },
    { dci: 'prégabaline', brands: ['LYRICA'] },
    { dci: 'budésonide', brands: ['SYMBICORT TURBUHALER'] },
    { dci: 'alprazolam', brands: ['XANAX'] },
    { dci: 'ofloxacine', brands: ['OFLOCET', 'MONOFLOCET'] },
  ],
  commonWords: ['mon', 'drill', 'prend', 'du'],
});
const brandsIn = (text: string, l = lex) => analyze(text, l).mentions.filter((m) => m.kind === 'drug').map((m) => `${m.text} → ${m.entry.name}`);

for (const row of BRAND_SPELLINGS) {
  for (const [text, written] of row.examples) {
    test(`${row.rule}: « ${written} » is ${row.brand} in « ${text} »`, () => {
      assert.deepEqual(brandsIn(text), [`${written} → ${row.brand}`]);
    });
  }
}

test('a prefix that is an ordinary word is no part of a brand: « mon OFLOCET » is OFLOCET', () => {
  assert.deepEqual(brandsIn('Il a pris mon OFLOCET.'), ['OFLOCET → OFLOCET']);
});

test('a short brand in Title Case outside a drug slot stays an ordinary word (« Xanax » as a name in a heading)', () => {
  assert.deepEqual(brandsIn('Il a rencontré Xanax hier.'), []);
});

test('on the shipped data: CORENITEC, CO-APROVEL, Co Doliprane, DEPOMEDROL, « prend du Xanax », « Tahor 20 mg »', () => {
  const text = 'Sous CORENITEC puis CO-APROVEL, Co Doliprane et DEPOMEDROL. Il prend du Xanax et Tahor 20 mg.';
  assert.deepEqual(analyze(text, lexicon()).mentions.map((m) => m.text), ['CORENITEC', 'CO-APROVEL', 'Co Doliprane', 'DEPOMEDROL', 'Xanax', 'Tahor']);
});
