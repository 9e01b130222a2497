/**
 * Linear on every input: a hostile Markdown file (« pregabalinnepregabalinne… » 17,000 letters, 100,000
 * « ]( », 200,000 digits) must not stall the single-threaded server. Bounds are generous (a loaded VM):
 * today's quadratic and cubic stages miss them by a factor of 10 or more.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Speller } from '../../server/src/core/suggest';
import { extractProse } from '../../server/src/core/prose';
import { lexicon } from '../helpers';
import { analysisRatio, fastest, normalText, timedInChild, timeRatio } from '../support/timing';

test('the speller gives a 12,000-letter word no suggestion, in under 150 ms', () => {
  const speller = new Speller(lexicon());
  let result: unknown;
  const ms = fastest(() => { result = speller.suggest('p'.repeat(12_000)); }, 3);
  assert.deepEqual(result, []);
  assert.ok(ms < 150, `${ms.toFixed(0)} ms`);
});

/** Scanning `source` takes at most this many times as long as a normal article of its size. */
const PROSE_FACTOR = 20;

test('100,000 « ]( » stay prose, scanned within 20× the time of a normal article of that size', () => {
  const source = ']('.repeat(100_000);
  assert.equal(extractProse(source).text, source);
  const ratio = timeRatio(() => extractProse(source), () => extractProse(normalText(source.length)), PROSE_FACTOR);
  assert.ok(ratio < PROSE_FACTOR, `${ratio.toFixed(1)}×`);
});

test('20,000 unclosed comments « x<!-- » stay prose, scanned within 20× the time of a normal article', () => {
  const source = `${'x<!--'.repeat(20_000)} z`;
  assert.equal(extractProse(source).text, source);
  const ratio = timeRatio(() => extractProse(source), () => extractProse(normalText(source.length)), PROSE_FACTOR);
  assert.ok(ratio < PROSE_FACTOR, `${ratio.toFixed(1)}×`);
});

test('a link destination past 32 nested parentheses is not a link (markdown-it’s limit)', () => {
  const deep = `[x](${'('.repeat(33)}y${')'.repeat(33)})`;
  assert.equal(extractProse(deep).text, deep);
  const shallow = `[x](${'('.repeat(3)}y${')'.repeat(3)})`;
  assert.equal(extractProse(shallow).text.trim(), '[x]');
});

// The number regex (doses.ts) once took about a minute on this input: it runs in a child process killed after 5 s.
test('200,000 digits: the dose grammar reads them in under 1 s', () => {
  const ms = timedInChild(`
    const { findDoses } = (await import(ROOT + '/server/src/core/doses.ts')).default;
    const t = performance.now(); findDoses('1'.repeat(200000)); elapsed = performance.now() - t;`, 5000);
  assert.ok(ms < 1000, `${ms} ms`);
});

/**
 * A list of doses may take this many times a normal article's time per KB. Measured on this 2-core VM under
 * load: 5–36× before the list was parsed in pieces (markdown-it's 160,000 tokens alive to the end of one
 * parse, their garbage collection); 1–10× since.
 */
const DOSE_LIST_FACTOR = 20;

test('a 256 KB list of « - 10 mg » lines: time per KB within 20× a normal article’s', () => {
  const text = `- prégabaline 10 mg\n${'- 10 mg\n'.repeat(32768)}`;
  const { ratio, ms } = analysisRatio(text, DOSE_LIST_FACTOR);
  assert.ok(ratio < DOSE_LIST_FACTOR, `${ms.toFixed(0)} ms, ${ratio.toFixed(1)}× a normal article per KB`);
});
