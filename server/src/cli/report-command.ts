/**
 * `medlint report [--format markdown|json|html] [--locale fr|en] <fichier>`: the fact-check report of one
 * article (features/fact-check.ts), printed on stdout; headings in French unless `--locale en`.
 * Exit 0, or 2 on a usage error or an unreadable file.
 *
 *   medlint report --format html article.md > rapport.html
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { analyze } from '../core/analyze';
import { resolve } from 'node:path';
import { loadLexicon } from '../core/load';
import { withProjectData } from '../core/lexicon-overlay';
import { ConfigResolver } from '../config';
import { factCheck, renderHtml, renderJson, renderMarkdown } from '../features/fact-check';
import { reportText } from '../features/report-text';
import { currentLocale, said, t } from './l10n';

const FORMATS = ['markdown', 'json', 'html'] as const;
type ReportFormat = (typeof FORMATS)[number];
const USAGE = 'Usage: medlint report [--format markdown|json|html] [--locale fr|en] <file>';

function fail(message: string): number {
  process.stderr.write(`${said(message)}\n`);
  return 2;
}

export function reportCommand(args: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { format: { type: 'string', short: 'f' }, locale: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    return fail(`${(e as Error).message}\n${t(USAGE)}`);
  }
  const format = (parsed.values.format ?? 'markdown') as ReportFormat;
  if (!FORMATS.includes(format)) return fail(`${t('unknown format: {0} ({1})', format, FORMATS.join(', '))}\n${t(USAGE)}`);
  if (parsed.positionals.length !== 1) return fail(`${t('one file, and one only')}\n${t(USAGE)}`);
  const [file] = parsed.positionals;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    return fail(t('cannot read {0} ({1})', file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  // The article's project file: its data (the project's drugs, ranges, trials) are part of the report.
  const { config, source: projectFile, problems, fatal } = new ConfigResolver().forFile(resolve(file));
  if (fatal) return fail(problems.map((p) => `${p.file ?? projectFile}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`).join('\n'));
  const lexicon = withProjectData(loadLexicon(), config.data).lexicon;
  const model = factCheck(file, source, analyze(source, lexicon), lexicon);
  const link = (i: { range: { start: { line: number } } }) => `${encodeURI(file)}#L${i.range.start.line + 1}`;
  const words = reportText(currentLocale());
  process.stdout.write(format === 'json' ? renderJson(model) : format === 'html' ? renderHtml(model, words) : renderMarkdown(model, link, words));
  return 0;
}
