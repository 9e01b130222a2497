/** The dataset's own rules: schema-valid, sourced, consistent. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { validateCurated } from '../../data/build/validate';
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
    assert.ok(['mg', 'µg', 'g', 'UI', '%', 'mL'].includes(r.unit));
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
  assert.deepEqual(lex.brands.get('lyrica')?.substances, ['prégabaline']);
  assert.equal(lex.brands.get('pregabaline biogaran'), undefined);
  assert.equal(lex.substance('chlorhydrate de venlafaxine'), undefined, 'salts are aliases, not substances');
  assert.ok(lex.substance('venlafaxine')?.aliases.includes('chlorhydrate de venlafaxine'));
  assert.equal(lex.trial('RESET-SLE')?.nct, 'NCT06121297');
});
