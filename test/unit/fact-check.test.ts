/** The fact-check report: every drug, dose and trial in reading order, with its verdict; three renderings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { factCheck, renderMarkdown, renderJson, renderHtml } from '../../server/src/features/fact-check';
import { lexicon } from '../helpers';

const N = '\u202F';
const TEXT = 'La prégabaline à 75 mg deux fois par jour, puis 1200 mg/j.\nLe méthotrexate 15 mg/j. La lévothyroxine 100 mg/j.\n'
  + 'Le benzoate de benzyle 10 mg. Le zorglubmab 40 mg. Dans l’essai RESET-SLE.\n';
const model = () => factCheck('article.md', TEXT, analyze(TEXT, lexicon()), lexicon());
const item = (text: string) => model().items.find((i) => i.text === text)!;

test('every drug, dose and trial, in reading order', () => {
  assert.deepEqual(model().items.map((i) => `${i.kind}:${i.text}`), [
    'drug:prégabaline', 'dose:75 mg deux fois par jour', 'dose:1200 mg/j', 'drug:méthotrexate', 'dose:15 mg/j',
    'drug:lévothyroxine', 'dose:100 mg/j', 'drug:benzoate de benzyle', 'dose:10 mg', 'drug:zorglubmab', 'dose:40 mg', 'trial:RESET-SLE',
  ]);
});

test('a dose in range: its normalised reading, the documented span and its source', () => {
  const d = item('75 mg deux fois par jour');
  assert.equal(d.verdict, 'in-range');
  assert.equal(d.normalised, `150${N}mg/j`);
  assert.equal(d.documented, `150–600${N}mg/j`);
  assert.deepEqual(d.sources.map((s) => s.title), ['RCP LYRICA 25 mg, gélule (CIS 67928173), rubrique 4.2']);
});

test('verdicts: above, rhythm, unit, not documented, unknown', () => {
  assert.deepEqual(['1200 mg/j', '15 mg/j', '100 mg/j', '10 mg', '40 mg', 'zorglubmab'].map((t) => item(t).verdict),
    ['above', 'rhythm', 'unit', 'undocumented', 'unknown', 'unknown']);
});

test('each item keeps its position in the editor’s terms', () => {
  assert.deepEqual(item('15 mg/j').range, { start: { line: 1, character: 16 }, end: { line: 1, character: 23 } });
});

test('the summary counts the doses by verdict', () => {
  assert.deepEqual(model().counts, { drug: 5, dose: 6, trial: 1, doseVerdicts: { 'in-range': 1, above: 1, rhythm: 1, unit: 1, undocumented: 1, unknown: 1 } });
});

test('markdown: one table row per item, linking back to its line and column', () => {
  const md = renderMarkdown(model(), (i) => `article.md#L${i.range.start.line + 1},${i.range.start.character + 1}`);
  const row = md.split('\n').find((l) => l.includes('1200 mg/j'))!;
  assert.equal(row, `| [1:49](article.md#L1,49) | dose | 1200 mg/j (prégabaline) | 1${N}200${N}mg/j | 150–600${N}mg/j | **au-dessus** | [RCP LYRICA 25 mg, gélule (CIS 67928173), rubrique 4.2](https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=67928173) |`);
});

test('json: the model itself', () => {
  assert.deepEqual(JSON.parse(renderJson(model())), JSON.parse(JSON.stringify(model())));
});

test('html escapes everything it prints', () => {
  const text = 'La prégabaline 1200 mg/j.';
  const html = renderHtml(factCheck('<script>alert(1)</script>.md', text, analyze(text, lexicon()), lexicon()));
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;\.md/);
});

test('html is self-contained: no outside stylesheet, script or image', () => {
  const html = renderHtml(model());
  assert.doesNotMatch(html, /<link|<script|src=/);
  assert.match(html, /<style>/);
});

test('a drug named again points to its first mention instead of repeating its range and sources', () => {
  const text = 'La prégabaline agit.\nLa prégabaline encore.\n';
  const md = renderMarkdown(factCheck('a.md', text, analyze(text, lexicon()), lexicon()));
  assert.equal(md.split('\n').find((l) => l.startsWith('| 2:4'))!, '| 2:4 | médicament | prégabaline |  |  | **documenté** | voir 1:4 |');
});

test('html: each position cell carries the 0-based line and character, for an editor to link back', () => {
  const html = renderHtml(model());
  assert.match(html, /<td data-line="0" data-character="48">1:49<\/td>/);
});
