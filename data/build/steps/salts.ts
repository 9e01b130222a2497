/**
 * Salts, esters and counter-ions in BDPM substance names: which part is the active moiety that
 * writers name ("tartrate de métoprolol" → métoprolol, "candésartan cilexétil" → candésartan), and
 * which therapeutic fractions are only a counter-ion ("SODIUM" beside "VALPROATE DE SODIUM").
 * "valproate de sodium" is not a salt of sodium for our purpose: only the acid-side words below
 * introduce a moiety.
 */
const SALT_WORDS = new Set([
  'chlorhydrate', 'dichlorhydrate', 'bromhydrate', 'iodhydrate', 'sulfate', 'hémisulfate', 'hydrogénosulfate',
  'tartrate', 'bitartrate', 'hémitartrate', 'maléate', 'fumarate', 'hémifumarate', 'succinate', 'citrate',
  'acétate', 'mésilate', 'mésylate', 'bésilate', 'bésylate', 'tosilate', 'lactate', 'gluconate', 'phosphate',
  'nitrate', 'méthylsulfate', 'métilsulfate', 'chlorure', 'bromure', 'iodure', 'oxalate', 'malate', 'pamoate', 'embonate', 'propionate',
  'dipropionate', 'valérate', 'butyrate', 'caproate', 'énanthate', 'décanoate', 'palmitate', 'lysinate',
]);
/** Salts of organic bases whose moiety is always the name in use, even when no lexicon confirms it. */
const PLAIN_BASE_SALTS = new Set(['chlorhydrate', 'dichlorhydrate', 'bromhydrate', 'mésilate', 'bésilate', 'maléate', 'tartrate', 'hémitartrate']);
const SALT = /^([\p{L}-]+)(?: acide)? (?:de |d[’'])(.+)$/u;
const ESTER_SUFFIX = / (?:sodique|disodique|monosodique|potassique|dipotassique|calcique|magnésique|cilexétil|étexilate|pégol|médoxomil|axétil|pivoxil|trométamol)$/u;

/**
 * Cations that are never what a salt is called: « chlorure de sodium » is chlorure de sodium (sérum physiologique),
 * not « sodium ».
 */
const NEVER_MOIETY = new Set(['sodium', 'SODIUM']);

/** The active moiety of a salt or ester name, or null when the name is not one. */
export function activeMoiety(name: string): { moiety: string; plainBase: boolean } | null {
  const salt = SALT.exec(name);
  if (salt && NEVER_MOIETY.has(salt[2])) return null;
  if (salt && SALT_WORDS.has(salt[1])) return { moiety: salt[2], plainBase: PLAIN_BASE_SALTS.has(salt[1]) };
  const ester = ESTER_SUFFIX.exec(name);
  return ester ? { moiety: name.slice(0, ester.index), plainBase: false } : null;
}

/** True when the fraction `ft` is the counter-ion of one of the salts ("sodium" in "valproate de sodium"). */
export function isCounterIon(ft: string, salts: string[]): boolean {
  return salts.some((sa) => sa !== ft && (sa.endsWith(` de ${ft}`) || sa.endsWith(` d'${ft}`) || sa.endsWith(` d’${ft}`)));
}
