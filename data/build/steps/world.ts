/**
 * Build step: drugs a French article may name that are not sold in France. Each EMA product absent from the
 * BDPM adds its substances (by INN) and its name as a brand, with its European status; the curated list
 * (data/curated/world.json) adds recent drugs neither list has, with a sourced status.
 *
 *   EMA « Nityr », nitisinone, authorised 2018-07-26 → brand NITYR of nitisinone, « autorisé dans l'UE (EMA,
 *   2018-07-26), non commercialisé en France »; « Kerendia » (FDA 2021) → finérénone, curated.
 *
 * An English INN is matched to the substance the data already has when it is the same word folded, the French
 * form with a final -e (« vigabatrin » → vigabatrine, « epoetin alfa » → époétine alfa), or its moiety without
 * a counter-ion (« sodium oxybate » → oxybate de sodium); otherwise it is a new substance, named by its INN.
 */
import { foldKey, soundKey } from '../../../server/src/core/normalize';
import type { Brand, Substance, WorldStatus } from '../../../server/src/core/index-types';
import type { EmaProduct } from '../sources/ema';
import { brandOf, type Specialite } from '../sources/bdpm';
import { markEnglish } from './english';

/** What the step needs of the build: find a substance by folded name, create one, add a name, the brands. */
export interface NameState {
  find: (key: string) => Substance | undefined;
  ensure: (name: string, origin: Substance['origin']) => Substance;
  addAlias: (s: Substance, alias: string) => void;
  brands: Map<string, Brand>;
  /** The BDPM's spécialités by brand (folded): CIS codes, for products whose composition the export lacks (OFEV). */
  bdpmProducts: Map<string, string[]>;
  /** Substances with an ATC code (or a code it starts with). */
  withAtc: (atc: string) => Substance[];
  /** A substance the BDPM names by a salt of the moiety (« ésilate de nintédanib » for nintédanib), by folded moiety. */
  bySaltMoiety: (key: string) => Substance | undefined;
}

/** The build's maps, seen as the step needs them. */
export function nameState(b: {
  substances: Map<string, Substance>; aliasToKey: Map<string, string>; brands: Map<string, Brand>; specialites: Iterable<Specialite>;
  ensure: NameState['ensure']; addAlias: NameState['addAlias'];
}): NameState {
  const bdpmProducts = new Map<string, string[]>();
  for (const spec of b.specialites) {
    const key = foldKey(brandOf(spec.denomination));
    bdpmProducts.set(key, [...(bdpmProducts.get(key) ?? []), spec.cis]);
  }
  const saltMoieties = new Map<string, Substance>();
  for (const x of b.substances.values()) {
    const m = /^\S+ (?:de |d')(.+)$/.exec(foldKey(x.dci));
    if (m && !saltMoieties.has(m[1])) saltMoieties.set(m[1], x);
  }
  return {
    find: (k) => b.substances.get(b.aliasToKey.get(k) ?? k), ensure: b.ensure, addAlias: b.addAlias, brands: b.brands, bdpmProducts,
    withAtc: (atc) => [...b.substances.values()].filter((x) => x.atc?.some((a) => a.startsWith(atc))),
    bySaltMoiety: (k) => saltMoieties.get(k),
  };
}

/** Salts and hydrates in English INNs, with their French name when a salt is written first in French. */
const SALTS: Record<string, string> = {
  hydrochloride: 'chlorhydrate', dihydrochloride: 'dichlorhydrate', chloride: 'chlorure', bromide: 'bromure', hydrobromide: 'bromhydrate',
  sulfate: 'sulfate', acetate: 'acétate', carbonate: 'carbonate', citrate: 'citrate', tartrate: 'tartrate', fumarate: 'fumarate',
  hemifumarate: 'hémifumarate', succinate: 'succinate', phosphate: 'phosphate', mesilate: 'mésilate', maleate: 'maléate', benzoate: 'benzoate',
  besilate: 'bésilate', tosilate: 'tosilate', furoate: 'furoate', propionate: 'propionate', xinafoate: 'xinafoate',
  sodium: 'sodium', potassium: 'potassium', calcium: 'calcium', magnesium: 'magnésium', trisodium: 'trisodique',
};
const HYDRATES = new Set(['anhydrous', 'monohydrate', 'dihydrate', 'trihydrate', 'hemihydrate']);

/** The INN without its salt and hydrate words (« irinotecan hydrochloride trihydrate » → irinotecan), if any. */
export function moietyOf(inn: string): string | undefined {
  const words = inn.split(' ');
  const bare = words.filter((w) => !(w in SALTS) && !HYDRATES.has(w));
  return bare.length && bare.length < words.length ? bare.join(' ') : undefined;
}

/**
 * French spellings an English INN may have (rules of INN translation, no list): the word itself, each word
 * with a final -e (« insulin aspart » → insuline asparte), « X acid » → « acide Xique » (zoledronic acid),
 * « X chloride » → « chlorure de X ».
 */
function frenchForms(key: string): string[] {
  const words = key.split(' ');
  const forms = new Set<string>([key]);
  for (let mask = 1; mask < 1 << Math.min(words.length, 3); mask++) forms.add(words.map((w, i) => (mask & (1 << i) ? `${w}e` : w)).join(' '));
  if (key.endsWith('e')) forms.add(key.slice(0, -1));
  const acid = /^(.+)ic acid$/.exec(key);
  if (acid) forms.add(`acide ${acid[1]}ique`);
  const salt = words.length === 2 && SALTS[words[1]];
  if (salt) for (const base of [words[0], `${words[0]}e`]) forms.add(`${salt} ${/^[aeiouyh]/.test(base) ? "d'" : 'de '}${base}`);
  return [...forms];
}

/**
 * The substance an English INN names, if the data has it under a French, salt or moiety spelling; `english`
 * when the INN is spelt otherwise than the French name (« pregabalin », prégabaline; not « nintedanib »).
 */
export function matchInn(inn: string, state: Pick<NameState, 'find' | 'withAtc' | 'bySaltMoiety'>, atc?: string): { s: Substance; english: boolean } | undefined {
  const key = foldKey(inn);
  const moiety = moietyOf(key);
  for (const k of [key, ...(moiety ? [moiety] : [])]) {
    for (const form of frenchForms(k)) {
      const s = state.find(form) ?? state.bySaltMoiety(form);
      if (s) return { s, english: form !== key };
    }
  }
  // Last: a substance of the same ATC code that sounds the same (« caffeine », caféine).
  if (!atc || atc.length < 5) return undefined;
  const sound = soundKey(moiety ?? key);
  const s = state.withAtc(atc).find((x) => [x.dci, ...x.aliases].some((n) => soundKey(foldKey(n)) === sound));
  return s && { s, english: true };
}

/** Authorised before withdrawn before refused; the earliest date among equals. */
const RANK: Record<string, number> = { authorised: 0, 'not-marketed': 1, withdrawn: 2, refused: 3, 'in-development': 4, 'no-longer-marketed': 5 };
function better(a: WorldStatus, b: WorldStatus | undefined): boolean {
  if (!b) return true;
  return RANK[a.status] < RANK[b.status] || (RANK[a.status] === RANK[b.status] && !!a.date && (!b.date || a.date < b.date));
}

/** A generic (« Dasatinib Accordpharma ») is named by its INN: not a brand. */
function isGenericName(product: string, inns: string[]): boolean {
  const first = foldKey(product).split(/[\s/-]/)[0];
  return inns.some((inn) => foldKey(inn).split(' ')[0] === first);
}

/** The substance of an INN: the one the data has, else a new one named by its moiety (the salt as an alias). */
function substanceOf(state: NameState, inn: string, atc: string | undefined, counts: { substances: number }): Substance {
  const found = matchInn(inn, state, atc);
  if (found) {
    // The EMA's INN column is English: a spelling of its own is an English name of the drug.
    if (found.english) markEnglish(found.s, inn, state.addAlias);
    else state.addAlias(found.s, inn);
    return found.s;
  }
  const moiety = moietyOf(inn);
  const s = state.ensure(moiety ?? inn, 'ema');
  if (moiety) state.addAlias(s, inn);
  // The French form of an English INN in -in is in -ine (sotagliflozin → sotagliflozine, lefamulin → léfamuline).
  const name = moiety ?? inn;
  if (/[a-z]in$/.test(name) && !name.includes(' ')) state.addAlias(s, `${name}e`);
  if (atc?.length === 7) s.atc ??= [atc];
  counts.substances++;
  return s;
}

export function addEmaProducts(state: NameState, products: EmaProduct[]): { products: number; substances: number; brands: number } {
  const counts = { products: 0, substances: 0, brands: 0 };
  const listed = products.filter((p) => p.inns.length && !state.brands.has(foldKey(p.product)));
  // A product the BDPM lists (its composition missing from the export: OFEV) is sold in France, and so are its substances.
  const inFrance = new Set<Substance>();
  const bySubstances = listed.map((p) => p.inns.map((inn) => substanceOf(state, inn, p.atc, counts)));
  listed.forEach((p, i) => {
    if (state.bdpmProducts.has(foldKey(p.product))) for (const s of bySubstances[i]) inFrance.add(s);
  });
  listed.forEach((p, i) => {
    counts.products++;
    const cis = state.bdpmProducts.get(foldKey(p.product));
    const world: WorldStatus | undefined = cis ? undefined : { status: p.status, date: p.date, product: p.product, url: p.url, source: 'EMA' };
    for (const s of bySubstances[i]) if (world && s.origin !== 'bdpm' && !inFrance.has(s) && better(world, s.world)) s.world = world;
    if (isGenericName(p.product, p.inns)) return;
    const b: Brand = {
      name: p.product.toUpperCase(), substances: [...new Set(bySubstances[i].map((s) => s.dci))], cis: cis ?? [], forms: [], routes: [], conditions: [],
      origin: 'ema', source: { type: 'ema', title: `EMA, EPAR ${p.product}`, url: p.url }, ...(world ? { world } : {}),
    };
    state.brands.set(foldKey(p.product), b);
    counts.brands++;
  });
  return counts;
}

/** A curated drug not sold in France (data/curated/world.json). */
export interface WorldDrug {
  dci: string;
  aliases?: string[];
  brands?: string[];
  atc?: string;
  status: 'not-marketed' | 'in-development' | 'no-longer-marketed';
  /** Where it is authorised or how far it is (« autorisé aux États-Unis (FDA) le 2021-07-09 »). */
  detail: string;
  date?: string;
  source: { type: string; title: string; url: string };
}

export function addWorldDrugs(state: NameState, drugs: WorldDrug[]): void {
  for (const d of drugs) {
    const s = state.find(foldKey(d.dci)) ?? state.ensure(d.dci, 'curated');
    if (s.origin === 'bdpm') throw new Error(`data/curated/world.json: ${d.dci} is in the BDPM`);
    for (const a of d.aliases ?? []) state.addAlias(s, a);
    if (d.atc) s.atc = [...new Set([...(s.atc ?? []), d.atc])];
    s.source ??= d.source;
    const world: WorldStatus = { status: d.status, date: d.date, detail: d.detail, url: d.source.url, source: d.source.title };
    s.world = world;
    for (const bn of d.brands ?? []) {
      const key = foldKey(bn);
      const b: Brand = state.brands.get(key) ?? { name: bn.toUpperCase(), substances: [], cis: [], forms: [], routes: [], conditions: [], origin: 'curated', source: d.source, world };
      if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
      state.brands.set(key, b);
    }
  }
}
