/**
 * Readers for the ANSM BDPM export (TAB-separated, no header). The ANSM
 * publishes ISO-8859-1; some files of the export are UTF-8: each reader
 * detects the encoding from the bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Decode as UTF-8 when the bytes are valid UTF-8, else as ISO-8859-1. */
export function decodeExport(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('latin1').decode(bytes);
  }
}

/** The files of a BDPM export that the build reads; the first two are required in any export. */
export const BDPM_FILES = ['CIS_bdpm.txt', 'CIS_COMPO_bdpm.txt', 'CIS_MITM.txt', 'CIS_CPD_bdpm.txt', 'CIS_GENER_bdpm.txt'];

function rowsOf(path: string): string[][] {
  const text = decodeExport(readFileSync(path));
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split('\t').map((c) => c.trim()));
}

export interface Specialite {
  cis: string;
  denomination: string;
  form: string;
  routes: string[];
  procedure: string;
  marketed: string;
  ammDate: string;
  /** Marketing-authorisation holder(s) (« titulaire »). */
  holder: string;
}

export interface CompositionRow {
  cis: string;
  substanceCode: string;
  name: string;
  nature: 'SA' | 'FT';
  link: string;
  element: string;
  /** « 500 mg », per `reference` (« un comprimé »). */
  dosage: string;
  reference: string;
}

export interface BdpmExport {
  specialites: Map<string, Specialite>;
  composition: CompositionRow[];
  atcByCis: Map<string, string>;
  conditionsByCis: Map<string, string[]>;
  /** CIS of generics (type ≠ 0 in CIS_GENER): their name is not a brand. */
  genericCis: Set<string>;
}

/** Reads an export; a file missing from `dir` is read from `fallback` when given (a partial update). */
export function readBdpm(dir: string, fallback?: string): BdpmExport {
  const rows = (_: string, file: string) => rowsOf(existsSync(join(dir, file)) || !fallback ? join(dir, file) : join(fallback, file));
  const specialites = new Map<string, Specialite>();
  for (const r of rows(dir, 'CIS_bdpm.txt')) {
    specialites.set(r[0], {
      cis: r[0], denomination: r[1] ?? '', form: r[2] ?? '',
      routes: (r[3] ?? '').split(';').map((s) => s.trim()).filter(Boolean),
      procedure: r[5] ?? '', marketed: r[6] ?? '', ammDate: r[7] ?? '', holder: (r[10] ?? '').trim(),
    });
  }
  const composition: CompositionRow[] = rows(dir, 'CIS_COMPO_bdpm.txt').map((r) => ({
    cis: r[0], element: r[1] ?? '', substanceCode: r[2] ?? '', name: r[3] ?? '',
    nature: (r[6] === 'FT' ? 'FT' : 'SA'), link: r[7] ?? '', dosage: r[4] ?? '', reference: r[5] ?? '',
  }));
  const atcByCis = new Map<string, string>();
  for (const r of rows(dir, 'CIS_MITM.txt')) if (r[1]) atcByCis.set(r[0], r[1]);
  const conditionsByCis = new Map<string, string[]>();
  for (const r of rows(dir, 'CIS_CPD_bdpm.txt')) {
    if (!r[1]) continue;
    const list = conditionsByCis.get(r[0]) ?? [];
    list.push(r[1]);
    conditionsByCis.set(r[0], list);
  }
  const genericCis = new Set<string>();
  for (const r of rows(dir, 'CIS_GENER_bdpm.txt')) if (r[3] && r[3] !== '0') genericCis.add(r[2]);
  return { specialites, composition, atcByCis, conditionsByCis, genericCis };
}

/** Latest AMM date of the export (dd/mm/yyyy → yyyy-mm-dd): the export's "as of" date. */
export function latestAmmDate(specialites: Map<string, Specialite>): string {
  let best = '';
  for (const s of specialites.values()) {
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s.ammDate);
    if (m) {
      const iso = `${m[3]}-${m[2]}-${m[1]}`;
      if (iso > best) best = iso;
    }
  }
  return best;
}

const HYDRATION = /\s+(?:ANHYDRE|BASE|ÉLÉMENT|ELEMENT|(?:MONO|DI|TRI|TÉTRA|TETRA|PENTA|HEXA|HÉMI|HEMI|SESQUI)?HYDRATÉE?S?)(?![\p{L}])/gu;
const HOMEOPATHIC = /POUR PRÉPARATIONS HOMÉOPATHIQUES|HOMÉOPATHIQUE/;

/**
 * The name writers use for a composition row, in lower case: inverted forms
 * ("NORADRÉNALINE (TARTRATE DE)") put back in order, hydration and "BASE"
 * qualifiers dropped. Returns null for homeopathic stocks.
 */
export function substanceName(raw: string): string | null {
  let name = raw.replace(/\s+/g, ' ').trim();
  if (!name || HOMEOPATHIC.test(name)) return null;
  const inverted = /^(.+?) \((.+? (?:DE|D'))\)(.*)$/.exec(name);
  if (inverted) name = `${inverted[2]}${inverted[2].endsWith("'") ? '' : ' '}${inverted[1]}${inverted[3]}`;
  name = name.replace(HYDRATION, '').replace(/\s+/g, ' ').trim();
  // « TRANEXAMIQUE (ACIDE) » is « acide tranexamique », as the other rows of the export write it.
  name = name.replace(/^(.+) \((ACIDE|ALCOOL)\)$/i, '$2 $1');
  return name.toLowerCase();
}

const STRENGTH_START = /^(?:\d|[0-9.,]+$|FAIBLE|FORT$|ENFANTS?$|ADULTES?$|NOURRISSONS?$|SANS$|L\.?P\.?$|LI$|RETARD$|GÉ$|SOLUTION$|COMPRIMÉ$|GÉLULE$|POUDRE$|CRÈME$|POMMADE$|COLLYRE$|SIROP$|SUSPENSION$)/i;

/** The brand part of a dénomination: "LYRICA 150 mg, gélule" → "LYRICA". */
export function brandOf(denomination: string): string {
  const head = denomination.split(',')[0];
  const words = head.split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (const w of words) {
    if (STRENGTH_START.test(w)) break;
    // A lower-case word or a parenthesis after the name is a description (« AMBISOME liposomal »,
    // « KALETRA (80 mg + 20 mg) »), not part of it.
    if (kept.length && ((/\p{L}/u.test(w) && w === w.toLowerCase()) || w.startsWith('('))) break;
    kept.push(w);
  }
  return kept.join(' ').replace(/[\s/-]+$/, '').trim();
}
