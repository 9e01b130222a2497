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

export function toDiagnostics(analysis: Analysis, lines: LineIndex, severities: RuleSeverities = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const f of analysis.findings) {
    const setting = severities[f.code] ?? 'default';
    if (setting === 'off') continue;
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
