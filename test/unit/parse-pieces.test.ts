/**
 * A large text parsed by markdown-it in pieces (parse-pieces.ts) gives exactly the blocks and prose of the whole
 * parse: cuts only before a top-level paragraph after a blank line, or between one-line items of a top-level
 * bullet list; never inside a fence or an HTML block; none at all when unsure.
 *
 *   « La prégabaline 150 mg/j.\n\nLe paracétamol 1 g. » repeated past 64 KB → cut before « Le paracétamol »
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CHUNK_MIN, chunkStarts } from '../../server/src/core/parse-pieces';
import { extractProse } from '../../server/src/core/prose';

const PARAGRAPHS = 'La prégabaline est prescrite à 150 mg/j.\n\nLe paracétamol 1 g par prise.\n\n';
const big = (unit: string) => unit.repeat(Math.ceil((3 * CHUNK_MIN) / unit.length));
const whole = () => [0];

test('a text under twice the piece size is parsed whole', () => {
  assert.deepEqual(chunkStarts(PARAGRAPHS.repeat(100)), [0]);
});

test('a long text of paragraphs is cut before a paragraph that follows a blank line', () => {
  const text = big(PARAGRAPHS);
  const cuts = chunkStarts(text);
  assert.ok(cuts.length >= 2, `${cuts.length} pieces`);
  for (const at of cuts.slice(1)) {
    assert.equal(text.slice(at - 2, at), '\n\n');
    assert.match(text[at], /[A-Za-zÀ-ɏ]/);
  }
});

test('a long list of « - 10 mg » lines is cut between two items', () => {
  const text = big('- 10 mg\n');
  const cuts = chunkStarts(text);
  assert.ok(cuts.length >= 2, `${cuts.length} pieces`);
  for (const at of cuts.slice(1)) assert.equal(text.slice(at - 8, at + 8), '- 10 mg\n- 10 mg\n');
});

test('no cut inside a fence: its paragraphs are code', () => {
  const text = `\`\`\`\n${big(PARAGRAPHS)}\`\`\`\n\n${big(PARAGRAPHS)}`;
  const fenceEnd = text.indexOf('```', 3);
  assert.ok(chunkStarts(text).slice(1).every((at) => at > fenceEnd));
});

test('no cut inside an HTML comment opened at column 0', () => {
  const text = `<!--\n${big(PARAGRAPHS)}-->\n\n${big(PARAGRAPHS)}`;
  const end = text.indexOf('-->');
  assert.ok(chunkStarts(text).slice(1).every((at) => at > end));
});

test('no cut in a list of items after an HTML block line (« <div> » swallows them until a blank line)', () => {
  const text = `<div>\n${big('- 10 mg\n')}`;
  assert.deepEqual(chunkStarts(text), [0]);
});

test('a fence inside a list item, carriage returns or front matter: parsed whole', () => {
  assert.deepEqual(chunkStarts(`- \`\`\`\n${big(PARAGRAPHS)}`), [0]);
  assert.deepEqual(chunkStarts(big(PARAGRAPHS).replace(/\n/g, '\r\n')), [0]);
  assert.deepEqual(chunkStarts(`---\ntitle: x\n---\n${big(PARAGRAPHS)}`), [0]);
});

/** Markdown pieces that open and close what a cut must not split: fences, HTML blocks, lists, quotes, tables. */
const PIECES = [
  'La prégabaline 150 mg/j.', 'Le paracétamol', '\n', '\n\n', '- ', '* ', '+ ', '1. ', '> ', '    ', '  ', '# Titre', '| a | b |\n|---|---|\n',
  '| x | 15 mg/j |', '```', '~~~', '``` a`b', '<div>', '<!-- x -->', '<!--', '-->', '<script>', '</script>', '<?', '?>', '<!X', '>',
  '<![CDATA[', ']]>', '---', '===', '- 10 mg\n', '- - -\n', '-     code\n', 'Zèbre', '\t',
];
const section = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- 10 mg\n', '* b\n', '+ c 1 g\n'), fc.integer({ min: 1, max: 3000 })).map(([u, n]) => u.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 600 }).map((n) => PARAGRAPHS.repeat(n)) },
);

test('property: in pieces or whole, the prose and the blocks are the same', () => {
  fc.assert(fc.property(fc.array(section, { minLength: 1, maxLength: 40 }), (sections) => {
    const text = sections.join('');
    assert.deepEqual(extractProse(text), extractProse(text, whole));
  }), { numRuns: Number(process.env.MEDLINT_CHUNK_RUNS ?? 60), seed: process.env.MEDLINT_SEED ? Number(process.env.MEDLINT_SEED) : undefined });
});
