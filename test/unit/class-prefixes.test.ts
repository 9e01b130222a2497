/**
 * Words inside hyphenated class words (« anti-TNF », « anti-IL-17 », « anti-aldostérone », « anti-héparine »)
 * are neither unknown drugs, nor misspellings, nor mentions of the drug they name. Each row of the table
 * runs as a test (tiny in-memory lexicon), then the brief's examples on the shipped data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { CLASS_PREFIXES } from '../../server/src/core/class-prefixes';
import { tinyLexicon } from '../support/tiny-lexicon';
import { lexicon } from '../helpers';

const lex = tinyLexicon({
  substances: [{ dci: 'héparine' }, { dci: 'insuline' }, { dci: 'infliximab' }, { dci: 'spironolactone' }],
  innStems: ['sterone', 'ximab'],
});
const seen = (text: string, l = lex) => {
  const a = analyze(text, l);
  return [...a.mentions.filter((m) => m.kind === 'drug').map((m) => m.text), ...a.findings.map((f) => `${f.code}:${text.slice(f.start, f.end)}`)];
};

for (const p of CLASS_PREFIXES) {
  test(`« ${p.prefix}- » (${p.what}): « ${p.example[1]} » is no drug in « ${p.example[0]} »`, () => {
    assert.deepEqual(seen(p.example[0]), []);
  });
}

test('the word alone is still what it was: a drug, or an unknown drug-like word', () => {
  assert.deepEqual(seen('L’héparine et l’insuline ; la zorbisterone 10 mg.'), ['héparine', 'insuline', 'unknown-drug:zorbisterone']);
});

test('antibodies against a drug (« anti-infliximab ») and a target after a slash (« anti-PF4/héparine ») are not the drug', () => {
  assert.deepEqual(seen('Anticorps anti-infliximab et anti-PF4/héparine positifs ; infliximab arrêté.'), ['infliximab']);
});

test('on the shipped data, the class words of the brief raise nothing and name no drug', () => {
  const text = 'Après échec des anti-TNF, un anti-IL-17 ou un anti-CGRP ; les anti-VEGF, les anti-PD-1, l’activité anti-Xa, un anti-aldostérone, les anticorps anti-héparine.';
  const a = analyze(text, lexicon());
  assert.deepEqual(a.findings.map((f) => f.code), []);
  assert.deepEqual(a.mentions.map((m) => `${m.kind}:${m.text}`), ['class:anti-CGRP']);
});
