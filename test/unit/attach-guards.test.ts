/**
 * The guards of dose attachment (server/src/core/attach.ts), each on its own text against a tiny lexicon: a drug
 * named as a comparator does not take the dose, a partner in parentheses yields, an endogenous molecule takes
 * only a dose close to it, an unknown drug in a section keeps the heading's drug off. Inputs → attachments only
 * (which drug, by which strategy), so the tests hold whatever the implementation.
 * Example: « La prégabaline, supérieure à la gabapentine, est donnée à 300 mg/j. » → prégabaline (phrase-avant).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { tinyLexicon } from '../support/tiny-lexicon';

const lex = tinyLexicon({
  substances: [...['prégabaline', 'gabapentine', 'paracétamol', 'oméprazole'].map((dci) => ({ dci })), { dci: 'glycine', needsDose: true }],
  innStems: ['parinux'],
});
const attached = (text: string) => analyze(text, lex).doses.map((d) => [d.text, d.drug?.id ?? null, d.attachedBy ?? null]);

/** How a writer names a comparator, an analogue or a prodrug: the drug named so never takes the dose. */
const COMPARATORS = [
  'supérieure à la', 'inférieure à la', 'comparée à la', 'non inférieure à la', 'non-inférieure à la', 'associée à la',
  'combinée à la', 'préférée à la', 'versus', 'vs', 'vs.', 'face à la', 'en association à la', 'en association avec la',
  'contrairement à la', 'par rapport à la', 'analogue de la', 'dérivée de la', 'proche de la', 'cousine de la',
  'prodrogue de la', 'prodrogue orale de la', 'précurseur de la', 'métabolite de la', 'promédicament de la', 'comme la',
  'plutôt que la', 'qu’avec la', "qu'avec la", 'celle de la', 'ceux de la', 'celui de la', 'celles de la',
];

for (const phrase of COMPARATORS) {
  test(`a drug named as a comparator (« ${phrase} ») does not take the dose`, () => {
    assert.deepEqual(attached(`La prégabaline, ${phrase} gabapentine, est donnée à 300 mg/j.`), [['300 mg/j', 'prégabaline', 'phrase-avant']]);
  });
}

test('the same sentence without a comparison gives the dose to the nearest drug', () => {
  assert.deepEqual(attached('La prégabaline, puis la gabapentine, est donnée à 300 mg/j.'), [['300 mg/j', 'gabapentine', 'phrase-avant']]);
});

test('a comparator before « l’ » or « le », in the plural, or after « du » is one too', () => {
  assert.deepEqual(attached('La prégabaline, comparée à l’oméprazole, est donnée à 300 mg/j.')[0][1], 'prégabaline');
  assert.deepEqual(attached("La prégabaline, comme l'oméprazole, est donnée à 300 mg/j.")[0][1], 'prégabaline');
  assert.deepEqual(attached('La prégabaline, plus efficace que le paracétamol, est donnée à 300 mg/j.')[0][1], 'prégabaline');
  assert.deepEqual(attached('La prégabaline, dérivée du paracétamol, est donnée à 300 mg/j.')[0][1], 'prégabaline');
  assert.deepEqual(attached('La prégabaline, supérieure aux gabapentines, est donnée à 300 mg/j.')[0][1], 'prégabaline');
});

test('a partner in parentheses closed before the dose yields to the drug before it', () => {
  assert.deepEqual(attached('La prégabaline (oméprazole) puis 300 mg/j.'), [['300 mg/j', 'prégabaline', 'phrase-avant']]);
});

test('a drug in parentheses that hold the dose keeps it', () => {
  assert.deepEqual(attached('La prégabaline (oméprazole 300 mg/j).'), [['300 mg/j', 'oméprazole', 'directement-après']]);
  assert.deepEqual(attached('La prégabaline (avec l’oméprazole, 300 mg/j).'), [['300 mg/j', 'oméprazole', 'phrase-avant']]);
});

test('a drug after a closed parenthesis is not inside it', () => {
  assert.deepEqual(attached('La prégabaline (le soir) puis l’oméprazole donné à 30 mg/j.'), [['30 mg/j', 'oméprazole', 'phrase-avant']]);
});

/** « …la glycine » + `gap` characters of ordinary words + « 300 mg/j. » */
const glycineAt = (gap: number) => `La prégabaline est utile ; la glycine ${'donnée lentement '.repeat(5).slice(0, gap - 4)} à 300 mg/j.`;

test('an endogenous molecule takes a dose up to 60 characters after it', () => {
  assert.equal(glycineAt(60).indexOf('300') - glycineAt(60).indexOf('glycine') - 'glycine'.length, 60);
  assert.deepEqual(attached(glycineAt(60)), [['300 mg/j', 'glycine', 'phrase-avant']]);
});

test('an endogenous molecule farther than 60 characters leaves the dose to the drug before it', () => {
  assert.deepEqual(attached(glycineAt(61)), [['300 mg/j', 'prégabaline', 'phrase-avant']]);
});

test('a dose after its unit « de » and a drug belongs to that drug; « de » and an ordinary word to none', () => {
  assert.deepEqual(attached('La prégabaline, 300 mg de gabapentine.'), [['300 mg', 'gabapentine', 'de-suivant']]);
  assert.deepEqual(attached('La prégabaline, 300 mg d’oméprazole.'), [['300 mg', 'oméprazole', 'de-suivant']]);
  assert.deepEqual(attached('La prégabaline, 300 mg de sel.'), [['300 mg', null, null]]);
});

test('a heading’s drug takes a dose of its section, unless an unknown drug is named before the dose', () => {
  assert.deepEqual(attached('## Prégabaline\n\nDe 150 à 600 mg/j. Le xabaparinux est donné.\n'), [['150 à 600 mg/j', 'prégabaline', 'titre']]);
  assert.deepEqual(attached('## Prégabaline\n\nLe xabaparinux est donné. De 150 à 600 mg/j.\n'), [['150 à 600 mg/j', null, null]]);
});

test('after a dose, the first drug of its sentence; an endogenous molecule there does not count', () => {
  assert.deepEqual(attached('À 300 mg/j, la glycine et la prégabaline.'), [['300 mg/j', 'prégabaline', 'phrase-après']]);
});

test('a drug at the very start of the text takes the dose right after it', () => {
  assert.deepEqual(attached('Prégabaline : 150 mg/j.'), [['150 mg/j', 'prégabaline', 'directement-après']]);
});

test('in a table row, the drug after the dose when none is before it', () => {
  assert.deepEqual(attached('| Dose | Molécule |\n|---|---|\n| 15 mg/j | prégabaline |\n'), [['15 mg/j', 'prégabaline', 'ligne-de-tableau']]);
});

test('a parenthesis opened in an earlier sentence does not count', () => {
  assert.deepEqual(attached('(La prégabaline. La gabapentine) à 300 mg/j.'), [['300 mg/j', 'gabapentine', 'phrase-avant']]);
});

test('a drug in closed parentheses with no drug before them in the sentence keeps the dose', () => {
  assert.deepEqual(attached('La prégabaline (oméprazole). Puis (la gabapentine) à 300 mg/j.'), [['300 mg/j', 'gabapentine', 'phrase-avant']]);
});

test('« de » after a dose: spaces of any width, « l’ », « la », « le » before the drug', () => {
  assert.deepEqual(attached('La prégabaline, 300 mg     de gabapentine.')[0], ['300 mg', 'gabapentine', 'de-suivant']);
  assert.deepEqual(attached("La prégabaline, 300 mg de l'oméprazole.")[0], ['300 mg', 'oméprazole', 'de-suivant']);
  assert.deepEqual(attached('La prégabaline, 300 mg de la gabapentine.')[0], ['300 mg', 'gabapentine', 'de-suivant']);
  assert.deepEqual(attached('La prégabaline, 300 mg de le paracétamol.')[0], ['300 mg', 'paracétamol', 'de-suivant']);
});

test('an unknown drug-like word takes a dose only right after it (spaces, « : », « ( »)', () => {
  assert.deepEqual(attached('Le xabaparinux : 300 mg.'), [['300 mg', null, null]]);
  assert.deepEqual(attached('Le xabaparinux (300 mg).'), [['300 mg', null, null]]);
  assert.deepEqual(attached('La prégabaline puis le xabaparinux, donnée à 300 mg.'), [['300 mg', 'prégabaline', 'phrase-avant']]);
});

test('an endogenous molecule does not take a dose by list item, paragraph, list lead-in or heading', () => {
  assert.deepEqual(attached('- À 75 mg deux fois par jour. Glycine puis prégabaline.\n'), [['75 mg deux fois par jour', 'prégabaline', 'élément-de-liste']]);
  assert.deepEqual(attached('La prégabaline est efficace. La glycine aussi. La posologie est de 150 mg/j.'), [['150 mg/j', 'prégabaline', 'paragraphe']]);
  assert.deepEqual(attached('Le paracétamol et la glycine :\n\n- 1 g par prise ;\n'), [['1 g par prise', 'paracétamol', 'liste-introduite']]);
  assert.deepEqual(attached('## Glycine et prégabaline\n\nDe 150 à 600 mg/j.\n'), [['150 à 600 mg/j', 'prégabaline', 'titre']]);
});
