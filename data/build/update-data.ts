/**
 * Refresh from a newer BDPM export (ANSM: ISO-8859-1, TAB-separated, no header):
 *
 *   npm run data:update -- <folder> [--dry-run] [--force] [--format text|json] [--out <index>] [--sources <dir>]
 *
 * Checks each file of the export (columns, encoding, date: export-check.ts), builds the index from the
 * new export (files missing from it are taken from the current copy), reports the substances and brands
 * added and removed, refuses to remove more than 5 % of either without --force, then, unless --dry-run,
 * stages the sources and the index beside their places and renames them in only when all succeeded.
 * On any failure: « Rien n’a été modifié », the reason, exit status 1, the previous files untouched.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { BDPM_FILES, decodeExport } from './sources/bdpm';
import { buildIndex } from './build-index';
import { sourcePaths } from './sources/paths';
import { exportProblems } from './export-check';
import { commitStaged, stageIndex } from './stage';
import type { CompiledIndex } from '../../server/src/core/index-types';

const ROOT = resolve(__dirname, '..', '..');
const CURRENT = sourcePaths().bdpm;
/** More than this share of the brands or substances removed needs --force. */
export const MAX_REMOVED = 0.05;

export interface DataChanges {
  bdpmDate: { before: string; after: string };
  substances: { added: string[]; removed: string[] };
  brands: { added: string[]; removed: string[] };
  counts: { before: CompiledIndex['meta']['counts']; after: CompiledIndex['meta']['counts'] };
}

function diff(before: string[], after: string[]) {
  const b = new Set(before), a = new Set(after);
  return { added: after.filter((x) => !b.has(x)), removed: before.filter((x) => !a.has(x)) };
}

export function compareIndexes(before: CompiledIndex, after: CompiledIndex): DataChanges {
  return {
    bdpmDate: { before: before.meta.bdpmDate, after: after.meta.bdpmDate },
    // What the BDPM export changes: the names sold in France (a brand it drops may stay known as an EU product).
    substances: diff(before.substances.filter((s) => !s.world).map((s) => s.dci), after.substances.filter((s) => !s.world).map((s) => s.dci)),
    brands: diff(before.brands.filter((b) => !b.world).map((b) => b.name), after.brands.filter((b) => !b.world).map((b) => b.name)),
    counts: { before: before.meta.counts, after: after.meta.counts },
  };
}

/** Fails with a French message unless `dir` holds a BDPM export: the required files, 8-digit CIS first. */
export function checkExport(dir: string): void {
  if (!existsSync(dir)) throw new Error(`dossier introuvable : ${dir}`);
  for (const f of BDPM_FILES.slice(0, 2)) {
    if (!existsSync(join(dir, f))) throw new Error(`${f} manque dans ${dir} (un export BDPM en contient au moins CIS_bdpm.txt et CIS_COMPO_bdpm.txt)`);
    const lines = decodeExport(readFileSync(join(dir, f))).split(/\r?\n/).filter((l) => l.trim());
    const ok = lines.filter((l) => /^\d{8}\t/.test(l)).length;
    if (lines.length === 0 || ok / lines.length < 0.95) throw new Error(`${f} ne ressemble pas à un export BDPM (lignes « CIS<TAB>… » attendues, sans en-tête)`);
  }
}

function list(title: string, names: string[]): string {
  if (names.length === 0) return `${title} : aucun\n`;
  const shown = names.slice(0, 50).join(', ');
  return `${title} (${names.length}) : ${shown}${names.length > 50 ? `, … (+${names.length - 50})` : ''}\n`;
}

export function formatChanges(c: DataChanges): string {
  return `BDPM : ${c.bdpmDate.before} → ${c.bdpmDate.after}\n` +
    `Substances : ${c.counts.before.substances} → ${c.counts.after.substances} ; marques : ${c.counts.before.brands} → ${c.counts.after.brands}\n` +
    list('Substances ajoutées', c.substances.added) + list('Substances retirées', c.substances.removed) +
    list('Marques ajoutées', c.brands.added) + list('Marques retirées', c.brands.removed);
}

export interface UpdateOptions {
  /** The new export. */
  dir: string;
  /** The current copy of the export (data/sources/bdpm), replaced on success. */
  sources: string;
  /** The index file written on success. */
  out: string;
  dryRun?: boolean;
  force?: boolean;
  format?: 'text' | 'json';
  /** The index of the current copy, when the caller has it (tests): else built from `sources`. */
  before?: CompiledIndex;
}

export interface Output { out: (s: string) => void; err: (s: string) => void }
const STDIO: Output = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/** Why the removals need --force, or undefined. */
export function removalProblem(c: DataChanges): string | undefined {
  const parts: string[] = [];
  const share = (removed: number, before: number, what: string) => {
    if (before > 0 && removed / before > MAX_REMOVED) parts.push(`${removed} ${what} sur ${before} (${Math.round((100 * removed) / before)} %)`);
  };
  share(c.substances.removed.length, c.counts.before.substances, 'substances');
  share(c.brands.removed.length, c.counts.before.brands, 'marques');
  return parts.length ? `l’export retire ${parts.join(' et ')} : export tronqué ? Relancez avec --force si c’est voulu` : undefined;
}

/** The update; returns the exit status (0, or 1 with « Rien n’a été modifié » and the reason). */
export function runUpdate(opts: UpdateOptions, io: Output = STDIO): number {
  const staging: string[] = [];
  let written = false;
  try {
    if (existsSync(opts.out) && statSync(opts.out).isDirectory()) throw new Error(`--out désigne un dossier : ${opts.out}`);
    checkExport(opts.dir);
    const problems = exportProblems(opts.dir, opts.sources, !!opts.force);
    if (problems.length) throw new Error(problems.join(' ; '));
    // The new sources, complete, beside the current ones (same file system: renamed in at the end).
    const staged = mkdtempSync(join(opts.dryRun ? tmpdir() : dirname(opts.sources), `.${basename(opts.sources)}-nouveau-`));
    staging.push(staged);
    for (const f of BDPM_FILES) {
      const from = existsSync(join(opts.dir, f)) ? join(opts.dir, f) : join(opts.sources, f);
      if (existsSync(from)) copyFileSync(from, join(staged, f));
    }
    const before = opts.before ?? buildIndex({ bdpmDir: opts.sources, out: opts.out });
    const next = buildIndex({ bdpmDir: staged, out: opts.out });
    const changes = compareIndexes(before, next);
    io.out(opts.format === 'json' ? `${JSON.stringify(changes, null, 2)}\n` : formatChanges(changes));
    const removal = removalProblem(changes);
    if (removal && !opts.force) throw new Error(removal);
    if (opts.dryRun) return 0;
    staging.push(stageIndex(opts.out, next));
    commitStaged(staged, opts.sources, staging[1], opts.out);
    written = true;
    io.err(`Export copié dans ${opts.sources} ; index écrit : ${opts.out}. Pensez à mettre à jour la date dans NOTICE.\n`);
    return 0;
  } catch (e) {
    io.err(`medlint data:update : ${(e as Error).message}\nRien n’a été modifié.\n`);
    return 1;
  } finally {
    if (!written) for (const p of staging) rmSync(p, { recursive: true, force: true });
  }
}

function main(argv: string[]): number {
  const valued = new Set(['--out', '--format', '--sources']);
  const folder = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1]));
  const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
  const format = value('--format') ?? 'text';
  if (!folder || (format !== 'text' && format !== 'json')) {
    console.error('usage : npm run data:update -- <dossier de l’export BDPM> [--dry-run] [--force] [--format text|json] [--out <index>] [--sources <dossier>]');
    return 2;
  }
  return runUpdate({
    dir: resolve(folder), sources: resolve(value('--sources') ?? CURRENT), out: resolve(value('--out') ?? join(ROOT, 'dist', 'medlint-index.bin')),
    dryRun: argv.includes('--dry-run'), force: argv.includes('--force'), format,
  });
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
