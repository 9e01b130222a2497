/**
 * Writes data/AUDIT.md: 40 ranges drawn at random (seeded, so the draw is reproducible) with what
 * each rests on, for a person to check against the source.
 *
 *   npm run data:audit [-- --seed <n>]
 *
 * The RCP text itself is not reproduced (we take facts and figures, never sentences): each entry gives
 * the page that was read, the BDPM page and our own summary of the passage.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIndex } from './build-index';
import { sourcePaths } from './sources/paths';
import { describeRange, describeSource } from '../../server/src/core/checks';
import type { DoseRange } from '../../server/src/core/index-types';

const ROOT = resolve(__dirname, '..', '..');
export const AUDIT_SIZE = 40;

/** mulberry32: a small seeded generator, enough for a reproducible draw. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function drawRanges(ranges: DoseRange[], seed: number, n = AUDIT_SIZE): DoseRange[] {
  const next = random(seed);
  const pool = [...ranges];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}

export function auditMarkdown(ranges: DoseRange[], seed: number, total: number, bdpmDate: string): string {
  const lines = [
    '# Audit des fourchettes posologiques',
    '',
    `${ranges.length} fourchettes tirées au hasard parmi ${total} (graine ${seed}, données BDPM du ${bdpmDate}), générées par`,
    '`npm run data:audit`. Pour chacune : ouvrir la source, vérifier les chiffres, le contexte, la voie et la base',
    '(par jour, par prise…), puis cocher. Le texte des RCP n’est pas recopié ici : la page lue et la fiche BDPM',
    'sont données, avec notre résumé du passage.',
    '',
  ];
  ranges.forEach((r, i) => {
    const s = r.source;
    lines.push(`## ${i + 1}. ${r.substance} — ${describeRange(r)}`, '');
    lines.push(`- Voie : ${r.route} ; population : ${r.population}`);
    lines.push(`- Source (${s.type}) : ${describeSource(r)}`);
    lines.push(`- Page lue : <${s.url}>`);
    if (s.bdpmUrl) lines.push(`- Fiche BDPM : <${s.bdpmUrl}>`);
    if (r.note) lines.push(`- Ce que dit la source (résumé) : ${r.note}`);
    lines.push('- [ ] vérifié par : … le : …', '');
  });
  return lines.join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const seed = argv.includes('--seed') ? Number(argv[argv.indexOf('--seed') + 1]) : 2026;
  const index = buildIndex({ bdpmDir: sourcePaths().bdpm, out: '' });
  const ranges = index.substances.flatMap((s) => s.ranges);
  const out = join(ROOT, 'data', 'AUDIT.md');
  writeFileSync(out, auditMarkdown(drawRanges(ranges, seed), seed, ranges.length, index.meta.bdpmDate));
  console.log(`${out} : ${AUDIT_SIZE} fourchettes sur ${ranges.length}`);
}
