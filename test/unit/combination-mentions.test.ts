/**
 * A mention carries the substances it names and a label, never a joined string to resolve: a combination
 * brand (« Bactrim® », ENTRESTO) names each of its components, and a dose written after it is checked
 * against them (tiny in-memory lexicon; ranges are test data).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { tinyIndex, tinyLexicon } from '../support/tiny-lexicon';
import { Lexicon } from '../../server/src/core/lexicon';
import { lexicon } from '../helpers';
import { judgeForReader } from '../../server/src/features/dose-verdict';
import { factCheck } from '../../server/src/features/fact-check';

const lex = tinyLexicon({
  substances: [
    { dci: 'sulfaméthoxazole', ranges: ['1600-2400 mg/day orale'] },
    { dci: 'triméthoprime', ranges: ['320-480 mg/day orale'] },
    { dci: 'sacubitril', ranges: ['48-194 mg/day orale'] },
    { dci: 'valsartan', ranges: ['51-206 mg/day orale'] },
    { dci: 'budésonide' },
    { dci: 'formotérol', ranges: ['12-48 µg/day inhalée'] },
    { dci: 'prégabaline', ranges: ['150-600 mg/day orale'] },
  ],
  combinations: [
    { name: 'BACTRIM', substances: ['triméthoprime', 'sulfaméthoxazole'] },
    { name: 'BACTRIM FORTE', substances: ['triméthoprime', 'sulfaméthoxazole'] },
    { name: 'ENTRESTO', substances: ['valsartan', 'sacubitril'] },
    { name: 'SYMBICORT', substances: ['budésonide', 'formotérol'] },
  ],
});
const alarms = (text: string) => analyze(text, lex).findings.filter((f) => f.code !== 'dose-not-comparable').map((f) => [f.code, f.message.split(' :')[0]]);

test('a combination brand is one mention naming each of its substances, with a label', () => {
  const [m] = analyze('Le patient reçoit du Bactrim® depuis hier.', lex).mentions;
  assert.deepEqual([m.text, m.substances, m.label], ['Bactrim®', ['triméthoprime', 'sulfaméthoxazole'], 'triméthoprime + sulfaméthoxazole']);
});

test('each component named alone is a drug of its own substance', () => {
  const a = analyze('Le sacubitril, le valsartan et le sulfaméthoxazole.', lex);
  assert.deepEqual(a.mentions.map((m) => [m.kind, m.substances, m.label]), [
    ['drug', ['sacubitril'], 'sacubitril'], ['drug', ['valsartan'], 'valsartan'], ['drug', ['sulfaméthoxazole'], 'sulfaméthoxazole'],
  ]);
});

test('a single-strength dose after a combination brand is checked: « Bactrim® 80 g/j » is above the sulfaméthoxazole maximum', () => {
  assert.deepEqual(alarms('Le patient reçoit du Bactrim® 80 g/j depuis hier, sans amélioration.'), [['dose-above-max', 'sulfaméthoxazole (Bactrim®)']]);
});

test('a dose of a combination brand that fits one component and not another is « non comparable », said explicitly', () => {
  const a = analyze('Le BACTRIM 800 mg/j.', lex);
  assert.deepEqual(a.findings.map((f) => f.code), ['dose-not-comparable']);
  assert.match(a.findings[0].message, /triméthoprime et sulfaméthoxazole/);
  assert.equal(a.doses[0].verdict?.comparison.verdict, 'not-comparable');
});

test('a dose in a unit no component is documented in is « non comparable » against the combination', () => {
  const a = analyze('Le SYMBICORT 400 UI/j.', lex);
  assert.deepEqual(a.findings.map((f) => f.code), ['dose-not-comparable']);
});

test('a combination strength stays with checkCombination: no alarm on ENTRESTO 97/103 mg nor BACTRIM FORTE 800/160 mg', () => {
  assert.deepEqual(alarms('ENTRESTO 97/103 mg deux fois par jour.'), []);
  assert.deepEqual(alarms('BACTRIM FORTE 800/160 mg deux fois par jour.'), []);
});

test('the dose card of a combination brand gives the verdict against the component it was compared with', () => {
  const a = analyze('Le patient reçoit du Bactrim® 80 g/j.', lex);
  const j = judgeForReader(a.doses[0], lex);
  assert.equal(j.kind, 'above');
  assert.equal(a.doses[0].substance, 'sulfaméthoxazole');
});

test('« depuis » after a dose is not « de » + a drug: the dose keeps the drug before it', () => {
  const a = analyze('La prégabaline 1500 mg/j depuis trois mois.', lex);
  assert.deepEqual(a.doses.map((d) => [d.drug?.label, d.attachedBy]), [['prégabaline', 'directement-après']]);
});

test('a component with no documented range agrees with « above » only when no marketed strength of it reaches the dose', () => {
  const index = tinyIndex({
    substances: [{ dci: 'sulfaméthoxazole', ranges: ['1600-2400 mg/day orale'] }, { dci: 'triméthoprime' }],
    combinations: [{ name: 'BACTRIM', substances: ['triméthoprime', 'sulfaméthoxazole'] }],
  });
  index.substances[1].strengths = [{ route: 'orale', form: 'comprimé', amount: 300, unit: 'mg', per: 'unit', name: 'DELPRIM 300 mg', cis: '66142235' }];
  const partly = new Lexicon(index);
  const codes = (text: string) => analyze(text, partly).findings.map((f) => [f.code, f.message.split(' :')[0]]);
  assert.deepEqual(codes('Le BACTRIM 80 g/j.'), [['dose-above-max', 'sulfaméthoxazole (BACTRIM)']]);
  assert.deepEqual(codes('Le BACTRIM 3 g/j.'), [['dose-not-comparable', 'BACTRIM']]);
});

test('on the shipped data, a corpus-like sentence: « Bactrim® 80 g/j » is above the sulfaméthoxazole maximum; ENTRESTO 97/103 mg is silent', () => {
  const alarmsIn = (text: string) => analyze(text, lexicon()).findings.filter((f) => f.code !== 'dose-not-comparable').map((f) => [f.code, f.message.split(' :')[0]]);
  assert.deepEqual(alarmsIn('Le patient, sous Bactrim® 80 g/j depuis hier, reste fébrile.'), [['dose-above-max', 'sulfaméthoxazole (Bactrim®)']]);
  assert.deepEqual(alarmsIn('ENTRESTO 97/103 mg deux fois par jour, puis BACTRIM FORTE 800/160 mg deux fois par jour.'), []);
});

test('the fact-check row of a combination brand names each component with its documented range', () => {
  const text = 'Le BACTRIM est prescrit.';
  const row = factCheck('a.md', text, analyze(text, lex), lex).items.find((i) => i.kind === 'drug')!;
  assert.equal(row.name, 'triméthoprime + sulfaméthoxazole');
  assert.equal(row.documented, 'triméthoprime : 320–480\u202Fmg/j (orale) ; sulfaméthoxazole : 1\u202F600–2\u202F400\u202Fmg/j (orale)');
});
