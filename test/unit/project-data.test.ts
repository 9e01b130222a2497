/**
 * `.medlint.json` `data`: the project's own drugs, ranges and trials, validated (config.ts) and laid over the
 * lexicon (core/lexicon-overlay.ts) so that every rule knows them. The drug and trial here are made up.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseProjectFile } from '../../server/src/config';
import { withProjectData, type ProjectData } from '../../server/src/core/lexicon-overlay';
import { analyzeDocument } from '../../server/src/core/document';
import { hoverAt } from '../../server/src/features/hover';
import { completionsAt } from '../../server/src/features/completion';
import { tinyLexicon } from '../support/tiny-lexicon';
import { ROOT } from '../helpers';

const SOURCE = { type: 'publication', title: 'Protocole interne ZRB-101, version 3, section 6.1', url: 'https://example.org/zrb-101' };
const PROJECT_DATA: ProjectData = {
  substances: [{ name: 'zorblimab', aliases: ['zorblimabum'], brands: ['ZORBLIX'], drugClass: 'anticorps fictif', source: SOURCE }],
  ranges: [{ substance: 'zorblimab', context: 'toutes indications', route: 'orale', population: 'adulte', min: 10, max: 40, unit: 'mg', per: 'day', source: SOURCE }],
  trials: [{ name: 'ZORBA-1', aliases: ['ZORBA 1'], conditions: ['psoriasis'], products: ['zorblimab'], source: { type: 'publication', title: 'Protocole ZORBA-1', url: 'https://example.org/zorba-1' } }],
};

const base = () => tinyLexicon({ substances: [{ dci: 'prégabaline', brands: ['LYRICA'], ranges: ['150-600 mg/day orale'] }], innStems: ['mab'] });
const file = (data: unknown) => JSON.stringify({ data }, null, 2);

test('a valid data section is kept as written, with no problem', () => {
  const { config, problems, fatal } = parseProjectFile(file(PROJECT_DATA), '/p/.medlint.json');
  assert.deepEqual(problems, []);
  assert.equal(fatal, false);
  assert.deepEqual(config.data, PROJECT_DATA);
});

test('a range without a source is refused: fatal, with the file, line, JSON path and problem in French', () => {
  const { source: _, ...bare } = PROJECT_DATA.ranges![0];
  const { config, problems, fatal } = parseProjectFile(file({ ranges: [bare] }), '/p/.medlint.json');
  assert.equal(fatal, true);
  assert.deepEqual(config, {});
  assert.deepEqual(problems, [{ file: '/p/.medlint.json', line: 4, column: 7, message: 'data.ranges.0 (zorblimab) : propriété « source » obligatoire (chaque fait cite sa source)' }]);
});

test('a mistyped unit, a bad NCT id and an unknown key are each named with their path', () => {
  const ranges = [{ ...PROJECT_DATA.ranges![0], unit: 'mgg' }];
  const trials = [{ ...PROJECT_DATA.trials![0], nct: 'NCT123' }];
  const substances = [{ ...PROJECT_DATA.substances![0], couleur: 'bleu' }];
  const { problems, fatal } = parseProjectFile(file({ substances, ranges, trials }), '/p/.medlint.json');
  assert.equal(fatal, true);
  assert.deepEqual(problems.map((p) => p.message), [
    'data.substances.0.couleur (zorblimab) : clé inconnue',
    'data.ranges.0.unit (zorblimab) : « mgg » n’est pas une valeur permise (mg, µg, g, UI, %, mL, L, mmol, mEq)',
    'data.trials.0.nct (ZORBA-1) : « NCT123 » n’a pas la forme attendue (NCT suivi de 8 chiffres)',
  ]);
});

test('a range whose minimum is above its maximum is refused', () => {
  const { problems, fatal } = parseProjectFile(file({ ranges: [{ ...PROJECT_DATA.ranges![0], min: 50 }] }), '/p/.medlint.json');
  assert.equal(fatal, true);
  assert.deepEqual(problems.map((p) => p.message), ['data.ranges.0 (zorblimab) : min (50) supérieur à max (40)']);
});

test('the schema contributes data with the data build’s own definitions of a range and its source', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'medlint.schema.json'), 'utf8'));
  const ranges = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', 'dose-ranges.schema.json'), 'utf8'));
  assert.deepEqual(schema.definitions.range, ranges.definitions.range);
  assert.deepEqual(schema.definitions.source, ranges.definitions.source);
  assert.deepEqual(Object.keys(schema.properties.data.properties), ['substances', 'ranges', 'trials']);
});

test('a project drug is no unknown-drug, and its brand and alias name it', () => {
  const lex = withProjectData(base(), PROJECT_DATA).lexicon;
  const text = 'Le zorblimab, ou ZORBLIX, ou zorblimabum.';
  assert.deepEqual(analyzeDocument(text, base()).findings.map((f) => f.code), ['unknown-drug']);
  const a = analyzeDocument(text, lex);
  assert.deepEqual(a.findings, []);
  assert.deepEqual(a.mentions.map((m) => [m.text, m.id]), [['zorblimab', 'zorblimab'], ['ZORBLIX', 'zorblimab'], ['zorblimabum', 'zorblimab']]);
});

test('a dose above the project’s range is flagged, citing the project’s source', () => {
  const lex = withProjectData(base(), PROJECT_DATA).lexicon;
  const [f] = analyzeDocument('Le zorblimab à 80 mg/j.', lex).findings;
  assert.equal(f.code, 'dose-above-max');
  assert.match(f.message, /Protocole interne ZRB-101, version 3, section 6\.1/);
  assert.deepEqual(analyzeDocument('Le zorblimab à 20 mg/j.', lex).findings, []);
});

test('a project range on a drug of the data adds to its ranges; the base lexicon is untouched', () => {
  const extra = { ranges: [{ ...PROJECT_DATA.ranges![0], substance: 'prégabaline', min: 600, max: 1200 }] };
  const lexicon = base();
  const { lexicon: lex, problems } = withProjectData(lexicon, extra);
  assert.deepEqual(problems, []);
  assert.deepEqual(lex.substance('prégabaline')!.ranges.map((r) => r.max), [1200, 600]);
  assert.deepEqual(lexicon.substance('prégabaline')!.ranges.map((r) => r.max), [600]);
});

test('a range naming a drug neither the project nor the data knows is left out, with a problem', () => {
  const { problems } = withProjectData(base(), { ranges: [{ ...PROJECT_DATA.ranges![0], substance: 'inconnumab' }] });
  assert.deepEqual(problems, ['data.ranges.0 : « inconnumab » n’est ni un médicament du projet (data.substances) ni un médicament connu ; fourchette ignorée']);
});

test('the project’s trial is a mention with its card; its drug’s card names the project as its source', () => {
  const lex = withProjectData(base(), PROJECT_DATA).lexicon;
  const text = 'Dans ZORBA-1, le zorblimab.';
  const a = analyzeDocument(text, lex);
  assert.deepEqual(a.mentions.map((m) => [m.kind, m.id]), [['trial', 'ZORBA-1'], ['drug', 'zorblimab']]);
  assert.match(hoverAt(a, text.indexOf('ZORBA'), lex)!.markdown, /ZORBA-1/);
  const card = hoverAt(a, text.indexOf('zorbli') + 2, lex)!.markdown;
  assert.match(card, /10–40\u202Fmg\/j/);
  assert.match(card, /Ajout du projet \(\.medlint\.json\)/);
});

test('completion offers the project’s drug and brand', () => {
  const lex = withProjectData(base(), PROJECT_DATA).lexicon;
  const text = 'Le zorbl';
  const labels = completionsAt(text, text.length, lex, () => true).map((c) => c.label);
  assert.deepEqual(labels, ['zorblimab', 'ZORBLIX', 'zorblimabum']);
});

test('one overlay per data object: the same lexicon comes back', () => {
  const lexicon = base();
  assert.equal(withProjectData(lexicon, PROJECT_DATA).lexicon, withProjectData(lexicon, PROJECT_DATA).lexicon);
});

test('a misspelt project drug gets the project’s name as its suggestion', () => {
  const lex = withProjectData(base(), PROJECT_DATA).lexicon;
  const [f] = analyzeDocument('Le zorblimabb à 20 mg/j.', lex).findings;
  assert.equal(f.code, 'unknown-drug');
  assert.deepEqual(f.suggestions, ['zorblimab']);
});

test('a project drug named like a drug of the data extends it: its ranges and names added, the data’s record kept', () => {
  const data: ProjectData = {
    substances: [{ name: 'prégabaline', aliases: ['PGB-ZR'], source: SOURCE }],
    ranges: [{ ...PROJECT_DATA.ranges![0], substance: 'prégabaline', min: 600, max: 1200 }],
  };
  const s = withProjectData(base(), data).lexicon.substance('prégabaline')!;
  assert.deepEqual([s.origin, s.ranges.map((r) => r.max), s.aliases, s.brands], ['bdpm', [1200, 600], ['PGB-ZR'], ['LYRICA']]);
});
