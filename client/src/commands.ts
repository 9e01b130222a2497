/**
 * The commands (category MedLint): look up a drug or trial, check the workspace, open the fact-check
 * report, open or create `.medlint.json`, show the log, restart the server.
 * Example: « MedLint : rapport de vérification de l’article » opens the report of the active article.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { lookUp } from './lookup';
import { showReportView } from './report-view';

export interface CommandContext {
  client: () => LanguageClient;
  log: vscode.LogOutputChannel;
  restart: () => Promise<void>;
}

async function openReport(ctx: CommandContext): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown article first.'));
    return undefined;
  }
  const doc = editor.document;
  const report = await ctx.client().sendRequest<{ markdown: string; html: string } | null>('medlint/report', { uri: doc.uri.toString() });
  if (!report) {
    void vscode.window.showWarningMessage(vscode.l10n.t('MedLint is disabled (setting medlint.enable).'));
    return undefined;
  }
  const name = doc.uri.path.split('/').pop()!;
  showReportView(report.html, doc.uri, vscode.l10n.t('Report: {0}', name));
  return report.markdown;
}

async function checkWorkspace(ctx: CommandContext): Promise<{ files: number; problems: number }> {
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '**/node_modules/**');
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('MedLint: checking the workspace') },
    () => ctx.client().sendRequest<{ files: number; problems: number }>('medlint/checkWorkspace', { uris: uris.map((u) => u.toString()) }));
  ctx.log.info(`workspace: ${result.files} file(s), ${result.problems} problem(s)`);
  void vscode.window.showInformationMessage(vscode.l10n.t('MedLint: {0} files not open checked, {1} problems (see the Problems panel).', result.files, result.problems));
  return result;
}

const TEMPLATE = `{
  // MedLint project configuration: names to accept, severity per rule, files to skip.
  "words": [],
  "severity": {},
  "ignorePaths": []
}
`;

async function openConfig(): Promise<vscode.Uri | undefined> {
  const folder = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri)
    || vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: .medlint.json lives at its root.'));
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, '.medlint.json');
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEMPLATE));
  }
  await vscode.window.showTextDocument(uri);
  return uri;
}

export function registerCommands(context: vscode.ExtensionContext, ctx: CommandContext): void {
  const commands: Record<string, (...args: any[]) => unknown> = {
    'medlint.lookUp': (query?: string, action?: 'card' | 'insert') => lookUp(ctx.client(), query, action),
    'medlint.checkWorkspace': () => checkWorkspace(ctx),
    'medlint.openReport': () => openReport(ctx),
    'medlint.openConfig': () => openConfig(),
    'medlint.showLog': () => ctx.log.show(),
    'medlint.restart': () => ctx.restart(),
  };
  for (const [id, run] of Object.entries(commands)) context.subscriptions.push(vscode.commands.registerCommand(id, run));
}
