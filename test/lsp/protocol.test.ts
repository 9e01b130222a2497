/**
 * Protocol hygiene, with the server driven in-process (test/support/lsp-harness.ts): the spec's error before
 * `initialize`, an exit on a framing error, positions clamped to their line, a malformed didOpen refused
 * without poisoning its URI, the cache keyed by version and text, nothing left behind by a closed document.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lsp-harness';

const uri = 'file:///a.md';

test('a request before initialize gets ServerNotInitialized (-32002)', async () => {
  const s = await startServer();
  await assert.rejects(s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), (e: any) => e.code === -32002);
  s.dispose();
});

test('a framing error (Content-Length: abc) is logged and the server exits with status 1', async () => {
  const s = await startServer();
  await s.initialize();
  const write = process.stderr.write;
  let logged = '';
  process.stderr.write = ((chunk: string) => { logged += chunk; return true; }) as typeof process.stderr.write;
  try {
    s.toServer.write('Content-Length: abc\r\n\r\n{}');
    assert.equal(await s.exited, 1);
  } finally {
    process.stderr.write = write;
  }
  assert.match(logged, /message illisible \(Content-Length value must be a number/);
  s.dispose();
});

test('a position past the end of its line is clamped to that line', async () => {
  const s = await startServer();
  await s.initialize();
  s.open(uri, 'La gabapentine\nprégabaline, la suite');
  const hover = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 16 } });
  assert.deepEqual(hover?.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 14 } });
  s.dispose();
});

test('a didOpen whose text is not a string is refused: the URI has no document, then opens normally', async () => {
  const s = await startServer();
  await s.initialize();
  s.open(uri, { not: 'text' });
  assert.deepEqual(await s.request('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
  s.open(uri, 'La prégabaline à 1200 mg/j.', 2);
  const report = await s.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.deepEqual(report.items.map((d: any) => d.code), ['dose-above-max']);
  s.dispose();
});

test('the cached analysis is keyed by version and text: a change that keeps the version is analysed', async () => {
  const s = await startServer();
  await s.initialize();
  s.open(uri, 'La prégabaline à 150 mg/j.', 1);
  assert.deepEqual((await s.request('textDocument/diagnostic', { textDocument: { uri } })).items, []);
  await s.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'La prégabaline à 1200 mg/j.' }] });
  const report = await s.request('textDocument/diagnostic', { textDocument: { uri } });
  assert.deepEqual(report.items.map((d: any) => d.code), ['dose-above-max']);
  s.dispose();
});

test('push mode: a closed document leaves no entry behind', async () => {
  const s = await startServer();
  await s.initialize({});
  const server = require('../../server/src/server');
  for (let i = 0; i < 20; i++) {
    const u = `file:///doc-${i}.md`;
    s.open(u, 'La prégabaline à 1200 mg/j.');
    await s.client.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  }
  await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(server.perDocument.timers.size, 0);
  assert.equal(server.perDocument.cache.size, 0);
  assert.equal(server.perDocument.analyzers.size, 0);
  assert.equal(server.perDocument.paths.size, 0);
  s.dispose();
});

test('each open document keeps one incremental analyzer, dropped when it closes', async () => {
  const s = await startServer();
  await s.initialize({});
  const server = require('../../server/src/server');
  const u = 'file:///incremental.md';
  s.open(u, 'La prégabaline à 1200 mg/j.\n\nLe patient va bien.');
  await s.request('textDocument/hover', { textDocument: { uri: u }, position: { line: 0, character: 5 } });
  assert.equal(server.perDocument.analyzers.size, 1);
  await s.client.sendNotification('textDocument/didClose', { textDocument: { uri: u } });
  await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(server.perDocument.analyzers.size, 0);
  s.dispose();
});

test('after edits typed into a document, its pulled diagnostics are those of a fresh analysis of its text', async () => {
  const s = await startServer();
  await s.initialize();
  const u = 'file:///typed.md';
  let text = '## Prégabaline\n\nLe patient va bien.\n\nDe 150 à 600 mg/j.\n\n```\n\nLe ramipril 10 mg/j.\n';
  s.open(u, text);
  await s.request('textDocument/diagnostic', { textDocument: { uri: u } });
  // Typed at the end of the first paragraph, then the fence closed before the ramipril.
  const edits = [{ line: 2, character: 19, text: ' Il prend de la prégabaline à 1200 mg/j.' }, { line: 8, character: 0, text: '```\n\n' }];
  for (const [k, e] of edits.entries()) {
    const lines = text.split('\n');
    lines[e.line] = lines[e.line].slice(0, e.character) + e.text + lines[e.line].slice(e.character);
    text = lines.join('\n');
    const range = { start: { line: e.line, character: e.character }, end: { line: e.line, character: e.character } };
    await s.client.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: k + 2 }, contentChanges: [{ range, text: e.text }] });
    const typed = await s.request('textDocument/diagnostic', { textDocument: { uri: u } });
    const fresh = await startServer();
    await fresh.initialize();
    const other = `file:///fresh-${k}.md`; // a document of its own: nothing remembered from the typed one
    fresh.open(other, text);
    const expected = await fresh.request('textDocument/diagnostic', { textDocument: { uri: other } });
    fresh.dispose();
    assert.deepEqual(typed.items, expected.items);
    assert.ok(typed.items.some((d: any) => d.code === 'dose-above-max'));
  }
  s.dispose();
});

test('in-process: a document pushes its diagnostics, hover shows the drug card', async () => {
  const s = await startServer();
  await s.initialize({});
  const pushed = s.nextDiagnostics(uri);
  s.open(uri, 'La prégabaline à 1200 mg/j.');
  assert.deepEqual((await pushed).map((d) => [d.code, d.range.start.character, d.range.end.character]), [['dose-above-max', 17, 26]]);
  const hover = await s.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
  assert.match(hover.contents.value, /LYRICA/);
  s.dispose();
});
