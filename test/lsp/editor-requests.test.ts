/** The editor's own requests (report, look-up, workspace check, status) and medlint.enable, over stdio. */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers';

const servers: { conn: ProtocolConnection; kill: () => void }[] = [];
after(() => { for (const s of servers) { s.conn.dispose(); s.kill(); } });

async function start(init: { initializationOptions?: unknown; locale?: string } = {}): Promise<ProtocolConnection> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  servers.push({ conn, kill: () => child.kill() });
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {}, ...init });
  await conn.sendNotification('initialized', {});
  return conn;
}

const uri = 'file:///articles/a.md';
const TEXT = '# Douleur\n\nLa prégabaline à 1200 mg/j.\n';
async function open(conn: ProtocolConnection, text = TEXT) {
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
}

test('medlint/report: the Markdown report, each row linking back to its position, and the items', async () => {
  const conn = await start();
  await open(conn);
  const r: any = await conn.sendRequest('medlint/report', { uri });
  assert.equal(r.markdown.split('\n')[0], '# Rapport de vérification — a.md');
  assert.ok(r.markdown.includes(`[3:18](${uri}#L3,18)`), r.markdown);
  const dose = r.items.find((i: any) => i.kind === 'dose');
  assert.deepEqual([dose.verdict, dose.range.start], ['above', { line: 2, character: 17 }]);
  assert.match(r.html, /^<!DOCTYPE html>/);
});

test('medlint/report follows the LSP locale: English headings, French drug names and sources', async () => {
  const conn = await start({ locale: 'en' });
  await open(conn);
  const r: any = await conn.sendRequest('medlint/report', { uri });
  assert.equal(r.markdown.split('\n')[0], '# Fact-check report — a.md');
  assert.match(r.markdown, /\*\*above\*\*/);
  assert.match(r.markdown, /RCP LYRICA/);
});

test('medlint/names lists every name for the look-up, with its kind; medlint/card gives its card', async () => {
  const conn = await start();
  const names: any[] = await conn.sendRequest('medlint/names', {});
  const pregabalin = names.find((n) => n.label === 'prégabaline');
  assert.equal(pregabalin.description, 'DCI');
  assert.equal(names.find((n) => n.label === 'RESET-SLE').description, 'essai clinique');
  const card: any = await conn.sendRequest('medlint/card', { id: pregabalin.id });
  assert.match(card.markdown, /^\*\*prégabaline\*\* — DCI/);
});

test('medlint/status: the dataset’s date and size', async () => {
  const conn = await start();
  const s: any = await conn.sendRequest('medlint/status', {});
  assert.equal(s.dataDate, '2025-11-13');
  assert.ok(s.substances > 2000 && s.trials > 100 && s.ranges > 100, JSON.stringify(s));
});

test('medlint/checkWorkspace: problems of files not open in the editor are published', async () => {
  const conn = await start();
  const dir = mkdtempSync(join(tmpdir(), 'medlint-ws-'));
  const file = join(dir, 'b.md');
  writeFileSync(file, 'La prégabaline à 1200 mg/j.\n');
  const fileUri = pathToFileURL(file).href;
  const published = new Promise<any>((resolve) => conn.onNotification('textDocument/publishDiagnostics', (p: any) => { if (p.uri === fileUri) resolve(p); }));
  const r: any = await conn.sendRequest('medlint/checkWorkspace', { uris: [fileUri] });
  assert.deepEqual(r, { files: 1, problems: 1 });
  assert.deepEqual((await published).diagnostics.map((d: any) => d.code), ['dose-above-max']);
});

test('medlint.enable false: no hover, no completion, no report', async () => {
  const conn = await start({ initializationOptions: { enable: false } });
  await open(conn, 'La prégabaline et la pregab');
  assert.equal(await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } }), null);
  const completion: any = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 27 } });
  assert.deepEqual(Array.isArray(completion) ? completion : completion.items, []);
  assert.equal(await conn.sendRequest('medlint/report', { uri }), null);
});

test('completion says its list is incomplete, so that the editor asks again as the writer types (« p », « pr », « pre »…)', async () => {
  const conn = await start();
  await open(conn, 'La p');
  const completion: any = await conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 4 } });
  assert.equal(completion.isIncomplete, true);
  // VS Code asks an incomplete provider again only if it gave items: from the first letter, it must.
  assert.ok(completion.items.length > 0, 'no item after one letter');
});
