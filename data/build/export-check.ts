/**
 * Checks of a BDPM export before `data:update` uses it, each with a French reason: every row has the
 * file's column count, the file is wholly UTF-8 or wholly ISO-8859-1 (a mixed file is refused, not
 * guessed), no file is empty, and the export's date is not older than the current one. Example of a
 * refusal: « CIS_bdpm.txt, ligne 1 : 13 colonnes au lieu de 12 (colonne insérée ?) ».
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BDPM_FILES, decodeExport } from './sources/bdpm';

/** Columns of each file of the export (TAB-separated, as the ANSM publishes them). */
export const COLUMNS: Record<string, number> = {
  'CIS_bdpm.txt': 12, 'CIS_COMPO_bdpm.txt': 8, 'CIS_MITM.txt': 4, 'CIS_CPD_bdpm.txt': 2, 'CIS_GENER_bdpm.txt': 6,
};

export type Encoding = 'utf-8' | 'latin1' | 'mixed';

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there does not start one. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > bytes.length) return 0;
  for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return 0;
  return n;
}

/** UTF-8 when every byte over 127 is part of a UTF-8 sequence, ISO-8859-1 when none is, else mixed. */
export function detectEncoding(bytes: Uint8Array): Encoding {
  let utf8 = 0, other = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const n = utf8Sequence(bytes, i);
    if (n) { utf8++; i += n - 1; } else other++;
    if (utf8 && other) return 'mixed';
  }
  return other ? 'latin1' : 'utf-8';
}

/** The reason a file of the export cannot be used, or undefined. */
export function fileProblem(name: string, bytes: Uint8Array): string | undefined {
  const encoding = detectEncoding(bytes);
  if (encoding === 'mixed') return `${name} mêle UTF-8 et ISO-8859-1 : encodage incertain, noms illisibles`;
  const text = new TextDecoder(encoding).decode(bytes);
  const rows = text.split(/\r?\n/);
  let count = 0;
  for (let i = 0; i < rows.length; i++) {
    if (rows[i].trim() === '') continue;
    count++;
    const columns = rows[i].split('\t').length;
    if (COLUMNS[name] !== undefined && columns !== COLUMNS[name]) {
      return `${name}, ligne ${i + 1} : ${columns} colonnes au lieu de ${COLUMNS[name]} (colonne insérée ou retirée ?)`;
    }
  }
  if (count === 0) return `${name} est vide`;
  return undefined;
}

/** The export's date: the latest AMM date (8th column) of CIS_bdpm.txt, as yyyy-mm-dd; '' when none. */
export function exportDate(dir: string): string {
  let best = '';
  for (const row of decodeExport(readFileSync(join(dir, 'CIS_bdpm.txt'))).split(/\r?\n/)) {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec((row.split('\t')[7] ?? '').trim());
    if (m && `${m[3]}-${m[2]}-${m[1]}` > best) best = `${m[3]}-${m[2]}-${m[1]}`;
  }
  return best;
}

/**
 * The reasons the export in `dir` cannot replace the one in `current` (empty when it can). An older
 * export is refused unless `force`.
 */
export function exportProblems(dir: string, current: string, force: boolean): string[] {
  const problems: string[] = [];
  for (const f of BDPM_FILES) {
    if (!existsSync(join(dir, f))) continue;
    const problem = fileProblem(f, readFileSync(join(dir, f)));
    if (problem) problems.push(problem);
  }
  if (problems.length) return problems;
  const date = exportDate(existsSync(join(dir, 'CIS_bdpm.txt')) ? dir : current), before = exportDate(current);
  if (!date) problems.push('date de l’export introuvable (aucune date d’AMM lisible dans CIS_bdpm.txt)');
  else if (date < before && !force) problems.push(`export plus ancien que l’actuel (${date} < ${before}) : relancez avec --force si c’est voulu`);
  return problems;
}
