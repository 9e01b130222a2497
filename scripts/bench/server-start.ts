/**
 * Start figures: the server from spawn to its first answer (initialize + a hover on « La prégabaline
 * 150 mg/j. »), full index loaded, with its own marks (MEDLINT_TRACE); and an empty Node.js start, measured in
 * the same run: the reference every time figure is divided by.
 */
import { spawn } from 'node:child_process';
import { Server, within } from './lsp-client';
import { goal, median, type Figure } from './figures';

/** Spawn → exit of `node -e 0`, in ms. */
export async function emptyNode(): Promise<number> {
  const t0 = performance.now();
  await within(new Promise((res) => spawn(process.execPath, ['-e', '0']).on('exit', res)), 30_000, 'node -e 0');
  return performance.now() - t0;
}

/** Spawn → first hover answered, in ms, and the server's marks. */
async function firstAnswer(): Promise<{ total: number; marks: Record<string, number> }> {
  const t0 = performance.now();
  const server = new Server({ MEDLINT_TRACE: '1' });
  try {
    await server.initialize(false);
    const uri = 'file:///bench-start.md';
    await server.open(uri, 'La prégabaline 150 mg/j.');
    await server.request('textDocument/hover', uri, { line: 0, character: 5 }, 30_000);
    return { total: performance.now() - t0, marks: { ...server.marks } };
  } finally {
    server.stop();
  }
}

/** An empty Node start (median of 9) and the server's start (median of 9), interleaved so that both see the same hour. */
export async function startFigures(): Promise<{ nodeStart: number; figures: Figure[] }> {
  const bare: number[] = [];
  const starts: Awaited<ReturnType<typeof firstAnswer>>[] = [];
  for (let i = 0; i < 9; i++) {
    bare.push(await emptyNode());
    starts.push(await firstAnswer());
  }
  const nodeStart = median(bare);
  const total = median(starts.map((s) => s.total));
  const mark = (k: string) => median(starts.map((s) => s.marks[k] ?? NaN)).toFixed(0);
  const figures: Figure[] = [
    { id: 'node-start', label: 'empty Node.js start (spawn → exit of `node -e 0`), median of 9', value: nodeStart, unit: 'ms',
      note: `range ${Math.min(...bare).toFixed(0)}–${Math.max(...bare).toFixed(0)} ms; the reference of the ratios` },
    { id: 'server-start', label: 'server start → first answer (initialize + hover), median of 9', value: total, unit: 'ms',
      goal: goal(150, '≤ 150 ms'), ratio: { to: 'node', value: total / nodeStart }, ratioGoal: goal(1.3, '≤ 1.3× an empty Node start'),
      note: `server's marks, ms since its process started: Node.js ready ${mark('node')}, modules ${mark('modules')}, ` +
        `index ${mark('index-start')} → ${mark('index-end')}, first hover ${mark('first-hover')}` },
  ];
  return { nodeStart, figures };
}

/** The empty Node start again at the end of the run: how far the machine drifted meanwhile. */
export async function nodeStartAfter(): Promise<Figure[]> {
  const bare: number[] = [];
  for (let i = 0; i < 5; i++) bare.push(await emptyNode());
  return [{ id: 'node-start-after', label: 'empty Node.js start again, at the end of the run, median of 5', value: median(bare), unit: 'ms',
    note: 'the drift of the machine during the run; the ratios use the first one' }];
}
