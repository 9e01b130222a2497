/**
 * What the server sends, in the protocol's shapes: a document's findings as LSP diagnostics (capped, with the
 * count of those left out), and a completion list (small, the card on resolve).
 *   « prégabaline : 1200 mg/j > max 600 mg/j » → { severity: Warning, code: 'dose-above-max', codeDescription… }
 *   « La pregab| » → { isIncomplete: true, itemDefaults: { editRange }, items: [{ label: 'prégabaline', … }] }
 */
import { CompletionItemKind, DiagnosticSeverity, type CompletionList, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionResult } from '../features/completion';
import { capDiagnostics, type diagnose } from '../features/diagnostics';
import { num } from '../features/typography';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information, hint: DiagnosticSeverity.Hint };
const COMPLETION_KINDS = { drug: CompletionItemKind.Value, brand: CompletionItemKind.Constant, trial: CompletionItemKind.Reference };


/** A document's diagnostics, at most `max`, then one information: « 1 234 autres problèmes non affichés… ». */
export function toLspDiagnostics(found: ReturnType<typeof diagnose>, max: number): LspDiagnostic[] {
  const all = found.map((d): LspDiagnostic => ({
    range: d.range, severity: SEVERITY[d.severity], code: d.code, source: 'medlint', message: d.message,
    ...(d.href ? { codeDescription: { href: d.href } } : {}), data: { suggestions: d.suggestions },
  }));
  const leftOut = (n: number, range: LspDiagnostic['range']): LspDiagnostic => ({
    range, severity: DiagnosticSeverity.Information, source: 'medlint',
    message: `${num(n)} ${n > 1 ? 'autres problèmes non affichés' : 'autre problème non affiché'} (au plus ${num(max)} par document) ; « medlint check » les liste tous.`,
  });
  return capDiagnostics(all, max, leftOut);
}

/**
 * The completion list: no card (given on resolve); the edit range once for the list where the client takes it
 * (`defaultEditRange`, LSP 3.17 itemDefaults). Incomplete: asked after one letter, it is asked again after the next.
 */
export function toCompletionList(found: CompletionResult[], doc: TextDocument, defaultEditRange: boolean): CompletionList {
  if (!found.length) return { isIncomplete: true, items: [] };
  const range = { start: doc.positionAt(found[0].start), end: doc.positionAt(found[0].end) };
  const typed = doc.getText().slice(found[0].start, found[0].end);
  return {
    isIncomplete: true,
    ...(defaultEditRange ? { itemDefaults: { editRange: range } } : {}),
    items: found.map((c, i) => ({
      label: c.label, kind: COMPLETION_KINDS[c.kind], detail: c.detail, sortText: String(i).padStart(2, '0'),
      // The editor filters and scores by the typed letters: given as every item's filter text, they let
      // « pregab » keep « prégabaline » and leave the order to sortText.
      filterText: typed,
      ...(defaultEditRange ? {} : { textEdit: { range, newText: c.label } }),
      data: c.data,
    })),
  };
}
