/**
 * The language server: LSP wiring only (connection, documents, settings,
 * scheduling). Runs as `node dist/server.js --stdio` or over IPC from the client.
 * Scheduling (issue 13): a document is analysed at once when opened, then at most once per `limits.throttleMs`
 * while it changes; hover and completion answer from the last analysis, shifted through the edits since
 * (live/edit-log.ts), never analysing first; above `limits.liveChars` a document is analysed in the background,
 * in pieces (live/background.ts, live/slices.ts), with one notice (and `medlint/background` { uri, chars? } for
 * the client's status item while a pass runs). Every whole-document analysis goes through `analyseText` and the
 * document's analyzer (`newAnalyzer`); a background pass analyses pieces with `analyzeDocument` directly.
 */
import {
  TextDocumentSyncKind,
  MarkupKind, CodeActionKind, DocumentDiagnosticReportKind, DidChangeWatchedFilesNotification,
  LSPErrorCodes, ResponseError, ShowMessageNotification, MessageType,
  type Diagnostic as LspDiagnostic, type InitializeResult, type CompletionList,
} from 'vscode-languageserver/node';
import { writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type Analysis } from './core/analyze';
import { analyzeDocument } from './core/document';
import { createDocumentAnalyzer } from './core/incremental';
import { loadLexicon } from './core/load';
import { withProjectData } from './core/lexicon-overlay';
import { LineIndex } from './core/positions';
import type { Lexicon } from './core/lexicon';
import { hoverAt } from './features/hover';
import { completionsAt, resolveCompletion } from './features/completion';
import { diagnose, visibleFindings } from './features/diagnostics';
import { isProseAt, type LastReading } from './features/prose-at';
import { EditLog } from './live/edit-log';
import { BackgroundPasses } from './live/background';
import { toCompletionList, toLspDiagnostics } from './live/lsp-shapes';
import { documentLines } from './live/document-lines';
import { FormerTexts } from './live/former-texts';
import { DirectiveMarks } from './live/directive-marks';
import { trackedDocuments } from './live/tracked-documents';
import { Throttle } from './live/throttle';
import { defaultLimits } from './live/limits';
import { quickFixes, fixAllAction, toLspActions } from './features/code-actions';
import { dictionaryFileFor, isIgnored, type ConfigLayer } from './config';
import { DocumentSettings } from './document-settings';
import { openConnection } from './transport';
import { registerEditorRequests } from './editor-requests';

/**
 * With MEDLINT_TRACE set, the server notes on stderr, in ms since its process started, when its modules are
 * loaded, when the index is, and when it answers its first hover: the bench's breakdown of a start. Written
 * straight to the descriptor and timed by the process's uptime, so that noting does not load what a start
 * without it would not (the stderr stream, perf_hooks: ≈ 2 ms).
 */
const trace = process.env.MEDLINT_TRACE ? (what: string) => writeSync(2, `medlint-trace ${what} ${(process.uptime() * 1000).toFixed(1)}\n`) : undefined;
trace?.('modules');

/** Limits and delays (live/limits.ts), this server's own: the tests change them on the module they loaded. */
export const limits = defaultLimits();
/** For tests: whole-document analyses run (a background pass counts once). */
export const counters = { analyses: 0 };

const connection = openConnection();
/**
 * A document's last analysis, and the edits made since (so that it can be read in today's text); its line
 * index is made only when asked (code actions): diagnostics take their positions from the document itself.
 */
interface Reading {
  version: number; text: string; lexicon: Lexicon; analysis: Analysis; readonly lines: LineIndex; edits: EditLog;
  /** Its prose text from `start` to `end`, without making the whole prose text flat where the analyzer can. */
  prose(start: number, end: number): string;
}
const cache = new Map<string, Reading>();
const former = new FormerTexts(() => limits.formerTexts);
/** Which documents hold no directive, kept edit by edit (live/directive-marks.ts). */
const marks = new DirectiveMarks();
// Each edit noted in the last analysis's edit log, its former text let go, its directives looked for (live/tracked-documents.ts).
const documents = trackedDocuments({ editLog: (uri) => cache.get(uri)?.edits, former, marks });
let lexicon: Lexicon | undefined;
let pullDiagnostics = false;
let configurable = false;
let watchable = false;
let refreshable = false;
/** The client takes a completion list's edit range once for all its items (LSP 3.17 itemDefaults; VS Code does). */
let defaultEditRange = false;
let documentChanges = false;
let workspaceFolders: string[] = [];

/** VS Code's settings, then each document's project file (.medlint.json, nearest wins): document-settings.ts. */
const settings = new DocumentSettings(connection, () => lex());
const { paths } = settings;
const configOf = (doc: TextDocument) => settings.configOf(doc.uri);
const setSettings = (raw: unknown) => settings.set(raw);


/**
 * Per document, what analyses its whole text: its incremental analyzer (core/incremental.ts; one per document,
 * keeping its pieces between versions, re-reading only what an edit changed), with the notes as
 * `analyzeDocument` adds them (core/document.ts).
 */
interface DocumentAnalyzer { lexicon: Lexicon; incremental: ReturnType<typeof createDocumentAnalyzer> }
const newAnalyzer = (lexicon: Lexicon): DocumentAnalyzer => ({ lexicon, incremental: createDocumentAnalyzer(lexicon, { notes: true }) });
const analyzers = new Map<string, DocumentAnalyzer>();

/** The one function that analyses a whole document. */
function analyseText(uri: string, text: string, lexicon: Lexicon): Analysis {
  counters.analyses++;
  let analyzer = analyzers.get(uri);
  if (analyzer?.lexicon !== lexicon) analyzers.set(uri, (analyzer = newAnalyzer(lexicon)));
  return analyzer.incremental.analyze(text);
}

/** A slice of an analysis's prose text: from the document's analyzer while it is its last analysis, else cut from the whole. */
function proseReader(uri: string, analysis: Analysis): Reading['prose'] {
  return (start, end) => analyzers.get(uri)?.incremental.proseSlice(analysis, start, end) ?? analysis.prose.text.slice(start, end);
}

/** Drops what the server keeps of a document (closed, or checked by the workspace check without being open). */
function forget(uri: string): void {
  paths.delete(uri);
  marks.forget(uri);
  cache.delete(uri);
  analyzers.delete(uri);
}

function remember(uri: string, version: number, text: string, analysis: Analysis, lexicon: Lexicon): Reading {
  let lines: LineIndex | undefined;
  const reading = { version, text, lexicon, analysis, get lines() { return (lines ??= new LineIndex(text)); }, edits: new EditLog(), prose: proseReader(uri, analysis) };
  cache.set(uri, reading);
  return reading;
}

/** Is this reading of the document's current text? (Keyed by version and text: a client may reuse a version.) */
const isCurrent = (doc: TextDocument, r: Reading | undefined, lexicon = lexiconOf(doc)): r is Reading =>
  !!r && r.version === doc.version && r.text === doc.getText() && r.lexicon === lexicon;

/** The document's lexicon: the shipped one, with its project's `.medlint.json` `data` over it. */
const lexiconOf = (doc: TextDocument): Lexicon => withProjectData(lex(), configOf(doc).data).lexicon;

/**
 * One analysis per document version and text: hover, completion and diagnostics share it (a client that
 * reopens a document or sends two edits with one version number gets the analysis of the text it has).
 */
function analysisOf(doc: TextDocument): Reading {
  const hit = cache.get(doc.uri);
  const lexicon = lexiconOf(doc);
  return isCurrent(doc, hit, lexicon) ? hit : remember(doc.uri, doc.version, doc.getText(), analyseText(doc.uri, doc.getText(), lexicon), lexicon);
}

const isLarge = (doc: TextDocument) => doc.getText().length > limits.liveChars;

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
const enabledFor = (doc?: TextDocument): boolean => (doc ? configOf(doc) : settings.general()).enable;

/** Whether a document gets no diagnostics (MedLint off for it, or the file ignored). */
function silenced(doc: TextDocument): boolean {
  const config = configOf(doc);
  return !config.enable || !!(config.path && isIgnored(config.path, config));
}

/** A document's diagnostics, from the given reading of its current text (else its analysis, made now). */
function diagnosticsOf(doc: TextDocument, reading?: Reading): LspDiagnostic[] {
  if (silenced(doc)) return [];
  const config = configOf(doc);
  const { analysis } = reading ?? analysisOf(doc);
  const text = doc.getText();
  const directives = marks.mayHold(doc.uri, text) ? undefined : [];
  return toLspDiagnostics(diagnose(text, analysis, documentLines(doc), config, directives), limits.maxDiagnostics);
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  locale = params.locale;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  configurable = !!caps.workspace?.configuration;
  watchable = !!caps.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  refreshable = !!caps.workspace?.diagnostics?.refreshSupport;
  defaultEditRange = !!caps.textDocument?.completion?.completionList?.itemDefaults?.includes('editRange');
  documentChanges = !!caps.workspace?.workspaceEdit?.documentChanges && !!caps.workspace.workspaceEdit.resourceOperations?.includes('create');
  const roots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = roots.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
  if (params.initializationOptions) setSettings(params.initializationOptions);
  lex(); // load the index before the first request
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: [], resolveProvider: true },
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
  else for (const d of documents.all()) void refresh(d.uri);
}

// A client without workspace/configuration sends the settings themselves (`settings.medlint`).
connection.onDidChangeConfiguration(async ({ settings }) => {
  if (configurable) await refreshSettings();
  else if (settings && typeof settings === 'object' && 'medlint' in settings) setSettings((settings as { medlint: unknown }).medlint);
  rediagnose();
});

// A project file created, changed or deleted: read them afresh (a broken one keeps its last good configuration).
connection.onDidChangeWatchedFiles(() => {
  settings.forgetProjectFiles();
  rediagnose();
});

/** A notification a pass sends when it ends: the client may have gone meanwhile (a closed connection throws). */
function tellClient(method: string, params: object): void {
  try {
    connection.sendNotification(method, params).catch(() => undefined);
  } catch {
    // the connection is closed: nobody to tell
  }
}
const background = new BackgroundPasses<Reading>({
  versionOf: (uri) => documents.get(uri)?.version,
  notify: (message) => tellClient(ShowMessageNotification.type.method, { type: MessageType.Info, message }),
  log: (message) => tellClient('window/logMessage', { type: MessageType.Error, message }),
  // For the client's status item: « MedLint : analyse en arrière-plan (12 Mo) » while a pass runs.
  running: (uri, chars) => tellClient('medlint/background', { uri, chars }),
});

/** A large document, analysed in pieces between other messages (one pass per version). */
function inBackground(doc: TextDocument): Promise<Reading | undefined> {
  const { uri, version } = doc, text = doc.getText(), lexicon = lexiconOf(doc);
  if (!background.isRunning(uri, version)) counters.analyses++;
  return background.pass(uri, version, text, limits.sliceChars, (piece) => analyzeDocument(piece, lexicon), (a) => remember(uri, version, text, a, lexicon));
}

/** The analysis of a document's current text: made now below the size limit, else by its background pass. */
function readingOf(doc: TextDocument): Reading | Promise<Reading | undefined> {
  const hit = cache.get(doc.uri);
  if (isCurrent(doc, hit)) return hit;
  if (isLarge(doc)) {
    analyzers.delete(doc.uri); // grown large: its incremental analyzer's pieces are of no use
    return inBackground(doc);
  }
  background.pieces.delete(doc.uri); // small again: the pieces of its last pass are of no use
  return analysisOf(doc);
}

/** Brings a document's analysis up to date; in push mode publishes its diagnostics, with the version they are of. */
async function refresh(uri: string): Promise<void> {
  const doc = documents.get(uri);
  if (!doc) return;
  if (silenced(doc)) { // off or ignored: nothing to analyse (hover analyses on demand if enabled)
    if (!pullDiagnostics) tellClient('textDocument/publishDiagnostics', { uri, version: doc.version, diagnostics: [] });
    return;
  }
  try {
    const reading = await readingOf(doc);
    const now = documents.get(uri);
    if (pullDiagnostics || !reading || !now || now.version !== reading.version) return; // a newer version has its own turn
    void connection.sendDiagnostics({ uri, version: reading.version, diagnostics: diagnosticsOf(now, reading) });
    former.answered();
  } catch (e) {
    tellClient('window/logMessage', { type: MessageType.Error, message: `medlint : analyse de ${uri} impossible : ${String(e)}` });
  }
}

// Opened: analysed at once (hover and completion then have a reading). Changed, in push mode: as the throttle
// allows (live/throttle.ts). A pull client asks after its changes, and that pull analyses (a pass of our own
// meanwhile would only hold up the hover or completion typed before it, and find nothing new for the pull).
const throttle = new Throttle(() => limits.throttleMs, (uri) => void refresh(uri));
const { timers, passed } = throttle;
documents.onDidOpen(({ document }) => {
  // The message that brought the text is let go too: its bytes and their decoded string (≈ twice the text).
  former.letGo(2 * document.getText().length);
  marks.forget(document.uri); // searched at its first diagnostics (a workspace check may have read an older text)
  throttle.now(document.uri);
});
documents.onDidChangeContent(({ document }) => {
  const { uri } = document;
  if (pullDiagnostics || isCurrent(document, cache.get(uri)) || background.isRunning(uri, document.version)) return;
  throttle.soon(uri);
});
documents.onDidClose(({ document }) => {
  former.letGo(document.getText().length);
  forget(document.uri);
  throttle.forget(document.uri);
  background.forget(document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});
/** For tests (test/support/lsp-harness.ts): the per-document maps, empty once every document is closed. */
export const perDocument = { cache, analyzers, timers, paths, passed, passes: background.passes, noticed: background.told, pieces: background.pieces };

// Pull: a large document's answer waits for its background pass (other requests are answered meanwhile).
connection.languages.diagnostics.on(async (params, token) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || silenced(doc)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const reading = await readingOf(doc);
  if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'requête annulée');
  const now = documents.get(doc.uri);
  if (!reading || !now || now.version !== reading.version) {
    return new ResponseError(LSPErrorCodes.ServerCancelled, 'le document a changé pendant l’analyse', { retriggerRequest: true });
  }
  former.answered();
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(now, reading) };
});

/** The last reading of a document, if today's text can be read through it (analysed now if it has none and is small). */
function lastReading(doc: TextDocument): Reading | undefined {
  const hit = cache.get(doc.uri);
  if (hit?.edits.usable) return hit;
  return isLarge(doc) ? undefined : analysisOf(doc);
}

// From the last analysis, shifted through the edits since: a span an edit touched is not answered from it.
connection.onHover(({ textDocument, position }) => {
  former.reading();
  const doc = documents.get(textDocument.uri);
  if (!doc || !enabledFor(doc)) return null;
  const reading = lastReading(doc);
  const offset = reading?.edits.analysed(doc.offsetAt(position));
  const h = reading && offset !== undefined ? hoverAt(reading.analysis, offset, reading.lexicon) : null;
  const span = h && reading?.edits.span(h.start, h.end);
  if (!hovered) {
    hovered = true;
    trace?.('first-hover');
  }
  return h && span ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) } } : null;
});

// Never analyses: whether the word is prose is decided from its paragraph and the last analysis.
connection.onCompletion(({ textDocument, position }): CompletionList | [] => {
  former.reading();
  const doc = documents.get(textDocument.uri);
  if (!doc || !enabledFor(doc)) return [];
  const text = doc.getText();
  const reading = cache.get(doc.uri);
  const last: LastReading | undefined = reading?.edits.usable
    ? { text: reading.text, prose: reading.prose, analysedOffset: (o) => reading.edits.analysed(o, true) ?? 0 }
    : undefined;
  completionLexicon = lexiconOf(doc);
  const found = completionsAt(text, doc.offsetAt(position), completionLexicon, (a, b) => isProseAt(text, a, b, last), reading?.analysis);
  former.answered();
  return toCompletionList(found, doc, defaultEditRange);
});

/** The lexicon of the last list given (a project's names are numbered after the shipped ones): resolve follows it. */
let completionLexicon: Lexicon | undefined;
connection.onCompletionResolve((item) => {
  const card = resolveCompletion(item.data, completionLexicon ?? lex());
  return card ? { ...item, documentation: { kind: MarkupKind.Markdown, value: card } } : item;
});

connection.onCodeAction(({ textDocument, range, context }) => {
  const doc = documents.get(textDocument.uri);
  if (!doc) return [];
  const config = configOf(doc);
  if (!config.enable) return [];
  // A large document's fixes wait for its background pass (asked again when the cursor moves).
  const reading = isLarge(doc) ? cache.get(doc.uri) : analysisOf(doc);
  if (!isCurrent(doc, reading)) return [];
  const { analysis, lines } = reading;
  const text = doc.getText();
  const findings = visibleFindings(text, analysis, config);
  if (context.only?.some((k) => k.startsWith(CodeActionKind.SourceFixAll))) return toLspActions([fixAllAction(findings, lines)], doc.uri, documentChanges);
  const project = config.path ? dictionaryFileFor(config.path, workspaceFolders) : undefined;
  const actions = quickFixes(text, findings, lines, lines.offset(range.start), lines.offset(range.end), project);
  return toLspActions(actions, doc.uri, documentChanges);
});

registerEditorRequests({
  connection, documents, lexicon: lex, analysisOf,
  lexiconFor: (uri) => { const doc = uri ? documents.get(uri) : undefined; return doc ? lexiconOf(doc) : lex(); }, diagnosticsOf, forget,
  enabled: enabledFor, locale: () => locale,
});

documents.listen(connection);
connection.listen();
