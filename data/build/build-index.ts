/**
 * Data build: raw sources (data/sources) + curated files (data/curated), validated against data/schema, compiled
 * into dist/medlint-index.bin. The orchestrator: read every source (sources/, paths in sources/paths.ts), run the
 * steps (steps/) in order over one build state, return the CompiledIndex.
 *
 *   tsx data/build/build-index.ts [--bdpm <folder>] [--out <file>]
 *   → « medlint data: {"substances":2958,"brands":4055,…} (BDPM 2025-…) → dist/medlint-index.bin »
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBdpm, latestAmmDate, type BdpmExport } from './sources/bdpm';
import { readTrialExtracts } from './sources/trials';
import { readAtcLexicon, readFrenchWords, type AtcLexicon } from './sources/lexicons';
import { validateCurated, type CuratedData } from './sources/curated';
import { readEma, type EmaProduct } from './sources/ema';
import { ROOT, sourcePaths } from './sources/paths';
import { addAlias, createState, ensure, isDrugName, resolveDci, type BuildState } from './steps/state';
import { addBdpmSubstances, countSpecialites } from './steps/substances';
import { lexiconInns, nameByMoiety } from './steps/moieties';
import { addAtcInns, addOrdinaryWords } from './steps/lexicon';
import { addCuratedAliases, addCuratedProducts, addStemAliases } from './steps/aliases';
import { addBdpmBrands, addCuratedBrands, brandList, linkBrands } from './steps/brands';
import { addEmaProducts, addWorldDrugs, nameState } from './steps/world';
import { addEnglishNames } from './steps/english';
import { markNeedsDose } from './steps/needs-dose';
import { addRanges } from './steps/ranges';
import { addStrengths } from './steps/strengths';
import { compileTrials } from './steps/trials';
import { compileClasses } from './steps/classes';
import { companiesOf } from './steps/companies';
import { foldKey } from '../../server/src/core/normalize';
import { writeIndexFile } from './index-writer';
import type { CompiledIndex, DoseRange, Trial } from '../../server/src/core/index-types';

export { EMA_EXPORT } from './sources/paths';

export interface Options { bdpmDir: string; out: string; /** where files missing from bdpmDir are read */ bdpmFallback?: string }

export function parseArgs(argv: string[]): Options {
  const opts: Options = { bdpmDir: sourcePaths().bdpm, out: join(ROOT, 'dist', 'medlint-index.bin') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bdpm') opts.bdpmDir = resolve(argv[++i]);
    else if (argv[i] === '--out') opts.out = resolve(argv[++i]);
  }
  return opts;
}

/** Everything the build reads, as plain data. */
export interface Sources {
  curated: CuratedData;
  bdpm: BdpmExport;
  atcLexicon: AtcLexicon;
  frenchWords: string[];
  ema: EmaProduct[];
  trialExtracts: Trial[];
}

export function readSources(bdpmDir = sourcePaths().bdpm, bdpmFallback?: string, paths = sourcePaths()): Sources {
  return {
    curated: validateCurated(paths.data),
    bdpm: readBdpm(bdpmDir, bdpmFallback),
    atcLexicon: readAtcLexicon(paths.atcLexicon),
    frenchWords: readFrenchWords(paths.frenchWords),
    ema: readEma(paths.ema),
    trialExtracts: readTrialExtracts(paths.trials),
  };
}

/** The name steps: substances, their names and brands, from the BDPM, the lexicons, the curated files, the EMA. */
export function nameSteps(src: Sources): BuildState {
  const { curated, bdpm } = src;
  const state = createState(curated.names.preferredDci);
  addBdpmSubstances(state, bdpm.composition);
  nameByMoiety(state, lexiconInns(src.atcLexicon));
  addOrdinaryWords(state, src.frenchWords, curated.names.ordinaryWords);
  addAtcInns(state, src.atcLexicon);
  addCuratedProducts(state, curated.products.products);
  addCuratedAliases(state, curated.names.aliases);
  addStemAliases(state);
  countSpecialites(state, bdpm);
  addBdpmBrands(state, bdpm);
  addCuratedBrands(state, curated.products.products, curated.names.brands);
  // Drugs not sold in France: the EMA's products absent from the BDPM, then the curated ones; English names.
  const alias = (s: Parameters<typeof addAlias>[1], a: string) => addAlias(state, s, a);
  const names = nameState({ ...state, ensure: (n, o) => ensure(state, n, o), addAlias: alias, specialites: bdpm.specialites.values() });
  addEmaProducts(names, src.ema);
  addWorldDrugs(names, curated.world.drugs);
  addEnglishNames((n) => names.find(foldKey(n)), alias, curated.names.aliases, curated.english.names);
  markNeedsDose(state, curated.names.needsDose);
  linkBrands(state);
  return state;
}

export function compileIndex(src: Sources): CompiledIndex {
  const { curated, bdpm } = src;
  const state = nameSteps(src);
  const ranges = addRanges(state, curated.ranges as DoseRange[]);
  addStrengths(state, bdpm);
  const trials = compileTrials(state, curated.trials.trials, src.trialExtracts);
  const substances = [...state.substances.values()].sort((a, b) => a.dci.localeCompare(b.dci, 'fr'));
  const brands = brandList(state);
  return {
    meta: {
      bdpmDate: latestAmmDate(bdpm.specialites),
      builtAt: new Date().toISOString().slice(0, 10),
      counts: { substances: substances.length, brands: brands.length, ranges, trials: trials.length, worldSubstances: substances.filter((s) => s.world).length },
    },
    substances,
    brands,
    trials,
    classes: compileClasses(curated.classes, substances, (name) => state.substances.get(state.aliasToKey.get(foldKey(name)) ?? foldKey(name))),
    abbreviations: curated.names.abbreviations.map((a) => ({ abbreviation: a.abbreviation, dci: a.dci.map((d) => resolveDci(state, d).dci), ...(a.combination ? { combination: true } : {}) })),
    commonWords: [...state.common].sort(),
    innStems: curated.innStems,
    companies: companiesOf(bdpm.specialites.values(), (k) => state.common.has(k) || isDrugName(state, k)),
  };
}

export function buildIndex(opts: Options): CompiledIndex {
  return compileIndex(readSources(opts.bdpmDir, opts.bdpmFallback));
}

if (require.main === module) {
  const opts = parseArgs(process.argv.slice(2));
  const index = buildIndex(opts);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeIndexFile(opts.out, index);
  console.log(`medlint data: ${JSON.stringify(index.meta.counts)} (BDPM ${index.meta.bdpmDate}) → ${opts.out}`);
}
