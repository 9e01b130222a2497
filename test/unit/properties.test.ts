/**
 * Properties of the analysis over random Unicode and random Markdown made of medical fragments
 * (« La prégabaline à 1200 mg/j », « pregabalinne », tables, links, code, lists…): it never throws, every
 * range is inside the text, it is deterministic, NFD reads like NFC and CRLF like LF. A few thousand cases
 * in `npm test`; `npm run fuzz` runs 100,000 per property (MEDLINT_FUZZ_RUNS), MEDLINT_SEED replays one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { LineIndex } from '../../server/src/core/positions';
import { lexicon } from '../helpers';

const RUNS = Number(process.env.MEDLINT_FUZZ_RUNS ?? 600);
const options = { numRuns: RUNS, seed: process.env.MEDLINT_SEED ? Number(process.env.MEDLINT_SEED) : undefined };

const FRAGMENTS = [
  'La prégabaline à 1200 mg/j.', 'la prégabaline 75 à 900 mg/j', 'pregabalinne', 'LYRICA® 75 mg deux fois par jour', 'la gabapentine 300 à 3600 mg/j',
  'sumatriptan 6 mg en sous-cutané', 'Le zorbliximab', 'métoprolol', 'l’amitriptyline 25 mg le soir', 'IRSNa', 'RESET-SLE',
  '# Titre', '- ', '1. ', '> ', '```', '    ', '| a | b |', '|---|---|', '[lien](https://ex.org/a)', '`code`', '<!-- x -->',
  '<div>', '](', '\\', '*', '_', ' ', '1\u202F200\u00A0mg', 'µg', '%', '/j', 'Naïve cœur Æ', 'e\u0301', '🙂', '\u0000', '\uFEFF',
];
const fragment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }).map(String) },
);
/** A Markdown document with LF line breaks. */
const markdown = fc.array(fc.array(fragment, { maxLength: 8 }).map((f) => f.join(' ')), { maxLength: 12 }).map((l) => l.join('\n').replace(/\r/g, ''));

const lex = () => lexicon();

/** The findings as a reader sees them: rule, severity, message, and where (line, character). */
function seen(source: string, a: Analysis, normalise = (s: string) => s) {
  const lines = new LineIndex(source);
  return a.findings.map((f) => ({
    code: f.code, severity: f.severity, message: normalise(f.message), text: normalise(source.slice(f.start, f.end)),
    line: lines.position(f.start).line,
  }));
}

test('random Unicode never makes the analysis throw', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => { analyze(s, lex()); }), options);
});

test('random Markdown: every range of every finding, mention, dose and fix is inside the text', () => {
  fc.assert(fc.property(markdown, (s) => {
    const a = analyze(s, lex());
    const spans = [...a.findings, ...a.mentions, ...a.doses, ...a.findings.flatMap((f) => (f.fixes ?? []).map((x) => x.edit))];
    for (const r of spans) assert.ok(r.start >= 0 && r.start <= r.end && r.end <= s.length, `${r.start}–${r.end} in ${s.length}`);
    assert.equal(a.prose.text.length, s.length);
  }), options);
});

test('random Markdown: the analysis is deterministic', () => {
  fc.assert(fc.property(markdown, (s) => {
    assert.deepEqual(seen(s, analyze(s, lex())), seen(s, analyze(s, lex())));
  }), options);
});

test('random Markdown: NFD reads like NFC', () => {
  fc.assert(fc.property(markdown, (s) => {
    const nfc = s.normalize('NFC'), nfd = s.normalize('NFD');
    const n = (t: string) => t.normalize('NFC');
    assert.deepEqual(seen(nfd, analyze(nfd, lex()), n), seen(nfc, analyze(nfc, lex()), n));
  }), options);
});

test('random Markdown: CRLF reads like LF', () => {
  fc.assert(fc.property(markdown, (s) => {
    const crlf = s.replace(/\n/g, '\r\n');
    assert.deepEqual(seen(crlf, analyze(crlf, lex())), seen(s, analyze(s, lex())));
  }), options);
});
