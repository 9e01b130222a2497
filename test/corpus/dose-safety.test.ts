/**
 * The dose engine on the project's own sets (scripts/measure.ts prints the same scores):
 *   - the safety set (test/fixtures/dose-errors): every dangerous error flagged, every correct dose silent;
 *   - the specialty articles (test/fixtures/specialties): no alarm on a correct dose, doses read and attached.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureArticles, measureSafety, wholeOccurrence } from '../../scripts/measure';

test('safety set: no warning or error on any correct dose', () => {
  const s = measureSafety();
  assert.ok(s.correct >= 130, `${s.correct} correct doses`);
  assert.deepEqual(s.falseAlarms, []);
});

test('safety set: the dangerous errors are flagged (warning or error)', () => {
  const s = measureSafety();
  assert.ok(s.errors >= 150, `${s.errors} errors`);
  assert.deepEqual(s.misses, []);
});

test('specialty articles: no dose alarm on a correct dose; doses read and attached to their drug', () => {
  const a = measureArticles();
  assert.deepEqual(a.alarms.filter((x) => / dose-/.test(x)), []);
  assert.ok(a.doses >= 240, `${a.doses} gold doses`);
  // Measured 238/246 read, 230/246 attached (13 articles, December 2026).
  assert.ok(a.read / a.doses >= 0.95, `${a.read}/${a.doses} read`);
  assert.ok(a.attached / a.doses >= 0.92, `${a.attached}/${a.doses} attached`);
});

test('a gold dose is found where it is written: its k-th whole occurrence on its line', () => {
  assert.equal(wholeOccurrence('15 mg deux fois par jour, 5 mg deux fois par jour', '5 mg deux fois par jour', 0), 26);
  assert.equal(wholeOccurrence('500 mg matin et soir, puis 500 mg matin et soir', '500 mg matin et soir', 1), 27);
  assert.equal(wholeOccurrence('1,5 mg', '5 mg', 0), -1);
});
