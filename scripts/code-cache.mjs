// Writes dist/server-main.cache, V8's code cache for the language server: starts dist/server.js with
// MEDLINT_WRITE_CODE_CACHE set, has it answer what an editor asks first (initialize, a hover, diagnostics,
// a completion), then shuts it down; the server writes the cache as it exits. Twice: an editor that pulls
// diagnostics (VS Code), then one to which they are pushed (the second server starts from the first's cache
// and writes both paths'), so that either start runs compiled code. Run by `npm run build`.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const cache = join(dist, 'server-main.cache');
rmSync(cache, { force: true });
// Caches a runtime wrote for its own V8 (server-loader.ts) belong to the former bundle.
for (const f of readdirSync(dist)) if (/^server-main\..+\.cache$/.test(f)) rmSync(join(dist, f), { force: true });

/** One server's first requests, diagnostics pulled or pushed; resolves when it has exited. */
function warmUp(pull) {
  const child = spawn(process.execPath, [join(dist, 'server.js'), '--stdio'], { env: { ...process.env, MEDLINT_WRITE_CODE_CACHE: '1' }, stdio: ['pipe', 'pipe', 'inherit'] });
  const send = (message) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  const uri = 'file:///code-cache.md';
  const text = '# Prégabaline\n\nLa prégabaline (LYRICA) 150 à 600 mg/j, la pregabalinne 1200 mg/j ; essai RESET-SLE.\n';
  send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: pull ? { textDocument: { diagnostic: {} } } : {} } });
  send({ method: 'initialized', params: {} });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'markdown', version: 1, text } } });
  send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 2, character: 5 } } });
  if (pull) send({ id: 3, method: 'textDocument/diagnostic', params: { textDocument: { uri } } });
  send({ id: 4, method: 'textDocument/completion', params: { textDocument: { uri }, position: { line: 2, character: 8 } } });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
    // Pushed diagnostics come before the answers asked after the didOpen.
    if (out.includes('"id":4') && (pull || out.includes('publishDiagnostics'))) {
      send({ id: 5, method: 'shutdown' });
      send({ method: 'exit' });
    }
  });
  const timer = setTimeout(() => child.kill(), 20_000);
  return new Promise((resolve) => child.on('exit', () => { clearTimeout(timer); resolve(); }));
}

await warmUp(true);
await warmUp(false);
if (!existsSync(cache)) {
  console.error('code-cache: the server wrote no cache (it starts without one, compiling as usual)');
  process.exitCode = 1;
} else console.log(`code-cache: ${cache}`);
