/**
 * The invariants the word stages' fast paths rely on: tokens as columns (« la pre\u0301gabaline » → token 1 at
 * [3, 15), key « pregabaline »), a key never longer than its word, the ® read by character, the edit distance
 * on reused rows, one-deletion lookups that skip repeated deletions, and what is cached per entry, per word or per key.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMentions, markAt, tokenize } from '../../server/src/core/mentions';
import { findUnknownDrugs } from '../../server/src/core/checks';
import { editDistance, Speller } from '../../server/src/core/suggest';
import { KeyTable, keyOrder } from '../../server/src/core/key-table';
import { lexicon } from '../helpers';

test('tokens are columns of offsets, word ids and classes, read as objects on demand', () => {
  const text = 'la pre\u0301gabaline 150';
  const tokens = tokenize(text, lexicon());
  assert.equal(tokens.length, 3);
  assert.deepEqual([...tokens.starts.subarray(0, 3)], [0, 3, 16]);
  assert.deepEqual([...tokens.ends.subarray(0, 3)], [2, 15, 19]);
  assert.equal(tokens.key(1), 'pregabaline');
  assert.equal(tokens.ids[2], -1, '150 is no word of the vocabulary');
  assert.deepEqual(tokens.toArray().map((t) => [t.start, t.end, t.key]), [[0, 2, 'la'], [3, 15, 'pregabaline'], [16, 19, '150']]);
});

test('a token out of range is undefined, as an array would say', () => {
  const tokens = tokenize('la pregabaline', lexicon());
  assert.equal(tokens.at(-1), undefined);
  assert.equal(tokens.at(2), undefined);
});

test('a key is never longer than its word (the unknown-drug rule rejects short words on offsets alone)', () => {
  const text = 'Œdème, pre\u0301gabaline, ﬁbrate, ÆSTRA, ǅemal';
  const tokens = tokenize(text);
  for (let k = 0; k < tokens.length; k++) assert.ok(tokens.key(k).length <= tokens.ends[k] - tokens.starts[k], tokens.key(k));
});

test('the ® or ™ after a name is read by character: right after it, or after one space or no-break space', () => {
  assert.equal(markAt('Lyrica®', 6), '®');
  assert.equal(markAt('Lyrica ®', 6), ' ®');
  assert.equal(markAt('Lyrica\u00A0™', 6), '\u00A0™');
  assert.equal(markAt('Lyrica  ®', 6), undefined, 'two spaces');
  assert.equal(markAt('Lyrica est', 6), undefined);
  assert.equal(markAt('Lyrica', 6), undefined, 'at the end of the text');
});

test('the edit distance counts a transposition as one edit, and stops past its limit', () => {
  assert.equal(editDistance('pregabaline', 'pregabalien'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'ab'), 2);
  assert.equal(editDistance('abcdef', 'ghijkl', 2), 3);
  assert.equal(editDistance('ab', 'abcdef', 2), 3, 'lengths too far apart');
  assert.equal(editDistance('levothyrox', 'levotirox', 3), 2, 'rows reused after a longer word');
});

test('a letter typed twice is found by deleting either copy, tried once', () => {
  const speller = new Speller(lexicon());
  assert.deepEqual(speller.suggest('pregabbaline'), [{ name: 'prégabaline', distance: 1, brand: false }]);
  assert.deepEqual(speller.suggest('prregabaline'), [{ name: 'prégabaline', distance: 1, brand: false }], 'a run at the start');
  assert.deepEqual(speller.suggest('pregabalinee'), [{ name: 'prégabaline', distance: 1, brand: false }], 'a run at the end');
});

test('every mention of one entry reads the same, each its own place', () => {
  const text = 'Le Lyrica le matin, le Lyrica le soir.';
  const lex = lexicon();
  const [a, b] = findMentions(text, tokenize(text, lex), lex);
  assert.deepEqual([a.start, b.start], [3, 23]);
  assert.equal(a.entry, b.entry);
  assert.deepEqual({ ...a, start: 0, end: 0 }, { ...b, start: 0, end: 0 });
});

test('what a word is, cached for the next analysis, gives the same findings', () => {
  const text = 'Elle prend du levotirox. Puis du levotirox 50 µg et du zorblimab 10 mg.';
  const lex = lexicon();
  const speller = new Speller(lex);
  const run = () => findUnknownDrugs(text, tokenize(text, lex), () => false, lex, speller);
  const first = run();
  assert.deepEqual(first.map((f) => text.slice(f.start, f.end)), ['levotirox', 'levotirox', 'zorblimab']);
  assert.deepEqual(run(), first);
});

test('a word with no near miss, stem or company is an unknown drug only where a ® or a dose follows it', () => {
  const lex = lexicon();
  const speller = new Speller(lex);
  const found = (text: string) => findUnknownDrugs(text, tokenize(text, lex), () => false, lex, speller).map((f) => text.slice(f.start, f.end));
  assert.deepEqual(found('Il prend du blorptal 50 mg le soir.'), ['blorptal'], 'a dose after spaces');
  assert.deepEqual(found('Il prend du blorptal\u00A0\u00A050 mg le soir.'), ['blorptal'], 'after no-break spaces');
  assert.deepEqual(found('Il prend du Blorptal® le soir.'), ['Blorptal'], 'a ® right after');
  assert.deepEqual(found('Il prend du Blorptal ™ le soir.'), ['Blorptal'], 'a ™ after a space');
  assert.deepEqual(found('Il prend du blorptal, 50 mg le soir.'), [], 'a comma between');
  assert.deepEqual(found('Il prend du blorptal50 le soir.'), [], 'one word with its digits');
});

test('a key table cuts each key from its text once, then compares the kept strings', () => {
  const keys = ['aciclovir', 'fer', 'pregabaline', 'zinc'];
  const joined = keys.map((k) => `${k}\n`).join('');
  const cut: number[] = [];
  const text = { slice: (from: number, to: number) => (cut.push(from), joined.slice(from, to)) };
  const table = new KeyTable(text, Int32Array.from([0, 10, 14, 26, 31]), keyOrder(keys));
  for (let i = 0; i < 3; i++) {
    assert.equal(table.find('pregabaline'), 2);
    assert.equal(table.find('fer'), 1);
    assert.equal(table.find('paracetamol'), undefined);
  }
  assert.equal(new Set(cut).size, cut.length, 'no key cut twice');
});
