/** Quick fixes: replace an unknown word with each suggestion, or a wrong unit with the documented one. */
import type { Analysis } from '../core/analyze';
import type { RuleCode } from '../core/rules/registry';
import { LineIndex, type Range } from '../core/positions';

export interface QuickFix { title: string; code: RuleCode; range: Range; newText: string; preferred: boolean }

export function quickFixes(analysis: Analysis, lines: LineIndex, start: number, end: number): QuickFix[] {
  const out: QuickFix[] = [];
  for (const f of analysis.findings) {
    if (f.end < start || f.start > end || !f.fixes) continue;
    f.fixes.forEach((fix, i) => out.push({
      title: fix.title, code: f.code, range: lines.range(fix.edit.start, fix.edit.end), newText: fix.edit.newText, preferred: i === 0,
    }));
  }
  return out;
}
