/**
 * Entry point of the language server (dist/server.js): runs the bundled server (dist/server-main.js) with
 * the V8 code cache the build writes beside it (dist/server-main.cache, by scripts/code-cache.mjs), so that
 * a start compiles almost nothing. A cache made by another V8 is rejected by V8 itself, and the server is then
 * compiled as usual: so in VS Code, whose runtime has its own V8, the first server writes one for that V8
 * as it exits (server-main.<V8 version>.cache, best effort), which the next starts use.
 */
import { isAscii } from 'node:buffer';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

if (process.env.MEDLINT_TRACE) writeSync(2, `medlint-trace node ${(process.uptime() * 1000).toFixed(1)}\n`); // as server.ts notes
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
/**
 * The bundle's text. The build writes it in ASCII (scripts/ascii-bundle.mjs): read as Latin-1, it is a string
 * of one byte per character, twice as quick to read and to compile lazily as the UTF-16 one a single « é »
 * would make. A bundle with other characters (built otherwise) is read as UTF-8.
 */
function bundleText(bytes: Buffer): string {
  return isAscii?.(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}
// Asked first: a cache this runtime wrote exists only where the build's was rejected (a missing file's error costs more).
const cachedData = (existsSync(ownCache) ? read(ownCache) : undefined) ?? read(buildCache);
const wrapped = `(function (exports, require, module, __filename, __dirname) {${bundleText(readFileSync(file))}\n})`;
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
