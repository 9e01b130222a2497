/**
 * The CLI's own words (usage, errors, summary lines) in French by default, in English with `--locale en` or an
 * English LANG (LC_ALL and LC_MESSAGES first, as POSIX reads them), through the l10n bundle; findings stay French.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, scratch, HIGH } from './helpers';

const FINDING = 'a.md:1:18: warning [dose-above-max] prégabaline : 1200 mg/j > max 600 mg/j';

test('French by default: the summary line', () => {
  const r = run(scratch({ 'a.md': HIGH }), ['check', 'a.md']);
  assert.match(r.stdout, /^a\.md:1:18: warning \[dose-above-max\] prégabaline : 1200 mg\/j > max 600 mg\/j/);
  assert.equal(r.stdout.trim().split('\n').pop(), '1 diagnostic(s) dans 1 fichier(s).');
});

test('--locale en: the summary line in English, the finding’s message in French', () => {
  const r = run(scratch({ 'a.md': HIGH }), ['check', '--locale', 'en', 'a.md']);
  assert.ok(r.stdout.startsWith(FINDING), r.stdout);
  assert.equal(r.stdout.trim().split('\n').pop(), '1 diagnostic(s) in 1 file(s).');
});

test('LANG=en_US.UTF-8 gives English; --locale fr wins over it; LC_ALL wins over LANG', () => {
  const dir = scratch({ 'a.md': HIGH });
  assert.equal(run(dir, ['check', 'a.md'], undefined, { LANG: 'en_US.UTF-8' }).stdout.trim().split('\n').pop(), '1 diagnostic(s) in 1 file(s).');
  assert.equal(run(dir, ['check', '--locale=fr', 'a.md'], undefined, { LANG: 'en_US.UTF-8' }).stdout.trim().split('\n').pop(), '1 diagnostic(s) dans 1 fichier(s).');
  assert.equal(run(dir, ['check', 'a.md'], undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'fr_FR.UTF-8' }).stdout.trim().split('\n').pop(), '1 diagnostic(s) dans 1 fichier(s).');
});

test('usage errors and the usage in English', () => {
  const r = run(scratch(), ['check', '--locale', 'en']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^medlint: no file to check\nUsage:\n  medlint check \[--format text\|json\|sarif\|github\|junit\]/);
  const fr = run(scratch(), ['check']);
  assert.match(fr.stderr, /^medlint : aucun fichier à analyser\nUsage :\n  medlint check/);
});

test('a missing file and the --max-warnings line in English', () => {
  const r = run(scratch({ 'a.md': HIGH }), ['check', '--max-warnings', '0', 'a.md', 'absent.md'], undefined, { LANG: 'en_GB.UTF-8' });
  assert.equal(r.code, 2);
  assert.match(r.stderr, /medlint: absent\.md: unreadable \(ENOENT\)/);
  assert.match(r.stderr, /medlint: 1 warning\(s\), more than --max-warnings 0/);
});

test('the help and the report follow LANG too', () => {
  assert.match(run(scratch(), ['--help'], undefined, { LANG: 'en_US.UTF-8' }).stdout, /^Usage:\n/);
  const r = run(scratch({ 'a.md': HIGH }), ['report', 'a.md'], undefined, { LANG: 'en_US.UTF-8' });
  assert.match(r.stdout, /^# Fact-check report — a\.md/);
});
