/**
 * Drug classes (data/curated/classes.json) compiled against the substances: a class gets every substance
 * whose BDPM ATC code falls in its ATC groups, and the listed DCIs the index knows (ATC codes are missing
 * for many substances of the export). A class left with no member is an error in the curated file.
 */
import type { DrugClassEntry, Substance } from '../../../server/src/core/index-types';
import type { CuratedData } from '../sources/curated';

export function compileClasses(curated: CuratedData['classes'], substances: Substance[], resolve: (name: string) => Substance | undefined): DrugClassEntry[] {
  return curated.classes.map((c) => {
    const found = [
      ...(c.atc ? substances.filter((s) => s.atc?.some((code) => c.atc!.some((group) => code.startsWith(group)))) : []),
      ...(c.members ?? []).map(resolve).filter((s): s is Substance => !!s),
    ];
    if (found.length === 0) throw new Error(`classe « ${c.name} » : aucune substance de l'index n'y correspond`);
    const members = [...new Set(found)]
      .sort((a, b) => Number(b.ranges.length > 0) - Number(a.ranges.length > 0) || b.cisCount - a.cisCount || a.dci.localeCompare(b.dci, 'fr'))
      .map((s) => s.dci);
    return { name: c.name, aliases: c.aliases, ...(c.atc ? { atc: c.atc } : {}), members, source: c.source };
  });
}
