/**
 * Benchmark: prints figures, asserts nothing.
 *   - index load time;
 *   - ms per corpus article, warm (median of 100 runs after 200 warm-up runs: the steady state of an editor session),
 *     measured in 5 fresh processes: on this kind of virtual machine a whole process may run some 1.7 times
 *     slower than the next, so one process is one draw; the median of the 5 and their range are printed;
 *   - ms for a ~1 MB article made of the corpus, warm;
 *   - the first analysis of the largest article in a fresh process (what a writer waits for on opening it);
 *   - the server's time from spawn to its first answer (initialize + a hover), full index loaded.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { analyze } from '../server/src/core/analyze';
import { loadLexicon } from '../server/src/core/load';

const ROOT = join(__dirname, '..');
const corpus = join(ROOT, 'test', 'fixtures', 'corpus');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

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

/** Time to the first hover answer, and the server's own marks (MEDLINT_TRACE: ms since its process started). */
async function serverFirstAnswer(): Promise<{ total: number; marks: Record<string, number> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { env: { ...process.env, MEDLINT_TRACE: '1' } });
  const marks: Record<string, number> = {};
  child.stderr.on('data', (d: Buffer) => {
    for (const m of d.toString().matchAll(/medlint-trace (\S+) ([\d.]+)/g)) marks[m[1]] = Number(m[2]);
  });
  const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  conn.listen();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} });
  const uri = 'file:///bench.md';
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'La prégabaline 150 mg/j.' } });
  await conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } });
  const total = performance.now() - t0;
  conn.dispose();
  child.kill();
  return { total, marks };
}

/** In a fresh process (`--warm`): the warm time of an article, in ms. */
function warmAnalysis(file: string): void {
  process.stdout.write(JSON.stringify(timeWarm(readFileSync(file, 'utf8'), loadLexicon(join(ROOT, 'dist', 'medlint-index.bin')))));
}

/** Runs this script with `args` in a fresh process and returns what it prints, parsed. */
async function inFreshProcess<T>(...args: string[]): Promise<T> {
  const out = await new Promise<string>((res) => {
    let s = '';
    spawn(process.execPath, [__filename, ...args]).stdout.on('data', (d) => (s += d)).on('end', () => res(s));
  });
  return JSON.parse(out) as T;
}

/** In a fresh process (`--cold`): index load, then the first analysis of an article, in ms. */
function coldAnalysis(file: string): void {
  const t0 = performance.now();
  const lex = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
  const t1 = performance.now();
  analyze(readFileSync(file, 'utf8'), lex);
  process.stdout.write(JSON.stringify({ load: t1 - t0, analysis: performance.now() - t1 }));
}

async function main() {
  let t = performance.now();
  const lex = loadLexicon(join(ROOT, 'dist', 'medlint-index.bin'));
  console.log(`index load: ${(performance.now() - t).toFixed(1)} ms (${lex.index.substances.length} substances, ${lex.index.brands.length} brands, ${lex.index.trials.length} trials)`);
  const articles = readdirSync(corpus).filter((f) => f.endsWith('.md') && !/^(README|GOLD)/.test(f));
  let all = '';
  for (const f of articles) {
    const text = readFileSync(join(corpus, f), 'utf8');
    all += text + '\n\n';
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) runs.push(await inFreshProcess<number>('--warm', join(corpus, f)));
    console.log(`${f} (${(text.length / 1024).toFixed(1)} KB): ${median(runs).toFixed(2)} ms warm ` +
      `(median of 5 processes; ${Math.min(...runs).toFixed(2)}–${Math.max(...runs).toFixed(2)})`);
  }
  let big = '';
  while (big.length < 1024 * 1024) big += all;
  t = performance.now();
  analyze(big, lex);
  console.log(`1 MB article (${(big.length / 1024 / 1024).toFixed(2)} MB): ${(performance.now() - t).toFixed(0)} ms cold, ${timeWarm(big, lex, 2, 5).toFixed(0)} ms warm`);
  const largest = articles.map((f) => join(corpus, f)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  const colds: number[] = [];
  for (let i = 0; i < 5; i++) colds.push((await inFreshProcess<{ analysis: number }>('--cold', largest)).analysis);
  console.log(`first analysis of the largest article in a fresh process (index loaded): ${median(colds).toFixed(0)} ms (median of 5)`);
  const starts: Awaited<ReturnType<typeof serverFirstAnswer>>[] = [];
  for (let i = 0; i < 9; i++) starts.push(await serverFirstAnswer());
  const mark = (k: string) => median(starts.map((s) => s.marks[k] ?? NaN)).toFixed(0);
  console.log(`server start → first answer (initialize + hover): ${median(starts.map((s) => s.total)).toFixed(0)} ms (median of 9)`);
  console.log(`  inside the server, ms since its process started (medians): Node.js ready ${mark('node')}, modules loaded ${mark('modules')}, ` +
    `index loaded ${mark('index-start')} → ${mark('index-end')}, first hover answered ${mark('first-hover')}`);
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await new Promise((res) => spawn(process.execPath, ['-e', '0']).on('exit', res));
    bare.push(performance.now() - t0);
  }
  console.log(`  of which Node.js itself (spawn → exit of an empty script): ${median(bare).toFixed(0)} ms (median of 5)`);
}

if (process.argv[2] === '--cold') coldAnalysis(process.argv[3]);
else if (process.argv[2] === '--warm') warmAnalysis(process.argv[3]);
else void main();
