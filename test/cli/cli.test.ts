/** The CLI: arguments, files, configuration, exit codes. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, scratch, HIGH, TYPO } from './helpers';

const codes = (stdout: string) => JSON.parse(stdout).files.flatMap((f: any) => f.diagnostics.map((d: any) => `${f.file}:${d.code}`));

test('--format=json and --format json give the same report', () => {
  const dir = scratch({ 'a.md': HIGH });
  const a = run(dir, ['check', '--format=json', 'a.md']);
  const b = run(dir, ['check', '--format', 'json', 'a.md']);
  assert.equal(a.code, 0);
  assert.deepEqual(codes(a.stdout), ['a.md:dose-above-max']);
  assert.equal(a.stdout, b.stdout);
});

test('an unknown option is a usage error: exit 2 with the usage', () => {
  const r = run(scratch(), ['check', '--formt', 'json', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--formt/);
  assert.match(r.stderr, /Usage/);
});

test('an unknown format is a usage error', () => {
  const r = run(scratch({ 'a.md': HIGH }), ['check', '--format', 'xml', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /format inconnu : xml/);
});

test('a quoted glob is expanded; .medlintignore leaves files out', () => {
  const dir = scratch({ 'docs/a.md': HIGH, 'docs/sub/b.md': TYPO, 'docs/brouillon/c.md': HIGH, 'docs/d.txt': HIGH, '.medlintignore': '# brouillons\nbrouillon/\n' });
  const r = run(dir, ['check', '--format', 'json', 'docs/**/*.md']);
  assert.deepEqual(codes(r.stdout), ['docs/a.md:dose-above-max', 'docs/sub/b.md:unknown-drug']);
});

test('a folder is searched for Markdown files, .medlintignore applied', () => {
  const dir = scratch({ 'docs/a.md': HIGH, 'docs/brouillon/c.md': HIGH, 'docs/d.txt': HIGH, '.medlintignore': 'brouillon/\n' });
  const r = run(dir, ['check', '--format', 'json', 'docs']);
  assert.deepEqual(codes(r.stdout), ['docs/a.md:dose-above-max']);
});

test('the nearest .medlint.json applies: its words are accepted, its severities set', () => {
  const dir = scratch({
    '.medlint.json': '{ "severity": { "dose-above-max": "off" } }',
    'a.md': HIGH + TYPO,
    'equipe/.medlint.json': '// l’équipe\n{ "words": ["pregabalinne"] }',
    'equipe/b.md': HIGH + TYPO,
  });
  const r = run(dir, ['check', '--format', 'json', 'a.md', 'equipe/b.md']);
  assert.deepEqual(codes(r.stdout), ['a.md:unknown-drug', 'equipe/b.md:dose-above-max']);
});

test('ignorePaths of the project file leave files out', () => {
  const dir = scratch({ '.medlint.json': '{ "ignorePaths": ["brouillons/**"] }', 'a.md': HIGH, 'brouillons/b.md': HIGH });
  assert.deepEqual(codes(run(dir, ['check', '--format', 'json', '.']).stdout), ['a.md:dose-above-max']);
});

test('--config names the configuration file to use instead of the nearest one', () => {
  const dir = scratch({ 'ci.json': '{ "severity": { "dose-above-max": "error" } }', '.medlint.json': '{}', 'a.md': HIGH });
  assert.equal(run(dir, ['check', '--config', 'ci.json', 'a.md']).code, 1);
});

test('a broken configuration file: exit 2 naming the file, line and problem', () => {
  const dir = scratch({ '.medlint.json': '{\n  "words": ["a"\n  "severity": {}\n}\n', 'a.md': HIGH });
  const r = run(dir, ['check', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.medlint\.json:3:\d+: JSON invalide : virgule attendue/);
});

test('an invalid value in the configuration falls back to the default with a warning, exit unchanged', () => {
  const dir = scratch({ '.medlint.json': '{\n  "severity": { "dose-above-max": "Error" }\n}\n', 'a.md': HIGH });
  const r = run(dir, ['check', 'a.md']);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /\.medlint\.json:2:\d+: .*« Error »/);
  assert.match(r.stdout, /warning \[dose-above-max\]/);
});

test('exit 1 when an error-level finding remains', () => {
  const dir = scratch({ '.medlint.json': '{ "severity": { "dose-above-max": "error" } }', 'a.md': HIGH });
  assert.equal(run(dir, ['check', 'a.md']).code, 1);
});

test('--max-warnings: exit 1 past the limit, 0 within it', () => {
  const dir = scratch({ 'a.md': HIGH + TYPO });
  assert.equal(run(dir, ['check', '--max-warnings', '1', 'a.md']).code, 1);
  assert.equal(run(dir, ['check', '--max-warnings', '2', 'a.md']).code, 0);
  assert.equal(run(dir, ['check', '--max-warnings', 'deux', 'a.md']).code, 2);
});

test('--stdin --stdin-filename: the text is read from the standard input and reported under that name', () => {
  const dir = scratch({ 'articles/.medlint.json': '{ "words": ["pregabalinne"] }' });
  const r = run(dir, ['check', '--format', 'json', '--stdin', '--stdin-filename', 'articles/x.md'], HIGH + TYPO);
  assert.deepEqual(codes(r.stdout), ['articles/x.md:dose-above-max']);
});

test('a missing file: exit 2, the other files still reported', () => {
  const dir = scratch({ 'a.md': HIGH });
  const r = run(dir, ['check', 'absent.md', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /absent\.md/);
  assert.match(r.stdout, /a\.md:1:\d+: warning \[dose-above-max\]/);
});

test('directives in the file are honoured by the CLI', () => {
  const dir = scratch({ 'a.md': '<!-- medlint-disable-next-line dose-above-max -->\n' + HIGH });
  assert.match(run(dir, ['check', 'a.md']).stdout, /^0 diagnostic/m);
});

test('--severity rule=level overrides the project file, rule by rule', () => {
  const dir = scratch({ '.medlint.json': '{ "severity": { "dose-above-max": "off" } }', 'a.md': HIGH + TYPO });
  const r = run(dir, ['check', '--format', 'json', '--severity', 'dose-above-max=error', '--severity', 'unknown-drug=off', 'a.md']);
  assert.equal(r.code, 1);
  assert.deepEqual(codes(r.stdout), ['a.md:dose-above-max']);
});

test('--severity with an unknown rule or level is a usage error', () => {
  const dir = scratch({ 'a.md': HIGH });
  assert.equal(run(dir, ['check', '--severity', 'dose-above-max=grave', 'a.md']).code, 2);
  assert.equal(run(dir, ['check', '--severity', 'nope=error', 'a.md']).code, 2);
});
