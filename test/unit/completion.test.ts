/**
 * Completion from the index's completion table (built by the data build): one item per trial, the drugs the
 * document already cites first, the card given only when an item is resolved. « La p » → « prégabaline »…
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/core/document';
import { completionsAt, resolveCompletion } from '../../server/src/features/completion';
import { substanceCard, trialCard } from '../../server/src/features/cards';
import { lexicon } from '../helpers';

const complete = (text: string) => completionsAt(text, text.length, lexicon(), () => true, analyzeDocument(text, lexicon()));

test('one item per trial: « OPERA » gives OPERA I and OPERA II once each, not once per alias', () => {
  const labels = complete('Les essais OPERA').map((c) => c.label);
  assert.deepEqual(labels.filter((l) => /^OPERA/.test(l)), ['OPERA I', 'OPERA II']);
});

test('a trial is found by its alias, and offered under its name', () => {
  assert.deepEqual(complete('Les essais OPERA-2').map((c) => c.label), ['OPERA II']);
});

test('the drugs the document already cites come first', () => {
  const before = complete('La p').map((c) => c.label);
  assert.notEqual(before[0], 'paroxétine', 'not first without the citation');
  assert.equal(complete('La paroxétine 20 mg/j.\n\nLa p')[0].label, 'paroxétine');
  assert.equal(complete('Dans OPERA II, …\n\nOPERA')[0].label, 'OPERA II', 'a cited trial too');
});

test('without citations, a DCI before its aliases, the most used first (« p » → paracétamol)', () => {
  const items = complete('La pregab');
  assert.deepEqual(items.map((c) => [c.label, c.kind, c.detail, c.start, c.end]), [['prégabaline', 'drug', 'DCI', 3, 9], ['pregabalin', 'drug', '→ prégabaline', 3, 9]]);
  assert.equal(complete('La p')[0].label, 'paracétamol');
  assert.deepEqual(complete('La lyr').map((c) => [c.label, c.kind, c.detail]), [['LYRICA', 'brand', 'marque — prégabaline']]);
});

test('resolving an item gives its card: a substance, a trial', () => {
  const lex = lexicon();
  const [drug] = complete('La prégab');
  assert.equal(resolveCompletion(drug.data, lex), substanceCard(lex.substance('prégabaline')!, lex));
  const [trial] = complete('Les essais OPERA-2');
  assert.equal(resolveCompletion(trial.data, lex), trialCard(lex.trial('OPERA II')!));
  assert.equal(resolveCompletion(-1, lex), undefined, 'an unknown item: no card');
});

test('a brand found by a spelling of it (« coren » for CO-RENITEC) is offered once, under its name', () => {
  assert.deepEqual(complete('Le coren').map((c) => c.label), ['CO-RENITEC']);
  assert.deepEqual(complete('Le co-ren').map((c) => c.label), ['CO-RENITEC']);
});
