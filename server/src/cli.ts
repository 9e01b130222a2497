/**
 * The CLI: arguments (node:util parseArgs), configuration, commands. Same core and features as the server.
 *   medlint check [--format text|json|sarif|github|junit] [--config f] [--max-warnings n] [--severity r=niveau]
 *                 <fichiers, dossiers, motifs>
 *   medlint check --stdin --stdin-filename article.md < article.md
 *   medlint annotate --format json <fichiers>  |  medlint data stats [--format json]  |  medlint data show <nom>
 * Exit: 1 when an error, or more warnings than --max-warnings, remain; 2 on a usage or configuration error
 * or a file not checked; else 0. A closed pipe or a full disk ends it quietly (cli/output.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeDocument } from './core/document';
import { loadLexicon } from './core/load';
import { withProjectData } from './core/lexicon-overlay';
import { foldKey } from './core/normalize';
import { LineIndex } from './core/positions';
import type { Lexicon } from './core/lexicon';
import { annotateReport, type FileDiagnostics } from './features/report';
import { diagnose } from './features/diagnostics';
import { entryCard } from './features/cards';
import { ConfigResolver, isIgnored, parseSettings, type ConfigLayer } from './config';
import { expandTargets, medlintIgnore, readSource } from './cli/files';
import { FORMATS, formatReport, type Format } from './cli/formats';
import { emit, say } from './cli/output';
import { reportCommand } from './cli/report-command';
import { localeFlag, said, setLocale, t } from './cli/l10n';
import { version } from '../../package.json';

const USAGE = `Usage:
  medlint check [--format text|json|sarif|github|junit] [--config <file>] [--max-warnings <n>]
                [--severity <rule>=<level>]… [--locale fr|en] <files, folders or patterns…>
  medlint check --stdin --stdin-filename <name> [options]
  medlint annotate --format json <files…>
  medlint data stats [--format json]
  medlint data show <name>
  medlint report [--format markdown|json|html] [--locale fr|en] <file>`;

class UsageError extends Error {}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'max-warnings': { type: 'string' },
  severity: { type: 'string', short: 's', multiple: true },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  locale: { type: 'string' },
} as const;

function parse(args: string[]) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(t('unknown format: {0} ({1})', format, FORMATS.join(', ')));
  const maxRaw = values['max-warnings'];
  const maxWarnings = maxRaw === undefined ? Infinity : Number(maxRaw);
  if (maxRaw !== undefined && !(/^\d+$/.test(maxRaw))) throw new UsageError(t('--max-warnings expects a whole number, zero or more, not “{0}”', maxRaw));
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError(t('--stdin-filename goes with --stdin'));
  return { ...values, format, maxWarnings, positionals, severity: severityFlags(values.severity ?? []) };
}

/** `--severity dose-above-max=error` (repeatable): the last layer of the configuration. */
function severityFlags(flags: string[]): ConfigLayer {
  if (!flags.length) return {};
  const raw = Object.fromEntries(flags.map((f) => {
    const [rule, level] = f.split('=');
    if (!rule || level === undefined) throw new UsageError(t('--severity expects rule=level, not “{0}”', f));
    return [rule, level];
  }));
  const { config, problems } = parseSettings({ severity: raw }, '--severity');
  if (problems.length) throw new UsageError(problems.map((p) => p.message).join('\n'));
  return config;
}

type Options = ReturnType<typeof parse>;

/** Where a file's problem is told: errno codes read as « illisible (ENOENT) ». */
function problem(path: string, why: string): void {
  say(said(t('{0}: {1}', path, /^E[A-Z]+$/.test(why) ? t('unreadable ({0})', why) : why)));
}

interface Source { file: string; text: string }

function sourcesOf(opts: Options, cwd: string, failed: () => void): Source[] {
  if (opts.stdin) {
    if (opts.positionals.length) throw new UsageError(t('--stdin takes no file'));
    return [{ file: opts['stdin-filename'] ?? '<stdin>', text: readFileSync(0, 'utf8') }];
  }
  if (opts.positionals.length === 0) throw new UsageError(t('no file to check'));
  const ignored = medlintIgnore(cwd);
  const out: Source[] = [];
  for (const file of expandTargets(opts.positionals, cwd, (p, why) => { failed(); problem(p, why); })) {
    if (ignored(resolve(cwd, file))) continue;
    const text = readSource(file, (p, why) => { failed(); problem(p, why); });
    if (text !== undefined) out.push({ file, text });
  }
  return out;
}

function check(opts: Options, lexicon: () => Lexicon): number {
  const cwd = process.cwd();
  let incomplete = false;
  const resolver = new ConfigResolver([], opts.config ? resolve(cwd, opts.config) : undefined, [opts.severity]);
  const told = new Set<string>();
  const reports: FileDiagnostics[] = [];
  for (const { file, text } of sourcesOf(opts, cwd, () => { incomplete = true; })) {
    const { config, source, problems, fatal } = resolver.forFile(resolve(cwd, file));
    if (source && !told.has(source)) {
      told.add(source);
      for (const p of problems) say(said(`${p.file ?? source}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`));
      if (!fatal) for (const p of withProjectData(lexicon(), config.data).problems) say(said(`${source}: ${p}`));
    }
    if (fatal) {
      incomplete = true;
      continue;
    }
    if (!opts.stdin && isIgnored(resolve(cwd, file), config)) continue;
    const analysis = analyzeDocument(text, withProjectData(lexicon(), config.data).lexicon);
    reports.push({ file, diagnostics: diagnose(text, analysis, new LineIndex(text), config) });
  }
  const all = reports.flatMap((r) => r.diagnostics);
  const warnings = all.filter((d) => d.severity === 'warning').length;
  const code = incomplete ? 2 : all.some((d) => d.severity === 'error') || warnings > opts.maxWarnings ? 1 : 0;
  if (Number.isFinite(opts.maxWarnings) && warnings > opts.maxWarnings && opts.format === 'text') {
    say(said(t('{0} warning(s), more than --max-warnings {1}', warnings, opts.maxWarnings)));
  }
  emit(formatReport(opts.format, reports, version), code);
  return code;
}

function annotate(opts: Options, lexicon: () => Lexicon): number {
  let incomplete = false;
  const cwd = process.cwd();
  const resolver = new ConfigResolver([], opts.config ? resolve(cwd, opts.config) : undefined);
  const told = new Set<string>();
  // Each file with its project's data (.medlint.json `data`); a broken project file is one problem, its files skipped.
  const files = sourcesOf(opts, cwd, () => { incomplete = true; }).flatMap(({ file, text }) => {
    const { config, source, problems, fatal } = resolver.forFile(resolve(cwd, file));
    if (fatal) {
      incomplete = true;
      if (told.has(source!)) return [];
      told.add(source!);
      for (const p of problems) say(said(`${p.file ?? source}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`));
      return [];
    }
    return [annotateReport(file, text, analyzeDocument(text, withProjectData(lexicon(), config.data).lexicon))];
  });
  const code = incomplete ? 2 : 0;
  emit(JSON.stringify({ files }, null, 2), code);
  return code;
}

function dataCommand(args: string[]): number {
  const [sub, ...rest] = args;
  const lexicon = loadLexicon();
  const index = lexicon.index;
  if (sub === 'stats') {
    const { format } = parse(rest);
    const ranges = index.substances.flatMap((s) => s.ranges);
    const stats = {
      substances: index.substances.length,
      brands: index.brands.length,
      substancesWithRanges: index.substances.filter((s) => s.ranges.length > 0).length,
      ranges: ranges.length,
      rangesWithoutSource: ranges.filter((r) => !r.source?.url || !r.source?.title).length,
      trials: index.trials.length,
      trialsWithNct: index.trials.filter((t) => t.nct).length,
      worldSubstances: index.substances.filter((s) => s.world).length,
      abbreviations: index.abbreviations.length,
      bdpmDate: index.meta.bdpmDate,
    };
    return emit(format === 'json' ? JSON.stringify(stats, null, 2) : Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join('\n'), 0);
  }
  if (sub === 'show') {
    const name = rest.join(' ');
    if (!name) throw new UsageError(t('medlint data show <name>'));
    const key = foldKey(name);
    const entry = lexicon.entries.find((e) => (e.key ?? foldKey(e.name)) === key);
    if (!entry) {
      say(said(t('“{0}” is not in the data.', name)));
      return 1;
    }
    return emit(entryCard(entry, lexicon).replace(/ +$/gm, ''), 0); // Markdown hard breaks are noise in a terminal
  }
  throw new UsageError(t('unknown data subcommand: {0}', sub ?? t('(none)')));
}

function main(argv: string[]): number {
  setLocale(localeFlag(argv));
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h') {
    emit(t(USAGE), command ? 0 : 2);
    return command ? 0 : 2;
  }
  if (command === 'data') return dataCommand(args);
  if (command === 'report') return reportCommand(args);
  if (command !== 'check' && command !== 'annotate') throw new UsageError(t('unknown command: {0}', command));
  const opts = parse(args);
  if (opts.help) return emit(t(USAGE), 0);
  let lexicon: Lexicon | undefined;
  const lex = () => (lexicon ??= loadLexicon());
  return command === 'check' ? check(opts, lex) : annotate(opts, lex);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  say(e instanceof UsageError ? `${said(e.message)}\n${t(USAGE)}` : said(t('internal error: {0}', String((e as Error).stack ?? e))));
  process.exitCode = 2;
}
