/** The CLI with a project's `.medlint.json` `data`: its drug known, its range checked, an invalid entry refused (exit 2). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, scratch } from './helpers';

const SOURCE = { type: 'publication', title: 'Protocole interne ZRB-101, version 3, section 6.1', url: 'https://example.org/zrb-101' };
const RANGE = { substance: 'zorblimab', context: 'toutes indications', route: 'orale', population: 'adulte', min: 10, max: 40, unit: 'mg', per: 'day', source: SOURCE };
const project = (range: object) => JSON.stringify({ data: { substances: [{ name: 'zorblimab', brands: ['ZORBLIX'], source: SOURCE }], ranges: [range] } }, null, 2);

test('a dose above the project’s range is flagged with the project’s source; the project’s drug is known', () => {
  const dir = scratch({ '.medlint.json': project(RANGE), 'a.md': 'Le zorblimab à 80 mg/j.\n\nLe ZORBLIX à 20 mg/j.\n' });
  const r = run(dir, ['check', 'a.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'a.md:1:16: warning [dose-above-max] zorblimab : 80 mg/j > max 40 mg/j — toutes indications ; Protocole interne ZRB-101, version 3, section 6.1.\n1 diagnostic(s) dans 1 fichier(s).\n');
});

test('without the project file the same text has an unknown drug', () => {
  const r = run(scratch({ 'a.md': 'Le zorblimab à 80 mg/j.\n' }), ['check', 'a.md']);
  assert.match(r.stdout, /\[unknown-drug\] « zorblimab »/);
});

test('a range without a source: exit 2, naming the file, line and JSON path', () => {
  const { source: _, ...bare } = RANGE;
  const dir = scratch({ '.medlint.json': project(bare), 'a.md': 'Le zorblimab à 80 mg/j.\n' });
  const r = run(dir, ['check', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /\.medlint\.json:17:7: data\.ranges\.0 \(zorblimab\) : propriété « source » obligatoire \(chaque fait cite sa source\)/);
});

test('the fact-check report knows the project’s drug and range', () => {
  const dir = scratch({ '.medlint.json': project(RANGE), 'a.md': 'Le zorblimab à 80 mg/j.\n' });
  const r = run(dir, ['report', '--format', 'json', 'a.md']);
  assert.equal(r.code, 0, r.stderr);
  const dose = JSON.parse(r.stdout).items.find((i: any) => i.kind === 'dose');
  assert.equal(dose.verdict, 'above');
  assert.deepEqual(dose.sources.map((s: any) => s.title), ['Protocole interne ZRB-101, version 3, section 6.1']);
});

test('annotate names the project’s drug, its brand and its dose’s verdict', () => {
  const dir = scratch({ '.medlint.json': project(RANGE), 'a.md': 'Le ZORBLIX à 80 mg/j.\n' });
  const r = run(dir, ['annotate', '--format', 'json', 'a.md']);
  assert.equal(r.code, 0, r.stderr);
  const entities = JSON.parse(r.stdout).files[0].entities;
  assert.deepEqual(entities.map((e: any) => [e.kind, e.text, e.id, e.verdict?.outcome]), [['drug', 'ZORBLIX', 'zorblimab', undefined], ['dose', '80 mg/j', 'zorblimab', 'above']]);
});
