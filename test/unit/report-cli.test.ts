/** `medlint report`: the fact-check report of one article, from the built CLI. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';
import { cliEnv } from '../cli/helpers';

const dir = mkdtempSync(join(tmpdir(), 'medlint-report-'));
const file = join(dir, 'article.md');
writeFileSync(file, 'La prégabaline à 1200 mg/j.\n');
const cli = (...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'report', ...args], { encoding: 'utf8', env: cliEnv() });

test('report --format markdown prints the table and exits 0', () => {
  const r = cli('--format', 'markdown', file);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], `# Rapport de vérification — ${file}`);
  assert.match(r.stdout, /\| dose \| 1200 mg\/j \(prégabaline\) \|/);
});

test('Markdown is the default format', () => {
  const r = cli(file);
  assert.match(r.stdout, /^# Rapport de vérification/);
  assert.equal(r.stdout, cli('--format', 'markdown', file).stdout);
});

test('report --format=json prints the model', () => {
  const r = cli('--format=json', file);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).items.map((i: { verdict: string }) => i.verdict), ['documented', 'above']);
});

test('report --format html prints a page', () => {
  assert.match(cli('--format', 'html', file).stdout, /^<!DOCTYPE html>/);
});

test('an unknown format is a usage error (exit 2)', () => {
  const r = cli('--format', 'pdf', file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /format inconnu : pdf \(markdown, json, html\)/);
});

test('an unreadable file exits 2 and names it', () => {
  const r = cli(join(dir, 'absent.md'));
  assert.equal(r.status, 2);
  assert.match(r.stderr, /absent\.md/);
});

test('report --locale en writes the headings in English', () => {
  assert.equal(cli('--locale', 'en', file).stdout.split('\n')[0], `# Fact-check report — ${file}`);
});
