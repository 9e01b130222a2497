/**
 * The server's bundle requires « net » and « child_process » (loaded by vscode-languageserver for what a
 * start does not do) when first used, not at load (scripts/lazy-builtins.mjs).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers';

const plugin = import(join(ROOT, 'scripts', 'lazy-builtins.mjs')) as Promise<{ lazyBuiltins: any; LAZY_BUILTINS: { file: string; lines: string[] }[]; lazyBuiltinsSource: (text: string, lines: string[]) => string | undefined }>;

test('the installed vscode-languageserver and vscode-jsonrpc are ones whose requires the plugin makes lazy', async () => {
  const { LAZY_BUILTINS, lazyBuiltinsSource } = await plugin;
  const roots = [join(ROOT, 'node_modules'), join(ROOT, 'node_modules', 'vscode-languageserver', 'node_modules')];
  for (const { file, lines } of LAZY_BUILTINS) {
    const path = roots.map((r) => join(r, file)).find((p) => { try { readFileSync(p); return true; } catch { return false; } })!;
    assert.ok(lazyBuiltinsSource(readFileSync(path, 'utf8'), lines), `${file} changed: see scripts/lazy-builtins.mjs`);
  }
});

test('bundled with the plugin, the server\'s protocol loads neither net nor child_process until used', async () => {
  const { lazyBuiltins } = await plugin;
  const out = join(mkdtempSync(join(tmpdir(), 'medlint-')), 'bundle.js');
  await build({ stdin: { contents: "module.exports = require('vscode-languageserver/node');", resolveDir: ROOT }, bundle: true, platform: 'node', format: 'cjs', outfile: out, plugins: [lazyBuiltins], logLevel: 'silent' });
  const probe = join(out, '..', 'probe.js');
  writeFileSync(probe, `const lsp = require(${JSON.stringify(out)});
const loaded = () => ['net', 'child_process'].filter((m) => process.moduleLoadList.includes('NativeModule ' + m));
console.log(JSON.stringify({ loaded: loaded(), connection: typeof lsp.createConnection }));`);
  assert.deepEqual(JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' })), { loaded: [], connection: 'function' });
});

test('a lazy require gives the module\'s members on first use', async () => {
  const { lazyBuiltinsSource } = await plugin;
  const source = lazyBuiltinsSource('const net_1 = require("net");\nmodule.exports = () => net_1.createServer === require("net").createServer;', ['const net_1 = require("net");'])!;
  const module = { exports: {} as any };
  new Function('module', 'require', source)(module, require);
  assert.equal(module.exports(), true);
  assert.equal(lazyBuiltinsSource('const os_1 = require("os");', ['const net_1 = require("net");']), undefined, 'a line not found: the file is left as it is');
});
