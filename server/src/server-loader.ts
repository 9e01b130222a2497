/**
 * Entry point of the language server (dist/server.js): runs the bundled server (dist/server-main.js) with
 * the V8 code cache the build writes beside it (dist/server-main.cache, by scripts/code-cache.mjs), so that
 * a start compiles almost nothing. A cache made by another V8 (VS Code's own runtime, another Node.js) is
 * rejected by V8 itself, and the server is then compiled as usual.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

if (process.env.MEDLINT_TRACE) process.stderr.write(`medlint-trace node ${performance.now().toFixed(1)}\n`);
const file = join(__dirname, 'server-main.js');
const cacheFile = join(__dirname, 'server-main.cache');
let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  // no cache: compile
}
const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(wrapped, { filename: file, cachedData });
// The build's code-cache step: write what was compiled by the time the server exits.
if (process.env.MEDLINT_WRITE_CODE_CACHE) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
(script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, file, __dirname);
