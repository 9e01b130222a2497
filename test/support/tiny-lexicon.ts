/**
 * A tiny in-memory lexicon for unit tests: a few substances, brands and ranges given inline, compiled by
 * the real compileLookup (through the Lexicon constructor), so a rule is tested without the built index.
 *
 *   const lex = tinyLexicon({ substances: [{ dci: 'prégabaline', brands: ['LYRICA'], ranges: ['150-600 mg/day orale'] }] });
 *   analyze('La prégabaline 1200 mg/j.', lex).findings  // one dose-out-of-range
 */
import { Lexicon } from '../../server/src/core/lexicon';
import type { Brand, CompiledIndex, DoseRange, RangeBasis, Strength, Substance, Unit } from '../../server/src/core/index-types';

export interface TinySubstance {
  dci: string;
  aliases?: string[];
  brands?: string[];
  /**
   * « min-max unit/basis [route] »: '150-600 mg/day orale', '3-6 mg/injection sous-cutanée', '8-8 %/application cutanée';
   * or [short form, other fields]: ['100-100 UI/injection sous-cutanée', { perWeight: 'kg', interval: 'toutes les 12 heures' }].
   */
  ranges?: (string | [string, Partial<DoseRange>])[];
  /** An endogenous molecule (glycine, calcium): a drug only with a dose near it. */
  needsDose?: boolean;
  /** The strongest marketed units (the plausibility envelope): { form: 'comprimé', amount: 240, unit: 'mg', per: 'unit' }. */
  strengths?: (Pick<Strength, 'form' | 'amount' | 'unit' | 'per'> & { route?: string })[];
}

export interface TinyLexicon {
  substances: TinySubstance[];
  commonWords?: string[];
  innStems?: string[];
  companies?: { name: string; holder: string }[];
  /** Brands of several substances (« BACTRIM » → triméthoprime + sulfaméthoxazole), each substance listed above. */
  combinations?: { name: string; substances: string[] }[];
}

const SOURCE = { type: 'rcp', title: 'TEST 10 mg, comprimé', url: 'https://example.org/rcp', cis: '12345678' };

/** One range from its short form (and its other fields). */
export function range(dci: string, written: string | [string, Partial<DoseRange>]): DoseRange {
  const [spec, extra] = typeof written === 'string' ? [written, {}] : written;
  const m = /^([\d.]+)-([\d.]+) ([^/\s]+)\/(\w+)(?: (.+))?$/.exec(spec);
  if (!m) throw new Error(`range illisible : ${spec} (attendu « 150-600 mg/day orale »)`);
  return {
    substance: dci, context: 'test', route: m[5] ?? 'orale', population: 'adulte',
    min: Number(m[1]), max: Number(m[2]), unit: m[3] as Unit, per: m[4] as RangeBasis, source: SOURCE, ...extra,
  };
}

export function tinyIndex(spec: TinyLexicon): CompiledIndex {
  const substances: Substance[] = spec.substances.map((s) => ({
    dci: s.dci, aliases: s.aliases ?? [], brands: s.brands ?? [], cisCount: 1, cis: ['12345678'], origin: 'bdpm',
    ranges: (s.ranges ?? []).map((r) => range(s.dci, r)),
    ...(s.needsDose ? { needsDose: true } : {}),
    ...(s.strengths ? { strengths: s.strengths.map((x) => ({ route: 'orale', name: `TEST ${x.amount} ${x.unit}`, cis: '12345678', ...x })) } : {}),
  }));
  const brands: Brand[] = spec.substances.flatMap((s) => (s.brands ?? []).map((name) => ({
    name, substances: [s.dci], cis: ['12345678'], forms: ['comprimé'], routes: ['orale'], conditions: [], origin: 'bdpm' as const,
  })));
  for (const c of spec.combinations ?? []) {
    brands.push({ name: c.name, substances: c.substances, cis: ['12345678'], forms: ['comprimé'], routes: ['orale'], conditions: [], origin: 'bdpm' });
    for (const d of c.substances) substances.find((s) => s.dci === d)?.brands.push(c.name);
  }
  return {
    meta: { bdpmDate: '2025-11-13', builtAt: '2025-11-13', counts: { substances: substances.length, brands: brands.length, ranges: 0, trials: 0 } },
    substances, brands, trials: [], abbreviations: [], commonWords: spec.commonWords ?? [], innStems: spec.innStems ?? [],
    companies: spec.companies ?? [],
  };
}

export function tinyLexicon(spec: TinyLexicon): Lexicon {
  return new Lexicon(tinyIndex(spec));
}
