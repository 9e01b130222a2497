/**
 * Completion through the server in-process (test/support/lsp-harness.ts): a small list, its documentation
 * given by completionItem/resolve. « La p » → at most 3 KB, the card of « prégabaline » on resolve.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/lsp-harness';

const uri = 'file:///a.md';

test('after one letter, the list is at most 3 KB and carries no documentation', async () => {
  const s = await startServer();
  await s.initialize();
  s.open(uri, 'Un long texte sur la douleur.\n\nLa p');
  const list = await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 4 } });
  assert.ok(list.items.length >= 10, `${list.items.length} items`);
  assert.ok(Buffer.byteLength(JSON.stringify(list)) <= 3072, `${Buffer.byteLength(JSON.stringify(list))} bytes`);
  assert.ok(list.items.every((i: any) => i.documentation === undefined));
  s.dispose();
});

test('completionItem/resolve gives the card; the list says it resolves', async () => {
  const s = await startServer();
  const init = await s.initialize();
  assert.equal(init.capabilities.completionProvider.resolveProvider, true);
  s.open(uri, 'La pregab');
  const list = await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
  const item = list.items[0];
  assert.equal(item.label, 'prégabaline');
  assert.deepEqual(item.textEdit, { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 9 } }, newText: 'prégabaline' });
  const resolved = await s.request('completionItem/resolve', item);
  assert.equal(resolved.documentation.kind, 'markdown');
  assert.match(resolved.documentation.value, /150–600\u202Fmg\/j/);
  assert.equal(resolved.label, 'prégabaline');
  s.dispose();
});

test('a client that takes a default edit range (VS Code) gets it once for the list, not per item', async () => {
  const s = await startServer();
  await s.initialize({ textDocument: { diagnostic: {}, completion: { completionList: { itemDefaults: ['editRange', 'data'] } } } });
  s.open(uri, 'La pregab');
  const list = await s.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
  assert.deepEqual(list.itemDefaults, { editRange: { start: { line: 0, character: 3 }, end: { line: 0, character: 9 } } });
  assert.equal(list.items[0].textEdit, undefined);
  assert.equal(list.items[0].label, 'prégabaline');
  s.dispose();
});
