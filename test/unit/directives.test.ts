/** core/directives.ts: HTML-comment directives (markdownlint's shape) and accepted words applied to findings. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyDirectives } from '../../server/src/core/directives';
import type { Finding } from '../../server/src/core/checks';
import type { RuleCode } from '../../server/src/core/rules/registry';

/** One finding per occurrence of each « word » of the text, with the given code. */
function findingsOf(text: string, words: Record<string, RuleCode>): Finding[] {
  const out: Finding[] = [];
  for (const [word, code] of Object.entries(words)) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      out.push({ code, start: i, end: i + word.length, severity: 'warning', message: word });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
const kept = (text: string, words: Record<string, RuleCode>, accepted: string[] = []) =>
  applyDirectives(text, findingsOf(text, words), accepted).map((f) => `${text.slice(0, f.start).split('\n').length}:${f.message}`);

const W = { zorblimab: 'unknown-drug', '1200 mg/j': 'dose-above-max' } as const;

test('without directives every finding is kept', () => {
  assert.deepEqual(kept('zorblimab 1200 mg/j\n', W), ['1:zorblimab', '1:1200 mg/j']);
});

test('disable-next-line without rules drops every finding of the next line only', () => {
  const text = '<!-- medlint-disable-next-line -->\nzorblimab 1200 mg/j\nzorblimab\n';
  assert.deepEqual(kept(text, W), ['3:zorblimab']);
});

test('disable-next-line with a rule drops only that rule’s findings', () => {
  const text = '<!-- medlint-disable-next-line dose-above-max -->\nzorblimab 1200 mg/j\n';
  assert.deepEqual(kept(text, W), ['2:zorblimab']);
});

test('disable … enable drops the findings in between', () => {
  const text = 'zorblimab\n<!-- medlint-disable -->\nzorblimab 1200 mg/j\n<!-- medlint-enable -->\nzorblimab\n';
  assert.deepEqual(kept(text, W), ['1:zorblimab', '5:zorblimab']);
});

test('disable of one rule, enable of all: only that rule is silenced in between', () => {
  const text = '<!-- medlint-disable unknown-drug -->\nzorblimab 1200 mg/j\n<!-- medlint-enable -->\nzorblimab\n';
  assert.deepEqual(kept(text, W), ['2:1200 mg/j', '4:zorblimab']);
});

test('disable of all, enable of one rule: that rule comes back', () => {
  const text = '<!-- medlint-disable -->\n<!-- medlint-enable dose-above-max -->\nzorblimab 1200 mg/j\n';
  assert.deepEqual(kept(text, W), ['3:1200 mg/j']);
});

test('the deprecated dose-out-of-range names both dose rules in a directive', () => {
  const text = '<!-- medlint-disable-next-line dose-out-of-range -->\nzorblimab 1200 mg/j\n';
  assert.deepEqual(kept(text, W), ['2:zorblimab']);
});

test('disable-file drops everything, wherever it is written', () => {
  assert.deepEqual(kept('zorblimab 1200 mg/j\n<!-- medlint-disable-file -->\n', W), []);
});

test('ignore accepts words in this file (accent- and case-insensitive), for the name rules only', () => {
  const text = '<!-- medlint-ignore Zorblimab fantomax -->\nzorblimab FANTÔMAX 1200 mg/j\n';
  assert.deepEqual(kept(text, { ...W, FANTÔMAX: 'unknown-drug' }), ['2:1200 mg/j']);
});

test('the project’s words are accepted like ignored ones', () => {
  assert.deepEqual(kept('zorblimab 1200 mg/j\n', W, ['zorblimab']), ['1:1200 mg/j']);
});

test('a directive takes effect over CRLF lines too', () => {
  const text = '<!-- medlint-disable-next-line -->\r\nzorblimab\r\nzorblimab\r\n';
  assert.deepEqual(applyDirectives(text, findingsOf(text, W)).map((f) => f.start), [text.lastIndexOf('zorblimab')]);
});

test('an unknown directive or rule name silences nothing', () => {
  const text = '<!-- medlint-disable-next-line no-such-rule -->\nzorblimab\n<!-- medlint-whatever -->\nzorblimab\n';
  assert.deepEqual(kept(text, W), ['2:zorblimab', '4:zorblimab']);
});

test('unclosed directive comments stay linear (a hostile file)', () => {
  const text = '<!-- medlint-disable '.repeat(20_000) + 'x'.repeat(100_000);
  const t = performance.now();
  assert.deepEqual(applyDirectives(text, findingsOf(text, W)), []);
  assert.ok(performance.now() - t < 1000, `${performance.now() - t} ms`);
});
