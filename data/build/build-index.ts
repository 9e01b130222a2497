/**
 * Data build: raw sources (data/sources) + curated files (data/curated),
 * validated against data/schema, compiled into dist/medlint-index.bin.
 *
 *   tsx data/build/build-index.ts [--bdpm <folder>] [--out <file>]
 */
import { readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readBdpm, latestAmmDate, substanceName, brandOf } from './bdpm';
import { readTrialExtract } from './trials';
import { activeMoiety, isCounterIon } from './salts';
import { compileClasses } from './classes';
import { companiesOf } from './companies';
import { compileStrengths } from './strengths';
import { validateCurated } from './validate';
import { readEma } from './sources/ema';
import { addEmaProducts, addWorldDrugs, nameState } from './steps/world';
import { addEnglishNames } from './steps/english';
import { complexParts, prodrugName } from './steps/combinations';
import { foldKey } from '../../server/src/core/normalize';
import { writeIndexFile } from './index-writer';
import type { Brand, CompiledIndex, DoseRange, Substance, Trial } from '../../server/src/core/index-types';

const ROOT = resolve(__dirname, '..', '..');
const DATA = join(ROOT, 'data');

export interface Options { bdpmDir: string; out: string; /** where files missing from bdpmDir are read */ bdpmFallback?: string }

export function parseArgs(argv: string[]): Options {
  const opts: Options = { bdpmDir: join(DATA, 'sources', 'bdpm'), out: join(ROOT, 'dist', 'medlint-index.bin') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--bdpm') opts.bdpmDir = resolve(argv[++i]);
    else if (argv[i] === '--out') opts.out = resolve(argv[++i]);
  }
  return opts;
}

/** The EMA's EPAR export (human medicines), see data/sources/README.upstream.md. */
export const EMA_EXPORT = 'ema-epar-human-2023-03-12.csv';
const readJson = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const bdpmUrl = (cis: string) => `https://base-donnees-publique.medicaments.gouv.fr/extrait.php?specid=${cis}`;

export function buildIndex(opts: Options): CompiledIndex {
  const curated = validateCurated(DATA);
  const bdpm = readBdpm(opts.bdpmDir, opts.bdpmFallback);
  const substances = new Map<string, Substance>();
  const aliasToKey = new Map<string, string>();

  const preferred = new Map(curated.names.preferredDci.map((m) => [foldKey(m.from), m.to]));
  const ensure = (name: string, origin: Substance['origin']): Substance => {
    const dci = preferred.get(foldKey(name)) ?? name;
    const key = aliasToKey.get(foldKey(dci)) ?? foldKey(dci);
    let s = substances.get(key);
    if (!s) {
      s = { dci, aliases: [], brands: [], cisCount: 0, cis: [], ranges: [], origin };
      substances.set(key, s);
      aliasToKey.set(key, key);
    }
    return s;
  };
  const addAlias = (s: Substance, alias: string) => {
    const k = foldKey(alias);
    if (k === foldKey(s.dci) || s.aliases.some((a) => foldKey(a) === k)) return;
    // A name already taken by another substance stays with it: never two substances for one name.
    const owner = aliasToKey.get(k) ?? (substances.has(k) ? k : undefined);
    if (owner && owner !== foldKey(s.dci)) return;
    s.aliases.push(alias);
    aliasToKey.set(k, foldKey(s.dci));
  };

  // 1. Substances from the composition: the therapeutic fraction (FT) is the name writers use.
  const groups = new Map<string, { sa: string[]; ft: string[] }>();
  for (const row of bdpm.composition) {
    const name = substanceName(row.name);
    if (!name) continue;
    const g = groups.get(`${row.cis}|${row.element}|${row.link}`) ?? { sa: [], ft: [] };
    (row.nature === 'FT' ? g.ft : g.sa).push(name);
    groups.set(`${row.cis}|${row.element}|${row.link}`, g);
  }
  const substancesByCis = new Map<string, Set<Substance>>();
  const brands = new Map<string, Brand>();
  const ftNames = new Set<string>();
  for (const g of groups.values()) for (const n of g.ft) ftNames.add(foldKey(n));
  // A lone salt whose base is a known fraction elsewhere ("sulfate de morphine") is that base.
  const baseOfSalt = (name: string): string | null => {
    const m = activeMoiety(name);
    return m && ftNames.has(foldKey(m.moiety)) ? m.moiety : null;
  };
  // Groups naming a therapeutic fraction first, so that a lone salt finds its base's aliases.
  const ordered = [...groups].sort((a, b) => Number(b[1].ft.length > 0) - Number(a[1].ft.length > 0));
  for (const [gkey, g] of ordered) {
    const cis = gkey.split('|')[0];
    // A fraction that is only the salt's counter-ion ("sodium") is not what the drug is called.
    // …nor is an element standing for the molecule that carries it (« iode » for iobitridol, iohexol…).
    const ft = g.ft.filter((n) => !isCounterIon(n, g.sa) && !(g.sa.length === 1 && /^iode\b/.test(foldKey(n))));
    const prodrug = prodrugName(ft, g.sa);
    const main = prodrug ?? ft[0] ?? (g.sa[0] ? baseOfSalt(g.sa[0]) ?? g.sa[0] : undefined);
    if (!main) continue;
    const set = substancesByCis.get(cis) ?? new Set<Substance>();
    substancesByCis.set(cis, set);
    // A complex of two drugs (« complexe sodique sacubitril valsartan »): each fraction is a drug of its own.
    const parts = complexParts(ft, g.sa);
    if (parts) {
      for (const p of parts) set.add(ensure(p, 'bdpm'));
      continue;
    }
    const s = ensure(main, 'bdpm');
    for (const alias of prodrug ? g.sa : [...g.sa, ...ft]) addAlias(s, alias);
    set.add(s);
  }

  // A salt or ester name is called by its moiety when the ATC lexicon knows the moiety as an INN, or
  // when the salt is one of an organic base ("tartrate de métoprolol" → métoprolol), keeping the BDPM
  // spelling and accents.
  const atcLexicon = readJson(join(DATA, 'sources', 'lexicons', 'edsnlp-drugs-atc.json')) as Record<string, string[]>;
  const lexiconInns = new Set(Object.values(atcLexicon).flat().filter((t) => t === t.toLowerCase()).map(foldKey));
  const preferredTargets = new Set([...preferred.values()].map(foldKey));
  for (const s of [...substances.values()]) {
    const m = activeMoiety(s.dci);
    if (!m || !(m.plainBase || lexiconInns.has(foldKey(m.moiety))) || preferredTargets.has(foldKey(s.dci))) continue;
    const oldKey = foldKey(s.dci), newKey = foldKey(m.moiety);
    const owner = aliasToKey.get(newKey);
    if (owner && owner !== newKey) continue; // the moiety's name is another substance's alias: leave both
    const target = owner ? substances.get(owner)! : s;
    substances.delete(oldKey);
    if (target === s) {
      s.aliases.push(s.dci);
      s.dci = m.moiety;
      substances.set(newKey, s);
    } else {
      // Another salt of a moiety already known ("tartrate de métoprolol" beside "métoprolol"): one substance.
      for (const a of [s.dci, ...s.aliases]) if (!target.aliases.includes(a)) target.aliases.push(a);
      for (const set of substancesByCis.values()) if (set.delete(s)) set.add(target);
    }
    for (const [alias, key] of aliasToKey) if (key === oldKey) aliasToKey.set(alias, newKey);
    aliasToKey.set(newKey, newKey);
  }

  // 2. INNs of the ATC lexicon that the BDPM lacks (e.g. cortisone).
  const commonWords = readFileSync(join(DATA, 'sources', 'lexicons', 'romedi-french-words.csv'), 'utf8')
    .split(/\r?\n/).map((l) => foldKey(l.split('\t')[0] ?? '')).filter((w) => w.length > 0);
  const common = new Set(commonWords);
  for (const w of curated.names.ordinaryWords ?? []) common.add(foldKey(w));
  for (const [atc, terms] of Object.entries(atcLexicon)) {
    if (atc.length !== 7) continue;
    for (const term of terms) {
      if (term !== term.toLowerCase() || /[,;/]| et | en association|associations?|^\S{1,4}$/.test(term)) continue;
      const key = foldKey(term);
      if (aliasToKey.has(key) || common.has(key) || term.split(' ').length > 2) continue;
      // An English INN one letter from the French DCI (vigabatrin → vigabatrine) is a spelling of it.
      const french = aliasToKey.get(`${key}e`) ?? (key.endsWith('e') ? aliasToKey.get(key.slice(0, -1)) : undefined);
      if (french) {
        addAlias(substances.get(french)!, term);
        continue;
      }
      const s = ensure(term, 'atc-lexicon');
      s.atc = [atc];
      s.source = { type: 'atc-lexicon', title: `data/sources/lexicons/edsnlp-drugs-atc.json, code ${atc}`, url: 'https://github.com/aphp/edsnlp' };
    }
  }

  // 3. Curated products, names and brands.
  const resolveDci = (name: string): Substance => {
    const key = aliasToKey.get(foldKey(name)) ?? foldKey(preferred.get(foldKey(name)) ?? name);
    const s = substances.get(key);
    if (!s) throw new Error(`curated data names an unknown substance: ${name}`);
    return s;
  };
  for (const p of curated.products.products) {
    const s = substances.get(aliasToKey.get(foldKey(p.name)) ?? '') ?? ensure(p.name, 'curated');
    if (s.origin !== 'bdpm') s.origin = 'curated';
    for (const a of p.aliases ?? []) addAlias(s, a);
    s.drugClass ??= p.drugClass;
    s.status ??= p.status;
    s.description ??= p.description;
    s.source ??= p.source;
    if (p.atc) s.atc = [...new Set([...(s.atc ?? []), p.atc])];
  }
  for (const m of curated.names.aliases) addAlias(resolveDci(m.to), m.from);
  // "certolizumab" for "certolizumab pégol", "efgartigimod" for "efgartigimod alfa", "dabigatran" for the
  // prodrug ester "dabigatran étexilate", "brentuximab" for the conjugate "brentuximab védotine": the short form
  // is an alias only when one substance has it (agalsidase alfa and bêta, ténofovir alafénamide and disoproxil
  // keep their full names) and no substance is named so (trastuzumab is not trastuzumab emtansine).
  const byStem = new Map<string, Substance[]>();
  for (const sub of substances.values()) {
    const m = /^(\S+) (?:alfa|alpha|bêta|beta|gamma|zêta|pégol|étexilate|médoxomil|mofétil|alafénamide|disoproxil|védotine|ozogamicine|emtansine|déruxtécan|govitécan)$/u.exec(sub.dci);
    if (m) byStem.set(m[1], [...(byStem.get(m[1]) ?? []), sub]);
  }
  // …and no other substance starts with the stem (interferon gamma is not « l'interféron »: interféron bêta-1a…).
  const firstWords = new Map<string, number>();
  for (const sub of substances.values()) {
    if (sub.origin === 'atc-lexicon') continue; // its English spellings (« brentuximab vendotin ») are not other drugs
    const first = foldKey(sub.dci).split(' ')[0];
    firstWords.set(first, (firstWords.get(first) ?? 0) + 1);
  }
  for (const [stem, subs] of byStem) if (subs.length === 1 && firstWords.get(foldKey(stem)) === 1) addAlias(subs[0], stem);
  const brandSets = new Map<Brand, string[][]>();
  // 4. Brands from the spécialités' names; generics ("PREGABALINE BIOGARAN") are not brands.
  for (const [cis, subSet] of substancesByCis) {
    const spec = bdpm.specialites.get(cis);
    if (!spec || /hom[ée]o/i.test(spec.procedure)) continue;
    const subs = [...subSet];
    for (const s of subs) {
      s.cisCount++;
      if (s.cis.length < 8) s.cis.push(cis);
      const atc = bdpm.atcByCis.get(cis);
      if (atc && subs.length === 1) s.atc = [...new Set([...(s.atc ?? []), atc])];
    }
    if (bdpm.genericCis.has(cis)) continue;
    const brand = brandOf(spec.denomination);
    const bkey = foldKey(brand);
    if (bkey.length < 3 || !/\p{L}{2}/u.test(bkey)) continue;
    const firstWord = bkey.split(/\s/)[0];
    const isGeneric = subs.some((s) => [s.dci, ...s.aliases].some((n) => {
      const nk = foldKey(n);
      const nk0 = nk.split(/\s/)[0];
      // A brand may shorten its DCI (LEVOTHYROX, SUFENTA, FLUDARA) or start like it (FERINJECT, fer): only
      // the full DCI, as whole words, makes a generic (« PREGABALINE BIOGARAN »).
      return bkey === nk || /^[\s/-]/.test(bkey.slice(nk.length)) && bkey.startsWith(nk) || (nk0.length >= 3 && nk0 === firstWord);
    }));
    if (isGeneric) continue;
    const b: Brand = brands.get(bkey) ?? { name: brand.toUpperCase(), substances: [], cis: [], forms: [], routes: [], conditions: [], origin: 'bdpm' };
    for (const s of subs) if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
    brandSets.set(b, [...(brandSets.get(b) ?? []), subs.map((s) => s.dci)]);
    b.cis.push(cis);
    if (spec.form && !b.forms.includes(spec.form)) b.forms.push(spec.form);
    for (const r of spec.routes) if (!b.routes.includes(r)) b.routes.push(r);
    for (const c of bdpm.conditionsByCis.get(cis) ?? []) if (!b.conditions.includes(c)) b.conditions.push(c);
    brands.set(bkey, b);
  }

  // A brand whose spécialités all contain one drug, some with another (XYLOCAINE, XYLOCAINE ADRENALINE…,
  // all « XYLOCAINE »; DOLIPRANE and DOLIPRANE CODEINE…) names that common drug.
  for (const [b, sets] of brandSets) {
    const common = b.substances.filter((d) => sets.every((set) => set.includes(d)));
    if (common.length) b.substances = common;
  }
  for (const p of curated.products.products) {
    const s = resolveDci(p.name);
    for (const bn of p.brands ?? []) {
      const bkey = foldKey(bn);
      const b: Brand = brands.get(bkey) ?? { name: bn.toUpperCase(), substances: [], cis: [], forms: [], routes: [], conditions: [], origin: 'curated', source: p.source };
      if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
      brands.set(bkey, b);
    }
  }
  for (const m of curated.names.brands ?? []) {
    const s = resolveDci(m.to);
    const bkey = foldKey(m.from);
    const b: Brand = brands.get(bkey) ?? { name: m.from.toUpperCase(), substances: [], cis: [], forms: [], routes: [], conditions: [], origin: 'curated' };
    if (!b.substances.includes(s.dci)) b.substances.push(s.dci);
    brands.set(bkey, b);
  }
  // 4b. Drugs not sold in France: the EMA's products absent from the BDPM, then the curated ones.
  const names = nameState({ substances, aliasToKey, ensure, addAlias, brands, specialites: bdpm.specialites.values() });
  addEmaProducts(names, readEma(join(DATA, 'sources', 'ema', EMA_EXPORT)));
  addWorldDrugs(names, curated.world.drugs);
  addEnglishNames((n) => names.find(foldKey(n)), addAlias, curated.names.aliases, curated.english.names);
  for (const n of curated.names.needsDose) {
    const s = substances.get(aliasToKey.get(foldKey(n)) ?? '');
    if (s) s.needsDose = true;
  }
  for (const s of substances.values()) {
    // Short names ("or", "fer") and ordinary words are mentions only with a dose.
    if (foldKey(s.dci).length <= 3 || (common.has(foldKey(s.dci)) && s.origin === 'bdpm' && s.cisCount < 3)) s.needsDose = true;
  }
  for (const b of brands.values()) {
    const key = foldKey(b.name);
    if (common.has(key) || key.length < 4 || aliasToKey.has(key)) b.needsMark = true;
    for (const d of b.substances) {
      const s = resolveDci(d);
      if (!s.brands.includes(b.name)) s.brands.push(b.name);
    }
  }

  // 5. Dose ranges.
  let rangeCount = 0;
  for (const r of curated.ranges as DoseRange[]) {
    const s = resolveDci(r.substance);
    if (r.source.cis && !r.source.bdpmUrl) r.source.bdpmUrl = bdpmUrl(r.source.cis);
    s.ranges.push({ ...r, substance: s.dci });
    rangeCount++;
  }

  // 5b. The strongest marketed unit per route, for the plausibility envelope.
  const strengths = compileStrengths(bdpm, (name) => {
    const n = substanceName(name);
    const key = n && (aliasToKey.get(foldKey(n)) ?? foldKey(n));
    return key && substances.has(key) ? key : null;
  });
  for (const [key, list] of strengths) substances.get(key)!.strengths = list;

  // 6. Trials: curated first, then acronyms found in the extracts' titles. One trial per NCT id:
  // a second name for the same row becomes an alias ("ULTIMATE 1" for "ULTIMATE I").
  const trials: Trial[] = [];
  const seen = new Set<string>();
  const byNct = new Map<string, Trial>();
  const addTrial = (t: Trial) => {
    const key = foldKey(t.name);
    if (seen.has(key)) return;
    seen.add(key);
    const same = t.nct ? byNct.get(t.nct) : undefined;
    if (same) {
      same.aliases.push(t.name);
      return;
    }
    if (t.nct) byNct.set(t.nct, t);
    trials.push(t);
  };
  for (const t of curated.trials.trials) addTrial({ ...t, nct: t.nct, aliases: [...t.aliases] });
  // A drug or brand name in a title's parenthesis ("(LEMTRADA)") is not a trial's name.
  const isDrugName = (name: string) => aliasToKey.has(foldKey(name)) || brands.has(foldKey(name));
  const trialDir = join(DATA, 'sources', 'trials');
  for (const f of readdirSync(trialDir).filter((f) => f.endsWith('.csv')).sort()) {
    for (const t of readTrialExtract(join(trialDir, f), `data/sources/trials/${f}`, isDrugName)) addTrial(t);
  }

  const substanceList = [...substances.values()].sort((a, b) => a.dci.localeCompare(b.dci, 'fr'));
  const brandList = [...brands.values()].filter((b) => b.substances.length > 0).sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  // A brand whose spécialités name one drug now by its salt, now by its moiety (EXELON: « hydrogénotartrate de
  // rivastigmine » and « rivastigmine »; SINGULAIR: « montélukast acide » and « montélukast ») is a brand of the moiety.
  for (const b of brandList) {
    const moieties = b.substances.filter((x) => !b.substances.some((y) => y !== x && (x.endsWith(` de ${y}`) || x.endsWith(` d'${y}`) || x.startsWith(`${y} `))));
    if (moieties.length === 1) b.substances = moieties;
  }
  // A word of a drug's name (« risédronate », « citrate », « glatiramer ») is not a brand's short name.
  const nameWords = new Set([...substances.values()].flatMap((s) => [s.dci, ...s.aliases]).flatMap((n) => foldKey(n).split(/[^\p{L}\p{N}]+/u)));
  brandList.push(...shortBrands(brandList, (key) => brands.has(key) || isDrugName(key) || common.has(key) || nameWords.has(key)));
  brandList.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return {
    meta: {
      bdpmDate: latestAmmDate(bdpm.specialites),
      builtAt: new Date().toISOString().slice(0, 10),
      counts: { substances: substanceList.length, brands: brandList.length, ranges: rangeCount, trials: trials.length, worldSubstances: substanceList.filter((s) => s.world).length },
    },
    substances: substanceList,
    brands: brandList,
    trials,
    classes: compileClasses(curated.classes, substanceList, (name) => substances.get(aliasToKey.get(foldKey(name)) ?? foldKey(name))),
    abbreviations: curated.names.abbreviations.map((a) => ({ abbreviation: a.abbreviation, dci: a.dci.map((d) => resolveDci(d).dci) })),
    commonWords: [...common].sort(),
    innStems: curated.innStems,
    companies: companiesOf(bdpm.specialites.values(), (k) => common.has(k) || isDrugName(k)),
  };
}

if (require.main === module) {
  const opts = parseArgs(process.argv.slice(2));
  const index = buildIndex(opts);
  mkdirSync(dirname(opts.out), { recursive: true });
  writeIndexFile(opts.out, index);
  console.log(`medlint data: ${JSON.stringify(index.meta.counts)} (BDPM ${index.meta.bdpmDate}) → ${opts.out}`);
}

/**
 * « Symbicort® » for SYMBICORT TURBUHALER and SYMBICORT RAPIHALER: the first word of multi-word brands, as a
 * brand of its own, when every brand it starts names the same drugs and the word is nothing else (at least 5
 * letters, not a brand, drug or ordinary word). Such a word may still be an ordinary one the word list lacks
 * (« dialyse », « soluté »): it counts only in capitals or with ®.
 */
function shortBrands(list: Brand[], taken: (key: string) => boolean): Brand[] {
  const byFirst = new Map<string, Brand[]>();
  for (const b of list) {
    const [first, ...rest] = b.name.split(' ');
    if (rest.length && /^\p{L}{5,}$/u.test(first)) byFirst.set(first, [...(byFirst.get(first) ?? []), b]);
  }
  const out: Brand[] = [];
  for (const [first, group] of byFirst) {
    const drugs = (b: Brand) => [...b.substances].sort().join('+');
    if (taken(foldKey(first)) || group.some((b) => drugs(b) !== drugs(group[0]))) continue;
    const union = (pick: (b: Brand) => string[]) => [...new Set(group.flatMap(pick))];
    out.push({
      name: first, substances: [...group[0].substances], cis: union((b) => b.cis), forms: union((b) => b.forms), routes: union((b) => b.routes),
      conditions: union((b) => b.conditions), needsMark: true, origin: group[0].origin,
    });
  }
  return out;
}
