/**
 * The language server: LSP wiring only (connection, documents, settings,
 * scheduling). Runs as `node dist/server.js --stdio` or over IPC from the client.
 */
import {
  TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CompletionItemKind,
  MarkupKind, CodeActionKind, DocumentDiagnosticReportKind, DidChangeWatchedFilesNotification,
  type Diagnostic as LspDiagnostic, type InitializeResult,
} from 'vscode-languageserver/node';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis } from './core/analyze';
import { documentAnalyzer } from './core/document';
import { loadLexicon } from './core/load';
import { LineIndex } from './core/positions';
import type { Lexicon } from './core/lexicon';
import { hoverAt } from './features/hover';
import { completionsAt } from './features/completion';
import { diagnose, visibleFindings } from './features/diagnostics';
import { quickFixes, fixAllAction, toLspActions } from './features/code-actions';
import { ConfigResolver, dictionaryFileFor, isIgnored, mergeConfig, parseSettings, type ConfigLayer, type ConfigProblem, type MedlintConfig } from './config';
import { openConnection } from './transport';
import { registerEditorRequests } from './editor-requests';

/**
 * With MEDLINT_TRACE set, the server notes on stderr, in ms since its process started, when its modules are
 * loaded, when the index is, and when it answers its first hover: the bench's breakdown of a start.
 */
const trace = process.env.MEDLINT_TRACE ? (what: string) => process.stderr.write(`medlint-trace ${what} ${performance.now().toFixed(1)}\n`) : undefined;
trace?.('modules');

const connection = openConnection();
const documents = new TextDocuments(TextDocument);
let lexicon: Lexicon | undefined;
let pullDiagnostics = false;
let configurable = false;
let watchable = false;
let refreshable = false;
let documentChanges = false;
let workspaceFolders: string[] = [];

/** VS Code's settings, then each document's project file (.medlint.json, nearest wins). */
const resolver = new ConfigResolver();
const told = new Set<string>();
const tell = (problems: ConfigProblem[], source?: string) => {
  for (const p of problems) connection.console.warn(`medlint : ${p.file ?? source ?? 'réglages'}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`);
};

function setSettings(raw: unknown): void {
  const { config, problems } = parseSettings(raw, 'medlint');
  tell(problems);
  resolver.base = [config];
}

/** A project file's problems, on the file itself (an empty list clears them once it is fixed). */
function showOnFile(source: string, problems: ConfigProblem[], fatal: boolean): void {
  void connection.sendDiagnostics({
    uri: pathToFileURL(source).href,
    diagnostics: problems.map((p) => {
      const at = { line: (p.line ?? 1) - 1, character: (p.column ?? 1) - 1 };
      return { range: { start: at, end: at }, severity: fatal ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning, source: 'medlint', message: p.message };
    }),
  });
}

function configOf(doc: TextDocument): MedlintConfig & { path?: string } {
  if (!doc.uri.startsWith('file:')) return mergeConfig(...resolver.base);
  const path = fileURLToPath(doc.uri);
  const { config, source, problems, fatal } = resolver.forFile(path);
  if (source && !told.has(source)) {
    told.add(source);
    tell(problems, source);
    showOnFile(source, problems, fatal);
  }
  return { ...config, path };
}

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };

/**
 * One analysis per document version and text: hover, completion and diagnostics share it (a client that
 * reopens a document or sends two edits with one version number gets the analysis of the text it has).
 */
const cache = new Map<string, { version: number; text: string; analysis: Analysis; lines: LineIndex }>();
/** Per open document, its incremental analysis: an edit re-reads only the stretch of text it touches. */
const analyzers = new Map<string, (text: string) => Analysis>();
function analysisOf(doc: TextDocument) {
  const hit = cache.get(doc.uri);
  const text = doc.getText();
  if (hit && hit.version === doc.version && hit.text === text) return hit;
  let analyse = analyzers.get(doc.uri);
  if (!analyse) analyzers.set(doc.uri, (analyse = documentAnalyzer(lex())));
  const entry = { version: doc.version, text, analysis: analyse(text), lines: new LineIndex(text) };
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
/** The client's language (LSP `locale`): the report's headings follow it; French by default. */
let locale: string | undefined;
/** Whether MedLint is on for a document (medlint.enable): hover, completion and the editor's requests ask. */
const enabledFor = (doc?: TextDocument): boolean => (doc ? configOf(doc) : mergeConfig(...resolver.base)).enable;

function diagnosticsOf(doc: TextDocument): LspDiagnostic[] {
  const config = configOf(doc);
  if (!config.enable || (config.path && isIgnored(config.path, config))) return [];
  const { analysis, lines } = analysisOf(doc);
  return diagnose(doc.getText(), analysis, lines, config).map((d) => ({
    range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'medlint', message: d.message,
    data: { suggestions: d.suggestions },
  }));
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  locale = params.locale;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  configurable = !!caps.workspace?.configuration;
  watchable = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  refreshable = !!caps.workspace?.diagnostics?.refreshSupport;
  documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create');
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  if (params.initializationOptions) setSettings(params.initializationOptions);
  lex(); // load the index before the first request
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.medlint`] },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
    serverInfo: { name: 'medlint' },
  };
});

async function refreshSettings(): Promise<void> {
  if (!configurable) return;
  try {
    const s = (await connection.workspace.getConfiguration('medlint')) as ConfigLayer | null;
    if (s) setSettings(s);
  } catch {
    // a client that announces configuration but fails to answer keeps the defaults
  }
}

connection.onInitialized(() => {
  void refreshSettings();
  if (watchable) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/.medlint.json' }] });
});

function rediagnose(): void {
  // A client without refreshSupport pulls again by itself; a refused refresh must not end the server.
  if (pullDiagnostics) { if (refreshable) connection.languages.diagnostics.refresh().catch(() => undefined); }
  else for (const d of documents.all()) void connection.sendDiagnostics({ uri: d.uri, diagnostics: diagnosticsOf(d) });
}

connection.onDidChangeConfiguration(async () => {
  await refreshSettings();
  rediagnose();
});

// A project file created, changed or deleted: read them afresh (a broken one keeps its last good configuration).
connection.onDidChangeWatchedFiles(() => {
  resolver.clear();
  told.clear();
  rediagnose();
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
  analyzers.delete(document.uri);
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});
/** For tests (test/support/lsp-harness.ts): the per-document maps, empty once every document is closed. */
export const perDocument = { cache, timers, analyzers };

connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc || !enabledFor(doc)) return null;
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
  if (!doc || !enabledFor(doc)) return [];
  const { analysis, lines } = analysisOf(doc);
  const offset = lines.offset(position);
  const kinds = { drug: CompletionItemKind.Value, brand: CompletionItemKind.Constant, trial: CompletionItemKind.Reference };
  // Incomplete: asked after one letter (suggestions while typing), the list must be asked again after the next.
  return { isIncomplete: true, items: completionsAt(doc.getText(), analysis.prose, offset, lex()).map((c, i) => ({
    label: c.label, kind: kinds[c.kind], detail: c.detail, sortText: String(i).padStart(3, '0'),
    filterText: doc.getText().slice(c.start, c.end),
    documentation: { kind: MarkupKind.Markdown, value: c.documentation },
    textEdit: { range: lines.range(c.start, c.end), newText: c.label },
  })) };
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const config = configOf(doc);
  if (!config.enable) return [];
  const { analysis, lines } = analysisOf(doc);
  const text = doc.getText();
  const findings = visibleFindings(text, analysis, config);
  if (context.only?.some((k) => k.startsWith(CodeActionKind.SourceFixAll))) return toLspActions([fixAllAction(findings, lines)], doc.uri, documentChanges);
  const project = config.path ? dictionaryFileFor(config.path, workspaceFolders) : undefined;
  const actions = quickFixes(text, findings, lines, lines.offset(range.start), lines.offset(range.end), project);
  return toLspActions(actions, doc.uri, documentChanges);
});

registerEditorRequests({
  connection, documents, lexicon: lex, analysisOf, diagnosticsOf, forget: (uri) => { cache.delete(uri); analyzers.delete(uri); },
  enabled: enabledFor, locale: () => locale,
});

documents.listen(connection);
connection.listen();
