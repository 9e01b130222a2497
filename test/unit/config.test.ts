/** server/src/config.ts: defaults, validation with fallback, the project file found upward, merging. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULTS, parseSettings, parseProjectFile, findProjectFile, mergeConfig, isIgnored } from '../../server/src/config';
import { RULES, DEPRECATED_CODES } from '../../server/src/core/rules/registry';
import { validatorCode, VALIDATOR } from '../../scripts/docs-rules';
import { ROOT } from '../helpers';

test('defaults: enabled, no severity set, no words, no ignored paths', () => {
  assert.deepEqual(DEFAULTS, { enable: true, severity: {}, words: [], ignorePaths: [] });
});

test('a valid VS Code severity setting is kept', () => {
  const { config, problems } = parseSettings({ enable: false, severity: { 'unknown-drug': 'hint' } }, 'medlint');
  assert.deepEqual(config, { enable: false, severity: { 'unknown-drug': 'hint' } });
  assert.deepEqual(problems, []);
});

test('a mistyped severity falls back to the default with one problem naming the rule and the value', () => {
  const { config, problems } = parseSettings({ severity: { 'unknown-drug': 'Error', 'dose-above-max': 'error' } }, 'medlint');
  assert.deepEqual(config.severity, { 'dose-above-max': 'error' });
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /severity\.unknown-drug/);
  assert.match(problems[0].message, /« Error »/);
});

test('an unknown rule in the settings is one problem and is ignored', () => {
  const { config, problems } = parseSettings({ severity: { 'no-such-rule': 'error' } }, 'medlint');
  assert.deepEqual(config.severity, {});
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /no-such-rule/);
});

test('the deprecated dose-out-of-range sets both dose rules; a rule named itself wins over it', () => {
  const { config } = parseSettings({ severity: { 'dose-out-of-range': 'error', 'dose-below-min': 'off' } }, 'medlint');
  assert.deepEqual(config.severity, { 'dose-above-max': 'error', 'dose-below-min': 'off' });
});

test('a project file (JSONC: comments, trailing comma) gives words, severities and ignored paths', () => {
  const text = '{\n  // les noms du service\n  "$schema": "./node_modules/medlint/schemas/medlint.schema.json",\n  "words": ["zorblimab"],\n  "severity": { "dose-below-min": "off" },\n  "ignorePaths": ["brouillons/**"],\n}\n';
  const { config, problems, fatal } = parseProjectFile(text, '/p/.medlint.json');
  assert.deepEqual(problems, []);
  assert.equal(fatal, false);
  assert.deepEqual(config, { words: ['zorblimab'], severity: { 'dose-below-min': 'off' }, ignorePaths: ['brouillons/**'], root: '/p' });
});

test('a project file that is not JSON is fatal: the problem names the file, line and column', () => {
  const { problems, fatal } = parseProjectFile('{\n  "words": ["a"\n  "severity": {}\n}\n', '/p/.medlint.json');
  assert.equal(fatal, true);
  assert.equal(problems[0].file, '/p/.medlint.json');
  assert.equal(problems[0].line, 3);
  assert.match(problems[0].message, /virgule|,/i);
});

test('a schema error in a project file names its line and keeps the rest of the file', () => {
  const { config, problems, fatal } = parseProjectFile('{\n  "words": ["zorblimab", 3],\n  "severity": { "unknown-drug": "erreur" }\n}\n', '/p/.medlint.json');
  assert.equal(fatal, false);
  assert.deepEqual(config.words, ['zorblimab']);
  assert.deepEqual(config.severity, {});
  assert.deepEqual(problems.map((p) => p.line), [2, 3]);
});

test('the project file nearest to the checked file wins', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-config-'));
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  writeFileSync(join(dir, '.medlint.json'), '{}');
  writeFileSync(join(dir, 'a', '.medlint.json'), '{}');
  assert.equal(findProjectFile(join(dir, 'a', 'b', 'x.md')), join(dir, 'a', '.medlint.json'));
  assert.equal(findProjectFile(join(dir, 'y.md')), join(dir, '.medlint.json'));
  rmSync(dir, { recursive: true, force: true });
});

test('merging: defaults, then VS Code settings, then the project file, then the CLI flags', () => {
  const merged = mergeConfig({ severity: { 'unknown-drug': 'hint', 'dose-above-max': 'error' } }, { severity: { 'unknown-drug': 'off' }, words: ['x'] }, { severity: { 'dose-above-max': 'warning' } });
  assert.deepEqual(merged, { enable: true, severity: { 'unknown-drug': 'off', 'dose-above-max': 'warning' }, words: ['x'], ignorePaths: [] });
});

test('ignorePaths are globs relative to the project file’s folder', () => {
  const config = mergeConfig({ ignorePaths: ['brouillons/**'], root: '/p' });
  assert.equal(isIgnored('/p/brouillons/x.md', config), true);
  assert.equal(isIgnored('/p/articles/x.md', config), false);
});

test('the JSON Schema of .medlint.json names every rule, and package.json contributes it for .medlint.json', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'medlint.schema.json'), 'utf8'));
  assert.deepEqual(Object.keys(schema.properties.severity.properties), [...RULES.map((r) => r.code), ...Object.keys(DEPRECATED_CODES)]);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.medlint.json', url: './schemas/medlint.schema.json' }]);
});

test('a word written twice in the project file is no problem and keeps the list', () => {
  const { config, problems } = parseProjectFile('{ "words": ["zorblimab", "zorblimab"] }', '/p/.medlint.json');
  assert.deepEqual(problems, []);
  assert.deepEqual(config.words, ['zorblimab', 'zorblimab']);
});

test('the compiled validator of .medlint.json is the schema’s (npm run docs:rules)', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'medlint.schema.json'), 'utf8'));
  assert.equal(readFileSync(VALIDATOR, 'utf8'), validatorCode(schema));
});

test('every medlint.* setting a repository could use to silence warnings is restricted in untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = Object.keys(pkg.contributes.configuration.properties).filter((k) => k !== 'medlint.trace.server');
  assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), settings.sort());
});
