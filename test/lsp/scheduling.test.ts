/**
 * When the server analyses, and what it answers meanwhile (issue 13 §2 and §5), driven in-process
 * (test/support/lsp-harness.ts): hover and completion from the last analysis, shifted through the edits since;
 * push diagnostics at once on open, then throttled, each with its version; `$/cancelRequest`; documents above
 * the size limit analysed in the background with one French notice; at most N diagnostics per document;
 * settings from didChangeConfiguration for a client without workspace/configuration.
 * Analyses are counted through the server's `counters`, never timed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import { startServer, type TestServer } from '../support/lsp-harness';

const uri = 'file:///a.md';
const SERVER = '../../server/src/server';
/** The server module the last `startServer()` loaded: its counters and limits. */
const serverModule = () => require(SERVER) as {
  perDocument: { timers: Map<string, NodeJS.Timeout> };
  counters: { analyses: number };
  limits: { liveChars: number; sliceChars: number; throttleMs: number; maxDiagnostics: number };
};

const at = (line: number, character: number) => ({ line, character });
const insert = (s: TestServer, version: number, line: number, character: number, text: string) =>
  s.client.sendNotification('textDocument/didChange', {
    textDocument: { uri, version }, contentChanges: [{ range: { start: at(line, character), end: at(line, character) }, text }],
  });
const pull = (s: TestServer, u = uri) => s.request('textDocument/diagnostic', { textDocument: { uri: u } });
const labels = (r: any) => (Array.isArray(r) ? r : r.items).map((i: any) => i.label);
const published = (s: TestServer) => s.log.filter((m) => m.method === 'textDocument/publishDiagnostics')
  .map((m) => [m.params.version, m.params.diagnostics.map((d: any) => d.code)]);

/** A server whose throttled pass never comes during the test: what answers is the last analysis. */
async function quietServer(): Promise<TestServer> {
  const s = await startServer();
  await s.initialize();
  const server = serverModule();
  server.limits.throttleMs = 600_000;
  const dispose = s.dispose;
  s.dispose = () => {
    for (const t of server.perDocument.timers.values()) clearTimeout(t); // its pending passes
    dispose();
  };
  return s;
}

test('hover after an edit that shifts the text: the drug at its new place, without a new analysis', async () => {
  const s = await quietServer();
  s.open(uri, 'La prégabaline à 150 mg/j.\n\nLe tramadol le soir.\n');
  await pull(s);
  const before = serverModule().counters.analyses;
  await insert(s, 2, 0, 0, 'Chez l’adulte,\n');
  const tramadol = await s.request('textDocument/hover', { textDocument: { uri }, position: at(3, 5) });
  assert.match(tramadol.contents.value, /tramadol/);
  assert.deepEqual(tramadol.range, { start: at(3, 3), end: at(3, 11) });
  const pregabalin = await s.request('textDocument/hover', { textDocument: { uri }, position: at(1, 5) });
  assert.match(pregabalin.contents.value, /prégabaline/);
  assert.deepEqual(pregabalin.range, { start: at(1, 3), end: at(1, 14) });
  assert.equal(serverModule().counters.analyses, before);
  s.dispose();
});

test('hover on a word changed since the last analysis is not answered from it', async () => {
  const s = await quietServer();
  s.open(uri, 'La prégabaline le soir.\n');
  await pull(s);
  await insert(s, 2, 0, 14, 's');
  assert.equal(await s.request('textDocument/hover', { textDocument: { uri }, position: at(0, 5) }), null);
  s.dispose();
});

test('completion right after typing in a new paragraph: names, without a new analysis', async () => {
  const s = await quietServer();
  s.open(uri, 'La prégabaline le soir.\n');
  await pull(s);
  const before = serverModule().counters.analyses;
  await insert(s, 2, 0, 23, '\n\nLa cicl');
  assert.ok(labels(await s.request('textDocument/completion', { textDocument: { uri }, position: at(2, 7) })).includes('ciclosporine'));
  assert.equal(serverModule().counters.analyses, before);
  s.dispose();
});

test('completion typed inside a fenced code block of the last analysis: none', async () => {
  const s = await quietServer();
  s.open(uri, 'Texte.\n\n```\ncode\n\nsuite\n```\n');
  await pull(s);
  await insert(s, 2, 4, 0, 'cicl');
  assert.deepEqual(labels(await s.request('textDocument/completion', { textDocument: { uri }, position: at(4, 4) })), []);
  s.dispose();
});

test('completion typed inside a code span of its paragraph: none', async () => {
  const s = await quietServer();
  s.open(uri, 'Voir `x` ici.\n');
  await pull(s);
  await insert(s, 2, 0, 6, 'cicl');
  assert.deepEqual(labels(await s.request('textDocument/completion', { textDocument: { uri }, position: at(0, 10) })), []);
  s.dispose();
});

test('push: a document opened is analysed at once, its diagnostics carry its version', async () => {
  const s = await startServer();
  await s.initialize({});
  s.open(uri, 'La prégabaline à 1200 mg/j.', 7);
  await s.request('textDocument/hover', { textDocument: { uri }, position: at(0, 0) });
  assert.deepEqual(published(s), [[7, ['dose-above-max']]]);
  s.dispose();
});

test('push: two changes within the throttle give one analysis and one publication, of the last version', async () => {
  const s = await startServer();
  await s.initialize({});
  serverModule().limits.throttleMs = 300;
  const opened = s.nextDiagnostics(uri);
  s.open(uri, 'La prégabaline à 150 mg/j.');
  await opened;
  const before = serverModule().counters.analyses;
  const next = s.nextDiagnostics(uri);
  await insert(s, 2, 0, 18, '0');
  await insert(s, 3, 0, 19, '0');
  await next;
  assert.deepEqual(published(s), [[1, []], [3, ['dose-above-max']]]);
  assert.equal(serverModule().counters.analyses, before + 1);
  s.dispose();
});

test('push: a change long after the last pass is analysed at once, not after the throttle', async () => {
  const s = await startServer();
  await s.initialize({});
  const server = require(SERVER);
  server.limits.throttleMs = 600_000;
  const opened = s.nextDiagnostics(uri);
  s.open(uri, 'La prégabaline à 150 mg/j.');
  await opened;
  server.perDocument.passed.set(uri, performance.now() - 600_001); // the writer paused for the whole throttle
  const next = s.nextDiagnostics(uri);
  await insert(s, 2, 0, 18, '0');
  await next;
  assert.deepEqual(published(s), [[1, []], [2, ['dose-above-max']]]);
  s.dispose();
});

test('$/cancelRequest arriving with its hover: the spec\'s RequestCancelled (-32800)', async () => {
  const s = await quietServer();
  s.open(uri, 'La prégabaline le soir.');
  s.sendRaw(
    { id: 'h1', method: 'textDocument/hover', params: { textDocument: { uri }, position: at(0, 5) } },
    { method: '$/cancelRequest', params: { id: 'h1' } },
  );
  await s.request('textDocument/hover', { textDocument: { uri }, position: at(0, 5) });
  assert.equal(s.log.find((m) => m.id === 'h1')?.error?.code, -32800);
  s.dispose();
});

/** A document of `n` sections, each a heading and a paragraph with an overdose. */
const sections = (n: number) => Array.from({ length: n }, (_, i) => `## Partie ${i + 1}\n\nLa prégabaline à 1200 mg/j le soir.\n\n`).join('');

test('a document above the size limit: analysed in the background, one French notice, the same diagnostics', async () => {
  const s = await quietServer();
  const text = sections(40);
  s.open('file:///petit.md', text);
  const live = (await pull(s, 'file:///petit.md')).items;
  Object.assign(serverModule().limits, { liveChars: 1000, sliceChars: 200 });
  s.open(uri, text);
  const background = (await pull(s)).items;
  assert.equal(background.length, 40);
  assert.deepEqual(background, live);
  await pull(s);
  const notices = s.log.filter((m) => m.method === 'window/showMessage').map((m) => m.params.message);
  assert.deepEqual(notices, ['Document de 2 ko (a.md) : analyse en arrière-plan.']);
  s.dispose();
});

test('a pull on a large document cancelled by the client: RequestCancelled (-32800)', async () => {
  const s = await quietServer();
  Object.assign(serverModule().limits, { liveChars: 1000, sliceChars: 100 });
  s.open(uri, sections(200));
  const cancel = new CancellationTokenSource();
  const answer = s.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, cancel.token);
  cancel.cancel();
  await assert.rejects(answer, (e: any) => e.code === -32800);
  s.dispose();
});

test('a pull on a large document that changes meanwhile: ServerCancelled (-32802), asked again', async () => {
  const s = await quietServer();
  Object.assign(serverModule().limits, { liveChars: 1000, sliceChars: 100 });
  s.open(uri, sections(200));
  const answer = pull(s);
  await insert(s, 2, 0, 0, 'x');
  await assert.rejects(answer, (e: any) => e.code === -32802 && e.data?.retriggerRequest === true);
  s.dispose();
});

test('push: a large document\'s stale pass is dropped, only the last version is published', async () => {
  const s = await startServer();
  await s.initialize({});
  Object.assign(serverModule().limits, { liveChars: 1000, sliceChars: 100, throttleMs: 0 });
  s.open(uri, sections(200));
  const next = s.nextDiagnostics(uri);
  await insert(s, 2, 0, 0, 'x');
  await next;
  assert.deepEqual(published(s).map(([version, codes]) => [version, codes.length]), [[2, 200]]);
  s.dispose();
});

test('at most maxDiagnostics per document, then one information saying how many were left out', async () => {
  const s = await quietServer();
  serverModule().limits.maxDiagnostics = 2;
  s.open(uri, 'La prégabaline à 1200 mg/j.\n\nLa prégabaline à 1300 mg/j.\n\nLa prégabaline à 1400 mg/j.\n\nLa prégabaline à 1500 mg/j.\n');
  const items = (await pull(s)).items;
  assert.deepEqual(items.map((d: any) => [d.code ?? null, d.severity, d.range.start.line]), [
    ['dose-above-max', 2, 0], ['dose-above-max', 2, 2], [null, 3, 4],
  ]);
  assert.equal(items[2].message, '2 autres problèmes non affichés (au plus 2 par document) ; « medlint check » les liste tous.');
  s.dispose();
});

test('didChangeConfiguration\'s settings are honoured when the client has no workspace/configuration', async () => {
  const s = await startServer();
  await s.initialize({ textDocument: { diagnostic: {} } });
  s.open(uri, 'La prégabaline à 1200 mg/j.');
  assert.deepEqual((await pull(s)).items.map((d: any) => d.code), ['dose-above-max']);
  await s.client.sendNotification('workspace/didChangeConfiguration', { settings: { medlint: { severity: { 'dose-above-max': 'off' } } } });
  assert.deepEqual((await pull(s)).items, []);
  s.dispose();
});

test('a large document closed during its pass: the pass is dropped, nothing is left behind', async () => {
  const s = await startServer();
  await s.initialize({});
  const server = require(SERVER);
  Object.assign(server.limits, { liveChars: 1000, sliceChars: 100 });
  s.open(uri, sections(200));
  await s.client.sendNotification('textDocument/didClose', { textDocument: { uri } });
  await pull(s, 'file:///autre.md');
  assert.deepEqual(published(s), [[undefined, []]]);
  assert.deepEqual([server.perDocument.passes.size, server.perDocument.noticed.size, server.perDocument.cache.size], [0, 0, 0]);
  s.dispose();
});

test('push: a document MedLint is off for is published empty, without an analysis', async () => {
  const s = await startServer();
  const before = serverModule().counters.analyses;
  await s.client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities: {}, initializationOptions: { enable: false } });
  await s.client.sendNotification('initialized', {});
  s.open(uri, 'La prégabaline à 1200 mg/j.', 4);
  await s.request('textDocument/hover', { textDocument: { uri }, position: at(0, 5) });
  assert.deepEqual(published(s), [[4, []]]);
  assert.equal(serverModule().counters.analyses, before);
  s.dispose();
});
