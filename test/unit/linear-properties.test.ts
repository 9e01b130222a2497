/**
 * Property: adversarial shapes (long words, long lines, long lists, repeated punctuation, deep nesting), at
 * growing sizes up to 256 KB, are analysed in a time per KB within a fixed multiple of a normal article's
 * (« La prégabaline 150 à 600 mg/j… »). Digit runs and dose-dense text have their own, tighter bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analysisRatio, timeRatio } from '../support/timing';
import { analyze } from '../../server/src/core/analyze';
import { lexicon } from '../helpers';

/**
 * Time per KB may be this many times a normal article's. Measured: ≤ 6 on most shapes; 20–95 on a list of
 * one-letter items (« - a », 256 items per KB: markdown-it's cost per block, linear); a quadratic stage
 * (100,000 « ]( » before this branch) was over 300.
 */
const FACTOR = 150;
/** Under this, a run is too short to measure on a loaded machine. */
const FLOOR_MS = 40;
const SIZES_KB = [16, 64, 256];

const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzéèàïç'), minLength: 1, maxLength: 12 });
const punctuation = fc.string({ unit: fc.constantFrom(...'[]()<>`*_!\\"\'-#|&;:~=.,!?/'), minLength: 1, maxLength: 6 });

/** A unit repeated to the size: the shape of a hostile document. */
const shapes = fc.oneof(
  letters.map((w) => ({ name: 'long word', unit: w })),
  fc.array(letters, { minLength: 1, maxLength: 6 }).map((ws) => ({ name: 'long line', unit: `${ws.join(' ')} ` })),
  letters.map((w) => ({ name: 'long list', unit: `- ${w}\n` })),
  punctuation.map((p) => ({ name: 'punctuation', unit: p })),
  fc.constantFrom('> ', '- ', '1. ', '  ', '[', '(', '<div>', '**', '|').map((n) => ({ name: 'nesting', unit: n })),
  fc.tuple(letters, punctuation).map(([w, p]) => ({ name: 'mixed', unit: w + p })),
);

function fill(unit: string, kb: number): string {
  return unit.repeat(Math.ceil((kb * 1024) / unit.length)).slice(0, kb * 1024);
}

test('adversarial shapes at 16, 64 and 256 KB: time per KB within 150× a normal article’s', () => {
  fc.assert(fc.property(shapes, fc.constantFrom(...SIZES_KB), ({ name, unit }, kb) => {
    const { ratio, ms } = analysisRatio(fill(unit, kb), FACTOR);
    assert.ok(ms < FLOOR_MS || ratio < FACTOR, `${name} ${JSON.stringify(unit.slice(0, 20))} × ${kb} KB: ${ms.toFixed(0)} ms, ${ratio.toFixed(1)}× a normal article per KB`);
  }), { numRuns: Number(process.env.MEDLINT_LINEAR_RUNS ?? 16), seed: process.env.MEDLINT_SEED ? Number(process.env.MEDLINT_SEED) : undefined });
});

/**
 * Dose-dense text (every few characters a number or a dose) may take this many times a normal article's time
 * per KB. Measured on this 2-core VM under load: « - 10 mg » lines 10–36× before the list was parsed in pieces,
 * 5–10× since; then 20–35× once ordinary prose became twice as fast (December 2026) while each dose still costs
 * its judgement (≈ 10 µs: 32,000 doses in 256 KB); « prégabaline 150 mg » and « 10 mg, » alike; digit runs
 * 0.2–4×. A quadratic stage is caught by the next test, whatever the baseline.
 */
const DOSE_FACTOR = 60;
const DOSE_UNITS = ['1', '12,5', '1 ', '- 10 mg\n', 'prégabaline 150 mg ', '10 mg, '];

test('digit runs and lists of doses at 256 KB: time per KB within 60× a normal article’s', () => {
  for (const unit of DOSE_UNITS) {
    const text = unit.repeat(Math.ceil(262144 / unit.length));
    const { ratio, ms } = analysisRatio(text, DOSE_FACTOR);
    assert.ok(ratio < DOSE_FACTOR, `${JSON.stringify(unit)} × 256 KB: ${ms.toFixed(0)} ms, ${ratio.toFixed(1)}× a normal article per KB`);
  }
});

/** Linear: 256 KB of a dose-dense unit costs at most this many times 64 KB of it per KB (quadratic: 4×). */
const GROWTH = 2.5;

test('lists of doses grow linearly: per KB, 256 KB within 2.5× of 64 KB of the same text', () => {
  const lex = lexicon();
  for (const unit of ['- 10 mg\n', 'prégabaline 150 mg ', '10 mg, ']) {
    const text = (kb: number) => unit.repeat(Math.ceil((kb * 1024) / unit.length));
    const small = text(64), large = text(256);
    const growth = timeRatio(() => analyze(large, lex), () => analyze(small, lex), GROWTH * 4) / 4;
    assert.ok(growth < GROWTH, `${JSON.stringify(unit)}: 256 KB costs ${growth.toFixed(2)}× 64 KB per KB`);
  }
});
