/**
 * The shortcuts of the dose stages give what the plain scans give: a sticky pattern tried at the first digit
 * of each run finds the matches of a global scan; one pattern of every route word says whether any is written;
 * a pattern anchored at the end is tried once, backwards, with the same answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { digitRunStarts, endTest, matchesAt } from '../../server/src/core/dose/scan';
import { COUNT, FORM, NUMBER, SP, WORD_END } from '../../server/src/core/dose/lexemes';
import { UNIT_PATTERN } from '../../server/src/core/dose/units';
import { routeNear } from '../../server/src/core/routes';
import { DOSE_FILTERS } from '../../server/src/core/dose/filters';
import { CORPUS, fixture } from '../helpers';

test('digitRunStarts: the first digit of each run of digits, in text order', () => {
  assert.deepEqual([...digitRunStarts('a12 b3,45 6 x')], [1, 5, 7, 10]);
});

test('digitRunStarts: none in a text without digits', () => {
  assert.deepEqual([...digitRunStarts('prégabaline')], []);
});

// A dose-like pattern of the same shape as doses.ts's: a written number, then a unit.
const AMOUNT = `(?<a>${NUMBER})${SP}*(?<unit>${UNIT_PATTERN})${WORD_END}`;
const globalMatches = (text: string) => [...text.matchAll(new RegExp(AMOUNT, 'gu'))].map((m) => [m.index, m[0]]);
const stickyMatches = (text: string) => matchesAt(text, new RegExp(AMOUNT, 'yu'), digitRunStarts(text)).map((m) => [m.index, m[0]]);

test('matchesAt: a match that starts inside a grouped number (« 3 500,5 mg » → « 500,5 mg ») is found, as a global scan finds it', () => {
  assert.deepEqual(stickyMatches('phase 3 500,5 mg'), [[8, '500,5 mg']]);
});

test('matchesAt: no match starts inside the previous one (« 1 200 mg » once, not « 200 mg » again)', () => {
  assert.deepEqual(stickyMatches('de 1 200 mg puis 5 g'), [[3, '1 200 mg'], [17, '5 g']]);
});

test('matchesAt: the same matches as a global scan over every corpus article', () => {
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md'))) {
    const text = fixture(file);
    assert.deepEqual(stickyMatches(text), globalMatches(text), file);
  }
});

test('routeNear: a route written after the dose is read through the one-pattern check', () => {
  assert.equal(routeNear('1 g IV toutes les 8 heures', 0, 3), 'intraveineuse');
});

test('routeNear: no route word near the dose gives none', () => {
  assert.equal(routeNear('prégabaline 150 mg/j le soir', 12, 20), undefined);
});

test('routeNear: two routes in one clause give none', () => {
  assert.equal(routeNear('150 mg IV ou per os', 0, 6), undefined);
});

test('routeNear: every route of the table is read through the one-pattern check', () => {
  const written: [string, string][] = [
    ['IV', 'intraveineuse'], ['SC', 'sous-cutanée'], ['IM', 'intramusculaire'], ['per os', 'orale'], ['patch', 'transdermique'],
    ['gel', 'cutanée'], ['intrathécale', 'intrathécale'], ['nasale', 'nasale'], ['sublinguale', 'sublinguale'], ['ovule', 'vaginale'],
    ['suppositoire', 'rectale'], ['inhalée', 'inhalée'], ['collyre', 'ophtalmique'], ['infiltration', 'intra-articulaire'],
    ['péridurale', 'péridurale'], ['buccale', 'buccale'],
  ];
  for (const [word, route] of written) assert.equal(routeNear(`10 mg ${word} le soir`, 0, 5), route, word);
});

test('endTest: a pattern anchored at the end answers as its forward test', () => {
  const counted = new RegExp(`(?:^|[^\\d.,])(?<n>${COUNT})${SP}+(?<form>${FORM})${SP}+(?:à|de)${SP}*$`, 'diu');
  assert.deepEqual(['on prescrit 2 comprimés de ', '2 comprimés de', 'des comprimés de ', '2 comprimés de 5'].map(endTest(counted)), [true, true, false, false]);
});

test('endTest: each alternative anchored at the end is tried (« que la », « versus »)', () => {
  const compared = /que\s+(?:la\s+)?$|versus\s+$/i;
  assert.deepEqual(['plus que la ', 'Versus ', 'que la dose', 'versus'].map(endTest(compared)), [true, true, false, false]);
});

test('endTest: the same answer as the forward test at every offset of a corpus article', () => {
  const patterns = [new RegExp(`(?:${FORM})${SP}+(?:de|à)${SP}*$|que\\s+$`, 'iu'), new RegExp(`\\d${SP}*(?:[a-zµμ]{1,3}${SP}*)?/${SP}*$`, 'iu')];
  const text = fixture(readdirSync(CORPUS).filter((f) => f.endsWith('.md'))[0]);
  for (const pattern of patterns) {
    const backwards = endTest(pattern);
    for (let i = 0; i <= text.length; i++) {
      const lead = text.slice(Math.max(0, i - 40), i);
      assert.equal(backwards(lead), pattern.test(lead), `/${pattern.source}/ on « ${lead} »`);
    }
  }
});

test('filterDose: each « before » row tried backwards answers as its forward test before every digit of the corpus', () => {
  const before = DOSE_FILTERS.filter((f) => f.side === 'before');
  assert.ok(before.some((f) => f.name === 'présentation (forme sans nombre)'));
  const crafted = ['Il existe des comprimés de ', 'Nav1.', 'un flacon de ', 'Entresto 24/', 'haut débit ', 'protéinurie > '];
  let said = 0;
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.md')).slice(0, 20)) {
    const text = fixture(file);
    const leads = [...crafted, ...[...digitRunStarts(text)].map((i) => text.slice(Math.max(0, i - 50), i))];
    for (const f of before) {
      const backwards = endTest(f.pattern);
      for (const lead of leads) {
        const window = lead.slice(Math.max(0, lead.length - f.window));
        assert.equal(backwards(window), f.pattern.test(window), `${f.name} on « ${window} »`);
        if (f.pattern.test(window)) said++;
      }
    }
  }
  assert.ok(said > 20, 'some rows say no dose');
});

test('endTest: a pattern with an alternative not anchored at the end is refused', () => {
  assert.throws(() => endTest(/de$|versus/));
});

test('endTest: an escaped dollar is no end anchor', () => {
  assert.throws(() => endTest(/prix en \$/));
});
