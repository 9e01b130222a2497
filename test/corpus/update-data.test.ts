/** `npm run data:update`: a newer BDPM export (ISO-8859-1, TAB, no header) and the report of what changed. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers';

const BDPM = join(ROOT, 'data', 'sources', 'bdpm');
const update = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'data', 'build', 'update-data.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('a newer export: substances and brands added and removed are reported, nothing is written with --dry-run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-bdpm-'));
  const out = join(dir, 'index.json');
  // A new spécialité (new substance, new brand) and a withdrawn one (LYRICA), written as ANSM does.
  const spec = readFileSync(join(BDPM, 'CIS_bdpm.txt'), 'latin1').split('\n').filter((l) => !/\tLYRICA /.test(l)).join('\n');
  writeFileSync(join(dir, 'CIS_bdpm.txt'), `${spec.trimEnd()}\n99999999\tQUIXANOR 10 mg, comprimé\tcomprimé\torale\tAutorisation active\tProcédure centralisée\tCommercialisée\t01/06/2026\t\t\t MEDLINT TEST\tNon\n`, 'latin1');
  const compo = readFileSync(join(BDPM, 'CIS_COMPO_bdpm.txt'), 'latin1');
  writeFileSync(join(dir, 'CIS_COMPO_bdpm.txt'), `${compo.trimEnd()}\n99999999\tcomprimé\t99999\tZORBLIXIMAB\t10 mg\tun comprimé\tSA\t1\n`, 'latin1');
  copyFileSync(join(BDPM, 'CIS_GENER_bdpm.txt'), join(dir, 'CIS_GENER_bdpm.txt'));
  const before = readFileSync(join(BDPM, 'CIS_bdpm.txt'));

  const run = update(dir, '--dry-run', '--format', 'json', '--out', out, '--sources', BDPM);
  assert.equal(run.status, 0, run.stderr);
  const changes = JSON.parse(run.stdout);
  assert.deepEqual(changes.substances.added, ['zorbliximab']);
  assert.ok(changes.brands.added.includes('QUIXANOR'));
  assert.ok(changes.brands.removed.includes('LYRICA'));
  assert.equal(changes.bdpmDate.after, '2026-06-01');
  assert.ok(!existsSync(out), '--dry-run writes no index');
  assert.deepEqual(readFileSync(join(BDPM, 'CIS_bdpm.txt')), before, '--dry-run leaves data/sources untouched');
});

test('a folder that is not a BDPM export is refused with a French message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medlint-bdpm-'));
  writeFileSync(join(dir, 'CIS_bdpm.txt'), 'CIS;Dénomination\nabc;def\n');
  writeFileSync(join(dir, 'CIS_COMPO_bdpm.txt'), '');
  const run = update(dir, '--dry-run');
  assert.equal(run.status, 1);
  assert.match(run.stderr, /ne ressemble pas à un export BDPM/);
  assert.match(run.stderr, /Rien n’a été modifié/);
  assert.equal(update().status, 2);
});
