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
const hydrocortisone = tinyLexicon({ substances: [{ dci: 'hydrocortisone', ranges: [
  ['20-40 mg/day orale', { context: 'insuffisance surrénale chronique' }], ['200-300 mg/day intraveineuse', { context: 'choc septique' }],
] }] });
/** The dose findings of a text on hydrocortisone: the indication read in the dose's sentence and heading decides. */
const hydro = (text: string) => analyze(text, hydrocortisone).findings.filter((f) => f.code !== 'dose-not-comparable').map((f) => f.code);
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

test('a comparator written with several spaces is one', () => {
  for (const phrase of ['celle  de  la', 'comme  la', 'comme le', 'qu’avec  la', 'qu’avec le', 'plutôt que  la', 'plus que le', 'comparée  à  la', 'face  à  la',
    'en  association  à la', 'contrairement  à la', 'par  rapport  à la', 'analogue  de  la', 'dérivée  de  l’', 'celle de le', 'ceux  de la']) {
    const drug = phrase.endsWith('le') ? 'paracétamol' : phrase.endsWith('’') ? 'oméprazole' : 'gabapentine';
    const text = `La prégabaline, ${phrase}${phrase.endsWith('’') ? '' : ' '}${drug}, est donnée à 300 mg/j.`;
    assert.deepEqual(attached(text)[0][1], 'prégabaline', text);
  }
});

test('a comparator with two spaces after its article is one', () => {
  for (const phrase of ['celle de la  gabapentine', 'comme le  paracétamol', 'qu’avec la  gabapentine', 'que la  gabapentine', 'comparée à la  gabapentine',
    'comparée aux  gabapentines', 'dérivée de la  gabapentine', 'que le  paracétamol', 'comparé au  paracétamol', 'comparée à l’oméprazole', 'dérivée de  l’oméprazole']) {
    assert.deepEqual(attached(`La prégabaline, ${phrase}, est donnée à 300 mg/j.`)[0][1], 'prégabaline', phrase);
  }
});

test('a comparator with no article, or masculine (« au », « comparé »), is one', () => {
  for (const phrase of ['celle de gabapentine', 'comme gabapentine', 'qu’avec gabapentine', 'que gabapentine', 'comparé au paracétamol', 'face au paracétamol',
    'en association au paracétamol', 'contrairement au paracétamol', 'par rapport au paracétamol', 'dérivée de l’oméprazole', "dérivée de l'oméprazole"]) {
    assert.deepEqual(attached(`La prégabaline, ${phrase}, est donnée à 300 mg/j.`)[0][1], 'prégabaline', phrase);
  }
});

test('a comparator not right before the drug does not count', () => {
  for (const phrase of ['celle de la', 'comme la', 'qu’avec la', 'que la', 'comparée à la', 'analogue de la']) {
    const text = `Texte ${phrase} x, l’oméprazole est donné à 30 mg/j.`;
    assert.deepEqual(attached(text), [['30 mg/j', 'oméprazole', 'phrase-avant']], text);
  }
});

test('« de » not right after the dose does not make it the next drug’s', () => {
  assert.deepEqual(attached('La prégabaline 300 mg, ou de la gabapentine.'), [['300 mg', 'prégabaline', 'directement-après']]);
});

test('« de la » or « de le » with two spaces before the drug', () => {
  assert.deepEqual(attached('La prégabaline, 300 mg de la  gabapentine.')[0], ['300 mg', 'gabapentine', 'de-suivant']);
  assert.deepEqual(attached('La prégabaline, 300 mg de le  paracétamol.')[0], ['300 mg', 'paracétamol', 'de-suivant']);
});

test('a drug that ends its sentence takes the dose before it in that sentence', () => {
  assert.deepEqual(attached('À 150 mg/j, la prégabaline. Puis autre chose.'), [['150 mg/j', 'prégabaline', 'phrase-après']]);
});

test('a dose that starts a sentence does not belong to the sentence before', () => {
  assert.deepEqual(attached('La prégabaline est utile. 300 mg/j le soir.'), [['300 mg/j le soir', 'prégabaline', 'paragraphe']]);
});

test('a block ends a sentence even without a full stop', () => {
  assert.deepEqual(attached('Prégabaline\n\n300 mg/j\n'), [['300 mg/j', 'prégabaline', 'titre']]);
});

test('a drug that ends a list’s lead-in with no colon introduces it', () => {
  assert.deepEqual(attached('Posologie du paracétamol\n\n- 1 g par prise ;\n'), [['1 g par prise', 'paracétamol', 'liste-introduite']]);
});

test('an unknown drug in an earlier section does not keep the heading’s drug off', () => {
  assert.deepEqual(attached('Le xabaparinux est cité.\n\n## Prégabaline\n\nDe 150 à 600 mg/j.\n'), [['150 à 600 mg/j', 'prégabaline', 'titre']]);
});

test('a dose with no drug anywhere, in prose or in a heading, belongs to none', () => {
  assert.deepEqual(attached('Prendre 300 mg/j.'), [['300 mg/j', null, null]]);
  assert.deepEqual(attached('## Posologie : 150 mg/j\n'), [['150 mg/j', null, null]]);
});

test('a closing parenthesis after the drug, with no opening one before it, is no parenthesis around it', () => {
  assert.deepEqual(attached('La prégabaline puis l’oméprazole (le soir) à 30 mg/j.'), [['30 mg/j', 'oméprazole', 'phrase-avant']]);
});

test('parentheses closed before the drug, then others after it, are not around it', () => {
  assert.deepEqual(attached('La prégabaline (le soir) puis l’oméprazole (le matin) à 30 mg/j.'), [['30 mg/j', 'oméprazole', 'phrase-avant']]);
});

test('a parenthesis never closed is not around the drug', () => {
  assert.deepEqual(attached('La prégabaline (puis l’oméprazole à 30 mg/j.'), [['30 mg/j', 'oméprazole', 'phrase-avant']]);
});

test('the indication named in the dose’s sentence decides, wherever the sentence is', () => {
  assert.deepEqual(hydro('Autre chose. Dans le choc septique, l’hydrocortisone est donnée à 200 mg/j.'), []);
  assert.deepEqual(hydro('Texte. 200 mg/j d’hydrocortisone dans le choc septique.'), []);
});

test('an indication named in another sentence does not decide', () => {
  assert.deepEqual(hydro('Dans le choc septique, rien. L’hydrocortisone est donnée à 200 mg/j.'), ['dose-above-max']);
  assert.deepEqual(hydro('L’hydrocortisone est donnée à 200 mg/j. Dans le choc septique, autre.'), ['dose-above-max']);
});

test('the indication named in the heading above the dose decides', () => {
  assert.deepEqual(hydro('## Choc septique\n\nL’hydrocortisone est donnée à 200 mg/j.\n'), []);
});

test('a comparator with two spaces after « le », « la », « les » (de le, comme, qu’avec, versus) or before an analogue’s adjective', () => {
  for (const phrase of ['celle de le  paracétamol', 'comme la  gabapentine', 'qu’avec le  paracétamol', 'versus le  paracétamol', 'versus les  gabapentines',
    'prodrogue  orale de la gabapentine']) {
    assert.deepEqual(attached(`La prégabaline, ${phrase}, est donnée à 300 mg/j.`)[0][1], 'prégabaline', phrase);
  }
});

test('« de » with two spaces before the drug after a dose', () => {
  assert.deepEqual(attached('La prégabaline, 300 mg de  paracétamol.')[0], ['300 mg', 'paracétamol', 'de-suivant']);
});

test('a list item ends a sentence even without a full stop', () => {
  assert.deepEqual(attached('- La prégabaline est citée\n- 300 mg/j le soir'), [['300 mg/j le soir', 'prégabaline', 'titre']]);
});

test('a dose that starts a paragraph belongs to that paragraph’s sentence', () => {
  assert.deepEqual(attached('La prégabaline est citée\n\n300 mg/j le soir.'), [['300 mg/j le soir', 'prégabaline', 'titre']]);
});

test('a comparator after « celui du », « ceux des » or « celle d’ » is one', () => {
  for (const phrase of ['celui du paracétamol', 'ceux du paracétamol', 'celle des gabapentines', 'celles d’oméprazole', "celle d'oméprazole"]) {
    assert.deepEqual(attached(`La prégabaline, d’un effet proche de ${phrase}, est donnée à 300 mg/j.`)[0][1], 'prégabaline', phrase);
  }
});
