#!/usr/bin/env node
/**
 * Stands in for the VS Code executable given to @vscode/test-electron's
 * runTests({ vscodeExecutablePath }): it takes the same arguments (--extensionDevelopmentPath=…,
 * --extensionTestsPath=…, --user-data-dir=…, a folder to open) and runs the extension tests in the
 * real extension host of code-server's VS Code, its workbench opened in headless Chromium.
 * The exit code is the tests' exit code.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { isolatedEnv, openBrowser, startServer } from './code-server.mjs';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const developmentPath = option('extensionDevelopmentPath');
const testsPath = option('extensionTestsPath');
const folder = args.find((a) => !a.startsWith('-'));
if (!developmentPath || !testsPath) {
  console.error('usage : vscode-executable.mjs --extensionDevelopmentPath=<dossier> --extensionTestsPath=<fichier> [dossier à ouvrir]');
  process.exit(2);
}
const TIMEOUT_MS = 5 * 60_000;
// Workbench chatter unrelated to the tests (no GitHub session, no chat model offline).
const NOISE = /^\[(?:AgentHost|ChatModelSelection)\]|^DialogService: Dialog requested during smoke test/;

const base = option('user-data-dir') ?? mkdtempSync(join(tmpdir(), 'medlint-vscode-'));
mkdirSync(base, { recursive: true });
const { env } = isolatedEnv(base);
const server = await startServer({ env, serverDataDir: join(base, 'server-data'), extensionsDir: option('extensions-dir') });
const browser = await openBrowser(env);
let code = 1;
try {
  const page = await browser.newPage();
  const finished = new Promise((resolve) => {
    page.exposeFunction('codeAutomationExit', (c) => resolve(c));
    setTimeout(() => resolve('timeout'), TIMEOUT_MS);
  });
  await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
    const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    if (NOISE.test(line)) return;
    (type === 'error' ? console.error : console.log)(line);
  });
  page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(developmentPath)], ['extensionTestsPath', remote(testsPath)]];
  const query = `${folder ? `folder=${encodeURIComponent(folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(`${server.url}/?${query}`);
  const result = await finished;
  if (result === 'timeout') console.error(`Les tests n’ont pas fini en ${TIMEOUT_MS / 1000} s.\n${server.log()}`);
  else code = Number(result);
} finally {
  await browser.close();
  server.stop();
}
process.exit(code);
