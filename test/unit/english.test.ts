/**
 * English and North-American names (« dalteparin », « acetaminophen », « glyburide »): the drug, with an
 * information note of code english-name giving the French DCI, and a quick fix.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/document';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { LineIndex } from '../../server/src/core/positions';
import { lexicon } from '../helpers';

function english(text: string) {
  return analyzeDocument(text, lexicon()).findings.filter((f) => f.code === 'english-name');
}

test('an English INN is the drug, with a note giving the French DCI', () => {
  const a = analyzeDocument('Une thromboprophylaxie par dalteparin a été prescrite.', lexicon());
  assert.deepEqual(a.mentions.map((m) => m.id), ['daltéparine']);
  const f = a.findings.find((x) => x.code === 'english-name');
  assert.equal(f?.severity, 'information');
  assert.equal(f?.message, '« dalteparin » est un nom anglais ou américain : le nom français (DCI) est daltéparine.');
});

test('a US name (USAN) is the drug, with the French DCI: acetaminophen, meperidine, glyburide', () => {
  const text = 'Relais de l’acetaminophen par la meperidine ; le glyburide est arrêté.';
  assert.deepEqual(english(text).map((f) => f.suggestions?.[0]), ['paracétamol', 'pethidine', 'glibenclamide']);
  assert.deepEqual(analyzeDocument(text, lexicon()).findings.filter((f) => f.code === 'unknown-drug'), []);
});

test('the quick fix replaces the English name by the French DCI, keeping the capitals', () => {
  const [f] = english('Isotretinoin : contraception obligatoire.');
  assert.deepEqual(f.fixes?.[0], { title: 'Remplacer par « isotrétinoïne »', edit: { start: 0, end: 12, newText: 'Isotrétinoïne' } });
});

test('an English INN from the EMA export: pregabalin', () => {
  assert.deepEqual(english('La pregabalin est titrée.').map((f) => f.suggestions?.[0]), ['prégabaline']);
});

test('the French DCI and a spelling without accents raise no note', () => {
  assert.deepEqual(english('La daltéparine, la dalteparine, le paracetamol et la prégabaline.'), []);
});

test('an English name keeps its dose (the note does not take part in attaching doses)', () => {
  const a = analyzeDocument('Il reçoit acetaminophen 1 g toutes les 6 heures.', lexicon());
  assert.equal(a.doses[0]?.drug?.id, 'paracétamol');
});

test('the note can be turned off like any rule', () => {
  const text = 'Le glyburide est arrêté.';
  const a = analyzeDocument(text, lexicon());
  assert.deepEqual(toDiagnostics(a, new LineIndex(text), { 'english-name': 'off' }).filter((d) => d.code === 'english-name'), []);
  assert.equal(toDiagnostics(a, new LineIndex(text)).filter((d) => d.code === 'english-name').length, 1);
});
