/**
 * The editor's own requests, beside the LSP ones (wiring only; the work is in features/):
 *   medlint/report          { uri }   → the fact-check report (Markdown linking back to each position, HTML, items)
 *   medlint/names           { uri? }  → every name, for the look-up command (with the project's own, for a document of it)
 *   medlint/card            { id, uri? } → the card of one name
 *   medlint/checkWorkspace  { uris }  → analyses files not open in the editor and publishes their problems
 *   medlint/status          {}        → the dataset's date and size, for the status item
 * Example: the client sends `medlint/report` for « article.md » and opens the Markdown in a preview.
 */
// fs.promises, read when a workspace is checked: its module is not loaded at the server's start.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Connection, Diagnostic, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './core/analyze';
import type { Lexicon } from './core/lexicon';
import { factCheck, renderHtml, renderMarkdown } from './features/fact-check';
import { reportText } from './features/report-text';
import { cardOf, lookupNames } from './features/lookup';

export interface EditorContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  lexicon: () => Lexicon;
  /** The lexicon of an open document, with its project's data; the shipped one for any other address. */
  lexiconFor: (uri: string | undefined) => Lexicon;
  /** A document's analysis, and its lexicon (with its project's data). */
  analysisOf: (doc: TextDocument) => { analysis: Analysis; lexicon: Lexicon };
  diagnosticsOf: (doc: TextDocument) => Diagnostic[];
  /** Drops what `analysisOf` kept of a document that is not open. */
  forget: (uri: string) => void;
  /** medlint.enable, for a document or in general. */
  enabled: (doc?: TextDocument) => boolean;
  locale: () => string | undefined;
}

/** The last path segment of a URI, decoded: what the report's title names. */
const baseName = (uri: string) => decodeURIComponent(uri.replace(/[?#].*$/, '').split('/').pop() ?? uri);

export function registerEditorRequests(ctx: EditorContext): void {
  const { connection, documents } = ctx;
  /** Files whose problems were published by the workspace check: cleared when the editor opens them. */
  const published = new Set<string>();

  connection.onRequest('medlint/report', ({ uri }: { uri: string }) => {
    const doc = documents.get(uri);
    if (!doc || !ctx.enabled(doc)) return null;
    const { analysis, lexicon } = ctx.analysisOf(doc);
    const model = factCheck(baseName(uri), doc.getText(), analysis, lexicon);
    const t = reportText(ctx.locale());
    const link = (i: { range: { start: { line: number; character: number } } }) => `${uri}#L${i.range.start.line + 1},${i.range.start.character + 1}`;
    return { markdown: renderMarkdown(model, link, t), html: renderHtml(model, t), items: model.items };
  });

  connection.onRequest('medlint/names', (p?: { uri?: string }) => lookupNames(ctx.lexiconFor(p?.uri)));
  connection.onRequest('medlint/card', ({ id, uri }: { id: number; uri?: string }) => cardOf(ctx.lexiconFor(uri), id));

  connection.onRequest('medlint/status', () => {
    const l = ctx.lexicon();
    return { dataDate: l.meta.bdpmDate, ...l.meta.counts, enabled: ctx.enabled() };
  });

  connection.onRequest('medlint/checkWorkspace', async ({ uris }: { uris: string[] }) => {
    let files = 0, problems = 0;
    if (!ctx.enabled()) return { files, problems };
    for (const uri of uris) {
      if (documents.get(uri)) continue; // open documents have their own diagnostics
      let text: string;
      try {
        text = await fs.readFile(fileURLToPath(uri), 'utf8');
      } catch {
        continue;
      }
      const diagnostics = ctx.diagnosticsOf(TextDocument.create(uri, 'markdown', 0, text));
      ctx.forget(uri);
      files++;
      problems += diagnostics.length;
      published.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
    return { files, problems };
  });

  documents.onDidOpen(({ document }) => {
    if (published.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });
}
