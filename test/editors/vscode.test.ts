/**
 * The extension's integration tests (mocha, test/editors/vscode/) run by @vscode/test-electron's
 * runTests in a real VS Code: the executable handed to it is test/editors/vscode-executable.mjs,
 * which drives code-server's VS Code in headless Chromium (no download).
 */
import { test } from 'node:test';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = join(__dirname, '..', '..');

test('tests d’intégration de l’extension dans VS Code (code-server)', { timeout: 10 * 60_000 }, async () => {
  await runTests({
    vscodeExecutablePath: join(ROOT, 'test', 'editors', 'vscode-executable.mjs'),
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'dist', 'test', 'vscode', 'index.js'),
    launchArgs: [join(ROOT, 'test', 'fixtures', 'corpus')],
  });
});
