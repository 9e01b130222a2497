/**
 * The rule registry runs the rules (rules/registry.ts `RULE_FAMILIES`): every code in exactly one family, the
 * dose verdicts one family of six codes from one judgement, and analyze() reporting what the families find.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RULES, RULE_FAMILIES, familyOf } from '../../server/src/core/rules/registry';
import { analyze } from '../../server/src/core/analyze';
import { analyzeDocument } from '../../server/src/core/document';
import { tinyLexicon } from '../support/tiny-lexicon';

const lex = tinyLexicon({ substances: [{ dci: 'prégabaline', ranges: ['150-600 mg/day orale'] }], innStems: ['mab'] });

test('every rule code belongs to exactly one family', () => {
  const listed = RULE_FAMILIES.flatMap((f) => f.codes);
  assert.deepEqual([...listed].sort(), RULES.map((r) => r.code).sort());
  assert.equal(new Set(listed).size, listed.length);
});

test('the dose verdicts are one family: six codes from one judgement, run after attachment', () => {
  const doses = familyOf('dose-above-max');
  assert.equal(doses.stage, 'doses');
  assert.deepEqual(doses.codes, ['dose-above-max', 'dose-below-min', 'dose-rhythm', 'dose-implausible', 'dose-unit-mismatch', 'dose-not-comparable']);
  assert.equal(familyOf('company-as-brand'), familyOf('unknown-drug'));
  assert.equal(familyOf('english-name').stage, 'notes');
});

test('analyze() reports what the registry’s families find: a family that finds nothing silences its codes', () => {
  const text = 'La prégabaline à 1200 mg/j, le zorblimab.';
  assert.deepEqual(analyze(text, lex).findings.map((f) => f.code), ['dose-above-max', 'unknown-drug']);
  const family = familyOf('dose-above-max');
  const run = family.run;
  family.run = () => [];
  try {
    assert.deepEqual(analyze(text, lex).findings.map((f) => f.code), ['unknown-drug']);
  } finally {
    family.run = run;
  }
});

test('a family’s findings carry only its own codes', () => {
  const text = 'La prégabaline à 1200 mg/j, le zorblimab, la prégabaline à 10 mg/j.';
  for (const f of analyzeDocument(text, lex).findings) assert.ok(familyOf(f.code).codes.includes(f.code));
  assert.deepEqual(analyzeDocument(text, lex).findings.map((f) => f.code), ['dose-above-max', 'unknown-drug', 'dose-below-min']);
});
