/**
 * Source reader: trials from the ClinicalTrials.gov extracts (data/sources/trials/*.csv). The extracts have no acronym
 * column: an acronym is taken only where a title carries it, as a prefix
 * ("RESET-SLE: …"), a final parenthesis ("… (RESET-PV)") or "the X study/trial",
 * in the brief title first, then in the official title.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Trial } from '../../../server/src/core/index-types';

/** Acronyms too generic to be a trial's name (diseases, tests, statuses). */
const NOT_TRIAL_NAMES = new Set([
  'COMPLETED', 'SLE', 'MS', 'MG', 'ITP', 'PMS', 'IMN', 'SSC', 'ADS', 'ALS', 'CIS', 'EEG', 'DMT', 'GA', 'LAM', 'CCSVI',
  'RRMS', 'SPMS', 'PPMS', 'NMOSD', 'MRI', 'IIM', 'AIHA', 'SLE AND AIHA', 'CAR-T', 'IDDS', 'HSCT', 'AHSCT', 'EDSS',
  'RR-MS', 'PWMS', 'DMTS', 'CCRC', 'SMSC', 'ANAM', 'MSQLI54',
]);

const ACRONYM_SHAPE = /^[A-Z][A-Za-z0-9]*(?:[- ][A-Z0-9][A-Za-z0-9]*)*$/;
const PRODUCT_CODE = /^(?:[A-Z]{1,5}-?\d{3,}[A-Z]?(?:-\d+)*|[A-Z]{2,4}-\d{4}-\d{3})$/;

export function acronymOf(briefTitle: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9-]*(?: [0-9IVX]+)?)\s*:/.exec(briefTitle) ?? /\(([^()]+)\)\s*$/.exec(briefTitle);
  if (!m) return null;
  const a = m[1].trim();
  if (!ACRONYM_SHAPE.test(a) || PRODUCT_CODE.test(a)) return null;
  if (NOT_TRIAL_NAMES.has(a.toUpperCase())) return null;
  const capitals = (a.match(/[A-Z]/g) ?? []).length;
  if (capitals < 3 || a.length < 4 || a.length > 30) return null;
  // Mostly lower case is a phrase, not an acronym ("Intermediate-Size EAP").
  if (a.split(' ').some((w) => (w.match(/[A-Z]/g) ?? []).length / (w.match(/[A-Za-z]/g) ?? ['x']).length < 0.25)) return null;
  // Each word of a several-word acronym must itself look like an acronym or a number.
  if (a.split(' ').some((w) => !/^(?:[A-Z0-9-]{2,}|[0-9IVX]+)$/.test(w) && !/^[A-Z][A-Za-z0-9-]*[A-Z0-9][A-Za-z0-9-]*$/.test(w))) return null;
  return a;
}

/** The acronym of the official title: as in a brief title, or "the X study/trial". */
export function acronymOfOfficial(officialTitle: string): string | null {
  const named = /\b[Tt]he ([A-Z][A-Z0-9-]{2,}(?: [0-9IVX]+)?) (?:Study|Trial)\b/.exec(officialTitle);
  return acronymOf(officialTitle) ?? (named ? acronymOf(`${named[1]}:`) : null);
}

/** The trials named in one extract; `label` is the file as a source cites it. */
export function readTrialExtract(path: string, label: string): Trial[] {
  const records = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  const out: Trial[] = [];
  for (const r of records) {
    const name = acronymOf(r.BriefTitle ?? '') ?? acronymOfOfficial(r.OfficialTitle ?? '');
    if (!name || !/^NCT\d{8}$/.test(r.NCTId ?? '')) continue;
    const products = (r.ProductName || r.Interventions || r.InterventionNames || '').split('|').map((s) => s.trim()).filter(Boolean);
    out.push({
      name,
      aliases: [],
      nct: r.NCTId,
      phase: r.Phase || undefined,
      status: r.OverallStatus || undefined,
      conditions: (r.Conditions ?? '').split('|').map((s) => s.trim()).filter(Boolean),
      products: [...new Set(products)].slice(0, 6),
      title: r.BriefTitle,
      source: { type: 'ctgov-row', title: `${label}, row ${r.NCTId}`, url: `https://clinicaltrials.gov/study/${r.NCTId}`, nct: r.NCTId },
    });
  }
  return out;
}

/** Every extract of a folder, in file-name order: « RESET-SLE » from « RESET-SLE: … » of data/sources/trials/x.csv. */
export function readTrialExtracts(dir: string, label = 'data/sources/trials'): Trial[] {
  return readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().flatMap((f) => readTrialExtract(join(dir, f), `${label}/${f}`));
}
