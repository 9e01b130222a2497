/**
 * The server's bundle is ASCII (scripts/ascii-bundle.mjs), so that server-loader.ts reads it as Latin-1, one
 * byte per character: « /comprimés?/ » is written « /comprim\u00E9s?/ », the same expression.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const plugin = import(join(ROOT, 'scripts', 'ascii-bundle.mjs')) as Promise<{ asciiSource: (text: string) => string }>;

test('the built server bundle is ASCII', () => {
  assert.equal(isAscii(readFileSync(join(ROOT, 'dist', 'server-main.js'))), true);
});

test('a non-ASCII character of a regular expression becomes its \\u escape, which matches the same text', async () => {
  const { asciiSource } = await plugin;
  const source = 'module.exports = [/comprimés?|[®™]/, /^[^\\d’]+$/u];';
  const escaped = asciiSource(source);
  assert.equal(escaped, 'module.exports = [/comprim\\u00E9s?|[\\u00AE\\u2122]/, /^[^\\d\\u2019]+$/u];');
  const load = (code: string) => new Function('module', `${code}; return module.exports;`)({}) as RegExp[];
  const [plain, unicode] = load(escaped);
  assert.deepEqual(['3 comprimés', 'LYRICA®', 'Zeposia™', 'comprimes'].map((t) => plain.test(t)), [true, true, true, false]);
  assert.deepEqual(['l’essai', 'l\'essai'].map((t) => unicode.test(t)), [false, true]);
});

test('a non-ASCII character after a backslash is refused (its escape would read as « \\\\u… »)', async () => {
  const { asciiSource } = await plugin;
  assert.throws(() => asciiSource('/\\é/'), /ascii-bundle: « \\é » at 2/);
  assert.equal(asciiSource('/\\\\é/'), '/\\\\\\u00E9/', 'an escaped backslash, then the character: escaped');
});
