/**
 * Reader of the EMA's list of centrally assessed medicines for human use (EPAR export,
 * data/sources/ema/ema-epar-human-2023-03-12.csv): one product per row, with its INN(s) in English,
 * its status (authorised, withdrawn, refused), the date of its marketing authorisation and its EPAR page.
 *
 *   Nityr, nitisinone, Authorised, 2018-07-26 → { product: 'Nityr', inns: ['nitisinone'], status: 'authorised', … },
 *   which the card shows as « autorisé dans l'UE (EMA, 2018-07-26), non commercialisé en France ».
 *
 * Rows whose « INN » is a description (vaccines, « human normal immunoglobulin », « lutetium (177Lu) chloride »)
 * name no substance a writer would call by an INN: they are kept with `inns: []`, and counted as such.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type EmaStatus = 'authorised' | 'withdrawn' | 'refused';

export interface EmaProduct {
  product: string;
  /** The INNs, in English, lower case (« sacubitril », « valsartan » for Entresto); [] when the row names none. */
  inns: string[];
  status: EmaStatus;
  /** Marketing authorisation date (ISO), when the row has one. */
  date?: string;
  atc?: string;
  generic: boolean;
  biosimilar: boolean;
  url: string;
}

const STATUS: Record<string, EmaStatus> = { Authorised: 'authorised', Withdrawn: 'withdrawn', Refused: 'refused' };

/** A word that makes an « INN » column a description, not a name. */
const DESCRIPTION = /\b(?:vaccine|virus|human|immunoglobulin|toxin|factor|inhibitor|antigen|serum|recombinant|strain|cells?|fragments|extract|powder|conjugated|hormone)\b|[[\]\d]/i;

/** The INNs of a row: « abacavir sulfate / dolutegravir sodium / lamivudine », « casirivimab, imdevimab ». */
export function innsOf(column: string): string[] {
  const cleaned = column.toLowerCase().replace(/\((?:anhydrous|activated|rdna|as [^)]*)\)/g, '').trim();
  if (!cleaned || DESCRIPTION.test(cleaned) || /[()]/.test(cleaned)) return [];
  const parts = cleaned.split(/\s*(?:,|\/|\band\b)\s*/).map((p) => p.trim()).filter(Boolean);
  return parts.every((p) => /^[a-z][a-z -]*[a-z0-9]$/.test(p) && p.split(' ').length <= 3) ? parts : [];
}

export function readEma(path: string): EmaProduct[] {
  const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const out: EmaProduct[] = [];
  for (const r of rows) {
    const status = STATUS[r.authorisation_status];
    if (r.category !== 'Human' || !status || !r.medicine_name) continue;
    out.push({
      // « Vyxeos liposomal (previously known as Vyxeos) »: the name without its history.
      product: r.medicine_name.replace(/\s*\((?:previously|formerly)\b.*$/i, '').trim(),
      inns: innsOf(r.inn_common_name || r.active_substance),
      status,
      date: /^\d{4}-\d{2}-\d{2}$/.test(r.marketing_authorisation_date) ? r.marketing_authorisation_date : undefined,
      atc: r.atc_code || undefined,
      generic: r.generic === 'yes',
      biosimilar: r.biosimilar === 'yes',
      url: r.url,
    });
  }
  return out;
}
