/**
 * Timing helpers for the linearity tests, measured in-process with generous bounds (a loaded 2-core VM
 * runs some processes 2× slower): the time per KB of a text against a normal article's
 * (« La prégabaline (LYRICA) 150 à 600 mg/j… », douleurs-neuropathiques.md, warm).
 */
import { spawnSync } from 'node:child_process';
import { analyze } from '../../server/src/core/analyze';
import { fixture, lexicon, ROOT } from '../helpers';

/** The fastest of `runs` calls, in ms (the fastest is the least disturbed by the machine). */
export function fastest(f: () => unknown, runs = 2): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const article = fixture('douleurs-neuropathiques.md');

/**
 * How many times longer `f` takes than `baseline`, measured side by side; the least of up to 3 attempts
 * (stopping under `limit`), so that a busy neighbour on the machine is not taken for a regression.
 */
export function timeRatio(f: () => unknown, baseline: () => unknown, limit: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= limit; attempt++) {
    const base = Math.max(fastest(baseline, 2), 0.05);
    best = Math.min(best, fastest(f, 1) / base);
  }
  return best;
}

/** A normal article repeated to `length` characters: the baseline for a text of that size. */
export function normalText(length: number): string {
  return article.repeat(Math.ceil(length / article.length)).slice(0, length);
}
let warm = false;

/** ms per KB of the largest corpus article, warm, measured now (the machine's load changes). */
export function normalMsPerKb(): number {
  const lex = lexicon();
  if (!warm) for (let i = 0; i < 30; i++) analyze(article, lex);
  warm = true;
  return fastest(() => analyze(article, lex), 3) / (article.length / 1024);
}

/**
 * Time per KB of analysing `text`, as a multiple of a normal article's, measured side by side; a ratio over
 * `limit` is measured again (up to 3 times, the least is kept): a busy neighbour is not a regression.
 */
export function analysisRatio(text: string, limit = Infinity): { ratio: number; ms: number } {
  const lex = lexicon();
  let best = { ratio: Infinity, ms: Infinity };
  for (let attempt = 0; attempt < 3 && best.ratio >= limit; attempt++) {
    const normal = normalMsPerKb();
    const ms = fastest(() => analyze(text, lex), 1);
    const ratio = ms / (text.length / 1024) / normal;
    if (ratio < best.ratio) best = { ratio, ms };
  }
  return best;
}

/**
 * Runs `code` (an ES module body that may import the sources, with `ROOT` defined and `elapsed` to set) in a
 * child process killed after `limitMs`: an input that still takes minutes today fails in seconds.
 * Returns the `elapsed` the child printed, or Infinity when it was killed.
 */
export function timedInChild(code: string, limitMs: number): number {
  const script = `const ROOT = ${JSON.stringify(ROOT)}; let elapsed = NaN;\n${code}\nconsole.log('elapsed=' + elapsed);`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: limitMs });
  const m = /elapsed=([\d.]+)/.exec(run.stdout ?? '');
  if (!m) {
    if (run.error || run.signal) return Infinity;
    throw new Error(run.stderr);
  }
  return Number(m[1]);
}
