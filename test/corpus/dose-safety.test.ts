/**
 * The dose engine on the project's own sets (scripts/measure.ts prints the same scores):
 *   - the safety set (test/fixtures/dose-errors): every dangerous error flagged, every correct dose silent;
 *   - the specialty articles (test/fixtures/specialties): no alarm on a correct dose, doses read and attached.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { measureArticles, measureSafety } from '../../scripts/measure';

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
  assert.ok(a.read / a.doses >= 0.9, `${a.read}/${a.doses} read`);
  assert.ok(a.attached / a.doses >= 0.85, `${a.attached}/${a.doses} attached`);
});
