/**
 * Checks one curated file before it joins data/curated (used while curating): schema, min ≤ max, every substance
 * name known to the build, every RCP source's CIS in the BDPM under the title given. Writes nothing. It reads the
 * sources and runs the name steps with the build's own readers and steps (build-index.ts), so a name it accepts is
 * one the build resolves.
 *
 *   tsx data/build/check-curated-file.ts <ranges.json>
 *   → « #3 levetiracetam: resolves to « lévétiracétam »; write that name »
 */
import { readFileSync } from 'node:fs';
import { foldKey } from '../../server/src/core/normalize';
import { nameSteps, readSources } from './build-index';
import { invertedRange, schemaProblems } from './sources/curated';
import { sourcePaths } from './sources/paths';
import { findSubstance } from './steps/state';

interface RangeRow { substance: string; min: number; max: number; source?: { type?: string; cis?: string; title?: string } }

/** What is wrong with a ranges file's rows against the sources; `covered` gets the DCIs it names. */
export function rangeFileProblems(data: { ranges?: RangeRow[] }, covered = new Set<string>()): string[] {
  const problems = schemaProblems(sourcePaths().data, 'dose-ranges.schema.json', data).map((p) => `schema: ${p}`);
  const sources = readSources();
  const state = nameSteps(sources);
  for (const [i, r] of (data.ranges ?? []).entries()) {
    const dci = findSubstance(state, r.substance)?.dci;
    if (!dci) problems.push(`#${i} ${r.substance}: unknown to the index (use the DCI as \`medlint data show\` prints it)`);
    else {
      covered.add(dci);
      if (dci !== r.substance) problems.push(`#${i} ${r.substance}: resolves to « ${dci} »; write that name`);
    }
    const inverted = invertedRange(r);
    if (inverted) problems.push(`#${i} ${inverted}`);
    const cis = r.source?.type === 'rcp' ? r.source.cis : undefined;
    const spec = cis ? sources.bdpm.specialites.get(cis) : undefined;
    if (cis && !spec) problems.push(`#${i} ${r.substance}: CIS ${cis} not in CIS_bdpm.txt`);
    if (cis && spec) {
      const brand = foldKey(spec.denomination.split(/[ ,]/)[0]);
      if (!foldKey(r.source!.title ?? '').includes(brand)) problems.push(`#${i} ${r.substance}: CIS ${cis} is « ${spec.denomination} », not « ${r.source!.title} »`);
    }
  }
  return problems;
}

if (require.main === module) {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: tsx data/build/check-curated-file.ts <ranges.json>');
    process.exit(2);
  }
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const covered = new Set<string>();
  const problems = rangeFileProblems(data, covered);
  for (const p of problems) console.log(p);
  console.log(`${(data.ranges ?? []).length} ranges, ${covered.size} substances, ${problems.length} problems`);
  process.exit(problems.length ? 1 : 0);
}
