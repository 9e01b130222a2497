/**
 * A real VS Code without a download: code-server's VS Code server (installed by
 * scripts/setup-editors.sh under .editors/) run by Node 24, and its workbench opened in Debian's
 * headless Chromium through playwright-core. Shared by the extension-host tests and the UI test.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TOOLS = join(ROOT, '.editors');
export const NODE24 = join(TOOLS, 'node24', 'node_modules', 'node', 'bin', 'node');
const SERVER_MAIN = join(TOOLS, 'code-server', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

export function checkTools() {
  for (const [what, file] of [['Node 24', NODE24], ['code-server', SERVER_MAIN], ['chromium', CHROMIUM]]) {
    if (!existsSync(file)) throw new Error(`${what} absent (${file}) : lancez scripts/setup-editors.sh`);
  }
}

/** A private HOME and XDG folders, so that nothing touches the developer's own. */
export function isolatedEnv(base = mkdtempSync(join(tmpdir(), 'medlint-editors-'))) {
  const env = { ...process.env, HOME: base };
  for (const [name, dir] of [['XDG_CONFIG_HOME', 'config'], ['XDG_DATA_HOME', 'data'], ['XDG_CACHE_HOME', 'cache'], ['XDG_STATE_HOME', 'state']]) {
    env[name] = join(base, dir);
    mkdirSync(env[name], { recursive: true });
  }
  return { env, base };
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    }).on('error', rej);
  });
}

/** Runs server-main.js once with `args` (e.g. --install-extension) and waits for it to end. */
export function serverCommand(args, env) {
  return new Promise((res, rej) => {
    const p = spawn(NODE24, [SERVER_MAIN, '--accept-server-license-terms', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`server-main ${args.join(' ')} : code ${code}\n${out}`))));
  });
}

/** Starts the VS Code server on 127.0.0.1 and resolves once it answers HTTP. */
export async function startServer({ env, serverDataDir, extensionsDir }) {
  checkTools();
  const port = await freePort();
  const args = [SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port), '--enable-smoke-test-driver',
    '--without-connection-token', '--accept-server-license-terms', '--telemetry-level', 'off',
    '--disable-workspace-trust', '--server-data-dir', serverDataDir];
  if (extensionsDir) args.push('--extensions-dir', extensionsDir);
  // Its own process group, so that stopping it also stops the extension hosts it forks.
  const proc = spawn(NODE24, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const end = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`le serveur VS Code s’est arrêté (code ${proc.exitCode})\n${log}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > end) throw new Error(`le serveur VS Code ne répond pas sur ${url}\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = () => {
    try { process.kill(-proc.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  process.once('exit', stop);
  return { port, url, authority: `127.0.0.1:${port}`, log: () => log, stop };
}

export async function openBrowser(env) {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true, env });
}
