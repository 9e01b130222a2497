/**
 * Benchmark (`npm run bench`): prints figures, asserts nothing, stops by itself (a watchdog ends it after
 * 15 minutes). What a writer feels, through the real server over stdio (scripts/bench/server-*.ts): start →
 * first answer; a 1 MB document opened (pull and push), typed into one character at a time (« prégabaline
 * 150 mg/j »), hover and completion, memory; a 10 MB document. The warm analysis in process
 * (scripts/bench/in-process.ts), and cSpell over the same articles (scripts/bench/cspell.ts).
 * Each figure is printed with its goal and its ratio to an empty Node.js start or to cSpell, measured in the
 * same run; all of them go to bench/results.json.
 *
 *   npm run bench                     measure, print, write bench/results.json
 *   npm run bench -- --readme         …and rewrite the README's speed table
 *   node dist/bench.js --readme-only  rewrite the table from bench/results.json, without measuring
 */
import { loadavg } from 'node:os';
import { coldAnalysis, inProcessFigures, warmAnalysis } from './bench/in-process';
import { nodeStartAfter, startFigures } from './bench/server-start';
import { bigDocument, pullSession, pushSession, tenMegabytes } from './bench/server-load';
import { cspellFigures } from './bench/cspell';
import { incrementalFigures } from './bench/incremental';
import { printFigure, withRatios, type Figure } from './bench/figures';
import { machine, readResults, rewriteReadme, writeResults } from './bench/report';

const WATCHDOG_MS = 15 * 60_000;

/** Runs one step, prints its figures as they come; a failed step is reported and the bench goes on. */
async function step(name: string, run: () => Promise<Figure[]>, nodeStart: number): Promise<Figure[]> {
  console.log(`\n— ${name}`);
  try {
    const figures = withRatios(await run(), nodeStart);
    figures.forEach(printFigure);
    return figures;
  } catch (e) {
    console.log(`${name}: failed (${(e as Error).message})`);
    return [];
  }
}

async function main(readme: boolean): Promise<void> {
  setTimeout(() => { console.error(`bench: stopped after ${WATCHDOG_MS / 60_000} min`); process.exit(2); }, WATCHDOG_MS).unref();
  const began = new Date();
  const loadBefore = loadavg();
  const t0 = performance.now();
  console.log(`— start (load average ${loadBefore.map((x) => x.toFixed(1)).join(' ')})`);
  const { nodeStart, figures: start } = await startFigures();
  withRatios(start, nodeStart).forEach(printFigure);
  const doc = bigDocument(1024 * 1024);
  const figures = [
    ...start,
    ...(await step('1 MB document, pull diagnostics (as VS Code)', () => pullSession(doc), nodeStart)),
    ...(await step('1 MB document, push diagnostics', () => pushSession(doc), nodeStart)),
    ...(await step('10 MB document (given up after 60 s)', tenMegabytes, nodeStart)),
    ...(await step('cSpell over the same corpus', cspellFigures, nodeStart)),
    ...(await step('analysis in process (no LSP)', inProcessFigures, nodeStart)),
    ...(await step('incremental analysis in process (no LSP)', incrementalFigures, nodeStart)),
    ...(await step('the machine at the end', nodeStartAfter, nodeStart)),
  ];
  const results = { date: began.toISOString(), machine: machine(loadBefore), seconds: (performance.now() - t0) / 1000, figures: withRatios(figures, nodeStart) };
  console.log(`\nload average after: ${results.machine.loadAfter.join(' ')}; ${results.seconds.toFixed(0)} s`);
  writeResults(results);
  if (readme) rewriteReadme(readResults()); // as written (rounded), so that --readme-only gives the same table
  process.exit(); // the servers are killed on exit (lsp-client.ts)
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--cold') coldAnalysis(arg);
else if (mode === '--warm') warmAnalysis(arg);
else if (mode === '--readme-only') rewriteReadme(readResults());
else if (mode === '--incremental') void incrementalFigures().then((f) => f.forEach(printFigure));
else void main(mode === '--readme');
