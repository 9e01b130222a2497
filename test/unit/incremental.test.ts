/**
 * The incremental analysis (core/incremental.ts) gives what a fresh `analyze` gives, after every edit: a
 * document made of Markdown pieces (titres, listes, tableaux, blocs de code, commentaires HTML, front matter,
 * « La prégabaline à 150 mg/j. », CRLF, NFD) is edited at random (insertions, deletions, replacements that open
 * or close a fence…) and, after each edit, mentions, doses (with their drug and verdict), findings and prose are
 * compared. A few thousand edits in `npm test`; `npm run fuzz` runs about 30 times more (MEDLINT_FUZZ_RUNS / 20 documents),
 * MEDLINT_SEED replays one case. And what it re-reads: only the stretch an edit touches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { createDocumentAnalyzer } from '../../server/src/core/incremental';
import { analyzeDocument, documentAnalyzer } from '../../server/src/core/document';
import { candidateStarts, readChunk, readChunks, rereadChunks } from '../../server/src/core/chunks';
import { lexicon } from '../helpers';

const FUZZ = process.env.MEDLINT_FUZZ_RUNS ? Number(process.env.MEDLINT_FUZZ_RUNS) : undefined;
const RUNS = FUZZ ? Math.max(1, Math.round(FUZZ / 20)) : 150;
const options = { numRuns: RUNS, seed: process.env.MEDLINT_SEED ? Number(process.env.MEDLINT_SEED) : undefined };

/** Lines a writer types: drugs of the real index with doses, unknown drugs, and every Markdown block. */
const LINES = [
  'La prégabaline à 150 mg/j.', 'La prégabaline est prescrite à 1200 mg/j', 'paracétamol 1 g toutes les 6 heures.',
  'Le ramipril 10 mg/j est supérieur à', 'que', 'vs.', 'la gabapentine 300 à 3600 mg/j', 'LYRICA® 75 mg deux fois par jour',
  'De 150 à 600 mg/j.', '500 mg', 'en deux prises.', 'paliers de', 'pregabalinne', 'Le zorbliximab 100 mg', 'acide', 'valproïque',
  'Fin du paragraphe.', 'Le patient va bien', 'Bactrim 800/160 mg', 'capsaïcine 8 %', 'fer 80 mg/j', 'CLARITY AD',
  '# Prégabaline', '## Posologie', 'Titre', '===', '---', '- metformine 500 mg', '- 1 g par prise', '* item', '1. ', '2) suite',
  '> cité : la prégabaline 150 mg', '    code indenté 10 mg', '```', '~~~', '```js', '<!--', '-->', '<div>', '</div>', '<pre>', '</pre>',
  '| Molécule | Dose de départ (mg) | Dose maximale (mg/j) |', '|---|---|---|', '| ramipril | 2,5 x 2/j | 10 |', '| Méthotrexate | 15 mg/sem |',
  'Le patient est mis sous oxygène aux lunettes.', 'oxygène', 'anticorps anti-héparine', 'prend du Xanax', 'Bactrim® 80 g/j',
  '[ref]: https://ex.org/a', 'Voir [ref] et [lien](https://ex.org/b).', '`code 5 mg`', 'pre\u0301gabaline a\u0300 75 mg', '',
];
/** Long paragraphs without digits: a stretch may end between two of them (core/pieces.ts). */
const FILLER = 'Le patient va bien, il marche, il dort, il mange. '.repeat(6);
const LONG = [`${FILLER}Fin.`, `${FILLER}Il prend`, `${FILLER}Supérieur à`, `${FILLER}Voir vs.`, `${FILLER}CLARITY`];
const line = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LINES) },
  { weight: 4, arbitrary: fc.constantFrom(...LONG) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);
/** What ends a line: mostly a blank line after it (the boundaries of the pieces). */
const lineEnd = fc.constantFrom('\n', '\n\n', '\n\n', '\n\n\n', '\n \n');
/** A document: lines and their ends, with LF (or CRLF) breaks. */
const documentText = fc.tuple(fc.array(fc.tuple(line, lineEnd), { maxLength: 40 }), fc.boolean())
  .map(([lines, crlf]) => lines.map(([l, end]) => l + end).join('').replace(/\n/g, crlf ? '\r\n' : '\n'));

/** What is typed or pasted at an edit. */
const INSERTS = ['', 'p', ' ', '\n', '\n\n', '```', '```\n', '\n```\n', '~~~', '<!--', '-->', '- ', '# ', '|', '.', '1', '150 mg', ' mg/j', 'é', 'e\u0301', '\r\n', '---\n', 'prégabaline ', '> '];
const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 40 })),
  insert: fc.oneof(fc.constantFrom(...INSERTS), fc.constantFrom(...LINES).map((l) => `${l}\n`), fc.string({ maxLength: 4 })),
});

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}

/** The analysis with each lexicon entry named by its key (the same entry objects either way; shorter diffs). */
function comparable(a: Analysis) {
  const named = <T extends { entry: { kind: string; key: string } }>(m: T) => ({ ...m, entry: `${m.entry.kind}:${m.entry.key}` });
  return {
    prose: a.prose, mentions: a.mentions.map(named), findings: a.findings,
    doses: a.doses.map((d) => ({ ...d, drug: d.drug && named(d.drug) })),
  };
}

test('after every random edit, the incremental analysis equals a fresh analyze', () => {
  const lex = lexicon();
  fc.assert(fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 20 }), (start, edits) => {
    const doc = createDocumentAnalyzer(lex);
    let text = start;
    assert.deepEqual(comparable(doc.analyze(text)), comparable(analyze(text, lex)));
    for (const e of edits) {
      text = applyEdit(text, e);
      assert.deepEqual(comparable(doc.analyze(text)), comparable(analyze(text, lex)), JSON.stringify(text));
    }
  }), options);
});

test('a dose the rules leave without a substance reads the same after edits (a field set to undefined is kept)', () => {
  // Found by `npm run fuzz` (MEDLINT_SEED=9090): « 160 mg » after a combination brand cut in two.
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const last = 'pLa prégabaline à 150 mg/j.\nBactrim 8oxygène\n/160 mg\n';
  for (const text of ['p', 'pBactrim 800/160 mg\n', 'pBactrim 8oxygène\n/160 mg\n', last, last]) {
    assert.deepEqual(comparable(doc.analyze(text)), comparable(analyze(text, lex)), JSON.stringify(text));
  }
});

test('a fence opened by an edit hides everything after it, and closing it shows it again', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const text = 'Intro.\n\nLa prégabaline à 150 mg/j.\n\nLe ramipril 10 mg/j.\n';
  assert.equal(doc.analyze(text).doses.length, 2);
  const open = text.replace('La prégabaline', '```\n\nLa prégabaline');
  assert.deepEqual(comparable(doc.analyze(open)), comparable(analyze(open, lex)));
  assert.equal(doc.analyze(open).doses.length, 0);
  const closed = open.replace('Le ramipril', '```\n\nLe ramipril');
  assert.deepEqual(comparable(doc.analyze(closed)), comparable(analyze(closed, lex)));
  assert.deepEqual(doc.analyze(closed).doses.map((d) => d.text), ['10 mg/j']);
});

test('a dose takes its drug from a heading several stretches above, as analyze does', () => {
  const lex = lexicon();
  const filler = 'Le patient va bien, il marche, il dort, il mange. '.repeat(6).trim();
  const text = `## Prégabaline\n\n${filler}\n\n${filler}\n\nDe 150 à 600 mg/j.\n`;
  const doc = createDocumentAnalyzer(lex);
  const a = doc.analyze(text);
  assert.equal(doc.stats().stretches, 2);
  assert.equal(a.doses[0].drug?.id, 'prégabaline');
  assert.deepEqual(comparable(a), comparable(analyze(text, lex)));
  // The dose's sentence runs to the end of its stretch: where it ends depends on the next stretch.
  const long = `## Prégabaline\n\n${filler}\n\n${filler}\n\nLa dose de 150 à 600 mg/j, ${filler.toLowerCase()}  \n\n${filler}\n\nSuite.\n`;
  const b = doc.analyze(long);
  assert.ok(doc.stats().stretches >= 3);
  assert.deepEqual(comparable(b), comparable(analyze(long, lex)));
});

test('an edit re-reads only the stretch it touches', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  // A dose, then two long paragraphs without digits: a stretch may end between those two.
  const filler = 'Le patient va bien, il marche, il dort, il mange. '.repeat(6).trim();
  const text = Array.from({ length: 50 }, () => `Le matin : la prégabaline à 150 mg/j.\n\n${filler}\n\n${filler}`).join('\n\n') + '\n';
  doc.analyze(text);
  const before = doc.stats();
  const at = text.indexOf('Le matin', text.length >> 1);
  doc.analyze(`${text.slice(0, at)}p${text.slice(at)}`);
  const after = doc.stats();
  assert.equal(before.stretches, 51);
  assert.equal(after.stretches, 51);
  assert.equal(after.read, 1);
});

test('the memory holds the stretches of the last text only', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  doc.analyze(Array.from({ length: 30 }, (_, i) => `Texte ${i}.`).join('\n\n'));
  doc.analyze('Un seul paragraphe.');
  assert.deepEqual(doc.stats(), { stretches: 1, read: 1, held: 1 });
});

test('pieces start after a blank line, on a line no list, quote or indented block may own', () => {
  const cases: [string, number[]][] = [
    ['Un.\n\nDeux.\n', [5]],
    ['Un.\n\n- item\n', []],
    ['Un.\n\n2. item\n', []],
    ['Un.\n\n2 mg\n', [5]],
    ['Un.\n\n> cité\n', []],
    ['Un.\n\n    code\n', []],
    ['Un.\n\n---\n', []],
    ['Un.\nDeux.\n', []],
    ['Un.\n \t\n## Titre\n', [7]],
  ];
  for (const [text, starts] of cases) assert.deepEqual(candidateStarts(text), starts, JSON.stringify(text));
});

const MOVED = `La prégabaline à 150 mg/j.\n\n${FILLER}Fin.\n\nLe tramadol le soir, l’acetaminophen le matin.\n\n${FILLER}Fin.\n\nLe ramipril 10 mg/j.\n`;

test('the stretches after an edit keep their results, moved in place to their new offsets', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const tramadol = doc.analyze(MOVED).mentions.find((m) => m.text === 'tramadol')!;
  const start = tramadol.start;
  const after = doc.analyze(`Chez l’adulte, ${MOVED}`);
  assert.equal(after.mentions.find((m) => m.text === 'tramadol'), tramadol);
  assert.equal(tramadol.start, start + 'Chez l’adulte, '.length);
  assert.deepEqual(comparable(after), comparable(analyze(`Chez l’adulte, ${MOVED}`, lex)));
});

test('the doses of the stretches after an edit are the last call\'s, moved in place, drug and verdict kept', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const ramipril = doc.analyze(MOVED).doses.find((d) => d.text.includes('10 mg'))!;
  const { start, drug, verdict } = ramipril;
  const after = doc.analyze(`Chez l’adulte, ${MOVED}`);
  assert.equal(after.doses.find((d) => d.text.includes('10 mg')), ramipril);
  assert.deepEqual([ramipril.start, ramipril.drug, ramipril.verdict], [start + 'Chez l’adulte, '.length, drug, verdict]);
  assert.deepEqual(comparable(after), comparable(analyze(`Chez l’adulte, ${MOVED}`, lex)));
});

test('a dose whose drug changed is a new one: « ramipril » typed over with « gabapentine »', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const before = doc.analyze(MOVED).doses.find((d) => d.text.includes('10 mg'))!;
  const edited = MOVED.replace('Le ramipril 10 mg/j', 'La gabapentine 10 mg/j');
  const after = doc.analyze(edited).doses.find((d) => d.text.includes('10 mg'))!;
  assert.notEqual(after, before);
  assert.deepEqual(comparable(doc.analyze(edited)), comparable(analyze(edited, lex)));
});

test('a text read through its NFC copy (CRLF) leaves nothing the next call reuses', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const crlf = MOVED.replace(/\n/g, '\r\n');
  for (const text of [MOVED, crlf, MOVED, crlf]) assert.deepEqual(comparable(doc.analyze(text)), comparable(analyze(text, lex)), JSON.stringify(text));
});

/** English names (notes) among the lines, NFD and CRLF included. */
const NOTED = ['Le patient prend de l’acetaminophen 1 g.', 'Acetaminophen® 500 mg', 'glyburide 5 mg', 'glyburide', 'l’ace\u0301taminophen'];
const notedText = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...NOTED), fc.constantFrom(...LINES), fc.constantFrom(...LONG)), lineEnd), { maxLength: 30 })
  .map((lines) => lines.map(([l, end]) => l + end).join(''));

test('with notes (English names read per stretch): after every random edit, what analyzeDocument gives', () => {
  const lex = lexicon();
  fc.assert(fc.property(notedText, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
    const analyse = documentAnalyzer(lex);
    let text = start;
    assert.deepEqual(comparable(analyse(text)), comparable(analyzeDocument(text, lex)));
    for (const e of edits) {
      text = applyEdit(text, e);
      assert.deepEqual(comparable(analyse(text)), comparable(analyzeDocument(text, lex)), JSON.stringify(text));
    }
  }), { ...options, numRuns: Math.ceil(RUNS / 3) });
});

test('a slice of the prose read from the stretches is the slice of the whole prose text, after every random edit', () => {
  const lex = lexicon();
  fc.assert(fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat({ max: 300 }), (start, edits, from, length) => {
    const doc = createDocumentAnalyzer(lex);
    let text = start;
    for (const e of [{ at: 0, remove: 0, insert: '' }, ...edits]) {
      text = applyEdit(text, e);
      const analysis = doc.analyze(text);
      const a = from % (text.length + 1), b = Math.min(text.length, a + length);
      const slice = doc.proseSlice(analysis, a, b);
      // A text read as its NFC copy (CRLF, NFD) has no stretches of its own: undefined there.
      if (slice !== undefined) assert.equal(slice, analysis.prose.text.slice(a, b), JSON.stringify({ text, a, b }));
      else assert.ok(text.includes('\r') || text !== text.normalize('NFC'));
    }
  }), { ...options, numRuns: Math.ceil(RUNS / 3) });
});

test('a slice of the prose is given only for the last analysis', () => {
  const lex = lexicon();
  const doc = createDocumentAnalyzer(lex);
  const first = doc.analyze(MOVED);
  assert.equal(doc.proseSlice(first, 3, 14), 'prégabaline');
  doc.analyze(`Chez l’adulte, ${MOVED}`);
  assert.equal(doc.proseSlice(first, 3, 14), undefined);
});

test('the pieces re-read after every random edit are the pieces read afresh', () => {
  const bounds = (chunks: { start: number; end: number }[]) => chunks.map((c) => [c.start, c.end]);
  fc.assert(fc.property(documentText, fc.array(edit, { minLength: 1, maxLength: 12 }), (start, edits) => {
    let text = start;
    let chunks = readChunks(text, readChunk);
    for (const e of edits) {
      const next = applyEdit(text, e);
      chunks = rereadChunks(text, chunks, next, readChunk);
      text = next;
      assert.deepEqual(bounds(chunks), bounds(readChunks(text, readChunk)), JSON.stringify(text));
    }
  }), options);
});

test('an edit re-reads the piece it falls in only: the pieces after it are taken over, moved', () => {
  const text = Array.from({ length: 10 }, (_, i) => `Paragraphe ${i} : la prégabaline.\n\n`).join('');
  const before = readChunks(text, readChunk);
  const edited = text.replace('Paragraphe 5 :', 'Paragraphe 5 bis :');
  const read: string[] = [];
  const after = rereadChunks(text, before, edited, (piece) => { read.push(piece); return readChunk(piece); });
  assert.deepEqual(read, ['Paragraphe 5 bis : la prégabaline.\n\n']);
  assert.equal(after[9].reading, before[9].reading);
  assert.equal(after[9].start, before[9].start + ' bis'.length);
});
