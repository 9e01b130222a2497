/** The CLI's output formats: SARIF 2.1.0 (validated against its official schema), GitHub annotations, JUnit XML. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import sarifSchema from '@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json';
import { run, scratch, HIGH, TYPO } from './helpers';

const dir = scratch({ 'a.md': HIGH + TYPO, 'b.md': 'Rien à signaler.\n', '.medlint.json': '{ "severity": { "unknown-drug": "error" } }' });

test('--format sarif is a valid SARIF 2.1.0 log', () => {
  const r = run(dir, ['check', '--format', 'sarif', 'a.md', 'b.md']);
  assert.equal(r.code, 1);
  const log = JSON.parse(r.stdout);
  // The schema is draft-04: its root `id` read as `$id`, formats not checked (ajv 8 without ajv-formats),
  // its patterns read without the u flag (one is not valid Unicode-mode syntax).
  const { $schema: _meta, id, ...schema } = sarifSchema as Record<string, unknown>;
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile({ ...schema, $id: id as string });
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
});

test('SARIF: one result per finding, with its rule, level and 1-based region', () => {
  const log = JSON.parse(run(dir, ['check', '--format', 'sarif', 'a.md', 'b.md']).stdout);
  const run0 = log.runs[0];
  assert.equal(log.version, '2.1.0');
  assert.equal(run0.tool.driver.name, 'MedLint');
  assert.deepEqual(run0.results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]),
    [['dose-above-max', 'warning', 'a.md', 1], ['unknown-drug', 'error', 'a.md', 2]]);
  const rule = run0.tool.driver.rules[run0.results[0].ruleIndex];
  assert.equal(rule.id, 'dose-above-max');
  assert.equal(rule.defaultConfiguration.level, 'warning');
});

test('--format github prints one workflow annotation per finding', () => {
  const r = run(dir, ['check', '--format', 'github', 'a.md']);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^::warning file=a\.md,line=1,col=18,endLine=1,endColumn=27,title=dose-above-max::prégabaline : 1200 mg\/j > max 600 mg\/j/);
  assert.match(lines[1], /^::error file=a\.md,line=2,col=4,endLine=2,endColumn=16,title=unknown-drug::« pregabalinne »/);
});

test('--format github escapes newlines and percent signs in messages', () => {
  const r = run(scratch({ 'a.md': 'La prégabaline 1200 mg/j.\n' }), ['check', '--format', 'github', 'a.md']);
  assert.doesNotMatch(r.stdout.trim(), /\n/);
});

test('--format junit: one test suite per file, one failing case per finding, a passing case for a clean file', () => {
  const r = run(dir, ['check', '--format', 'junit', 'a.md', 'b.md']);
  assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="medlint" tests="3" failures="2">/);
  assert.match(r.stdout, /<testsuite name="a\.md" tests="2" failures="2">/);
  assert.match(r.stdout, /<testcase classname="a\.md" name="dose-above-max 1:18"><failure type="warning" message="prégabaline : 1200 mg\/j &gt; max 600 mg\/j/);
  assert.match(r.stdout, /<testsuite name="b\.md" tests="1" failures="0">\s*<testcase classname="b\.md" name="medlint"\/>/);
  assert.match(r.stdout, /&#xAB;|« pregabalinne »/);
});

test('SARIF: an absolute path is given as a file: URI', () => {
  const log = JSON.parse(run(dir, ['check', '--format', 'sarif', `${dir}/a.md`]).stdout);
  assert.equal(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, pathToFileURL(`${dir}/a.md`).href);
});

test('SARIF: a dose result carries the address of the source its message cites', () => {
  const log = JSON.parse(run(dir, ['check', '--format', 'sarif', 'a.md']).stdout);
  const [dose, name] = log.runs[0].results;
  assert.match(dose.properties.source, /^https:\/\/base-donnees-publique\.medicaments\.gouv\.fr\/.*\b\d{8}\b/);
  assert.equal(name.properties, undefined);
});
