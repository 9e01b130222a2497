/**
 * Misspelt drug names whatever the case (« DOLIPRNE », « Levothirox », « prend du levotirox ») get the right
 * « vouliez-vous dire », and ordinary French words one or two letters from a drug name stay silent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { ROOT, lexicon } from '../helpers';

const NAMES = join(ROOT, 'test', 'fixtures', 'names');
const misspellings = (JSON.parse(readFileSync(join(NAMES, 'misspellings.json'), 'utf8')) as { misspellings: { written: string; expected: string }[] }).misspellings;
const ordinary = (JSON.parse(readFileSync(join(NAMES, 'ordinary-words.json'), 'utf8')) as { words: { word: string; near: string }[] }).words;

/** The first suggestion of the unknown-drug finding on `word` in `text`, or undefined. */
function suggestionFor(text: string, word: string): string | undefined {
  const at = text.indexOf(word);
  return analyze(text, lexicon()).findings.find((f) => f.code === 'unknown-drug' && f.start === at)?.suggestions?.[0];
}

test('a misspelt brand in CAPITALS in the middle of a sentence gets its suggestion', () => {
  assert.equal(suggestionFor('Le DOLIPRNE reste le premier antalgique.', 'DOLIPRNE'), 'DOLIPRANE');
  assert.equal(suggestionFor('Elle est sous LEVOTHIROX depuis dix ans.', 'LEVOTHIROX'), 'LEVOTHYROX');
  assert.equal(suggestionFor('Une otite traitée par AUGMANTIN pendant huit jours.', 'AUGMANTIN'), 'AUGMENTIN');
});

test('a misspelt brand in lower case after a verb of taking gets its suggestion', () => {
  assert.equal(suggestionFor('Elle prend du levotirox tous les matins.', 'levotirox'), 'LEVOTHYROX');
});

test('a misspelt brand in lower case followed by a dose gets its suggestion', () => {
  assert.equal(suggestionFor('Le soir : doliprne 1000 mg si besoin.', 'doliprne'), 'DOLIPRANE');
});

test('a misspelt brand in lower case after a dose gets its suggestion', () => {
  assert.equal(suggestionFor('Il a reçu 1 g d’augmantin la veille.', 'augmantin'), 'AUGMENTIN');
});

test('a misspelt brand in lower case before ® gets its suggestion', () => {
  assert.equal(suggestionFor('On a introduit le kardegyc® à faible dose.', 'kardegyc'), 'KARDEGIC');
});

test('a misspelt brand in lower case in a list of drugs gets its suggestion', () => {
  assert.equal(suggestionFor('Son traitement associe paracétamol, levotirox et oméprazole.', 'levotirox'), 'LEVOTHYROX');
});

test('a misspelt name with a first capital at the start of a sentence, in a drug slot, gets its suggestion', () => {
  assert.equal(suggestionFor('Doliprne 1000 mg trois fois par jour.', 'Doliprne'), 'DOLIPRANE');
});

test('the test lists are large enough and name what the data knows', () => {
  assert.ok(misspellings.length >= 300, `${misspellings.length} misspellings`);
  assert.ok(ordinary.length >= 200, `${ordinary.length} ordinary words`);
  const lex = lexicon();
  for (const m of misspellings) assert.ok(lex.substance(m.expected) || lex.brand(m.expected), m.expected);
});

/** Drug slots a writer puts a name in: after a verb of taking, before a dose, after one, before ®, in a list. */
const SLOTS = [
  (w: string) => `Le patient prend du ${w} depuis trois mois.`,
  (w: string) => `Traitement de sortie : ${w} 20 mg le matin.`,
  (w: string) => `Elle a reçu 500 mg de ${w} aux urgences.`,
  (w: string) => `On prescrit ${w}® en première intention.`,
  (w: string) => `Il reçoit paracétamol, ${w} et oméprazole.`,
  (w: string) => `Un relais par ${w} est proposé.`,
];
const CASINGS: Record<string, (w: string) => string> = {
  lower: (w) => w.toLowerCase(),
  Capitalised: (w) => w[0].toUpperCase() + w.slice(1).toLowerCase(),
  CAPITALS: (w) => w.toUpperCase(),
};

test('top-1 suggestion of the misspellings list, in each casing, in drug slots: at least 90 %', () => {
  const rates: Record<string, number> = {};
  for (const [casing, cased] of Object.entries(CASINGS)) {
    let right = 0;
    const wrong: string[] = [];
    misspellings.forEach((m, i) => {
      const word = cased(m.written);
      const got = suggestionFor(SLOTS[i % SLOTS.length](word), word);
      if (got === m.expected) right++;
      else wrong.push(`${word} → ${got ?? '∅'} (${m.expected})`);
    });
    rates[casing] = right / misspellings.length;
    console.log(`# ${casing}: top-1 ${(100 * rates[casing]).toFixed(1)} % (${right}/${misspellings.length}); missed: ${wrong.slice(0, 12).join(', ')}`);
  }
  for (const [casing, rate] of Object.entries(rates)) assert.ok(rate >= 0.9, `${casing}: ${(100 * rate).toFixed(1)} %`);
});

test('ordinary French words near a drug name raise nothing: in lower case, at the start of a sentence, in a line of capitals', () => {
  const alarms: string[] = [];
  for (const { word } of ordinary) {
    const cap = word[0].toUpperCase() + word.slice(1);
    for (const text of [`On a noté le mot ${word} dans le dossier.`, `${cap} : voilà ce que dit le dossier.`, `## ${word.toUpperCase()} ET SUITE DU DOSSIER`]) {
      const found = analyze(text, lexicon()).findings.filter((f) => f.code === 'unknown-drug');
      if (found.length) alarms.push(`${text} (${found[0].message})`);
    }
  }
  console.log(`# ordinary words: ${alarms.length} alarms on ${ordinary.length * 3} uses`);
  assert.deepEqual(alarms, []);
});
