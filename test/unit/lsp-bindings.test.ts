/**
 * The server's modules import « vscode-languageserver/node » through one ES module that binds every export once
 * (scripts/lsp-bindings.mjs): « MarkupKind.Markdown » and « createConnection » are the package's own.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers';

const plugin = import(join(ROOT, 'scripts', 'lsp-bindings.mjs')) as Promise<{ lspBindings: any; lspBindingsSource: (names: string[]) => string }>;

/** Two ES modules importing from the package, bundled with the plugin: the bundle, and what it exports. */
async function bundled(): Promise<{ code: string; out: string }> {
  const { lspBindings } = await plugin;
  const dir = mkdtempSync(join(tmpdir(), 'medlint-'));
  writeFileSync(join(dir, 'a.ts'), "import { MarkupKind } from 'vscode-languageserver/node';\nexport const kind = MarkupKind;");
  writeFileSync(join(dir, 'b.ts'), "import { createConnection, DiagnosticSeverity } from 'vscode-languageserver/node';\nexport { kind } from './a';\nexport const both = [createConnection, DiagnosticSeverity];");
  const out = join(dir, 'bundle.js');
  await build({ entryPoints: [join(dir, 'b.ts')], nodePaths: [join(ROOT, 'node_modules')], bundle: true, platform: 'node', format: 'cjs', outfile: out, plugins: [lspBindings], logLevel: 'silent' });
  return { code: readFileSync(out, 'utf8'), out };
}

test('bundled with the plugin, the modules\' imports are the package\'s exports (its bundled copy)', async () => {
  const { out } = await bundled();
  const probe = join(out, '..', 'probe.js');
  writeFileSync(probe, `const lsp = require(${JSON.stringify(require.resolve('vscode-languageserver/node', { paths: [ROOT] }))});
const m = require(${JSON.stringify(out)});
console.log(JSON.stringify([m.kind, lsp.MarkupKind, typeof m.both[0] === 'function' && m.both[0].length === lsp.createConnection.length, m.both[1], lsp.DiagnosticSeverity]));`);
  const [kind, packageKind, isConnectionFunction, severity, packageSeverity] = JSON.parse(execFileSync(process.execPath, [probe], { encoding: 'utf8' }));
  assert.deepEqual(kind, { PlainText: 'plaintext', Markdown: 'markdown' });
  assert.deepEqual(kind, packageKind);
  assert.equal(isConnectionFunction, true);
  assert.deepEqual(severity, packageSeverity);
});

test('bundled with the plugin, no module copies the package\'s exports (esbuild\'s __toESM)', async () => {
  const { code } = await bundled();
  assert.equal(code.includes('__toESM('), false);
});

test('the bindings name every export but « default » and names that are not identifiers', async () => {
  const { lspBindingsSource } = await plugin;
  assert.equal(lspBindingsSource(['createConnection', 'default', 'not-a-name', 'MarkupKind']),
    'const lsp = require("vscode-languageserver/node");\nexport const { createConnection, MarkupKind } = lsp;\n');
});
