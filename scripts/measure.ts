/**
 * Measures the dose engine on the project's own sets: the safety set (test/fixtures/dose-errors: errors
 * flagged, correct doses silent) and the specialty articles (test/fixtures/specialties: doses read and
 * attached, alarms on correct doses). Prints the scores; `--verbose` lists every miss.
 *
 *   npx tsx scripts/measure.ts [--verbose]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../server/src/core/analyze';
import { loadLexicon } from '../server/src/core/load';

const ROOT = join(__dirname, '..');
const verbose = process.argv.includes('--verbose');
const lexicon = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
const alarm = (f: { code: string; severity: string }) => f.code.startsWith('dose-') && (f.severity === 'warning' || f.severity === 'error');

export interface SafetyScore { errors: number; flagged: number; correct: number; silent: number; misses: string[]; falseAlarms: string[] }

export function measureSafety(): SafetyScore {
  const dir = join(ROOT, 'test', 'fixtures', 'dose-errors');
  const score: SafetyScore = { errors: 0, flagged: 0, correct: 0, silent: 0, misses: [], falseAlarms: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    for (const c of JSON.parse(readFileSync(join(dir, file), 'utf8')).cases) {
      for (const text of c.correct) {
        score.correct++;
        const found = analyze(text, lexicon).findings.filter(alarm);
        if (found.length) score.falseAlarms.push(`${file} ${c.drug}: ${text}\n    → ${found.map((f) => `${f.code}: ${f.message}`).join('\n    → ')}`);
        else score.silent++;
      }
      for (const e of c.errors) {
        score.errors++;
        if (analyze(e.text, lexicon).findings.some(alarm)) score.flagged++;
        else {
          const a = analyze(e.text, lexicon);
          score.misses.push(`${file} ${c.drug} [${e.kind}]: ${e.text}\n    doses: ${a.doses.map((d) => `${d.text} → ${d.drug?.id ?? '∅'} ${d.verdict?.comparison.verdict ?? ''} ${d.verdict?.comparison.reason ?? ''}`).join(' | ')}`);
        }
      }
    }
  }
  return score;
}

export interface ArticleScore { doses: number; read: number; attached: number; alarms: string[] }

/** Offset of the k-th (0-based) occurrence of `text` in `line` not preceded by a digit, comma or letter; -1 if none. */
export function wholeOccurrence(line: string, text: string, k: number): number {
  for (let i = line.indexOf(text); i >= 0; i = line.indexOf(text, i + 1)) {
    if (i > 0 && /[\p{L}\d,]/u.test(line[i - 1])) continue;
    if (k-- === 0) return i;
  }
  return -1;
}

export function measureArticles(): ArticleScore {
  const dir = join(ROOT, 'test', 'fixtures', 'specialties');
  const score: ArticleScore = { doses: 0, read: 0, attached: 0, alarms: [] };
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, file.replace(/\.md$/, '.doses.json')), 'utf8'));
    const a = analyze(text, lexicon);
    const lines = text.split('\n');
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    const lineStarts = [0];
    for (const l of lines) lineStarts.push(lineStarts[lineStarts.length - 1] + l.length + 1);
    const seen = new Map<string, number>();
    for (const d of gold.doses) {
      score.doses++;
      // The gold dose where it is written: its k-th whole occurrence on its line (« 5 mg » is not inside « 15 mg »).
      const key = `${d.line}\u0000${d.text}`;
      const k = seen.get(key) ?? 0;
      seen.set(key, k + 1);
      const at = wholeOccurrence(lines[d.line - 1] ?? '', d.text, k);
      const start = lineStarts[d.line - 1] + at, end = start + d.text.length;
      const found = at < 0 ? undefined : a.doses.find((x) => x.start < end && start < x.end);
      if (found) score.read++;
      const goldDci = lexicon.substance(d.drug)?.dci ?? d.drug;
      // The drug a dose went to names the gold DCI (« vitamine D » → colécalciférol; « bromure de rocuronium »).
      // An ambiguous abbreviation counts when the gold DCI is one of its candidates, a salt when it names the DCI.
      const names = found?.drug ? [found.drug.id, ...found.drug.substances, ...(found.drug.candidates ?? [])] : [];
      if (names.some((n) => { const dci = lexicon.substance(n)?.dci ?? n; return dci === goldDci || dci.endsWith(` de ${goldDci}`); })) score.attached++;
      else if (verbose) console.log(`  not attached ${file}:${d.line} « ${d.text} » (${d.drug}) → ${found ? found.drug?.id ?? '∅' : 'not read'} | ${lines[d.line - 1].slice(0, 120)}`);
    }
    for (const f of a.findings.filter((x) => alarm(x) || x.code === 'unknown-drug')) score.alarms.push(`${file}:${lineOf(f.start)} ${f.severity} ${f.code}: ${f.message}`);
  }
  return score;
}

if (require.main === module) {
  const s = measureSafety();
  console.log(`safety set: ${s.flagged}/${s.errors} errors flagged (${((100 * s.flagged) / s.errors).toFixed(1)} %), ${s.silent}/${s.correct} correct doses silent (${s.correct - s.silent} false alarms)`);
  if (verbose) for (const m of [...s.misses, ...s.falseAlarms]) console.log('  ' + m);
  const a = measureArticles();
  console.log(`specialty articles: ${a.read}/${a.doses} doses read, ${a.attached}/${a.doses} attached to the right drug, ${a.alarms.length} alarms (dose warnings/errors and unknown drugs)`);
  for (const m of a.alarms) console.log('  ' + m);
}
