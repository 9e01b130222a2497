/** Runs the built CLI (dist/cli.js) in a scratch folder. */
import { after } from 'node:test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from '../helpers';

export const CLI = join(ROOT, 'dist', 'cli.js');
export const HIGH = 'La prégabaline à 1200 mg/j.\n'; // dose-above-max, warning
export const TYPO = 'La pregabalinne au coucher.\n'; // unknown-drug, warning

const scratches: string[] = [];
after(() => { for (const dir of scratches) rmSync(dir, { recursive: true, force: true }); });

/** A fresh folder holding the given files (path → content), removed after the test file. */
export function scratch(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-cli-'));
  scratches.push(dir);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** The environment the CLI runs in: the caller's, in the default (French) locale unless `env` says otherwise. */
export function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { LC_ALL: _a, LC_MESSAGES: _m, ...rest } = process.env;
  return { ...rest, LANG: 'C.UTF-8', ...env };
}

export function run(cwd: string, args: string[], input?: string, env?: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, input, encoding: 'utf8', timeout: 20_000, env: cliEnv(env) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function shell(cwd: string, script: string) {
  const r = spawnSync('bash', ['-c', script], { cwd, encoding: 'utf8', timeout: 20_000, env: cliEnv({ CLI }) });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
