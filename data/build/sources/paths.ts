/**
 * Where the data build reads each source: the one place that names the files of data/sources and data/curated.
 * A new source is one path here, one reader in sources/ and one step in steps/.
 *
 *   sourcePaths().ema → data/sources/ema/ema-epar-human-2023-03-12.csv
 */
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');

/** The EMA's EPAR export (human medicines), see data/sources/README.upstream.md. */
export const EMA_EXPORT = 'ema-epar-human-2023-03-12.csv';

export interface SourcePaths {
  /** data/: curated files and their schemas (validateCurated reads data/curated and data/schema). */
  data: string;
  /** The BDPM export's folder (CIS_bdpm.txt, CIS_COMPO_bdpm.txt…). */
  bdpm: string;
  ema: string;
  atcLexicon: string;
  frenchWords: string;
  /** Folder of ClinicalTrials.gov extracts (*.csv). */
  trials: string;
}

export function sourcePaths(data = join(ROOT, 'data')): SourcePaths {
  const sources = join(data, 'sources');
  return {
    data,
    bdpm: join(sources, 'bdpm'),
    ema: join(sources, 'ema', EMA_EXPORT),
    atcLexicon: join(sources, 'lexicons', 'edsnlp-drugs-atc.json'),
    frenchWords: join(sources, 'lexicons', 'romedi-french-words.csv'),
    trials: join(sources, 'trials'),
  };
}
