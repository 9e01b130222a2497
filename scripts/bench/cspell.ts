/**
 * The same articles through two command lines, in the same run: cSpell (npm package `cspell`, with the French
 * dictionary @cspell/dict-fr-fr, bench/cspell.json; it flags « prégabaline » as unknown) and MedLint's
 * `medlint check`. Both spawned as a writer or CI would, no network; the median of 3 each, interleaved.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './documents';
import { median, type Figure } from './figures';

const RUN_MS = 120_000;

/** Spawn → exit, in ms, and the number of lines printed (cSpell: one per unknown word); undefined past 120 s. */
function timed(args: string[]): Promise<{ ms: number; lines: number } | undefined> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
    let lines = 0;
    child.stdout.on('data', (d: Buffer) => { lines += d.toString().split('\n').length - 1; });
    const timer = setTimeout(() => { child.kill('SIGKILL'); resolve(undefined); }, RUN_MS);
    child.on('exit', () => { clearTimeout(timer); resolve({ ms: performance.now() - t0, lines }); });
  });
}

export async function cspellFigures(): Promise<Figure[]> {
  const cspell = [join(ROOT, 'node_modules', 'cspell', 'bin.mjs'), '--no-progress', '--no-summary', '--no-cache',
    '--config', join(ROOT, 'bench', 'cspell.json'), 'test/fixtures/corpus/*.md'];
  const medlint = [join(ROOT, 'dist', 'cli.js'), 'check', 'test/fixtures/corpus'];
  const c: number[] = [];
  const m: number[] = [];
  let unknown = 0;
  for (let i = 0; i < 3; i++) {
    const a = await timed(cspell);
    if (a) { c.push(a.ms); unknown = a.lines; }
    const b = await timed(medlint);
    if (b) m.push(b.ms);
  }
  const cs = c.length ? median(c) : undefined;
  const ml = m.length ? median(m) : undefined;
  return [
    { id: 'cspell-corpus', label: 'cSpell CLI over the corpus (7 files, 65 KB; French dictionary), median of 3', value: cs, unit: 'ms',
      shown: cs === undefined ? '> 120 s' : undefined, note: `${unknown} unknown words reported; spawn → exit` },
    { id: 'medlint-corpus', label: '`medlint check` over the same corpus, median of 3', value: ml, unit: 'ms',
      ratio: cs && ml ? { to: 'cspell', value: ml / cs } : undefined, note: 'spawn → exit, index load included' },
  ];
}
