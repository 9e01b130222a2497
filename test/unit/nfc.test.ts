/** One text, one reading: NFD, NFC and any mix give the same findings, each at its own place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { toNfc, withNfc } from '../../server/src/core/nfc';
import { extractProse } from '../../server/src/core/prose';
import { lexicon } from '../helpers';

const NFC = 'La prégabaline à 1200 mg/j. La pregabalinne au coucher, la gabapentine 300 à 9000 mg/j, le zérbaximab 10 mg.';

/** What a reader sees of each finding: its rule, message, severity and the words it covers (in NFC). */
function seen(source: string) {
  return analyze(source, lexicon()).findings.map((f) => ({
    code: f.code, severity: f.severity, message: f.message, words: source.slice(f.start, f.end).normalize('NFC'),
    fixes: (f.fixes ?? []).map((x) => [source.slice(x.edit.start, x.edit.end).normalize('NFC'), x.edit.newText]),
  }));
}

test('toNfc: the NFC copy and, for each of its offsets, the offset in the source', () => {
  const { text, toSource } = toNfc('a\u0301b e\u0301\u0301');
  assert.equal(text, 'áb é\u0301');
  assert.deepEqual([...toSource], [0, 2, 3, 4, 4, 7]);
});

test('an NFD text gives the NFC text’s findings (« 300 à 9000 mg/j » included), on its own words', () => {
  const nfd = NFC.normalize('NFD');
  assert.notEqual(nfd, NFC);
  assert.deepEqual(seen(nfd), seen(NFC));
  assert.ok(seen(nfd).some((f) => f.words === '300 à 9000 mg/j'));
});

test('a text half NFC, half NFD gives the NFC text’s findings', () => {
  const half = NFC.indexOf('La pregabalinne');
  const mixed = NFC.slice(0, half) + NFC.slice(half).normalize('NFD');
  assert.deepEqual(seen(mixed), seen(NFC));
});

test('the doses and mentions of an NFD text quote the source and the prose keeps its length', () => {
  const nfd = NFC.normalize('NFD');
  const a = analyze(nfd, lexicon());
  assert.equal(a.prose.text.length, nfd.length);
  assert.deepEqual(a.doses.map((d) => [d.text, nfd.slice(d.unitStart, d.unitStart + d.unitText.length)]), [['1200 mg/j', 'mg'], ['300 a\u0300 9000 mg/j', 'mg'], ['10 mg', 'mg']]);
  for (const m of a.mentions) assert.equal(m.text, nfd.slice(m.start, m.end));
});

test('withNfc hands an NFC text to the analysis as it is', () => {
  let given = '';
  withNfc(NFC, (text) => { given = text; return { prose: { text, blocks: [] }, mentions: [], doses: [], findings: [] }; });
  assert.equal(given, NFC);
});

test('a CRLF text gives the LF text’s findings on the same lines (a dose is not attached across a code span)', () => {
  const lf = '1 200 mg /j\nRESET-SLE ```\nLa prégabaline à 1200 mg/j.\nLa prégabaline à 1200 mg/j. ``` La prégabaline à 1200 mg/j.';
  const crlf = lf.replace(/\n/g, '\r\n');
  const at = (s: string) => analyze(s, lexicon()).findings.map((f) => [f.code, f.message, s.slice(f.start, f.end), s.slice(0, f.start).split('\n').length]);
  assert.deepEqual(at(crlf), at(lf));
});

test('the prose of an NFD text is the source itself with code, links and comments blanked', () => {
  const nfd = 'La pre\u0301gabaline `e\u0301te\u0301` [lien](https://e\u0301.org/a\u0300) <!-- a\u0300 -->\r\nfin, ç\u0327a.';
  const prose = analyze(nfd, lexicon()).prose;
  assert.equal(prose.text, extractProse(nfd).text);
  assert.deepEqual(prose.blocks.map((b) => [b.start, b.end]), [[0, nfd.length]]);
});
