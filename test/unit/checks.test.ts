import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Lexicon } from '../../server/src/core/lexicon';
import type { CompiledIndex } from '../../server/src/core/index-types';
import { lexicon } from '../helpers';

test('a dose above the documented maximum is a warning citing the range and its source', () => {
  const a = analyze('La prégabaline 1200 mg/j est-elle raisonnable ?', lexicon());
  const f = a.findings.find((x) => x.code === 'dose-out-of-range');
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /600 mg\/j/);
  assert.match(f.message, /LYRICA/);
  assert.match(f.message, /CIS \d{8}/);
});

test('the usual dose and a tenfold dose, for every substance with a daily oral range', () => {
  const lex = lexicon();
  let checked = 0;
  for (const s of lex.index.substances) {
    const r = s.ranges.find((x) => x.per === 'day' && !x.perWeight && x.unit !== '%');
    if (!r) continue;
    const usual = analyze(`Le traitement par ${s.dci} est de ${r.max} ${r.unit}/j.`, lex);
    assert.equal(usual.findings.filter((f) => f.code.startsWith('dose')).length, 0, `${s.dci} ${r.max} ${r.unit}/j`);
    const high = analyze(`Le traitement par ${s.dci} est de ${r.max * 10} ${r.unit}/j.`, lex);
    assert.ok(high.findings.some((f) => f.code === 'dose-out-of-range' || f.code === 'dose-unit-mismatch'), `${s.dci} ×10`);
    checked++;
  }
  assert.ok(checked >= 10, `only ${checked} substances checked`);
});

test('a misspelt drug gets "vouliez-vous dire" and a quick fix', () => {
  const a = analyze('On peut prescrire la pregabalinne au coucher.', lexicon());
  const f = a.findings.find((x) => x.code === 'unknown-drug');
  assert.ok(f);
  assert.equal(f.suggestions?.[0], 'prégabaline');
  assert.match(f.message, /vouliez-vous dire prégabaline/);
  assert.equal(f.fixes?.[0].edit.newText, 'prégabaline');
});

test('drug-like unknown words: an INN stem, a ® mark; ordinary words are never flagged', () => {
  const a = analyze('Le zorblimab et le FANTOMAX® sont testés. Le patient revient demain à Paris.', lexicon());
  assert.deepEqual(a.findings.filter((f) => f.code === 'unknown-drug').map((f) => f.message.match(/« (.+?) »/)?.[1]), ['zorblimab', 'FANTOMAX']);
});

const tiny: CompiledIndex = {
  meta: { bdpmDate: '2025-11-13', builtAt: '2025-11-22', counts: {} },
  substances: [{
    dci: 'lévothyroxine', aliases: [], brands: [], cisCount: 1, cis: [], origin: 'bdpm',
    ranges: [{ substance: 'lévothyroxine', context: 'hypothyroïdie', route: 'orale', population: 'adulte', min: 25, max: 200, unit: 'µg', per: 'day', source: { type: 'rcp', title: 'TEST 100 µg', url: 'https://example.org', cis: '12345678' } }],
  }],
  brands: [], trials: [], abbreviations: [], commonWords: [], innStems: [],
};

test('a microgram drug written in mg is a unit mismatch with a fix to µg', () => {
  const a = analyze('La lévothyroxine 100 mg/j le matin.', new Lexicon(tiny));
  const f = a.findings.find((x) => x.code === 'dose-unit-mismatch');
  assert.ok(f, JSON.stringify(a.findings));
  assert.equal(f.fixes?.[0].edit.newText, 'µg');
  assert.equal(a.findings.filter((x) => x.code === 'dose-out-of-range').length, 0);
});
