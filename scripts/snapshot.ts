/**
 * The analysis of every text the project owns, as one JSON document, to prove that a speed change changes
 * nothing: the bundled and specialty articles, the editor example, every sentence of the safety set, and the
 * bench's 1 MB document. Example: `npx tsx scripts/snapshot.ts > before.json`, change the core, run again,
 * `cmp before.json after.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../server/src/core/analyze';
import { loadLexicon } from '../server/src/core/load';
import { bigDocument, ROOT } from './bench/documents';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const lexicon = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));

function plain(a: Analysis): unknown {
  return {
    blocks: a.prose.blocks.length,
    mentions: a.mentions.map((m) => [m.kind, m.start, m.end, m.text, m.label, m.substances.join('+'), m.candidates?.join('|') ?? '', m.needsDose ? 1 : 0]),
    doses: a.doses.map((d) => [d.start, d.end, d.text, d.drug?.label ?? '', d.attachedBy ?? '', d.substance ?? '', JSON.stringify(d.verdict?.comparison ?? null)]),
    findings: a.findings.map((f) => [f.code, f.start, f.end, f.severity, f.message, (f.suggestions ?? []).join('|'), JSON.stringify(f.fixes ?? [])]),
  };
}

const out: Record<string, unknown> = {};
for (const dir of ['corpus', 'specialties', 'editor']) {
  for (const f of readdirSync(join(FIXTURES, dir)).filter((x) => x.endsWith('.md')).sort()) {
    out[`${dir}/${f}`] = plain(analyze(readFileSync(join(FIXTURES, dir, f), 'utf8'), lexicon));
  }
}
const safety = join(FIXTURES, 'dose-errors');
for (const f of readdirSync(safety).filter((x) => x.endsWith('.json')).sort()) {
  for (const c of JSON.parse(readFileSync(join(safety, f), 'utf8')).cases) {
    for (const [i, t] of (c.correct as string[]).entries()) out[`${f}/${c.drug}/correct/${i}`] = plain(analyze(t, lexicon));
    for (const [i, e] of (c.errors as { text: string }[]).entries()) out[`${f}/${c.drug}/error/${i}`] = plain(analyze(e.text, lexicon));
  }
}
out['bench/1MB'] = plain(analyze(bigDocument(1024 * 1024).text, lexicon));
process.stdout.write(JSON.stringify(out, null, 1));
