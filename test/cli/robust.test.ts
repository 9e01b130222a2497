/** The CLI on a closed pipe, a full disk, broken folders, FIFOs, devices and huge files (issue 12 §5). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, scratch, shell, HIGH, TYPO } from './helpers';
import { walk, type WalkFs } from '../../server/src/cli/files';
import * as fs from 'node:fs';

const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`a${i}.md`, HIGH + TYPO]));

test('a closed pipe (| head -1) ends the CLI quietly with its own exit code', () => {
  const dir = scratch(many);
  const r = shell(dir, 'node "$CLI" check . | head -1 >/dev/null; echo "exit=${PIPESTATUS[0]}"');
  assert.equal(r.stdout.trim(), 'exit=0');
  assert.equal(r.stderr, '');
});

test('a full disk (ENOSPC on /dev/full) ends the CLI with exit 2 and one line, no stack trace', () => {
  const r = shell(scratch({ 'a.md': HIGH }), 'node "$CLI" check a.md >/dev/full; echo "exit=$?"');
  assert.equal(r.stdout.trim(), 'exit=2');
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /ENOSPC/);
  assert.doesNotMatch(r.stderr, /at /);
});

test('a broken symlink in a folder is reported and the rest is checked', () => {
  const dir = scratch({ 'docs/a.md': HIGH });
  symlinkSync(join(dir, 'absent.md'), join(dir, 'docs', 'b.md'));
  const r = run(dir, ['check', 'docs']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /docs\/b\.md.*ENOENT/);
  assert.match(r.stdout, /docs\/a\.md:1:18: warning \[dose-above-max\]/);
});

test('a symlink loop is followed once: every file checked once, no hang', () => {
  const dir = scratch({ 'docs/sub/a.md': HIGH });
  symlinkSync(join(dir, 'docs'), join(dir, 'docs', 'sub', 'boucle'));
  const r = run(dir, ['check', 'docs']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^1 diagnostic\(s\) dans 1 fichier\(s\)\.$/m);
});

test('an unreadable sub-folder is reported and the rest is checked', () => {
  const fake: WalkFs = {
    ...fs,
    readdirSync: ((p: string, o: any) => (p.endsWith('secret') ? (() => { throw Object.assign(new Error('EACCES'), { code: 'EACCES' }); })() : fs.readdirSync(p, o))) as WalkFs['readdirSync'],
  };
  const dir = scratch({ 'docs/a.md': HIGH, 'docs/secret/b.md': HIGH });
  const problems: string[] = [];
  const files = walk(join(dir, 'docs'), (path, why) => problems.push(`${path.slice(dir.length + 1)} ${why}`), fake);
  assert.deepEqual(files.map((f) => f.slice(dir.length + 1)), ['docs/a.md']);
  assert.deepEqual(problems, ['docs/secret EACCES']);
});

test('a FIFO and a device are refused at once (exit 2), the other files checked', () => {
  const dir = scratch({ 'a.md': HIGH });
  execFileSync('mkfifo', [join(dir, 'tube.md')]);
  const r = run(dir, ['check', 'tube.md', '/dev/zero', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /tube\.md : pas un fichier ordinaire/);
  assert.match(r.stderr, /\/dev\/zero : pas un fichier ordinaire/);
  assert.match(r.stdout, /a\.md:1:18/);
});

test('a FIFO inside a folder is refused too', () => {
  const dir = scratch({ 'docs/a.md': HIGH });
  execFileSync('mkfifo', [join(dir, 'docs', 'tube.md')]);
  const r = run(dir, ['check', 'docs']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /tube\.md : pas un fichier ordinaire/);
});

test('a file over 5 MB is reported as skipped, not truncated', () => {
  const dir = scratch({ 'a.md': HIGH });
  writeFileSync(join(dir, 'gros.md'), 'x'.repeat(5 * 1024 * 1024 + 1));
  const r = run(dir, ['check', 'gros.md', 'a.md']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /gros\.md : ignoré, plus de 5 Mo/);
  assert.match(r.stdout, /a\.md:1:18/);
});
