/**
 * Pharmaceutical companies, from the BDPM's marketing-authorisation holders (CIS_bdpm, « titulaire »):
 * a company's own name (IDORSIA from « IDORSIA PHARMACEUTICALS DEUTSCHLAND (ALLEMAGNE) »), so that a company
 * written where a brand belongs (« ponesimod (IDORSIA®) ») is told apart from an unknown drug.
 */
import type { Specialite } from '../sources/bdpm';
import { foldKey } from '../../../server/src/core/normalize';

/** Words of a holder's name that do not name the company. */
const GENERIC = new Set([
  'laboratoires', 'laboratoire', 'labo', 'labs', 'pharma', 'pharmaceuticals', 'pharmaceutical', 'pharmaceutique', 'pharmaceutiques',
  'sas', 'sa', 'sarl', 'gmbh', 'ltd', 'limited', 'bv', 'inc', 'ag', 'spa', 'france', 'sante', 'international', 'europe', 'healthcare',
  'generiques', 'groupe', 'societe', 'les', 'des', 'de', 'du', 'la', 'le', 'et', 'the', 'industrie', 'industries', 'medical',
]);

/**
 * Each holder's first name-like word (at least 4 letters), unless it is a drug or brand name or an ordinary
 * word (`taken`): folded key → the holder as the BDPM writes it (first one met).
 */
export function companiesOf(specialites: Iterable<Specialite>, taken: (key: string) => boolean): { name: string; holder: string }[] {
  const found = new Map<string, { name: string; holder: string }>();
  for (const s of specialites) {
    const holder = s.holder.trim();
    const word = holder.split(/[\s\-(),.'’&/]+/).find((w) => !GENERIC.has(foldKey(w)) && /^\p{L}{4,}$/u.test(w));
    if (!word) continue;
    const key = foldKey(word);
    if (found.has(key) || taken(key)) continue;
    found.set(key, { name: word, holder });
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
