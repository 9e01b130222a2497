/**
 * The fact-check report in a webview beside the article: the server's self-contained HTML, with the
 * editor's colours and a small script that reveals a row's position in the article when its
 * « Position » cell (« 8:55 ») is clicked.
 */
import * as vscode from 'vscode';

let panel: vscode.WebviewPanel | undefined;
let article: vscode.Uri | undefined;

const THEME = `body{color:var(--vscode-foreground);background:var(--vscode-editor-background);font-family:var(--vscode-font-family)}
th{background:var(--vscode-editorWidget-background)}th,td{border-color:var(--vscode-panel-border)}a{color:var(--vscode-textLink-foreground)}
td[data-line]{cursor:pointer;color:var(--vscode-textLink-foreground);text-decoration:underline}
.above,.rhythm,.unit,.implausible,.unknown{background:rgba(229,83,75,.18)}.below,.undocumented{background:rgba(204,167,0,.18)}
.in-range,.documented{background:rgba(56,166,91,.16)}`;

const SCRIPT = `const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const cell = e.target.closest('td[data-line]');
  if (cell) vscode.postMessage({ line: Number(cell.dataset.line), character: Number(cell.dataset.character) });
});`;

/** The server's page with a content security policy, the theme and the script (by nonce) added. */
function withEditorParts(html: string, webview: vscode.Webview): string {
  const nonce = Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
  const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${webview.cspSource} https:; style-src 'unsafe-inline'; script-src 'nonce-${nonce}';">`;
  return html.replace('<head>', `<head>${csp}`)
    .replace('</body>', `<style>${THEME}</style><script nonce="${nonce}">${SCRIPT}</script></body>`);
}

export function showReportView(html: string, uri: vscode.Uri, title: string): void {
  article = uri;
  if (!panel) {
    panel = vscode.window.createWebviewPanel('medlint.report', title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true });
    panel.onDidDispose(() => { panel = undefined; });
    panel.webview.onDidReceiveMessage(async ({ line, character }: { line: number; character: number }) => {
      if (!article) return;
      const at = new vscode.Position(line, character);
      await vscode.window.showTextDocument(article, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
    });
  }
  panel.title = title;
  panel.webview.html = withEditorParts(html, panel.webview);
  panel.reveal(vscode.ViewColumn.Beside, true);
}
