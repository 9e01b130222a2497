/**
 * Code actions on the findings a writer sees (directives and configuration applied), as plain edits:
 *   Remplacer par « prégabaline »                       (each suggestion; the best one preferred)
 *   Ajouter « zorblimab » au dictionnaire du projet     (edits or creates .medlint.json; comments and order kept)
 *   Ignorer sur cette ligne                             (<!-- medlint-disable-next-line unknown-drug --> above,
 *                                                        or disable-line at the end inside a paragraph or list)
 *   Corriger tous les « unknown-drug » du document (2)  (the preferred fix of each finding of the rule)
 * and `source.fixAll.medlint`: the preferred fix of every finding.
 */
import { pathToFileURL } from 'node:url';
import { modify, parse } from 'jsonc-parser';
import type { Finding } from '../core/checks';
import { LineIndex, type Range } from '../core/positions';
import { ruleOf, type RuleCode } from '../core/rules/registry';

export interface TextChange { range: Range; newText: string }

export interface Action {
  title: string;
  kind: 'quickfix' | 'source.fixAll';
  preferred: boolean;
  code?: RuleCode;
  /** Changes to the document itself. */
  document?: TextChange[];
  /** Changes to the project file, created first when `create`. */
  projectFile?: { path: string; create: boolean; changes: TextChange[] };
}

/** The project file the dictionary goes to: the nearest one (with its text), or where to create one. */
export interface ProjectFile { path: string; text?: string }

const change = (lines: LineIndex, start: number, end: number, newText: string): TextChange => ({ range: lines.range(start, end), newText });

function replacements(f: Finding, lines: LineIndex): Action[] {
  return (f.fixes ?? []).map((fix, i) => ({
    title: fix.title, kind: 'quickfix', preferred: i === 0, code: f.code, document: [change(lines, fix.edit.start, fix.edit.end, fix.edit.newText)],
  }));
}

/** « Ajouter « X » au dictionnaire du projet »: one more item in `words`, or a new file holding it. */
export function addWordAction(word: string, project: ProjectFile): Action {
  const title = `Ajouter « ${word} » au dictionnaire du projet`;
  if (project.text === undefined) {
    const newText = JSON.stringify({ words: [word] }, null, 2) + '\n';
    return { title, kind: 'quickfix', preferred: false, projectFile: { path: project.path, create: true, changes: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] } };
  }
  const text = project.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const words = (parse(text) as { words?: unknown } | undefined)?.words;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol };
  const edits = Array.isArray(words)
    ? modify(text, ['words', words.length], word, { formattingOptions, isArrayInsertion: true })
    : modify(text, ['words'], [word], { formattingOptions });
  const lines = new LineIndex(text);
  return { title, kind: 'quickfix', preferred: false, projectFile: { path: project.path, create: false, changes: edits.map((e) => change(lines, e.offset, e.offset + e.length, e.content)) } };
}

const NOT_BLOCK_START = /^(?:\s|[-*+]\s|\d+[.)]\s|>|\|)/;

/**
 * « Ignorer sur cette ligne »: the disable-next-line directive above a line that starts a block (an HTML
 * comment there splits nothing); inside a paragraph, a list or a quote, disable-line at the end of the line.
 */
export function ignoreLineAction(text: string, lines: LineIndex, f: Finding): Action {
  const line = lines.position(f.start).line;
  const start = lines.offset({ line, character: 0 });
  const eolAt = text.slice(start).search(/\r\n|\r|\n|$/) + start;
  const previous = line === 0 ? '' : text.slice(lines.offset({ line: line - 1, character: 0 }), start).trim();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const directive = (kind: string) => `<!-- medlint-${kind} ${f.code} -->`;
  const edit = previous === '' && !NOT_BLOCK_START.test(text.slice(start, eolAt))
    ? change(lines, start, start, directive('disable-next-line') + eol)
    : change(lines, eolAt, eolAt, ' ' + directive('disable-line'));
  return { title: 'Ignorer sur cette ligne', kind: 'quickfix', preferred: false, code: f.code, document: [edit] };
}

/** The preferred fix of each finding, non-overlapping, in text order. */
function preferredFixes(findings: Finding[], lines: LineIndex): TextChange[] {
  const out: TextChange[] = [];
  let end = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = f.fixes?.[0];
    if (!fix || fix.edit.start < end) continue;
    out.push(change(lines, fix.edit.start, fix.edit.end, fix.edit.newText));
    end = fix.edit.end;
  }
  return out;
}

function fixAllOfRule(code: RuleCode, findings: Finding[], lines: LineIndex): Action | undefined {
  const edits = preferredFixes(findings.filter((f) => f.code === code), lines);
  if (edits.length < 2) return undefined;
  return { title: `Corriger tous les « ${code} » du document (${edits.length})`, kind: 'quickfix', preferred: false, code, document: edits };
}

export function fixAllAction(findings: Finding[], lines: LineIndex): Action | undefined {
  const edits = preferredFixes(findings, lines);
  return edits.length ? { title: 'MedLint : corriger tout le document', kind: 'source.fixAll', preferred: false, document: edits } : undefined;
}

/** The quick fixes of the findings that touch [start, end] of the text. */
export function quickFixes(text: string, findings: Finding[], lines: LineIndex, start: number, end: number, project?: ProjectFile): Action[] {
  const out: Action[] = [];
  const rules = new Set<RuleCode>();
  for (const f of findings) {
    if (f.end < start || f.start > end) continue;
    out.push(...replacements(f, lines));
    if (project && ruleOf(f.code).category === 'médicaments') out.push(addWordAction(text.slice(f.start, f.end), project));
    out.push(ignoreLineAction(text, lines, f));
    rules.add(f.code);
  }
  for (const code of rules) {
    const all = fixAllOfRule(code, findings, lines);
    if (all) out.push(all);
  }
  return out;
}

/**
 * Actions → LSP code actions (plain objects). An edit to the project file goes in `documentChanges`, with
 * a `create` first for a new file; without the client's support for those, a new file is not offered.
 */
export function toLspActions(actions: (Action | undefined)[], uri: string, documentChanges: boolean) {
  const out = [];
  for (const a of actions) {
    if (!a) continue;
    const kind = a.kind === 'source.fixAll' ? 'source.fixAll.medlint' : 'quickfix';
    let edit;
    if (a.projectFile) {
      const fileUri = pathToFileURL(a.projectFile.path).href;
      if (documentChanges) {
        const create = a.projectFile.create ? [{ kind: 'create' as const, uri: fileUri, options: { ignoreIfExists: true } }] : [];
        edit = { documentChanges: [...create, { textDocument: { uri: fileUri, version: null }, edits: a.projectFile.changes }] };
      } else if (!a.projectFile.create) edit = { changes: { [fileUri]: a.projectFile.changes } };
      else continue;
    } else edit = { changes: { [uri]: a.document ?? [] } };
    out.push({ title: a.title, kind, ...(a.preferred ? { isPreferred: true } : {}), edit });
  }
  return out;
}
