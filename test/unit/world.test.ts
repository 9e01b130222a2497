/**
 * Drugs not sold in France: the EMA's products absent from the BDPM (authorised, withdrawn, refused) and the
 * curated ones (data/curated/world.json) are known, with their status on the card; `unknown-drug` is left for
 * names no list knows, and says so.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { analyze } from '../../server/src/core/analyze';
import { hoverAt } from '../../server/src/features/hover';
import { ROOT, lexicon } from '../helpers';

function card(text: string, word: string): string {
  const a = analyze(text, lexicon());
  return hoverAt(a, text.indexOf(word) + 1, lexicon())?.markdown ?? '';
}

test('a substance authorised in the EU and absent from the BDPM is a drug, not an unknown word', () => {
  const a = analyze('L’inclisiran 284 mg est injecté deux fois par an.', lexicon());
  assert.deepEqual(a.findings.filter((f) => f.code === 'unknown-drug'), []);
  assert.deepEqual(a.mentions.filter((m) => m.kind === 'drug').map((m) => m.id), ['inclisiran']);
});

test('its card says « autorisé dans l’UE (EMA, date), non commercialisé en France » with the EPAR link', () => {
  const c = card('Un patient sous inclisiran.', 'inclisiran');
  assert.match(c, /autorisé dans l'UE \(EMA, 2020-12-09\), non commercialisé en France/);
  assert.match(c, /https:\/\/www\.ema\.europa\.eu\/en\/medicines\/human\/EPAR\/leqvio/);
});

test('a product withdrawn in the EU: its card says « retiré »', () => {
  assert.match(card('La sotagliflozine a été étudiée.', 'sotagliflozine'), /Statut : retiré/);
});

test('a product refused by the EMA: its card says so', () => {
  assert.match(card('Le tanezumab a été étudié dans l’arthrose.', 'tanezumab'), /refusé par l'EMA/);
});

test('the EU product name is a brand of its substance', () => {
  const a = analyze('Le LEQVIO est une injection semestrielle.', lexicon());
  assert.deepEqual(a.mentions.map((m) => m.id), ['inclisiran']);
  assert.match(card('Le LEQVIO est une injection semestrielle.', 'LEQVIO'), /marque d’inclisiran[\s\S]*non commercialisé en France/);
});

test('an EU product of a substance the BDPM names by its salt is a brand of that substance, sold in France', () => {
  const text = 'Le nintédanib (VARGATEF) est associé au docétaxel.';
  const a = analyze(text, lexicon());
  assert.deepEqual(a.mentions.map((m) => m.id), ['ésilate de nintédanib', 'ésilate de nintédanib', 'docétaxel']);
  assert.doesNotMatch(card(text, 'nintédanib'), /non commercialisé/);
  assert.match(card(text, 'VARGATEF'), /autorisé dans l'UE \(EMA, 2014-11-21\), non commercialisé en France/);
});

test('curated drugs not sold in France (FDA approvals) are known, with their status and source', () => {
  for (const [text, word, id] of [
    ['Le lécanémab ralentit le déclin.', 'lécanémab', 'lecanemab'],
    ['Le donanémab est un anticorps anti-amyloïde.', 'donanémab', 'donanémab'],
    ['La zuranolone est prise pendant 14 jours.', 'zuranolone', 'zuranolone'],
    ['Le resmétirom cible la MASH.', 'resmétirom', 'resmetirom'],
  ]) {
    const a = analyze(text, lexicon());
    assert.deepEqual(a.mentions.map((m) => m.id), [id], text);
    assert.deepEqual(a.findings, [], text);
    assert.match(card(text, word), /non commercialisé en France \(autorisé aux États-Unis \(FDA/, text);
  }
});

test('unknown-drug says plainly that no list knows the name', () => {
  const f = analyze('Le zorblimab est à l’essai.', lexicon()).findings.find((x) => x.code === 'unknown-drug');
  assert.match(f?.message ?? '', /inconnu de toutes les listes de MedLint \(BDPM, EMA, ajouts sourcés\)/);
});

test('data stats counts the substances known but not sold in France, and the abbreviations', () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'data', 'stats', '--format', 'json'], { encoding: 'utf8' });
  const stats = JSON.parse(run.stdout);
  assert.ok(stats.worldSubstances >= 150, `worldSubstances ${stats.worldSubstances}`);
  assert.equal(stats.abbreviations, lexicon().index.abbreviations.length);
});

test('the EMA reader: INNs of a combination, none for a description, the product without its former names', async () => {
  const { innsOf, readEma } = await import('../../data/build/sources/ema');
  assert.deepEqual(innsOf('abacavir sulfate / dolutegravir sodium / lamivudine'), ['abacavir sulfate', 'dolutegravir sodium', 'lamivudine']);
  assert.deepEqual(innsOf('casirivimab, imdevimab'), ['casirivimab', 'imdevimab']);
  assert.deepEqual(innsOf('meningococcal group A, C, W-135 and Y conjugate vaccine'), []);
  const products = readEma(join(ROOT, 'data', 'sources', 'ema', 'ema-epar-human-2023-03-12.csv'));
  assert.ok(products.some((p) => p.product === 'Vyxeos liposomal'));
  assert.ok(!products.some((p) => /previously/i.test(p.product)));
});

test('a drug sold nowhere any more (méticilline, named in « résistant à la méticilline ») is known, its card says « plus commercialisé »', () => {
  const text = 'Staphylocoque doré résistant à la méticilline.';
  assert.deepEqual(analyze(text, lexicon()).findings.map((f) => f.code), []);
  assert.match(card(text, 'méticilline'), /Statut : plus commercialisé \(/);
});

test('« anthracyclines » is a class (ATC L01DB), not an unknown drug', () => {
  const a = analyze('Une cardiotoxicité des anthracyclines est possible.', lexicon());
  assert.deepEqual(a.findings.map((f) => f.code), []);
  assert.match(card('Une cardiotoxicité des anthracyclines est possible.', 'anthracyclines'), /doxorubicine/);
});
