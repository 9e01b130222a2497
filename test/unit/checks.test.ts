import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Lexicon } from '../../server/src/core/lexicon';
import type { CompiledIndex, DoseRange } from '../../server/src/core/index-types';
import { lexicon } from '../helpers';

test('a dose above the documented maximum is a warning citing the range and its source', () => {
  const a = analyze('La prégabaline 1200 mg/j est-elle raisonnable ?', lexicon());
  const f = a.findings.find((x) => x.code === 'dose-above-max');
  assert.ok(f);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /600 mg\/j/);
  assert.match(f.message, /LYRICA/);
  assert.match(f.message, /CIS \d{8}/);
});

/** How a writer would write a range's maximum, in each basis. */
function written(r: DoseRange, value: number): string | null {
  const weight = r.perWeight === 'kg' ? '/kg' : r.perWeight === 'm2' ? '/m²' : '';
  const amount = `${String(value).replace('.', ',')} ${r.unit}${weight}`;
  switch (r.per) {
    case 'day': return `${amount}/j`;
    case 'week': return `${amount}/sem`;
    case 'intake': case 'infusion': case 'injection': return amount;
    default: return null; // per application (patch %) and per cycle: not written as a plain dose
  }
}

test('the documented maximum and a tenfold dose, for every range of every substance', () => {
  const lex = lexicon();
  const substances = new Set<string>();
  for (const s of lex.index.substances) {
    for (const r of s.ranges) {
      const usual = written(r, r.max), high = written(r, r.max * 10);
      if (!usual || !high) continue;
      const route = ['cutanée', 'inhalée', 'rectale'].includes(r.route) ? '' : ` par voie ${r.route}`;
      const ok = analyze(`Le traitement par ${s.dci} : ${usual}${route}.`, lex);
      assert.deepEqual(ok.findings.filter((f) => f.code.startsWith('dose')).map((f) => f.message), [], `${s.dci} ${usual} (${r.context})`);
      // Ten times a dose can be the usual dose of another context of the same route and basis
      // (an induction dose, another indication): then nothing in the text tells them apart.
      const dose = (x: DoseRange) => (x.per === 'infusion' || x.per === 'injection' ? 'intake' : x.per);
      const otherRoute = s.ranges.some((o) => o !== r && (!route || o.route === r.route) && dose(o) === dose(r) && o.perWeight === r.perWeight && o.unit === r.unit && o.min <= r.max * 10 && r.max * 10 <= o.max);
      if (otherRoute) continue;
      const tenfold = analyze(`Le traitement par ${s.dci} : ${high}${route}.`, lex);
      assert.ok(tenfold.findings.some((f) => f.code === 'dose-above-max' || f.code === 'dose-unit-mismatch'), `${s.dci} ${high} (${r.context}) non signalé`);
      substances.add(s.dci);
    }
  }
  assert.ok(substances.size >= 250, `only ${substances.size} substances checked`);
});

test('a misspelt drug gets "vouliez-vous dire" and a quick fix', () => {
  const a = analyze('On peut prescrire la pregabalinne au coucher.', lexicon());
  const f = a.findings.find((x) => x.code === 'unknown-drug');
  assert.ok(f);
  assert.equal(f.suggestions?.[0], 'prégabaline');
  assert.match(f.message, /vouliez-vous dire prégabaline/);
  assert.equal(f.fixes?.[0].edit.newText, 'prégabaline');
});

test('drug-like unknown words: an INN stem, a ® mark; ordinary words are never flagged', () => {
  const a = analyze('Le zorblimab et le FANTOMAX® sont testés. Le patient revient demain à Paris.', lexicon());
  assert.deepEqual(a.findings.filter((f) => f.code === 'unknown-drug').map((f) => f.message.match(/« (.+?) »/)?.[1]), ['zorblimab', 'FANTOMAX']);
});

const tiny: CompiledIndex = {
  meta: { bdpmDate: '2025-11-13', builtAt: '2025-11-22', counts: {} },
  substances: [{
    dci: 'lévothyroxine', aliases: [], brands: [], cisCount: 1, cis: [], origin: 'bdpm',
    ranges: [{ substance: 'lévothyroxine', context: 'hypothyroïdie', route: 'orale', population: 'adulte', min: 25, max: 200, unit: 'µg', per: 'day', source: { type: 'rcp', title: 'TEST 100 µg', url: 'https://example.org', cis: '12345678' } }],
  }],
  brands: [], trials: [], abbreviations: [], commonWords: [], innStems: [],
};

test('a microgram drug written in mg is a unit mismatch with a fix to µg', () => {
  const a = analyze('La lévothyroxine 100 mg/j le matin.', new Lexicon(tiny));
  const f = a.findings.find((x) => x.code === 'dose-unit-mismatch');
  assert.ok(f, JSON.stringify(a.findings));
  assert.equal(f.fixes?.[0].edit.newText, 'µg');
  assert.equal(a.findings.filter((x) => x.code === 'dose-above-max' || x.code === 'dose-below-min').length, 0);
});

test('a route written next to the dose narrows the comparison to that route', () => {
  const source = { type: 'rcp' as const, title: 'TEST', url: 'https://example.org', cis: '12345678' };
  const index: CompiledIndex = {
    ...tiny,
    substances: [{
      dci: 'sumatriptan', aliases: [], brands: [], cisCount: 1, cis: [], origin: 'bdpm',
      ranges: [
        { substance: 'sumatriptan', context: 'migraine', route: 'orale', population: 'adulte', min: 50, max: 100, unit: 'mg', per: 'intake', source },
        { substance: 'sumatriptan', context: 'migraine', route: 'sous-cutanée', population: 'adulte', min: 3, max: 6, unit: 'mg', per: 'injection', source },
      ],
    }],
  };
  const lex = new Lexicon(index);
  const doseFindings = (text: string) => analyze(text, lex).findings.filter((f) => f.code === 'dose-above-max');
  assert.equal(doseFindings('Le sumatriptan 60 mg en sous-cutané.').length, 1, 'SC: 60 mg is ten times 6 mg');
  assert.equal(doseFindings('Le sumatriptan 60 mg.').length, 0, 'no route: 60 mg fits the oral range');
  assert.equal(doseFindings('Le sumatriptan 6 mg SC.').length, 0);
  assert.equal(doseFindings('Le sumatriptan 60 mg per os.').length, 0);
  assert.equal(doseFindings('Le sumatriptan 200 mg IV.').length, 0, 'no documented IV range: nothing to compare with');
});

test('the plural of a known name is not an unknown drug (« les héparines »)', () => {
  const a = analyze('Les héparines et les immunoglobulines sont citées.', lexicon());
  assert.deepEqual(a.findings, []);
});

test('a total over several days is a course: « IgIV 2 g/kg sur 5 jours » is the usual dose, 20 g/kg is not', () => {
  const doses = (text: string) => analyze(text, lexicon()).findings.filter((f) => f.code.startsWith('dose'));
  assert.deepEqual(doses('Les IgIV 2 g/kg sur 5 jours ont été efficaces.'), []);
  assert.deepEqual(doses('Les IgIV 2 g/kg répartis sur 2 à 5 jours.'), []);
  assert.equal(doses('Les IgIV 20 g/kg sur 5 jours.').length, 1);
});

test('an RCP-worded regimen is not an overdose: tramadol every 4 to 6 hours, methylprednisolone boluses, short DCIs', () => {
  const found = (text: string) => analyze(text, lexicon()).findings.map((f) => `${f.code}: ${f.message}`);
  assert.deepEqual(found('Le tramadol 50 à 100 mg toutes les 4 à 6 heures sans dépasser 400 mg/j.'), []);
  assert.deepEqual(found('Des bolus de méthylprednisolone de 1 g pendant 3 jours.'), []);
  assert.deepEqual(found('Le certolizumab et l’efgartigimod sont prescrits.'), []);
  assert.equal(found('Le tramadol 200 mg toutes les 4 heures.').length, 1, '1 200 mg/j is flagged');
});

test('a dose goes to the drug it directly follows, and never across an unknown drug-like word', () => {
  const a = (text: string) => analyze(text, lexicon());
  const found = (text: string) => a(text).findings.map((f) => `${f.code}: ${f.message}`);
  // « comme le kétoprofène (50 mg …) »: "comme" here means "such as"; the dose is the kétoprofène's.
  const keto = a('Le paracétamol (1 g toutes les 6 heures) et un AINS comme le kétoprofène (50 mg toutes les 8 heures).');
  assert.deepEqual(keto.doses.map((d) => d.drug?.id), ['paracétamol', 'kétoprofène']);
  assert.deepEqual(keto.findings, []);
  // An unknown drug-like word between a known drug and a dose owns the dose: no overdose of the known one.
  const unknown = a('Le rivaroxaban 20 mg une fois par jour, ou le xabaparinux 150 mg deux fois par jour.');
  assert.deepEqual(unknown.findings.map((f) => f.code), ['unknown-drug']);
  assert.equal(unknown.doses[1].drug, undefined);
  // The ester and conjugate DCIs are known by their short names, the way writers write them.
  assert.deepEqual(found('Le dabigatran 150 mg deux fois par jour, l’olmésartan 20 mg/j et le brentuximab.'), []);
  assert.equal(a('Le trastuzumab 6 mg/kg toutes les 3 semaines.').mentions[0].id, 'trastuzumab', 'not trastuzumab emtansine');
});

test('usual doses of other indications raise nothing: anaesthesia, oncology', () => {
  const found = (text: string) => analyze(text, lexicon()).findings;
  assert.deepEqual(found('La dexaméthasone 8 mg IV prévient les nausées et vomissements postopératoires, de même que l’ondansétron 4 mg.'), []);
  assert.deepEqual(found('Le dénosumab ou l’acide zolédronique (4 mg toutes les 3 à 4 semaines) préviennent les complications osseuses.'), []);
});

test('induction schemes of inflammatory bowel disease raise nothing', () => {
  const found = (text: string) => analyze(text, lexicon()).findings;
  assert.deepEqual(found('L’adalimumab 160 mg à S0 puis 80 mg à S2, et l’upadacitinib 45 mg/j en induction.'), []);
  assert.equal(found('L’upadacitinib 90 mg/j.').length, 1, 'twice the induction dose is still flagged');
});

test('a company written where a brand belongs is named as such, not as an unknown drug', () => {
  const found = analyze('Ponesimod (IDORSIA®) est un modulateur des récepteurs S1P. Les laboratoires Novartis et Biogaran.', lexicon()).findings;
  assert.equal(found.length, 1);
  assert.equal(found[0].code, 'company-as-brand');
  assert.equal(found[0].severity, 'information');
  assert.match(found[0].message, /« IDORSIA » est le nom d’un laboratoire \(titulaire d’AMM : IDORSIA PHARMACEUTICALS/);
});

test('writers’ names: vitamins, cotrimoxazole, salts without a dose, L-Thyroxin®, antibiotic classes; no alarm on form words or diseases', () => {
  const a = analyze('La vitamine K, la Vitamine B12 et le cotrimoxazole ; le carboxymaltose ferrique (FERINJECT®) ; la L-Thyroxin® ; ' +
    'une fluoroquinolone ou une pénicilline. Hépatite C : patch 21 mg/24 h.', lexicon());
  assert.deepEqual(a.mentions.map((m) => `${m.kind}:${m.id}`), [
    'drug:phytoménadione', 'drug:vitamine B12', 'drug:cotrimoxazole', 'drug:fer', 'drug:fer', 'drug:lévothyroxine', 'class:fluoroquinolones', 'class:pénicillines',
  ]);
  assert.deepEqual(a.findings, []);
});

test('a dose « de » a drug is that drug’s; « de » something else, no drug’s; never the drug it is compared with', () => {
  const a = (text: string) => analyze(text, lexicon()).doses.map((d) => `${d.text} → ${d.drug?.id ?? '-'}`);
  assert.deepEqual(a('Le glécaprévir associé au pibrentasvir : 300 mg de glécaprévir et 120 mg de pibrentasvir.'), ['300 mg → glécaprévir', '120 mg → pibrentasvir']);
  assert.deepEqual(a('La spironolactone est associée à une restriction de 5 à 6 g/j de sel.'), ['5 à 6 g/j → -']);
  assert.deepEqual(a('Le sacubitril/valsartan, supérieur à l’énalapril, est prescrit à 100 mg deux fois par jour.'), ['100 mg deux fois par jour → valsartan']);
});

test('a trial name inside a longer acronym is another trial (« CLARITY AD », « STAR*D », « SUSTAIN-6 »)', () => {
  const trials = (text: string) => analyze(text, lexicon()).mentions.filter((m) => m.kind === 'trial').map((m) => m.text);
  assert.deepEqual(trials('Dans CLARITY AD, STAR*D et SUSTAIN-6.'), []);
  assert.deepEqual(trials('L’essai CLARITY (cladribine), RESET-SLE/CAR-T et ORATORIO 2012.'), ['CLARITY', 'RESET-SLE', 'ORATORIO']);
});

test('brands as writers write them: a ® inside the name, the first word of a multi-word brand, one drug for a brand family', () => {
  const ids = (text: string) => analyze(text, lexicon()).mentions.map((m) => `${m.text} → ${m.id}`);
  assert.deepEqual(ids('Le Symbicort® Turbuhaler et le Symbicort®, la Xylocaïne®, le risédronate.'), [
    'Symbicort® Turbuhaler → budésonide + formotérol', 'Symbicort® → budésonide + formotérol', 'Xylocaïne® → lidocaïne', 'risédronate → acide risédronique',
  ]);
  assert.deepEqual(ids('La dialyse et le soluté.'), [], 'a brand’s first word that is an ordinary word counts only in capitals or with ®');
});

test('intensive care and pregnancy regimens raise nothing: hydrocortisone 50 mg IV every 6 hours, CARIBAN 2 to 4 capsules', () => {
  const found = (text: string) => analyze(text, lexicon()).findings.map((f) => f.message);
  assert.deepEqual(found('L’hydrocortisone 50 mg IV toutes les 6 heures (200 mg/j) dans le choc septique.'), []);
  assert.deepEqual(found('La doxylamine associée à la pyridoxine (Cariban®) : 20 à 40 mg/j.'), []);
});

test('a drug named as an analogue or partner of another is not the dose’s; volumes are not compared with mass ranges', () => {
  const a = (text: string) => analyze(text, lexicon());
  const d = a('Le brivaracétam (Briviact®), analogue du lévétiracétam avec une affinité plus forte, se prescrit à 50 à 100 mg deux fois par jour.');
  assert.deepEqual(d.doses.map((x) => x.drug?.id), ['brivaracétam']);
  assert.deepEqual(d.findings, []);
  assert.deepEqual(a('Le nusinersen 12 mg (5 mL) par voie intrathécale.').findings, []);
  assert.deepEqual(a('Réduction de 46 % des poussées contre interféron.').mentions, [], '« interféron » alone is no one interferon');
  assert.deepEqual(a('Pyridostigmine : 4 à 8 comprimés de 60 mg par jour.').doses.map((x) => [x.min, x.max]), [[240, 480]]);
});

test('a list’s doses belong to the drug of the paragraph that introduces the list; patient-leaflet names', () => {
  const a = analyze('## Douleur\n\nLe paracétamol est le traitement de référence :\n- 1 g par prise ;\n- sans dépasser 30 g par jour.\n\nLa L-thyroxine et le Mopralpro®.\n', lexicon());
  assert.deepEqual(a.doses.map((d) => d.drug?.id), ['paracétamol', 'paracétamol']);
  assert.deepEqual(a.findings.map((f) => f.code), ['dose-above-max']);
  assert.deepEqual(a.mentions.slice(1).map((m) => m.id), ['lévothyroxine', 'oméprazole']);
});

test('news-style text: plurals of ordinary words, two-word unknown names, presentations and longer trial names', () => {
  const a = (text: string) => analyze(text, lexicon());
  assert.deepEqual(a('**Lipides** : baisse du LDL.').findings, []);
  assert.equal(a('Le datopotamab déruxtécan a été approuvé.').findings.length, 1, 'one unknown drug, reported once');
  assert.deepEqual(a('La rupture touche les comprimés de 1 g d’amoxicilline et un flacon de 100 mg de trastuzumab.').doses, []);
  assert.deepEqual(a('L’essai CLEAR SYNERGY.').mentions, []);
});

test('endocrinology and long-acting injectables: oral single doses are not compared with injections; two-word brands', () => {
  const a = (text: string) => analyze(text, lexicon());
  assert.deepEqual(a('Hydrocortisone 20 à 40 mg/jour, par exemple 10 mg le matin, 5 mg à midi et 5 mg à 16 h.').findings.filter((f) => f.severity === 'warning'), []);
  assert.deepEqual(a('La rispéridone LP (Risperdal Consta®) et la palipéridone trimestrielle (Trevicta®) : 350 ou 525 mg tous les 3 mois.').findings, []);
  assert.deepEqual(a('Les analogues de la somatostatine et les diurétiques thiazidiques.').mentions.map((m) => `${m.kind}:${m.id}`),
    ['class:analogues de la somatostatine', 'class:diurétiques thiazidiques']);
});
