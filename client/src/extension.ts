/**
 * The VS Code client: starts the language server for Markdown files (file and untitled schemes), logs its
 * start and data date in the « MedLint » output channel, shows the status item and registers the commands.
 * Example: opening « article.md » starts the server; the status bar's {} shows « MedLint : BDPM du 13 novembre 2025 ».
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { CloseAction, LanguageClient, State, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { announceRestarts, type RestartCounts, type RestartSink } from './restart-notice';
import { StatusItem, type DataStatus } from './status';
import { registerVirtualDocs } from './virtual-docs';

let client: LanguageClient | undefined;

export interface MedLintApi {
  /** What the status item shows (for the tests). */
  status(): { text: string; detail?: string };
  /** Automatic restarts of the server in this session, and notifications shown (for the tests). */
  restarts(): RestartCounts;
}

function createClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, onRestart: RestartSink, counts: RestartCounts): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }, { scheme: 'untitled', language: 'markdown' }],
    synchronize: { configurationSection: 'medlint' },
    initializationOptions: { enable: vscode.workspace.getConfiguration('medlint').get('enable', true) },
    outputChannel: log,
  };
  // The library's handler (restart up to 4 times in 3 minutes), with each restart logged and the first announced.
  let base: ErrorHandler | undefined;
  clientOptions.errorHandler = announceRestarts(() => (base ??= created.createDefaultErrorHandler()), CloseAction.Restart, onRestart, counts);
  const created = new LanguageClient('medlint', 'MedLint', serverOptions, clientOptions);
  return created;
}

export async function activate(context: vscode.ExtensionContext): Promise<MedLintApi> {
  const log = vscode.window.createOutputChannel('MedLint', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(log, status);
  registerVirtualDocs(context);

  const refreshStatus = async () => {
    try {
      const s = await client!.sendRequest<DataStatus>('medlint/status', {});
      status.update(s);
      return s;
    } catch (e) {
      status.failed(String(e));
      return undefined;
    }
  };
  const restarts: RestartCounts = { restarts: 0, notices: 0 };
  const onRestart: RestartSink = {
    log: (line) => log.warn(line),
    notify: () => void vscode.window.showWarningMessage(vscode.l10n.t('The MedLint server stopped unexpectedly and was restarted (see the log).')),
    restarted: () => { refreshAfterRestart = true; },
  };
  let refreshAfterRestart = false;
  const start = async () => {
    const started = Date.now();
    client = createClient(context, log, onRestart, restarts);
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) status.failed(vscode.l10n.t('The MedLint server stopped: see the log.'));
      if (newState === State.Running && refreshAfterRestart) { refreshAfterRestart = false; void refreshStatus(); }
    });
    client.onNotification('medlint/background', (p: { uri: string; chars?: number }) => status.background(p.uri, p.chars));
    await client.start();
    const s = await refreshStatus();
    log.info(`MedLint ${context.extension.packageJSON.version} started in ${Date.now() - started} ms; data: BDPM of ${s?.dataDate ?? '?'}, ${s?.substances ?? '?'} substances, ${s?.ranges ?? '?'} dose ranges, ${s?.trials ?? '?'} trials`);
  };
  const restart = async () => {
    log.info('restarting the server');
    await client?.stop();
    await start();
  };

  registerCommands(context, { client: () => client!, log, restart });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration('medlint')) setTimeout(() => void refreshStatus(), 200);
  }));
  await start();
  return { status: () => status.shown, restarts: () => ({ ...restarts }) };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
