/**
 * `caseless(pattern)` with the `u` flag matches what `pattern` matches with `iu` (« PRESCRIT PAR LE », « ſous »,
 * « ANTI-TNF », « TOUTES LES 8 HEURES », « 2 Comprimés de »): every cased character of Unicode against its `iu`
 * self, every class of the analysis's patterns over every character, then the patterns on the corpus's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { caseless, caseVariants } from '../../server/src/core/caseless';
import { TREATMENT_BEFORE_PATTERN } from '../../server/src/core/slots';
import { BEFORE_PATTERN } from '../../server/src/core/class-prefixes';
import { RHYTHM_PATTERN } from '../../server/src/core/dose/frequency';
import { STARTING_PATTERN, UNITS_BEFORE_PATTERN } from '../../server/src/core/doses';
import { ANY_CASE_PATTERNS } from '../../server/src/core/dose/filters';
import { articles } from '../../scripts/bench/documents';

/** Patterns read at the end of a text (« …$ »): tried on the text before each word. */
const BEFORE_WORDS = [TREATMENT_BEFORE_PATTERN, BEFORE_PATTERN, UNITS_BEFORE_PATTERN, ...ANY_CASE_PATTERNS];
const ALL = [...BEFORE_WORDS, RHYTHM_PATTERN, STARTING_PATTERN];

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

/** The classes of a pattern (« [^\d.,A-Za-z…] »), as written. */
function classesOf(pattern: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '\\') i++;
    else if (pattern[i] === '[') {
      let j = i + 1;
      while (pattern[j] !== ']') j += pattern[j] === '\\' ? 2 : 1;
      out.push(pattern.slice(i, j + 1));
      i = j;
    }
  }
  return out;
}

test('the case variants of every cased character are the characters it matches with the iu flags', () => {
  const cased: string[] = [];
  for (let cp = 0; cp < 0x10000; cp++) {
    const c = String.fromCharCode(cp);
    if (!(cp >= 0xd800 && cp <= 0xdfff) && (c.toLowerCase() !== c || c.toUpperCase() !== c)) cased.push(c);
  }
  assert.ok(cased.length > 2000);
  const wrong: string[] = [];
  for (const c of cased) {
    const re = new RegExp(`^\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}$`, 'iu');
    const expected = cased.filter((x) => re.test(x));
    if (!expected.includes(c)) expected.push(c); // a letter that folds with no other (ı)
    if ([...caseVariants(c)].sort().join('') !== expected.sort().join('')) wrong.push(c);
  }
  assert.deepEqual(wrong, []);
  assert.deepEqual(caseVariants('ı'), ['ı']);
  assert.deepEqual(caseVariants('ϐ').sort(), ['Β', 'β', 'ϐ'].sort());
});

test('each letter of the patterns matches, without the i flag, the characters it matched with it', () => {
  const letters = [...new Set([...ALL.join('').replace(/\\p\{\w+\}|\\u[0-9A-Fa-f]{4}|\(\?<\w+>|\[[^\]]*\]/g, '')])].filter((c) => c.toLowerCase() !== c.toUpperCase());
  assert.ok(letters.includes('s') && letters.includes('é'), 'the letters are read from the patterns');
  for (const letter of letters) {
    assert.deepEqual(disagreements(new RegExp(`^${letter}$`, 'iu'), new RegExp(`^${caseless(letter)}$`, 'u'), 0, 0x10000), [], letter);
  }
});

test('each class of the patterns, and \\p{L} and \\p{N}, match every character as they did with the i flag', () => {
  const classes = [...new Set([...ALL.flatMap(classesOf), '\\p{L}', '[^\\p{L}]', '[\\p{L}\\p{N}]', '[^\\p{L}\\p{N}]', '\\p{N}', '[a-zµμ]', '[^\\d.,A-Za-z\\u00C0-\\u024F]'])];
  assert.ok(classes.some((c) => c.includes('\\u1E00-\\u1EFF')), 'the class of French letters is among them');
  for (const cls of classes) {
    assert.deepEqual(disagreements(new RegExp(`^${cls}$`, 'iu'), new RegExp(`^${caseless(cls)}$`, 'u'), 0, 0x110000), [], cls);
  }
});

test('a group name keeps its letters; a class range takes the cases of each of its letters', () => {
  assert.equal(caseless('(?<a0>x)(?<=y)(?<!z)'), '(?<a0>[xX])(?<=[yY])(?<![zZ])');
  assert.equal(caseless('[a-c]'), '[\\u0041-\\u0043\\u0061-\\u0063]');
  assert.equal(caseless('[^k]'), '[^\\u004B\\u006B\\u212A]');
});

test('the patterns agree with their i-flag selves on the corpus', () => {
  const crafted = ['Il PREND DU ', 'prescrit par le ', 'ſous ', 'Traitée par l’', 'ASSOCIÉE À ', 'la Pilule ', 'ANTI-', 'des anti-IL-', 'Poſt-',
    'xanti-', 'relais par\u00A0', 'Deux Comprimés De ', 'un FLACON de ', 'HAUT DÉBIT ', '24/26 MG/', 'des gélules de ',
    'Prendre 2 Gélules De ', 'ou 4 à 8 COMPRIMÉS DE ', 'une ſeringue de ', 'Oxygène à Haut-Débit ', 'sous optiflow à ', 'le DOSAGE à ', 'Ampoules De '];
  const heads = [...crafted], tails = [' TOUTES LES 8 HEURES', ' x 3/J', ' Matin Et Soir', ' EN DEUX PRISES', ' Par Voie Orale toutes les 6 h'];
  const sentences = ['Débuter à 50 mg', 'DOSE MINIMALE', 'chez le sujet âgé', 'Insuffisance Rénale'];
  for (const file of articles().slice(0, 12)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\p{L}+|\d+/gu)) {
      heads.push(text.slice(Math.max(0, m.index - 40), m.index));
      tails.push(text.slice(m.index + m[0].length, m.index + m[0].length + 80));
      sentences.push(text.slice(Math.max(0, m.index - 90), m.index));
    }
  }
  const agree = (pattern: string, texts: string[]) => {
    const withI = new RegExp(pattern, 'iu'), without = new RegExp(caseless(pattern), 'u');
    let matched = 0;
    for (const t of texts) {
      assert.equal(without.exec(t)?.[0], withI.exec(t)?.[0], t);
      if (withI.test(t)) matched++;
    }
    assert.ok(matched >= 3, `some texts match ${pattern.slice(0, 40)}`);
  };
  for (const pattern of BEFORE_WORDS) agree(pattern, heads);
  agree(RHYTHM_PATTERN, tails);
  agree(STARTING_PATTERN, sentences);
});

test('a construct caseless cannot rewrite exactly is refused', () => {
  assert.throws(() => caseless('\\w+'), /caseless/);
  assert.throws(() => caseless('\\bpar'), /caseless/);
  assert.throws(() => caseless('[\\w]'), /caseless/);
  assert.throws(() => caseless('\\p{Lu}'), /caseless/);
  assert.throws(() => caseless('\\u00E9'), /caseless/);
  assert.equal(caseless('s\\u00A0k'), '[sS\u017F]\\u00A0[kK\u212A]');
});
