/**
 * The dose rules against a tiny in-memory lexicon: one behaviour per test, exact codes and severities.
 * Ranges here are test data (source « TEST »), not the shipped data.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Lexicon } from '../../server/src/core/lexicon';
import type { CompiledIndex, DoseRange, Strength, Substance } from '../../server/src/core/index-types';
import { STRATEGIES } from '../../server/src/core/attach';

const source = { type: 'rcp', title: 'TEST 10 mg, comprimé', url: 'https://example.org', cis: '12345678', section: '4.2' };
type R = Partial<DoseRange> & Pick<DoseRange, 'min' | 'max' | 'unit' | 'per'>;
const range = (substance: string, r: R): DoseRange => ({ substance, context: 'indication test', route: 'orale', population: 'adulte', source, ...r });
const substance = (dci: string, ranges: R[], extra: Partial<Substance> = {}): Substance => ({
  dci, aliases: [], brands: [], cisCount: 1, cis: [], origin: 'bdpm', ranges: ranges.map((r) => range(dci, r)), ...extra,
});
const strength = (s: Partial<Strength>): Strength => ({ route: 'orale', form: 'comprimé', amount: 240, unit: 'mg', per: 'unit', name: 'TEST 240 mg', cis: '12345678', ...s });

const index: CompiledIndex = {
  meta: { bdpmDate: '2025-11-13', builtAt: '2025-11-22', counts: {} },
  substances: [
    substance('méthotrexate', [{ min: 7.5, max: 25, unit: 'mg', per: 'week', context: 'polyarthrite rhumatoïde' }]),
    substance('prégabaline', [{ min: 150, max: 600, unit: 'mg', per: 'day' }]),
    substance('paracétamol', [{ min: 500, max: 1000, unit: 'mg', per: 'intake' }, { min: 1000, max: 4000, unit: 'mg', per: 'day' }]),
    substance('énoxaparine', [
      { min: 2000, max: 4000, unit: 'UI', per: 'injection', route: 'sous-cutanée', interval: 'une injection par jour', context: 'prévention' },
      { min: 100, max: 100, unit: 'UI', perWeight: 'kg', per: 'injection', route: 'sous-cutanée', interval: 'toutes les 12 heures', context: 'traitement curatif' },
    ]),
    substance('adalimumab', [{ min: 40, max: 80, unit: 'mg', per: 'injection', route: 'sous-cutanée', interval: 'toutes les 2 semaines' }]),
    substance('vincristine', [
      { min: 1.4, max: 1.4, unit: 'mg', perWeight: 'm2', per: 'injection', route: 'intraveineuse', interval: 'une fois par semaine' },
      { min: 2, max: 2, unit: 'mg', per: 'injection', route: 'intraveineuse', maxOnly: true, interval: 'une fois par semaine' },
    ]),
    substance('lévothyroxine', [{ min: 25, max: 200, unit: 'µg', per: 'day' }]),
    substance('hydrocortisone', [
      { min: 20, max: 40, unit: 'mg', per: 'day', context: 'insuffisance surrénale chronique' },
      { min: 200, max: 300, unit: 'mg', per: 'day', route: 'intraveineuse', context: 'choc septique' },
    ]),
    substance('morphine', [{ min: 10, max: 120, unit: 'mg', per: 'day' }]),
    substance('zorbitinib', [], { strengths: [strength({})] }),
    substance('fentanyl', [], { strengths: [strength({ route: 'transdermique', form: 'patch', amount: 100, unit: 'µg', per: 'hour' })] }),
    substance('ibuprofène', [{ min: 200, max: 400, unit: 'mg', per: 'intake' }]),
    substance('oméprazole', [{ min: 10, max: 40, unit: 'mg', per: 'day' }]),
    substance('sulfaméthoxazole', [{ min: 1600, max: 2400, unit: 'mg', per: 'day' }]),
    substance('triméthoprime', [{ min: 320, max: 480, unit: 'mg', per: 'day' }]),
  ],
  brands: [{ name: 'BACTRIM', substances: ['triméthoprime', 'sulfaméthoxazole'], cis: [], forms: [], routes: [], conditions: [], origin: 'bdpm' }], trials: [], abbreviations: [], commonWords: [], innStems: [],
};
const lex = new Lexicon(index);
/** The dose findings a writer sees by default (« non comparable » is off unless turned on). */
const findings = (text: string) => analyze(text, lex).findings.filter((f) => f.code.startsWith('dose-') && f.code !== 'dose-not-comparable').map((f) => [f.code, f.severity]);

test('a daily regimen of a weekly drug is a rhythm error, with the weekly reading and a « par semaine » fix', () => {
  const text = 'Le méthotrexate est donné à 15 mg/j.';
  const a = analyze(text, lex);
  assert.deepEqual(a.findings.map((f) => [f.code, f.severity]), [['dose-rhythm', 'error']]);
  assert.match(a.findings[0].message, /105 mg\/sem/);
  assert.deepEqual(a.findings[0].fixes?.[0].edit, { start: text.indexOf('/j'), end: text.indexOf('/j') + 2, newText: 'par semaine' });
});

test('the weekly drug at its weekly dose is silent, however the week is written', () => {
  for (const t of ['Le méthotrexate 15 mg une fois par semaine.', 'Le méthotrexate 15 mg/sem.', 'Le méthotrexate 15 mg en prise hebdomadaire.', 'Le méthotrexate 15 mg.']) {
    assert.deepEqual(findings(t), [], t);
  }
});

test('an injection weeks apart written daily is a rhythm error', () => {
  assert.deepEqual(findings('L’adalimumab 40 mg par jour en sous-cutané.'), [['dose-rhythm', 'error']]);
  assert.deepEqual(findings('L’adalimumab 40 mg toutes les 2 semaines en sous-cutané.'), []);
});

test('above the maximum is a warning; ten times the maximum an error', () => {
  assert.deepEqual(findings('La prégabaline 1200 mg/j.'), [['dose-above-max', 'warning']]);
  assert.deepEqual(findings('La prégabaline 6000 mg/j.'), [['dose-above-max', 'error']]);
});

test('below the minimum is a hint; ten times below a warning', () => {
  assert.deepEqual(findings('La prégabaline 100 mg/j.'), [['dose-below-min', 'hint']]);
  assert.deepEqual(findings('La prégabaline 10 mg/j.'), [['dose-below-min', 'warning']]);
});

test('below the minimum of the indication the text names is a hint', () => {
  assert.deepEqual(findings('Dans la polyarthrite rhumatoïde, le méthotrexate 2,5 mg par semaine.'), [['dose-below-min', 'hint']]);
});

test('below a minimum documented for another indication is not comparable, not a finding', () => {
  assert.deepEqual(findings('Dans le lymphome, le méthotrexate 2,5 mg par semaine.'), []);
});

test('a written range that overlaps the documented one is never below', () => {
  assert.deepEqual(findings('La prégabaline 75 à 300 mg/j.'), []);
});

test('a starting, titration, elderly or renal dose named as such is not compared with the minimum', () => {
  assert.deepEqual(findings('On peut débuter la prégabaline à 75 mg/j.'), []);
  assert.deepEqual(findings('Chez le sujet âgé, la prégabaline 50 mg/j.'), []);
});

test('a single intake with no rhythm is compared with the per-intake range and with the daily maximum', () => {
  assert.deepEqual(findings('Le paracétamol 1 g.'), []);
  assert.deepEqual(findings('Le paracétamol 2 g.'), [['dose-above-max', 'warning']]);
  assert.deepEqual(findings('La prégabaline 1200 mg.'), [['dose-above-max', 'warning']], 'one intake above the daily maximum');
});

test('a regimen is compared per intake and per day', () => {
  assert.deepEqual(findings('Le paracétamol 1 g quatre fois par jour.'), []);
  assert.deepEqual(findings('Le paracétamol 1 g six fois par jour.'), [['dose-above-max', 'warning']], '6 g/j');
  assert.deepEqual(findings('Le paracétamol 2 g deux fois par jour.'), [['dose-above-max', 'warning']], '2 g per intake');
  assert.deepEqual(findings('L’énoxaparine 4 000 UI une fois par jour en sous-cutané.'), []);
});

test('per kg against plain ranges (or the reverse): only what no adult of 40–150 kg could get is reported', () => {
  assert.deepEqual(findings('L’énoxaparine 4 000 UI/kg une fois par jour en sous-cutané.'), [['dose-above-max', 'error']]);
  assert.deepEqual(findings('L’énoxaparine 100 UI/kg toutes les 12 heures en sous-cutané.'), []);
});

test('a cap is a range: vincristine 1,4 mg/m² is silent, 3 mg is above its 2 mg cap', () => {
  assert.deepEqual(findings('La vincristine 1,4 mg/m² IV.'), []);
  assert.deepEqual(findings('La vincristine 3 mg IV.'), [['dose-above-max', 'warning']]);
  assert.deepEqual(findings('La vincristine 20 mg par semaine IV.'), [['dose-above-max', 'error']], 'a weekly total against a weekly injection');
});

test('mg written for µg is a unit mismatch with a fix', () => {
  const a = analyze('La lévothyroxine 100 mg/j.', lex);
  assert.deepEqual(a.findings.map((f) => [f.code, f.fixes?.[0].edit.newText]), [['dose-unit-mismatch', 'µg']]);
});

test('a rate per hour is compared through its daily amount; not comparable is an explicit verdict with its reason', () => {
  // 500 mg/h is 12 g/j: far above 120 mg/j, and 500 µg/h would fit: a unit slip.
  assert.deepEqual(findings('La morphine 500 mg/h.'), [['dose-unit-mismatch', 'warning']]);
  assert.deepEqual(findings('La morphine 10 mg/h.'), [['dose-above-max', 'warning']], '240 mg/j');
  const a = analyze('La morphine 10 mg IV.', lex);
  assert.deepEqual(a.doses.map((d) => [d.verdict?.comparison.verdict, d.verdict?.comparison.reason]), [['not-comparable', 'aucune posologie documentée par voie intraveineuse']]);
  assert.deepEqual(a.findings.map((f) => [f.code, f.severity]), [['dose-not-comparable', 'hint']]);
});

test('the named indication decides: septic shock takes the IV range even with no route written', () => {
  assert.deepEqual(findings('Dans le choc septique, l’hydrocortisone est donnée à 200 mg/j.'), []);
  assert.deepEqual(findings('Dans l’insuffisance surrénale chronique, l’hydrocortisone est donnée à 200 mg/j.'), [['dose-above-max', 'warning']]);
});

test('the envelope: beyond a dozen of the strongest tablets a day, or twice the strongest patch, is implausible', () => {
  assert.deepEqual(findings('Le zorbitinib 480 mg/j.'), []);
  const a = analyze('Le zorbitinib 9 600 mg/j.', lex);
  assert.deepEqual(a.findings.map((f) => [f.code, f.severity]), [['dose-implausible', 'warning']]);
  assert.match(a.findings[0].message, /240 mg par comprimé/);
  assert.match(a.findings[0].message, /= 40 comprimés/);
  assert.deepEqual(findings('Le fentanyl en patch de 100 µg/h.'), []);
  assert.deepEqual(findings('Le fentanyl en patch de 1 000 µg/h.'), [['dose-implausible', 'warning']]);
});

test('a partner in parentheses does not take the subject’s dose', () => {
  const a = analyze('L’ibuprofène (+ oméprazole) : 400 mg.', lex);
  assert.deepEqual(a.doses.map((d) => [d.drug?.id, d.attachedBy]), [['ibuprofène', 'phrase-avant']]);
});

test('a dose in a table cell belongs to the drug of its row, never to an earlier row; a column header gives the unit', () => {
  const a = analyze('| Molécule | Dose (mg/j) |\n|---|---|\n| prégabaline | 300 |\n| Autre | 50 |\n', lex);
  assert.deepEqual(a.doses.map((d) => [d.text, d.per, d.drug?.id ?? null, d.attachedBy ?? null]), [['300', 'day', 'prégabaline', 'ligne-de-tableau'], ['50', 'day', null, null]]);
});

test('each attachment strategy has a name and an example; annotate-able names are unique', () => {
  assert.equal(new Set(STRATEGIES.map((s) => s.name)).size, STRATEGIES.length);
  const a = analyze('La prégabaline est prescrite à 150 mg/j.', lex);
  assert.equal(a.doses[0].attachedBy, 'phrase-avant');
});

test('a combination strength is the doses of its components, each against its own ranges, in the order that fits', () => {
  assert.deepEqual(findings('Le BACTRIM 800/160 mg deux fois par jour.'), []);
  const a = analyze('Le BACTRIM 8000/1600 mg deux fois par jour.', lex);
  assert.deepEqual(a.findings.map((f) => [f.code, f.message.split(' :')[0]]).sort(), [['dose-above-max', 'sulfaméthoxazole'], ['dose-above-max', 'triméthoprime']]);
});

test('a per-kg dose summed over its rhythm is told per kg in the message', () => {
  const epoetin = new Lexicon({ ...index, substances: [substance('époétine alfa', [
    { min: 240, max: 240, unit: 'UI', perWeight: 'kg', per: 'injection', route: 'sous-cutanée', interval: 'une fois par semaine', maxOnly: true },
  ])] });
  const messages = analyze('L’époétine alfa à 100 UI/kg trois fois par semaine en sous-cutanée.', epoetin).findings.filter((f) => f.code === 'dose-above-max').map((f) => f.message);
  assert.equal(messages.length, 1);
  assert.match(messages[0], /^époétine alfa : 100 UI\/kg trois fois par semaine = 300 UI\/kg\/sem > max 240 UI\/kg par injection une fois par semaine/);
});
