/**
 * The server's bundle makes markdown-it's table of HTML entities when an entity is first decoded, not at
 * load (scripts/lazy-entities.mjs): entities still decode (« &eacute; » → é), and the markdown-it installed
 * is one the plugin knows.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers';

const plugin = import(join(ROOT, 'scripts', 'lazy-entities.mjs')) as Promise<{ lazyEntities: any; lazyEntitiesSource: (text: string) => string | undefined }>;

test('the installed markdown-it is one whose entity table the plugin makes lazy', async () => {
  const { lazyEntitiesSource } = await plugin;
  const source = lazyEntitiesSource(readFileSync(join(ROOT, 'node_modules', 'markdown-it', 'dist', 'markdown-it.cjs.js'), 'utf8'));
  assert.ok(source?.includes('htmlDecodeTree ??= decodeTrieDict('), 'markdown-it changed: see scripts/lazy-entities.mjs');
});

test('bundled with the plugin, markdown-it still decodes entities, the table made on first use', async () => {
  const { lazyEntities } = await plugin;
  const out = await build({
    stdin: { contents: "module.exports = require('markdown-it');", resolveDir: ROOT }, bundle: true, platform: 'node', format: 'cjs',
    write: false, plugins: [lazyEntities], alias: { 'markdown-it': './node_modules/markdown-it/dist/markdown-it.cjs.js' }, logLevel: 'silent',
  });
  const text = out.outputFiles[0].text;
  assert.match(text, /var lazyHtmlDecodeTree = \(\) => htmlDecodeTree \?\?= decodeTrieDict\(/);
  const module = { exports: {} as any };
  new Function('module', 'exports', 'require', text)(module, module.exports, require);
  assert.equal(new module.exports().render('Pr&eacute;gabaline &amp; [lien](a&eacute;)'), '<p>Prégabaline &amp; <a href="a%C3%A9">lien</a></p>\n');
});
