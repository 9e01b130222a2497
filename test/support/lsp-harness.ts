/**
 * The language server driven in-process (as typescript-language-server's TestLspServer does): the real
 * handlers of server/src/server.ts over a pair of in-memory streams, a JSON-RPC client on the other end.
 * Each `startServer()` loads a fresh copy of the server module (its own documents, cache and settings).
 *
 *   const s = await startServer(); await s.initialize(); s.open('file:///a.md', 'La prégabaline 1200 mg/j.');
 *   const report = await s.request('textDocument/diagnostic', { textDocument: { uri: 'file:///a.md' } });
 */
import { PassThrough } from 'node:stream';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
  StreamMessageReader as ServerReader, StreamMessageWriter as ServerWriter,
} from 'vscode-languageserver/node';
import { useTransport } from '../../server/src/transport';

const SERVER = require.resolve('../../server/src/server');

export interface TestServer {
  client: ProtocolConnection;
  /** Raw bytes to the server, as a broken client would send them. */
  toServer: PassThrough;
  /** The exit status the server asked for, once it did. */
  exited: Promise<number>;
  initialize(capabilities?: object): Promise<any>;
  open(uri: string, text: unknown, version?: number): void;
  request(method: string, params?: object): Promise<any>;
  /** Diagnostics pushed for a URI (push mode), the next ones. */
  nextDiagnostics(uri: string): Promise<any[]>;
  /** Every message the server sent, in order: publishDiagnostics params, showMessage params, responses. */
  log: { method?: string; id?: number | string; params?: any; error?: any }[];
  /** Writes several messages to the server in one chunk (a request and its $/cancelRequest arrive together). */
  sendRaw(...messages: object[]): void;
  dispose(): void;
}

export async function startServer(): Promise<TestServer> {
  const toServer = new PassThrough(), toClient = new PassThrough();
  let exit!: (code: number) => void;
  const exited = new Promise<number>((resolve) => { exit = resolve; });
  useTransport({ reader: new ServerReader(toServer), writer: new ServerWriter(toClient), exit });
  delete require.cache[SERVER];
  require(SERVER);
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const pushed = new Map<string, ((d: any[]) => void)[]>();
  const log: TestServer['log'] = [];
  let buffered = Buffer.alloc(0);
  toClient.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      const head = buffered.indexOf('\r\n\r\n');
      const length = head < 0 ? NaN : Number(/Content-Length: (\d+)/.exec(buffered.subarray(0, head).toString('ascii'))?.[1]);
      if (!(buffered.length >= head + 4 + length)) break;
      log.push(JSON.parse(buffered.subarray(head + 4, head + 4 + length).toString('utf8')));
      buffered = buffered.subarray(head + 4 + length);
    }
  });
  client.onNotification('textDocument/publishDiagnostics', (p: any) => {
    const waiting = pushed.get(p.uri) ?? [];
    pushed.delete(p.uri);
    for (const w of waiting) w(p.diagnostics);
  });
  client.onRequest('workspace/configuration', () => [null]);
  client.onRequest('workspace/diagnostic/refresh', () => null);
  client.listen();
  return {
    client, toServer, exited, log,
    sendRaw(...messages) {
      toServer.write(messages.map((m) => { const body = JSON.stringify({ jsonrpc: '2.0', ...m }); return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`; }).join(''));
    },
    async initialize(capabilities = { textDocument: { diagnostic: {} } }) {
      const r = await client.sendRequest('initialize', { processId: null, rootUri: null, workspaceFolders: null, capabilities });
      await client.sendNotification('initialized', {});
      return r;
    },
    open(uri, text, version = 1) {
      void client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    request: (method, params) => client.sendRequest(method, params),
    nextDiagnostics: (uri) => new Promise((resolve) => pushed.set(uri, [...(pushed.get(uri) ?? []), resolve])),
    dispose() {
      client.dispose();
      toServer.end();
      toClient.end();
    },
  };
}
