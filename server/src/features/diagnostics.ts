/**
 * Findings → diagnostics (LSP-shaped, plain objects), with the user's severity per rule
 * (rules/registry.ts: `default` keeps the finding's own, `off` drops it).
 *   { "dose-above-max": "error" } → « prégabaline : 1200 mg/j dépasse… » reported as an error.
 */
import type { Analysis } from '../core/analyze';
import type { Finding } from '../core/checks';
import { resolveSeverity, type RuleCode, type RuleSeverities, type Severity, type SeveritySetting } from '../core/rules/registry';
import type { LineIndex, Range } from '../core/positions';
import { applyDirectives, type Directive } from '../core/directives';
import { findingLink } from './finding-link';
import { repository } from '../../../package.json';

export type { RuleSeverities, SeveritySetting };

/** Where positions come from: a `LineIndex`, or the server's document (live/document-lines.ts). */
export type Ranges = Pick<LineIndex, 'range'>;

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: RuleCode;
  message: string;
  suggestions: string[];
  /** The finding's source (the RCP its message cites) or its rule's documentation: LSP `codeDescription.href`. */
  href?: string;
}

export function toDiagnostics(analysis: Analysis | { findings: Finding[] }, lines: Ranges, severities: RuleSeverities = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const doses = 'doses' in analysis ? analysis.doses : [];
  for (const f of analysis.findings) {
    const severity = resolveSeverity(f.code, f.severity, severities);
    if (!severity) continue;
    const href = findingLink(f, doses, repository?.url);
    out.push({ range: lines.range(f.start, f.end), severity, code: f.code, message: f.message, suggestions: f.suggestions ?? [], ...(href ? { href } : {}) });
  }
  return out;
}

interface Accepting { severity: RuleSeverities; words: readonly string[] }

/** The findings a writer sees: its directives and accepted words applied, rules turned off dropped. */
export function visibleFindings(text: string, analysis: Analysis, config: Accepting): Finding[] {
  return applyDirectives(text, analysis.findings, config.words).filter((f) => resolveSeverity(f.code, f.severity, config.severity));
}

/**
 * The diagnostics of a document under a configuration: its directives and accepted words, then the severities.
 * `directives`: the text's, when the caller knows them (core/directives.ts `parseDirectives`).
 */
export function diagnose(text: string, analysis: Analysis, lines: Ranges, config: Accepting, directives?: Directive[]): Diagnostic[] {
  return toDiagnostics({ ...analysis, findings: applyDirectives(text, analysis.findings, config.words, directives) }, lines, config.severity);
}

/**
 * At most `max` diagnostics, the most severe first (LSP severities: 1 error … 4 hint), kept in text order,
 * then the `notice` for how many were left out, placed at the first of them. 1,200 findings → 1,000 and
 * « 200 autres problèmes non affichés… ».
 */
export function capDiagnostics<D extends { severity?: number; range: Range }>(all: D[], max: number, notice: (left: number, at: Range) => D): D[] {
  if (all.length <= max) return all;
  const order = all.map((_, i) => i).sort((a, b) => (all[a].severity ?? 1) - (all[b].severity ?? 1) || a - b);
  const kept = new Uint8Array(all.length);
  for (const i of order.slice(0, max)) kept[i] = 1;
  const firstLeft = kept.indexOf(0);
  return [...all.filter((_, i) => kept[i]), notice(all.length - max, all[firstLeft].range)];
}
