/** The dataset's own rules: schema-valid, sourced, consistent. */
import { test } from 'node:test';
import { UNITS } from '../../server/src/core/dose/units';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { validateCurated } from '../../data/build/sources/curated';
import { auditMarkdown, drawRanges } from '../../data/build/audit';
import { foldKey } from '../../server/src/core/normalize';
import { lexicon, ROOT } from '../helpers';

test('curated files validate against their schemas', () => {
  assert.doesNotThrow(() => validateCurated(join(ROOT, 'data')));
});

test('every range has a source, min ≤ max, a known unit and basis, and an existing substance', () => {
  const index = lexicon().index;
  const ranges = index.substances.flatMap((s) => s.ranges);
  assert.ok(ranges.length >= 40);
  for (const r of ranges) {
    assert.ok(r.source.title && r.source.url, `${r.substance}: no source`);
    if (r.source.type === 'rcp' && r.source.cis) assert.match(r.source.cis, /^\d{8}$/);
    assert.ok(r.min <= r.max, r.substance);
    assert.ok(Object.keys(UNITS).includes(r.unit), `${r.substance}: ${r.unit}`);
    assert.ok(lexicon().substance(r.substance), r.substance);
  }
});

test('the corpus drugs with numeric doses all have a sourced range', () => {
  for (const dci of ['prégabaline', 'gabapentine', 'carbamazépine', 'oxcarbazépine', 'lamotrigine', 'amitriptyline', 'duloxétine', 'venlafaxine', 'nortriptyline', 'capsaïcine']) {
    assert.ok((lexicon().substance(dci)?.ranges.length ?? 0) > 0, dci);
  }
});

test('every brand resolves to known substances; no name resolves to two substances silently', () => {
  const lex = lexicon();
  for (const b of lex.index.brands) for (const d of b.substances) assert.ok(lex.substance(d), `${b.name} → ${d}`);
  const owner = new Map<string, string>();
  for (const s of lex.index.substances) {
    for (const n of [s.dci, ...s.aliases]) {
      const k = foldKey(n);
      const prev = owner.get(k);
      assert.ok(!prev || prev === s.dci, `« ${n} » names both ${prev} and ${s.dci}`);
      owner.set(k, s.dci);
    }
  }
});

test('brands and generics from the BDPM: LYRICA is a brand of prégabaline, PREGABALINE BIOGARAN is not a brand', () => {
  const lex = lexicon();
  assert.deepEqual(lex.brand('LYRICA')?.substances, ['prégabaline']);
  assert.equal(lex.brand('PREGABALINE BIOGARAN'), undefined);
  assert.deepEqual(lex.brand('LEVOTHYROX')?.substances, ['lévothyroxine'], 'a brand that shortens its DCI is still a brand');
  assert.equal(lex.substance('chlorhydrate de venlafaxine'), undefined, 'salts are aliases, not substances');
  assert.ok(lex.substance('venlafaxine')?.aliases.includes('chlorhydrate de venlafaxine'));
  assert.equal(lex.trial('RESET-SLE')?.nct, 'NCT06121297');
});

test('salts are named by their moiety, and a counter-ion is never the drug', () => {
  const lex = { substance: (name: string) => lexicon().index.substances.find((s) => s.dci === name || s.aliases.includes(name)) };
  assert.equal(lex.substance('tartrate de métoprolol')?.dci, 'métoprolol');
  assert.equal(lex.substance('chlorhydrate de nalbuphine')?.dci, 'nalbuphine');
  assert.equal(lex.substance('valproate de sodium')?.dci, 'acide valproïque'); // names.json: same active moiety
  assert.equal(lex.substance('oxybate de sodium')?.dci, 'oxybate de sodium');
  assert.equal(lex.substance('acétate de glatiramère')?.dci, 'acétate de glatiramère');
  assert.equal(lex.substance('fumarate de diméthyle')?.dci, 'fumarate de diméthyle');
});

test('the dataset holds ranges for at least 250 substances and 200 named trials', () => {
  const index = lexicon().index;
  assert.ok(index.substances.filter((s) => s.ranges.length > 0).length >= 250);
  assert.ok(index.trials.length >= 200);
  for (const name of ['OPERA I', 'ORATORIO', 'ASCLEPIOS II', 'EXPAND', 'OPTIMUM', 'TULIP-1', 'BLISS-76', 'EXIST-3', 'ProDERM']) {
    assert.ok(lexicon().trial(name), name);
  }
});

test('every stored NCT id is a row of a raw ClinicalTrials.gov extract, and names one trial only', () => {
  const dir = join(ROOT, 'data', 'sources', 'trials');
  const rows = new Set(readdirSync(dir).filter((f) => f.endsWith('.csv'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').match(/^"?NCT\d{8}/gm) ?? []).map((s) => s.replace('"', '')));
  const seen = new Set<string>();
  for (const t of lexicon().index.trials) {
    if (!t.nct) continue;
    assert.ok(rows.has(t.nct), `${t.name}: ${t.nct} absent des extraits`);
    assert.ok(!seen.has(t.nct), `${t.nct} porté par deux essais`);
    seen.add(t.nct);
  }
});

test('data/AUDIT.md lists 40 ranges drawn from the current data (regenerate it with npm run data:audit)', () => {
  const index = lexicon().index;
  const ranges = index.substances.flatMap((s) => s.ranges);
  const text = readFileSync(join(ROOT, 'data', 'AUDIT.md'), 'utf8');
  const seed = Number(/graine (\d+)/.exec(text)?.[1]);
  assert.equal(text, auditMarkdown(drawRanges(ranges, seed), seed, ranges.length, index.meta.bdpmDate));
  assert.equal((text.match(/^## \d+\./gm) ?? []).length, 40);
});

test('brands that start like their DCI or carry a description are brands (FERINJECT, AMBISOME liposomal, NICOTINELL)', () => {
  const lex = lexicon();
  assert.deepEqual(lex.brand('FERINJECT')?.substances, ['fer']);
  assert.deepEqual(lex.brand('AMBISOME')?.substances, ['amphotéricine b']);
  assert.ok(lex.brand('NICOTINELL TTS'));
  assert.equal(lex.brand('BECLOMETASONE/FORMOTEROL BIOGARAN'), undefined, 'a combination generic is not a brand');
});

test('one substance per drug: « TRANEXAMIQUE (ACIDE) » is acide tranexamique; a brand naming a salt and its moiety is the moiety’s', () => {
  const lex = lexicon();
  assert.equal(lex.index.substances.filter((s) => /\((acide|alcool)\)$/.test(s.dci)).length, 0);
  // SPOTOF: a generic the BDPM lists under a fancy name (CIS_GENER), a brand since steps/brands.ts isFancyName.
  assert.deepEqual(lex.substance('acide tranexamique')?.brands.sort(), ['EXACYL', 'HAIMA', 'SPOTOF']);
  assert.deepEqual(lex.brand('EXELON')?.substances, ['rivastigmine']);
  assert.deepEqual(lex.brand('SINGULAIR')?.substances, ['montélukast']);
});
