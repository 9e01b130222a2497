/**
 * The server's code cache in another runtime (VS Code runs the server with its own V8, which rejects the
 * build's cache): the first server to run there writes one for its V8 as it exits, and the next starts use it
 * (« server-main.11.3.244.8-node.38.cache » beside « server-main.js »).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { ROOT } from '../helpers';

/** A server started from `dist`, asked to initialize then to exit; resolves when it has exited. */
function runOnce(dist: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(dist, 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const send = (m: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...m });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('"id":1') && !out.includes('"id":2')) { send({ id: 2, method: 'shutdown' }); send({ method: 'exit' }); }
    });
    child.on('exit', () => resolve());
    child.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
  });
}

test('a cache this V8 rejects: the server writes one for its V8 as it exits, which the next start uses', async () => {
  const dist = mkdtempSync(join(tmpdir(), 'medlint-'));
  for (const f of ['server.js', 'server-main.js', 'medlint-index.bin']) copyFileSync(join(ROOT, 'dist', f), join(dist, f));
  writeFileSync(join(dist, 'server-main.cache'), 'un cache d’un autre V8');
  const own = join(dist, `server-main.${process.versions.v8}.cache`);
  await runOnce(dist);
  assert.ok(existsSync(own), 'written at exit');
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(join(dist, 'server-main.js'), 'utf8')}\n})`;
  assert.equal(new Script(wrapped, { filename: join(dist, 'server-main.js'), cachedData: readFileSync(own) }).cachedDataRejected, false);
  const written = statSync(own).mtimeMs;
  await runOnce(dist);
  assert.equal(statSync(own).mtimeMs, written, 'accepted: not written again');
});
