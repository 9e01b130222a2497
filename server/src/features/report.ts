/** The CLI's reports: `check` (diagnostics, as text here; cli/formats.ts for the others) and `annotate` (entities). */
import type { Analysis } from '../core/analyze';
import { LineIndex } from '../core/positions';
import type { Diagnostic } from './diagnostics';

export interface FileDiagnostics { file: string; diagnostics: Diagnostic[] }

export function annotateReport(file: string, source: string, analysis: Analysis) {
  const lines = new LineIndex(source);
  const entities = [
    ...analysis.mentions.map((m) => ({ kind: m.kind, text: m.text, range: lines.range(m.start, m.end), id: m.label, ...(m.kind === 'drug' ? { substances: m.substances } : {}), ...(m.candidates ? { candidates: m.candidates } : {}), start: m.start })),
    ...analysis.doses.map((d) => ({
      kind: 'dose' as const, text: d.text, range: lines.range(d.start, d.end), id: d.drug?.label ?? null, drug: d.substance ?? d.drug?.label ?? null,
      value: { min: d.min, max: d.max }, unit: d.unit + (d.perWeight ? `/${d.perWeight === 'm2' ? 'm²' : 'kg'}` : ''), per: d.per,
      daily: d.daily, ...(d.attachedBy ? { attachedBy: d.attachedBy } : {}),
      ...(d.verdict ? { verdict: verdictOf(d) } : {}), start: d.start,
    })),
  ].sort((a, b) => a.start - b.start).map(({ start: _s, ...e }) => e);
  return { file, entities };
}

/** The verdict of a dose, as annotate prints it: the outcome, and for « not comparable » its reason. */
function verdictOf(d: Analysis['doses'][number]) {
  const c = d.verdict!.comparison;
  if (d.verdict!.implausible) return { outcome: 'implausible', units: Math.round(d.verdict!.implausible.units * 10) / 10 };
  return { outcome: c.verdict, ...(c.reason ? { reason: c.reason } : {}), ...(c.span ? { documented: c.span, unit: c.reading?.unit, basis: c.reading?.basis } : {}) };
}

/** `summary`: the last line, in the caller's language (« 3 diagnostic(s) dans 2 fichier(s). » by default). */
export function formatText(reports: FileDiagnostics[], summary = (total: number, files: number) => `${total} diagnostic(s) dans ${files} fichier(s).`): string {
  const out: string[] = [];
  for (const r of reports) {
    for (const d of r.diagnostics) {
      out.push(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} [${d.code}] ${d.message}`);
    }
  }
  const total = reports.reduce((n, r) => n + r.diagnostics.length, 0);
  out.push(summary(total, reports.length));
  return out.join('\n');
}
