/**
 * The tuned markdown-it of markdown-blocks.ts gives exactly the tokens of a stock markdown-it with the same
 * rules: its line table, its line-break normalisation, its tokens and its paragraphs of lines that open no block
 * (taken in one step) are built otherwise, never differently.
 *
 *   « - 10 mg\n\t- 5 mg » → the same bullet lists, items and paragraphs, with the same maps and levels
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import frontMatter from 'markdown-it-front-matter';
import { blockParser, fillLineTable } from '../../server/src/core/markdown-blocks';

const stock = new MarkdownIt('default', { html: true }).use(frontMatter, () => undefined);
stock.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

/** Every field of every token but the inline children (not built here). */
const fields = (text: string, parser: typeof stock) =>
  parser.parse(text, {}).map((t) => ({ ...t, children: null }));

const table = (text: string) => {
  const state = { bMarks: [], eMarks: [], tShift: [], sCount: [], bsCount: [], lineMax: 0 };
  fillLineTable(state, text);
  return state;
};

test('line table: starts, ends, leading blanks and tab-expanded indentation, then a sentinel line', () => {
  assert.deepEqual(table('a\n \tb\n\n'), {
    bMarks: [0, 2, 6, 7], eMarks: [1, 5, 6, 7], tShift: [0, 2, 0, 0], sCount: [0, 4, 0, 0], bsCount: [0, 0, 0, 0], lineMax: 3,
  });
});

test('line table: a last line of blanks without a line break is no line, as in markdown-it', () => {
  assert.deepEqual(table('a\n \t').bMarks, [0, 4]);
  assert.deepEqual(table('a\n \tb').bMarks, [0, 2, 5]);
});

test('line table: the same as markdown-it\'s own block state on any text of blanks, breaks and marks', () => {
  const Stock = stock.block.State as unknown as new (...args: unknown[]) => Record<string, unknown>;
  const char = fc.constantFrom(' ', '\t', '\n', 'a', '-', '>', '#', '`', '|');
  fc.assert(fc.property(fc.array(char, { maxLength: 40 }).map((cs) => cs.join('')), (text) => {
    const own = new Stock(text, stock, {}, []);
    const { bMarks, eMarks, tShift, sCount, bsCount, lineMax } = own;
    assert.deepEqual(table(text), { bMarks, eMarks, tShift, sCount, bsCount, lineMax });
  }), { numRuns: 2000 });
});

test('tokens: the same as a stock markdown-it\'s, with carriage returns and NULs normalised', () => {
  const line = fc.constantFrom(
    '', ' ', '\t', 'La prégabaline 150 mg/j.', '**Note** texte', '- **Gras**', '_vu_', '** *', '* Texte', '• puce',
    '50 mg', '2. x', '(x)', '- 75 mg', '- Texte', '> Texte', '  Texte', '     Texte', '1. Texte', '- a---', '# Titre',
    'Titre', '===', '---', '- 10 mg', '  - 5 mg', '1. un', '    code', '\tcode', '> citation', '```', '~~~', '<div>', '<!-- note', '-->', '| a | b |', '|---|---|', '[ref]: /url', 'a\0b', '***',
  );
  const text = fc.tuple(fc.array(line, { maxLength: 16 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '\n', '  '))
    .map(([lines, br, tail]) => lines.join(br) + tail);
  fc.assert(fc.property(text, (t) => assert.deepEqual(fields(t, blockParser), fields(t, stock))), { numRuns: 3000 });
});

test('letter paragraphs: lines that open no block, up to a blank line, are one paragraph, with markdown-it\'s content', () => {
  const [open, inline] = fields('La prégabaline\nLe paracétamol \t\n\nÉgalement', blockParser);
  assert.equal(open.type, 'paragraph_open');
  assert.deepEqual(open.map, [0, 2]);
  assert.equal(inline.content, 'La prégabaline\nLe paracétamol');
});

test('letter paragraphs: in every neighbouring construct, the same tokens as markdown-it\'s rules give', () => {
  const texts = [
    'Titre\nSous-titre\n---', // setext heading
    'Titre\n===\nTexte', // setext heading
    'Dose | Effet\n--- | ---\nTexte | suite', // table
    'a | b\nc | d', // no delimiter row: a paragraph
    '- item\nsuite paresseuse\n\nTexte', // lazy continuation of an item
    '> citation\nsuite paresseuse', // lazy continuation of a quote
    'Texte\n- item', // a list ends the paragraph
    'Texte\n1. un\n2. deux', // an ordered list from 1 ends it
    'Texte\n2. deux', // from 2 it does not
    'Texte\n    indenté\nsuite', // an indented continuation
    '<div>\nTexte\n\nTexte', // an HTML block ends at the blank line
    '    code\nTexte', // indented code ends at a line that is not
    '[a]: /url\nTexte', // a reference definition, then a paragraph
    '```\nTexte\n```\nTexte', // a fence
    'Texte\n   \nTexte', // a line of blanks ends a paragraph
    'Texte\n<div>\nsuite', // an HTML block type 6 ends it
    'Texte\n# Titre', // a heading ends it
    '- a---\nTexte\n---\n\nTexte', // front matter's own check reads an item at the text's start
    '- Texte\n\n  suite\n- Texte', // items of one line, then of two paragraphs
    '- Texte\n  suite\n- Texte', // an item's paragraph of two lines
    '-     Texte\n\n-\tTexte\n\n 1. Texte', // content after many blanks, a tab; an ordered item
    '> Texte\n>\n> Texte\nsuite', // paragraphs in a quote, the last one lazy
    '  Texte\n\n   Texte\n      suite', // indented first lines, an indented continuation
    '- > Texte\n  > - Texte\n\n     Texte', // nested containers
    '- Le paracétamol\n- La prégabaline\n* Texte\n+ Texte', // tight items; another marker, another list
    '- Texte\n  - Texte\n    - Texte\n- Texte\n\t- Texte', // nested tight items, a tab
    '-    Texte\n    - suite paresseuse', // 4 columns past the outer list: a lazy line, not an item
    '- Texte\n-\n- Texte\n-x', // an empty item; « -x » is no item: a lazy line
    '> - Texte\n> - Texte\nsuite', // items in a quote, then a lazy line
    '> Texte\n    - suite paresseuse', // a lazy line of a quote (markdown-it gives it an indentation of -1)
    '1. Texte\n2. Texte\n- Texte', // ordered items, then a bullet list
    '**Note** : texte\n*Le* suite\n***\n\n__vu__\n___', // emphasis first, then thematic breaks
    '- **Gras** fin\n- *Le*\n* * *\n- ** gras', // emphasised items; a thematic break; « ** » then a blank
    '* Texte\n\n_ Texte\n\n** *\n\n__ __\n\n*-Texte', // an item, breaks, a paragraph after a mark and a blank
    '*\tTexte\n\nTexte', // an item after a tab
    'Le paracétamol :\n- 1 g\n- 2 g\n\nTexte\n  - x\n\nTexte\n    - x', // a list after a paragraph; indented 2, 4
    'Texte\n-\n\nTexte\n- \n\nTexte\n-\tx\n\nTexte\n--\n\nTexte\n- - -\n\nTexte\n* x', // markers alone, underlines, a break
    '- **Gras**\n  - Texte\n  -\n  - Texte\n- Texte\n  + x', // nested items, one empty
    '- **Titre :**  \n  Texte\nparesseuse\n      indentée\n- Texte\n  suite\n\n  Texte', // items of several lines
    '> **Titre**\nparesseuse\n> suite\n> - Texte', // a quote's paragraph of several lines, then a list
    '• puce\n50 mg\n« Texte »\n(Texte)\n\u00a0Texte\n"a" \'b\'\n**50 mg**\n\n2023. Texte\n\n12) x\n\n10.5 mg', // other first characters
    '- 50 mg\n- 1234567890. x\n- 75 mg\n  20 mg\n1. x', // digits in items, a long number, an ordered item
  ];
  for (const text of texts.flatMap((t) => [t, `Intro\n\n${t}`])) { // also away from the text's first line
    assert.deepEqual(fields(text, blockParser), fields(text, stock), JSON.stringify(text));
  }
});
