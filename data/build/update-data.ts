/**
 * Refresh from a newer BDPM export (ANSM: ISO-8859-1, TAB-separated, no header):
 *
 *   npm run data:update -- <folder> [--dry-run] [--format text|json] [--out <index.json>]
 *
 * Builds the index from the new export (files missing from it are taken from the current copy),
 * reports the substances and brands added and removed, then, unless --dry-run, copies the export into
 * data/sources/bdpm and writes the index. Curated data naming a substance the new export no longer has
 * stops the update, with nothing changed.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BDPM_FILES, decodeExport } from './bdpm';
import { buildIndex } from './build-index';
import type { CompiledIndex } from '../../server/src/core/index-types';
import { writeIndexFile } from '../../server/src/core/load';

const ROOT = resolve(__dirname, '..', '..');
const CURRENT = join(ROOT, 'data', 'sources', 'bdpm');

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

function main(argv: string[]): number {
  const folder = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--out' && argv[i - 1] !== '--format');
  const dryRun = argv.includes('--dry-run');
  const format = argv.includes('--format') ? argv[argv.indexOf('--format') + 1] : 'text';
  const out = argv.includes('--out') ? resolve(argv[argv.indexOf('--out') + 1]) : join(ROOT, 'dist', 'medlint-index.bin');
  if (!folder || (format !== 'text' && format !== 'json')) {
    console.error('usage : npm run data:update -- <dossier de l’export BDPM> [--dry-run] [--format text|json] [--out <index.json>]');
    return 2;
  }
  const dir = resolve(folder);
  let changes: DataChanges, next: CompiledIndex;
  try {
    checkExport(dir);
    const before = buildIndex({ bdpmDir: CURRENT, out });
    next = buildIndex({ bdpmDir: dir, bdpmFallback: CURRENT, out });
    changes = compareIndexes(before, next);
  } catch (e) {
    console.error(`medlint data:update : ${(e as Error).message}\nRien n’a été modifié.`);
    return 1;
  }
  process.stdout.write(format === 'json' ? `${JSON.stringify(changes, null, 2)}\n` : formatChanges(changes));
  if (dryRun) return 0;
  for (const f of BDPM_FILES) if (existsSync(join(dir, f))) copyFileSync(join(dir, f), join(CURRENT, f));
  mkdirSync(dirname(out), { recursive: true });
  writeIndexFile(out, next);
  console.error(`Export copié dans data/sources/bdpm ; index écrit : ${out}. Pensez à mettre à jour la date dans NOTICE.`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
