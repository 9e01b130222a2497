/**
 * Read-only Markdown documents the extension shows in VS Code's Markdown preview: a card from the look-up
 * (medlint-card:/prégabaline.md). Their scheme is outside the document selector, so MedLint does not check
 * its own cards.
 */
import * as vscode from 'vscode';

export const CARD_SCHEME = 'medlint-card';

class Contents implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

const contents = new Contents();

export function registerVirtualDocs(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(CARD_SCHEME, contents),
  );
}

/** Shows `markdown` in the Markdown preview, beside the editor; returns the virtual document's URI. */
export async function showMarkdown(scheme: string, name: string, markdown: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.from({ scheme, path: `/${name}.md` });
  contents.set(uri, markdown);
  await vscode.workspace.openTextDocument(uri);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}
