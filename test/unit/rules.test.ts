/** The rule registry: codes, default severities, the severity a finding ends with, and the docs made from it. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, resolveSeverity, expandRuleName } from '../../server/src/core/rules/registry';
import { rulesTable, severityProperties, replaceBetweenMarkers } from '../../scripts/docs-rules';
import { ROOT } from '../helpers';

test('the registry lists the nine codes with their default severities', () => {
  assert.deepEqual(Object.fromEntries(RULES.map((r) => [r.code, r.severity])), {
    'unknown-drug': 'warning', 'company-as-brand': 'information', 'english-name': 'information',
    'dose-above-max': 'warning', 'dose-below-min': 'hint', 'dose-rhythm': 'error', 'dose-implausible': 'warning',
    'dose-unit-mismatch': 'warning', 'dose-not-comparable': 'off',
  });
});

test('every rule has a French title and description, an English description and a category', () => {
  for (const r of RULES) {
    assert.ok(r.title && r.description && r.descriptionEn, r.code);
    assert.ok(['médicaments', 'doses'].includes(r.category), r.code);
  }
});

test('severity « default » keeps the finding’s own severity (an escalated finding stays an error)', () => {
  assert.equal(resolveSeverity('dose-above-max', 'error', {}), 'error');
  assert.equal(resolveSeverity('dose-above-max', 'warning', { 'dose-above-max': 'default' }), 'warning');
});

test('the user’s setting wins over the finding’s severity', () => {
  assert.equal(resolveSeverity('dose-above-max', 'error', { 'dose-above-max': 'hint' }), 'hint');
});

test('« off » drops the finding', () => {
  assert.equal(resolveSeverity('unknown-drug', 'warning', { 'unknown-drug': 'off' }), undefined);
});

test('a rule off by default is dropped unless the user gives it a severity', () => {
  assert.equal(resolveSeverity('dose-not-comparable', 'information', {}), undefined);
  assert.equal(resolveSeverity('dose-not-comparable', 'information', { 'dose-not-comparable': 'warning' }), 'warning');
});

test('the deprecated « dose-out-of-range » names both the above-max and below-min rules', () => {
  assert.deepEqual(expandRuleName('dose-out-of-range'), ['dose-above-max', 'dose-below-min']);
  assert.deepEqual(expandRuleName('unknown-drug'), ['unknown-drug']);
  assert.deepEqual(expandRuleName('no-such-rule'), []);
});

test('the README’s rules table is the one generated from the registry (npm run docs:rules)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  assert.equal(readme, replaceBetweenMarkers(readme, 'rules', rulesTable()));
});

test('package.json’s medlint.severity has one dropdown per rule, generated from the registry (npm run docs:rules)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const severity = pkg.contributes.configuration.properties['medlint.severity'];
  assert.deepEqual(severity.properties, severityProperties());
  assert.deepEqual(Object.keys(severity.properties), [...RULES.map((r) => r.code), 'dose-out-of-range']);
});
