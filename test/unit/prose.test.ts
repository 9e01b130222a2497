import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractProse } from '../../server/src/core/prose';
import { analyze } from '../../server/src/core/analyze';
import { lexicon } from '../helpers';

const doc = [
  '---',
  'title: prégabaline en front matter',
  '---',
  '# La prégabaline',
  '',
  'Texte avec `prégabaline 1200 mg/j` en code et [un lien](https://ex.org/pregabaline) puis https://ex.org/gabapentine nue.',
  '<!-- gabapentine en commentaire -->',
  '',
  '```',
  'gabapentine 9000 mg/j',
  '```',
  '',
  '    venlafaxine indentée',
].join('\n');

test('non-prose is blanked with the same length; prose keeps its offsets', () => {
  const p = extractProse(doc);
  assert.equal(p.text.length, doc.length);
  assert.equal(p.text.split('\n').length, doc.split('\n').length);
  for (const hidden of ['prégabaline en front', 'prégabaline 1200', 'ex.org/pregabaline', 'ex.org/gabapentine', 'commentaire', '9000', 'indentée']) {
    assert.ok(!p.text.includes(hidden), hidden);
  }
  const visible = doc.indexOf('La prégabaline');
  assert.equal(p.text.slice(visible, visible + 14), 'La prégabaline');
  assert.ok(p.text.includes('un lien'));
  assert.ok(p.blocks.some((b) => b.kind === 'heading'));
});

test('unclosed fence, CRLF, empty, binary junk and 5 MB inputs do not throw', () => {
  const lex = lexicon();
  const inputs = [
    '',
    '```\nprégabaline 1200 mg/j\n',
    'La prégabaline 1200 mg/j.\r\nLa gabapentine.\r\n',
    Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('utf8'),
    'La prégabaline 75 mg deux fois par jour. '.repeat(130_000),
  ];
  for (const input of inputs) assert.doesNotThrow(() => analyze(input, lex));
  assert.equal(analyze('```\nprégabaline 1200 mg/j\n', lex).mentions.length, 0, 'unclosed fence is code to the end');
  const crlf = analyze('La prégabaline 1200 mg/j.\r\nLa gabapentine.\r\n', lex);
  assert.equal(crlf.findings.filter((f) => f.code === 'dose-above-max').length, 1);
});

test('inline constructs: code spans, links, references, autolinks, HTML; containers keep their prose', () => {
  const src = [
    'Un ``code avec ` dedans`` puis \\`pas du code\\` et [texte visible](https://x.org/a_(b) "titre caché").',
    'Voir [la note][ref-cachee], <https://auto.link/x>, <span class="cache">visible</span>.',
    '',
    '> Citation : la prégabaline',
    '',
    '- item avec du texte',
    '',
    '  ```',
    '  code dans la liste',
    '  ```',
    '',
    '| Médicament | Dose |',
    '|---|---|',
    '| gabapentine `cachée` | 300 mg |',
    '',
    '[ref-cachee]: https://defin.ition/',
    '<!-- commentaire',
    'sur deux lignes -->',
  ].join('\n');
  const p = extractProse(src).text;
  assert.equal(p.length, src.length);
  for (const hidden of ['code avec', 'x.org', 'titre caché', 'ref-cachee]', 'auto.link', 'class=', 'code dans la liste', 'defin.ition', 'commentaire', 'deux lignes', 'cachée`']) {
    assert.ok(!p.includes(hidden), `visible à tort : ${hidden}`);
  }
  for (const shown of ['pas du code', 'texte visible', 'la note', 'visible</', 'Citation : la prégabaline', 'item avec du texte', 'gabapentine', '300 mg']) {
    assert.ok(p.includes(shown.replace('</', '')), `masqué à tort : ${shown}`);
  }
  const blocks = extractProse(src).blocks.map((b) => b.kind);
  assert.ok(blocks.includes('tableRow') && blocks.includes('listItem') && blocks.includes('paragraph'));
});

test('hidden lines keep their \\r\\n, \\r and \\n breaks, with characters beyond Latin-1 or without', () => {
  for (const word of ['l’œdème', 'léger']) {
    const src = `\`\`\`\r\n${word}\ry\n\`\`\`\n\nTexte`;
    const spaces = ' '.repeat(word.length);
    assert.equal(extractProse(src).text, `   \r\n${spaces}\r \n   \n\nTexte`);
  }
});

test('a run of blank lines in a hidden stretch stays as it is', () => {
  const src = `\`\`\`\n${'\n'.repeat(5000)}code\n\`\`\`\nTexte`;
  assert.equal(extractProse(src).text, `   \n${'\n'.repeat(5000)}    \n   \nTexte`);
});
