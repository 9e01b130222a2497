/**
 * `caseless(pattern)` with the `u` flag matches what `pattern` matches with `iu` (« PRESCRIT PAR LE », « ſous »,
 * « ANTI-TNF »): letter by letter and class by class over every character, then the analysis's two patterns on
 * every place of the corpus where a word stands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseless } from '../../server/src/core/caseless';
import { TREATMENT_BEFORE_PATTERN } from '../../server/src/core/slots';
import { BEFORE_PATTERN } from '../../server/src/core/class-prefixes';
import { articles } from '../../scripts/bench/documents';

const PATTERNS = [TREATMENT_BEFORE_PATTERN, BEFORE_PATTERN];

/** The characters on which two whole-string regexes disagree, among code points [from, to). */
function disagreements(a: RegExp, b: RegExp, from: number, to: number): string[] {
  const out: string[] = [];
  for (let cp = from; cp < to; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const ch = String.fromCodePoint(cp);
    if (a.test(ch) !== b.test(ch)) out.push(`U+${cp.toString(16)}`);
  }
  return out;
}

test('each letter of the patterns matches, without the i flag, the characters it matched with it', () => {
  const letters = [...new Set([...PATTERNS.join('').replace(/\\p\{\w+\}|\\u[0-9A-Fa-f]{4}/g, '')])].filter((c) => c.toLowerCase() !== c.toUpperCase());
  assert.ok(letters.includes('s') && letters.includes('é'), 'the letters are read from the patterns');
  for (const letter of letters) {
    assert.deepEqual(disagreements(new RegExp(`^${letter}$`, 'iu'), new RegExp(`^${caseless(letter)}$`, 'u'), 0, 0x10000), [], letter);
  }
});

test('\\p{L} and \\p{N}, inside a class or not, match every character as they did with the i flag', () => {
  for (const cls of ['\\p{L}', '[^\\p{L}]', '[\\p{L}\\p{N}]', '[^\\p{L}\\p{N}]', '\\p{N}']) {
    assert.deepEqual(disagreements(new RegExp(`^${cls}$`, 'iu'), new RegExp(`^${caseless(cls)}$`, 'u'), 0, 0x110000), [], cls);
  }
});

test('the slot and class-prefix patterns agree with their i-flag selves before every word of the corpus', () => {
  const crafted = ['Il PREND DU ', 'prescrit par le ', 'ſous ', 'Traitée par l’', 'ASSOCIÉE À ', 'la Pilule ', 'ANTI-', 'des anti-IL-', 'Poſt-', 'xanti-', 'relais par\u00A0'];
  const heads = [...crafted];
  for (const file of articles().slice(0, 12)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\p{L}+/gu)) heads.push(text.slice(Math.max(0, m.index - 40), m.index));
  }
  for (const pattern of PATTERNS) {
    const withI = new RegExp(pattern, 'iu'), without = new RegExp(caseless(pattern), 'u');
    let matched = 0;
    for (const head of heads) {
      assert.equal(without.test(head), withI.test(head), head);
      if (withI.test(head)) matched++;
    }
    assert.ok(matched >= 3, 'some heads match');
  }
});

test('a construct caseless cannot rewrite exactly is refused', () => {
  assert.throws(() => caseless('\\w+'), /caseless/);
  assert.throws(() => caseless('\\bpar'), /caseless/);
  assert.throws(() => caseless('[a-z]'), /caseless/);
  assert.throws(() => caseless('\\p{Lu}'), /caseless/);
  assert.equal(caseless('s\\u00A0k'), '[sS\u017F]\\u00A0[kK\u212A]');
});
