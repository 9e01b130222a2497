/** Findings → diagnostics (LSP-shaped, plain objects), with the user's severity per rule. */
import type { Analysis } from '../core/analyze';
import type { RuleCode, Severity } from '../core/checks';
import { LineIndex, type Range } from '../core/positions';

export type SeveritySetting = Severity | 'off' | 'default';
export type RuleSeverities = Partial<Record<RuleCode, SeveritySetting>>;

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: RuleCode;
  message: string;
  suggestions: string[];
}

/** Rules whose findings are shown only when a setting turns them on (the rule registry's « off » default). */
const OFF_BY_DEFAULT = new Set<RuleCode>(['dose-not-comparable']);

export function toDiagnostics(analysis: Analysis, lines: LineIndex, severities: RuleSeverities = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    const setting = severities[f.code] ?? 'default';
    if (setting === 'off' || (setting === 'default' && OFF_BY_DEFAULT.has(f.code))) continue;
    out.push({
      range: lines.range(f.start, f.end),
      severity: setting === 'default' ? f.severity : setting,
      code: f.code,
      message: f.message,
      suggestions: f.suggestions ?? [],
    });
  }
  return out;
}
