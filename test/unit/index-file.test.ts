/**
 * The index file and the lexicon's lookup tables: what the data build writes is what the server reads, the
 * lookup loaded from the file answers as the one compiled from the records, and the server's code cache is
 * one this Node.js accepts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { loadLexicon, readIndex } from '../../server/src/core/load';
import { writeIndexFile } from '../../data/build/index-writer';
import { Lexicon, STARTS_NAME, COMMON_WORD } from '../../server/src/core/lexicon';
import { IN_NAME } from '../../server/src/core/lookup-build';
import { tokenize } from '../../server/src/core/mentions';
import { Speller } from '../../server/src/core/suggest';
import type { CompiledIndex } from '../../server/src/core/index-types';
import { lexicon, ROOT } from '../helpers';

const tiny: CompiledIndex = {
  meta: { bdpmDate: '2025-01-01', builtAt: '2025-01-02', counts: {} },
  substances: [
    { dci: 'acétate de glatiramère', aliases: ['glatiramer acetate'], brands: ['COPAXONE'], cisCount: 3, cis: [], ranges: [], origin: 'bdpm' },
    { dci: 'œstradiol', aliases: [], brands: [], cisCount: 1, cis: [], ranges: [], origin: 'bdpm', description: 'l’hormone « œstrogène » — 2 µg' },
  ],
  brands: [{ name: 'COPAXONE', substances: ['acétate de glatiramère'], cis: ['1'], forms: [], routes: [], conditions: [], origin: 'bdpm' }],
  trials: [{ name: 'RESET-SLE', aliases: [], nct: 'NCT06121297', conditions: [], products: [], source: { type: 'ctgov', title: 't', url: 'u' } }],
  abbreviations: [{ abbreviation: 'GA', dci: ['acétate de glatiramère'] }],
  commonWords: ['de', 'acetate', 'hormone'],
  innStems: ['mab'],
};

test('an index written to a file reads back as the same records and lookups', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'medlint-')), 'index.bin');
  writeIndexFile(path, tiny);
  const read = loadLexicon(path);
  const built = new Lexicon(tiny);
  assert.deepEqual(read.index.substances, tiny.substances, 'records survive the Latin-1 file, œ, ’, « », — and µ included');
  assert.deepEqual(read.index.brands, tiny.brands);
  assert.deepEqual(read.index.trials, tiny.trials);
  assert.deepEqual(read.index.commonWords.sort(), [...tiny.commonWords].sort());
  for (const lex of [read, built]) {
    assert.equal(lex.substance('acétate de glatiramère')?.brands[0], 'COPAXONE');
    assert.equal(lex.substance('Acetate de Glatiramere')?.dci, 'acétate de glatiramère', 'by folded DCI too');
    assert.equal(lex.brand('copaxone')?.substances[0], 'acétate de glatiramère');
    assert.equal(lex.trial('Reset-SLE')?.nct, 'NCT06121297');
    assert.ok(lex.isName('oestradiol'));
    assert.equal(lex.classify('acetate'), STARTS_NAME | COMMON_WORD | IN_NAME, 'it also ends « glatiramer acetate »');
    assert.equal(lex.classify('glatiramere'), IN_NAME, 'a later word of a name starts nothing');
    const tokens = tokenize('L’acétate de glatiramère (GA)', lex);
    const names = lex.walk((k) => tokens.at(1 + k)?.id ?? -1);
    assert.deepEqual(names.map((n) => [n.length, n.entries.map((e) => e.name)]), [[3, ['acétate de glatiramère']]]);
    assert.deepEqual(new Speller(lex).suggest('Copaxonne'), [{ name: 'COPAXONE', distance: 1, brand: true }]);
    assert.deepEqual(new Speller(lex).suggest('Copaxine'), [{ name: 'COPAXONE', distance: 1, brand: true }], 'one letter changed');
    assert.deepEqual(new Speller(lex).suggest('Coplaxome'), [], 'an insertion and a change: beyond the one-deletion index');
  }
  assert.throws(() => loadLexicon(join(ROOT, 'package.json')), /index illisible/);
});

test('loading is views over the file: every typed array of the lookup lies in the file\'s own buffer, no copy', () => {
  const path = join(ROOT, 'dist', 'medlint-index.bin');
  const file = readFileSync(path);
  const loaded = readIndex(file, path);
  const arrays = Object.entries(loaded.lookup).filter(([, v]) => ArrayBuffer.isView(v));
  assert.ok(arrays.length >= 17);
  for (const [name, array] of arrays) assert.equal((array as Int32Array).buffer, file.buffer, name);
  const last = loaded.counts.substances + loaded.counts.brands + loaded.counts.trials - 1;
  assert.equal(JSON.parse(loaded.record(last)).name, lexicon().trialAt(loaded.counts.trials - 1).name, 'the last record, by its stored offset');
});

test('records are found by key through tables ordered at data-build time (no map built at run time), the last record of a key winning', () => {
  const lex = lexicon();
  const loaded = readIndex(readFileSync(join(ROOT, 'dist', 'medlint-index.bin')), 'index');
  for (const name of ['dciOrder', 'dciStarts', 'substanceKeyOrder', 'substanceKeyStarts', 'brandKeyOrder', 'brandKeyStarts', 'trialKeyOrder', 'trialKeyStarts'] as const) {
    assert.ok(loaded.lookup[name] instanceof Int32Array, name);
  }
  assert.equal(lex.substance('prégabaline')?.dci, 'prégabaline');
  assert.equal(lex.substance('PREGABALINE')?.dci, 'prégabaline');
  assert.equal(lex.brand('lyrica')?.name, 'LYRICA');
  assert.equal(lex.trial('opera ii')?.nct, 'NCT01412333');
  assert.equal(lex.substance('prégabalin'), undefined);
  const twice = new Lexicon({ ...tiny, brands: [tiny.brands[0], { ...tiny.brands[0], cis: ['2'] }] });
  assert.deepEqual(twice.brand('COPAXONE')?.cis, ['2'], 'as a Map built from the list would');
});

test('an index of the former format, or a broken one, is refused with a clear French message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-'));
  const former = join(dir, 'former.bin');
  writeFileSync(former, '{"format":4,"meta":{}}\n');
  assert.throws(() => loadLexicon(former), /former\.bin : index illisible ou d’un autre format ; relancez « npm run build:data »/);
  const cut = join(dir, 'cut.bin');
  writeFileSync(cut, readFileSync(join(ROOT, 'dist', 'medlint-index.bin')).subarray(0, 100_000));
  assert.throws(() => loadLexicon(cut), /index illisible/);
});

test('the shipped index: every name loaded from the file is found as the one compiled from its records', () => {
  const shipped = lexicon();
  const compiled = new Lexicon(shipped.index);
  assert.equal(shipped.entries.length, compiled.entries.length);
  for (const [i, e] of shipped.entries.entries()) {
    const c = compiled.entries[i];
    assert.deepEqual([e.kind, e.name, e.key, e.caseRule, e.ref, e.weight, e.tokens], [c.kind, c.name, c.key, c.caseRule, c.ref, c.weight, c.tokens]);
    const ids = e.tokens.map((t) => shipped.vocabulary.idOf(t));
    assert.ok(ids.every((id) => id >= 0), `${e.name}: every word is in the vocabulary`);
    const found = shipped.walk((k) => ids[k] ?? -1).find((m) => m.length === ids.length);
    assert.ok(found?.entries.includes(e), `${e.name} is found by its words`);
  }
});

test('tokens carry their vocabulary id, found from the text without cutting it; ordinary words outside names are left out', () => {
  const lex = lexicon();
  const tokens = tokenize('Chez le patient, la pre\u0301gabaline xyzzyq', lex).toArray();
  assert.deepEqual(tokens.map((t) => t.key), ['le', 'la', 'pregabaline', 'xyzzyq'], 'chez, patient: ordinary words of no name; le, la: words of some name');
  const [, , pregabaline, xyz] = tokens;
  assert.equal(pregabaline.key, 'pregabaline', 'a decomposed accent is left out of the key');
  assert.equal(lex.vocabulary.word(pregabaline.id), 'pregabaline');
  assert.ok(pregabaline.cls & STARTS_NAME);
  assert.deepEqual([xyz.id, xyz.cls, xyz.key], [-1, 0, 'xyzzyq']);
});

test('the code cache written by the build is one this Node.js accepts', () => {
  const file = join(ROOT, 'dist', 'server-main.js');
  const loader = readFileSync(join(ROOT, 'server', 'src', 'server-loader.ts'), 'utf8');
  const wrap = /const wrapped = `(.*)\$\{bundleText\(readFileSync\(file\)\)\}(.*)`;/.exec(loader);
  assert.ok(wrap, 'server-loader.ts wraps the bundle as this test expects');
  const script = new Script(`${wrap[1]}${readFileSync(file, 'latin1')}${wrap[2].replace('\\n', '\n')}`, {
    filename: file, cachedData: readFileSync(join(ROOT, 'dist', 'server-main.cache')),
  });
  assert.equal(script.cachedDataRejected, false);
});

test('a header longer than the first bytes read is read on to its end; the records are read when asked for', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'medlint-')), 'index.bin');
  const companies = Array.from({ length: 4000 }, (_, i) => ({ name: `LABORATOIRE ${i}`, holder: `LABORATOIRE ${i} SAS` }));
  writeIndexFile(path, { ...tiny, companies });
  assert.ok(readFileSync(path).indexOf(10) > 1 << 16, 'a header of more than 64 KB');
  const read = loadLexicon(path);
  assert.equal(read.company('laboratoire 3999'), 'LABORATOIRE 3999 SAS');
  assert.equal(read.trial('reset-sle')?.nct, 'NCT06121297');
  assert.deepEqual(read.index.brands, tiny.brands);
});
