/**
 * The bench's record: bench/results.json (every figure, the machine, its load), and the README's speed table,
 * rewritten from it between `<!-- bench:start -->` and `<!-- bench:end -->` (`npm run bench -- --readme`;
 * `node dist/bench.js --readme-only` rewrites it from the last results without measuring). Example of a row:
 *   | `medlint check` over the same corpus | 997 ms | 0.11× cSpell | | | (cSpell: « prégabaline » unknown) |
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './documents';
import { formatGoals, formatRatio, formatValue, verdict, type Figure } from './figures';

const RESULTS = join(ROOT, 'bench', 'results.json');
const README = join(ROOT, 'README.md');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export interface Results {
  date: string;
  machine: { cpus: number; model: string; memoryGB: number; node: string; loadBefore: number[]; loadAfter: number[] };
  seconds: number;
  figures: Figure[];
}

export function machine(loadBefore: number[]): Results['machine'] {
  const c = cpus();
  return { cpus: c.length, model: c[0]?.model ?? '', memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version,
    loadBefore: loadBefore.map((x) => Number(x.toFixed(1))), loadAfter: loadavg().map((x) => Number(x.toFixed(1))) };
}

export function writeResults(r: Results): void {
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const round = (_: string, v: unknown) => (typeof v !== 'number' || Number.isInteger(v) ? v
    : Number(Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)));
  writeFileSync(RESULTS, JSON.stringify(r, round, 2) + '\n');
  console.log(`written: ${RESULTS}`);
}

export function readResults(): Results {
  return JSON.parse(readFileSync(RESULTS, 'utf8')) as Results;
}

/** The table in Markdown, with the run's date and the machine's load (the 1-minute load average, 2 cores: 2 = busy). */
export function table(r: Results): string {
  const m = r.machine;
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = r.figures.filter((f) => !f.detail).map((f) =>
    `| ${esc(f.label)} | ${formatValue(f)} | ${formatRatio(f)} | ${esc(formatGoals(f))} | ${verdict(f)} | ${esc(f.note ?? '')} |`);
  return [
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${m.cpus} cores, Node.js ${m.node}, ${Math.round(r.seconds)} s; ` +
      `load average ${m.loadBefore[0]} before, ${m.loadAfter[0]} after` +
      (Math.max(m.loadBefore[0], m.loadAfter[0]) > m.cpus
        ? ` (on ${m.cpus} cores: a loaded machine, other sessions running; read the ratios rather than the absolute times).`
        : ' (a quiet machine).'),
    '',
    '| figure | measured | ratio | goal (issue 13) | | detail |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Rewrites the README's table between the markers; says so if the markers are missing. */
export function rewriteReadme(r: Results): void {
  const text = readFileSync(README, 'utf8');
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (a < 0 || b < a) {
    console.error(`README.md: markers ${START} / ${END} not found; table not written`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(README, `${text.slice(0, a + START.length)}\n${table(r)}\n${text.slice(b)}`);
  console.log('README.md: speed table rewritten from bench/results.json');
}
