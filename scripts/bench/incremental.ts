/**
 * The incremental analysis (core/incremental.ts) on the 1 MB document, in process: the first pass (against a
 * plain `analyze`), then « prégabaline 150 mg/j » typed one character at a time in its middle, each keystroke
 * analysed afresh by `analyze` (before) and by the document's incremental analyzer (after). Example: a
 * keystroke in 1 MB, ≈200–400 ms re-analysed whole, a few ms incrementally.
 */
import { analyze } from '../../server/src/core/analyze';
import { createDocumentAnalyzer } from '../../server/src/core/incremental';
import { loadLexicon } from '../../server/src/core/load';
import { join } from 'node:path';
import { bigDocument, ROOT, TYPED as TYPED_ROUNDS } from './documents';
import { goal, median, type Figure } from './figures';

const TYPED = TYPED_ROUNDS.diagnostics;

/** The texts after each keystroke, typed at the start of the document's empty line `line`. */
function keystrokes(text: string, line: number): string[] {
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return [...TYPED].map((_, k) => text.slice(0, at) + TYPED.slice(0, k + 1) + text.slice(at));
}

/** CPU time of each call, beside the wall time (on a loaded 2-core machine the wall time is mostly waiting). */
const cpu: number[] = [];
function timed(f: () => unknown): number {
  const t = performance.now(), c = process.cpuUsage();
  f();
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  return performance.now() - t;
}

export async function incrementalFigures(): Promise<Figure[]> {
  const lex = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
  const doc = bigDocument(1024 * 1024);
  const texts = keystrokes(doc.text, doc.lines.diagnostics);
  analyze(doc.text, lex); // warm the code and the word caches, as an editor session would
  cpu.length = 0;
  const full = texts.slice(0, 5).map((t) => timed(() => analyze(t, lex)));
  const fullCpu = median(cpu);
  const firstPlain = timed(() => analyze(doc.text, lex));
  const incremental = createDocumentAnalyzer(lex);
  const firstIncremental = timed(() => incremental.analyze(doc.text));
  cpu.length = 0;
  const edits = texts.map((t) => timed(() => incremental.analyze(t)));
  const editsCpu = median(cpu);
  const { stretches } = incremental.stats();
  const sorted = [...edits].sort((a, b) => a - b);
  return [
    { id: 'edit-1mb-full', label: 'one-character edit in 1 MB → analysis, whole text re-analysed (before), median of 5', value: median(full), unit: 'ms',
      note: `CPU ${fullCpu.toFixed(0)} ms` },
    { id: 'edit-1mb-incremental', label: 'one-character edit in 1 MB → analysis, incremental (core/incremental.ts), median of 20 keystrokes', value: median(edits), unit: 'ms',
      goal: goal(20, '≤ 20 ms'), note: `p90 ${sorted[Math.floor(sorted.length * 0.9)].toFixed(1)} ms; CPU ${editsCpu.toFixed(1)} ms (${(fullCpu / editsCpu).toFixed(0)}× less); ${stretches} stretches memoised` },
    { id: 'first-1mb-incremental', label: '1 MB first pass, incremental analyzer vs plain analyze', value: firstIncremental, unit: 'ms',
      note: `plain analyze ${firstPlain.toFixed(0)} ms in the same process` },
  ];
}
