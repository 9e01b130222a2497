/**
 * The CLI's report formats for `check`: text, json, sarif (2.1.0), github (workflow annotations), junit (XML).
 * Lines and columns are 1-based everywhere but in json, which keeps LSP's 0-based positions.
 *   ::warning file=a.md,line=3,col=16,endLine=3,endColumn=26,title=dose-above-max::prégabaline : 1200 mg/j dépasse…
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { familyOf, RULES, type Rule, type Severity } from '../core/rules/registry';
import { ruleDocLink } from '../features/finding-link';
import { repository } from '../../../package.json';
import { formatText, type FileDiagnostics } from '../features/report';
import type { Diagnostic } from '../features/diagnostics';
import { t } from './l10n';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

const start = (d: Diagnostic) => ({ line: d.range.start.line + 1, col: d.range.start.character + 1 });
const end = (d: Diagnostic) => ({ line: d.range.end.line + 1, col: d.range.end.character + 1 });

const SARIF_LEVEL: Record<Severity | 'off', string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note', off: 'none' };

/** A relative path stays relative (to the repository, for code scanning); an absolute one becomes a file: URI. */
const artifactUri = (file: string) => (isAbsolute(file) ? pathToFileURL(file).href : encodeURI(file.split('\\').join('/')));

function sarif(reports: FileDiagnostics[], version: string): unknown {
  const rules = RULES as readonly Rule[];
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const helpUri = ruleDocLink(repository?.url);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'MedLint', version, informationUri: 'https://www.npmjs.com/package/medlint',
          rules: rules.map((r) => ({
            id: r.code, name: r.title, shortDescription: { text: r.title }, fullDescription: { text: r.description },
            help: { text: r.descriptionEn }, ...(helpUri ? { helpUri } : {}),
            defaultConfiguration: { level: SARIF_LEVEL[r.severity], enabled: r.severity !== 'off' },
            properties: { category: r.category },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: reports.flatMap((f) => f.diagnostics.map((d) => ({
        ruleId: d.code, ruleIndex: index.get(d.code), level: SARIF_LEVEL[d.severity], message: { text: d.message },
        // A dose finding's own source (the RCP its message cites): SARIF has no per-result help address.
        ...(d.href && familyOf(d.code).stage === 'doses' ? { properties: { source: d.href } } : {}),
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: artifactUri(f.file) },
            region: { startLine: start(d).line, startColumn: start(d).col, endLine: end(d).line, endColumn: end(d).col },
          },
        }],
      }))),
    }],
  };
}

/** GitHub's workflow command escaping: data, then property values. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const GH_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

function github(reports: FileDiagnostics[]): string {
  return reports.flatMap((f) => f.diagnostics.map((d) => {
    const s = start(d), e = end(d);
    const props = `file=${ghProp(f.file)},line=${s.line},col=${s.col},endLine=${e.line},endColumn=${e.col},title=${ghProp(d.code)}`;
    return `::${GH_LEVEL[d.severity]} ${props}::${ghData(d.message)}`;
  })).join('\n');
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
  // Characters XML 1.0 forbids (C0 controls but tab and newlines, lone surrogates) are dropped.
  .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

function junit(reports: FileDiagnostics[]): string {
  const suites = reports.map((f) => {
    const cases = f.diagnostics.length
      ? f.diagnostics.map((d) => {
        const s = start(d);
        return `    <testcase classname="${xml(f.file)}" name="${xml(`${d.code} ${s.line}:${s.col}`)}"><failure type="${d.severity}" message="${xml(d.message)}">${xml(`${f.file}:${s.line}:${s.col}: ${d.severity} [${d.code}] ${d.message}`)}</failure></testcase>`;
      })
      : [`    <testcase classname="${xml(f.file)}" name="medlint"/>`];
    return `  <testsuite name="${xml(f.file)}" tests="${cases.length}" failures="${f.diagnostics.length}">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const tests = reports.reduce((n, f) => n + Math.max(1, f.diagnostics.length), 0);
  const failures = reports.reduce((n, f) => n + f.diagnostics.length, 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="medlint" tests="${tests}" failures="${failures}">\n${suites.join('\n')}\n</testsuites>`;
}

export function formatReport(format: Format, reports: FileDiagnostics[], version: string): string {
  switch (format) {
    case 'json': return JSON.stringify({ files: reports }, null, 2);
    case 'sarif': return JSON.stringify(sarif(reports, version), null, 2);
    case 'github': return github(reports);
    case 'junit': return junit(reports);
    default: return formatText(reports, (total, files) => t('{0} diagnostic(s) in {1} file(s).', total, files));
  }
}
