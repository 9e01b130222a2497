/** The built server (dist/server.js) over stdio, driven by a real JSON-RPC client. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { fixture, ROOT } from '../helpers';

const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
let stderr = '';
child.stderr.on('data', (d) => { stderr += d; });
const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
conn.listen();
after(() => { conn.dispose(); child.kill(); });

const uri = 'file:///corpus/douleurs-neuropathiques.md';
const text = fixture('douleurs-neuropathiques.md') + '\nLa pregabalinne au coucher.\n\nLa prégabaline à 1200 mg/j.\n';
const lines = text.split('\n');
const pos = (needle: string, delta = 1) => {
  const line = lines.findIndex((l) => l.includes(needle));
  return { line, character: lines[line].indexOf(needle) + delta };
};

test('initialize, open a corpus article, hover, complete, diagnose and fix', async () => {
  const init: any = await conn.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: { textDocument: { diagnostic: {}, hover: { contentFormat: ['markdown'] } } },
  });
  assert.ok(init.capabilities.hoverProvider);
  assert.ok(init.capabilities.diagnosticProvider, 'pull diagnostics offered');
  await conn.sendNotification('initialized', {});
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });

  const hover: any = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: pos('La prégabaline agit', 5) });
  assert.match(hover.contents.value, /prégabaline/);
  assert.match(hover.contents.value, /150 à 600 mg\/j/);
  assert.match(hover.contents.value, /LYRICA/);
  assert.match(hover.contents.value, /base-donnees-publique\.medicaments\.gouv\.fr/);

  const dosePos = pos('75 mg deux fois par jour', 2);
  const doseHover: any = await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: dosePos });
  assert.match(doseHover.contents.value, /150 mg\/j/);

  const completion: any = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: pos('pregabalinne', 'pregab'.length) });
  const items = Array.isArray(completion) ? completion : completion.items;
  assert.equal(items[0].label, 'prégabaline');

  const report: any = await conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const unknown = report.items.find((d: any) => d.code === 'unknown-drug');
  assert.ok(unknown, JSON.stringify(report.items.map((d: any) => d.message)));
  assert.match(unknown.message, /vouliez-vous dire prégabaline/);
  const high = report.items.find((d: any) => d.code === 'dose-above-max' && d.severity === 2);
  assert.ok(high);
  assert.match(high.message, /600 mg\/j/);

  const actions: any = await conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: unknown.range, context: { diagnostics: [unknown] } });
  const edit = actions[0].edit.changes[uri][0];
  assert.equal(edit.newText, 'prégabaline');
  assert.deepEqual(edit.range, unknown.range);

  await conn.sendRequest('shutdown');
  assert.doesNotMatch(stderr, /Error|exception/i);
});
