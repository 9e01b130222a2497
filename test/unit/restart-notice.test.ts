/**
 * The client's restart notice (client/src/restart-notice.ts) around a fake error handler: a server process that
 * ends on its own is restarted by the library's handler; each restart is logged, the writer is told once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CloseAction, CloseHandlerResult, ErrorHandler } from 'vscode-languageclient/node';
import { announceRestarts } from '../../client/src/restart-notice';

// The values of vscode-languageclient's CloseAction (its module needs vscode at run time).
const DO_NOT_RESTART = 1 as CloseAction;
const RESTART = 2 as CloseAction;

function setup(results: CloseHandlerResult[]) {
  const lines: string[] = [];
  let notices = 0, refreshed = 0;
  const base: ErrorHandler = { error: () => ({ action: 1 as never }), closed: () => results.shift()! };
  const counts = { restarts: 0, notices: 0 };
  const handler = announceRestarts(() => base, RESTART, { log: (l) => lines.push(l), notify: () => notices++, restarted: () => refreshed++ }, counts);
  return { handler, lines, counts, shown: () => notices, refreshed: () => refreshed };
}

test('a server that ends on its own is restarted, logged, and announced once', async () => {
  const s = setup([{ action: RESTART }]);
  assert.deepEqual(await s.handler.closed(), { action: RESTART, handled: true });
  assert.equal(s.shown(), 1);
  assert.deepEqual(s.lines, ["the server's process ended unexpectedly (restart 1 of this session): restarting it"]);
  assert.equal(s.refreshed(), 1);
});

test('a second restart in the session is logged but not announced again', async () => {
  const s = setup([{ action: RESTART }, { action: RESTART }]);
  await s.handler.closed();
  await s.handler.closed();
  assert.equal(s.shown(), 1);
  assert.deepEqual(s.counts, { restarts: 2, notices: 1 });
  assert.equal(s.lines.length, 2);
});

test('when the library gives up restarting, its answer and message pass through unchanged', async () => {
  const s = setup([{ action: DO_NOT_RESTART, message: 'crashed 5 times' }]);
  assert.deepEqual(await s.handler.closed(), { action: DO_NOT_RESTART, message: 'crashed 5 times' });
  assert.equal(s.shown(), 0);
  assert.deepEqual(s.lines, []);
});
