/** The cards a writer reads in two seconds: verdict or summary first, nothing said twice, French typography. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/features/hover';
import { entryCard } from '../../server/src/features/cards';
import { lexicon } from '../helpers';
import { tinyLexicon } from '../support/tiny-lexicon';

const N = '\u202F';
const card = (name: string) => entryCard(lexicon().entries.find((e) => e.name === name)!, lexicon());
const firstLine = (md: string) => md.split('\n')[0].replace(/ +$/, '');
const count = (text: string, needle: string) => text.split(needle).length - 1;
const doseHover = (text: string, dose: string) => hoverAt(analyze(text, lexicon()), text.indexOf(dose) + 1, lexicon())!.markdown;

test('a dose in range: the verdict first, with the documented range', () => {
  const md = doseHover('La prégabaline à 75 mg deux fois par jour.', '75 mg');
  assert.equal(firstLine(md), `**✓ dans la fourchette documentée (150–600${N}mg/j)**`);
});

test('a dose above the maximum: the verdict first says so, with the reading and the ratio', () => {
  const md = doseHover('La prégabaline à 1200 mg/j.', '1200');
  assert.equal(firstLine(md), `**⚠ au-dessus du maximum documenté (150–600${N}mg/j) : 1${N}200${N}mg/j, 2 fois le maximum**`);
});

test('a dose read in another basis shows its normalised reading once', () => {
  const md = doseHover('La prégabaline à 75 mg deux fois par jour.', '75 mg');
  assert.equal(count(md, `= 150${N}mg/j`), 1);
});

test('a dose with no drug says so first', () => {
  const md = doseHover('Puis 40 mg le soir.', '40 mg');
  assert.equal(firstLine(md), '**? aucun médicament rattaché à cette dose**');
});

test('the drug card: one summary line of ranges by route and basis', () => {
  const md = card('prégabaline');
  assert.equal(md.split('\n')[1].replace(/ +$/, ''), `**Posologie adulte** : 150–600${N}mg/j (orale)`);
});

test('the drug card says each range, indication and source once', () => {
  const md = card('prégabaline');
  assert.equal(count(md, `150–600${N}mg/j`), 1);
  assert.equal(count(md, 'LYRICA 25 mg, gélule'), 1);
  assert.equal(count(md, 'douleurs neuropathiques'), 1);
  assert.equal(count(md, 'liste I'), 1);
});

test('the drug card dates the data in full', () => {
  assert.match(card('prégabaline'), /BDPM de l’ANSM du 13 novembre 2025/);
});

test('the brand card is not stacked on the DCI card, and elides « de »', () => {
  const md = card('OCREVUS');
  assert.equal(firstLine(md), '**OCREVUS** — marque d’ocrélizumab');
  assert.doesNotMatch(md, /— DCI/);
  assert.equal(count(md, 'liste I'), 1);
});

test('prescription conditions take curly apostrophes', () => {
  assert.match(card('OCREVUS'), /réservé à l’usage HOSPITALIER/);
});

test('a class names each member once', () => {
  const md = card('antiépileptiques');
  assert.equal(count(md, 'lévétiracétam'), 1);
});

test('a trial card: metadata in French, products as written, no internal path', () => {
  const md = card('RESET-SLE');
  assert.equal(firstLine(md), '**RESET-SLE** — essai clinique de phase 1/2, recrutement en cours');
  assert.match(md, /Produits : CABA-201/);
  assert.doesNotMatch(md, /data\//);
});

test('a dose written in another unit shows its reading in the range’s unit, under the verdict', () => {
  const md = doseHover('Le paracétamol 1 g.', '1 g');
  assert.equal(md.split('\n')[1].replace(/ +$/, ''), `paracétamol · 1 g = 1${N}000${N}mg par prise`);
});

test('a fixed-dose combination says its components are checked one by one', () => {
  const md = doseHover('BACTRIM 800/160 mg deux fois par jour.', '800');
  assert.equal(firstLine(md), '**– association à doses fixes : chaque composant est comparé à sa fourchette (voir les problèmes)**');
});

const capped = tinyLexicon({ substances: [{ dci: 'vincristine', ranges: [['2-2 mg/injection intraveineuse', { maxOnly: true }]] }] });
const cappedHover = (text: string) => firstLine(hoverAt(analyze(text, capped), text.indexOf(' mg') - 1, capped)!.markdown);

test('a dose above a cap (a maximum with no minimum): the cap is quoted as a cap, not as a range from 0', () => {
  assert.equal(cappedHover('La vincristine 30 mg IV.'), `**⚠ au-dessus du maximum documenté (max 2${N}mg par prise) : 30${N}mg par prise, 15 fois le maximum**`);
});

test('a dose under a cap: the cap is quoted as a cap', () => {
  assert.equal(cappedHover('La vincristine 1 mg IV.'), `**✓ dans la fourchette documentée (max 2${N}mg par prise)**`);
});
