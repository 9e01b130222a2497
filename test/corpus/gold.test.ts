/** The five articles against the independent hand annotation (test/fixtures/corpus/gold.json). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { foldKey } from '../../server/src/core/normalize';
import { fixture, gold, goldPosition, lexicon } from '../helpers';

const files = Object.entries(gold());
const runs = files.map(([file, g]) => {
  const source = fixture(file);
  return { file, g, source, analysis: analyze(source, lexicon()) };
});

const same = (a: string, b: string) => foldKey(a) === foldKey(b);

test('drug classes: the classes writers name are recognised (hover only), at their gold positions', () => {
  let expected = 0, found = 0, predicted = 0, correct = 0;
  const misses: string[] = [];
  for (const { file, g, source, analysis } of runs) {
    const goldClasses = g.drugs.filter((d) => d.kind === 'class');
    const mine = analysis.mentions.filter((m) => m.kind === 'class').map((m) => goldPosition(source, m.start));
    expected += goldClasses.length;
    predicted += mine.length;
    for (const d of goldClasses) {
      if (mine.some((m) => m.line === d.line && m.col === d.col)) found++;
      else misses.push(`${file}:${d.line} ${d.text}`);
    }
    correct += mine.filter((m) => goldClasses.some((d) => d.line === m.line && d.col === m.col)).length;
  }
  console.log(`classes: recall ${(found / expected).toFixed(3)} (${found}/${expected}), precision ${(correct / predicted).toFixed(3)} (${correct}/${predicted})`);
  console.log(`  missed: ${misses.join('; ')}`);
  assert.ok(found / expected >= 0.6, `class recall ${found}/${expected}`);
  assert.ok(correct / predicted >= 0.9, `class precision ${correct}/${predicted}`);
});

test('drug mentions (not classes): recall and precision ≥ 0.99 with the right DCI (issue 11)', () => {
  let expected = 0, found = 0, predicted = 0, correct = 0;
  const misses: string[] = [], wrong: string[] = [];
  for (const { file, g, source, analysis } of runs) {
    const goldDrugs = g.drugs.filter((d) => d.kind !== 'class');
    const mine = analysis.mentions.filter((m) => m.kind === 'drug').map((m) => ({ ...goldPosition(source, m.start), id: m.id, text: m.text }));
    expected += goldDrugs.length;
    predicted += mine.length;
    for (const d of goldDrugs) {
      if (mine.some((m) => m.line === d.line && m.col === d.col && same(m.id, d.drug))) found++;
      else misses.push(`${file}:${d.line} ${d.text} → ${d.drug}`);
    }
    for (const m of mine) {
      if (goldDrugs.some((d) => d.line === m.line && d.col === m.col && same(m.id, d.drug))) correct++;
      else wrong.push(`${file}:${m.line} ${m.text} → ${m.id}`);
    }
  }
  const recall = found / expected, precision = correct / predicted;
  console.log(`drugs: recall ${recall.toFixed(3)} (${found}/${expected}), precision ${precision.toFixed(3)} (${correct}/${predicted})`);
  console.log(`  missed: ${misses.join('; ')}`);
  console.log(`  extra: ${wrong.join('; ')}`);
  assert.ok(recall >= 0.99, `recall ${recall}`);
  assert.ok(precision >= 0.99, `precision ${precision}`);
});

test('trial names: every gold trial is recognised with its canonical name', () => {
  for (const { file, g, source, analysis } of runs) {
    const mine = analysis.mentions.filter((m) => m.kind === 'trial').map((m) => ({ ...goldPosition(source, m.start), id: m.id }));
    for (const t of g.trials) assert.ok(mine.some((m) => m.line === t.line && m.col === t.col && m.id === t.trial), `${file}:${t.line} ${t.text}`);
  }
});

test('doses: recall ≥ 0.9 with the right values, unit, basis and drug', () => {
  let expected = 0, found = 0;
  const misses: string[] = [];
  for (const { file, g, source, analysis } of runs) {
    const mine = analysis.doses.map((d) => ({ ...goldPosition(source, d.start), d }));
    for (const gd of g.doses) {
      expected++;
      const ok = mine.some(({ line, col, d }) => line === gd.line && col === gd.col && d.text === gd.text && d.min === gd.value_min
        && d.max === gd.value_max && d.unit === gd.unit && d.per === gd.per && !!d.drug && same(d.drug.id, gd.drug));
      if (ok) found++; else misses.push(`${file}:${gd.line} ${gd.text} (${gd.drug})`);
    }
  }
  console.log(`doses: recall ${(found / expected).toFixed(3)} (${found}/${expected}); missed: ${misses.join('; ')}`);
  assert.ok(found / expected >= 0.9);
});

test('no diagnostic on non_drugs and tricky_words', () => {
  for (const { file, g, source, analysis } of runs) {
    const lines = source.split('\n');
    for (const w of [...g.non_drugs, ...g.tricky_words]) {
      for (const lineNo of w.lines) {
        const lineStart = lines.slice(0, lineNo - 1).reduce((n, l) => n + l.length + 1, 0);
        const lineEnd = lineStart + lines[lineNo - 1].length;
        const hit = analysis.findings.find((f) => f.start < lineEnd && f.end > lineStart && source.slice(f.start, f.end).includes(w.text.split(' ')[0]));
        assert.ok(!hit, `${file}:${lineNo} « ${w.text} » flagged: ${hit?.message}`);
      }
    }
  }
});

test('no warning or error anywhere in the corpus; IDORSIA®, a company in a brand slot, gets a note saying so', () => {
  const loud = runs.flatMap(({ file, source, analysis }) => analysis.findings.filter((f) => f.severity === 'warning' || f.severity === 'error')
    .map((f) => `${file}: ${source.slice(f.start, f.end)}`));
  assert.deepEqual(loud, []);
  const sep = runs.find((r) => r.file === 'sep-traitements-2020.md')!;
  const idorsia = sep.analysis.findings.filter((f) => sep.source.slice(f.start, f.end) === 'IDORSIA');
  assert.deepEqual(idorsia.map((f) => f.severity), ['information']);
});

test('no unknown-drug on the five bundled articles (every drug they name is known)', () => {
  const raised = runs.flatMap(({ file, source, analysis }) =>
    analysis.findings.filter((f) => f.code === 'unknown-drug').map((f) => `${file}: ${source.slice(f.start, f.end)}`));
  assert.deepEqual(raised, []);
});
