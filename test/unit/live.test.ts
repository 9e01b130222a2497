/**
 * The server's scheduling helpers, pure: the edit log (an analysis read in today's text), the cut of a large
 * document into pieces, the prose decision from the block around a word, the cap on diagnostics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EditLog } from '../../server/src/live/edit-log';
import { analyzeInPieces, pieceStarts } from '../../server/src/live/slices';
import { analyzeDocument } from '../../server/src/core/document';
import { lexicon } from '../helpers';
import { isProseAt, type LastReading } from '../../server/src/features/prose-at';
import { capDiagnostics } from '../../server/src/features/diagnostics';
import { extractProse } from '../../server/src/core/prose';
import { LineIndex } from '../../server/src/core/positions';
import { documentLines } from '../../server/src/live/document-lines';
import { sizeOf } from '../../server/src/live/background';
import { FormerTexts } from '../../server/src/live/former-texts';
import { DirectiveMarks } from '../../server/src/live/directive-marks';
import { TextDocument } from 'vscode-languageserver-textdocument';

test('edit log: a span after an insertion moves by its length; one the edit touches has no counterpart', () => {
  const log = new EditLog();
  log.record(0, 0, 'Chez l’adulte, '.length); // « La prégabaline » → « Chez l’adulte, La prégabaline »
  assert.deepEqual(log.span(3, 14), { start: 18, end: 29 });
  assert.equal(log.span(0, 2), undefined);
  assert.equal(log.analysed(20), 5);
  assert.equal(log.analysed(4), undefined);
  assert.equal(log.analysed(4, true), 0);
});

test('edit log: a deletion before a span moves it back; a whole-text change makes it unusable', () => {
  const log = new EditLog();
  log.record(0, 3, 0); // « La prégabaline » → « prégabaline »
  assert.deepEqual(log.span(3, 14), undefined); // touches its start
  assert.deepEqual(log.span(4, 14), { start: 1, end: 11 });
  log.replaceAll();
  assert.equal(log.usable, false);
  assert.equal(log.span(4, 14), undefined);
});

test('edit log property: every span no edit touched reads the same text today', () => {
  const edit = fc.record({ at: fc.nat(), cut: fc.nat({ max: 5 }), text: fc.string({ maxLength: 6 }) });
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 60 }), fc.array(edit, { maxLength: 8 }), fc.nat(), fc.nat({ max: 10 }), (original, edits, a, n) => {
    const log = new EditLog();
    let text = original;
    for (const e of edits) {
      const start = e.at % (text.length + 1), end = Math.min(text.length, start + e.cut);
      log.record(start, end, e.text.length);
      text = text.slice(0, start) + e.text + text.slice(end);
    }
    const start = a % (original.length + 1), end = Math.min(original.length, start + n);
    const span = log.span(start, end);
    if (span) assert.equal(text.slice(span.start, span.end), original.slice(start, end));
  }), { numRuns: 2000 });
});

test('pieces: cut before a heading once a piece holds `size` characters, never inside a fenced code block', () => {
  const text = '# Un\n\nLa prégabaline.\n\n```\n\n# pas un titre\n\n```\n\n## Deux\n\nTexte.\n\n## Trois\n\nFin.\n';
  assert.deepEqual(pieceStarts(text, 10).map((i) => text.slice(i, i + 7)), ['# Un\n\nL', '## Deux', '## Troi']);
});

test('pieces: without a heading, cut before a paragraph (not a list item) past twice the size', () => {
  const text = 'Un.\n\n- item\n\n- item\n\nDeux trois.\n\nQuatre.\n';
  assert.deepEqual(pieceStarts(text, 4).map((i) => text.slice(i, i + 4)), ['Un.\n', 'Deux', 'Quat']);
});

/** The last reading of `text` with nothing typed since. */
const reading = (text: string): LastReading => ({ text, prose: (a, b) => extractProse(text).text.slice(a, b), analysedOffset: (o) => Math.min(o, text.length) });

test('prose at: a word in a paragraph is prose, one in a code span or a link target is not', () => {
  const text = 'La cicl et `cicl` et [x](cicl).';
  const at = (k: number) => isProseAt(text, text.indexOf('cicl', k), text.indexOf('cicl', k) + 4, reading(text));
  assert.deepEqual([at(0), at(5), at(15)], [true, false, false]);
});

test('prose at: a line inside a fenced block of the last reading is not prose, even a blank one; after the block it is', () => {
  const text = 'Texte.\n\n```\ncode\n\nsuite\n```\n\nApres.\n';
  const at = (offset: number) => isProseAt(text, offset, offset, reading(text));
  const blankInside = text.indexOf('code\n') + 5;
  assert.deepEqual([at(text.indexOf('code')), at(blankInside), at(text.indexOf('Apres'))], [false, false, true]);
});

test('cap: the most severe kept in text order, then one notice at the first left out', () => {
  const d = (severity: number, line: number) => ({ severity, range: { start: { line, character: 0 }, end: { line, character: 1 } } });
  const capped = capDiagnostics([d(2, 0), d(1, 1), d(4, 2), d(1, 3)], 2, (left, at) => ({ severity: 3, range: at, left }));
  assert.deepEqual(capped, [d(1, 1), d(1, 3), { severity: 3, range: d(2, 0).range, left: 2 }]);
  assert.equal(capDiagnostics([d(1, 0)], 1, () => d(3, 9)).length, 1);
});

test('document lines: the same ranges as a LineIndex, over \\n, \\r\\n and \\r, between \\r and \\n too', () => {
  const text = 'La prégabaline\r\n150 mg\rle soir\n\nfin';
  const doc = TextDocument.create('file:///a.md', 'markdown', 1, text);
  const lines = new LineIndex(text), fromDoc = documentLines(doc);
  for (let a = 0; a <= text.length; a++) assert.deepEqual(fromDoc.range(a, text.length), lines.range(a, text.length), `offset ${a}`);
  assert.deepEqual(fromDoc.range(15, 15).start, { line: 0, character: 15 });
});

test('the size in a notice, written as French writes it without Intl: « 2,5 Mo », « 12 Mo », « 1 500 Mo », « 40 ko »', () => {
  const MB = 1024 * 1024;
  assert.deepEqual([sizeOf(2.5 * MB), sizeOf(12 * MB), sizeOf(12.04 * MB), sizeOf(1500 * MB), sizeOf(40 * 1024), sizeOf(10)], ['2,5 Mo', '12 Mo', '12 Mo', '1\u202F500 Mo', '40 ko', '1 ko']);
});

test('former texts: over the budget, V8 is asked to collect after the next answer, then they are counted afresh', async () => {
  const asked: unknown[] = [];
  const former = new FormerTexts(() => ({ budget: 10, idleMs: 60_000, settleMs: 60_000 }), (options) => asked.push(options));
  const turn = () => new Promise((resolve) => setImmediate(resolve));
  former.letGo(4);
  former.letGo(5);
  former.answered();
  await turn();
  assert.deepEqual(asked, []);
  former.letGo(1);
  former.letGo(20);
  await turn();
  assert.deepEqual(asked, []); // not before the answer to the requests that came with the edit
  former.answered();
  assert.deepEqual(asked, []);
  await turn();
  assert.deepEqual(asked, [{ type: 'major', execution: 'async' }]);
  former.letGo(9);
  former.answered();
  await turn();
  assert.equal(asked.length, 1);
});

test('former texts: over the budget with no answer, V8 is asked to collect `settleMs` after the edit', async () => {
  const asked: unknown[] = [];
  const former = new FormerTexts(() => ({ budget: 10, idleMs: 60_000, settleMs: 30 }), (options) => asked.push(options));
  former.letGo(12);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(asked, []);
  await new Promise((resolve) => setTimeout(resolve, 60));
  assert.deepEqual(asked, [{ type: 'major', execution: 'async' }]);
});

test('former texts: below the budget, V8 is asked to collect once the writer pauses', async () => {
  const asked: unknown[] = [];
  const former = new FormerTexts(() => ({ budget: 1000, idleMs: 400, settleMs: 0 }), (options) => asked.push(options));
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  former.letGo(4);
  await wait(200);
  former.letGo(4); // typing on: the pause starts again
  await wait(200);
  assert.deepEqual(asked, []);
  await wait(500);
  assert.deepEqual(asked, [{ type: 'major', execution: 'async' }]);
});

test('former texts: hovers and completions put off the collection that waits for a pause', async () => {
  const asked: unknown[] = [];
  const former = new FormerTexts(() => ({ budget: 1000, idleMs: 300, settleMs: 0 }), (options) => asked.push(options));
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  former.letGo(4);
  await wait(200);
  former.reading();
  await wait(200);
  assert.deepEqual(asked, []);
  await wait(250);
  assert.deepEqual(asked, [{ type: 'major', execution: 'async' }]);
});

test('a background pass takes over the pieces of the last one whose text is the same: an edit re-analyses its piece only', async () => {
  const lex = lexicon();
  const section = (i: number) => `## Partie ${i}\n\nLa prégabaline à ${100 + i} mg/j, le tramadol le soir, l’acetaminophen 1 g.\n\n`;
  const before = Array.from({ length: 12 }, (_, i) => section(i)).join('');
  const after = before.replace('## Partie 5\n\nLa prégabaline', '## Partie 5\n\nChez l’adulte, la prégabaline');
  let analysed = 0;
  const analyse = (piece: string) => { analysed++; return analyzeDocument(piece, lex); };
  const first = await analyzeInPieces(before, 100, analyse, () => false);
  const count = analysed;
  const again = await analyzeInPieces(after, 100, analyse, () => false, first!.pieces);
  assert.equal(analysed - count, 1);
  assert.deepEqual(again!.analysis, (await analyzeInPieces(after, 100, (p) => analyzeDocument(p, lex), () => false))!.analysis);
  assert.deepEqual(first!.analysis, (await analyzeInPieces(before, 100, (p) => analyzeDocument(p, lex), () => false))!.analysis);
});

test('directive marks: after random edits, « no directive » is said only of a text without « medlint- »', () => {
  const PARTS = ['medlint-', 'medlint', '-', 'med', 'lint-', '<!-- ', ' -->', 'La prégabaline', ' ', 'x'];
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 10 }), insert: fc.constantFrom(...PARTS, '') });
  fc.assert(fc.property(fc.array(fc.constantFrom(...PARTS), { maxLength: 12 }), fc.array(edit, { maxLength: 12 }), (parts, edits) => {
    const marks = new DirectiveMarks();
    let text = parts.join('');
    let holds = marks.mayHold('a', text);
    assert.equal(holds, text.includes('medlint-'));
    for (const e of edits) {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
      marks.changed('a', text, at, e.insert.length);
      holds = marks.mayHold('a', text);
      if (!holds) assert.ok(!text.includes('medlint-'), JSON.stringify(text));
    }
  }), { numRuns: 300 });
});

test('directive marks: deleting what stood between « medlint » and « - » makes the text hold the mark', () => {
  const marks = new DirectiveMarks();
  assert.equal(marks.mayHold('a', '<!-- medlint -disable-line -->'), false);
  const text = '<!-- medlint-disable-line -->';
  marks.changed('a', text, 12, 0);
  assert.equal(marks.mayHold('a', text), true);
});
