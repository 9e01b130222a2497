/**
 * A bench's LSP client: the real server (`node dist/server.js --stdio`) in a child process, spoken to over its
 * stdio with vscode-jsonrpc, as an editor does. Every wait is bounded (`within`), the server is killed on
 * `stop` and when the bench exits. Example: open « La prégabaline 150 mg/j. », pull its diagnostics, hover
 * « prégabaline », read the server's resident memory from /proc/<pid>/status.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = join(__dirname, '..');
const alive = new Set<ChildProcess>();
process.on('exit', () => { for (const c of alive) c.kill('SIGKILL'); });

export interface Position { line: number; character: number }

/** Rejects after `ms` with « what: > N s ». */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: > ${ms / 1000} s`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** kB → MB of a /proc/<pid>/status field (VmRSS: resident now; VmHWM: its peak since the start). */
export function memoryMB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined; // not Linux, or the process is gone
  }
}

export class Server {
  readonly child: ChildProcess;
  readonly conn: MessageConnection;
  /** Trace marks (MEDLINT_TRACE: ms since the server's process started) and the publishDiagnostics waiters. */
  readonly marks: Record<string, number> = {};
  private waiters: { uri: string; resolve: (n: number) => void }[] = [];
  private version = new Map<string, number>();

  /** `nodeFlags`: given to the server's Node.js (`--cpu-prof` to trace it: not allowed in NODE_OPTIONS). */
  constructor(env: Record<string, string> = {}, nodeFlags: string[] = []) {
    this.child = spawn(process.execPath, [...nodeFlags, join(ROOT, 'dist', 'server.js'), '--stdio'], { env: { ...process.env, ...env }, stdio: 'pipe' });
    alive.add(this.child);
    this.child.on('exit', () => alive.delete(this.child));
    this.child.stdin!.on('error', () => undefined); // a server killed mid-write (the 10 MB document given up)
    this.child.stderr!.on('data', (d: Buffer) => {
      for (const m of d.toString().matchAll(/medlint-trace (\S+) ([\d.]+)/g)) this.marks[m[1]] = Number(m[2]);
    });
    this.conn = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => {
      const w = this.waiters.filter((x) => x.uri === p.uri);
      this.waiters = this.waiters.filter((x) => x.uri !== p.uri);
      for (const x of w) x.resolve(p.diagnostics.length);
    });
    this.conn.onRequest(() => null); // workspace/configuration and the like: nothing to say
    this.conn.listen();
  }

  get pid(): number | undefined { return this.child.pid; }

  /** initialize + initialized; `pull`: announce pull diagnostics (as VS Code does), else the server pushes. */
  async initialize(pull: boolean, ms = 30_000): Promise<void> {
    const capabilities = pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {};
    await within(this.conn.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities }), ms, 'initialize');
    await this.conn.sendNotification('initialized', {});
  }

  /** The next publishDiagnostics for `uri` (its number of diagnostics); call before the message that causes it. */
  nextPush(uri: string, ms: number): Promise<number> {
    return within(new Promise<number>((resolve) => this.waiters.push({ uri, resolve })), ms, 'publishDiagnostics');
  }

  open(uri: string, text: string): Promise<void> {
    this.version.set(uri, 1);
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  /** An incremental didChange: `text` inserted at `at`. */
  insert(uri: string, at: Position, text: string): Promise<void> {
    const version = (this.version.get(uri) ?? 1) + 1;
    this.version.set(uri, version);
    return this.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges: [{ range: { start: at, end: at }, text }],
    });
  }

  /** Pull diagnostics (textDocument/diagnostic): the number of items. */
  async pull(uri: string, ms: number): Promise<number> {
    const r = await within(this.conn.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } }), ms, 'textDocument/diagnostic');
    return r.items.length;
  }

  request<T>(method: string, uri: string, position: Position, ms: number): Promise<T> {
    return within(this.conn.sendRequest<T>(method, { textDocument: { uri }, position }), ms, method);
  }

  rss(): number | undefined { return memoryMB(this.pid, 'VmRSS'); }
  peak(): number | undefined { return memoryMB(this.pid, 'VmHWM'); }

  /** Ends the server whatever state it is in (a 10 MB pass may still be running). */
  stop(): void {
    this.conn.dispose();
    this.child.kill('SIGKILL');
  }
}

/** A document's position of a UTF-16 offset. */
export function positionAt(text: string, offset: number): Position {
  const line = text.slice(0, offset).split('\n').length - 1;
  return { line, character: offset - (text.lastIndexOf('\n', offset - 1) + 1) };
}
