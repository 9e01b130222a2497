/**
 * The CLI: argument parsing, files, output formats. Same core and features as the server.
 *   medlint check [--format text|json] <files or folders>
 *   medlint annotate --format json <files>
 *   medlint data stats [--format json] | medlint data show <name>
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeDocument } from './core/document';
import { loadLexicon } from './core/load';
import { foldKey } from './core/normalize';
import { checkReport, annotateReport, formatText, type FileDiagnostics } from './features/report';
import { entryCard } from './features/cards';

const USAGE = `Usage :
  medlint check [--format text|json] <fichiers ou dossiers…>
  medlint annotate --format json <fichiers…>
  medlint data stats [--format json]
  medlint data show <nom>`;

class UsageError extends Error {}

function markdownFiles(path: string): string[] {
  const st = statSync(path);
  if (!st.isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => {
    const p = join(path, name);
    if (name.startsWith('.') || name === 'node_modules') return [];
    return statSync(p).isDirectory() ? markdownFiles(p) : /\.(md|markdown)$/i.test(name) ? [p] : [];
  });
}

function parse(args: string[]): { format: string; rest: string[] } {
  let format = 'text';
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--format') {
      format = args[++i];
      if (format !== 'text' && format !== 'json') throw new UsageError(`format inconnu : ${format ?? '(absent)'} (text ou json)`);
    } else if (args[i].startsWith('--')) throw new UsageError(`option inconnue : ${args[i]}`);
    else rest.push(args[i]);
  }
  return { format, rest };
}

function main(argv: string[]): number {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  if (command === 'data') return dataCommand(args);
  if (command !== 'check' && command !== 'annotate') throw new UsageError(`commande inconnue : ${command}`);
  const { format, rest } = parse(args);
  if (rest.length === 0) throw new UsageError('aucun fichier à analyser');
  const lexicon = loadLexicon();
  let unreadable = false;
  const checks: FileDiagnostics[] = [];
  const annotations: ReturnType<typeof annotateReport>[] = [];
  for (const target of rest) {
    let files: string[];
    try {
      files = markdownFiles(target);
    } catch (e) {
      process.stderr.write(`medlint : impossible de lire ${target} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      unreadable = true;
      continue;
    }
    for (const file of files) {
      let source: string;
      try {
        source = readFileSync(file, 'utf8');
      } catch (e) {
        process.stderr.write(`medlint : impossible de lire ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
        unreadable = true;
        continue;
      }
      const analysis = analyzeDocument(source, lexicon);
      if (command === 'check') checks.push(checkReport(file, source, analysis));
      else annotations.push(annotateReport(file, source, analysis));
    }
  }
  if (command === 'annotate') process.stdout.write(JSON.stringify({ files: annotations }, null, 2) + '\n');
  else if (format === 'json') process.stdout.write(JSON.stringify({ files: checks }, null, 2) + '\n');
  else process.stdout.write(formatText(checks) + '\n');
  if (unreadable) return 2;
  return checks.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
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
    process.stdout.write(format === 'json' ? JSON.stringify(stats, null, 2) + '\n' : Object.entries(stats).map(([k, v]) => `${k}: ${v}`).join('\n') + '\n');
    return 0;
  }
  if (sub === 'show') {
    const name = rest.join(' ');
    if (!name) throw new UsageError('medlint data show <nom>');
    const key = foldKey(name);
    const entry = lexicon.entries.find((e) => (e.key ?? foldKey(e.name)) === key);
    if (!entry) {
      process.stderr.write(`medlint : « ${name} » est inconnu de la base.\n`);
      return 1;
    }
    const card = entryCard(entry, lexicon);
    process.stdout.write(card.replace(/ +$/gm, '') + '\n'); // Markdown hard breaks are noise in a terminal
    return 0;
  }
  throw new UsageError(`sous-commande data inconnue : ${sub ?? '(absente)'}`);
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    process.stderr.write(`medlint : ${e.message}\n${USAGE}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`medlint : erreur interne : ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  }
}
