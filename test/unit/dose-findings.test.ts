/**
 * The findings of the dose rules (server/src/core/rules/dose.ts), word for word, on a tiny lexicon: each test pins
 * one part of a message, severity or fix that a mutant of the rules changed unnoticed (`npm run mutation`).
 * Example: « La prégabaline 6 300 mg/j. » → « … > max 600 mg/j (10,5 fois le maximum) — test ; RCP …, rubrique 4.2. »
 * Ranges here are test data (source « TEST »), not the shipped data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { describeRange, describeSource } from '../../server/src/core/rules/dose';
import { range, tinyLexicon } from '../support/tiny-lexicon';

const lex = tinyLexicon({
  substances: [
    { dci: 'prégabaline', ranges: ['150-600 mg/day orale'] },
    { dci: 'méthotrexate', ranges: [['7.5-25 mg/week orale', { context: 'polyarthrite rhumatoïde' }]] },
    { dci: 'érénumab', ranges: ['70-140 mg/month sous-cutanée'] },
    { dci: 'adalimumab', ranges: [['40-80 mg/injection sous-cutanée', { interval: 'toutes les 2 semaines' }]] },
    { dci: 'lévothyroxine', ranges: ['25-200 µg/day orale'] },
    { dci: 'énoxaparine', ranges: [['100-100 UI/injection sous-cutanée', { perWeight: 'kg', interval: 'toutes les 12 heures' }]] },
    { dci: 'zorbitinib', strengths: [{ form: 'comprimé', amount: 240, unit: 'mg', per: 'unit' }] },
    { dci: 'fentanyl', strengths: [{ route: 'transdermique', form: 'patch', amount: 100, unit: 'µg', per: 'hour' }] },
    { dci: 'vincristine', ranges: [['1.4-1.4 mg/injection intraveineuse', { perWeight: 'm2' }]] },
    { dci: 'metformine', ranges: ['200-400 mg/intake orale', '150-2000 mg/day orale'] },
    // Routes: an oral and another route, to see which set of ranges decides when no route is written.
    { dci: 'budésonide', ranges: ['10-40 mg/day orale', '0.2-0.8 mg/day inhalée'] },
    { dci: 'zolédronate', ranges: ['1000-2000 UI/day orale', '10-20 mg/injection intraveineuse'] },
    { dci: 'kétamine', ranges: ['10-100 mg/day orale', '200-600 mg/injection intraveineuse'] },
    { dci: 'alendronate', ranges: ['7.5-25 mg/week orale', '1-2 mg/injection intraveineuse'] },
  ],
});
const combo = tinyLexicon({
  substances: [
    { dci: 'sulfaméthoxazole', ranges: ['1600-2400 mg/day orale'] }, { dci: 'triméthoprime', ranges: ['320-480 mg/day orale'] },
    { dci: 'méthotrexate', ranges: ['7.5-25 mg/week orale'] },
  ],
  combinations: [
    { name: 'BACTRIM', substances: ['triméthoprime', 'sulfaméthoxazole'] },
    { name: 'TRIPLIX', substances: ['triméthoprime', 'sulfaméthoxazole', 'méthotrexate'] },
    { name: 'FANTOMIX', substances: ['triméthoprime', 'inconnuvir'] },
  ],
});
const SOURCE = 'RCP TEST 10 mg, comprimé, CIS 12345678, rubrique 4.2';
/** The one finding of a text: code, severity, the text it covers, message. */
const only = (text: string, lexicon = lex) => {
  const found = analyze(text, lexicon).findings;
  assert.equal(found.length, 1, JSON.stringify(found));
  const f = found[0];
  return { code: f.code, severity: f.severity, on: text.slice(f.start, f.end), message: f.message, suggestions: f.suggestions, fixes: f.fixes };
};

test('above the maximum: the dose, the maximum with its basis, the range’s context and its source', () => {
  assert.deepEqual(only('La prégabaline 1200 mg/j.'), {
    code: 'dose-above-max', severity: 'warning', on: '1200 mg/j', suggestions: undefined, fixes: undefined,
    message: `prégabaline : 1200 mg/j > max 600 mg/j — test ; ${SOURCE}.`,
  });
});

test('ten times the maximum and more is an error that says how many times, to one decimal', () => {
  const f = only('La prégabaline 6 300 mg/j.');
  assert.deepEqual([f.severity, f.message], ['error', `prégabaline : 6 300 mg/j > max 600 mg/j (10,5 fois le maximum) — test ; ${SOURCE}.`]);
});

test('a hundred times the maximum and more is counted in whole times', () => {
  assert.equal(only('La prégabaline 61 000 mg/j.').message, `prégabaline : 61 000 mg/j > max 600 mg/j (102 fois le maximum) — test ; ${SOURCE}.`);
});

test('a regimen above the daily maximum shows its daily reading', () => {
  assert.equal(only('La prégabaline 400 mg trois fois par jour.').message, `prégabaline : 400 mg trois fois par jour = 1 200 mg/j > max 600 mg/j — test ; ${SOURCE}.`);
});

test('a plain dose above a per-kg maximum even for the heaviest adult says so', () => {
  assert.deepEqual(Object.values(only('L’énoxaparine 30 000 UI en sous-cutané.')).slice(0, 4), ['dose-above-max', 'warning', '30 000 UI',
    `énoxaparine : 30 000 UI > max 100 UI/kg par injection toutes les 12 heures même pour un adulte de 150 kg (2,6 m²) — test ; ${SOURCE}.`]);
});

test('a per-kg dose above a per-kg maximum is compared as written, with no adult envelope', () => {
  assert.equal(only('L’énoxaparine 400 UI/kg toutes les 12 heures en sous-cutané.').message,
    `énoxaparine : 400 UI/kg toutes les 12 heures > max 100 UI/kg par injection toutes les 12 heures — test ; ${SOURCE}.`);
});

test('below the minimum: a hint with the minimum; ten times below a warning that says how many times', () => {
  assert.deepEqual(only('La prégabaline 75 mg/j.'), {
    code: 'dose-below-min', severity: 'hint', on: '75 mg/j', suggestions: undefined, fixes: undefined,
    message: `prégabaline : 75 mg/j < min 150 mg/j — test ; ${SOURCE}.`,
  });
  assert.deepEqual(Object.values(only('La prégabaline 10 mg/j.')).slice(0, 2), ['dose-below-min', 'warning']);
  assert.equal(only('La prégabaline 10 mg/j.').message, `prégabaline : 10 mg/j < min 150 mg/j (15 fois moins) — test ; ${SOURCE}.`);
});

test('a starting dose is compared with the minimum when the drug has a documented starting range', () => {
  const withStart = tinyLexicon({ substances: [{ dci: 'prégabaline', ranges: [['150-150 mg/day orale', { phase: 'initiation' }], '300-600 mg/day orale'] }] });
  const found = analyze('On peut débuter la prégabaline à 50 mg/j.', withStart).findings;
  assert.deepEqual(found.map((f) => [f.code, f.severity]), [['dose-below-min', 'hint']]);
});

test('a weekly drug written per day: the weekly total, the weekly rhythm, its maximum and a « par semaine » fix', () => {
  const text = 'Le méthotrexate est donné à 15 mg/j.';
  assert.deepEqual(only(text), {
    code: 'dose-rhythm', severity: 'error', on: '15 mg/j', suggestions: ['par semaine'],
    message: `méthotrexate : 15 mg/j, soit 105 mg/sem ; se donne une fois par semaine (max 25 mg/sem) — polyarthrite rhumatoïde ; ${SOURCE}.`,
    fixes: [{ title: 'Remplacer « /j » par « par semaine »', edit: { start: text.indexOf('/j'), end: text.indexOf('/j') + 2, newText: 'par semaine' } }],
  });
});

test('a monthly drug written per day: the monthly total and a « par mois » fix', () => {
  const text = 'L’érénumab 70 mg/j en sous-cutané.';
  assert.deepEqual(only(text), {
    code: 'dose-rhythm', severity: 'error', on: '70 mg/j', suggestions: ['par mois'],
    message: `érénumab : 70 mg/j, soit 2 100 mg/mois ; se donne une fois par mois (max 140 mg/mois) — test ; ${SOURCE}.`,
    fixes: [{ title: 'Remplacer « /j » par « par mois »', edit: { start: text.indexOf('/j'), end: text.indexOf('/j') + 2, newText: 'par mois' } }],
  });
});

test('an injection every two weeks written per day: the total per interval and the documented interval, no fix', () => {
  assert.deepEqual(only('L’adalimumab 40 mg par jour en sous-cutané.'), {
    code: 'dose-rhythm', severity: 'error', on: '40 mg par jour', suggestions: [], fixes: [],
    message: `adalimumab : 40 mg par jour, soit 560 mg par intervalle ; se donne toutes les 2 semaines (max 80 mg par injection) — test ; ${SOURCE}.`,
  });
});

test('mg for µg: the finding covers the unit, says where the dose would fit, and replaces the unit', () => {
  const text = 'La lévothyroxine 100 mg/j.';
  assert.deepEqual(only(text), {
    code: 'dose-unit-mismatch', severity: 'warning', on: 'mg', suggestions: ['µg'],
    message: `lévothyroxine : 100 mg/j — unité probablement erronée : en µg, la dose serait dans la fourchette (25 à 200 µg) — test ; ${SOURCE}.`,
    fixes: [{ title: 'Remplacer « mg » par « µg »', edit: { start: text.indexOf('mg'), end: text.indexOf('mg') + 2, newText: 'µg' } }],
  });
});

test('a unit slip on a bare number whose unit is its column’s: the whole number, the column’s unit, no fix', () => {
  assert.deepEqual(only('| Molécule | mg/j |\n|---|---|\n| lévothyroxine | 100 |\n'), {
    code: 'dose-unit-mismatch', severity: 'warning', on: '100', suggestions: ['µg'], fixes: undefined,
    message: `lévothyroxine : 100 (mg/j) — unité probablement erronée : en µg, la dose serait dans la fourchette (25 à 200 µg) — test ; ${SOURCE}.`,
  });
});

test('implausible per day: the strongest tablet, its spécialité, and how many tablets the dose is', () => {
  assert.deepEqual(only('Le zorbitinib 3 000 mg/j.'), {
    code: 'dose-implausible', severity: 'warning', on: '3 000 mg/j', suggestions: undefined, fixes: undefined,
    message: 'zorbitinib : 3 000 mg/j — aucune présentation commercialisée ne dépasse 240 mg par comprimé (TEST 240 mg, CIS 12345678) : 3 000 mg/j = 12,5 comprimés.',
  });
});

test('implausible per intake: no basis after the amount, the count to one decimal', () => {
  assert.equal(only('Le zorbitinib 2 000 mg.').message, 'zorbitinib : 2 000 mg — aucune présentation commercialisée ne dépasse 240 mg par comprimé (TEST 240 mg, CIS 12345678) : 2 000 mg = 8,3 comprimés.');
});

test('implausible patch: the strongest rate per hour, counted in patches', () => {
  assert.equal(only('Le fentanyl en patch de 1 000 µg/h.').message, 'fentanyl : 1 000 µg/h — aucune présentation commercialisée ne dépasse 100 µg/h par patch (TEST 100 µg, CIS 12345678) : 1 000 µg/h = 10 patchs.');
});

test('not comparable: a hint with its reason', () => {
  assert.deepEqual(only('Le zorbitinib 2 000 mg/h.'), {
    code: 'dose-not-comparable', severity: 'hint', on: '2 000 mg/h', suggestions: undefined, fixes: undefined,
    message: 'zorbitinib : 2 000 mg/h — non comparable : aucune posologie documentée.',
  });
});

test('a range described: amount and basis, per kg or m², a cap, its interval, its context', () => {
  assert.equal(describeRange(range('x', '150-600 mg/day orale')), '150 à 600 mg/j, test');
  assert.equal(describeRange(range('x', ['100-100 UI/injection sous-cutanée', { perWeight: 'kg', interval: 'toutes les 12 heures' }])), '100 UI/kg par injection toutes les 12 heures, test');
  assert.equal(describeRange(range('x', ['1.4-1.4 mg/injection intraveineuse', { perWeight: 'm2' }])), '1,4 mg/m² par injection, test');
  assert.equal(describeRange(range('x', ['2-2 mg/injection intraveineuse', { maxOnly: true, context: 'adulte' }])), '2 mg par injection au maximum, adulte');
});

test('a source described: an RCP with its CIS and section, an RCP without CIS, another source by its title', () => {
  const source = (s: object) => describeSource(range('x', ['1-2 mg/day', { source: { type: 'rcp', title: 'X 1 mg, comprimé', url: 'u', ...s } }]));
  assert.equal(source({ cis: '60000001', section: '4.4' }), 'RCP X 1 mg, comprimé, CIS 60000001, rubrique 4.4');
  assert.equal(source({}), 'RCP X 1 mg, comprimé, rubrique 4.2');
  assert.equal(source({ type: 'has', title: 'HAS, fiche 2024' }), 'HAS, fiche 2024');
});

test('ten times the maximum exactly is already an error and says « 10 fois »', () => {
  const f = only('La prégabaline 6000 mg/j.');
  assert.deepEqual([f.severity, f.message], ['error', `prégabaline : 6000 mg/j > max 600 mg/j (10 fois le maximum) — test ; ${SOURCE}.`]);
});

test('ten times below exactly is already a warning and says « 10 fois moins »', () => {
  const f = only('La prégabaline 15 mg/j.');
  assert.deepEqual([f.severity, f.message], ['warning', `prégabaline : 15 mg/j < min 150 mg/j (10 fois moins) — test ; ${SOURCE}.`]);
});

test('a maximum per m² is written « mg/m² »', () => {
  assert.equal(only('La vincristine 3 mg/m² IV.').message, `vincristine : 3 mg/m² > max 1,4 mg/m² par injection — test ; ${SOURCE}.`);
});

test('a per-kg dose above a plain maximum even for the lightest adult says so', () => {
  assert.equal(only('La prégabaline 30 mg/kg/j.').message, `prégabaline : 30 mg/kg/j > max 600 mg/j même pour un adulte de 40 kg (1,4 m²) — test ; ${SOURCE}.`);
});

test('a daily dose split into intakes, above per intake: the dose as written, no per-intake « = »', () => {
  assert.equal(only('La metformine 2 g/j en deux prises.').message, `metformine : 2 g/j > max 400 mg par prise — test ; ${SOURCE}.`);
});

test('a dose in a table row with its rhythm in the next cell is written on one line, without the cell bar', () => {
  const f = only('| Molécule | Dose | Rythme |\n|---|---|---|\n| méthotrexate | 15 mg | par jour |\n');
  assert.deepEqual([f.code, f.message, f.fixes], ['dose-rhythm', `méthotrexate : 15 mg par jour, soit 105 mg/sem ; se donne une fois par semaine (max 25 mg/sem) — polyarthrite rhumatoïde ; ${SOURCE}.`, []]);
});

test('a daily regimen written as a count per day gets the rhythm error but no fix (no « /j » to replace)', () => {
  const f = only('Le méthotrexate 10 mg deux fois par jour.');
  assert.deepEqual([f.code, f.suggestions, f.fixes], ['dose-rhythm', ['par semaine'], []]);
});

test('no route written: a dose below the oral range that fits another route’s is not reported', () => {
  assert.deepEqual(analyze('Le budésonide 400 µg/j.', lex).findings, []);
});

test('no route written: oral ranges in another unit leave the dose to the other routes’ ranges', () => {
  assert.equal(only('Le zolédronate 50 mg.').message, `zolédronate : 50 mg > max 20 mg par injection — test ; ${SOURCE}.`);
});

test('no route written: a single intake above the oral daily range but within another route’s is not reported', () => {
  assert.deepEqual(analyze('La kétamine 500 mg.', lex).findings, []);
});

test('no route written: a single intake of a weekly oral drug in its weekly range is not compared with the other routes', () => {
  assert.deepEqual(analyze('L’alendronate 15 mg.', lex).findings, []);
});

test('a combination: when both orders of the components give one finding, the brand’s order decides', () => {
  assert.equal(only('Le BACTRIM 8000/160 mg deux fois par jour.', combo).message,
    `triméthoprime : 8000/160 mg deux fois par jour = 16 000 mg/j > max 480 mg/j (33,3 fois le maximum) — test ; ${SOURCE}.`);
});

test('a combination: the order of the components with fewer findings is kept', () => {
  assert.equal(only('Le BACTRIM 800/16 mg deux fois par jour.', combo).message,
    `triméthoprime : 800/16 mg deux fois par jour = 32 mg/j < min 320 mg/j (10 fois moins) — test ; ${SOURCE}.`);
});

test('a combination: a component merely below (a hint) is not reported', () => {
  assert.deepEqual(analyze('Le BACTRIM 400/80 mg deux fois par jour.', combo).findings, []);
});

test('a combination strength is not checked for a brand of three substances, one unknown, a single substance or none', () => {
  for (const text of ['Le TRIPLIX 8000/1600 mg deux fois par jour.', 'Le FANTOMIX 8000/1600 mg deux fois par jour.', 'Le méthotrexate 8000/1600 mg deux fois par jour.', 'Prendre 8000/1600 mg deux fois par jour.']) {
    assert.deepEqual(analyze(text, combo).findings.filter((f) => f.code !== 'unknown-drug'), [], text);
  }
});

test('a dose in a compact table row (no spaces around the bars) is written with one space for the bar', () => {
  assert.match(only('|Molécule|Dose|Rythme|\n|---|---|---|\n|méthotrexate|15 mg|par jour|\n').message, /^méthotrexate : 15 mg par jour, soit 105 mg\/sem ;/);
});

test('runs of spaces in a dose are written as one', () => {
  assert.equal(only('La prégabaline 1200  mg/j.').message, `prégabaline : 1200 mg/j > max 600 mg/j — test ; ${SOURCE}.`);
});

test('a column unit in parentheses in the header is written once in parentheses: « 1200 (mg/j) »', () => {
  assert.equal(only('| Molécule | Dose (mg/j) |\n|---|---|\n| prégabaline | 1200 |\n').message, `prégabaline : 1200 (mg/j) > max 600 mg/j — test ; ${SOURCE}.`);
});

test('a combination strength named as a starting dose is not reported below the minimum', () => {
  assert.deepEqual(analyze('On peut débuter le BACTRIM à 80/16 mg deux fois par jour.', combo).findings, []);
});

test('a combination strength not named as a starting dose is still reported far below the minimum', () => {
  assert.equal(only('Le BACTRIM à 80/16 mg deux fois par jour.', combo).message,
    `sulfaméthoxazole : 80/16 mg deux fois par jour = 32 mg/j < min 1 600 mg/j (50 fois moins) — test ; ${SOURCE}.`);
});

const capped = tinyLexicon({ substances: [{ dci: 'vincristine', ranges: [['2-2 mg/injection intraveineuse', { maxOnly: true }]] }] });

test('far above a cap (no minimum): above the maximum, quoted as a cap, not a unit slip towards any value under it', () => {
  assert.deepEqual(only('La vincristine 30 mg IV.', capped), {
    code: 'dose-above-max', severity: 'error', on: '30 mg', suggestions: undefined, fixes: undefined,
    message: `vincristine : 30 mg > max 2 mg par injection (15 fois le maximum) — test ; ${SOURCE}.`,
  });
});
