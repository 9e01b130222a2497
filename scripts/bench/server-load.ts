/**
 * What a writer feels on a long document, through the real server over stdio: a 1 MB document opened
 * (diagnostics pulled as VS Code does, and pushed as other editors get them), then typed into one character
 * at a time (« prégabaline 150 mg/j »: 20 incremental didChange), with the diagnostics, completion and hover
 * that follow each keystroke; hover and completion without edits; the server's memory; and a 10 MB document,
 * given up after 60 s. Every loop is bounded in count and in time.
 */
import { Server, memoryMB } from './lsp-client';
import { at, bigDocument, TYPED, type BigDocument } from './documents';
import { goal, median, percentile, type Figure } from './figures';

const MB = 1024 * 1024;
const REQUEST_MS = 60_000;
/** A round of typing stops at its 20 characters or after this long, whichever comes first. */
const ROUND_MS = 120_000;

/** Types `text` on `line`, one incremental didChange per character; after each, times `then(cursor)` from the edit. */
async function typingRound(server: Server, uri: string, line: number, text: string, then: (character: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ROUND_MS;
  for (let i = 0; i < text.length && performance.now() < end; i++) {
    const t0 = performance.now();
    await server.insert(uri, at(line, i), text[i]);
    await then(i + 1);
    times.push(performance.now() - t0);
  }
  return times;
}

/** Hovers and completions with no edit between them: 100 each at most, 60 s at most; completion sizes in bytes. */
async function steady(server: Server, uri: string, doc: BigDocument) {
  const hovers: number[] = [];
  const completions: number[] = [];
  const sizes: number[] = [];
  const end = performance.now() + 60_000;
  const hoverAt = [at(doc.lines.diagnostics, 3), at(doc.lines.diagnostics, 14), at(doc.lines.hover, 3), at(doc.lines.hover, 12)];
  for (let i = 0; i < 100 && performance.now() < end; i++) {
    let t0 = performance.now();
    await server.request('textDocument/hover', uri, hoverAt[i % hoverAt.length], REQUEST_MS);
    hovers.push(performance.now() - t0);
    // After « pr », « pré »… « prégabaline », then « ci »… « ciclosporine ».
    const [line, len] = i % 2 ? [doc.lines.diagnostics, 2 + (i % 10)] : [doc.lines.completion, 2 + (i % 11)];
    t0 = performance.now();
    const items = await server.request<unknown>('textDocument/completion', uri, at(line, len), REQUEST_MS);
    completions.push(performance.now() - t0);
    sizes.push(Buffer.byteLength(JSON.stringify(items)));
  }
  return { hovers, completions, sizes };
}

const p = (xs: number[]) => `p50 ${median(xs).toFixed(1)} ms, p99 ${percentile(xs, 99).toFixed(1)} ms, n = ${xs.length}`;

/** The pull session (VS Code's way): open, 3 rounds of typing, steady hover and completion, memory. */
export async function pullSession(doc: BigDocument): Promise<Figure[]> {
  const server = new Server();
  const uri = 'file:///bench-1mb.md';
  try {
    await server.initialize(true);
    const rssStart = server.rss();
    const t0 = performance.now();
    await server.open(uri, doc.text);
    const n = await server.pull(uri, REQUEST_MS);
    const open = performance.now() - t0;
    const rssOpen = server.rss();
    const diag = await typingRound(server, uri, doc.lines.diagnostics, TYPED.diagnostics, () => server.pull(uri, REQUEST_MS));
    const rssEdits = server.rss();
    const compl = await typingRound(server, uri, doc.lines.completion, TYPED.completion,
      (c) => server.request('textDocument/completion', uri, at(doc.lines.completion, c), REQUEST_MS));
    const hover = await typingRound(server, uri, doc.lines.hover, TYPED.hover,
      () => server.request('textDocument/hover', uri, at(doc.lines.hover, 3), REQUEST_MS));
    const s = await steady(server, uri, doc);
    const rssAll = server.rss();
    // The writer pauses: the server frees the texts edited away (live/former-texts.ts, after 1 s without a change).
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const rssPause = server.rss();
    const size = (doc.text.length / MB).toFixed(2);
    return [
      { id: 'open-1mb-pull', label: `1 MB document (${size} MB): didOpen → diagnostics, pulled (textDocument/diagnostic)`, value: open, unit: 'ms', goal: goal(60, '≤ 60 ms'), note: `${n} diagnostics` },
      { id: 'edit-1mb-pull', label: 'one-character edit in 1 MB → fresh diagnostics (pull), median', value: median(diag), unit: 'ms', goal: goal(20, '≤ 20 ms'), note: p(diag) },
      { id: 'completion-keystroke', label: 'completion right after a keystroke in 1 MB, median', value: median(compl), unit: 'ms', goal: goal(5, '≤ 5 ms'), note: p(compl) },
      { id: 'hover-keystroke', label: 'hover right after a keystroke in 1 MB, median', value: median(hover), unit: 'ms', note: p(hover) },
      { id: 'completion-p99', label: 'completion without edits (after the edits), p99', value: percentile(s.completions, 99), unit: 'ms', goal: goal(3, '≤ 3 ms'), note: p(s.completions) },
      { id: 'completion-bytes', label: 'completion response size, largest', value: Math.max(...s.sizes), unit: 'bytes', goal: goal(3072, '≤ 3 KB'), note: `median ${median(s.sizes)} bytes` },
      { id: 'hover-p99', label: 'hover without edits (after the edits), p99', value: percentile(s.hovers, 99), unit: 'ms', note: p(s.hovers) },
      { id: 'rss-open', label: 'server RSS after opening 1 MB', value: rssOpen, unit: 'MB', goal: goal(80, '≤ 80 MB'), note: `${rssStart?.toFixed(0)} MB after initialize` },
      { id: 'rss-edits', label: 'server RSS after 20 edits', value: rssEdits, unit: 'MB', goal: goal(80, '≤ 80 MB, flat across edits'), note: `${diag.length} edits, measured at once; ${(rssAll ?? NaN).toFixed(0)} MB after all ${diag.length + compl.length + hover.length}` },
      { id: 'rss-pause', label: `server RSS 2 s after the last of ${diag.length + compl.length + hover.length} edits (the writer pauses)`, value: rssPause, unit: 'MB', goal: goal(80, '≤ 80 MB, flat across edits'),
        note: `${rssOpen?.toFixed(0)} MB after the open` },
    ];
  } finally {
    server.stop();
  }
}

/** The push session (editors without pull diagnostics; the server analyses at once on open, then at most every 50 ms while the text changes). */
export async function pushSession(doc: BigDocument): Promise<Figure[]> {
  const server = new Server();
  const uri = 'file:///bench-1mb-push.md';
  try {
    await server.initialize(false);
    const t0 = performance.now();
    const first = server.nextPush(uri, REQUEST_MS);
    await server.open(uri, doc.text);
    await first;
    const open = performance.now() - t0;
    const edits = await typingRound(server, uri, doc.lines.diagnostics, TYPED.diagnostics.slice(0, 10), async () => {
      await server.nextPush(uri, REQUEST_MS);
    });
    return [
      { id: 'open-1mb-push', label: '1 MB document: didOpen → diagnostics, pushed (publishDiagnostics; analysed at once on open)', value: open, unit: 'ms', goal: goal(60, '≤ 60 ms') },
      { id: 'edit-1mb-push', label: 'one-character edit in 1 MB → fresh diagnostics (push), median', value: median(edits), unit: 'ms', goal: goal(20, '≤ 20 ms'), note: `${p(edits)}; the 50 ms throttle included` },
    ];
  } finally {
    server.stop();
  }
}

/** 10 MB: didOpen → pulled diagnostics, given up after 60 s; the server's peak RSS (VmHWM) either way. */
export async function tenMegabytes(): Promise<Figure[]> {
  const doc = bigDocument(10 * MB);
  const server = new Server();
  const uri = 'file:///bench-10mb.md';
  let value: number | undefined;
  let note = '';
  try {
    await server.initialize(true);
    const t0 = performance.now();
    await server.open(uri, doc.text);
    await server.pull(uri, 60_000);
    value = performance.now() - t0;
  } catch (e) {
    note = `given up: ${(e as Error).message}`;
  }
  const peak = memoryMB(server.pid, 'VmHWM');
  server.stop();
  return [
    { id: 'open-10mb', label: `10 MB document (${(doc.text.length / MB).toFixed(1)} MB): didOpen → diagnostics (pull)`, value, unit: 'ms', goal: goal(2000, '≤ 2 s'),
      shown: value === undefined ? '> 60 s' : undefined, note: note || undefined },
    { id: 'rss-10mb', label: '10 MB document: server peak RSS (VmHWM)', value: peak, unit: 'MB', goal: goal(200, '≤ 200 MB'),
      note: value === undefined ? 'peak until given up' : undefined },
  ];
}

export { bigDocument };
