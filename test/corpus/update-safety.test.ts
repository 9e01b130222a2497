/**
 * `data:update` cannot lose data: each broken export of issue 12 (a column inserted, a 95 % truncated file,
 * a Latin-1 byte in a UTF-8 file, an empty CIS_CPD or CIS_GENER, an older export, --out on a folder) is
 * refused with « Rien n’a été modifié » and leaves the previous files byte-identical (hashed before and
 * after). Run in-process on a copy of data/sources/bdpm in a temporary folder, never on the repository's.
 */
import { test, before as setup } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIndex } from '../../data/build/build-index';
import { removalProblem, runUpdate, type UpdateOptions } from '../../data/build/update-data';
import { commitStaged } from '../../data/build/stage';
import { BDPM_FILES } from '../../data/build/sources/bdpm';
import type { CompiledIndex } from '../../server/src/core/index-types';
import { ROOT } from '../helpers';

const BDPM = join(ROOT, 'data', 'sources', 'bdpm');
let before: CompiledIndex;
const root = mkdtempSync(join(tmpdir(), 'medlint-update-'));

setup(() => {
  before = buildIndex({ bdpmDir: BDPM, out: join(root, 'unused.bin') });
});

/** A fresh current copy (sources + an index file) in its own folder. */
function current(): { sources: string; out: string } {
  const home = mkdtempSync(join(root, 'current-'));
  const sources = join(home, 'bdpm');
  cpSync(BDPM, sources, { recursive: true });
  const out = join(home, 'index.bin');
  writeFileSync(out, 'index précédent');
  return { sources, out };
}

/** Every file under a folder (and the index), with its hash. */
function snapshot(...paths: string[]): Record<string, string> {
  const all: Record<string, string> = {};
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (!statSync(p).isDirectory()) {
      all[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
      return;
    }
    for (const e of readdirSync(p, { withFileTypes: true })) walk(join(p, e.name));
  };
  for (const p of paths) walk(p);
  return all;
}

/** A new export: the current files, one of them changed by `edit` (bytes in, bytes out). */
function exportWith(file: string, edit: (bytes: Buffer) => Buffer | string): string {
  const dir = mkdtempSync(join(root, 'export-'));
  for (const f of BDPM_FILES) writeFileSync(join(dir, f), f === file ? edit(readFileSync(join(BDPM, f))) : readFileSync(join(BDPM, f)));
  return dir;
}

function run(dir: string, extra: Partial<UpdateOptions> = {}) {
  const cur = current();
  const hashes = snapshot(cur.sources, cur.out);
  let out = '', err = '';
  const status = runUpdate({ dir, ...cur, before, ...extra }, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { status, out, err, cur, hashes, after: snapshot(cur.sources, cur.out) };
}

function assertRefused(r: ReturnType<typeof run>, reason: RegExp) {
  assert.equal(r.status, 1, r.err);
  assert.match(r.err, reason);
  assert.match(r.err, /Rien n’a été modifié/);
  assert.deepEqual(r.after, r.hashes, 'previous files byte-identical');
  assert.deepEqual(readdirSync(join(r.cur.sources, '..')).sort(), ['bdpm', 'index.bin'], 'no staging left behind');
}

const lines = (b: Buffer) => b.toString('latin1').split('\n');

test('a column inserted in CIS_bdpm.txt is refused', () => {
  const dir = exportWith('CIS_bdpm.txt', (b) => Buffer.from(lines(b).map((l) => l && l.replace('\t', '\tX\t')).join('\n'), 'latin1'));
  assertRefused(run(dir), /CIS_bdpm\.txt, ligne 1 : 13 colonnes au lieu de 12/);
});

test('a 95 % truncated CIS_bdpm.txt (its newest row kept: the date holds) is refused without --force', () => {
  const newest = (l: string) => l.includes('\t13/11/2025\t');
  const dir = exportWith('CIS_bdpm.txt', (b) => { const l = lines(b); return Buffer.from(l.filter((x, i) => i < l.length / 20 || newest(x)).join('\n'), 'latin1'); });
  // Refused by the build itself (curated classes lose every member) or by the share of brands removed.
  assertRefused(run(dir), /aucune substance de l'index|l’export retire/);
});

test('removing more than 5 % of the brands needs --force; 5 % or less does not', () => {
  const changes = (removed: number) => ({
    bdpmDate: { before: '2025-11-13', after: '2025-12-01' }, substances: { added: [], removed: [] },
    brands: { added: [], removed: Array.from({ length: removed }, (_, i) => `MARQUE${i}`) },
    counts: { before: { substances: 2783, brands: 3538, ranges: 0, trials: 0 }, after: { substances: 2783, brands: 3538 - removed, ranges: 0, trials: 0 } },
  });
  assert.equal(removalProblem(changes(176)), undefined);
  assert.equal(removalProblem(changes(262)), 'l’export retire 262 marques sur 3538 (7 %) : export tronqué ? Relancez avec --force si c’est voulu');
});

test('one Latin-1 byte in a UTF-8 file (CIS_GENER_bdpm.txt) is refused, not guessed', () => {
  const dir = exportWith('CIS_GENER_bdpm.txt', (b) => { const i = b.indexOf(Buffer.from('é')); return Buffer.concat([b.subarray(0, i), Buffer.from([0xe9]), b.subarray(i + 2)]); });
  assertRefused(run(dir), /CIS_GENER_bdpm\.txt mêle UTF-8 et ISO-8859-1/);
});

test('an empty CIS_CPD_bdpm.txt is refused', () => {
  assertRefused(run(exportWith('CIS_CPD_bdpm.txt', () => '')), /CIS_CPD_bdpm\.txt est vide/);
});

test('an empty CIS_GENER_bdpm.txt is refused', () => {
  assertRefused(run(exportWith('CIS_GENER_bdpm.txt', () => '\r\n')), /CIS_GENER_bdpm\.txt est vide/);
});

test('an export older than the current one is refused without --force', () => {
  const dir = exportWith('CIS_bdpm.txt', (b) => Buffer.from(b.toString('latin1').replace(/\/20(2[4-9])\t/g, '/2019\t'), 'latin1'));
  assertRefused(run(dir), /export plus ancien que l’actuel \(\d{4}-\d\d-\d\d < 2025-11-13\)/);
});

test('--out on a folder is refused before anything is written', () => {
  const dir = exportWith('CIS_MITM.txt', (b) => b);
  const folder = mkdtempSync(join(root, 'out-'));
  mkdirSync(join(folder, 'inside'));
  const r = run(dir, { out: folder });
  assertRefused(r, /--out désigne un dossier/);
  assert.deepEqual(readdirSync(folder), ['inside']);
});

test('a good export: the report is printed before anything is written, then sources and index are replaced', () => {
  const dir = exportWith('CIS_bdpm.txt', (b) => Buffer.concat([b, Buffer.from('99999999\tQUIXANOR 10 mg, comprimé\tcomprimé\torale\tAutorisation active\tProcédure centralisée\tCommercialisée\t01/06/2026\t\t\t MEDLINT TEST\tNon\n', 'latin1')]));
  const cur = current();
  const hashes = snapshot(cur.sources, cur.out);
  let seenAtReport: Record<string, string> = {};
  const status = runUpdate({ dir, ...cur, before }, { out: () => { seenAtReport = snapshot(cur.sources, cur.out); }, err: () => {} });
  assert.equal(status, 0);
  assert.deepEqual(seenAtReport, hashes, 'nothing written when the report is printed');
  assert.deepEqual(readFileSync(join(cur.sources, 'CIS_bdpm.txt')), readFileSync(join(dir, 'CIS_bdpm.txt')));
  assert.notEqual(readFileSync(cur.out, 'latin1'), 'index précédent');
  assert.deepEqual(readdirSync(join(cur.sources, '..')).sort(), ['bdpm', 'index.bin'], 'no staging left behind');
});

test('a rename that fails at the end puts the previous sources back', () => {
  const cur = current();
  const staged = mkdtempSync(join(root, 'staged-'));
  writeFileSync(join(staged, 'CIS_bdpm.txt'), 'nouveau');
  const hashes = snapshot(cur.sources);
  assert.throws(() => commitStaged(staged, cur.sources, join(root, 'no-such-index.tmp'), cur.out), /ENOENT/);
  assert.deepEqual(snapshot(cur.sources), hashes);
  assert.equal(readFileSync(join(staged, 'CIS_bdpm.txt'), 'utf8'), 'nouveau');
});
