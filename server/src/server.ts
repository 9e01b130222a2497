/**
 * The language server: LSP wiring only (connection, documents, settings,
 * scheduling). Runs as `node dist/server.js --stdio` or over IPC from the client.
 */
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CompletionItemKind,
  MarkupKind, CodeActionKind, DocumentDiagnosticReportKind, type Diagnostic as LspDiagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis } from './core/analyze';
import { analyzeDocument } from './core/document';
import { loadLexicon } from './core/load';
import { LineIndex } from './core/positions';
import type { Lexicon } from './core/lexicon';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion';
import { toDiagnostics, type RuleSeverities } from './features/diagnostics';
import { quickFixes } from './features/code-actions';

/**
 * With MEDLINT_TRACE set, the server notes on stderr, in ms since its process started, when its modules are
 * loaded, when the index is, and when it answers its first hover: the bench's breakdown of a start.
 */
const trace = process.env.MEDLINT_TRACE ? (what: string) => process.stderr.write(`medlint-trace ${what} ${performance.now().toFixed(1)}\n`) : undefined;
trace?.('modules');

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let lexicon: Lexicon | undefined;
let pullDiagnostics = false;
let configurable = false;

interface Settings { enable: boolean; severity: RuleSeverities }
const defaults: Settings = { enable: true, severity: {} };
let settings: Settings = defaults;

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/** One analysis per document version: hover, completion and diagnostics share it. */
const cache = new Map<string, { version: number; analysis: Analysis; lines: LineIndex }>();
function analysisOf(doc: TextDocument) {
  const hit = cache.get(doc.uri);
  if (hit && hit.version === doc.version) return hit;
  const text = doc.getText();
  const entry = { version: doc.version, analysis: analyzeDocument(text, lex()), lines: new LineIndex(text) };
  cache.set(doc.uri, entry);
  return entry;
}

function lex(): Lexicon {
  if (!lexicon) {
    trace?.('index-start');
    lexicon = loadLexicon();
    trace?.('index-end');
  }
  return lexicon;
}
let hovered = false;

function diagnosticsOf(doc: TextDocument): LspDiagnostic[] {
  if (!settings.enable) return [];
  const { analysis, lines } = analysisOf(doc);
  return toDiagnostics(analysis, lines, settings.severity).map((d) => ({
    range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'medlint', message: d.message,
    data: { suggestions: d.suggestions },
  }));
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  configurable = !!caps.workspace?.configuration;
  const init = params.initializationOptions as Partial<Settings> | undefined;
  if (init) settings = { ...defaults, ...init, severity: { ...init.severity } };
  lex(); // load the index before the first request
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'medlint' },
  };
});

async function refreshSettings(): Promise<void> {
  if (!configurable) return;
  try {
    const s = (await connection.workspace.getConfiguration('medlint')) as Partial<Settings> | null;
    if (s) settings = { enable: s.enable ?? true, severity: { ...(s.severity ?? {}) } };
  } catch {
    // a client that announces configuration but fails to answer keeps the defaults
  }
}

connection.onInitialized(() => { void refreshSettings(); });

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const d of documents.all()) void connection.sendDiagnostics({ uri: d.uri, diagnostics: diagnosticsOf(d) });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: doc ? diagnosticsOf(doc) : [] };
});

// Push for clients without pull diagnostics, debounced per document.
const timers = new Map<string, NodeJS.Timeout>();
documents.onDidChangeContent(({ document }) => {
  if (pullDiagnostics) return;
  clearTimeout(timers.get(document.uri));
  timers.set(document.uri, setTimeout(() => {
    timers.delete(document.uri);
    const doc = documents.get(document.uri);
    if (doc) void connection.sendDiagnostics({ uri: doc.uri, diagnostics: diagnosticsOf(doc) });
  }, 150));
});
documents.onDidClose(({ document }) => {
  cache.delete(document.uri);
  clearTimeout(timers.get(document.uri));
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return null;
  const { analysis, lines } = analysisOf(doc);
  const h = hoverAt(analysis, lines.offset(position), lex());
  if (!hovered) {
    hovered = true;
    trace?.('first-hover');
  }
  return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: lines.range(h.start, h.end) } : null;
});

connection.onCompletion(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const { analysis, lines } = analysisOf(doc);
  const offset = lines.offset(position);
  const kinds = { drug: CompletionItemKind.Value, brand: CompletionItemKind.Constant, trial: CompletionItemKind.Reference };
  return completionsAt(doc.getText(), analysis.prose, offset, lex()).map((c, i) => ({
    label: c.label, kind: kinds[c.kind], detail: c.detail, sortText: String(i).padStart(3, '0'),
    filterText: doc.getText().slice(c.start, c.end),
    documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    textEdit: { range: lines.range(c.start, c.end), newText: c.label },
  }));
});

connection.onCodeAction(({ textDocument, range }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const { analysis, lines } = analysisOf(doc);
  return quickFixes(analysis, lines, lines.offset(range.start), lines.offset(range.end)).map((f) => ({
    title: f.title, kind: CodeActionKind.QuickFix, isPreferred: f.preferred,
    edit: { changes: { [textDocument.uri]: [{ range: f.range, newText: f.newText }] } },
  }));
});

documents.listen(connection);
connection.listen();
