/**
 * The dose rules on a tiny lexicon (test/support/tiny-lexicon.ts): each test pins one behaviour that a small
 * change to the rules would break (the below-range rule, the route filter, the percentage filter, the
 * near-miss suggestion), with exact expectations.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { tinyLexicon } from '../support/tiny-lexicon';

const lex = tinyLexicon({
  substances: [
    { dci: 'prégabaline', brands: ['LYRICA'], ranges: ['150-600 mg/day orale'] },
    { dci: 'sumatriptan', ranges: ['50-100 mg/intake orale', '3-6 mg/injection sous-cutanée'] },
    { dci: 'capsaïcine', ranges: ['8-8 %/application cutanée'] },
  ],
  commonWords: ['coucher', 'matin', 'soir'],
  innStems: ['mab'],
});
const found = (text: string) => analyze(text, lex).findings.map((f) => `${f.code}/${f.severity}: ${text.slice(f.start, f.end)}`);

test('tiny lexicon: above the maximum is a warning on the dose', () => {
  assert.deepEqual(found('La prégabaline 1200 mg/j.'), ['dose-above-max/warning: 1200 mg/j']);
});

test('tiny lexicon: below the lowest documented dose is a hint', () => {
  assert.deepEqual(found('La prégabaline 50 mg/j.'), ['dose-below-min/hint: 50 mg/j']);
});

test('tiny lexicon: the bounds themselves are in range', () => {
  assert.deepEqual(found('La prégabaline 150 mg/j. La prégabaline 600 mg/j.'), []);
});

test('tiny lexicon: a route written next to the dose picks that route’s ranges', () => {
  assert.deepEqual(found('Le sumatriptan 60 mg en sous-cutané.'), ['dose-above-max/error: 60 mg']);
  assert.deepEqual(found('Le sumatriptan 60 mg.'), []);
});

test('tiny lexicon: a percentage is a dose only for a drug documented as a concentration', () => {
  assert.deepEqual(analyze('La capsaïcine 8 %.', lex).doses.map((d) => d.text), ['8 %']);
  assert.deepEqual(analyze('La prégabaline 8 %.', lex).doses.map((d) => d.text), []);
});

test('tiny lexicon: a near-miss of a known name is an unknown drug with its suggestion', () => {
  const f = analyze('La pregabalinne au coucher.', lex).findings;
  assert.deepEqual(f.map((x) => [x.code, x.fixes?.[0]?.edit.newText]), [['unknown-drug', 'prégabaline']]);
});
