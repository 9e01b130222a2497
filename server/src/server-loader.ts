/**
 * Entry point of the language server (dist/server.js): runs the bundled server (dist/server-main.js) with
 * the V8 code cache the build writes beside it (dist/server-main.cache, by scripts/code-cache.mjs), so that
 * a start compiles almost nothing. A cache made by another V8 is rejected by V8 itself, and the server is then
 * compiled as usual: so in VS Code, whose runtime has its own V8, the first server writes one for that V8
 * as it exits (server-main.<V8 version>.cache, best effort), which the next starts use.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

if (process.env.MEDLINT_TRACE) process.stderr.write(`medlint-trace node ${performance.now().toFixed(1)}\n`);
const file = join(__dirname, 'server-main.js');
const buildCache = join(__dirname, 'server-main.cache');
const ownCache = join(__dirname, `server-main.${process.versions.v8}.cache`);
const read = (path: string) => {
  try {
    return readFileSync(path);
  } catch {
    return undefined; // no cache: compile
  }
};
const cachedData = read(ownCache) ?? read(buildCache);
const wrapped = `(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`;
const script = new Script(wrapped, { filename: file, cachedData });
if (process.env.MEDLINT_WRITE_CODE_CACHE) {
  // The build's code-cache step: write what was compiled by the time the server exits.
  process.on('exit', () => writeFileSync(buildCache, script.createCachedData()));
} else if (!cachedData || script.cachedDataRejected) {
  process.on('exit', () => {
    const temporary = `${ownCache}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, ownCache); // whole or not at all, whichever of two servers ends last
    } catch {
      rmSync(temporary, { force: true }); // a folder that cannot be written: compile at each start, as before
    }
  });
}
(script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, file, __dirname);
