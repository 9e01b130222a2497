/**
 * The server's side of the wire, with the protocol's hygiene: a framing error (« Content-Length: abc ») is
 * logged and the server exits (the client restarts it) instead of waiting forever; a request before
 * `initialize` gets the spec's error (ServerNotInitialized, -32002) and a notification before it is
 * dropped; a `didOpen` whose text is not a string is refused, so the document's URI stays usable; a request
 * cancelled before its turn is answered RequestCancelled (-32800).
 * Tests hand their own streams and exit (test/support/lsp-harness.ts) through `useTransport`.
 */
import {
  createConnection, ProposedFeatures, ErrorCodes, LSPErrorCodes, StreamMessageReader, StreamMessageWriter, IPCMessageReader,
  IPCMessageWriter, type MessageReader, type MessageWriter, type Message, type DataCallback, type Disposable,
} from 'vscode-languageserver/node';

export interface Transport { reader: MessageReader; writer: MessageWriter; exit: (code: number) => void }

let chosen: Transport | undefined;

/** For tests: the transport of the next server started in this process. */
export function useTransport(t: Transport | undefined): void {
  chosen = t;
}

function processTransport(): Transport {
  const ipc = process.argv.includes('--node-ipc');
  // Over stdio, stdout is the protocol's: nothing else may write there.
  if (!ipc) for (const k of ['log', 'info', 'debug', 'warn'] as const) console[k] = console.error;
  return {
    reader: ipc ? new IPCMessageReader(process) : new StreamMessageReader(process.stdin),
    writer: ipc ? new IPCMessageWriter(process) : new StreamMessageWriter(process.stdout),
    exit: (code) => process.exit(code),
  };
}

interface Incoming { id?: number | string | null; method?: string; params?: { textDocument?: { uri?: unknown; text?: unknown; version?: unknown } } }

/** Why an incoming message is not handed to the server (answered here or dropped), or undefined. */
function screen(m: Incoming, initialized: boolean): { error?: string; drop?: string } | undefined {
  if (!initialized && m.method !== 'initialize' && m.method !== 'exit') {
    return m.id !== undefined ? { error: 'le serveur n’est pas encore initialisé' } : { drop: m.method };
  }
  if (m.method === 'textDocument/didOpen') {
    const d = m.params?.textDocument;
    if (typeof d?.uri !== 'string' || typeof d.text !== 'string' || typeof d.version !== 'number') {
      return { drop: `didOpen mal formé (${typeof d?.uri === 'string' ? d.uri : 'sans URI'}) : texte, URI et version attendus` };
    }
  }
  return undefined;
}

/** A reader that screens messages before the server sees them, and ends the process on a framing error. */
function screened(t: Transport, log: (s: string) => void): MessageReader {
  let initialized = false;
  const { reader, writer } = t;
  return {
    onError: reader.onError, onClose: reader.onClose, onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      let shutdown = false;
      reader.onClose(() => t.exit(shutdown ? 0 : 1)); // the client went away
      reader.onError((e) => {
        log(`medlint : message illisible (${e.message.split('\n')[0]}) ; le serveur s’arrête.\n`);
        t.exit(1);
      });
      return reader.listen((message: Message) => {
        const m = message as Incoming;
        const verdict = screen(m, initialized);
        if (m.method === 'initialize') initialized = true;
        if (m.method === 'shutdown') shutdown = true;
        if (!verdict) return callback(message);
        if (verdict.error) {
          void writer.write({ jsonrpc: '2.0', id: m.id ?? null, error: { code: ErrorCodes.ServerNotInitialized, message: verdict.error } } as Message);
        } else if (verdict.drop?.startsWith('didOpen')) log(`medlint : ${verdict.drop}\n`);
      });
    },
  };
}

/** The server's connection: over the process's stdio or IPC, or over the transport a test chose. */
export function openConnection() {
  const t = chosen ?? processTransport();
  chosen = undefined;
  const log = (s: string) => { process.stderr.write(s); };
  // A request cancelled ($/cancelRequest) before its turn came is answered RequestCancelled, not run.
  return createConnection(ProposedFeatures.all, screened(t, log), t.writer, {
    cancelUndispatched: (m) => ({ jsonrpc: '2.0', id: (m as { id?: number | string }).id ?? null, error: { code: LSPErrorCodes.RequestCancelled, message: 'requête annulée' } }),
  });
}
