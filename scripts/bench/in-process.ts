/**
 * The analysis alone, in process (no LSP): index load; each article warm (median of 100 analyses after 200
 * warm-up runs, in 5 fresh processes: on this machine a whole process may run 1.7× slower than the next);
 * the 1 MB document warm (after 15 passes), per MB; the first analysis of the largest article in a fresh process. Example: the
 * 27 KB « Quels traitements pour soulager les douleurs neuropathiques chroniques ? » in ≈1.5 ms warm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { analyze } from '../../server/src/core/analyze';
import { loadLexicon } from '../../server/src/core/load';
import { articles, bigDocument, ROOT } from './documents';
import { goal, median, type Figure } from './figures';

const INDEX = join(ROOT, 'dist', 'medlint-index.bin');
const MB = 1024 * 1024;

function timeWarm(text: string, lex: ReturnType<typeof loadLexicon>, warm = 200, runs = 100): number {
  for (let i = 0; i < warm; i++) analyze(text, lex);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    analyze(text, lex);
    times.push(performance.now() - t);
  }
  return median(times);
}

/** In a fresh process (`--warm <file>`): the warm time of an article, in ms. */
export function warmAnalysis(file: string): void {
  process.stdout.write(JSON.stringify(timeWarm(readFileSync(file, 'utf8'), loadLexicon(INDEX))));
}

/** In a fresh process (`--cold <file>`, or `--cold 1MB` for the 1 MB document): index load, then the first analysis, in ms. */
export function coldAnalysis(file: string): void {
  const text = file === '1MB' ? bigDocument(MB).text : readFileSync(file, 'utf8');
  const t0 = performance.now();
  const lex = loadLexicon(INDEX);
  const t1 = performance.now();
  analyze(text, lex);
  process.stdout.write(JSON.stringify({ load: t1 - t0, analysis: performance.now() - t1 }));
}

/** Runs the bench (dist/bench.js) with `args` in a fresh process, killed after 120 s, and parses what it prints. */
function inFreshProcess<T>(...args: string[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let s = '';
    const child = spawn(process.execPath, [__filename, ...args]);
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stdout.on('data', (d) => (s += d)).on('end', () => {
      clearTimeout(timer);
      try { resolve(JSON.parse(s) as T); } catch { reject(new Error(`fresh process ${args.join(' ')}: no answer`)); }
    });
  });
}

async function perArticle(files: string[]): Promise<Figure[]> {
  const bySize = [...files].sort((a, b) => readFileSync(b).length - readFileSync(a).length);
  const figures: Figure[] = [];
  for (const f of bySize) {
    const kb = readFileSync(f).length / 1024;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await inFreshProcess<number>('--warm', f));
    const largest = f === bySize[0];
    figures.push({
      id: `warm-${f.split('/').pop()!.replace(/\.md$/, '')}`, label: `${f.split('/').pop()} (${kb.toFixed(1)} KB), warm, median of 5 processes`,
      value: median(runs), unit: 'ms', goal: largest ? goal(2, '≤ 2 ms') : undefined, detail: !largest && f !== bySize[bySize.length - 1],
      note: `${Math.min(...runs).toFixed(2)}–${Math.max(...runs).toFixed(2)}; ${(median(runs) / (kb / 1024)).toFixed(0)} ms/MB`,
    });
  }
  return figures;
}

export async function inProcessFigures(): Promise<Figure[]> {
  const t = performance.now();
  const lex = loadLexicon(INDEX);
  const load = performance.now() - t;
  const { index } = lex;
  const figures: Figure[] = [{ id: 'index-load', label: 'index load (read the file, decode the lookup tables)', value: load, unit: 'ms',
    note: `${index.substances.length} substances, ${index.brands.length} brands, ${index.trials.length} trials` }];
  const files = articles();
  figures.push(...(await perArticle(files)));
  const big = bigDocument(MB).text;
  const mb = big.length / MB;
  const t0 = performance.now();
  analyze(big, lex);
  const cold = performance.now() - t0;
  // Warm means V8 has optimised the analysis: on 1 MB that takes some ten passes (the first ones run 5× slower).
  const warm = timeWarm(big, lex, 15, 5);
  figures.push({ id: 'warm-1mb', label: `1 MB document (${mb.toFixed(2)} MB), warm (after 15 passes), per MB`, value: warm / mb, unit: 'ms/MB',
    goal: goal(40, '≤ 40 ms/MB, linear'), note: `${warm.toFixed(0)} ms warm, ${cold.toFixed(0)} ms for its first pass in this process` });
  const largest = [...files].sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  const colds: number[] = [];
  for (let i = 0; i < 5; i++) colds.push((await inFreshProcess<{ analysis: number }>('--cold', largest)).analysis);
  const firsts: number[] = [];
  for (let i = 0; i < 5; i++) firsts.push((await inFreshProcess<{ analysis: number }>('--cold', '1MB')).analysis);
  figures.push({ id: 'cold-1mb', label: '1 MB document: its first analysis in a fresh process (index loaded), median of 5', value: median(firsts), unit: 'ms',
    note: `${Math.min(...firsts).toFixed(0)}–${Math.max(...firsts).toFixed(0)} ms; V8 has compiled nothing yet: the open's floor in a new server` });
  figures.push({ id: 'cold-largest', label: 'first analysis of the largest article in a fresh process (index loaded), median of 5', value: median(colds), unit: 'ms' });
  return figures;
}
