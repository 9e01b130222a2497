/** Each attachment strategy alone: a text where it, and no strategy before it, decides (tiny in-memory lexicon). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Lexicon } from '../../server/src/core/lexicon';
import { STRATEGIES } from '../../server/src/core/attach';
import type { CompiledIndex, Substance } from '../../server/src/core/index-types';

const substance = (dci: string): Substance => ({ dci, aliases: [], brands: [], cisCount: 1, cis: [], origin: 'bdpm', ranges: [] });
const index: CompiledIndex = {
  meta: { bdpmDate: '2025-11-13', builtAt: '2025-11-22', counts: {} },
  substances: ['pibrentasvir', 'méthotrexate', 'kétoprofène', 'prégabaline', 'paracétamol'].map(substance),
  brands: [], trials: [], abbreviations: [], commonWords: [], innStems: ['parinux'],
};
const lex = new Lexicon(index);
const attached = (text: string) => analyze(text, lex).doses.map((d) => [d.drug?.id ?? null, d.attachedBy ?? null]);

const cases: [strategy: string, text: string, drug: string | null][] = [
  ['de-suivant', 'La prégabaline, puis 120 mg de pibrentasvir.', 'pibrentasvir'],
  ['ligne-de-tableau', '| Molécule | Dose |\n|---|---|\n| méthotrexate | 15 mg/sem |\n', 'méthotrexate'],
  ['directement-après', 'Le paracétamol ou le kétoprofène (50 mg toutes les 8 heures).', 'kétoprofène'],
  ['phrase-avant', 'La prégabaline est prescrite à 150 mg/j.', 'prégabaline'],
  ['phrase-après', 'À 150 mg/j, la prégabaline est efficace.', 'prégabaline'],
  ['élément-de-liste', '- À 75 mg deux fois par jour. Prégabaline en première ligne.\n', 'prégabaline'],
  ['paragraphe', 'La prégabaline est efficace. La posologie est de 150 mg/j.', 'prégabaline'],
  ['liste-introduite', 'Le paracétamol :\n\n- 1 g par prise ;\n- 3 g par jour.\n', 'paracétamol'],
  ['titre', '## Prégabaline\n\nDe 150 à 600 mg/j.\n', 'prégabaline'],
];

for (const [strategy, text, drug] of cases) {
  test(`strategy « ${strategy} » attaches the dose on its own example`, () => {
    assert.deepEqual(attached(text)[0], [drug, strategy]);
  });
}

test('strategy « mot-inconnu »: a dose right after an unknown drug-like word belongs to no drug', () => {
  assert.deepEqual(attached('La prégabaline puis le xabaparinux 150 mg.'), [[null, null]]);
});

test('every strategy is exercised above', () => {
  assert.deepEqual(STRATEGIES.map((s) => s.name).filter((n) => n !== 'mot-inconnu' && !cases.some(([c]) => c === n)), []);
});

test('a drug a germ resists or a patient is allergic to takes no dose (« résistant à la méticilline »)', () => {
  assert.deepEqual(attached('Le paracétamol est utile. Germe résistant au kétoprofène. La dose est de 1 g.'), [['paracétamol', 'paragraphe']]);
  assert.deepEqual(attached('Le paracétamol, chez un patient allergique au kétoprofène, est donné à 1 g.'), [['paracétamol', 'phrase-avant']]);
});
