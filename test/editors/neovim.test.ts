/**
 * Neovim as an LSP client: headless Neovim (Debian's 0.7) starts `node dist/server.js --stdio` on a
 * corpus article; the test checks the diagnostics Neovim received and a hover.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// The corpus articles carry almost no finding now: an article written with one error of each kind.
const ARTICLE = join(ROOT, 'test', 'fixtures', 'editor', 'douleur-exemple.md');

test('Neovim reçoit les diagnostics et le survol de dist/server.js', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-nvim-'));
  const out = join(dir, 'result.json');
  const env = { ...process.env, HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir, XDG_STATE_HOME: dir, XDG_CACHE_HOME: dir,
    MEDLINT_OUT: out, MEDLINT_SERVER: join(ROOT, 'dist', 'server.js') };
  const run = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(__dirname, 'neovim', 'lsp-check.lua')}`, ARTICLE],
    { env, cwd: ROOT, encoding: 'utf8', timeout: 90_000 });
  assert.equal(run.error, undefined, `nvim introuvable ou bloqué : ${run.error}`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(result.errors, []);

  const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', ARTICLE], { encoding: 'utf8' });
  const expected = JSON.parse(cli.stdout).files[0].diagnostics;
  assert.ok(expected.length > 0);
  assert.equal(result.diagnostics.length, expected.length, JSON.stringify(result.diagnostics));
  for (const d of result.diagnostics) assert.equal(d.source, 'medlint');
  assert.deepEqual(result.diagnostics.map((d: { line: number }) => d.line).sort(), expected.map((d: { range: { start: { line: number } } }) => d.range.start.line).sort());
  assert.ok(result.diagnostics.some((d: { message: string }) => /prégabaline : 1200 mg\/j/.test(d.message)));

  assert.match(result.hover, /\*\*prégabaline\*\*/);
  assert.match(result.hover, /150–600\u202Fmg\/j/);
});
