/**
 * Checks one curated file before it joins data/curated (used while curating):
 * schema, min ≤ max, and every substance name known to the compiled index.
 * Writes nothing.
 *
 *   tsx data/build/check-curated-file.ts <ranges.json> [--index dist/medlint-index.bin]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { foldKey } from '../../server/src/core/normalize';
import { loadLexicon } from '../../server/src/core/load';

const ROOT = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
const indexPath = args.includes('--index') ? args[args.indexOf('--index') + 1] : join(ROOT, 'dist', 'medlint-index.bin');
if (!file) {
  console.error('usage: tsx data/build/check-curated-file.ts <ranges.json>');
  process.exit(2);
}
const schema = JSON.parse(readFileSync(join(ROOT, 'data', 'schema', 'dose-ranges.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const data = JSON.parse(readFileSync(file, 'utf8'));
const problems: string[] = [];
if (!validate(data)) for (const e of validate.errors ?? []) problems.push(`schema: ${e.instancePath} ${e.message}`);

const index = loadLexicon(indexPath).index;
const known = new Map<string, string>();
for (const s of index.substances) {
  known.set(foldKey(s.dci), s.dci);
  for (const a of s.aliases) if (!known.has(foldKey(a))) known.set(foldKey(a), s.dci);
}
const cisLines = readFileSync(join(ROOT, 'data', 'sources', 'bdpm', 'CIS_bdpm.txt'), 'latin1').split('\n');
const cisName = new Map(cisLines.map((l) => l.split('\t')).map((c) => [c[0], c[1]]));
const covered = new Set<string>();
for (const [i, r] of (data.ranges ?? []).entries()) {
  const dci = known.get(foldKey(r.substance));
  if (!dci) problems.push(`#${i} ${r.substance}: unknown to the index (use the DCI as \`medlint data show\` prints it)`);
  else {
    covered.add(dci);
    if (dci !== r.substance) problems.push(`#${i} ${r.substance}: resolves to « ${dci} »; write that name`);
  }
  if (r.min > r.max) problems.push(`#${i} ${r.substance}: min ${r.min} > max ${r.max}`);
  if (r.source?.type === 'rcp' && r.source.cis && !cisName.has(r.source.cis)) problems.push(`#${i} ${r.substance}: CIS ${r.source.cis} not in CIS_bdpm.txt`);
  if (r.source?.type === 'rcp' && r.source.cis && cisName.has(r.source.cis)) {
    const brand = foldKey(cisName.get(r.source.cis)!.split(/[ ,]/)[0]);
    if (!foldKey(r.source.title).includes(brand)) problems.push(`#${i} ${r.substance}: CIS ${r.source.cis} is « ${cisName.get(r.source.cis)} », not « ${r.source.title} »`);
  }
}
for (const p of problems) console.log(p);
console.log(`${(data.ranges ?? []).length} ranges, ${covered.size} substances, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
